"""The one way the window runs slow work off the GUI thread (any area).

- ``Task(database, work, title=..., cancellable=...)``: ``work(session, progress)`` in the
  thread pool, holding its own unit of work (``services.work.unit``; SQLite connections stay in their thread);
  ``session=False`` gives ``work(progress)`` for work that opens its own (backups, restore).
  ``progress(fraction, text)``: fraction 0..1, or None when the length is unknown.
  On a cancellable task, ``progress`` raises ``Cancelled`` once ``cancel()`` was asked, so the
  work stops at its next step and its transaction (if any) is rolled back.
- Signals arrive on the GUI thread: ``progress``, then exactly one of ``done(result)``,
  ``failed(message)`` or ``cancelled()``, then always ``finished()``.
- A ``KankeiError`` is the user's message as it is. Anything else is a bug: its trace goes
  to the log (logs/kankei-desktop.log) and ``failed`` carries a short text naming the log.
- Every started task is listed in ``running()`` until it ends: closing the window names them
  (``wait_for_running``) instead of waiting silently.
- ``JobBar``: progress bar + text + 取り消し for a page; it disables the page's buttons while
  its task runs and always gives them back, and shows a failure in a dialog.
- ``run_and_wait``: for callers that need the answer before going on (the import wizard's
  pages, a merge with its backups): a small window-modal progress dialog while the event
  loop keeps the window painted.
- ``Recount``: one count at a time for a screen that asks again while it runs.
- ``install_excepthook``: any uncaught error is logged and shown in a short dialog.

Hold the returned task until its answer arrives (``start`` does, until ``finished``).
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThread, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services.work import unit as unit_of_work

log = logging.getLogger("kankei_desktop")


def log_file_text() -> str:
    from kankei_desktop.paths import log_dir

    return str(log_dir() / "kankei-desktop.log")


class Cancelled(KankeiError):
    """Raised by a cancellable task's ``progress`` once cancel was asked."""

    def __init__(self, message: str = "取り消しました。"):
        super().__init__(message)


def unexpected_message(error: BaseException) -> str:
    return (QCoreApplication.translate("Worker", "Unexpected error (%1). Nothing more was done; "
                                       "the details are in the log: %2")
            .replace("%1", f"{type(error).__name__}: {error}"[:300]).replace("%2", log_file_text()))


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)
    progress = Signal(object, str)  # fraction 0..1 or None (unknown), text
    cancelled = Signal()
    finished = Signal()


