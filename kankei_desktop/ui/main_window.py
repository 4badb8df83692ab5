"""The main window: sidebar of areas, the current area, and the status bar."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from kankei_desktop.ui import icons as qta
from PySide6.QtCore import QByteArray, QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from kankei_desktop import APP_NAME_JA
from kankei_desktop.paths import resource_path
from kankei_desktop.ui import settings
from kankei_desktop.ui.area import AreaPage
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
    (85, "kankei_desktop.ui.areas.backups.page:DataSafetyPage"),
    (90, "kankei_desktop.ui.areas.settings.page:SettingsPage"),
]

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


class MainWindow(QMainWindow):
    def __init__(self, database: Database, organisation: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.setObjectName("main_window")
        title = APP_NAME_JA if self.tr("Kankei Desktop") == "関係人口デスク" else self.tr("Kankei Desktop")
        suffix = f" — {organisation}" if organisation else ""
        self.setWindowTitle(f"{title}{suffix} ({database.path.name})")
        self.setWindowIcon(QIcon(str(resource_path("icons", "app.png"))))
        self.setMinimumSize(1100, 680)

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
            (QKeySequence.StandardKey.Find, lambda: self.current_page().focus_search()),
            (QKeySequence.StandardKey.New, lambda: self.current_page().create_new()),
            (QKeySequence.StandardKey.Refresh, lambda: self.current_page().refresh()),
            (QKeySequence("Ctrl+K"), self._search_everything),
        )
        for sequence, slot in bindings:
            QShortcut(QKeySequence(sequence), self, activated=slot)

    def _search_everything(self) -> None:
        self.show_area("participants").focus_search()

    # ----------------------------------------------------------- layout
    def _restore_layout(self) -> None:
        geometry = settings.get(GEOMETRY)
        if geometry and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 780)
        state = settings.get(SPLITTER)
        if state and not state.isEmpty():
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([170, 1110])

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        settings.put(GEOMETRY, self.saveGeometry())
        settings.put(SPLITTER, self.splitter.saveState())
        if self._changes is not None:
            self.change_timer.stop()
            self._changes.close()
            self._changes = None
        super().closeEvent(event)
