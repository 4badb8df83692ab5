"""The host editor, with the offline 〒 lookup."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from kankei_desktop.domain.enums import HostKind
from kankei_desktop.domain.errors import KankeiError, ValidationError
from kankei_desktop.services import hosts, work
from kankei_desktop.services.hosts import HostInput
from kankei_desktop.store import Database
from kankei_desktop.store.versions import StaleRecordError
from kankei_desktop.ui.common import set_error, style_error_label
from kankei_desktop.ui.conflict import CANCEL, CHOOSE, settle
from kankei_desktop.ui.forms.ui_host_editor import Ui_HostEditor
from kankei_desktop.ui.words import shown
from kankei_desktop.ui.widgets import keyboard_friendly

def _dashed(code: str) -> str:
    return f"{code[:3]}-{code[3:]}" if len(code) == 7 else code


class HostEditor(QDialog, Ui_HostEditor):
    """The layout is the Designer form ``forms/host_editor.ui``; this class fills and wires it."""

    def __init__(self, database: Database, host_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.host_id = host_id
        self.saved_id: str | None = None
        self.setupUi(self)
        self.setWindowTitle(self.tr("Host") if host_id else self.tr("New host"))
        style_error_label(self.error_label, hidden=True, strong=True)
        for kind in HostKind:
            self.kind_combo.addItem(shown(kind.value), kind.value)
        self._connect()
        self.row_version: int | None = None
        if host_id:
            data, self.row_version = hosts.host_to_edit(database, host_id)  # a later save by another is refused
            self._load(data)
        keyboard_friendly(self)  # Tab leaves notes, Ctrl+S saves

    def _connect(self) -> None:
        """The 〒 lookup, lodging → capacity, kind → lodging, save and cancel."""
        self.lookup_button.clicked.connect(self.lookup_address)
        self.lodging_check.toggled.connect(self.capacity_spin.setEnabled)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _kind_changed(self, _index: int) -> None:
        if self.kind_combo.currentData() == HostKind.LODGING.value and not self.lodging_check.isChecked():
            self.lodging_check.setChecked(True)

    def _load(self, data: HostInput) -> None:
        self.name_edit.setText(data.name)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(data.kind)))
        self.contact_edit.setText(data.contact_person)
        self.phone_edit.setText(data.phone)
        self.email_edit.setText(data.email)
        self.postal_edit.setText(_dashed(data.postal_code))
        self.prefecture_edit.setText(data.prefecture)
        self.city_edit.setText(data.city)
        self.address_edit.setText(data.address_line)
        self.building_edit.setText(data.address_building)
        self.lodging_check.setChecked(data.capacity_per_night is not None)
        if data.capacity_per_night is not None:
            self.capacity_spin.setValue(data.capacity_per_night)
        self.side_job_check.setChecked(data.hosts_side_job_talent)
        self.small_business_check.setChecked(data.small_business)
        self.notes_edit.setPlainText(data.notes)

    def lookup_address(self) -> None:
        found = hosts.address_for(self.postal_edit.text())
        if found is None:
            self.show_error(self.tr("No address is known for this postal code."))
            return
        self.error_label.hide()
        self.postal_edit.setText(_dashed(found.postal_code))
        self.prefecture_edit.setText(found.prefecture)
        self.city_edit.setText(found.city)
        if not self.address_edit.text():
            self.address_edit.setText(found.town)
        self.address_edit.setFocus()

    def collect(self) -> HostInput:
        return HostInput(
            name=self.name_edit.text(), kind=self.kind_combo.currentData(), contact_person=self.contact_edit.text(),
            phone=self.phone_edit.text(), email=self.email_edit.text(), postal_code=self.postal_edit.text(),
            prefecture=self.prefecture_edit.text(), city=self.city_edit.text(), address_line=self.address_edit.text(),
            address_building=self.building_edit.text(),
            capacity_per_night=self.capacity_spin.value() if self.lodging_check.isChecked() else None,
            hosts_side_job_talent=self.side_job_check.isChecked(), small_business=self.small_business_check.isChecked(),
            notes=self.notes_edit.toPlainText(),
        )

    def show_error(self, message: str) -> None:
        set_error(self.error_label, message)

    def save(self) -> bool:
        try:
            with work.unit(self.database) as session:
                if self.host_id:
                    hosts.update_host(session, self.host_id, self.collect(), expected_version=self.row_version)
                    self.saved_id = self.host_id
                else:
                    self.saved_id = hosts.create_host(session, self.collect())
        except StaleRecordError as error:
            try:
                theirs, version = hosts.host_to_edit(self.database, self.host_id)
            except KankeiError as gone:  # deleted meanwhile: nothing to reload or merge with
                self.show_error(gone.message)
                return False
            answer, values = settle(self, error, self.collect(), theirs)
            if answer == CANCEL:
                return False
            self._load(values)
            self.row_version = version
            return self.save() if answer == CHOOSE else False
        except (ValidationError, KankeiError) as error:
            self.show_error(error.message)
            return False
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()
