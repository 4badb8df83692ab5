"""データの保護: backups (list, back up now, restore), the change history, and 個人情報.

Restoring happens while this window keeps the file's one-writer lock, so no
other program can slip in between; every page re-reads the file afterwards.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services import audit_log, backups, privacy
from kankei_desktop.services.work import unit as unit_of_work
from kankei_desktop.store import Database, backup
from kankei_desktop.ui.area import AreaPage
from kankei_desktop.ui.words import retention_period_text
from kankei_desktop.ui.areas.backups.models import AuditTableModel, BackupTableModel, DormantTableModel
from kankei_desktop.ui.areas.backups.scheduler import AutoBackup, overall
from kankei_desktop.ui.common import ERROR_STRONG_STYLE, table_view
from kankei_desktop.ui.worker import JobBar, Task
from kankei_desktop.ui.widgets import prepare_view

AUDIT_PAGE_SIZE = 500


def _table(model) -> QTableView:
    view = table_view(model, selection=QAbstractItemView.SelectionMode.SingleSelection,
                      resize=QHeaderView.ResizeMode.ResizeToContents)
    prepare_view(view)  # Tab leaves the table; cut-short cells show their text as a tooltip
    return view


class DataSafetyPage(AreaPage):
    AREA_KEY = "data_safety"
    ICON = "fa5s.shield-alt"
    BUILD_AT_START = True  # its AutoBackup makes the start-up, periodic and closing backups

    def area_title(self) -> str:
        return self.tr("Data safety")

    def __init__(self, database: Database, parent: QWidget | None = None, *, auto_backup: bool = True):
        super().__init__(database, parent)
        # Replaced in tests; the real ones ask the user.
        self.confirm = self._ask
        self.choose_folder = self._choose_folder
        self.choose_csv = self._choose_csv
        self.show_error = lambda text: QMessageBox.warning(self, self.tr("Data safety"), text)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._backups_tab(), self.tr("Backups"))
        self.tabs.addTab(self._history_tab(), self.tr("Change history"))
        self.tabs.addTab(self._privacy_tab(), self.tr("Personal data"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

        self.auto = AutoBackup(database, self, start=auto_backup)
        self.auto.status_changed.connect(self._backup_status)

    # ------------------------------------------------------------ backups tab
    def _backups_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout()
        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setObjectName("backup_folder_edit")
        change = QPushButton(self.tr("Change…"))
        change.clicked.connect(self.change_folder)
        default = QPushButton(self.tr("Use default"))
        default.clicked.connect(lambda: self.set_folder(None))
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(change)
        row.addWidget(default)
        form.addRow(self.tr("Backup folder"), row)
        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(5, 24 * 60)
        self.interval_spin.setSuffix(self.tr(" min"))
        self.interval_spin.editingFinished.connect(self._save_interval)
        form.addRow(self.tr("Back up while working every"), self.interval_spin)

        self.backup_model = BackupTableModel(self)
        self.backup_view = _table(self.backup_model)
        self.backup_view.doubleClicked.connect(lambda _index: self.restore_selected())
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        # Restores only the backup chosen (issue 16): disabled with none selected.
        self.restore_button.setEnabled(False)
        self.backup_view.selectionModel().selectionChanged.connect(
            lambda *_: self.restore_button.setEnabled(bool(self.backup_view.selectionModel().selectedRows())))
        self.backup_model.modelReset.connect(lambda: self.restore_button.setEnabled(False))
        self.backup_message = QLabel()
        self.backup_message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.backup_message, 1)

        self.backup_job = JobBar()
        self.backup_job.setObjectName("backup_job")
        self.backup_job.show_error = lambda text: self.show_error(text)

        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(self.backup_view, 1)
        layout.addWidget(self.backup_job)
        layout.addLayout(buttons)
        return tab

    def refresh_backups(self) -> None:
        folder, minutes = backups.folder_and_interval(self.database)
        self.interval_spin.setValue(minutes)
        self.folder_edit.setText(str(folder))
        infos = backup.list_backups(folder, self.database.path.stem)
        self.backup_model.set_backups(infos)
        if not folder.exists() and folder != backup.default_backup_dir():
            self.backup_message.setText(self.tr("The backup folder is not there (was a USB stick removed?)."))
        elif not infos:
            self.backup_message.setText(self.tr("No backups yet. Press “Back up now” to make the first one."))

    def change_folder(self) -> None:
        chosen = self.choose_folder()
        if chosen:
            self.set_folder(Path(chosen))

    def set_folder(self, folder: Path | None) -> None:
        try:
            with unit_of_work(self.database) as session:
                backups.set_backup_folder(session, folder)
        except KankeiError as error:
            self.show_error(error.message)
            return
        self.refresh_backups()

    def _save_interval(self) -> None:
        with unit_of_work(self.database) as session:
            backups.set_interval_minutes(session, self.interval_spin.value())
        self.auto.periodic.interval = backups.PeriodicBackup(self.interval_spin.value()).interval

    def backup_now(self) -> Task | None:
        """The backup with the full check, in the background with its progress; 取り消し stops it
        before the new file gets its name."""
        if self.backup_job.busy:
            return None
        if self.auto.running:
            self.backup_message.setText(self.tr("A backup is being made. Try again in a moment."))
            return None
        task = self.auto.backup_task("manual", cancellable=True)
        self.backup_message.setText(self.tr("Making a backup…"))
        return self.backup_job.run(task, done=self._backed_up, failed=self._backup_failed,
                                   cancelled=self._backup_cancelled,
                                   buttons=(self.backup_button, self.restore_button))

    def _backed_up(self, path: Path) -> None:
        self.auto._finished(backups.BackupStatus(True, datetime.now(), "manual", path))
        self.refresh_backups()
        self.backup_message.setText(self.tr("Backup made: %1").replace("%1", path.name))

    def _backup_failed(self, message: str) -> None:
        self.auto._finished(backups.BackupStatus(False, datetime.now(), "manual", None, message))
        self.refresh_backups()
        self.backup_message.setText(message)
        self.show_error(message)

    def _backup_cancelled(self) -> None:
        self.refresh_backups()
        self.backup_message.setText(self.tr("The backup was cancelled; nothing was written."))

    def restore_selected(self) -> Task | None:
        rows = self.backup_view.selectionModel().selectedRows()
        if not rows:
            self.backup_message.setText(self.tr("Choose a backup in the list first."))
            return None
        if self.auto.running or self.backup_job.busy:
            self.backup_message.setText(self.tr("A backup is being made. Try again in a moment."))
            return None
        chosen: Path = self.backup_model.row_id(rows[0].row())
        taken = self.backup_model.data(self.backup_model.index(rows[0].row(), 0))
        question = self.tr(
            "Restore the backup of %1? The current contents are backed up first, then replaced."
        ).replace("%1", taken)
        if not self.confirm(question):
            return None
        folder, _retention = backups.backup_target(self.database)
        labels = {"copy": self.tr("Checking and copying the backup…"), "check": self.tr("Checking the copy…")}

        def work(progress):
            def report(stage: str, fraction) -> None:
                progress(overall(stage, fraction), labels.get(stage, ""))

            backup.ensure_default_dir(folder)
            kept = backup.restore_backup(chosen, self.database.path, folder, progress=report)
            progress(None, self.tr("Bringing back the photos…"))
            backups.restore_photos(chosen.parent)
            return kept

        # Not cancellable: once the current file is replaced it must be finished.
        task = Task(self.database, work, title=self.tr("Restore"), session=False)
        self.backup_message.setText(self.tr("Restoring the backup of %1…").replace("%1", taken))
        return self.backup_job.run(task, done=lambda kept: self._restored(taken, kept),
                                   failed=self._restore_failed, buttons=(self.backup_button, self.restore_button))

    def _restore_failed(self, message: str) -> None:
        self.show_error(message)
        self.backup_message.setText(message)
        self.refresh_backups()

    def _restored(self, taken: str, kept: Path | None) -> None:
        self.backup_message.setText(
            self.tr("Restored the backup of %1. The previous contents were kept as %2.")
            .replace("%1", taken).replace("%2", kept.name if kept else "—")
        )
        self.refresh_backups()
        main_window = self.window()
        for page in getattr(main_window, "pages", {}).values():
            if page is not self:
                page.refresh()

    def _backup_status(self, text: str, ok: bool) -> None:
        status = self.auto.last_status
        if status is not None and status.source_damaged and status.reason == "open":
            # The start-up backup is also the page check of the open file (see startup.py).
            self.show_error(self.tr("The file may be damaged: %1 Restore a backup from Data safety → Backups.")
                            .replace("%1", status.message))
        setter = getattr(self.window(), "set_backup_status", None)
        if setter is not None:
            setter(text)
            label = getattr(self.window(), "backup_label", None)
            if label is not None:
                label.setStyleSheet("" if ok else ERROR_STRONG_STYLE)
        if self.isVisible():
            self.refresh_backups()

    # ------------------------------------------------------------ history tab
    def _history_tab(self) -> QWidget:
        tab = QWidget()
        self.audit_model = AuditTableModel(self)
        self.audit_view = _table(self.audit_model)
        self.person_filter = QLineEdit()
        self.person_filter.setPlaceholderText(self.tr("Person ID (empty: everything)"))
        self.person_filter.returnPressed.connect(self.refresh_history)
        export = QPushButton(self.tr("Export CSV…"))
        export.clicked.connect(self.export_history)
        self.history_note = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.person_filter, 1)
        top.addWidget(export)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.audit_view, 1)
        layout.addWidget(self.history_note)
        return tab

    def _history_rows(self, limit: int | None):
        return audit_log.history(self.database, person_id=self._person_of_history(), limit=limit)

    def _person_of_history(self) -> str | None:
        return self.person_filter.text().strip() or None

    def refresh_history(self) -> None:
        rows = self._history_rows(AUDIT_PAGE_SIZE)
        self.audit_model.set_entries(rows)
        self.history_note.setText(
            self.tr("The newest %1 entries. The history cannot be edited.").replace("%1", f"{len(rows):,}")
        )

    def export_history(self) -> None:
        target = self.choose_csv()
        if not target:
            return
        try:
            count = audit_log.export_history(self.database, Path(target), person_id=self._person_of_history())
        except KankeiError as error:
            self.show_error(error.message)
            return
        self.history_note.setText(self.tr("Exported %1 entries to %2.").replace("%1", f"{count:,}")
                                  .replace("%2", str(target)) + " " + privacy.PERSONAL_DATA_WARNING)

    # ------------------------------------------------------------ privacy tab
    def _privacy_tab(self) -> QWidget:
        tab = QWidget()
        # The period is the retention setting's type (services.retention: years or months); it starts at
        # the setting ホーム reminds with and follows it when the setting changes.
        self.period_spin = QSpinBox()
        self.period_spin.setObjectName("period_spin")
        self.period_spin.setRange(1, 30)
        self.period_spin.setValue(5)
        self.period_unit = QComboBox()
        self.period_unit.setObjectName("period_unit")
        self.period_unit.addItem(self.tr("years"), "年")
        self.period_unit.addItem(self.tr("months"), "か月")
        self._period_setting: str | None = None
        self.period_spin.valueChanged.connect(lambda _v: self.refresh_dormant())
        self.period_unit.currentIndexChanged.connect(self._unit_changed)
        self.dormant_model = DormantTableModel(self)
        self.dormant_view = _table(self.dormant_model)
        self.erase_button = QPushButton(self.tr("Erase personal data…"))
        self.erase_button.clicked.connect(self.erase_selected)
        # Acts only on the person chosen (issue 16): disabled with nobody selected.
        self.dormant_view.selectionModel().selectionChanged.connect(self._erase_enabled)
        self.dormant_model.modelReset.connect(self._erase_enabled)
        self.erase_button.setEnabled(False)
        self.privacy_note = QLabel()
        self.privacy_note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Persons with no activity for")))
        top.addWidget(self.period_spin)
        top.addWidget(self.period_unit)
        self.period_hint = QLabel()
        top.addWidget(self.period_hint)
        top.addStretch(1)
        self.erase_job = JobBar()
        self.erase_job.setObjectName("erase_job")
        bottom = QHBoxLayout()
        bottom.addWidget(self.erase_button)
        bottom.addWidget(self.privacy_note, 1)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.dormant_view, 1)
        layout.addWidget(self.erase_job)
        layout.addLayout(bottom)
        return tab

    def _unit_changed(self, _index: int = 0) -> None:
        # 1 month to 30 years, as the setting allows
        self.period_spin.blockSignals(True)
        self.period_spin.setMaximum(30 if self.period_unit.currentData() == "年" else 360)
        self.period_spin.blockSignals(False)
        self.refresh_dormant()

    def period(self) -> str:
        """The chosen period as the setting writes it (「5年」「18か月」)."""
        from kankei_desktop.services import retention

        return retention.parse_period(f"{self.period_spin.value()}{self.period_unit.currentData()}")

    def _follow_setting(self, session) -> None:
        """Show the retention setting's period, the first time and whenever the setting changed."""
        from kankei_desktop.services import retention

        setting = retention.period_of(session)
        if setting == self._period_setting:
            return
        self._period_setting = setting
        months = retention.months_of(setting)
        years = months % 12 == 0
        for widget in (self.period_spin, self.period_unit):
            widget.blockSignals(True)
        self.period_unit.setCurrentIndex(0 if years else 1)
        self.period_spin.setMaximum(30 if years else 360)
        self.period_spin.setValue(months // 12 if years else months)
        for widget in (self.period_spin, self.period_unit):
            widget.blockSignals(False)
        self.period_hint.setText(self.tr("(retention period in Settings: %1)").replace(
            "%1", retention_period_text(setting)))

    def refresh_dormant(self) -> None:
        with unit_of_work(self.database) as session:
            self._follow_setting(session)
            persons = privacy.dormant_persons(session, self.period())
        self.dormant_model.set_persons(persons)
        self.privacy_note.setText(
            self.tr("%1 persons. Erasing keeps the counts (stays, programmes) but removes name, contact "
                    "and notes for good.").replace("%1", f"{len(persons):,}")
        )

    def _backup_note(self) -> str:
        """What erasing leaves in older backups, and for how long (this file's rotation)."""
        policy = backups.backup_target(self.database)[1]
        months = max(policy.monthly, -(-policy.weekly * 7 // 30), -(-policy.daily // 30), 1)
        return (self.tr("Older backups still hold the data. Kept are the newest %1 backups, then one a day for "
                        "%2 days, one a week for %3 weeks and one a month for %4 months; older ones are deleted "
                        "automatically, so the data leaves every backup after about %5 months.")
                .replace("%1", str(policy.recent)).replace("%2", str(policy.daily))
                .replace("%3", str(policy.weekly)).replace("%4", str(policy.monthly)).replace("%5", str(months)))

    def _erase_enabled(self, *_args) -> None:
        # A chosen person, or an erasure left unfinished (that person may have left the list).
        self.erase_button.setEnabled(bool(self.dormant_view.selectionModel().selectedRows())
                                     or getattr(self, "_unfinished_erase", None) is not None)

    def erase_selected(self) -> None:
        rows = self.dormant_view.selectionModel().selectedRows()
        unfinished = getattr(self, "_unfinished_erase", None)
        if not rows and unfinished is None:
            self.privacy_note.setText(self.tr("Choose a person in the list first."))
            return
        if rows:
            person_id = self.dormant_model.row_id(rows[0].row())
            name = self.dormant_model.data(self.dormant_model.index(rows[0].row(), 0))
            question = self.tr("Erase the personal data of %1? This cannot be undone.").replace("%1", name)
            question += "\n\n" + self._backup_note()
            if not self.confirm(question):
                return
        else:  # an erasure that could not finish (another program was reading): erasing again completes it
            person_id, name = unfinished
        # Rewriting a large file (VACUUM) takes a while: off the GUI thread.
        self.privacy_note.setText(self.tr("Erasing the personal data of %1…").replace("%1", name))
        task = Task(self.database, lambda _progress: privacy.anonymise_and_purge(self.database, person_id),
                    title=self.tr("Erase personal data"), session=False)
        self.erase_job.run(task, done=lambda _result: self._erased(name),
                           failed=lambda message: self._erase_failed(message, person_id, name),
                           finished=self._erase_enabled, buttons=(self.erase_button,))

    def _erase_failed(self, message: str, person_id: str, name: str) -> None:
        # The person may already be blanked (and gone from the list): keep them for the retry.
        self._unfinished_erase = (person_id, name)
        self.show_error(message)
        self.privacy_note.setText(message + " " + self.tr("Press “Erase personal data…” again to finish."))

    def _erased(self, name: str) -> None:
        self._unfinished_erase = None
        self.refresh_dormant()
        self.privacy_note.setText(self.tr("The personal data of %1 was erased.").replace("%1", name))

    # ------------------------------------------------------------ area
    def refresh(self) -> None:
        self.refresh_backups()
        self.refresh_history()
        self.refresh_dormant()

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Data safety"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _choose_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.folder_edit.text())

    def _choose_csv(self) -> str:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), "audit.csv", "CSV (*.csv)")
        return path

