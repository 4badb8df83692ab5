"""Segments: participant filters saved by name (stage, ties, residence, programme and stage,
last touch, tags, consent), previewed with their count, used for bulk enrollment and by
export and labels (``services.segments.person_ids_for_segment_name``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.calendar import display_date, parse_date
from kankei_desktop.domain.enums import RESIDENCE_AREAS, LadderStage, Tie
from kankei_desktop.domain.errors import KankeiError, ValidationError
from kankei_desktop.services import programmes, rosters, segments, work
from kankei_desktop.services.segments import SegmentCriteria
from kankei_desktop.store import Database
from kankei_desktop.ui.common import error_label
from kankei_desktop.ui.words import programme_text, segment_description, shown
from kankei_desktop.ui.widgets import keyboard_friendly


def _checklist(values: list[str]) -> QListWidget:
    widget = QListWidget()
    for value in values:
        item = QListWidgetItem(shown(value))
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(96)
    return widget


def _checked(widget: QListWidget) -> list[str]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def _check(widget: QListWidget, values: list[str]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in values
                           else Qt.CheckState.Unchecked)


def _file_name(label: str) -> str:
    return "".join(ch for ch in label if ch not in '\\/:*?"<>|「」').replace("　", "_").strip() or "名簿"


def save_persons(parent: QWidget, database: Database, person_ids_of, label: str, path: str | None,
                 show_error, show_done) -> str | None:
    """Ask where (unless ``path``), then write the persons ``person_ids_of(session)`` names
    as the participants export (.xlsx or .csv). Returns the path written, or None."""
    translate = QCoreApplication.translate
    if path is None:
        path, _ = QFileDialog.getSaveFileName(parent, translate("Rosters", "Export persons"),
                                              f"{_file_name(label)}.xlsx", translate("Rosters", "Excel (*.xlsx);;CSV (*.csv)"))
        if not path:
            return None
    try:
        with work.unit(database) as session:
            result = rosters.export_persons(session, person_ids_of(session), Path(path), label=label)
    except KankeiError as error:
        show_error(error.message)
        return None
    show_done(translate("Rosters", "%1 persons written to %2").replace("%1", f"{result.rows:,}").replace("%2", path))
    return path


def save_roster(parent: QWidget, database: Database, roster_of, label: str, path: str | None,
                show_error, show_done) -> str | None:
    """Ask where (unless ``path``), then print ``roster_of(session)`` as an A4 PDF list."""
    translate = QCoreApplication.translate
    if path is None:
        path, _ = QFileDialog.getSaveFileName(parent, translate("Rosters", "Roster PDF"),
                                              f"名簿_{_file_name(label)}.pdf", "PDF (*.pdf)")
        if not path:
            return None
    try:
        with work.unit(database) as session:
            pages = rosters.write_roster(session, roster_of(session), Path(path))
    except KankeiError as error:
        show_error(error.message)
        return None
    show_done(translate("Rosters", "Roster written (%1 pages): %2").replace("%1", str(pages)).replace("%2", path))
    return path


class SegmentsDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(self.tr("Segments"))
        self.resize(760, 560)
        self._build_layout()
        self._fill_programmes()
        self._connect()
        self._fill_stages()
        self.reload()
        keyboard_friendly(self, save=self.save_criteria)  # Tab leaves notes, Ctrl+S saves

    def _build_layout(self) -> None:
        left = self._build_segment_list()
        self._build_criteria_fields()
        right = self._build_criteria_form()
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 2)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.close_buttons)

    def _build_segment_list(self) -> QVBoxLayout:
        self.segment_list = QListWidget()
        self.segment_list.setObjectName("segment_list")
        self.new_button = QPushButton(self.tr("New…"))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.export_button = QPushButton(self.tr("Export persons…"))
        self.export_button.setObjectName("segment_export_button")
        self.export_button.setToolTip(self.tr("Write the persons of the segment to Excel or CSV"))
        self.roster_button = QPushButton(self.tr("Roster PDF…"))
        self.roster_button.setObjectName("segment_roster_button")
        self.roster_button.setToolTip(self.tr("Print the persons of the segment as an A4 list (PDF)"))
        left = QVBoxLayout()
        left.addWidget(self.segment_list, 1)
        for button in (self.new_button, self.rename_button, self.delete_button, self.export_button,
                       self.roster_button):
            left.addWidget(button)
        return left

    def _build_criteria_fields(self) -> None:
        self.stages = _checklist([stage.value for stage in LadderStage])
        self.ties = _checklist([tie.value for tie in Tie])
        self.areas = _checklist(list(RESIDENCE_AREAS))
        self.programme_combo = QComboBox()
        self.programme_combo.addItem(self.tr("(any)"), None)
        self.stage_combo = QComboBox()
        self.after_edit = QLineEdit()
        self.after_edit.setPlaceholderText("2026/04/01")
        self.before_edit = QLineEdit()
        self.before_edit.setPlaceholderText("2027/03/31")
        # With a last-contact date: persons never contacted in or out, chosen explicitly (issue 16).
        self.never_combo = QComboBox()
        self.never_combo.setObjectName("never_contacted")
        self.never_combo.addItem(self.tr("(choose when a date is given)"), None)
        self.never_combo.addItem(self.tr("Include persons never contacted"), segments.NEVER_INCLUDE)
        self.never_combo.addItem(self.tr("Leave out persons never contacted"), segments.NEVER_EXCLUDE)
        self.description_label = QLabel()
        self.description_label.setObjectName("segment_description")
        self.description_label.setWordWrap(True)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("e.g. farming, photography (any of them)"))
        self.contact_combo = self._yes_no()
        self.photo_combo = self._yes_no()
        self.text_edit = QLineEdit()
        self.count_label = QLabel()
        self.count_label.setObjectName("segment_count")
        self.error_label = error_label()
        self.preview_button = QPushButton(self.tr("Count"))
        self.save_button = QPushButton(self.tr("Save the filter"))
        self.save_button.setObjectName("save_segment")

    def _build_criteria_form(self) -> QVBoxLayout:
        form = QFormLayout()
        form.addRow(self.tr("Stage"), self.stages)
        form.addRow(self.tr("Ties"), self.ties)
        form.addRow(self.tr("Residence"), self.areas)
        form.addRow(self.tr("Programme"), self.programme_combo)
        form.addRow(self.tr("Programme stage"), self.stage_combo)
        touch = QHBoxLayout()
        touch.addWidget(self.after_edit)
        touch.addWidget(QLabel(self.tr("to")))
        touch.addWidget(self.before_edit)
        form.addRow(self.tr("Last contact from"), touch)
        form.addRow(self.tr("Never contacted"), self.never_combo)
        form.addRow(self.tr("Interests or skills"), self.tags_edit)
        form.addRow(self.tr("Contact OK"), self.contact_combo)
        form.addRow(self.tr("Photos OK"), self.photo_combo)
        form.addRow(self.tr("Search words"), self.text_edit)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label, 1)
        actions.addWidget(self.preview_button)
        actions.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(actions)
        right.addWidget(self.description_label)
        right.addWidget(self.error_label)
        return right

    def _fill_programmes(self) -> None:
        with work.unit(self.database) as session:
            for pid, name, _kind, year, _region, _archived, _n in programmes.list_programmes(session, include_archived=True):
                self.programme_combo.addItem(programme_text(name, year), pid)

    def _connect(self) -> None:
        self.close_buttons.rejected.connect(self.reject)
        self.programme_combo.currentIndexChanged.connect(self._fill_stages)
        self.segment_list.currentRowChanged.connect(self._show_segment)
        self.new_button.clicked.connect(self.new_segment)
        self.rename_button.clicked.connect(self.rename_segment)
        self.delete_button.clicked.connect(self.delete_segment)
        self.export_button.clicked.connect(lambda: self.export_persons())
        self.roster_button.clicked.connect(lambda: self.print_roster())
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save_criteria)

    def _segment_name(self) -> str | None:
        item = self.segment_list.currentItem()
        return item.text() if item else None

    def export_persons(self, path: str | None = None) -> str | None:
        """The persons the segment finds now, as the participants export (re-importable)."""
        name = self._segment_name()
        if name is None:
            return None
        return save_persons(self, self.database, lambda s: segments.person_ids_for_segment_name(s, name),
                            f"セグメント「{name}」", path, self.error_label.setText, self.count_label.setText)

    def print_roster(self, path: str | None = None) -> str | None:
        name = self._segment_name()
        if name is None:
            return None
        return save_roster(self, self.database, lambda s: rosters.segment_roster(s, name),
                           f"セグメント「{name}」", path, self.error_label.setText, self.count_label.setText)

    def _yes_no(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("(any)"), None)
        combo.addItem(self.tr("Yes"), True)
        combo.addItem(self.tr("No"), False)
        return combo

    def _fill_stages(self) -> None:
        self.stage_combo.clear()
        self.stage_combo.addItem(self.tr("(any)"), None)
        programme_id = self.programme_combo.currentData()
        if programme_id:
            with work.unit(self.database) as session:
                for stage in programmes.programme_stages(session, programme_id):
                    self.stage_combo.addItem(stage.name, stage.id)

    # ---------------------------------------------------------------- list
    def reload(self, select_id: str | None = None) -> None:
        with work.unit(self.database) as session:
            self.rows = segments.list_segments(session)
        self.segment_list.blockSignals(True)
        self.segment_list.clear()
        for segment_id, name, _criteria in self.rows:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, segment_id)
            self.segment_list.addItem(item)
        ids = [row[0] for row in self.rows]
        self.segment_list.setCurrentRow(ids.index(select_id) if select_id in ids else (0 if ids else -1))
        self.segment_list.blockSignals(False)
        self._show_segment(self.segment_list.currentRow())

    def current_id(self) -> str | None:
        item = self.segment_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show_segment(self, row: int) -> None:
        has = 0 <= row < len(self.rows)
        for button in (self.rename_button, self.delete_button, self.save_button, self.export_button,
                       self.roster_button):
            button.setEnabled(has)
        self.load_criteria(self.rows[row][2] if has else SegmentCriteria())
        self.preview()

    # ---------------------------------------------------------------- criteria
    def load_criteria(self, criteria: SegmentCriteria) -> None:
        _check(self.stages, criteria.ladder_stages)
        _check(self.ties, criteria.ties)
        _check(self.areas, criteria.residence_areas)
        self.programme_combo.setCurrentIndex(max(self.programme_combo.findData(criteria.programme_id), 0))
        self._fill_stages()
        stage = criteria.programme_stage_ids[0] if criteria.programme_stage_ids else None
        self.stage_combo.setCurrentIndex(max(self.stage_combo.findData(stage), 0))
        self.after_edit.setText(display_date(criteria.last_touch_after))
        self.before_edit.setText(display_date(criteria.last_touch_before))
        self.tags_edit.setText("、".join(criteria.tags))
        self.contact_combo.setCurrentIndex(max(self.contact_combo.findData(criteria.contact_ok), 0))
        self.photo_combo.setCurrentIndex(max(self.photo_combo.findData(criteria.photo_ok), 0))
        self.text_edit.setText(criteria.text)
        never = criteria.never_contacted
        if never is None and (criteria.last_touch_after or criteria.last_touch_before):
            never = segments.NEVER_EXCLUDE  # what an older segment did
        self.never_combo.setCurrentIndex(max(self.never_combo.findData(never), 0))

    def criteria(self) -> SegmentCriteria:
        dates = {}
        for key, edit in (("last_touch_after", self.after_edit), ("last_touch_before", self.before_edit)):
            text = edit.text().strip()
            try:
                dates[key] = parse_date(text) if text else None
            except ValueError as error:
                raise ValidationError({key: str(error)}) from None
        tags = [t.strip() for t in self.tags_edit.text().replace(",", "、").replace("，", "、").split("、") if t.strip()]
        stage = self.stage_combo.currentData()
        return SegmentCriteria(
            ladder_stages=_checked(self.stages), ties=_checked(self.ties), residence_areas=_checked(self.areas),
            programme_id=self.programme_combo.currentData(), programme_stage_ids=[stage] if stage else [],
            tags=tags, contact_ok=self.contact_combo.currentData(), photo_ok=self.photo_combo.currentData(),
            text=self.text_edit.text().strip(), never_contacted=self.never_combo.currentData(), **dates,
        )

    def preview(self) -> int | None:
        try:
            criteria = self.criteria()
            with work.unit(self.database) as session:
                count = len(segments.person_ids_for_criteria(session, criteria))
        except KankeiError as error:
            self.error_label.setText(error.message)
            return None
        self.error_label.clear()
        self.count_label.setText(self.tr("%1 persons match").replace("%1", f"{count:,}"))
        self.description_label.setText(segment_description(criteria))
        return count

    # ---------------------------------------------------------------- saving
    def _run(self, operation):
        try:
            with work.unit(self.database) as session:
                result = operation(session)
        except KankeiError as error:
            self.error_label.setText(error.message)
            return None
        self.error_label.clear()
        return result

    def new_segment(self, name: str | None = None) -> str | None:
        if not isinstance(name, str):
            name, ok = QInputDialog.getText(self, self.tr("New segment"),
                                            self.tr("Name of the segment (the current filter is saved)"))
            if not ok:
                return None
        try:
            criteria = self.criteria()
        except ValidationError as error:
            self.error_label.setText(error.message)
            return None
        segment_id = self._run(lambda s: segments.save_segment(s, name, criteria))
        if segment_id:
            self.reload(segment_id)
        return segment_id

    def save_criteria(self) -> None:
        segment_id = self.current_id()
        if not segment_id:
            return
        try:
            criteria = self.criteria()
        except ValidationError as error:
            self.error_label.setText(error.message)
            return
        if self._run(lambda s: segments.update_segment_criteria(s, segment_id, criteria)) is not None:
            self.reload(segment_id)

    def rename_segment(self, name: str | None = None) -> None:
        segment_id = self.current_id()
        if not segment_id:
            return
        if not isinstance(name, str):
            name, ok = QInputDialog.getText(self, self.tr("Rename the segment"), self.tr("New name"),
                                            text=self.segment_list.currentItem().text())
            if not ok:
                return
        if self._run(lambda s: segments.rename_segment(s, segment_id, name)) is not None:
            self.reload(segment_id)

    def delete_segment(self, confirm: bool = True) -> None:
        segment_id = self.current_id()
        if not segment_id:
            return
        name = self.segment_list.currentItem().text()
        if confirm and QMessageBox.question(
            self, self.tr("Delete"), self.tr("Delete segment %1? The persons are not touched.").replace("%1", f"「{name}」"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel,
        ) != QMessageBox.StandardButton.Yes:
            return
        self._run(lambda s: segments.delete_segment(s, segment_id))
        self.reload()
