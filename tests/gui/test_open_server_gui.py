"""File ▸ Open file with a server address: the same refusal as at start-up for a 閲覧者.

Needs a real PostgreSQL server: skipped without ``pytest --pg`` (the ``empty_server_database``
fixture). The office is made by the real ``server init`` and ``server user add`` commands.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

pytestmark = pytest.mark.gui


def _run(*args):
    return subprocess.run([sys.executable, "-m", "kankei_desktop", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=300, check=False)


def _as_user(address, user: str) -> str:
    return str(address.url.set(drivername="postgresql").update_query_dict({"user": user}))


def _close_the_box(seen: dict) -> None:
    """Read the warning once it is up, then press its button."""

    def press():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen["message"] = box.text()
        box.buttons()[0].click()

    QTimer.singleShot(0, press)


@pytest.fixture
def office(empty_server_database):
    suffix = f"{os.getpid()}_{empty_server_database.name[-4:]}"
    admin, viewer = f"kanri_{suffix}", f"etsuran_{suffix}"
    made = _run("server", "init", "--db", empty_server_database, "--admin", admin)
    assert made.returncode == 0, made.stderr
    added = _run("server", "user", "add", "--db", _as_user(empty_server_database, admin), "--name", viewer,
                 "--role", "閲覧者")
    assert added.returncode == 0, added.stderr
    return empty_server_database, admin, viewer


def test_open_file_refuses_a_viewer_and_keeps_the_window(qtbot, app_ready, database, office):
    from kankei_desktop.ui.app import make_window

    address, _admin, viewer = office
    window = make_window(database)
    qtbot.addWidget(window)
    window.show()
    seen: dict = {}
    _close_the_box(seen)
    assert window.open_file(_as_user(address, viewer)) is None
    assert "閲覧者" in seen["message"]
    assert window.isVisible() and getattr(window, "replaced_by", None) is None
    assert window.database is database and database.engine is not None


def test_open_file_with_an_administrator_replaces_the_window(qtbot, app_ready, database, office):
    from kankei_desktop.ui.app import make_window

    address, admin, _viewer = office
    window = make_window(database)  # replaced below: open_file closes and deletes it
    new = window.open_file(_as_user(address, admin))
    assert new is not None
    qtbot.addWidget(new)
    try:
        assert new.database.is_server and new.database.path.name == address.name
        assert window.replaced_by is new
    finally:
        new.close()
        new.database.close()
