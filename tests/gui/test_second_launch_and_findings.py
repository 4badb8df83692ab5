"""A second launch hands over to the open window; the window shows what opening the file found."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kankei_desktop.store import create_database, lock
from kankei_desktop.ui.app import handed_over_to_open_window, make_window, open_for_gui
from kankei_desktop.ui.single_instance import WindowServer

pytestmark = pytest.mark.gui


def _close(qtbot, window, database):
    """Let the areas' background counts finish before the file closes under them."""
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(30000)
    qtbot.wait(50)
    window.close()
    database.close()


def _launch(path):
    return subprocess.Popen([sys.executable, "-m", "kankei_desktop", "--db", str(path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_a_second_launch_brings_the_open_window_forward_and_exits_0(qtbot, app_ready, tmp_path):
    path = tmp_path / "office.sqlite3"
    create_database(path).close()
    database = open_for_gui(path, demo=False)
    window = make_window(database)
    qtbot.addWidget(window)
    server = WindowServer(window, database.path)
    assert server.listening
    window.show()
    window.showMinimized()
    handed = []
    server.handed_over.connect(lambda: handed.append(True))
    second = _launch(path)
    try:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=90000)
    finally:
        if second.poll() is None:
            second.kill()
    out, err = second.communicate()
    try:
        assert second.returncode == 0, err.decode("utf-8", "replace")
        assert handed == [True]
        assert not window.isMinimized() and window.isVisible()
        assert lock.read_holder(path)["pid"] == os.getpid(), "the open window still holds the file"
    finally:
        server.close()
        _close(qtbot, window, database)


def test_another_user_on_another_pc_still_gets_who_has_it(app_ready, tmp_path, monkeypatch):
    path = tmp_path / "office.sqlite3"
    create_database(path).close()
    lock.lock_path_for(path).write_text(json.dumps({
        "user": "tanaka", "machine": "yakuba-pc-07", "pid": 4242, "since": "2026-12-04T09:30:00", "boot": "x",
    }), encoding="utf-8")
    assert handed_over_to_open_window(path) is False
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    assert open_for_gui(path, demo=False) is None
    assert "tanaka さん" in shown[0] and "yakuba-pc-07" in shown[0] and "2026/12/04 09:30" in shown[0]


def _crashed_lock(path):
    """The lock a window leaves when the laptop loses power: this machine, a program that is gone."""
    lock.lock_path_for(path).write_text(json.dumps({
        "user": lock.current_user(), "machine": lock.machine_name(), "pid": 2**22 + 12345,
        "since": datetime(2026, 12, 3, 17, 45).isoformat(), "boot": lock.boot_id(),
    }), encoding="utf-8")


def test_the_window_shows_the_takeover_the_full_check_and_the_cloud_folder(qtbot, app_ready, tmp_path):
    folder = tmp_path / "OneDrive - 町役場"
    folder.mkdir()
    path = folder / "office.sqlite3"
    create_database(path).close()
    _crashed_lock(path)
    database = open_for_gui(path, demo=False)
    window = make_window(database)
    qtbot.addWidget(window)
    window.show()
    try:
        banner = window.open_findings
        assert banner is not None and banner.isVisible()
        text = banner.text.text()
        assert "正常に終了しなかった" in text and "ロックを引き継ぎました" in text  # takeover after a crash
        assert "全体の検査" in text  # the full check that ran
        assert "クラウド同期フォルダー" in text  # the place warning
        assert window.findChild(type(banner), "open_findings") is banner
        window.grab().save(str(tmp_path / "banner.png"))
        qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
        assert not banner.isVisible()
        assert window.pages["home"].isVisible() or window.current_page().isVisible()
    finally:
        _close(qtbot, window, database)


def test_the_banner_closes_from_the_keyboard_and_is_absent_when_nothing_was_found(qtbot, app_ready, tmp_path):
    path = tmp_path / "office.sqlite3"
    create_database(path).close()
    database = open_for_gui(path, demo=False)
    window = make_window(database)
    qtbot.addWidget(window)
    assert window.open_findings is None
    _close(qtbot, window, database)

    _crashed_lock(path)
    database = open_for_gui(path, demo=False)
    window = make_window(database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        banner = window.open_findings
        assert banner.isVisible()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window.current_page(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert not banner.isVisible()
    finally:
        _close(qtbot, window, database)


def test_a_command_holding_the_file_is_named_at_once_not_waited_for(app_ready, tmp_path):
    import time

    path = tmp_path / "office.sqlite3"
    create_database(path).close()
    lock.lock_path_for(path).write_text(json.dumps({  # an import started five minutes ago, still running
        "user": lock.current_user(), "machine": lock.machine_name(), "pid": os.getppid(),
        "since": datetime.fromtimestamp(time.time() - 300).replace(microsecond=0).isoformat(), "boot": lock.boot_id(),
    }), encoding="utf-8")
    started = time.monotonic()
    assert handed_over_to_open_window(path) is False
    assert time.monotonic() - started < 5


def test_two_launches_at_the_same_moment_make_one_window(tmp_path):
    path = tmp_path / "office.sqlite3"
    create_database(path).close()
    first, second = _launch(path), _launch(path)
    launches = [first, second]
    try:
        deadline = datetime.now().timestamp() + 120
        while all(p.poll() is None for p in launches) and datetime.now().timestamp() < deadline:
            import time

            time.sleep(0.2)
        finished = [p for p in launches if p.poll() is not None]
        assert len(finished) == 1, "one launch handed over and ended"
        assert finished[0].returncode == 0, finished[0].communicate()[1].decode("utf-8", "replace")
        still_open = next(p for p in launches if p is not finished[0])
        assert still_open.poll() is None, "the other one is the window"
        assert lock.read_holder(path)["pid"] == still_open.pid
    finally:
        for p in launches:
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(30)
                except subprocess.TimeoutExpired:
                    p.kill()
            p.stdout.close()
            p.stderr.close()


def test_the_demo_window_holds_the_lock_and_does_not_overwrite_a_file_in_use(app_ready, tmp_path):
    from kankei_desktop.domain.errors import KankeiError

    path = tmp_path / "demo.sqlite3"
    demo = open_for_gui(path, demo=True)
    try:
        assert lock.read_holder(path)["pid"] == os.getpid()
    finally:
        demo.close()
    assert lock.read_holder(path) is None
    held = lock.acquire(path)  # a command writing to it
    before = path.read_bytes()
    try:
        with pytest.raises(KankeiError, match="開いています"):
            open_for_gui(path, demo=True)
    finally:
        held.release()
    assert path.read_bytes() == before
