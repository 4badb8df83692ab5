"""Dialogs other areas call for a person or a selection of persons.

- ``InteractionDialog`` (記録を追加): log a touch for one person.
- ``AddToProgrammeDialog`` (プログラムに参加登録): enroll a multi-selection in a programme.
- ``LadderDialog`` (関わりの段階): the stage, its history, the suggestion and why; confirm or set by hand.

Entry points for the participants area: ``log_interaction_for(...)``, ``edit_interaction(...)``,
``add_persons_to_programme(...)`` and ``review_ladder_stage(...)`` open the dialog and
return True when something was saved.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QComboBox,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.calendar import display_date, parse_date
from kankei_desktop.domain.errors import KankeiError, ValidationError
from kankei_desktop.domain.enums import LadderStage
from kankei_desktop.services import enrollments, interactions, ladder, programmes, work
from kankei_desktop.services.interactions import InteractionInput
from kankei_desktop.store import Database
from kankei_desktop.ui.common import error_label, mark_field
from kankei_desktop.store.versions import StaleRecordError
from kankei_desktop.ui.conflict import CANCEL, RELOAD, settle, value_text
from kankei_desktop.ui.words import ladder_reason, programme_text, shown
from kankei_desktop.ui.widgets import keyboard_friendly



def _programme_items(database: Database) -> list[tuple[str, str]]:
    with work.unit(database) as session:
        rows = programmes.list_programmes(session)
    return [(pid, programme_text(name, year)) for pid, name, _kind, year, _r, _a, _n in rows]


def _buttons(dialog: QDialog, save_text: str, cancel_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Save).setText(save_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    box.accepted.connect(dialog.save)
    box.rejected.connect(dialog.reject)
    return box


class InteractionDialog(QDialog):
    """A new record for ``person_id``, or (with ``interaction_id``) edit or delete one."""

    # The fields the dialog shows: the ones a coordinator chooses between after a conflicting save.
    EDITED_FIELDS = ("kind", "occurred_on", "programme_id", "amount_yen", "note")

    def __init__(self, database: Database, person_id: str, parent: QWidget | None = None,
                 interaction_id: str | None = None):
        super().__init__(parent)
        self.database = database
        self.person_id = person_id
        self.interaction_id = interaction_id
        self.row_version: int | None = None  # the version this edit starts from (issue 20)
        self.deleted = False
        self.setWindowTitle(self.tr("Add a record") if interaction_id is None else self.tr("Edit the record"))
        self.kind_combo = QComboBox()
        for kind in interactions.kind_choices():
            self.kind_combo.addItem(shown(kind), kind)
        self.date_edit = QLineEdit(display_date(date.today()))
        self.date_edit.setObjectName("interaction_date")
        self.programme_combo = QComboBox()
        self.programme_combo.addItem(self.tr("(none)"), None)
        for pid, label in _programme_items(database):
            self.programme_combo.addItem(label, pid)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setFixedHeight(80)
        # 物産購入・寄附: the amount in yen (例4's 販売額 is summed from it).
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("interaction_amount")
        self.amount_edit.setPlaceholderText(self.tr("e.g. 5000 (purchases and donations)"))
        self.error_label = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Programme"), self.programme_combo)
        form.addRow(self.tr("Amount (yen)"), self.amount_edit)
        form.addRow(self.tr("Note"), self.note_edit)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        buttons = _buttons(self, self.tr("Save"), self.tr("Cancel"))
        if interaction_id is not None:
            delete = buttons.addButton(self.tr("Delete"), QDialogButtonBox.ButtonRole.DestructiveRole)
            delete.clicked.connect(self.delete)
            with work.unit(database) as session:
                current = interactions.load_interaction(session, interaction_id)
                # A save after somebody else's is refused (and offered to reload or merge).
                self.row_version = interactions.interaction_version(session, interaction_id)
            self._load(current)
        layout.addWidget(buttons)
        self._kind_changed()
        keyboard_friendly(self)  # Tab leaves notes, Ctrl+S saves

    def _load(self, data: InteractionInput) -> None:
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(data.kind), 0))
        self.date_edit.setText(display_date(data.occurred_on))
        self.programme_combo.setCurrentIndex(max(self.programme_combo.findData(data.programme_id), 0))
        self.note_edit.setPlainText(data.note)
        self.amount_edit.setText("" if data.amount_yen is None else str(data.amount_yen))

    def _kind_changed(self, *_args) -> None:
        self.amount_edit.setEnabled(self.kind_combo.currentData() in interactions.AMOUNT_KINDS)

    def amount(self) -> int | None:
        if not self.amount_edit.isEnabled():
            return None
        text = unicodedata.normalize("NFKC", self.amount_edit.text()).replace(",", "").replace("円", "").strip()
        if not text:
            return None
        if not text.isdigit():
            raise ValidationError({"amount_yen": f"金額は0以上の整数（円）で入力してください（「{self.amount_edit.text()}」）。"})
        return int(text)

    def delete(self) -> None:
        try:
            with work.unit(self.database) as session:
                interactions.delete_interaction(session, self.interaction_id)
        except KankeiError as error:
            self.error_label.setText(error.message)
            return
        self.deleted = True
        self.accept()

    def save(self) -> None:
        mark_field(self.date_edit, False)
        try:
            try:
                on = parse_date(self.date_edit.text())
            except ValueError as error:
                raise ValidationError({"occurred_on": str(error)}) from None
            data = InteractionInput(self.person_id, self.kind_combo.currentData(), on,
                                    self.programme_combo.currentData(), self.note_edit.toPlainText(), self.amount())
            with work.unit(self.database) as session:
                if self.interaction_id is None:
                    self.interaction_id = interactions.log_interaction(session, data)
                else:
                    interactions.update_interaction(session, self.interaction_id, data,
                                                    expected_version=self.row_version)
        except StaleRecordError as error:
            self._resolve_conflict(data, error)
            return
        except ValidationError as error:
            self.error_label.setText(error.message)
            if "occurred_on" in error.errors:
                mark_field(self.date_edit, True)
            return
        except KankeiError as error:
            self.error_label.setText(error.message)
            return
        self.accept()

    def _resolve_conflict(self, mine: InteractionInput, error: StaleRecordError) -> None:
        """Somebody else saved this record meanwhile: reload theirs, or merge field by field and save."""
        with work.unit(self.database) as session:
            theirs = interactions.load_interaction(session, self.interaction_id)
            version = interactions.interaction_version(session, self.interaction_id)
        answer, values = settle(self, error, mine, theirs, fields=self.EDITED_FIELDS, text=self._value_text)
        if answer == CANCEL:
            return
        self._load(values)
        self.row_version = version
        if answer != RELOAD:
            self.save()

    def _value_text(self, name: str, value) -> str:
        """A field's value as the choice dialog shows it: the programme by its name, not its id."""
        if name == "programme_id":
            index = self.programme_combo.findData(value) if value else -1
            return self.programme_combo.itemText(index) if index >= 0 else value_text(value)
        return shown(value) if name == "kind" else value_text(value)


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
        self.error_label = error_label()
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
        keyboard_friendly(self)  # Tab leaves notes, Ctrl+S saves

    def _fill_stages(self) -> None:
        self.stage_combo.clear()
        programme_id = self.programme_combo.currentData()
        if not programme_id:
            return
        with work.unit(self.database) as session:
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
            with work.unit(self.database) as session:
                self.enrollment_ids = enrollments.enroll_persons(
                    session, programme_id, self.person_ids, stage_id=self.stage_combo.currentData(), on=on)
        except KankeiError as error:
            self.error_label.setText(error.message)
            return
        self.accept()


