"""ファイルを開く's saved server connections: a name and a URL, never a password (issue 20 item 1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMainWindow

from kankei_desktop.ui.server.connections import ServerConnectionDialog, install_action, saved_connections


@pytest.fixture(autouse=True)
def own_settings(tmp_path):
    """The per-user settings file in the test's folder, not the real user's."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield tmp_path


def settings_text(folder) -> str:
    return "".join(path.read_text("utf-8", errors="replace") for path in folder.rglob("*.ini"))


def test_a_connection_is_saved_chosen_and_removed(qtbot, app_ready, own_settings):
    dialog = ServerConnectionDialog()
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 0
    dialog.name_edit.setText("役場サーバー")  # keyClicks types ASCII only
    qtbot.keyClicks(dialog.url_edit, "postgresql://kanri@db.town.example/kankei?sslmode=verify-full")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved_connections() == {"役場サーバー": "postgresql://kanri@db.town.example/kankei?sslmode=verify-full"}
    assert "verify-full" in settings_text(own_settings)

    again = ServerConnectionDialog()
    qtbot.addWidget(again)
    assert again.list.count() == 1 and again.url_edit.text().endswith("sslmode=verify-full")
    qtbot.mouseClick(again.connect_button, Qt.MouseButton.LeftButton)
    chosen = again.chosen_address()
    assert chosen is not None and chosen.name == "kankei" and chosen.url.username == "kanri"

    qtbot.mouseClick(again.remove_button, Qt.MouseButton.LeftButton)
    assert saved_connections() == {}


def test_a_url_with_a_password_is_refused_and_never_saved(qtbot, app_ready, own_settings):
    dialog = ServerConnectionDialog()
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("役場")
    qtbot.keyClicks(dialog.url_edit, "postgresql://kanri:himitsu@db.town.example/kankei")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "パスワード" in dialog.message.text()
    assert saved_connections() == {}
    assert "himitsu" not in settings_text(own_settings)
    dialog.message.clear()
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)  # 接続: refused the same way
    assert dialog.chosen_address() is None and "パスワード" in dialog.message.text()
    dialog.url_edit.clear()
    qtbot.keyClicks(dialog.url_edit, "/tmp/office.sqlite3")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "postgresql://" in dialog.message.text() and saved_connections() == {}


def test_the_file_menu_gets_the_action_after_open_file(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("&File")
    menu.addAction("Open").setObjectName("open_file_action")
    menu.addAction("Import").setObjectName("import_action")
    install_action(window, menu)
    names = [action.objectName() for action in menu.actions()]
    assert names == ["open_file_action", "open_server_action", "import_action"]
    assert menu.actions()[1].shortcut().toString() == "Ctrl+Shift+O"


def test_a_chosen_server_database_replaces_the_window(qtbot, app_ready, database):
    import pg_support
    from kankei_desktop.ui.app import make_window
    from kankei_desktop.ui.server.connections import open_server

    if not pg_support.active():
        pytest.skip("needs a PostgreSQL server (pytest --pg)")
    address = pg_support.fresh_url()
    window = make_window(database)  # replaced below: open_server closes and deletes it
    new = open_server(window, address)
    assert new is not None
    qtbot.addWidget(new)
    try:
        assert new.database.is_server and new.database.path == address
        assert window.replaced_by is new and not window.isVisible()
    finally:
        new.close()
        new.database.close()
        pg_support.drop(address)


@pytest.fixture
def memory_keyring(monkeypatch, tmp_path):
    """keyring's backend set to one kept in a dict for the test (the OS keyring's stand-in,
    on keyring's own backend interface); no .pgpass and no PGPASSWORD to find first."""
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1

        def __init__(self):
            super().__init__()
            self.entries: dict[tuple[str, str], str] = {}
            self.writes = 0

        def get_password(self, service, username):
            return self.entries.get((service, username))

        def set_password(self, service, username, password):
            self.writes += 1
            self.entries[(service, username)] = password

        def delete_password(self, service, username):
            self.entries.pop((service, username), None)

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    yield backend
    keyring.set_keyring(previous)


def test_a_saved_connection_reads_its_password_from_the_keyring_and_never_writes_it(
        qtbot, app_ready, database, own_settings, memory_keyring):
    import os

    import pg_support

    from kankei_desktop.store.server import KEYRING_SERVICE
    from kankei_desktop.ui.app import make_window
    from kankei_desktop.ui.server.connections import open_server

    if not pg_support.active():
        pytest.skip("needs a PostgreSQL server (pytest --pg)")
    address = pg_support.fresh_url()
    url = address.url
    host = url.query.get("host") or url.host
    user = url.query.get("user") or url.username
    secret = "keyring-secret-8c1f"
    memory_keyring.set_password(KEYRING_SERVICE, f"{user}@{host}:{url.port or 5432}/{address.name}", secret)

    dialog = ServerConnectionDialog()
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("役場サーバー")
    dialog.url_edit.setText(str(address))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    chosen = dialog.chosen_address()
    assert chosen == address
    window = make_window(database)
    new = open_server(window, chosen)
    assert new is not None
    qtbot.addWidget(new)
    try:
        with new.database.engine.connect() as connection:  # libpq's own record of what it sent
            assert connection.connection.driver_connection.info.password == secret
    finally:
        new.close()
        new.database.close()
        pg_support.drop(address)
    assert memory_keyring.writes == 1  # the test's own entry: the program only reads
    assert secret not in settings_text(own_settings)
    data = os.environ["KANKEI_DESKTOP_DATA_DIR"]  # logs and everything else the program wrote
    for path in [p for p in Path(data).rglob("*") if p.is_file()]:
        assert secret.encode() not in path.read_bytes(), path
