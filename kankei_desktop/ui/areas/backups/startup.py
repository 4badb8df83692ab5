"""Opening the file at start-up with the safety rules explained in dialogs.

- Another program or PC holds the file: say who, since when; nothing else.
- The lock file is unreadable: ask whether anyone else uses the file, then break it.
- The file is damaged (already moved aside by the store): offer the newest verified backup.
- The file is on a network drive: offer to work on a local copy.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from kankei_desktop.services import backups
from kankei_desktop.store import Database, backup, open_database
from kankei_desktop.store.database import DamagedDatabaseError
from kankei_desktop.store.location import NetworkLocationError, make_local_copy
from kankei_desktop.store.lock import LockedError


def _ask(parent: QWidget | None, title: str, text: str, yes: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel, parent)
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is accept


def open_with_safety(path: Path, parent: QWidget | None = None, *, ask=None, inform=None) -> Database | None:
    """The app's way to open a file; ``None`` when the user gave up (the reason was shown).

    ``ask(title, text, yes_label) -> bool`` (a choice) and ``inform(title, text)`` (only OK)
    can be replaced in tests; the defaults show real dialogs.
    """
    ask = ask or (lambda title, text, yes: _ask(parent, title, text, yes))
    inform = inform or (lambda title, text: QMessageBox.warning(parent, title, text))
    title = QCoreApplication.translate("Startup", "Opening the file")
    try:
        return open_database(path, lock=True, verify="deferred")
    except LockedError as error:
        if error.holder is None and ask(title, error.message, QCoreApplication.translate("Startup", "Nobody else uses it: open")):
            return open_database(path, lock=True, break_garbage_lock=True, verify="deferred")
        if error.holder is not None:
            inform(title, error.message)
        return None
    except DamagedDatabaseError as error:
        newest = error.newest_backup
        if newest is None:
            inform(title, error.message)
            return None
        if not ask(title, error.message, QCoreApplication.translate("Startup", "Restore this backup")):
            return None
        backup.restore_backup(newest.path, Path(path), newest.path.parent)
        backups.restore_photos(newest.path.parent)
        return open_database(path, lock=True, verify="deferred")
    except NetworkLocationError as error:
        if not ask(title, error.message, QCoreApplication.translate("Startup", "Copy to this PC and open")):
            return None
        return open_database(make_local_copy(error.path), lock=True, verify="deferred")