def log_interaction_for(database: Database, person_id: str, parent: QWidget | None = None) -> bool:
    """記録を追加 for one person; True when a record was saved (refresh the timeline then)."""
    return bool(InteractionDialog(database, person_id, parent).exec())


def edit_interaction(database: Database, person_id: str, interaction_id: str, parent: QWidget | None = None) -> bool:
    """Edit (or delete) one record, e.g. from the timeline; True when something changed."""
    return bool(InteractionDialog(database, person_id, parent, interaction_id).exec())


def add_persons_to_programme(database: Database, person_ids: list[str], parent: QWidget | None = None) -> bool:
    """プログラムに参加登録 for a multi-selection; True when they were enrolled."""
    return bool(person_ids) and bool(AddToProgrammeDialog(database, person_ids, parent).exec())


class LadderDialog(QDialog):
    """The person's stage with its history; the app's suggestion is applied only on a click."""

    def __init__(self, database: Database, person_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.person_id = person_id
        self.changed = False
        self.setWindowTitle(self.tr("Stage of involvement"))
        self.setMinimumSize(520, 420)
        self.current_label = QLabel()
        self.current_label.setStyleSheet("font-weight: bold;")
        self.suggestion_label = QLabel()
        self.suggestion_label.setObjectName("suggestion_label")
        self.suggestion_label.setWordWrap(True)
        self.accept_button = QPushButton(self.tr("Accept the suggestion"))
        self.accept_button.setObjectName("accept_suggestion")
        self.stage_combo = QComboBox()
        for stage in LadderStage:
            self.stage_combo.addItem(shown(stage.value), stage.value)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Reason (e.g. organised the village festival)"))
        self.set_button = QPushButton(self.tr("Set this stage"))
        # The day of the change (catching up on paper notes): not in the future, not before the last change.
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("ladder_date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy/MM/dd")
        self.date_edit.setDate(QDate.currentDate())
        self.date_edit.setMaximumDate(QDate.currentDate())  # the service refuses a future day too
        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels([self.tr("Date"), self.tr("Stage"), self.tr("By"), self.tr("Reason")])
        for column in range(3):
            self.history.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.history.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.error_label = error_label()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Now"), self.current_label)
        form.addRow(self.tr("Suggestion"), self.suggestion_label)
        form.addRow(self.tr("Change date"), self.date_edit)
        form.addRow("", self.accept_button)
        form.addRow(self.tr("Set by hand"), self.stage_combo)
        form.addRow(self.tr("Reason"), self.reason_edit)
        form.addRow("", self.set_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(close)
        self.accept_button.clicked.connect(self.accept_suggestion)
        self.set_button.clicked.connect(self.set_stage)
        self.reload()
        keyboard_friendly(self)  # Tab leaves notes, Ctrl+S saves

    def reload(self) -> None:
        with work.unit(self.database) as session:
            self.suggestion = ladder.suggest_stage(session, self.person_id)
            rows = ladder.ladder_history(session, self.person_id)
        self.current_label.setText(shown(self.suggestion.current))
        self.stage_combo.setCurrentIndex(max(self.stage_combo.findData(self.suggestion.current), 0))
        if self.suggestion.stage:
            self.suggestion_label.setText(f"{shown(self.suggestion.stage)}: {ladder_reason(self.suggestion.reason)}")
        else:
            self.suggestion_label.setText(ladder_reason(self.suggestion.reason))
        self.accept_button.setEnabled(self.suggestion.stage is not None)
        self.history.clear()
        for on, from_stage, to_stage, by, reason in reversed(rows):
            stage = f"{shown(from_stage)} → {shown(to_stage)}" if from_stage else shown(to_stage)
            self.history.addTopLevelItem(QTreeWidgetItem([display_date(on), stage, by, reason]))

    def accept_suggestion(self) -> None:
        on = self.date_edit.date().toPython()
        self._run(lambda session: ladder.apply_suggestion(session, self.person_id, on=on))

    def set_stage(self) -> None:
        reason = self.reason_edit.text().strip() or "手動変更"
        stage = self.stage_combo.currentData()
        on = self.date_edit.date().toPython()
        self._run(lambda session: ladder.set_ladder_stage(session, self.person_id, stage, on=on, reason=reason))

    def _run(self, operation) -> None:
        try:
            with work.unit(self.database) as session:
                if operation(session) is not None:
                    self.changed = True
        except KankeiError as error:
            self.error_label.setText(error.message)
            return
        self.error_label.clear()
        self.reason_edit.clear()
        self.reload()


def review_ladder_stage(database: Database, person_id: str, parent: QWidget | None = None) -> bool:
    """関わりの段階 for one person; True when the stage was changed (refresh the detail then)."""
    dialog = LadderDialog(database, person_id, parent)
    dialog.exec()
    return dialog.changed
