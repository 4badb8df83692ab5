"""The window's saved connections to a PostgreSQL server (issue 20 item 1).

A connection is a name and a URL (``postgresql://user@host/dbname?sslmode=verify-full``),
kept in the per-user program settings. A URL with a password is refused here as everywhere
(store/server.py): the password lives in ~/.pgpass or the OS keyring and is read by the
store when it connects, so it is never in the settings file or a log.

``choose_server(parent)`` shows the dialog and returns the chosen address, or None; the
File menu's "Open server connection…" passes it to ``MainWindow.open_file`` like a path.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.ui import settings
from kankei_desktop.ui.common import error_label

CONNECTIONS = settings.Option("files/server_connections", str, "{}")


def saved_connections() -> dict[str, str]:
    """Name → URL, in the order they were saved."""
    try:
        found = json.loads(settings.get(CONNECTIONS) or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def _store(connections: dict[str, str]) -> None:
    settings.put(CONNECTIONS, json.dumps(connections, ensure_ascii=False))


class ServerConnectionDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("server_connection_dialog")
        self.setWindowTitle(self.tr("Open server connection"))
        self._chosen = None
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Saved connections"))
        layout.addWidget(heading)
        self.list = QListWidget()
        heading.setBuddy(self.list)
        self.list.setObjectName("saved_connections")
        self.list.setAccessibleName(self.tr("Saved connections"))
        self.list.currentItemChanged.connect(self._show_item)
        self.list.itemActivated.connect(lambda _item: self._connect())
        layout.addWidget(self.list)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("connection_name")
        self.name_edit.setPlaceholderText(self.tr("e.g. Town hall server"))
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("connection_url")
        self.url_edit.setPlaceholderText("postgresql://user@server/kankei?sslmode=verify-full")
        self.url_edit.setMinimumWidth(420)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&URL:"), self.url_edit)
        layout.addLayout(form)
        hint = QLabel(self.tr("The password is not saved here: keep it in .pgpass or the OS keyring "
                              "(docs/server.md)."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.message = error_label("connection_message")
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("save_connection")
        self.save_button.clicked.connect(self._save)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setObjectName("remove_connection")
        self.remove_button.clicked.connect(self._remove)
        row.addWidget(self.save_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = buttons.addButton(self.tr("&Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setObjectName("connect_button")
        self.connect_button.setDefault(True)
        buttons.accepted.connect(self._connect)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 380)
        self._fill()

    def _fill(self, select: str | None = None) -> None:
        self.list.clear()
        for name, url in saved_connections().items():
            item = QListWidgetItem(f"{name} — {url}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.list.addItem(item)
            if name == select:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def _show_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        self.name_edit.setText(name)
        self.url_edit.setText(saved_connections().get(name, ""))

    def _address(self):
        from kankei_desktop.store.server import ServerAddress, is_server_url

        url = self.url_edit.text().strip()
        if not is_server_url(url):
            self._refuse(self.tr("Write a PostgreSQL URL beginning with postgresql://."), self.url_edit)
            return None
        try:
            return ServerAddress(url)
        except KankeiError as error:  # a password in the URL, no database name…
            self._refuse(error.message, self.url_edit)
            return None

    def _refuse(self, text: str, field: QWidget) -> None:
        self.message.setText(text)
        field.setFocus()

    def _save(self) -> bool:
        address = self._address()
        if address is None:
            return False
        name = self.name_edit.text().strip() or address.name
        connections = saved_connections()
        connections[name] = str(address)  # as shown to people: no password can be in it
        _store(connections)
        self.message.clear()
        self._fill(select=name)
        return True

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        connections = saved_connections()
        connections.pop(item.data(Qt.ItemDataRole.UserRole), None)
        _store(connections)
        self.name_edit.clear()
        self.url_edit.clear()
        self._fill()

    def _connect(self) -> None:
        address = self._address()
        if address is None:
            return
        self._chosen = address
        self.accept()

    def chosen_address(self):
        return self._chosen


def choose_server(parent: QWidget | None = None):
    """The dialog, modal; the chosen ``ServerAddress`` or None."""
    dialog = ServerConnectionDialog(parent)
    return dialog.chosen_address() if dialog.exec() == QDialog.DialogCode.Accepted else None


def install_action(window, file_menu) -> None:
    """File ▸ Open server connection… (Ctrl+Shift+O), right after Open file…: the chosen
    server database opens in a new window, which replaces this one (as Open file does)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QAction, QKeySequence

    action = QAction(QCoreApplication.translate("ServerConnectionDialog", "Open &server connection…"), window)
    action.setObjectName("open_server_action")
    action.setShortcut(QKeySequence("Ctrl+Shift+O"))

    def chosen():
        address = choose_server(window)
        if address is not None:
            open_server(window, address)

    action.triggered.connect(chosen)
    after = next((a for a in file_menu.actions() if a.objectName() == "open_file_action"), None)
    following = file_menu.actions()
    index = following.index(after) + 1 if after in following else len(following)
    if index < len(following):
        file_menu.insertAction(following[index], action)
    else:
        file_menu.addAction(action)


def install_in(window) -> None:
    """The action in ``window``'s File menu, when it has one (the menu's object name ``file_menu``)."""
    from PySide6.QtWidgets import QMenu

    menu = window.findChild(QMenu, "file_menu")
    if menu is not None and not any(a.objectName() == "open_server_action" for a in menu.actions()):
        install_action(window, menu)


def open_server(window, address):
    """Work on a server database: a new window on it replaces ``window`` (whose database is
    closed, its lock released), as File ▸ Open file does; a refusal is shown, nothing changes."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from kankei_desktop.store import open_database

    if getattr(window.database, "path", None) == address:
        QMessageBox.information(window, QCoreApplication.translate("ServerConnectionDialog", "Open server connection"),
                                QCoreApplication.translate("ServerConnectionDialog", "This database is already open."))
        return None
    try:
        database = open_database(address)  # a server: no lock file, page check or file backup
    except KankeiError as error:
        QMessageBox.warning(window, QCoreApplication.translate("ServerConnectionDialog", "Cannot open the server database"),
                            error.message)
        return None
    from kankei_desktop.services.server_roles import window_refusal

    refusal = window_refusal(database)
    if refusal:
        database.close()
        QMessageBox.warning(window, QCoreApplication.translate("ServerConnectionDialog", "Cannot open the server database"),
                            refusal)
        return None
    from kankei_desktop.ui import worker
    from kankei_desktop.ui.app import make_window

    waiting = getattr(worker, "wait_for_running", None)  # the old database's background work ends first
    if waiting is not None:
        waiting(window)
    QCoreApplication.processEvents()
    new = make_window(database)
    new.owns_database = True
    new.show()
    window.replaced_by = new
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.close()
    window.database.close()
    return new
