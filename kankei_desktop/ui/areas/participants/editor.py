"""The participant editor: the Designer form, validation at the field, Save / Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QListWidgetItem, QMessageBox, QWidget

from kankei_desktop.domain.calendar import display_date, parse_date
from kankei_desktop.domain.enums import RESIDENCE_AREAS, LadderStage, Tie
from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.services import participants, work
from kankei_desktop.services.addresses import lookup_postal_code
from kankei_desktop.services.participants import PersonInput
from kankei_desktop.store import Database
from kankei_desktop.ui import accessibility
from kankei_desktop.ui.common import ERROR_TEXT_STYLE, mark_field
from kankei_desktop.ui.forms.ui_person_editor import Ui_PersonEditor
from kankei_desktop.store.versions import StaleRecordError
from kankei_desktop.ui.conflict import CANCEL, RELOAD, settle
from kankei_desktop.ui.words import shown
from kankei_desktop.ui.widgets import keyboard_friendly

GENDERS = ("", "女", "男", "その他", "無回答")


def _split_list(text: str) -> list[str]:
    for separator in (",", "，", "､"):
        text = text.replace(separator, "、")
    return [part.strip() for part in text.split("、") if part.strip()]


class PersonEditor(QDialog):
    """Create a person (``person_id`` None) or edit one. Saves through the service."""

    def __init__(self, database: Database, person_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.person_id = person_id
        self.row_version: int | None = None
        self.ui = Ui_PersonEditor()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("New participant") if person_id is None else self.tr("Edit participant"))
        self._fill_choices()
        self._field_widgets = {
            "name": self.ui.name_edit, "furigana": self.ui.furigana_edit,
            "birth_date": self.ui.birth_date_edit, "email": self.ui.email_edit,
            "phone": self.ui.phone_edit, "postal_code": self.ui.postal_code_edit,
            "consent_date": self.ui.consent_date_edit, "ties": self.ui.ties_list,
        }
        for field in self._field_widgets:
            getattr(self.ui, f"{field}_error").setStyleSheet(ERROR_TEXT_STYLE)
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.ui.button_box.accepted.connect(self.save)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.postal_lookup_button.clicked.connect(self.lookup_address)
        self.ui.postal_code_edit.editingFinished.connect(self._lookup_if_complete)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        accessibility.link_labels(self)  # the designer form's labels name their fields
        accessibility.name_icon_buttons(self)
        if person_id is None:
            self._load(PersonInput())
        else:
            with work.unit(database) as session:
                self._load(participants.load_person_input(session, person_id))
                # The version this edit starts from: a save after somebody else's is refused.
                self.row_version = participants.person_version(session, person_id)
        self._saved_state = self.collect_raw()
        self.ui.name_edit.setFocus()
        keyboard_friendly(self)  # Tab leaves notes, Ctrl+S saves

    # ----------------------------------------------------------- filling
    def _fill_choices(self) -> None:
        for gender in GENDERS:
            self.ui.gender_combo.addItem(shown(gender), gender)
        for stage in LadderStage:
            self.ui.ladder_stage_combo.addItem(shown(stage.value), stage.value)
        for area in ("", *RESIDENCE_AREAS):
            self.ui.residence_area_combo.addItem(shown(area), area)
        for tie in Tie:
            item = QListWidgetItem(shown(tie.value))
            item.setData(Qt.ItemDataRole.UserRole, tie.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.ui.ties_list.addItem(item)

    def _load(self, data: PersonInput) -> None:
        ui = self.ui
        ui.name_edit.setText(data.name)
        ui.furigana_edit.setText(data.furigana)
        ui.birth_date_edit.setText(display_date(data.birth_date))
        if ui.gender_combo.findData(data.gender) < 0:  # a value typed elsewhere (import): keep it
            ui.gender_combo.addItem(data.gender, data.gender)
        ui.gender_combo.setCurrentIndex(max(0, ui.gender_combo.findData(data.gender)))
        ui.ladder_stage_combo.setCurrentIndex(max(0, ui.ladder_stage_combo.findData(data.ladder_stage)))
        ui.residence_area_combo.setCurrentIndex(max(0, ui.residence_area_combo.findData(data.residence_area)))
        ui.affiliation_edit.setText(data.affiliation)
        ui.found_via_edit.setText(data.found_via)
        ui.email_edit.setText(data.email)
        ui.phone_edit.setText(data.phone)
        ui.postal_code_edit.setText(f"{data.postal_code[:3]}-{data.postal_code[3:]}" if data.postal_code else "")
        ui.prefecture_edit.setText(data.prefecture)
        ui.city_edit.setText(data.city)
        ui.address_line_edit.setText(data.address_line)
        ui.address_building_edit.setText(data.address_building)
        for row in range(ui.ties_list.count()):
            item = ui.ties_list.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in data.ties
                               else Qt.CheckState.Unchecked)
        ui.interests_edit.setText("、".join(data.interests))
        ui.skills_edit.setText("、".join(data.skills))
        ui.contact_ok_check.setChecked(data.contact_ok)
        ui.photo_ok_check.setChecked(data.photo_ok)
        ui.consent_date_edit.setText(display_date(data.consent_date))
        ui.notes_edit.setPlainText(data.notes)

    def collect_raw(self) -> tuple:
        """Everything the coordinator typed, to tell whether anything changed."""
        ui = self.ui
        edits = [w.text() for w in self.findChildren(QLineEdit)]
        ties = [ui.ties_list.item(r).checkState() == Qt.CheckState.Checked for r in range(ui.ties_list.count())]
        return (*edits, *ties, ui.gender_combo.currentText(), ui.ladder_stage_combo.currentText(),
                ui.residence_area_combo.currentText(), ui.contact_ok_check.isChecked(),
                ui.photo_ok_check.isChecked(), ui.notes_edit.toPlainText())

    # --------------------------------------------------------- validation
    def _collect(self) -> PersonInput:
        """The input as a PersonInput; unreadable dates raise ValidationError for their field."""
        ui = self.ui
        errors: dict[str, str] = {}
        dates = {}
        for field, edit in (("birth_date", ui.birth_date_edit), ("consent_date", ui.consent_date_edit)):
            text = edit.text().strip()
            try:
                dates[field] = parse_date(text) if text else None
            except ValueError as error:
                errors[field] = str(error)
        if errors:
            raise ValidationError(errors)
        return PersonInput(
            name=ui.name_edit.text(),
            furigana=ui.furigana_edit.text(),
            birth_date=dates["birth_date"],
            gender=(ui.gender_combo.currentData() or "").strip(),
            email=ui.email_edit.text(),
            phone=ui.phone_edit.text(),
            postal_code=ui.postal_code_edit.text(),
            prefecture=ui.prefecture_edit.text().strip(),
            city=ui.city_edit.text().strip(),
            address_line=ui.address_line_edit.text().strip(),
            address_building=ui.address_building_edit.text().strip(),
            residence_area=ui.residence_area_combo.currentData() or "",
            affiliation=ui.affiliation_edit.text().strip(),
            ladder_stage=ui.ladder_stage_combo.currentData(),
            contact_ok=ui.contact_ok_check.isChecked(),
            photo_ok=ui.photo_ok_check.isChecked(),
            consent_date=dates["consent_date"],
            found_via=ui.found_via_edit.text().strip(),
            notes=ui.notes_edit.toPlainText().strip(),
            ties=[ui.ties_list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(ui.ties_list.count())
                  if ui.ties_list.item(r).checkState() == Qt.CheckState.Checked],
            interests=_split_list(ui.interests_edit.text()),
            skills=_split_list(ui.skills_edit.text()),
        )

    def show_errors(self, errors: dict[str, str]) -> None:
        for field, widget in self._field_widgets.items():
            label = getattr(self.ui, f"{field}_error")
            message = errors.get(field, "")
            label.setText(message)
            label.setVisible(bool(message))
            mark_field(widget, message)
        first = next((self._field_widgets[f] for f in self._field_widgets if f in errors), None)
        if first is not None:
            first.setFocus()

    def error_text(self, field: str) -> str:
        label = getattr(self.ui, f"{field}_error")
        return label.text() if not label.isHidden() else ""

    # -------------------------------------------------------------- saving
    def save(self) -> bool:
        try:
            data = self._collect()
            with work.unit(self.database) as session:
                if self.person_id is None:
                    self.person_id = participants.create_person(session, data)
                else:
                    participants.update_person(session, self.person_id, data, expected_version=self.row_version)
        except ValidationError as error:
            self.show_errors(error.errors)
            return False
        except StaleRecordError as error:
            return self._resolve_conflict(data, error)
        self.show_errors({})
        self._saved_state = self.collect_raw()
        self.accept()
        return True

    def _resolve_conflict(self, mine: PersonInput, error: StaleRecordError) -> bool:
        """Somebody else saved this person meanwhile: reload theirs, or merge field by field and save."""
        with work.unit(self.database) as session:
            theirs = participants.load_person_input(session, self.person_id)
            version = participants.person_version(session, self.person_id)
        answer, values = settle(self, error, mine, theirs)
        if answer == CANCEL:
            return False
        self._load(values)
        self.row_version = version
        if answer == RELOAD:
            self._saved_state = self.collect_raw()
            return False
        return self.save()

    def has_unsaved_changes(self) -> bool:
        return self.collect_raw() != self._saved_state

    def reject(self) -> None:
        if self.has_unsaved_changes():
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Discard the changes you made?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    # ------------------------------------------------------- postal codes
    def _lookup_if_complete(self) -> None:
        if not self.ui.prefecture_edit.text() and len(self.ui.postal_code_edit.text().replace("-", "")) >= 7:
            self.lookup_address()

    def lookup_address(self) -> None:
        found = lookup_postal_code(self.ui.postal_code_edit.text())
        if found is None:
            self.show_errors({"postal_code": self.tr("No address is known for this postal code.")})
            return
        self.show_errors({})
        self.ui.postal_code_edit.setText(f"{found.postal_code[:3]}-{found.postal_code[3:]}")
        self.ui.prefecture_edit.setText(found.prefecture)
        self.ui.city_edit.setText(found.city)
        if not self.ui.address_line_edit.text():
            self.ui.address_line_edit.setText(found.town)
        self.ui.address_line_edit.setFocus()