class Task(QRunnable):
    """``work(session, progress)`` (or ``work(progress)`` with ``session=False``) in the thread pool."""

    def __init__(self, database, work: Callable, *, title: str = "", cancellable: bool = False,
                 session: bool = True):
        super().__init__()
        self.setAutoDelete(False)  # Python holds it (``start`` keeps it until finished)
        self.database, self.work, self.title = database, work, title
        self.cancellable, self.with_session = cancellable, session
        self.signals = _Signals()
        self._cancel = threading.Event()
        self.unexpected = False  # the failure was a bug, logged with its trace
        self.is_running = False

    def cancel(self) -> None:
        """Ask the work to stop at its next step (only a cancellable task stops)."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def progress(self, fraction: float | None, text: str = "") -> None:
        if self.cancellable and self._cancel.is_set():
            raise Cancelled()
        self.signals.progress.emit(fraction, text)

    def run(self) -> None:
        try:
            if self.with_session:
                with unit_of_work(self.database) as session:  # the task holds the one unit of work
                    result = self.work(session, self.progress)
            else:
                result = self.work(self.progress)
        except KankeiError as error:
            if self.cancellable and self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.failed.emit(error.message)
        except Exception as error:  # a bug: logged with its trace, shown short
            log.error("Background task %r failed", self.title or self.work, exc_info=error)
            self.unexpected = True
            self.signals.failed.emit(unexpected_message(error))
        else:
            self.signals.done.emit(result)
        finally:
            self.signals.finished.emit()


_running: list[Task] = []
_waiting: list[QEventLoop] = []  # event loops of ``wait_for`` calls, woken when any task ends


def running() -> list[Task]:
    """The tasks started and not finished yet, oldest first."""
    return list(_running)


def start(task: Task) -> Task:
    _running.append(task)
    task.is_running = True

    def ended() -> None:
        task.is_running = False
        if task in _running:
            _running.remove(task)
        _wake()

    task.signals.finished.connect(ended)
    QThreadPool.globalInstance().start(task)
    return task


def wait_for(tasks: Iterable[Task]) -> None:
    """Let the event loop run until every task in ``tasks`` has finished."""
    _wait_until(lambda: not any(task.is_running for task in tasks))


def _wait_until(condition: Callable[[], bool], quiet: Callable[[], bool] = lambda: False) -> None:
    """Run the event loop until ``condition()``, checked each time a task ends (or a loop is
    woken). While ``quiet()``, clicks and keys wait in the queue: the window is painted but
    nothing new can start."""
    tasks_loop = QEventLoop()
    _waiting.append(tasks_loop)
    try:
        while not condition():
            flags = (QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents if quiet()
                     else QEventLoop.ProcessEventsFlag.AllEvents)
            if tasks_loop.exec(flags) == -1:  # the application is quitting: loops refuse to start
                QThread.msleep(20)
                QCoreApplication.processEvents(flags)
    finally:
        _waiting.remove(tasks_loop)


def _wake() -> None:
    for loop in list(_waiting):
        loop.quit()


# ------------------------------------------------------------------ showing progress
class JobBar(QWidget):
    """Progress of one page's task: a bar, what is being done, and 取り消し when it can stop.

    ``run(task, done=...)`` starts the task, disables ``buttons`` until it ends, shows a
    failure with ``show_error`` (a message box unless replaced) and hides itself again.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("job_bar")
        self.bar = QProgressBar()
        self.bar.setObjectName("job_progress")
        self.bar.setMaximumWidth(260)
        self.bar.setAccessibleName(self.tr("Progress"))
        self.text = QLabel()
        self.text.setObjectName("job_text")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("job_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.cancel_button)
        self.task: Task | None = None
        self.show_error = lambda message: QMessageBox.warning(self.window(), self.tr("Not done"), message)
        self.hide()

    @property
    def busy(self) -> bool:
        return self.task is not None

    def run(self, task: Task, *, done: Callable | None = None, failed: Callable[[str], None] | None = None,
            cancelled: Callable[[], None] | None = None, finished: Callable[[], None] | None = None,
            buttons: Iterable[QWidget] = (), text: str = "") -> Task:
        buttons = [button for button in buttons if button.isEnabled()]
        for button in buttons:
            button.setEnabled(False)
        self.task = task
        self.text.setText(text or task.title)
        self.bar.setRange(0, 0)
        self.cancel_button.setVisible(task.cancellable)
        self.cancel_button.setEnabled(True)
        self.show()

        def on_failed(message: str) -> None:
            (failed or self.show_error)(message)

        def on_finished() -> None:
            for button in buttons:
                button.setEnabled(True)
            self.task = None
            self.hide()
            if finished is not None:
                finished()

        task.signals.progress.connect(self._progress)
        if done is not None:
            task.signals.done.connect(done)
        task.signals.failed.connect(on_failed)
        if cancelled is not None:
            task.signals.cancelled.connect(cancelled)
        task.signals.finished.connect(on_finished)
        return start(task)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.text.setText(self.tr("Stopping…"))

    def _progress(self, fraction, text: str) -> None:
        if fraction is None:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        if text and self.cancel_button.isEnabled():
            self.text.setText(text)


class ProgressDialog(QDialog):
    """What ``run_and_wait`` and closing show: titles of the work, a bar and, maybe, 取り消し."""

    def __init__(self, parent: QWidget | None, title: str, text: str, cancellable: bool):
        super().__init__(parent)
        self.setObjectName("progress_dialog")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(380)
        self.label = QLabel(text)
        self.label.setObjectName("progress_text")
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setAccessibleName(self.tr("Progress"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("progress_cancel")
        self.cancel_button.setVisible(cancellable)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        self._closable = False

    def set_progress(self, fraction, text: str) -> None:
        if fraction is None:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        if text:
            self.label.setText(text)

    def reject(self) -> None:  # Esc and the close box cancel, they do not leave the work behind
        if self.cancel_button.isVisible() and self.cancel_button.isEnabled():
            self.cancel_button.click()
        elif self._closable:
            super().reject()

    def finish(self) -> None:
        self._closable = True
        self.done(0)


#: Tests replace it to see the dialog ``run_and_wait`` shows (it is passed each new one).
dialog_shown: Callable[[ProgressDialog], None] | None = None


def run_and_wait(parent: QWidget | None, task: Task, text: str = "", *, abandon_on_cancel: bool = False,
                 show_after_ms: int = 0):
    """Run ``task`` and return its result once done, the window staying painted meanwhile.

    A window-modal dialog shows the progress (and 取り消し for a cancellable task), so nothing
    else in the window can start meanwhile. A failure is raised as ``KankeiError`` with its
    message (``Cancelled`` after a cancel); an unexpected one was logged by the task.

    ``abandon_on_cancel``: for work that writes nothing (reading a file): 取り消し returns at
    once; the task stops at its next step and its answer is dropped.

    ``show_after_ms``: for work that is usually short (a board load): the dialog appears only
    after that long; until then the window is painted and input waits in the queue.
    """
    dialog = ProgressDialog(parent, task.title or QCoreApplication.translate("Worker", "Working"),
                            text or task.title, task.cancellable)
    outcome: dict[str, object] = {}

    def cancel() -> None:
        task.cancel()
        dialog.cancel_button.setEnabled(False)
        dialog.label.setText(QCoreApplication.translate("Worker", "Stopping…"))
        if abandon_on_cancel:
            outcome.setdefault("cancelled", True)
            _wake()

    shown = {"yes": show_after_ms <= 0}

    def show() -> None:
        if not shown["yes"] and task.is_running:
            shown["yes"] = True
            dialog.show()
            if dialog_shown is not None:
                dialog_shown(dialog)
            _wake()  # wait again, now with input for the dialog

    dialog.cancel_button.clicked.connect(cancel)
    task.signals.progress.connect(dialog.set_progress)
    task.signals.done.connect(lambda result: outcome.setdefault("result", result))
    task.signals.failed.connect(lambda message: outcome.setdefault("failed", message))
    task.signals.cancelled.connect(lambda: outcome.setdefault("cancelled", True))
    if shown["yes"]:
        dialog.show()
        if dialog_shown is not None:
            dialog_shown(dialog)
    else:
        QTimer.singleShot(show_after_ms, dialog, show)
    start(task)
    _wait_until(lambda: not task.is_running or "cancelled" in outcome, quiet=lambda: not shown["yes"])
    dialog.finish()
    dialog.deleteLater()
    if "cancelled" in outcome:
        raise Cancelled()
    if "failed" in outcome:
        raise KankeiError(str(outcome["failed"]))
    return outcome.get("result")


def wait_for_running(parent: QWidget | None = None, *, cancel: bool = True) -> list[str]:
    """Before closing: name the running tasks in a small dialog and wait for them.

    Cancellable ones are asked to stop (the coordinator is leaving them); the others (a
    backup being written) are waited for. Returns the titles that were waited for.
    """
    tasks = running()
    if not tasks:
        return []
    titles = [task.title or QCoreApplication.translate("Worker", "Background work") for task in tasks]
    waiting = QCoreApplication.translate("Worker", "Waiting for:")
    dialog = ProgressDialog(parent, QCoreApplication.translate("Worker", "Finishing before closing"),
                            waiting + "\n" + "\n".join(f"・{title}" for title in titles), False)
    dialog.setObjectName("closing_dialog")
    if cancel:
        for task in tasks:
            if task.cancellable:
                task.cancel()
    dialog.show()
    if dialog_shown is not None:
        dialog_shown(dialog)
    wait_for(tasks)
    dialog.finish()
    dialog.deleteLater()
    return titles


# ------------------------------------------------------------------ uncaught errors
#: Replaced in tests; the real one shows a message box (and never raises).
show_unexpected: Callable[[str], None] | None = None


def _show_dialog(text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Worker", "Unexpected error"), text)
    box.setObjectName("unexpected_error_dialog")
    box.exec()


_in_hook = False


def excepthook(kind, value, trace) -> None:
    """Log the trace, then tell the coordinator in two lines; the window keeps running."""
    global _in_hook
    log.error("Uncaught error", exc_info=(kind, value, trace))
    if _in_hook or QApplication.instance() is None:
        sys.__stderr__ and sys.__stderr__.write("".join(traceback.format_exception(kind, value, trace)))
        return
    _in_hook = True
    try:
        (show_unexpected or _show_dialog)(unexpected_message(value))
    except Exception:  # showing must never raise from the hook
        log.exception("Could not show the error dialog")
    finally:
        _in_hook = False


def _thread_excepthook(args) -> None:
    log.error("Uncaught error in thread %s", args.thread, exc_info=(args.exc_type, args.exc_value, args.exc_traceback))


def install_excepthook() -> None:
    sys.excepthook = excepthook
    threading.excepthook = _thread_excepthook


# ------------------------------------------------------------------ recounting
class Recount:
    """One count at a time in the thread pool, for a screen that asks again while it runs
    (a period chosen, a search typed, an edit saved): the newest request is counted once
    the running one ends, and nothing is counted twice side by side.

    ``work()`` is called at each start and returns the ``work(session, progress)`` to run,
    so it sees the screen's choices at that moment. ``done``/``failed`` get the answer;
    ``finished`` (optional) runs after the last one of a burst. The running task is held
    here, so its signals cannot be collected before they are delivered.
    """

    def __init__(self, database, work: Callable, done: Callable, failed: Callable,
                 finished: Callable[[], None] | None = None, *, title: str = ""):
        self.database, self.work, self.done, self.failed, self.finished = database, work, done, failed, finished
        self.title = title
        self._task: Task | None = None
        self._again = False

    @property
    def pending(self) -> bool:
        """Another count will start when the running one ends (its answer is already stale)."""
        return self._again

    @property
    def busy(self) -> bool:
        """Counting, or about to count once more."""
        return self._task is not None or self._again

    @property
    def task(self) -> Task | None:
        return self._task

    def request(self) -> None:
        if self._task is not None:
            self._again = True
            return
        task = Task(self.database, self.work(), title=self.title)
        task.signals.done.connect(lambda result: self._end(self.done, result))
        task.signals.failed.connect(lambda message: self._end(self.failed, message))
        self._task = start(task)

    def _end(self, handler: Callable, answer) -> None:
        try:
            handler(answer)
        except RuntimeError as error:
            if "already deleted" not in str(error):
                raise
            # The screen that asked was closed meanwhile (its widgets are gone): nobody to tell.
            log.debug("Answer of %r dropped: %s", self.title, error)
        finally:
            self._task = None
            if self._again:
                self._again = False
                self.request()
            elif self.finished is not None:
                self.finished()


__all__ = [
    "Cancelled", "JobBar", "ProgressDialog", "Recount", "Task", "excepthook", "install_excepthook",
    "run_and_wait", "running", "start", "wait_for", "wait_for_running",
]
