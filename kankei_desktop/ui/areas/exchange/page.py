"""データの交換 (issue 19): this office and its peers, writing and applying encrypted exchange
files, the exchange history, the review of conflicts, and encrypted backups for removable media.

Only the service API of ``services.exchange`` is used; writing and applying run in the worker
with their progress. Passphrases are asked each time and never stored.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QStorageInfo, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services import backups, exchange
from kankei_desktop.services.exchange.rules import finding_persons
from kankei_desktop.services.work import unit as unit_of_work
from kankei_desktop.store import Database
from kankei_desktop.ui.area import AreaPage
from kankei_desktop.ui.areas.exchange.dialogs import ApplyResultDialog, HeaderDialog, PassphraseDialog
from kankei_desktop.ui.widgets import OverflowToolbar, prepare_view, tool_button
from kankei_desktop.ui.words import english, error_text, shown_label
from kankei_desktop.ui.worker import JobBar, Task

IdRole = Qt.ItemDataRole.UserRole


def removable_folder() -> Path | None:
    """The first mounted removable-looking drive (a USB stick), or None.

    Qt does not say which volumes are removable; a writable, ready volume other than the system
    drive (Windows) or one mounted under /media, /run/media or /Volumes is taken for one."""
    system = (os.environ.get("SystemDrive", "C:") + "\\").upper()
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        root = volume.rootPath()
        if sys.platform == "win32":
            if root.upper().replace("/", "\\") != system and not bytes(volume.fileSystemType()).startswith(b"NTFS"):
                return Path(root)
        elif root.startswith(("/media/", "/run/media/", "/Volumes/")):
            return Path(root)
    return None


def default_folder() -> Path:
    return removable_folder() or Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def _time(value) -> str:
    """2026/12/04 10:30 from a datetime or an ISO text."""
    if isinstance(value, datetime):
        return value.strftime("%Y/%m/%d %H:%M")
    text = str(value or "")
    return text[:16].replace("-", "/").replace("T", " ")


def _value(value) -> str:
    if value is None or value == "":
        return "—"
    text = str(value)
    if len(text) >= 10 and text[4] == "-" and text[7] == "-" and text[:4].isdigit():
        return _time(text)
    return text


def _field(view) -> str:
    """The field's Japanese label, or in English mode its column name (phone, deleted at…)."""
    if english():
        label = shown_label(view.field_label)
        return label if label != view.field_label else view.field.replace("_", " ").capitalize()
    return view.field_label


def _table(columns: list[str], name: str) -> QTableWidget:
    view = QTableWidget(0, len(columns))
    view.setObjectName(name)
    view.setHorizontalHeaderLabels(columns)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.setAlternatingRowColors(True)
    prepare_view(view)
    return view


def _item(text, data=None) -> QTableWidgetItem:
    item = QTableWidgetItem(str(text))
    if data is not None:
        item.setData(IdRole, data)
    return item


