"""Running a computation off the GUI thread, with its own database session (any area).

Hold the returned task until its answer arrives: a task nobody references can be
collected with its signals before they are delivered.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kankei_desktop.domain.errors import KankeiError


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)
    progress = Signal(float, str)


class Task(QRunnable):
    """``work(session, progress)`` in the thread pool; ``done``/``failed`` arrive on the GUI thread."""

    def __init__(self, database, work: Callable):
        super().__init__()
        self.database, self.work = database, work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            with self.database.session() as session:
                result = self.work(session, lambda fraction, text: self.signals.progress.emit(fraction, text))
        except KankeiError as error:
            self.signals.failed.emit(error.message)
        except Exception as error:  # noqa: BLE001 (shown to the user; the log has the trace)
            self.signals.failed.emit(f"{type(error).__name__}: {error}")
        else:
            self.signals.done.emit(result)


def start(task: Task) -> Task:
    QThreadPool.globalInstance().start(task)
    return task


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
                 finished: Callable[[], None] | None = None):
        self.database, self.work, self.done, self.failed, self.finished = database, work, done, failed, finished
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

    def request(self) -> None:
        if self._task is not None:
            self._again = True
            return
        task = Task(self.database, self.work())
        task.signals.done.connect(lambda result: self._end(self.done, result))
        task.signals.failed.connect(lambda message: self._end(self.failed, message))
        self._task = start(task)

    def _end(self, handler: Callable, answer) -> None:
        handler(answer)
        self._task = None
        if self._again:
            self._again = False
            self.request()
        elif self.finished is not None:
            self.finished()
