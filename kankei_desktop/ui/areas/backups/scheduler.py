"""Automatic backups while the window is open: on start, every N minutes of work, on quit.

The copy runs as a ``ui.worker.Task`` so a large file never freezes the window.
"Work" is read from the audit log (every save writes an entry), so idle hours
make no backups and no area has to report its saves.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services import audit_log, backups
from kankei_desktop.store import Database
from kankei_desktop.ui import worker


def backup_work(database: Database, reason: str, target, labels: dict[str, str]):
    """``work(progress)`` for ``worker.Task``: the backup with its stages told in ``labels``."""

    def work(progress):
        def report(stage: str, fraction) -> None:
            progress(overall(stage, fraction), labels.get(stage, ""))

        return backups.backup_now(database, reason, target, progress=report)

    return work


def overall(stage: str, fraction: float | None) -> float | None:
    """One bar for a backup: the copy is the first quarter, the check the rest (on the
    benchmark file the check takes three times as long as the copy); photos: busy."""
    if fraction is None or stage not in ("copy", "check"):
        return None
    return fraction * 0.25 if stage == "copy" else 0.25 + fraction * 0.75


class AutoBackup(QObject):
    """Owns the backup timer of one open file; ``status_changed`` feeds the status bar."""

    status_changed = Signal(str, bool)  # text, ok

    def __init__(self, database: Database, parent: QObject | None = None, *, start: bool = True):
        super().__init__(parent)
        self.database = database
        self.last_status: backups.BackupStatus | None = None
        self.running = False
        self._task: worker.Task | None = None
        _folder, minutes = backups.folder_and_interval(database)
        self.periodic = backups.PeriodicBackup(minutes)
        self._last_change = self._latest_change()
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(self.tick)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.on_quit)
        if start:
            self.timer.start()
            self.backup_in_background("open")

    def _latest_change(self) -> datetime | None:
        """The latest recorded change; the last one known when the store cannot be read just now
        (a server out of reach): a timer never takes the window down, the next tick asks again."""
        try:
            return audit_log.latest_change(self.database)
        except KankeiError:  # the store's own words for it (Database.session)
            return getattr(self, "_last_change", None)

    def tick(self, now: datetime | None = None) -> None:
        latest = self._latest_change()
        if latest != self._last_change:
            self._last_change = latest
            self.periodic.note_change()
        if self.periodic.due(now) and not self.running:
            self.backup_in_background("periodic")

    def stage_labels(self) -> dict[str, str]:
        return {"copy": self.tr("Copying the file…"), "check": self.tr("Checking the copy…"),
                "photos": self.tr("Copying the photos…")}

    def _target(self):
        # Read now, in the GUI thread: the worker must not depend on state that may change meanwhile.
        try:
            return backups.backup_target(self.database)
        except Exception:  # noqa: BLE001 (the status reports it; reading settings must not stop the window)
            return None

    def backup_task(self, reason: str, *, cancellable: bool = False) -> worker.Task:
        """The backup as a task (not started): the automatic ones never fail loudly (their
        status says it), the one asked for raises its error to be shown."""
        target, labels = self._target(), self.stage_labels()
        titles = {"manual": self.tr("Back up now"), "close": self.tr("Backup on closing")}
        title = titles.get(reason, self.tr("Automatic backup"))
        if reason == "manual":
            task = worker.Task(self.database, backup_work(self.database, reason, target, labels),
                               title=title, cancellable=cancellable, session=False)
        else:
            task = worker.Task(self.database, lambda _progress: backups.auto_backup(self.database, reason, target),
                               title=title, session=False)
        return task

    def backup_in_background(self, reason: str) -> worker.Task:
        self.running = True
        task = self.backup_task(reason)
        task.signals.done.connect(self._finished)
        task.signals.finished.connect(self._ended)
        self._task = worker.start(task)
        return task

    def _ended(self) -> None:
        self.running = False
        self._task = None

    def backup_now(self, reason: str) -> backups.BackupStatus:
        """In the calling thread (tests that want the result at once)."""
        status = backups.auto_backup(self.database, reason)
        self._finished(status)
        return status

    def _finished(self, status: backups.BackupStatus) -> None:
        self.running = False
        self.last_status = status
        self.periodic.done(status)
        if status.on_server:  # a server database: its own backups stand, nothing is copied here
            text = self.tr("Backups are made on the server")
        elif status.ok:
            text = self.tr("Last backup %1").replace("%1", f"{status.at:%H:%M}")
        else:
            text = self.tr("Backup failed %1: %2").replace("%1", f"{status.at:%H:%M}").replace("%2", status.message)
        self.status_changed.emit(text, status.ok)

    def on_quit(self) -> None:
        """The last backup, once what still runs has ended; both named in a small dialog."""
        self.timer.stop()
        worker.wait_for_running(None)
        if self.periodic.changed_since_backup or self._latest_change() != self._last_change:
            try:
                status = worker.run_and_wait(None, self.backup_task("close"))
            except KankeiError as error:  # auto_backup never raises for a backup; this is a bug, logged
                status = backups.BackupStatus(False, datetime.now(), "close", None, error.message)
            self._finished(status)
