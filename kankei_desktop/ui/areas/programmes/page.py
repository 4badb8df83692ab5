"""プログラム: programmes by 年度 on the left; the selected programme's board or table on the right."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.calendar import display_date
from kankei_desktop.domain.errors import KankeiError, ValidationError
from kankei_desktop.services import enrollments, programmes, work
from kankei_desktop.store import Database
from kankei_desktop.store.versions import StaleRecordError
from kankei_desktop.ui.area import AreaPage
from kankei_desktop.ui.areas.programmes.board import BoardView
from kankei_desktop.ui.areas.programmes.commands import DoneCommand
from kankei_desktop.ui.areas.programmes.enrollment_actions import EnrollmentActions
from kankei_desktop.ui.areas.programmes.figures import FiguresLabel
from kankei_desktop.ui.areas.programmes.programme_dialog import ProgrammeDialog
from kankei_desktop.ui.areas.programmes.stages_dialog import StagesDialog
from kankei_desktop.ui.areas.programmes.table_model import EnrollmentTableModel
from kankei_desktop.ui.common import table_view
from kankei_desktop.ui.common import RowIdRole as ProgrammeIdRole
from kankei_desktop.ui.widgets import OverflowToolbar, prepare_view, tool_button
from kankei_desktop.ui.words import english, fiscal_year_text, shown
from kankei_desktop.ui.worker import Task, run_and_wait


class ProgrammesPage(EnrollmentActions, AreaPage):
    AREA_KEY = "programmes"
    ICON = "fa5s.project-diagram"

    def area_title(self) -> str:
        return self.tr("Programmes")

    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(database, parent)
        self.undo_stack = QUndoStack(self)
        self.last_run_failed = False
        self.programme_id: str | None = None
        self._build_layout()
        self._connect()
        self._loaded = False

    def _build_layout(self) -> None:
        left = self._build_programme_list()
        right = self._build_programme_panel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _build_programme_list(self) -> QWidget:
        """Left: programmes by 年度, with their buttons."""
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year_combo")
        self.archived_check = QCheckBox(self.tr("Show archived"))
        self.programme_list = QListWidget()
        self.programme_list.setObjectName("programme_list")
        self.programme_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.programme_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.programme_list.setSpacing(2)
        self.new_button = tool_button("fa5s.plus", self.tr("New"), self.tr("New programme (Ctrl+N)"))
        self.edit_button = tool_button("fa5s.edit", self.tr("Edit"), self.tr("Edit the programme and its targets"))
        self.stages_button = tool_button("fa5s.list-ol", self.tr("Stages"), self.tr("Add, rename, reorder stages"))
        self.archive_button = tool_button("fa5s.archive", self.tr("Archive"), self.tr("Archive or bring back"))
        self.copy_button = tool_button("fa5s.copy", self.tr("Copy to next year"),
                                        self.tr("Same stages and targets in the next fiscal year, without persons"))
        self.segments_button = tool_button("fa5s.filter", self.tr("Segments"),
                                            self.tr("Saved participant filters, for bulk enrollment, export and labels"))
        self.duplicates_button = tool_button("fa5s.user-friends", self.tr("Duplicates"),
                                              self.tr("Find persons recorded twice and merge them"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.year_combo)
        left_layout.addWidget(self.archived_check)
        left_layout.addWidget(self.programme_list, 1)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.stages_button):
            buttons.addWidget(button)
        left_layout.addLayout(buttons)
        buttons2 = QHBoxLayout()
        for button in (self.archive_button, self.copy_button):
            buttons2.addWidget(button)
        left_layout.addLayout(buttons2)
        buttons3 = QHBoxLayout()
        buttons3.addWidget(self.segments_button)
        buttons3.addWidget(self.duplicates_button)
        left_layout.addLayout(buttons3)
        return left

    def _build_programme_panel(self) -> QWidget:
        """Right: the selected programme's title, figures, toolbars and board or table."""
        toolbar, move_row = self._build_programme_toolbars()
        self._build_enrollment_views()
        right = QWidget()
        self.right_layout = QVBoxLayout(right)
        self.right_layout.setContentsMargins(0, 0, 0, 0)
        self.right_layout.addWidget(self.title_label)
        self.right_layout.addWidget(self.figures_label)
        self.right_layout.addLayout(toolbar)
        self.right_layout.addLayout(move_row)
        self.right_layout.addWidget(self.view_stack, 1)
        self.right_layout.addWidget(self.empty_label, 1)
        self.right_panel = right
        return right

    def _build_programme_toolbars(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        self.title_label = QLabel()
        self.title_label.setObjectName("programme_title")
        self.title_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.figures_label = FiguresLabel()
        self.board_toggle = QPushButton(self.tr("Board"))
        self.table_toggle = QPushButton(self.tr("Table"))
        for button in (self.board_toggle, self.table_toggle):
            button.setCheckable(True)
            button.setAutoExclusive(True)
        self.board_toggle.setChecked(True)
        self.move_combo = QComboBox()
        self.move_combo.setObjectName("move_stage_combo")
        self.move_date = QLineEdit(display_date(date.today()))
        self.move_date.setObjectName("move_date")
        self.move_date.setMinimumWidth(110)
        self.move_date.setMaximumWidth(130)
        self.enroll_button = QPushButton(self.tr("Enroll from a segment…"))
        self.enroll_button.setObjectName("enroll_button")
        self.unenroll_button = QPushButton(self.tr("Remove selected"))
        self.move_button = QPushButton(self.tr("Move selected"))
        self.move_button.setObjectName("move_button")
        self.figures_button = QPushButton(self.tr("Figures against targets"))
        self.figures_button.setObjectName("figures_button")
        self.figures_button.setToolTip(self.tr("Count persons and person-days of this programme's fiscal year "
                                               "(the same figures as the report)"))
        self.undo_button = tool_button("fa5s.undo", self.tr("Undo"), self.tr("Undo (Ctrl+Z)"))
        self.redo_button = tool_button("fa5s.redo", self.tr("Redo"), self.tr("Redo (Ctrl+Y)"))
        self.roster_button = tool_button("fa5s.print", self.tr("Roster PDF…"),
                                         self.tr("Print the persons of this programme as an A4 list (PDF)"))
        self.roster_button.setObjectName("programme_roster_button")
        self.export_persons_button = tool_button("fa5s.file-export", self.tr("Export persons…"),
                                                 self.tr("Write the persons of this programme to Excel or CSV"))
        self.export_persons_button.setObjectName("programme_export_button")
        # Two rows, so that everything fits at 1366×768 with Japanese labels; what does not fit
        # on a smaller screen goes into the » menu.
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.board_toggle)
        toolbar.addWidget(self.table_toggle)
        toolbar.addSpacing(16)
        self.toolbar = OverflowToolbar([self.enroll_button, self.unenroll_button, self.figures_button,
                                        self.roster_button, self.export_persons_button, self.undo_button,
                                        self.redo_button])
        toolbar.addWidget(self.toolbar, 1)
        move_row = QHBoxLayout()
        move_row.addWidget(QLabel(self.tr("Move to")))
        move_row.addWidget(self.move_combo)
        move_row.addWidget(QLabel(self.tr("on")))
        move_row.addWidget(self.move_date)
        move_row.addWidget(self.move_button)
        move_row.addStretch(1)
        return toolbar, move_row

    def _build_enrollment_views(self) -> None:
        self.board = BoardView()
        self.table_model = EnrollmentTableModel(self)
        self.table = table_view(self.table_model, name="enrollment_table", row_height=28, word_wrap=False,
                                widths=(130, 170, 130, 130, 90, 110))
        self.view_stack = QStackedWidget()
        self.view_stack.addWidget(self.board)
        self.view_stack.addWidget(self.table)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_state")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

    def _connect(self) -> None:
        self.year_combo.currentIndexChanged.connect(self.reload_programmes)
        self.archived_check.toggled.connect(self.reload_programmes)
        self.programme_list.currentRowChanged.connect(self._programme_selected)
        self.new_button.clicked.connect(self.create_new)
        self.edit_button.clicked.connect(self.edit_programme)
        self.stages_button.clicked.connect(self.edit_stages)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.copy_button.clicked.connect(self.copy_to_next_year)
        self.duplicates_button.clicked.connect(self.review_duplicates)
        self.board_toggle.toggled.connect(lambda on: self.view_stack.setCurrentIndex(0 if on else 1))
        self.move_button.clicked.connect(self.move_selected)
        self.figures_button.clicked.connect(self.show_figures)
        self.enroll_button.clicked.connect(self.enroll_segment)
        self.unenroll_button.clicked.connect(self.unenroll_selected)
        self.segments_button.clicked.connect(self.edit_segments)
        self.roster_button.clicked.connect(lambda: self.print_roster())
        self.export_persons_button.clicked.connect(lambda: self.export_persons())
        self.board.move_requested.connect(self.move_cards)
        self.board.open_card.connect(self.open_card)
        prepare_view(self.table, self.open_current_row)
        prepare_view(self.programme_list, self.edit_programme)  # Enter edits the programme
        # Bulk buttons act only on chosen persons (issue 16): enabled by the selection.
        self.board.selection_changed.connect(self.update_bulk_buttons)
        self.table.selectionModel().selectionChanged.connect(self.update_bulk_buttons)
        self.board_toggle.toggled.connect(self.update_bulk_buttons)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        for sequence, slot in ((QKeySequence.StandardKey.Undo, self.undo_stack.undo),
                               (QKeySequence("Ctrl+Y"), self.undo_stack.redo),
                               (QKeySequence.StandardKey.Redo, self.undo_stack.redo)):
            QShortcut(sequence, self, activated=slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # ---------------------------------------------------------------- AreaPage
    def activate(self) -> None:
        if not self._loaded:
            self._loaded = True
            self._fill_years()
        self.refresh()

    def refresh(self) -> None:
        self.reload_programmes()

    def create_new(self) -> None:
        dialog = ProgrammeDialog(None, self._create_programme, self)
        if dialog.exec() and dialog.result_value:
            self._fill_years()
            self.reload_programmes(select_id=dialog.result_value)

    # ------------------------------------------------------------- undoable runs
    def run_undoable(self, text: str, do, undo, redo=None, *, field_errors: bool = False):
        """Run ``do(session)`` now; on success push a command that can take it back. None if refused.

        With ``field_errors`` a ValidationError (shown at the field) or a StaleRecordError (the
        record was saved by somebody else meanwhile) is raised to the calling dialog instead of
        being shown in a message box.
        """
        self.last_run_failed = True
        try:
            with work.unit(self.database) as session:
                result = do(session)
        except KankeiError as error:
            if field_errors and isinstance(error, (ValidationError, StaleRecordError)):
                raise
            self.show_error(error.message)
            return None
        self.last_run_failed = False
        if result is None or result == []:
            return result  # nothing changed: nothing to undo
        redo = redo or (lambda session, _result: do(session))
        self.undo_stack.push(DoneCommand(text, self.database, result, undo, redo, self.refresh, self.show_error))
        return result

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Not done"), message)

    # ---------------------------------------------------------------- programmes
    def _fill_years(self) -> None:
        current = self.year_combo.currentData()
        with work.unit(self.database) as session:
            years = programmes.fiscal_years(session)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        self.year_combo.addItem(self.tr("All fiscal years"), None)
        for year in years:
            self.year_combo.addItem(fiscal_year_text(year), year)
        index = self.year_combo.findData(current)
        self.year_combo.setCurrentIndex(max(index, 0))
        self.year_combo.blockSignals(False)

    def reload_programmes(self, *_args, select_id: str | None = None) -> None:
        keep = select_id or self.programme_id
        with work.unit(self.database) as session:
            rows = programmes.list_programmes(session, self.year_combo.currentData(),
                                              include_archived=self.archived_check.isChecked())
        self.programme_list.blockSignals(True)
        self.programme_list.clear()
        for pid, name, kind, year, _region, archived, count in rows:
            flag = self.tr(" (archived)") if archived else ""
            dot = " · " if english() else "・"
            item = QListWidgetItem(f"{name}{flag}\n{fiscal_year_text(year)}{dot}{shown(kind)}{dot}{count:,}"
                                   + self.tr(" persons"))
            item.setData(ProgrammeIdRole, pid)
            self.programme_list.addItem(item)
        ids = [row[0] for row in rows]
        self.programme_list.setCurrentRow(ids.index(keep) if keep in ids else (0 if ids else -1))
        self.programme_list.blockSignals(False)
        self._programme_selected(self.programme_list.currentRow())
        if not ids:
            self.status_message.emit(self.tr("No programmes"))

    def _programme_selected(self, row: int) -> None:
        item = self.programme_list.item(row) if row >= 0 else None
        self.programme_id = item.data(ProgrammeIdRole) if item else None
        for button in (self.edit_button, self.stages_button, self.archive_button, self.copy_button):
            button.setEnabled(self.programme_id is not None)
        self.reload_programme()

    def reload_programme(self, keep_selected: list[str] | None = None) -> None:
        has = self.programme_id is not None
        self.view_stack.setVisible(has)
        self.empty_label.setVisible(not has)
        for widget in (self.move_combo, self.move_date, self.figures_button, self.enroll_button):
            widget.setEnabled(has)
        self.update_bulk_buttons()
        if not has:
            self.title_label.setText("")
            self.figures_label.setText("")
            self.empty_label.setText(self.tr(
                "No programme yet. Use [+ New] to create one from a template (Otetsudai Plus, Rice letter, "
                "Country-life quest) or with your own stages."))
            self.board.set_columns([])
            self.table_model.set_rows([])
            return
        keep = keep_selected if keep_selected is not None else self.selected_enrollment_ids()
        programme_id = self.programme_id

        def read(session, _progress):
            return (programmes.load_programme_input(session, programme_id),
                    enrollments.board(session, programme_id), enrollments.table_rows(session, programme_id))

        # Up to 0.4 s on a large programme: read in a worker while the window is painted; a
        # dialog only if it takes longer than that.
        task = Task(self.database, read, title=self.tr("Loading the programme"))
        try:
            data, columns, rows = run_and_wait(self, task, show_after_ms=500)
        except KankeiError as error:
            self.show_error(error.message)
            return
        self.title_label.setText(f"{data.name}　{fiscal_year_text(data.fiscal_year)}"
                                 + (f"　{data.region}" if data.region else ""))
        total = sum(len(column.cards) for column in columns)
        self.figures_label.show_enrolled(data, columns)
        self.board.set_columns(columns, keep)
        self.table_model.set_rows(rows)
        self.move_combo.clear()
        for column in columns:
            self.move_combo.addItem(column.name, column.stage_id)
        self.status_message.emit(self.tr("%1 persons in this programme").replace("%1", f"{total:,}"))

    def show_figures(self) -> None:
        if self.programme_id:
            self.figures_label.count_kpis(self.database, self.programme_id)

    def _create_programme(self, data):
        return self.run_undoable(
            self.tr("Create programme"),
            lambda s: programmes.create_programme(s, data),
            lambda s, pid: programmes.delete_programme(s, pid),
            lambda s, _pid: programmes.create_programme(s, data),
            field_errors=True,
        )

    def edit_programme(self) -> None:
        dialog = self.programme_editor()
        if dialog is not None and dialog.exec():
            self._fill_years()
            self.reload_programmes()

    def programme_editor(self) -> ProgrammeDialog | None:
        """The editor of the selected programme; its save is undoable and refused after somebody else's."""
        if not self.programme_id:
            return None
        programme_id = self.programme_id

        def stored():
            with work.unit(self.database) as session:
                return (programmes.load_programme_input(session, programme_id),
                        programmes.programme_version(session, programme_id))

        def save(data):
            version = dialog.row_version  # the version the editor shows (issue 20)
            self.run_undoable(
                self.tr("Edit programme"),
                lambda s: programmes.update_programme(s, programme_id, data, expected_version=version),
                lambda s, before: programmes.update_programme(s, programme_id, before),
                lambda s, _before: programmes.update_programme(s, programme_id, data),
                field_errors=True,
            )
            return None if self.last_run_failed else programme_id

        current, version = stored()
        dialog = ProgrammeDialog(current, save, self, version=version, load_stored=stored)
        return dialog

    def edit_stages(self) -> None:
        if self.programme_id:
            StagesDialog(self.database, self.programme_id, self.run_undoable, self).exec()
            self.reload_programme()

    def toggle_archived(self) -> None:
        if not self.programme_id:
            return
        programme_id = self.programme_id
        with work.unit(self.database) as session:
            archived = programmes.live_programme(session, programme_id).archived
        self.run_undoable(
            self.tr("Bring back") if archived else self.tr("Archive"),
            lambda s: programmes.set_archived(s, programme_id, not archived),
            lambda s, previous: programmes.set_archived(s, programme_id, previous),
            lambda s, _previous: programmes.set_archived(s, programme_id, not archived),
        )
        self.reload_programmes()

    def copy_to_next_year(self) -> None:
        if not self.programme_id:
            return
        source = self.programme_id
        new_id = self.run_undoable(
            self.tr("Copy to next year"),
            lambda s: programmes.copy_to_next_year(s, source),
            lambda s, pid: programmes.delete_programme(s, pid),
            lambda s, _pid: programmes.copy_to_next_year(s, source),
        )
        if new_id:
            self._fill_years()
            self.reload_programmes(select_id=new_id)
