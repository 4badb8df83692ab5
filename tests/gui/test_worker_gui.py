"""Issue 17 item 3: the one background mechanism (ui/worker.py) — progress, cancel, errors, closing."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.ui import worker

pytestmark = pytest.mark.gui


class SlowJob:
    """A fake job of ``steps`` steps; each step waits until the test lets it go (no timing)."""

    def __init__(self, steps: int = 4, fail_at: int | None = None, error: Exception | None = None):
        self.steps, self.fail_at, self.error = steps, fail_at, error
        self.gate = threading.Semaphore(0)
        self.done_steps = 0

    def __call__(self, progress):
        for step in range(self.steps):
            self.gate.acquire()
            if step == self.fail_at:
                raise self.error
            self.done_steps += 1
            progress((step + 1) / self.steps, f"step {step + 1}")
        return "finished"

    def release(self, count: int = 1) -> None:
        for _ in range(count):
            self.gate.release()


@pytest.fixture
def bar(qtbot, app_ready):
    host = QWidget()
    qtbot.addWidget(host)
    host.button = QPushButton("run", host)
    host.bar = worker.JobBar(host)
    host.errors = []
    host.bar.show_error = host.errors.append
    host.show()
    return host


def test_a_slow_job_reports_progress_and_gives_the_button_back(qtbot, bar, database):
    job = SlowJob(steps=4)
    seen, results = [], []
    task = worker.Task(database, job, title="slow", session=False)
    task.signals.progress.connect(lambda fraction, text: seen.append((fraction, text)))
    bar.bar.run(task, done=results.append, buttons=(bar.button,))
    assert not bar.button.isEnabled() and bar.bar.isVisible() and task in worker.running()
    job.release()
    qtbot.waitUntil(lambda: bar.bar.bar.value() == 250)
    assert bar.bar.text.text() == "step 1" and len(seen) == 1  # shown in the page
    assert not bar.button.isEnabled()  # still running
    job.release(3)
    qtbot.waitUntil(lambda: results == ["finished"])
    qtbot.waitUntil(lambda: bar.button.isEnabled())
    assert [fraction for fraction, _text in seen] == [0.25, 0.5, 0.75, 1.0]
    assert not bar.bar.isVisible() and task not in worker.running()


def test_cancel_stops_the_job_at_its_next_step(qtbot, bar, database):
    job = SlowJob(steps=10)
    outcome = []
    task = worker.Task(database, job, title="slow", cancellable=True, session=False)
    bar.bar.run(task, done=lambda r: outcome.append("done"), cancelled=lambda: outcome.append("cancelled"),
                buttons=(bar.button,))
    assert bar.bar.cancel_button.isVisible()
    job.release()
    qtbot.waitUntil(lambda: job.done_steps == 1)
    bar.bar.cancel_button.click()
    job.release(10)
    qtbot.waitUntil(lambda: outcome == ["cancelled"])
    qtbot.waitUntil(lambda: bar.button.isEnabled())
    assert job.done_steps <= 2 and bar.errors == []  # stopped at its next step; a cancel is no error


def test_an_unexpected_error_is_logged_shown_and_the_button_comes_back(qtbot, bar, database, caplog):
    job = SlowJob(steps=3, fail_at=1, error=ZeroDivisionError("division by zero"))
    task = worker.Task(database, job, title="slow", session=False)
    bar.bar.run(task, buttons=(bar.button,))
    job.release(3)
    qtbot.waitUntil(lambda: bar.errors != [])
    qtbot.waitUntil(lambda: bar.button.isEnabled())
    assert "ZeroDivisionError" in bar.errors[0] and "kankei-desktop.log" in bar.errors[0]
    record = next(r for r in caplog.records if r.levelno == logging.ERROR)
    assert record.exc_info and record.exc_info[0] is ZeroDivisionError  # the trace is in the log
    assert task.unexpected and not bar.bar.isVisible()


def test_a_users_error_is_shown_as_it_is_and_not_logged_as_a_bug(qtbot, bar, database, caplog):
    job = SlowJob(steps=2, fail_at=0, error=KankeiError("バックアップ先のフォルダーがありません。"))
    bar.bar.run(worker.Task(database, job, session=False), buttons=(bar.button,))
    job.release(2)
    qtbot.waitUntil(lambda: bar.button.isEnabled())
    assert bar.errors == ["バックアップ先のフォルダーがありません。"]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_the_work_gets_its_own_session_in_the_worker_thread(qtbot, app_ready, database, two_persons):
    from kankei_desktop.services.participants import count_persons

    threads = []

    def work(session, progress):
        threads.append(threading.current_thread())
        return count_persons(session)

    assert worker.run_and_wait(None, worker.Task(database, work, title="count")) == 2
    assert threads[0] is not threading.main_thread()


def test_run_and_wait_shows_a_dialog_and_cancel_returns_at_once(qtbot, app_ready, database, monkeypatch):
    job = SlowJob(steps=5)
    shown = []

    def press_cancel(dialog):
        shown.append(dialog.windowTitle())
        dialog.cancel_button.click()

    monkeypatch.setattr(worker, "dialog_shown", press_cancel)
    task = worker.Task(database, job, title="読み込み", cancellable=True, session=False)
    with pytest.raises(worker.Cancelled):
        worker.run_and_wait(None, task, abandon_on_cancel=True)
    assert shown == ["読み込み"]
    job.release(5)  # the abandoned work stops at its next step
    worker.wait_for([task])
    assert job.done_steps == 1  # its first progress call raised Cancelled: the other four never ran


def test_excepthook_logs_the_trace_and_shows_a_dialog(qtbot, app_ready, caplog):
    texts = []

    def read_and_close():
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.objectName() == "unexpected_error_dialog" and w.isVisible())
        texts.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    try:
        raise LookupError("no such row")
    except LookupError:
        worker.excepthook(*sys.exc_info())
    assert texts and "LookupError: no such row" in texts[0] and "kankei-desktop.log" in texts[0]
    record = next(r for r in caplog.records if r.levelno == logging.ERROR)
    assert record.exc_info[0] is LookupError


def test_install_excepthook_replaces_the_hook(app_ready, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    monkeypatch.setattr(threading, "excepthook", threading.__excepthook__)
    worker.install_excepthook()
    assert sys.excepthook is worker.excepthook


def test_closing_the_window_names_what_it_waits_for(qtbot, app_ready, database, monkeypatch):
    from kankei_desktop.ui.main_window import MainWindow

    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    worker.wait_for(worker.running())  # the start-up backup
    job = SlowJob(steps=1)
    task = worker.start(worker.Task(database, job, title="名簿の読み込み", session=False))
    shown = []

    def look_then_let_it_finish(dialog):
        shown.append(dialog.label.text())
        job.release()

    monkeypatch.setattr(worker, "dialog_shown", look_then_let_it_finish)
    window.close()
    assert shown and "名簿の読み込み" in shown[0]
    assert not task.is_running and not window.isVisible()


@pytest.mark.sqlite_only  # file backups (a server's are made on the server)
def test_back_up_now_shows_its_stages_and_can_be_cancelled(qtbot, app_ready, database, two_persons):
    from kankei_desktop.store import backup as store_backup
    from kankei_desktop.ui.areas.backups.page import DataSafetyPage

    page = DataSafetyPage(database, auto_backup=False)
    page.errors = []
    page.show_error = page.errors.append
    qtbot.addWidget(page)
    page.show()
    page.activate()
    texts = []
    task = page.backup_now()
    task.signals.progress.connect(lambda _fraction, text: texts.append(text))
    qtbot.waitUntil(lambda: page.backup_button.isEnabled(), timeout=30_000)
    assert page.backup_model.rowCount() == 1 and page.errors == []
    assert {"ファイルをコピーしています…", "コピーを検査しています…"} <= set(texts)

    task = page.backup_now()
    task.cancel()  # before its first step: nothing is written
    qtbot.waitUntil(lambda: page.backup_button.isEnabled(), timeout=30_000)
    assert "取り消" in page.backup_message.text() and page.errors == []
    folder = store_backup.default_backup_dir()
    assert page.backup_model.rowCount() == 1 and not list(folder.glob(".tmp-*"))


def test_a_short_load_shows_no_dialog_a_long_one_does(qtbot, app_ready, database, monkeypatch):
    shown = []
    monkeypatch.setattr(worker, "dialog_shown", shown.append)
    quick = worker.Task(database, lambda progress: "quick", title="board", session=False)
    assert worker.run_and_wait(None, quick, show_after_ms=600_000) == "quick"
    assert shown == []  # finished before the dialog was due

    job = SlowJob(steps=1)  # blocked until the dialog appears, so the dialog must appear
    monkeypatch.setattr(worker, "dialog_shown", lambda dialog: (shown.append(dialog), job.release()))
    slow = worker.Task(database, job, title="board", session=False)
    assert worker.run_and_wait(None, slow, show_after_ms=20) == "finished"
    assert len(shown) == 1 and shown[0].windowTitle() == "board"


def test_a_failed_erasure_is_shown_and_never_leaves_erasing_on_screen(qtbot, app_ready, database, two_persons,
                                                                      monkeypatch, caplog):
    from datetime import date

    from kankei_desktop.domain.tables import Person
    from kankei_desktop.services import privacy
    from kankei_desktop.ui.areas.backups.page import DataSafetyPage

    with database.session() as session:
        session.get(Person, two_persons["yamada"]).last_activity_on = date(2015, 4, 1)

    def broken(_database, _person_id):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(privacy, "anonymise_and_purge", broken)
    page = DataSafetyPage(database, auto_backup=False)
    page.confirm = lambda question: True
    page.errors = []
    page.show_error = page.errors.append
    qtbot.addWidget(page)
    page.show()
    page.activate()
    page.dormant_view.selectRow(0)
    page.erase_button.click()
    assert not page.erase_button.isEnabled() and "消去" in page.privacy_note.text()
    qtbot.waitUntil(lambda: page.erase_button.isEnabled(), timeout=30_000)
    assert page.errors and "OSError" in page.errors[0] and page.privacy_note.text().startswith(page.errors[0])
    assert "もう一度" in page.privacy_note.text()  # the retry that finishes it is offered
    assert any(r.exc_info and r.exc_info[0] is OSError for r in caplog.records)
    with database.session() as session:
        assert session.get(Person, two_persons["yamada"]).name == "山田 太郎"  # nothing erased


@pytest.mark.sqlite_only  # file backups (a server's are made on the server)
def test_the_closing_backup_runs_as_a_task_with_its_dialog(qtbot, app_ready, database, two_persons, monkeypatch):
    from kankei_desktop.store import backup as store_backup
    from kankei_desktop.ui.areas.backups.scheduler import AutoBackup

    auto = AutoBackup(database, start=False)
    auto.periodic.note_change()
    titles = []
    monkeypatch.setattr(worker, "dialog_shown", lambda dialog: titles.append(dialog.windowTitle()))
    auto.on_quit()
    assert titles == ["終了時のバックアップ"]
    assert auto.last_status.ok and auto.last_status.reason == "close"
    made = store_backup.list_backups(store_backup.default_backup_dir(), database.path.stem)
    assert [info.path for info in made] == [auto.last_status.path]
