"""参加者: the searchable list beside the selected person's detail."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services import participants, work
from kankei_desktop.store import Database
from kankei_desktop.ui import settings
from kankei_desktop.ui.area import AreaPage
from kankei_desktop.ui.areas.participants.detail import PersonDetail
from kankei_desktop.ui.areas.participants.editor import PersonEditor
from kankei_desktop.ui.areas.participants.list_model import PersonListModel
from kankei_desktop.ui.areas.participants.person_dialogs import add_persons_to_programme
from kankei_desktop.ui.common import RowIdRole, table_view
from kankei_desktop.ui.widgets import (
    SEARCH_DELAY_MS,
    OverflowToolbar,
    prepare_view,
    search_leads_to,
    tool_button,
)
from kankei_desktop.ui.words import shown

SPLITTER_STATE = settings.Option("participants/splitter", QByteArray, QByteArray())


class ParticipantsPage(AreaPage):
    AREA_KEY = "participants"
    ICON = "fa5s.users"

    def area_title(self) -> str:
        return self.tr("Participants")

    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(database, parent)
        self.model = PersonListModel(database, self)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self._build_layout()
        self._connect()
        self._loaded = False

    def _build_layout(self) -> None:
        toolbar = self._build_toolbar()
        self._build_table()
        list_side = self._build_list_side()
        self.detail = PersonDetail(self.database)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(list_side)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        state = settings.get(SPLITTER_STATE)
        if state and not state.isEmpty():
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([720, 460])

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.splitter, 1)

    def _build_toolbar(self) -> QHBoxLayout:
        self.new_button = tool_button("fa5s.plus", self.tr("New"), self.tr("New participant (Ctrl+N)"))
        self.edit_button = tool_button("fa5s.edit", self.tr("Edit"), self.tr("Edit the selected participant (Enter)"))
        self.delete_button = tool_button("fa5s.trash-alt", self.tr("Delete"), self.tr("Delete the selected participant"))
        self.restore_button = tool_button("fa5s.undo", self.tr("Restore"), self.tr("Restore the deleted participant"))
        self.enroll_button = tool_button(
            "fa5s.clipboard-list", self.tr("Add to programme"), self.tr("Enroll the selected participants in a programme")
        )
        self.import_button = tool_button("fa5s.file-import", self.tr("Import…"),
                                         self.tr("Read participants from Excel or CSV (Ctrl+I)"))
        self.export_button = tool_button("fa5s.file-export", self.tr("Export…"),
                                         self.tr("Write the participants to Excel or CSV (Ctrl+E)"))
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("participant_search")
        self.search_edit.setPlaceholderText(self.tr("Search name, furigana, e-mail, phone (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(240)
        self.stage_filter = QComboBox()
        self.stage_filter.addItem(self.tr("All stages"), None)
        for stage in participants.stage_choices():
            self.stage_filter.addItem(shown(stage), stage)
        self.tie_filter = QComboBox()
        self.tie_filter.addItem(self.tr("All ties"), None)
        for tie in participants.tie_choices():
            self.tie_filter.addItem(shown(tie), tie)
        self.deleted_check = QCheckBox(self.tr("Show deleted"))

        toolbar = QHBoxLayout()
        self.toolbar = OverflowToolbar([self.new_button, self.edit_button, self.delete_button, self.restore_button,
                                        self.enroll_button, self.import_button, self.export_button])
        toolbar.addWidget(self.toolbar)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.search_edit, 1)
        toolbar.addWidget(self.stage_filter)
        toolbar.addWidget(self.tie_filter)
        toolbar.addWidget(self.deleted_check)
        return toolbar

    def _build_table(self) -> None:
        self.table = table_view(self.model, name="participant_table", sortable=True, row_height=30, word_wrap=False,
                                widths=(110, 130, 70, 170, 100, 100))
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)

    def _build_list_side(self) -> QWidget:
        """The table, or the empty-state text (with two buttons on an empty file) in its place."""
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_state")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)

        # On an empty file the two ways in are buttons under the text, whatever fits in the toolbar.
        self.empty_actions = QWidget()
        self.empty_actions.setObjectName("empty_actions")
        self.empty_new_button = QPushButton(self.tr("+ New participant"))
        self.empty_new_button.setObjectName("empty_new_button")
        self.empty_import_button = QPushButton(self.tr("Import a spreadsheet…"))
        self.empty_import_button.setObjectName("empty_import_button")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.empty_new_button)
        row.addWidget(self.empty_import_button)
        row.addStretch(1)
        actions = QVBoxLayout(self.empty_actions)  # the text above sits at the bottom of its half
        actions.addLayout(row)
        actions.addStretch(1)
        self.empty_actions.hide()
        list_side = QWidget()
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.list_stack, 1)
        list_layout.addWidget(self.empty_actions, 1)
        return list_side

    def _connect(self) -> None:
        self.empty_new_button.clicked.connect(self.create_new)
        self.empty_import_button.clicked.connect(lambda: self.open_import())
        self.splitter.splitterMoved.connect(lambda *_: settings.put(SPLITTER_STATE, self.splitter.saveState()))
        self.search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self.search_timer.start)
        self.stage_filter.currentIndexChanged.connect(self.apply_filter)
        self.tie_filter.currentIndexChanged.connect(self.apply_filter)
        self.deleted_check.toggled.connect(self.apply_filter)
        self.new_button.clicked.connect(self.create_new)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.enroll_button.clicked.connect(self.enroll_selected)
        self.import_button.clicked.connect(lambda: self.open_import())
        self.export_button.clicked.connect(lambda: self.open_export("persons"))
        self.detail.changed.connect(lambda person_id: self.refresh())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        prepare_view(self.table, self.edit_selected)
        search_leads_to(self.search_edit, self.table)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

    # ---------------------------------------------------------- AreaPage
    def activate(self) -> None:
        if not self._loaded:
            self.apply_filter()
            self._loaded = True
        else:
            self.refresh()

    def refresh(self) -> None:
        selected = self.selected_ids()
        self.model.reload()
        self._after_reload(selected[0] if selected else None)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    # ------------------------------------------------------------- list
    def current_filter(self) -> participants.PersonFilter:
        return participants.PersonFilter(
            text=self.search_edit.text(),
            ladder_stage=self.stage_filter.currentData(),
            tie=self.tie_filter.currentData(),
            deleted=self.deleted_check.isChecked(),
        )

    def apply_filter(self) -> None:
        self.search_timer.stop()
        self.model.set_filter(self.current_filter())
        self._after_reload(None)

    def _after_reload(self, keep_id: str | None) -> None:
        deleted = self.deleted_check.isChecked()
        self.new_button.setEnabled(not deleted)
        self.delete_button.setVisible(not deleted)
        self.restore_button.setVisible(deleted)
        rows = self.model.rowCount()
        total = rows  # without search words or filters the list is every (deleted) person
        if self.model.applied_filter != participants.PersonFilter(deleted=deleted):
            # A count is a query of its own (≈50 ms at 100,000 persons): only when the list is narrowed.
            with work.unit(self.database) as session:
                total = participants.count_persons(session, deleted=deleted)
        if rows:
            self.list_stack.setCurrentWidget(self.table)
            row = self.model.row_of(keep_id) if keep_id else -1
            self.table.selectRow(max(row, 0))
        else:
            self.list_stack.setCurrentWidget(self.empty_label)
            self.detail.show_person(None)
            self.empty_label.setText(self._empty_message(total, deleted))
        first_run = not rows and total == 0 and not deleted
        self.empty_actions.setVisible(first_run)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | (
            Qt.AlignmentFlag.AlignBottom if first_run else Qt.AlignmentFlag.AlignVCenter))
        self._update_buttons()
        self.status_message.emit(
            self.tr("%1 of %2 shown").replace("%1", f"{rows:,}").replace("%2", f"{total:,}")
        )

    def _empty_message(self, total: int, deleted: bool) -> str:
        if deleted:
            return self.tr("There are no deleted participants.")
        if total == 0:
            return self.tr("No participants yet. Register them with [+ New participant] below, or read a spreadsheet "
                           "with [Import a spreadsheet…] (also File menu, Ctrl+I, or drop the file on this window).")
        return self.tr("No participant matches. Change the search words or the filters.")

    def selected_ids(self) -> list[str]:
        return [index.data(RowIdRole) for index in self.table.selectionModel().selectedRows()]

    def _on_selection(self, *_args) -> None:
        ids = self.selected_ids()
        self.detail.show_person(ids[0] if len(ids) == 1 else None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        count = len(self.selected_ids())
        self.edit_button.setEnabled(count == 1 and not self.deleted_check.isChecked())
        self.delete_button.setEnabled(count == 1)
        self.restore_button.setEnabled(count == 1)
        self.enroll_button.setEnabled(count >= 1 and not self.deleted_check.isChecked())

    # ---------------------------------------------------------- actions
    def create_new(self) -> None:
        if self.deleted_check.isChecked():
            return
        editor = PersonEditor(self.database, None, self)
        if editor.exec():
            self.model.reload()
            self._after_reload(editor.person_id)

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1 or self.deleted_check.isChecked():
            return
        editor = PersonEditor(self.database, ids[0], self)
        if editor.exec():
            self.model.reload()
            self._after_reload(ids[0])

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        name = self.model.data(self.table.selectionModel().selectedRows()[0])
        answer = QMessageBox.question(
            self,
            self.tr("Delete participant"),
            self.tr("Delete %1? You can restore them from \"Show deleted\".").replace("%1", f"「{name}」"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._run(lambda session: participants.delete_person(session, ids[0]))

    def enroll_selected(self) -> None:
        ids = self.selected_ids()
        if ids and add_persons_to_programme(self.database, ids, self):
            self.refresh()

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self._run(lambda session: participants.restore_person(session, ids[0]))

    def _run(self, operation) -> None:
        try:
            with work.unit(self.database) as session:
                operation(session)
        except KankeiError as error:
            QMessageBox.warning(self, self.tr("Not done"), error.message)
        self.model.reload()
        self._after_reload(None)
