"""受入先: the list of hosts beside the selected host's details and timeline."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.calendar import display_date
from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services import hosts, work
from kankei_desktop.store import Database
from kankei_desktop.ui.area import AreaPage
from kankei_desktop.ui.areas.hosts.editor import HostEditor
from kankei_desktop.ui.areas.hosts.model import HostListModel
from kankei_desktop.ui.common import RowIdRole, table_view
from kankei_desktop.ui.widgets import OverflowToolbar, prepare_view, search_leads_to, tool_button
from kankei_desktop.ui.words import shown, shown_label


class HostsPage(AreaPage):
    AREA_KEY = "hosts"
    ICON = "fa5s.tractor"

    def area_title(self) -> str:
        return self.tr("Hosts")

    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(database, parent)
        self.model = HostListModel(database, self)
        self._build_layout()
        self._connect()

    def _build_layout(self) -> None:
        """The toolbar with search and filters; the host table beside the chosen host's details and timeline."""
        toolbar = self._build_toolbar()
        self._build_table()
        detail = self._build_detail()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setSizes([760, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(splitter, 1)

    def _build_toolbar(self) -> QHBoxLayout:
        self.new_button = tool_button("fa5s.plus", self.tr("New"), self.tr("New host (Ctrl+N)"))
        self.edit_button = tool_button("fa5s.edit", self.tr("Edit"))
        self.archive_button = tool_button("fa5s.archive", self.tr("Archive"), self.tr("Archive or bring back the host"))
        self.delete_button = tool_button("fa5s.trash-alt", self.tr("Delete"),
                                     self.tr("Delete a host that no stay or letter refers to"))
        self.schedule_button = tool_button("fa5s.file-pdf", self.tr("Schedule PDF"),
                                       self.tr("Printable schedule of upcoming stays (A4 landscape)"))
        self.import_button = tool_button("fa5s.file-import", self.tr("Import…"),
                                         self.tr("Read from Excel or CSV (Ctrl+I)"))
        self.export_button = tool_button("fa5s.file-export", self.tr("Export…"),
                                         self.tr("Write the hosts to Excel or CSV (Ctrl+E)"))
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("host_search")
        self.search_edit.setMinimumWidth(240)
        self.search_edit.setPlaceholderText(self.tr("Search name, contact, city, phone (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in hosts.kind_choices():
            self.kind_filter.addItem(shown(kind), kind)
        self.archived_check = QCheckBox(self.tr("Show archived"))

        toolbar = QHBoxLayout()
        self.toolbar = OverflowToolbar([self.new_button, self.edit_button, self.archive_button, self.delete_button,
                                        self.schedule_button, self.import_button, self.export_button])
        toolbar.addWidget(self.toolbar)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.search_edit, 1)
        toolbar.addWidget(self.kind_filter)
        toolbar.addWidget(self.archived_check)
        return toolbar

    def _build_table(self) -> None:
        self.table = table_view(self.model, name="host_table", sortable=True,
                                selection=QAbstractItemView.SelectionMode.SingleSelection, row_height=30,
                                word_wrap=False, widths=(190, 100, 90, 110, 90, 80, 60))
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def _build_detail(self) -> QWidget:
        """The chosen host's details above its stays and letters."""
        self.detail_label = QLabel()
        self.detail_label.setObjectName("host_detail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.timeline_list = QListWidget()
        self.timeline_list.setObjectName("host_timeline")
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.detail_label)
        detail_layout.addWidget(QLabel(self.tr("Stays and letters")))
        detail_layout.addWidget(self.timeline_list, 1)
        return detail

    def _connect(self) -> None:
        """Search, filters, buttons, keys and the table's selection to their actions."""
        self.search_edit.textChanged.connect(self.apply_filter)
        self.kind_filter.currentIndexChanged.connect(self.apply_filter)
        self.archived_check.toggled.connect(self.apply_filter)
        self.new_button.clicked.connect(self.create_new)
        self.edit_button.clicked.connect(self.edit_selected)
        self.archive_button.clicked.connect(self.toggle_archive)
        self.delete_button.clicked.connect(self.delete_selected)
        self.schedule_button.clicked.connect(self.export_schedule)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.import_button.clicked.connect(lambda: self.open_import())
        self.export_button.clicked.connect(lambda: self.open_export("hosts"))
        prepare_view(self.table, self.edit_selected)
        search_leads_to(self.search_edit, self.table)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_detail())

    # ---------------------------------------------------------- AreaPage
    def refresh(self) -> None:
        self.apply_filter()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def create_new(self) -> None:
        editor = HostEditor(self.database, parent=self)
        if editor.exec():
            self.apply_filter()
            self.select(editor.saved_id)

    # ---------------------------------------------------------- list
    def apply_filter(self) -> None:
        selected = self.selected_id()
        self.model.set_filter(hosts.HostFilter(
            text=self.search_edit.text(), kind=self.kind_filter.currentData(),
            include_archived=self.archived_check.isChecked(),
        ))
        if selected:
            self.select(selected)
        self.show_detail()
        self.status_message.emit(self.tr("%1 hosts").replace("%1", str(self.model.rowCount())))

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(RowIdRole) if rows else None

    def select(self, host_id: str | None) -> None:
        row = self.model.row_of(host_id) if host_id else -1
        if row >= 0:
            self.table.selectRow(row)

    def show_detail(self) -> None:
        host_id = self.selected_id()
        self.timeline_list.clear()
        # Actions on a host act only on the one chosen (issue 16): disabled with none selected.
        for button in (self.edit_button, self.archive_button, self.delete_button, self.schedule_button):
            button.setEnabled(host_id is not None)
        if not host_id:
            self.detail_label.setText(self.tr("Select a host to see its details."))
            return
        try:
            details = hosts.host_details(self.database, host_id)
        except KankeiError as error:
            self.detail_label.setText(error.message)
            return
        data = details.data
        capacity = (self.tr("Not a lodging") if data.capacity_per_night is None
                    else self.tr("%1 persons per night").replace("%1", str(data.capacity_per_night)))
        lines = [
            f"<b>{data.name}</b>（{data.kind}）",
            self.tr("Contact: %1").replace("%1", " ".join(p for p in (data.contact_person, data.phone, data.email) if p)),
            self.tr("Address: %1").replace("%1", " ".join(p for p in (
                f"〒{data.postal_code[:3]}-{data.postal_code[3:]}" if data.postal_code else "", data.prefecture,
                data.city, data.address_line, data.address_building) if p)),
            self.tr("Capacity: %1").replace("%1", capacity),
            self.tr("Stays: %1, letters: %2").replace("%1", str(details.stays)).replace("%2", str(details.letters)),
        ]
        if data.hosts_side_job_talent:
            lines.append(self.tr("Hosts side-job / second-job talent"))
        if data.small_business:
            lines.append(self.tr("Small or medium-sized business"))
        if data.notes:
            lines.append(data.notes.replace("\n", "<br>"))
        self.detail_label.setText("<br>".join(lines))
        for event in details.events:
            self.timeline_list.addItem(f"{display_date(event.on)}　{shown_label(event.kind)}　{shown(event.status)}"
                                       f"　{event.summary}")

    # ---------------------------------------------------------- actions
    def _run(self, action) -> bool:
        try:
            with work.unit(self.database) as session:
                action(session)
        except KankeiError as error:
            QMessageBox.warning(self, self.tr("Hosts"), error.message)
            return False
        return True

    def edit_selected(self) -> None:
        host_id = self.selected_id()
        if host_id and HostEditor(self.database, host_id, parent=self).exec():
            self.apply_filter()

    def toggle_archive(self) -> None:
        host_id = self.selected_id()
        if not host_id:
            return
        bring_back = not self.model.is_active(host_id)
        if self._run(lambda session: hosts.set_active(session, host_id, bring_back)):
            self.apply_filter()

    def delete_selected(self) -> None:
        host_id = self.selected_id()
        if not host_id:
            return
        name = self.model.data(self.table.selectionModel().selectedRows()[0])
        question = self.tr("Delete this host? Hosts with stays or letters can only be archived.") + f"（{name}）"
        if QMessageBox.question(self, self.tr("Delete"), question) != QMessageBox.StandardButton.Yes:
            return
        if self._run(lambda session: hosts.delete_host(session, host_id)):
            self.apply_filter()

    def export_schedule(self) -> None:
        from kankei_desktop.services.host_schedule import write_host_schedule

        host_id = self.selected_id()
        if not host_id:
            QMessageBox.information(self, self.tr("Schedule PDF"), self.tr("Select a host first."))
            return
        name = self.model.data(self.model.index(self.model.row_of(host_id), 0))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Schedule PDF"), f"受入予定表_{name}.pdf", "PDF (*.pdf)")
        if path and self._run(lambda session: write_host_schedule(session, host_id, Path(path))):
            self.status_message.emit(self.tr("Schedule written to %1").replace("%1", path))
