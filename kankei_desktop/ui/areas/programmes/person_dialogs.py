"""Dialogs other areas call for a person or a selection of persons.

- ``InteractionDialog`` (記録を追加): log a touch for one person.
- ``AddToProgrammeDialog`` (プログラムに追加): enroll a multi-selection in a programme.

Entry points for the participants area: ``log_interaction_for(...)`` and
``add_persons_to_programme(...)`` open the dialog and return True when something was saved.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.calendar import display_date, fiscal_year_label, parse_date
from kankei_desktop.domain.errors import KankeiError, ValidationError
from kankei_desktop.services import enrollments, interactions, programmes
from kankei_desktop.services.interactions import InteractionInput
from kankei_desktop.store import Database

ERROR_STYLE = "border: 2px solid #c53030;"


def _programme_items(database: Database) -> list[tuple[str, str]]:
    with database.session() as session:
        rows = programmes.list_programmes(session)
    return [(pid, f"{name}（{fiscal_year_label(year)}）") for pid, name, _kind, year, _r, _a, _n in rows]


def _buttons(dialog: QDialog, save_text: str, cancel_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Save).setText(save_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    box.accepted.connect(dialog.save)
    box.rejected.connect(dialog.reject)
    return box


class InteractionDialog(QDialog):
    def __init__(self, database: Database, person_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.person_id = person_id
        self.interaction_id: str | None = None
        self.setWindowTitle(self.tr("Add a record"))
        self.kind_combo = QComboBox()
        for kind in interactions.kind_choices():
            self.kind_combo.addItem(kind, kind)
        self.date_edit = QLineEdit(display_date(date.today()))
        self.date_edit.setObjectName("interaction_date")
        self.programme_combo = QComboBox()
        self.programme_combo.addItem(self.tr("(none)"), None)
        for pid, label in _programme_items(database):
            self.programme_combo.addItem(label, pid)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setFixedHeight(80)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c53030;")
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Programme"), self.programme_combo)
        form.addRow(self.tr("Note"), self.note_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(_buttons(self, self.tr("Save"), self.tr("Cancel")))

    def save(self) -> None:
        self.date_edit.setStyleSheet("")
        try:
            try:
                on = parse_date(self.date_edit.text())
            except ValueError as error:
                raise ValidationError({"occurred_on": str(error)}) from None
            with self.database.session() as session:
                self.interaction_id = interactions.log_interaction(session, InteractionInput(
                    self.person_id, self.kind_combo.currentData(), on, self.programme_combo.currentData(),
                    self.note_edit.toPlainText()))
        except ValidationError as error:
            self.error_label.setText(error.message)
            if "occurred_on" in error.errors:
                self.date_edit.setStyleSheet(ERROR_STYLE)
            return
        except KankeiError as error:
            self.error_label.setText(error.message)
            return
        self.accept()


class AddToProgrammeDialog(QDialog):
    def __init__(self, database: Database, person_ids: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.person_ids = list(person_ids)
        self.enrollment_ids: list[str] = []
        self.setWindowTitle(self.tr("Add to a programme"))
        self.setMinimumWidth(420)
        self.programme_combo = QComboBox()
        self.programme_combo.setObjectName("programme_combo")
        for pid, label in _programme_items(database):
            self.programme_combo.addItem(label, pid)
        self.stage_combo = QComboBox()
        self.date_edit = QLineEdit(display_date(date.today()))
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c53030;")
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Persons"), QLabel(self.tr("%1 selected").replace("%1", f"{len(self.person_ids):,}")))
        form.addRow(self.tr("Programme"), self.programme_combo)
        form.addRow(self.tr("Stage"), self.stage_combo)
        form.addRow(self.tr("Date"), self.date_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if self.programme_combo.count() == 0:
            self.error_label.setText(self.tr("There is no programme yet. Create one in the Programmes area first."))
        layout.addWidget(self.error_label)
        layout.addWidget(_buttons(self, self.tr("Save"), self.tr("Cancel")))
        self.programme_combo.currentIndexChanged.connect(self._fill_stages)
        self._fill_stages()

    def _fill_stages(self) -> None:
        self.stage_combo.clear()
        programme_id = self.programme_combo.currentData()
        if not programme_id:
            return
        with self.database.session() as session:
            for stage in programmes.programme_stages(session, programme_id):
                self.stage_combo.addItem(stage.name, stage.id)

    def save(self) -> None:
        programme_id = self.programme_combo.currentData()
        if not programme_id:
            return
        try:
            try:
                on = parse_date(self.date_edit.text())
            except ValueError as error:
                raise ValidationError({"on": str(error)}) from None
            with self.database.session() as session:
                self.enrollment_ids = enrollments.enroll_persons(
                    session, programme_id, self.person_ids, stage_id=self.stage_combo.currentData(), on=on)
        except KankeiError as error:
            self.error_label.setText(error.message)
            return
        self.accept()


def log_interaction_for(database: Database, person_id: str, parent: QWidget | None = None) -> bool:
    """記録を追加 for one person; True when a record was saved (refresh the timeline then)."""
    return bool(InteractionDialog(database, person_id, parent).exec())


def add_persons_to_programme(database: Database, person_ids: list[str], parent: QWidget | None = None) -> bool:
    """プログラムに追加 for a multi-selection; True when they were enrolled."""
    return bool(person_ids) and bool(AddToProgrammeDialog(database, person_ids, parent).exec())
