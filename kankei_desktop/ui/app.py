"""Starting the GUI: application object, font, translations, the database, the window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from kankei_desktop import APP_NAME, __version__
from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.paths import ORGANISATION, default_database_path, log_dir, user_data_dir
from kankei_desktop.store import Database, create_database
from kankei_desktop.ui import settings
from kankei_desktop.ui.fonts import install_application_font
from kankei_desktop.ui.translation import install_translations


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    install_application_font(app)
    install_translations(app, settings.get(settings.LANGUAGE))
    return app


def _setup_logging() -> None:
    # Tracebacks go to a file in the data folder, never onto the coordinator's screen.
    try:
        log_dir().mkdir(parents=True, exist_ok=True)
        logging.basicConfig(
            filename=log_dir() / "kankei-desktop.log",
            level=logging.INFO,
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
    except OSError:
        logging.basicConfig(level=logging.WARNING)


def open_for_gui(db_path: Path | None, demo: bool) -> Database | None:
    """The file the window works on: --db, a fresh demo file, or the user's own.

    An existing file is opened the safe way (one-writer lock, damage and network
    checks with their dialogs); None means the coordinator gave up, already told why.
    """
    if demo:
        from kankei_desktop.services import demo as demo_data

        path = db_path or user_data_dir() / "demo.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        database = create_database(path, overwrite=True)
        with database.session() as session:
            demo_data.load_demo_data(session)
        return database
    path = db_path or default_database_path()
    if not path.exists() and db_path is None:
        path.parent.mkdir(parents=True, exist_ok=True)
        create_database(path).close()
    from kankei_desktop.ui.areas.backups.startup import open_with_safety

    return open_with_safety(path)


def organisation_name(database: Database) -> str:
    from kankei_desktop.services import settings_store

    with database.session() as session:
        return settings_store.get(session, settings_store.ORGANISATION_NAME)


def run_gui(db_path: Path | None = None, demo: bool = False) -> int:
    _setup_logging()
    app = make_application()
    from kankei_desktop.ui.worker import install_excepthook

    install_excepthook()  # an uncaught error is logged and shown, the window keeps running
    try:
        database = open_for_gui(db_path, demo)
    except KankeiError as error:
        QMessageBox.critical(None, app.translate("App", "Cannot open the file"), error.message)
        return 2
    if database is None:
        return 2
    from kankei_desktop.ui.main_window import MainWindow

    window = MainWindow(database, organisation_name(database))
    window.show()
    code = app.exec()
    database.close()
    return code
