"""データの交換 (issue 19): this office and its peers, writing and applying encrypted exchange
files, the exchange history, the review of conflicts, and encrypted backups for removable media.

Only the service API of ``services.exchange`` is used. The page is put together from its parts:
the exchange files and encrypted backups (files.py) and the conflicts tab (conflicts.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services import exchange
from kankei_desktop.services.work import unit as unit_of_work
from kankei_desktop.store import Database
from kankei_desktop.ui.area import AreaPage
from kankei_desktop.ui.areas.exchange.conflicts import ConflictsTab
from kankei_desktop.ui.areas.exchange.dialogs import HeaderDialog, PassphraseDialog
from kankei_desktop.ui.areas.exchange.files import ExchangeFiles
from kankei_desktop.ui.areas.exchange.shared import IdRole, cell, default_folder, exchange_table, when_text
from kankei_desktop.ui.widgets import OverflowToolbar, prepare_view, tool_button
from kankei_desktop.ui.words import error_text
from kankei_desktop.ui.worker import JobBar


class ExchangePage(ConflictsTab, ExchangeFiles, AreaPage):
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
        self.peers_view = exchange_table([self.tr("Office"), self.tr("Office ID"), self.tr("Changes to send"),
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
        seen = exchange.overview(self.database)
        own, peers, pending, conflicts = seen.own, seen.peers, seen.pending, seen.open_conflicts
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
            self.peers_view.setItem(row, 0, cell(peer.name, peer.id))
            self.peers_view.setItem(row, 1, cell(peer.id))
            self.peers_view.setItem(row, 2, cell(self.tr("everything (first file)") if count < 0 else count))
            self.peers_view.setItem(row, 3, cell(f"No. {peer.sent_number}" if peer.sent_number else "—"))
            self.peers_view.setItem(row, 4, cell(f"No. {peer.received_number}" if peer.received_number else "—"))
        if peers:
            self.peers_view.selectRow(0)
        self.conflicts_label.setText(self.tr("Open conflicts: %1").replace("%1", str(conflicts)))
        self.tabs.setTabText(2, self.tr("Conflicts (%1)").replace("%1", str(conflicts)) if conflicts
                             else self.tr("Conflicts"))
        self._fill_history(seen.history)
        self._fill_conflicts(seen.conflicts)
        self.status_message.emit(self.tr("Other offices: %1; open conflicts: %2").replace("%1", str(len(peers)))
                                 .replace("%2", str(conflicts)))

    def selected_peer(self):
        rows = self.peers_view.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.peers_view.item(rows[0].row(), 0)
        return exchange.peer_of(self.database, item.data(IdRole))

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
        own = exchange.office_of(self.database)
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

    # ------------------------------------------------------------------ history
    def _history_tab(self) -> QWidget:
        tab = QWidget()
        self.history_view = exchange_table([self.tr("When"), self.tr("Direction"), self.tr("Office"), self.tr("No."),
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
            values = [when_text(entry.at), direction, entry.peer_name, entry.number, entry.user, entry.records,
                      entry.conflicts, len(entry.findings or []), entry.file_name]
            for column, value in enumerate(values):
                self.history_view.setItem(row, column, cell(value))

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