class ExchangePage(AreaPage):
    AREA_KEY = "exchange"
    ICON = "fa5s.exchange-alt"

    def area_title(self) -> str:
        return self.tr("Data exchange")

    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(database, parent)
        # Replaced in tests; the real ones ask the user.
        self.confirm = self._confirm
        self.ask_text = self._ask_text
        self.ask_passphrase = self._ask_passphrase
        self.ask_apply = self._ask_apply
        self.choose_save = self._choose_save
        self.choose_open = self._choose_open
        self.show_error = lambda text: QMessageBox.warning(self, self.tr("Data exchange"), text)
        self.show_result = self._show_result
        self.open_duplicates = lambda dialog: dialog.exec()
        self.last_result = None
        self.last_written = None

        self.write_button = tool_button("fa5s.file-export", self.tr("Write exchange file…"))
        self.write_button.setObjectName("write_package_button")
        self.write_button.clicked.connect(self.write_package)
        self.apply_button = tool_button("fa5s.file-import", self.tr("Apply exchange file…"))
        self.apply_button.setObjectName("apply_package_button")
        self.apply_button.clicked.connect(self.apply_package)
        self.sealed_backup_button = tool_button("fa5s.lock", self.tr("Encrypted backup to USB…"))
        self.sealed_backup_button.setObjectName("encrypted_backup_button")
        self.sealed_backup_button.clicked.connect(self.encrypted_backup)
        self.sealed_restore_button = tool_button("fa5s.unlock", self.tr("Restore encrypted backup…"))
        self.sealed_restore_button.setObjectName("encrypted_restore_button")
        self.sealed_restore_button.clicked.connect(self.encrypted_restore)
        toolbar = OverflowToolbar([self.write_button, self.apply_button, self.sealed_backup_button,
                                   self.sealed_restore_button])

        self.job = JobBar()
        self.job.setObjectName("exchange_job")
        self.job.show_error = lambda text: self.show_error(text)
        self.message = QLabel()
        self.message.setObjectName("exchange_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("exchange_tabs")
        self.tabs.addTab(self._offices_tab(), self.tr("Offices"))
        self.tabs.addTab(self._history_tab(), self.tr("History"))
        self.tabs.addTab(self._conflicts_tab(), self.tr("Conflicts"))

        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.job)
        layout.addWidget(self.message)
        self.buttons = (self.write_button, self.apply_button, self.sealed_backup_button, self.sealed_restore_button)

    # ------------------------------------------------------------------ offices
    def _offices_tab(self) -> QWidget:
        tab = QWidget()
        own = QGroupBox(self.tr("This office"))
        self.own_label = QLabel()
        self.own_label.setObjectName("own_office_label")
        self.own_label.setWordWrap(True)
        self.own_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_up_button = QPushButton(self.tr("Set up this office…"))
        self.set_up_button.setObjectName("set_up_office_button")
        self.set_up_button.clicked.connect(self.set_up_office)
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.setObjectName("rename_office_button")
        self.rename_button.clicked.connect(self.rename_office)
        own_row = QHBoxLayout(own)
        own_row.addWidget(self.own_label, 1)
        own_row.addWidget(self.set_up_button)
        own_row.addWidget(self.rename_button)

        others = QGroupBox(self.tr("Other offices"))
        self.peers_view = _table([self.tr("Office"), self.tr("Office ID"), self.tr("Changes to send"),
                                  self.tr("Last sent"), self.tr("Last received")], "peers_view")
        self.peers_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.peers_view.setAccessibleName(self.tr("Other offices"))
        prepare_view(self.peers_view, self.write_package)
        self.add_peer_button = QPushButton(self.tr("Add an office…"))
        self.add_peer_button.setObjectName("add_peer_button")
        self.add_peer_button.clicked.connect(self.add_peer)
        self.copy_button = QPushButton(self.tr("Make a copy for a new office…"))
        self.copy_button.setObjectName("office_copy_button")
        self.copy_button.clicked.connect(self.make_copy)
        self.conflicts_label = QLabel()
        self.conflicts_label.setObjectName("open_conflicts_label")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_peer_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.conflicts_label, 1)
        other_layout = QVBoxLayout(others)
        other_layout.addWidget(self.peers_view, 1)
        other_layout.addLayout(buttons)

        layout = QVBoxLayout(tab)
        layout.addWidget(own)
        layout.addWidget(others, 1)
        return tab

    def refresh(self) -> None:
        with unit_of_work(self.database) as session:
            own = exchange.own_office(session)
            peers = exchange.peers(session)
            pending = {peer.id: exchange.pending_changes(session, peer.id) for peer in peers}
            conflicts = exchange.open_conflict_count(session)
            entries = exchange.history(session)
            views = exchange.list_conflicts(session)
        if own is None:
            self.own_label.setText(self.tr("This file is not set up for exchange yet. Set up this office to "
                                           "exchange changes with other offices."))
        else:
            self.own_label.setText(self.tr("%1 (office ID %2)").replace("%1", own.name).replace("%2", own.id))
        self.set_up_button.setVisible(own is None)
        self.rename_button.setVisible(own is not None)
        for widget in (self.add_peer_button, self.copy_button, self.write_button, self.apply_button):
            widget.setEnabled(own is not None)
        self.peers_view.setRowCount(0)
        for peer in peers:
            row = self.peers_view.rowCount()
            self.peers_view.insertRow(row)
            count = pending[peer.id]
            self.peers_view.setItem(row, 0, _item(peer.name, peer.id))
            self.peers_view.setItem(row, 1, _item(peer.id))
            self.peers_view.setItem(row, 2, _item(self.tr("everything (first file)") if count < 0 else count))
            self.peers_view.setItem(row, 3, _item(f"No. {peer.sent_number}" if peer.sent_number else "—"))
            self.peers_view.setItem(row, 4, _item(f"No. {peer.received_number}" if peer.received_number else "—"))
        if peers:
            self.peers_view.selectRow(0)
        self.conflicts_label.setText(self.tr("Open conflicts: %1").replace("%1", str(conflicts)))
        self.tabs.setTabText(2, self.tr("Conflicts (%1)").replace("%1", str(conflicts)) if conflicts
                             else self.tr("Conflicts"))
        self._fill_history(entries)
        self._fill_conflicts(views)
        self.status_message.emit(self.tr("Other offices: %1; open conflicts: %2").replace("%1", str(len(peers)))
                                 .replace("%2", str(conflicts)))

    def selected_peer(self):
        rows = self.peers_view.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.peers_view.item(rows[0].row(), 0)
        with unit_of_work(self.database) as session:
            return next((p for p in exchange.peers(session) if p.id == item.data(IdRole)), None)

    def _run(self, work) -> bool:
        try:
            with unit_of_work(self.database) as session:
                work(session)
        except KankeiError as error:
            self.show_error(error_text(error.message))
            return False
        self.refresh()
        return True

    def set_up_office(self) -> None:
        name = self.ask_text(self.tr("Set up this office"), self.tr("Name of this office (e.g. Town hall, Island branch):"), "")
        if name:
            self._run(lambda session: exchange.set_up_office(session, name))

    def rename_office(self) -> None:
        with unit_of_work(self.database) as session:
            own = exchange.own_office(session)
        if own is None:
            return
        name = self.ask_text(self.tr("Rename this office"), self.tr("New name of this office:"), own.name)
        if name and name != own.name:
            self._run(lambda session: exchange.rename_office(session, own.id, name))

    def add_peer(self) -> None:
        office_id = self.ask_text(self.tr("Add an office"), self.tr("Office ID of the other office "
                                                                    "(shown on its Data exchange page):"), "")
        if not office_id:
            return
        name = self.ask_text(self.tr("Add an office"), self.tr("Name of the other office:"), "")
        if name:
            self._run(lambda session: exchange.add_peer(session, office_id.strip(), name))

    def make_copy(self) -> None:
        name = self.ask_text(self.tr("Make a copy for a new office"), self.tr("Name of the new office:"), "")
        if not name:
            return
        target = self.choose_save(self.tr("Save the copy for the new office"),
                                  default_folder() / f"{name}.sqlite3", self.tr("Kankei files (*.sqlite3)"))
        if target is None:
            return
        try:
            office = exchange.make_office_copy(self.database, Path(target), name)
        except KankeiError as error:
            self.show_error(error_text(error.message))
            return
        self.refresh()
        self.message.setText(self.tr("Copy for %1 (office ID %2) saved as %3. Open it on the new office's "
                                     "computer.").replace("%1", office.name).replace("%2", office.id)
                             .replace("%3", str(target)))

    # ------------------------------------------------------------------ packages
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
        with unit_of_work(self.database) as session:
            own = exchange.require_own_office(session)
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
        with unit_of_work(self.database) as session:
            persons = [finding_persons(session, finding) for finding in result.findings]
        dialog = ApplyResultDialog(result, self, review_duplicates=self.review_duplicates,
                                   review_conflicts=lambda: self.tabs.setCurrentIndex(2), persons=persons)
        dialog.exec()

    # ------------------------------------------------------------------ history
    def _history_tab(self) -> QWidget:
        tab = QWidget()
        self.history_view = _table([self.tr("When"), self.tr("Direction"), self.tr("Office"), self.tr("No."),
                                    self.tr("By"), self.tr("Records"), self.tr("Conflicts"), self.tr("Findings"),
                                    self.tr("File")], "history_view")
        self.history_view.setAccessibleName(self.tr("Exchange history"))
        layout = QVBoxLayout(tab)
        layout.addWidget(self.history_view)
        return tab

    def _fill_history(self, entries) -> None:
        self.history_view.setRowCount(0)
        for entry in entries:
            row = self.history_view.rowCount()
            self.history_view.insertRow(row)
            direction = self.tr("Sent") if entry.direction == "out" else self.tr("Received")
            values = [_time(entry.at), direction, entry.peer_name, entry.number, entry.user, entry.records,
                      entry.conflicts, len(entry.findings or []), entry.file_name]
            for column, value in enumerate(values):
                self.history_view.setItem(row, column, _item(value))

    # ------------------------------------------------------------------ conflicts
    def _conflicts_tab(self) -> QWidget:
        tab = QWidget()
        intro = QLabel(self.tr("Records changed at both offices. Until you decide, each keeps this office's value."))
        intro.setWordWrap(True)
        self.records_list = QListWidget()
        self.records_list.setObjectName("conflict_records")
        self.records_list.setAccessibleName(self.tr("Records with conflicts"))
        self.records_list.currentRowChanged.connect(lambda _row: self._show_record())
        prepare_view(self.records_list)
        self.fields_view = _table([self.tr("Field"), self.tr("This office's value"), self.tr("Office"),
                                   self.tr("When"), self.tr("Other office's value"), self.tr("Office"),
                                   self.tr("When")], "conflict_fields")
        self.fields_view.setAccessibleName(self.tr("Fields in conflict, side by side"))
        self.fields_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.fields_view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (1, 4):  # the two values, side by side, share the room
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.records_list)
        splitter.addWidget(self.fields_view)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([220, 700])

        def button(text: str, name: str, slot) -> QPushButton:
            widget = QPushButton(text)
            widget.setObjectName(name)
            widget.clicked.connect(slot)
            return widget

        self.keep_local_button = button(self.tr("Keep this office's value"), "keep_local_button",
                                        lambda: self.resolve_fields("local"))
        self.take_remote_button = button(self.tr("Take the other office's value"), "take_remote_button",
                                         lambda: self.resolve_fields("remote"))
        self.edit_button = button(self.tr("Edit the value…"), "edit_value_button", self.edit_field)
        self.record_local_button = button(self.tr("Whole record: this office"), "record_local_button",
                                          lambda: self.resolve_record("local"))
        self.record_remote_button = button(self.tr("Whole record: other office"), "record_remote_button",
                                           lambda: self.resolve_record("remote"))
        self.all_local_button = button(self.tr("Resolve all with this office's values…"), "all_local_button",
                                       lambda: self.resolve_everything("local"))
        self.all_remote_button = button(self.tr("Resolve all with the other office's values…"), "all_remote_button",
                                        lambda: self.resolve_everything("remote"))
        field_row = QHBoxLayout()
        field_row.addWidget(QLabel(self.tr("Chosen fields:")))
        for widget in (self.keep_local_button, self.take_remote_button, self.edit_button):
            field_row.addWidget(widget)
        field_row.addStretch(1)
        record_row = QHBoxLayout()
        record_row.addWidget(QLabel(self.tr("This record:")))
        record_row.addWidget(self.record_local_button)
        record_row.addWidget(self.record_remote_button)
        record_row.addStretch(1)
        all_row = QHBoxLayout()
        all_row.addWidget(QLabel(self.tr("Every record:")))
        all_row.addWidget(self.all_local_button)
        all_row.addWidget(self.all_remote_button)
        all_row.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addLayout(field_row)
        layout.addLayout(record_row)
        layout.addLayout(all_row)
        self._conflicts: list = []
        return tab

    def _fill_conflicts(self, views) -> None:
        current = self.current_record()
        self._conflicts = views
        self.records_list.blockSignals(True)
        self.records_list.clear()
        records: dict[tuple[str, str], list] = {}
        for view in views:
            records.setdefault((view.table, view.row_id), []).append(view)
        chosen = 0
        for index, (key, fields) in enumerate(records.items()):
            first = fields[0]
            item = QListWidgetItem(f"{shown_label(first.table_label)}: {first.record_label} ({len(fields)})")
            item.setData(IdRole, key)
            self.records_list.addItem(item)
            if key == current:
                chosen = index
        self.records_list.blockSignals(False)
        if records:
            self.records_list.setCurrentRow(chosen)
        self._show_record()
        for widget in (self.all_local_button, self.all_remote_button):
            widget.setEnabled(bool(views))

    def current_record(self) -> tuple[str, str] | None:
        item = self.records_list.currentItem()
        return item.data(IdRole) if item is not None else None

    def _record_conflicts(self) -> list:
        key = self.current_record()
        return [view for view in self._conflicts if (view.table, view.row_id) == key]

    def _show_record(self) -> None:
        self.fields_view.setRowCount(0)
        for view in self._record_conflicts():
            row = self.fields_view.rowCount()
            self.fields_view.insertRow(row)
            values = [_field(view), _value(view.local_value), view.local_office, _time(view.local_at),
                      _value(view.remote_value), view.remote_office, _time(view.remote_at)]
            for column, value in enumerate(values):
                self.fields_view.setItem(row, column, _item(value, view.id))
        if self.fields_view.rowCount():
            self.fields_view.selectRow(0)
        has = bool(self.fields_view.rowCount())
        for widget in (self.keep_local_button, self.take_remote_button, self.edit_button,
                       self.record_local_button, self.record_remote_button):
            widget.setEnabled(has)

    def chosen_conflicts(self) -> list:
        ids = {self.fields_view.item(index.row(), 0).data(IdRole)
               for index in self.fields_view.selectionModel().selectedRows()}
        return [view for view in self._record_conflicts() if view.id in ids]

    def _side(self, choice: str) -> str:
        return self.tr("this office's value") if choice == "local" else self.tr("the other office's value")

    def resolve_fields(self, choice: str) -> None:
        chosen = self.chosen_conflicts()
        if not chosen:
            self.message.setText(self.tr("Choose a field in the list first."))
            return
        names = "、".join(_field(view) for view in chosen)
        question = (self.tr("Use %1 for %2 of %3?").replace("%1", self._side(choice)).replace("%2", names)
                    .replace("%3", chosen[0].record_label))
        if not self.confirm(question):
            return

        def work(session):
            for view in chosen:
                exchange.resolve_conflict(session, view.id, choice)

        if self._run(work):
            self.message.setText(self.tr("Resolved: %1 of %2.").replace("%1", names)
                                 .replace("%2", chosen[0].record_label))

    def edit_field(self) -> None:
        chosen = self.chosen_conflicts()
        if len(chosen) != 1:
            self.message.setText(self.tr("Choose one field to edit."))
            return
        view = chosen[0]
        start = "" if view.local_value is None else str(view.local_value)
        value = self.ask_text(self.tr("Edit the value"),
                              self.tr("%1 of %2:").replace("%1", _field(view))
                              .replace("%2", view.record_label), start)
        if value is None:
            return
        if self._run(lambda session: exchange.resolve_conflict(session, view.id, "edited", value)):
            self.message.setText(self.tr("Resolved: %1 of %2.").replace("%1", _field(view))
                                 .replace("%2", view.record_label))

    def resolve_record(self, choice: str) -> None:
        fields = self._record_conflicts()
        if not fields:
            return
        question = (self.tr("Use %1 for all %2 fields of %3?").replace("%1", self._side(choice))
                    .replace("%2", str(len(fields))).replace("%3", fields[0].record_label))
        if not self.confirm(question):
            return
        table, row_id = fields[0].table, fields[0].row_id
        self._run(lambda session: exchange.resolve_all(session, choice, table=table, row_id=row_id))

    def resolve_everything(self, choice: str) -> None:
        if not self._conflicts:
            return
        records = len({(view.table, view.row_id) for view in self._conflicts})
        question = (self.tr("Use %1 for all %2 open conflicts in %3 records?").replace("%1", self._side(choice))
                    .replace("%2", str(len(self._conflicts))).replace("%3", str(records)))
        if not self.confirm(question):
            return
        self._run(lambda session: exchange.resolve_all(session, choice))

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
        with unit_of_work(self.database) as session:
            folder = backups.backup_folder(session)

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

    # ------------------------------------------------------------------ asking the user
    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Data exchange"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _ask_text(self, title: str, label: str, text: str) -> str | None:
        value, ok = QInputDialog.getText(self, title, label, text=text)
        return value.strip() if ok else None

    def _ask_passphrase(self, title: str, intro: str, twice: bool) -> str | None:
        dialog = PassphraseDialog(title, intro, twice, self)
        return dialog.passphrase() if dialog.exec() else None

    def _ask_apply(self, path: Path, header: dict) -> str | None:
        dialog = HeaderDialog(path.name, header, self)
        return dialog.passphrase_edit.text() if dialog.exec() else None

    def _choose_save(self, title: str, default: Path, pattern: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(default), pattern)
        return Path(chosen) if chosen else None

    def _choose_open(self, title: str, pattern: str) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(self, title, str(default_folder()), pattern)
        return Path(chosen) if chosen else None

    def choose_folder(self, title: str, default: Path) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, title, str(default))
        return Path(chosen) if chosen else None
