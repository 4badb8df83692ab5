"""The main window: sidebar of areas, the current area, and the status bar."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from pathlib import Path

from kankei_desktop.ui import icons as qta
from PySide6.QtCore import QByteArray, QCoreApplication, QSize, QTimer, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from kankei_desktop import APP_NAME_JA
from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.paths import resource_path
from kankei_desktop.ui import settings
from kankei_desktop.ui import accessibility
from kankei_desktop.ui.area import AreaPage
from kankei_desktop.ui.help_menu import HelpMenu
from kankei_desktop.store import Database

# (sidebar position, "module:Class"). Each area adds its own line; the number
# keeps the order of UX.md whatever order the lines were added in:
# 10 ホーム, 20 参加者, 30 プログラム, 40 滞在, 50 手紙・発送, 60 受入先, 70 レポート, 90 設定.
AREAS: list[tuple[int, str]] = [
    (20, "kankei_desktop.ui.areas.participants.page:ParticipantsPage"),
    (10, "kankei_desktop.ui.areas.home.page:HomePage"),
    (30, "kankei_desktop.ui.areas.programmes.page:ProgrammesPage"),
    (40, "kankei_desktop.ui.areas.stays.page:StaysPage"),
    (60, "kankei_desktop.ui.areas.hosts.page:HostsPage"),
    (50, "kankei_desktop.ui.areas.mail.page:MailPage"),
    (70, "kankei_desktop.ui.areas.reports.page:ReportsPage"),
    (80, "kankei_desktop.ui.areas.exchange.page:ExchangePage"),
    (85, "kankei_desktop.ui.areas.backups.page:DataSafetyPage"),
    (90, "kankei_desktop.ui.areas.settings.page:SettingsPage"),
]

# The smallest window: the usable screen of a 1366×768 laptop at 125 % is about 1093×580 (issue 17).
MINIMUM_SIZE = QSize(1000, 560)
FIRST_SIZE = QSize(1280, 780)  # the first window when the screen has room for it
# Files the import wizard reads, when dropped on the window.
DROPPABLE_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".tsv", ".txt")
# The export dialog's first choice in each area.
EXPORT_OF_AREA = {"participants": "persons", "programmes": "enrollments", "stays": "stays", "mail": "letters",
                  "hosts": "hosts"}

GEOMETRY = settings.Option("window/geometry", QByteArray, QByteArray())
SPLITTER = settings.Option("window/sidebar_splitter", QByteArray, QByteArray())
CHANGE_POLL_MS = 2000  # how often a window on a server asks whether another one saved


def _load_area_class(spec: str) -> type[AreaPage]:
    module_name, class_name = spec.split(":")
    return getattr(importlib.import_module(module_name), class_name)


class _TitleOnly:
    """Stands in for a page so ``area_title()`` can be read before the page exists.

    PySide6's ``tr()`` looks its text up under the class name, so this does the same.
    """

    def __init__(self, page_class: type[AreaPage]):
        self._context = page_class.__name__

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(self._context, text, disambiguation, n)


def area_title_of(page_class: type[AreaPage]) -> str:
    return page_class.area_title(_TitleOnly(page_class))


class _Pages(Mapping):
    """``MainWindow.pages``: every area by key; a page is built the first time it is asked for."""

    def __init__(self, window: MainWindow):
        self._window = window

    def __getitem__(self, key: str) -> AreaPage:
        return self._window._page(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._window._area_keys)

    def __len__(self) -> int:
        return len(self._window._area_keys)


class MainWindow(HelpMenu, QMainWindow):
    def __init__(self, database: Database, organisation: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.setObjectName("main_window")
        accessibility.install()  # every dialog: labels linked to fields, icon buttons named
        title = APP_NAME_JA if self.tr("Kankei Desktop") == "関係人口デスク" else self.tr("Kankei Desktop")
        suffix = f" — {organisation}" if organisation else ""
        self.setWindowTitle(f"{title}{suffix} ({database.path.name})")
        self.setWindowIcon(QIcon(str(resource_path("icons", "app.png"))))
        self.setMinimumSize(MINIMUM_SIZE)
        self.setAcceptDrops(True)
        self.owns_database = False  # a file opened from the menu is closed with its window
        self.replaced_by: MainWindow | None = None
        self.import_wizard = None
        self.export_dialog = None

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setMinimumWidth(150)
        self.sidebar.setMaximumWidth(220)
        self.stack = QStackedWidget()
        # Only the first area shown is built at start; the others when first opened (issue 9).
        self._area_keys: list[str] = []
        self._area_classes: dict[str, type[AreaPage]] = {}
        self._built: dict[str, AreaPage] = {}
        self.pages: Mapping[str, AreaPage] = _Pages(self)
        for _position, spec in sorted(AREAS):
            self._add_area(_load_area_class(spec))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.count_label = QLabel()
        self.backup_label = QLabel()
        self.saved_label = QLabel(self.tr("Saved"))
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.backup_label)
        self.statusBar().addPermanentWidget(self.saved_label)

        self.sidebar.currentRowChanged.connect(self._show_area)
        self._install_menus()
        self._install_shortcuts()
        self._restore_layout()
        self.sidebar.setCurrentRow(0)
        # Areas with work of their own (the automatic backups) start with the window.
        for key, page_class in self._area_classes.items():
            if page_class.BUILD_AT_START:
                self._page(key)
        # On a server: another window's save refreshes the open area within seconds (store/changes.py).
        self._changes = database.change_listener() if getattr(database, "is_server", False) else None
        if self._changes is not None:
            self.change_timer = QTimer(self)
            self.change_timer.setInterval(CHANGE_POLL_MS)
            self.change_timer.timeout.connect(self._refresh_on_others_saves)
            self.change_timer.start()

    def _refresh_on_others_saves(self) -> None:
        if self._changes is not None and self._changes.changed():
            self.current_page().refresh()  # areas keep their selection on refresh

    # ------------------------------------------------------------- areas
    def _add_area(self, page_class: type[AreaPage]) -> None:
        key = page_class.AREA_KEY
        self._area_keys.append(key)
        self._area_classes[key] = page_class
        item = QListWidgetItem(qta.icon(page_class.ICON, color="#2d3748"), area_title_of(page_class))
        item.setSizeHint(QSize(140, 40))
        self.sidebar.addItem(item)
        self.stack.addWidget(QWidget())  # holds the place until the page is built

    def _page(self, key: str) -> AreaPage:
        page = self._built.get(key)
        if page is None:
            page = self._area_classes[key](self.database, self)
            page.status_message.connect(self._on_status_message)
            accessibility.link_labels(page)  # form labels name their fields (screen readers, Alt+key)
            accessibility.name_icon_buttons(page)
            self._built[key] = page
            row = self._area_keys.index(key)
            current = self.stack.currentIndex()
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.setCurrentIndex(current)
        return page

    def _show_area(self, row: int) -> None:
        if row < 0:
            return
        page = self._page(self._area_keys[row])
        self.stack.setCurrentIndex(row)
        self.count_label.clear()
        page.activate()

    def current_page(self) -> AreaPage:
        return self.stack.currentWidget()

    def show_area(self, key: str) -> AreaPage:
        """Switch to an area by its key (e.g. 'participants') and return its page."""
        page = self.pages[key]
        self.sidebar.setCurrentRow(self.stack.indexOf(page))
        return page

    def _on_status_message(self, text: str) -> None:
        if self.sender() is self.current_page():
            self.count_label.setText(text)

    def set_backup_status(self, text: str) -> None:
        self.backup_label.setText(text)

    # --------------------------------------------------------- keyboard
    def _install_shortcuts(self) -> None:
        bindings = (
            (QKeySequence.StandardKey.Find, lambda: self.current_page().focus_search(),
             self.tr("Search in the list of this area")),
            (QKeySequence.StandardKey.New, lambda: self.current_page().create_new(),
             self.tr("New record in this area")),
            (QKeySequence.StandardKey.Refresh, lambda: self.current_page().refresh(), self.tr("Reload this area")),
            (QKeySequence("Ctrl+K"), self._search_everything, self.tr("Search all participants")),
        )
        for sequence, slot, what in bindings:
            shortcut = QShortcut(QKeySequence(sequence), self, activated=slot)
            shortcut.setWhatsThis(what)  # the shortcut list (F1) shows it

    def _action(self, menu, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if name:
            action.setObjectName(name)
        return action

    def _install_menus(self) -> None:
        """ファイル, 移動 and ヘルプ, each with its Alt accelerator (issue 14 item 2)."""
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("file_menu")
        self._action(file_menu, self.tr("&New file…"), self.new_file, None, "new_file_action")
        self._action(file_menu, self.tr("&Open file…"), self.open_file, QKeySequence.StandardKey.Open,
                     "open_file_action")
        from kankei_desktop.ui.server.connections import install_action

        install_action(self, file_menu)  # Open server connection… (issue 20): every window has it
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Import…"), self.open_import, "Ctrl+I", "import_action")
        self._action(file_menu, self.tr("&Export…"), self.open_export, "Ctrl+E", "export_action")
        self._action(file_menu, self.tr("Input &template…"), self.save_template, None, "template_action")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Backup now"), self.backup_now, None, "backup_action")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("E&xit"), self.close, "Ctrl+Q", "quit_action")
        go_menu = bar.addMenu(self.tr("&Go"))
        go_menu.setObjectName("go_menu")
        for row, key in enumerate(self._area_keys):
            # Ctrl+1…8 in order; Ctrl+9 the last area (設定), as Ctrl+9 is the last tab in browsers;
            # the ninth of ten areas (データの保護) takes Ctrl+0, so every area has one.
            last = row == len(self._area_keys) - 1
            shortcut = f"Ctrl+{row + 1}" if row < 8 else "Ctrl+9" if last else "Ctrl+0" if row == 8 else None
            self._action(go_menu, area_title_of(self._area_classes[key]),
                         lambda key=key: self.show_area(key), shortcut)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("help_menu")
        self._action(help_menu, self.tr("&Keyboard shortcuts"), self.show_shortcuts, QKeySequence.StandardKey.HelpContents,
                     "shortcuts_action")
        self._action(help_menu, self.tr("&About Kankei Desktop"), self.show_about, None, "about_action")

    # ------------------------------------------------------- file menu
    def open_import(self, path: Path | None = None):
        """The import wizard, window-modal; with ``path`` (a dropped file) it starts on that file."""
        from kankei_desktop.ui.import_wizard.wizard import ImportWizard

        wizard = ImportWizard(self.database, self)
        if path is not None:
            wizard.file_page.path_edit.setText(str(path))
        wizard.finished.connect(lambda _result: self.current_page().refresh())
        self.import_wizard = wizard
        wizard.open()
        return wizard

    def open_export(self, what: str | None = None):
        from kankei_desktop.ui.import_wizard.export_dialog import ExportDialog

        key = self._area_keys[self.stack.currentIndex()]
        dialog = ExportDialog(self.database, self, what or EXPORT_OF_AREA.get(key, "persons"))
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def save_template(self, kind: str | None = None, path: Path | None = None) -> Path | None:
        """A blank import sheet of the chosen kind (the same as the wizard's first page offers)."""
        from kankei_desktop.io.columns import KIND_LABELS
        from kankei_desktop.io.templates import default_file_name, write_template

        if kind is None:
            labels = list(KIND_LABELS.values())
            label, ok = QInputDialog.getItem(self, self.tr("Input template"), self.tr("Template for"), labels, 0, False)
            if not ok:
                return None
            kind = list(KIND_LABELS)[labels.index(label)]
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save template"), default_file_name(kind),
                                                  self.tr("Excel (*.xlsx)"))
            if not name:
                return None
            path = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")
        try:
            write_template(kind, path)
        except (KankeiError, OSError) as error:
            QMessageBox.warning(self, self.tr("Input template"), getattr(error, "message", None) or str(error))
            return None
        self.count_label.setText(self.tr("Template saved: %1").replace("%1", str(path)))
        return path

    def backup_now(self) -> None:
        """The データの保全 area's own 今すぐバックアップ, shown where its progress and result appear."""
        page = self.show_area("data_safety") if "data_safety" in self._area_keys else None
        if page is not None and hasattr(page, "backup_now"):
            page.backup_now()

    def new_file(self, path: Path | None = None) -> MainWindow | None:
        """Create an empty file and work on it, opened the start-up's safe way (lock and checks)."""
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("New file"), str(self.database.path.parent / "kankei.sqlite3"),
                self.tr("Kankei Desktop file (*.sqlite3)"), options=QFileDialog.Option.DontConfirmOverwrite)
            if not name:
                return None
            path = Path(name)
        path = Path(path)
        if path.suffix == "":
            path = path.with_suffix(".sqlite3")
        if path.exists():
            QMessageBox.warning(self, self.tr("New file"),
                                self.tr("%1 already exists. Choose another name, or open it with Open file.")
                                .replace("%1", f"「{path}」"))
            return None
        from kankei_desktop.store import create_database

        try:
            create_database(path).close()
        except KankeiError as error:
            QMessageBox.warning(self, self.tr("New file"), error.message)
            return None
        return self.open_file(path)

    def open_file(self, path: Path | None = None) -> MainWindow | None:
        """Work on another file: opened as at start-up (lock, damage and network checks with their
        dialogs); this window and its file are closed once the other is open. A server address
        opens as File ▸ Open server connection does (a 閲覧者 is refused, as at start-up)."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Open file"), str(self.database.path.parent),
                                                  self.tr("Kankei Desktop file (*.sqlite3 *.db);;All files (*)"))
            if not name:
                return None
            path = Path(name)
        from kankei_desktop.store.server import is_server_url, location

        if is_server_url(path):  # a server URL or a saved connection: the same door as the menu's,
            from kankei_desktop.ui.server import open_server  # where a 閲覧者 is refused

            return open_server(self, location(path))
        path = Path(path)
        if path.resolve() == Path(self.database.path).resolve():
            QMessageBox.information(self, self.tr("Open file"), self.tr("This file is already open."))
            return None
        from kankei_desktop.ui.areas.backups.startup import open_with_safety

        try:
            database = open_with_safety(path, self)
        except KankeiError as error:
            QMessageBox.warning(self, self.tr("Cannot open the file"), error.message)
            return None
        if database is None:
            return None
        from kankei_desktop.ui.app import organisation_name

        # Work still running on the old file ends, and its answers arrive, before the file closes.
        from kankei_desktop.ui import worker

        worker.wait_for_running(self)
        QCoreApplication.processEvents()
        window = MainWindow(database, organisation_name(database))
        window.owns_database = True
        window.show()
        self.replaced_by = window
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.close()
        self.database.close()  # its lock is released: another window or PC may open it now
        return window

    # ------------------------------------------------------- dropping a file
    @staticmethod
    def _dropped_file(mime) -> Path | None:
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile():
                path = Path(url.toLocalFile())
                if path.suffix.lower() in DROPPABLE_SUFFIXES:
                    return path
        return None

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self._dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt override)
        path = self._dropped_file(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_import(path)

    def _search_everything(self) -> None:
        self.show_area("participants").focus_search()

    # ----------------------------------------------------------- layout
    def _restore_layout(self) -> None:
        geometry = settings.get(GEOMETRY)
        if geometry and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(first_size(self))
        state = settings.get(SPLITTER)
        if state and not state.isEmpty():
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([170, 1110])

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        from kankei_desktop.ui import worker

        worker.wait_for_running(self)  # names what still runs in a small dialog, then waits for it
        settings.put(GEOMETRY, self.saveGeometry())
        settings.put(SPLITTER, self.splitter.saveState())
        if self._changes is not None:
            self.change_timer.stop()
            self._changes.close()
            self._changes = None
        super().closeEvent(event)
        if event.isAccepted() and self.owns_database:
            self.database.close()


def first_size(window: QWidget) -> QSize:
    """FIRST_SIZE, or less on a screen without room for it: the available geometry (taskbar
    left out) less the window frame, never below the minimum size."""
    screen = window.screen()
    if screen is None:
        return FIRST_SIZE
    room = screen.availableGeometry().size() - QSize(16, 48)  # frame and title bar
    return QSize(max(MINIMUM_SIZE.width(), min(FIRST_SIZE.width(), room.width())),
                 max(MINIMUM_SIZE.height(), min(FIRST_SIZE.height(), room.height())))
