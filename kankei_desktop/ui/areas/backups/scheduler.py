"""Automatic backups while the window is open: on start, every N minutes of work, on quit.

The copy runs in the thread pool so a large file never freezes the window.
"Work" is read from the audit log (every save writes an entry), so idle hours
make no backups and no area has to report its saves.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication
from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services import audit_log, backups
from kankei_desktop.store import Database


class _Signals(QObject):
    done = Signal(object)  # BackupStatus


class _BackupJob(QRunnable):
    def __init__(self, database: Database, reason: str, signals: _Signals):
        super().__init__()
        self.database, self.reason, self.signals = database, reason, signals
        # Read now, in the GUI thread: the worker must not depend on state that may change meanwhile.
        try:
            self.target = backups.backup_target(database)
        except Exception:  # the status reports it; reading settings must not stop the window
            self.target = None

    def run(self) -> None:
        self.signals.done.emit(backups.auto_backup(self.database, self.reason, self.target))


class AutoBackup(QObject):
    """Owns the backup timer of one open file; ``status_changed`` feeds the status bar."""

    status_changed = Signal(str, bool)  # text, ok

    def __init__(self, database: Database, parent: QObject | None = None, *, start: bool = True):
        super().__init__(parent)
        self.database = database
        self.last_status: backups.BackupStatus | None = None
        self.running = False
        # Not parented: a job still running when this object goes away emits into a live object.
        self._signals = _Signals()
        self._signals.done.connect(self._finished)
        with database.session() as session:
            minutes = backups.interval_minutes(session)
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
            with self.database.session() as session:
                return audit_log.latest_change_at(session)
        except KankeiError:  # the store's own words for it (Database.session)
            return getattr(self, "_last_change", None)

    def tick(self, now: datetime | None = None) -> None:
        latest = self._latest_change()
        if latest != self._last_change:
            self._last_change = latest
            self.periodic.note_change()
        if self.periodic.due(now) and not self.running:
            self.backup_in_background("periodic")

    def backup_in_background(self, reason: str) -> None:
        self.running = True
        QThreadPool.globalInstance().start(_BackupJob(self.database, reason, self._signals))

    def backup_now(self, reason: str) -> backups.BackupStatus:
        """In the calling thread (quit, tests, the 今すぐ button wants the result at once)."""
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
        self.timer.stop()
        QThreadPool.globalInstance().waitForDone(60_000)
        if self.periodic.changed_since_backup or self._latest_change() != self._last_change:
            self.backup_now("close")
