"""Starting the GUI: application object, font, translations, the database, the window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from kankei_desktop import APP_NAME, __version__
from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.paths import ORGANISATION, default_database_path, log_dir, user_data_dir
from kankei_desktop.services.work import unit as unit_of_work
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


def open_for_gui(db_path: Path | None, demo: bool, inform=None) -> Database | None:
    """The file the window works on: --db, a fresh demo file, or the user's own.

    An existing file is opened the safe way (one-writer lock, damage and network
    checks with their dialogs); None means the coordinator gave up, already told why.
    """
    if demo:
        from kankei_desktop.services import demo as demo_data

        from kankei_desktop.store import lock

        path = db_path or user_data_dir() / "demo.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        held = lock.acquire(path)  # the demo window is a writer like any other: never under someone's feet
        try:
            database = create_database(path, overwrite=True)
            with unit_of_work(database) as session:
                demo_data.load_demo_data(session)
        except BaseException:
            held.release()
            raise
        database.lock = held
        return database
    if type(db_path).__name__ == "ServerAddress":  # a server: no lock file, page check or file backup
        from kankei_desktop.services.server_roles import window_refusal
        from kankei_desktop.store import open_database

        database = open_database(db_path)
        refusal = window_refusal(database)  # a 閲覧者: no names to show (docs/server.md)
        if refusal:
            database.close()
            raise KankeiError(refusal)
        return database
    path = db_path or default_database_path()
    if not path.exists() and db_path is None:
        path.parent.mkdir(parents=True, exist_ok=True)
        create_database(path).close()
    from kankei_desktop.ui.areas.backups.startup import open_with_safety

    return open_with_safety(path, inform=inform)


def organisation_name(database: Database) -> str:
    from kankei_desktop.services import settings_store

    return settings_store.read(database, [settings_store.ORGANISATION_NAME])[settings_store.ORGANISATION_NAME.key]


def target_path(db_path: Path | None, demo: bool) -> Path:
    """The file ``open_for_gui`` will open."""
    if demo:
        return db_path or user_data_dir() / "demo.sqlite3"
    return db_path or default_database_path()


def handed_over_to_open_window(path: Path, *, wait_seconds: float = 20.0) -> bool:
    """True when a window of this user already has ``path`` and came forward.

    A window starting at this moment holds the lock before it listens: while a
    lock taken in the last ``wait_seconds`` names this user, this machine and a live
    program, keep asking for a while (an older one without a window is a command
    such as ``import``: its holder is named by the usual message at once).
    """
    import time
    from datetime import datetime

    from kankei_desktop.store import lock
    from kankei_desktop.ui.single_instance import hand_over

    if hand_over(path):
        return True
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        holder = lock.read_holder(path)
        try:
            age = (datetime.now() - datetime.fromisoformat(str(holder["since"]))).total_seconds() if holder else None
        except ValueError:
            age = None
        starting = (holder is not None and age is not None and age < wait_seconds
                    and holder.get("user") == lock.current_user() and holder.get("machine") == lock.machine_name()
                    and holder.get("pid") != os.getpid() and lock.pid_alive(int(holder.get("pid") or 0)))
        if not starting:
            return False
        if hand_over(path, timeout_ms=500):
            return True
        time.sleep(0.3)
    return False


def make_window(database: Database):
    """The main window on ``database``, with what opening it found shown at the top."""
    from kankei_desktop.ui.main_window import MainWindow
    from kankei_desktop.ui.open_findings import show_open_findings

    window = MainWindow(database, organisation_name(database))
    window.open_findings = show_open_findings(window, database)
    from kankei_desktop.ui.server.connections import install_in

    install_in(window)  # File ▸ Open server connection… (issue 20)
    return window


def run_gui(db_path: Path | None = None, demo: bool = False) -> int:
    _setup_logging()
    app = make_application()
    from kankei_desktop.ui.worker import install_excepthook

    install_excepthook()  # an uncaught error is logged and shown, the window keeps running
    path = target_path(db_path, demo)
    server = type(path).__name__ == "ServerAddress"  # several windows may share a server database
    if not server and handed_over_to_open_window(path):
        return 0  # the window already open on this file came forward
    handed_over = []

    def inform(title: str, text: str) -> None:
        # Two launches at the same moment: the other took the lock first and is starting its window.
        if handed_over_to_open_window(path):
            handed_over.append(True)
        else:
            QMessageBox.warning(None, title, text)

    try:
        database = open_for_gui(db_path, demo, inform=None if server else inform)
    except KankeiError as error:
        QMessageBox.critical(None, app.translate("App", "Cannot open the file"), error.message)
        return 2
    if database is None:
        return 0 if handed_over else 2
    from kankei_desktop.ui.single_instance import WindowServer

    window = make_window(database)
    listener = None if server else WindowServer(window, database.path)
    window.show()
    code = app.exec()
    if listener is not None:
        listener.close()
    database.close()
    return code
