"""設定: the organisation, the sender on labels, the 要対応 days, stay lengths, ヤマト B2, the language,
and on a server the shared photo folder.

Every setting of the file on this page is saved by one 保存 (Ctrl+S) through
``settings_store.save``: all of them or, when one is refused, none, with the
message under the field that caused it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.services import carrier_export
from kankei_desktop.paths import user_data_dir
from kankei_desktop.services import address_labels, attachments, followups, settings_store, stays
from kankei_desktop.services.addresses import lookup_postal_code
from kankei_desktop.services.work import unit as unit_of_work
from kankei_desktop.store import Database
from kankei_desktop.ui import settings
from kankei_desktop.ui.area import AreaPage
from kankei_desktop.ui.areas.settings.fields import SettingField
from kankei_desktop.ui.common import ERROR_TEXT_STYLE

NOTE_STYLE = "color: #4a5568;"
PENDING_STYLE = "color: #b7791f;"  # needs attention: orange, as everywhere


def _form(group: QGroupBox) -> QFormLayout:
    form = QFormLayout(group)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setVerticalSpacing(6)
    return form


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(NOTE_STYLE)
    return label


class SettingsPage(AreaPage):
    AREA_KEY = "settings"
    ICON = "fa5s.cog"

    def area_title(self) -> str:
        return self.tr("Settings")

    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(database, parent)
        self.fields: dict[str, SettingField] = {}
        self._loaded: dict[str, str] = {}  # as shown after the last load, to tell unsaved edits
        # Built in reading order, so Tab goes down the left column, then down the right one.
        left = QVBoxLayout()
        left.addWidget(self._organisation_group())
        left.addWidget(self._sender_group())
        if self.database.is_server:  # a file keeps its photos in this computer's data folder
            left.addWidget(self._photos_group())
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._followup_group())
        right.addWidget(self._stay_group())
        right.addWidget(self._carrier_group())
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save_button")
        self.save_button.setToolTip(self.tr("Save the settings of this file (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved_label")
        self.saved_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.saved_label, 1)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(columns)
        layout.addLayout(buttons)
        layout.addWidget(self._computer_group())
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # ------------------------------------------------------------ groups
    def _add(self, form: QFormLayout, label: str, field: SettingField) -> SettingField:
        self.fields[field.declared.key] = field
        field.edited.connect(self._edited)
        form.addRow(label, field)
        return field

    def _organisation_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("This file"))
        form = _form(group)
        self._add(form, self.tr("Organisation name"), SettingField.text(settings_store.ORGANISATION_NAME))
        self._add(form, self.tr("Report author"), SettingField.text(settings_store.REPORT_AUTHOR))
        self._add(form, self.tr("Honorific for persons"),
                  SettingField.text(settings_store.HONORIFIC_PERSON, max_length=10, width=120))
        self._add(form, self.tr("Honorific for organisations"),
                  SettingField.text(settings_store.HONORIFIC_ORGANISATION, max_length=10, width=120))
        file_label = QLabel(str(self.database.path))
        file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("File"), file_label)
        return group

    def _sender_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Sender on address labels"))
        form = _form(group)
        self.lookup_button = QPushButton(self.tr("Look up address"))
        self.lookup_button.setObjectName("postal_lookup_button")
        self.lookup_button.clicked.connect(self.lookup_address)
        postal = SettingField.text(address_labels.ORGANISATION_POSTAL_CODE, "123-4567", max_length=10, width=120,
                                   beside=self.lookup_button)
        postal.editor.editingFinished.connect(self._lookup_if_complete)
        self._add(form, self.tr("Postal code"), postal)
        self._add(form, self.tr("Address"), SettingField.text(address_labels.ORGANISATION_ADDRESS))
        self._add(form, self.tr("Building"), SettingField.text(address_labels.ORGANISATION_BUILDING))
        self._add(form, self.tr("Phone"),
                  SettingField.text(address_labels.ORGANISATION_PHONE, "0465-12-3456", max_length=20, width=200))
        form.addRow(_note(self.tr("The sender's name is the organisation name above. Printed on the "
                                      "sender labels of the label PDF.")))
        return group

    def _photos_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Photos on the server"))
        form = _form(group)
        self.photo_folder_button = QPushButton(self.tr("Choose…"))
        self.photo_folder_button.setObjectName("shared_photo_folder_button")
        self.photo_folder_button.clicked.connect(self.choose_photo_folder)
        self._add(form, self.tr("Shared photo folder"),
                  SettingField.text(attachments.SHARED_PHOTO_FOLDER, r"\\fileserver\kankei\photos", max_length=260,
                                    beside=self.photo_folder_button))
        form.addRow(_note(self.tr("Every coordinator's window stores and reads photos there, so it must be the "
                                  "same folder from every computer (a network share). Until it is named, "
                                  "photos cannot be attached.")))
        return group

    def choose_photo_folder(self) -> None:
        field = self.fields[attachments.SHARED_PHOTO_FOLDER.key]
        chosen = self._choose_folder(field.value())
        if chosen:
            field.set_value(str(Path(chosen)))  # the system's separators: \\fileserver\… on Windows
            self._edited()
        field.editor.setFocus()

    def _choose_folder(self, start: str) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("Shared photo folder"), start)

    def _followup_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Follow-ups (needs attention)"))
        form = _form(group)
        days = self.tr(" days")
        self._add(form, self.tr("Parcel not delivered after"),
                  SettingField.days(followups.SHIPMENT_DAYS, 1, 90, days))
        self._add(form, self.tr("Letter without reply after"),
                  SettingField.days(followups.REPLY_DAYS, 1, 365, days))
        self._add(form, self.tr("No thank-you tour after"),
                  SettingField.days(followups.TOUR_DAYS, 1, 365, days))
        self._add(form, self.tr("Look back at most"),
                  SettingField.days(followups.HORIZON_DAYS, 2, 1095, days))
        form.addRow(_note(self.tr("Counted from the day sent or received. Older items are taken as "
                                      "closed and not listed.")))
        from kankei_desktop.services import retention

        self._add(form, self.tr("Retention period"),
                  SettingField.text(retention.RETENTION_PERIOD, self.tr("e.g. 5 years or 18 months"), max_length=10,
                                    width=120))
        form.addRow(_note(self.tr("Home shows the persons with no contact for longer than this, until you "
                                  "erase their data or postpone the reminder. Years or months.")))
        return group

    def _stay_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Stays"))
        form = _form(group)
        days = self.tr(" days or more")
        self._add(form, self.tr("Short stay from"), SettingField.days(stays.SHORT_FROM_DAYS, 2, 30, days))
        self._add(form, self.tr("Long stay from"), SettingField.days(stays.LONG_FROM_DAYS, 3, 365, days))
        form.addRow(_note(self.tr("A one-day visit is a day trip. Applies to stays saved from now on.")))
        return group

    def _carrier_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Parcels (Yamato B2 Cloud)"))
        form = _form(group)
        self._add(form, self.tr("Billing customer code"),
                  SettingField.text(carrier_export.YAMATO_CUSTOMER_CODE, "012345678901", max_length=20, width=200))
        self._add(form, self.tr("Billing class code"),
                  SettingField.text(carrier_export.YAMATO_CUSTOMER_CLASS, max_length=3, width=80))
        self._add(form, self.tr("Freight number"),
                  SettingField.text(carrier_export.YAMATO_FREIGHT_NUMBER, "01", max_length=2, width=80))
        form.addRow(_note(self.tr("As in the basic information of your B2 Cloud contract. Written into "
                                      "the shipment CSV for B2 Cloud.")))
        form.addRow(_note(self.tr("The customer code (12 digits) and the freight number are required by B2 Cloud. "
                                  "Parcels without a farmer are sent in the organisation's name, with its "
                                  "postal code, address and phone.")))
        return group

    def _computer_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("This computer"))
        form = _form(group)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        self.language_combo.addItem("日本語", "ja")
        self.language_combo.addItem("English", "en")
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        self.language_note = QLabel()
        self.language_note.hide()
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.language_combo)
        row_layout.addWidget(self.language_note)
        row_layout.addStretch(1)
        form.addRow(self.tr("Language"), row)
        folder = QLabel(str(user_data_dir()))
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Data folder"), folder)
        return group

    # -------------------------------------------------------------- data
    def activate(self) -> None:
        # Coming back to the page keeps what was typed and not yet saved; F5 reloads anyway.
        if not self.has_unsaved_changes():
            self.refresh()

    def has_unsaved_changes(self) -> bool:
        if not self._loaded:  # never loaded yet: nothing typed over the file's values
            return False
        return any(str(field.value()) != self._loaded.get(key) for key, field in self.fields.items())

    def refresh(self) -> None:
        stored = settings_store.read(self.database, [field.declared for field in self.fields.values()])
        for field in self.fields.values():
            field.blockSignals(True)
            field.set_value(stored[field.declared.key])
            field.blockSignals(False)
        postal = self.fields[address_labels.ORGANISATION_POSTAL_CODE.key]
        code = postal.value()
        if len(code) == 7:
            postal.set_value(f"{code[:3]}-{code[3:]}")
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.get(settings.LANGUAGE))))
        self.language_combo.blockSignals(False)
        self._loaded = {key: str(field.value()) for key, field in self.fields.items()}
        self._show_errors({})
        self.saved_label.clear()

    def save(self) -> bool:
        """Store every setting of the file, or none; True when saved."""
        values = {field.declared: field.value() for field in self.fields.values()}
        try:
            with unit_of_work(self.database) as session:
                settings_store.save(session, values)
        except ValidationError as refused:
            self._show_errors(refused.errors)
            self.saved_label.setStyleSheet(ERROR_TEXT_STYLE)
            self.saved_label.setText(self.tr("Not saved: correct the fields marked in red, then save again."))
            return False
        self.refresh()  # shows the values as stored (half-width, 〒 with its hyphen)
        self.saved_label.setStyleSheet("")
        self.saved_label.setText(self.tr("Saved."))
        return True

    def _edited(self) -> None:
        if self.has_unsaved_changes():
            self.saved_label.setStyleSheet(PENDING_STYLE)
            self.saved_label.setText(self.tr("Changes not saved yet."))
        elif self.saved_label.styleSheet() == PENDING_STYLE:
            self.saved_label.clear()

    def _show_errors(self, errors: dict[str, str]) -> None:
        first = None
        for key, field in self.fields.items():
            field.show_error(errors.get(key, ""))
            if key in errors and first is None:
                first = field
        if first is not None:
            first.editor.setFocus()

    # ------------------------------------------------------- postal code
    def _lookup_if_complete(self) -> None:
        address = self.fields[address_labels.ORGANISATION_ADDRESS.key]
        postal = self.fields[address_labels.ORGANISATION_POSTAL_CODE.key]
        if not address.value().strip() and len(postal.value().replace("-", "")) >= 7:
            self.lookup_address()

    def lookup_address(self) -> None:
        """Fill the address from the postal code (offline, Japan Post's data)."""
        postal = self.fields[address_labels.ORGANISATION_POSTAL_CODE.key]
        found = lookup_postal_code(postal.value())
        if found is None:
            postal.show_error(self.tr("No address is known for this postal code."))
            return
        postal.show_error("")
        postal.set_value(f"{found.postal_code[:3]}-{found.postal_code[3:]}")
        address = self.fields[address_labels.ORGANISATION_ADDRESS.key]
        town = found.prefecture + found.city + found.town
        if not address.value().startswith(town):  # keep the 番地 already typed after it
            address.set_value(town)
        address.editor.setFocus()
        address.editor.end(False)
        self._edited()

    def _language_changed(self) -> None:
        settings.put(settings.LANGUAGE, self.language_combo.currentData())
        self.language_note.setText(self.tr("The new language is used from the next start."))
        self.language_note.show()
