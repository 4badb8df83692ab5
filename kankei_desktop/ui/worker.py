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
