"""The exchange page's files: writing and applying exchange files, and encrypted backups
for removable media, in the worker with their progress. Passphrases are asked each time and
never stored.

A part of ``ExchangePage`` (page.py), which gives it ``job``, ``buttons``, ``message``, the
``ask_…``/``choose_…`` questions, ``show_error``, ``show_result`` and ``refresh``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services import backups, exchange
from kankei_desktop.ui.areas.exchange.dialogs import ApplyResultDialog
from kankei_desktop.ui.areas.exchange.shared import default_folder
from kankei_desktop.ui.words import error_text
from kankei_desktop.ui.worker import Task


class ExchangeFiles:
    # ------------------------------------------------------------------ exchange files
    def write_package(self) -> Task | None:
        if self.job.busy:
            return None
        peer = self.selected_peer()
        if peer is None:
            self.message.setText(self.tr("Choose the office to send to in the list of other offices first."))
            self.tabs.setCurrentIndex(0)
            return None
        first = peer.sent_number == 0
        passphrase = self.ask_passphrase(
            self.tr("Write an exchange file for %1").replace("%1", peer.name),
            (self.tr("The first file for %1: choose a passphrase with that office and enter it twice.")
             if first else self.tr("Enter the passphrase agreed with %1.")).replace("%1", peer.name),
            first)
        if not passphrase:
            return None
        own = exchange.office_of(self.database, required=True)
        stamp = datetime.now().strftime("%Y%m%d")
        default = default_folder() / f"{own.name}-{peer.name}-{stamp}{exchange.SUFFIX}"
        path = self.choose_save(self.tr("Save the exchange file"), default,
                                self.tr("Exchange files (*%1)").replace("%1", exchange.SUFFIX))
        if path is None:
            return None
        peer_id = peer.id

        def work(progress):
            def report(done, total, text=""):
                progress(done / total if total else None, text)

            return exchange.write_package(self.database, peer_id, Path(path), passphrase, report)

        task = Task(self.database, work, title=self.tr("Writing the exchange file…"), session=False)
        self.message.setText(self.tr("Writing the exchange file for %1…").replace("%1", peer.name))
        return self.job.run(task, done=lambda written: self._written(peer.name, written),
                            failed=self._failed, buttons=self.buttons)

    def _written(self, peer_name: str, written) -> None:
        self.last_written = written
        self.refresh()
        self.message.setText(
            self.tr("Exchange file No. %1 for %2 written: %3 (%4 records, %5 photos). Hand it over on a USB stick; "
                    "tell the passphrase separately.")
            .replace("%1", str(written.number)).replace("%2", peer_name).replace("%3", str(written.path))
            .replace("%4", str(written.records)).replace("%5", str(written.photos)))

    def _failed(self, message: str) -> None:
        self.message.setText(error_text(message))
        self.show_error(error_text(message))
        self.refresh()

    def apply_package(self) -> Task | None:
        if self.job.busy:
            return None
        path = self.choose_open(self.tr("Open an exchange file"),
                                self.tr("Exchange files (*%1)").replace("%1", exchange.SUFFIX))
        if path is None:
            return None
        path = Path(path)
        try:
            header = exchange.read_header(path)
        except KankeiError as error:
            self.show_error(error_text(error.message))
            return None
        passphrase = self.ask_apply(path, header)
        if not passphrase:
            return None

        def work(progress):
            def report(done, total, text=""):
                progress(done / total if total else None, text)

            return exchange.apply_package(self.database, path, passphrase, report)

        sender = (header.get("from_office") or {}).get("name", "")
        task = Task(self.database, work, title=self.tr("Applying the exchange file…"), session=False)
        self.message.setText(self.tr("Applying exchange file No. %1 from %2…")
                             .replace("%1", str(header.get("number", ""))).replace("%2", str(sender)))
        return self.job.run(task, done=self._applied, failed=self._failed, buttons=self.buttons)

    def _applied(self, result) -> None:
        self.last_result = result
        built = getattr(self.window(), "_built", {})
        for page in list(built.values()):
            if page is not self:
                page.refresh()
        self.refresh()
        if result.already_applied:
            self.message.setText(self.tr("This package was applied before; nothing was changed."))
        else:
            self.message.setText(
                self.tr("Applied No. %1 from %2: %3 added, %4 updated, %5 conflicts, %6 findings.")
                .replace("%1", str(result.number)).replace("%2", result.peer_name).replace("%3", str(result.added))
                .replace("%4", str(result.updated)).replace("%5", str(result.conflicts))
                .replace("%6", str(len(result.findings))))
        self.show_result(result)

    def review_duplicates(self, pair: list[str]) -> None:
        """The programmes area's merge dialog, opened on the group holding ``pair``."""
        from kankei_desktop.ui.areas.programmes.merge_dialog import DuplicatesDialog

        pages = getattr(self.window(), "pages", None)
        if pages is None or "programmes" not in pages:
            return
        dialog = DuplicatesDialog(self.database, pages["programmes"].merge_persons, self)
        for row, group in enumerate(dialog.groups):
            if pair and set(pair) <= set(group):
                dialog.group_list.setCurrentRow(row)
                break
        self.open_duplicates(dialog)
        self.refresh()

    def _show_result(self, result) -> None:
        persons = exchange.finding_names(self.database, result.findings)
        dialog = ApplyResultDialog(result, self, review_duplicates=self.review_duplicates,
                                   review_conflicts=lambda: self.tabs.setCurrentIndex(2), persons=persons)
        dialog.exec()

    # ------------------------------------------------------------------ encrypted backups
    def encrypted_backup(self) -> Task | None:
        if self.job.busy:
            return None
        folder = self.choose_folder(self.tr("Folder for the encrypted backup (a USB stick)"), default_folder())
        if folder is None:
            return None
        passphrase = self.ask_passphrase(self.tr("Encrypted backup"),
                                         self.tr("Choose a passphrase for this backup. Without it the backup "
                                                 "cannot be restored."), True)
        if not passphrase:
            return None
        task = Task(self.database, lambda progress: backups.backup_encrypted(self.database, Path(folder), passphrase),
                    title=self.tr("Making the encrypted backup…"), session=False)
        return self.job.run(task, done=lambda path: self.message.setText(
            self.tr("Encrypted backup made: %1").replace("%1", str(path))), failed=self._failed, buttons=self.buttons)

    def encrypted_restore(self) -> Task | None:
        if self.job.busy:
            return None
        path = self.choose_open(self.tr("Open an encrypted backup"), self.tr("Encrypted backups (*.kankei-backup)"))
        if path is None:
            return None
        passphrase = self.ask_passphrase(self.tr("Restore encrypted backup"),
                                         self.tr("Enter the passphrase of this backup."), False)
        if not passphrase:
            return None
        if not self.confirm(self.tr("Restore %1? The current contents are backed up first, then replaced.")
                            .replace("%1", Path(path).name)):
            return None
        folder, _retention = backups.backup_target(self.database)

        def work(progress):
            return backups.restore_encrypted(self.database.path, Path(path), passphrase, folder)

        task = Task(self.database, work, title=self.tr("Restoring the encrypted backup…"), session=False)
        return self.job.run(task, done=lambda kept: self._restored(Path(path), kept), failed=self._failed,
                            buttons=self.buttons)

    def _restored(self, path: Path, kept) -> None:
        self.message.setText(self.tr("Restored %1. The previous contents were kept as %2.")
                             .replace("%1", path.name).replace("%2", kept.name if kept else "—"))
        for page in list(getattr(self.window(), "_built", {}).values()):
            page.refresh()
        self.refresh()
