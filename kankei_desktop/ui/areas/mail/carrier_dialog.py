"""The carrier CSV export dialog: service, cool, time slot, the settings still missing, the file.

Settings the carrier needs and the file lacks (B2 請求先顧客コード, the sender when a shipment has no
farmer) are asked for here and saved before the export. A refusal leaves the dialog open with
the whole list (row, field, limit, length) and no file written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.carriers import YAMATO_COOL_CODES, YAMATO_TIME_SLOTS, YUPACK_COOL_CODES
from kankei_desktop.domain.errors import KankeiError, ValidationError
from kankei_desktop.services import carrier_export, mail, settings_store
from kankei_desktop.services.work import unit as unit_of_work
from kankei_desktop.store import Database


class CarrierExportDialog(QDialog):
    def __init__(self, database: Database, fmt: str, shipment_ids: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.database, self.fmt, self.shipment_ids = database, fmt, shipment_ids
        self.result_summary = ""
        yamato = fmt == "yamato-b2"
        self.setWindowTitle(self.tr("Yamato B2 Cloud CSV") if yamato else self.tr("Yu-Pack Print R CSV"))
        self.setMinimumWidth(560)
        self._build_layout(yamato)
        self._connect()

    def _build_layout(self, yamato: bool) -> None:
        form = self._build_form(yamato)
        self._build_settings()
        note = QLabel(self.tr("Names and addresses go out as typed (a label must show them unchanged). "
                              "Import the file into the carrier's software without opening it in Excel."))
        note.setWordWrap(True)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("What was refused"))
        self.report.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.settings_group)
        layout.addWidget(note)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.buttons)

    def _build_form(self, yamato: bool) -> QFormLayout:
        """Service, cool, time slot and the file."""
        form = QFormLayout()
        self.service = QComboBox()
        self.service.addItem(self.tr("TA-Q-BIN (sender pays)"), "takkyubin")
        if yamato:
            self.service.addItem(self.tr("TA-Q-BIN Compact (sender pays)"), "compact")
        else:
            self.service.setItemText(0, self.tr("Yu-Pack (sender pays)"))
        self.service.setAccessibleName(self.tr("Service"))
        form.addRow(self.tr("&Service"), self.service)
        self.cool = QComboBox()
        for key, (_code, _name) in (YAMATO_COOL_CODES if yamato else YUPACK_COOL_CODES).items():
            self.cool.addItem({"none": self.tr("Not chilled"), "chilled": self.tr("Chilled"),
                               "frozen": self.tr("Frozen")}[key], key)
        self.cool.setAccessibleName(self.tr("Cool"))
        form.addRow(self.tr("&Cool"), self.cool)
        self.time_slot = QComboBox()
        self.time_slot.addItem(self.tr("No time slot"), "")
        if yamato:
            for code in YAMATO_TIME_SLOTS:
                self.time_slot.addItem(f"{code[:2]}–{code[2:]}" if code != "0812" else self.tr("Morning (0812)"),
                                       code)
        self.time_slot.setEnabled(yamato)
        self.time_slot.setAccessibleName(self.tr("Delivery time slot"))
        form.addRow(self.tr("&Time slot"), self.time_slot)
        self.path = QLineEdit(str(Path.home() / f"{self.fmt}.csv"))
        self.path.setAccessibleName(self.tr("File"))
        self.browse_button = QPushButton(self.tr("Choose…"))
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse_button)
        file_label = QLabel(self.tr("&File"))
        file_label.setBuddy(self.path)
        form.addRow(file_label, path_row)
        return form

    def _build_settings(self) -> None:
        """The settings this file still needs, to fill in here (they are saved in Settings)."""
        self.settings_group = QGroupBox(self.tr("Needed for this file (saved in Settings)"))
        self.settings_form = QFormLayout(self.settings_group)
        self.setting_edits: dict[str, tuple[settings_store.Declared, QLineEdit]] = {}
        missing = mail.carrier_settings_to_fill(self.database, self.fmt, self.shipment_ids)
        for declared in missing:
            edit = QLineEdit()
            edit.setObjectName(declared.key)
            edit.setAccessibleName(declared.label)
            self.settings_form.addRow(declared.label, edit)
            self.setting_edits[declared.key] = (declared, edit)
        self.settings_group.setVisible(bool(missing))

    def _connect(self) -> None:
        self.browse_button.clicked.connect(self._browse)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.path.text(), "CSV (*.csv)")
        if name:
            self.path.setText(name)

    def options(self) -> carrier_export.Options:
        return carrier_export.Options(service=self.service.currentData(), cool=self.cool.currentData(),
                       time_slot=self.time_slot.currentData())

    def _show(self, text: str) -> None:
        self.report.setPlainText(text)
        self.report.setVisible(True)

    def run(self) -> None:
        if not self.path.text().strip():
            self._show(self.tr("Choose the file to write."))
            return
        try:
            with unit_of_work(self.database) as session:
                if self.setting_edits:
                    settings_store.save(session, {declared: edit.text() for declared, edit in
                                                  self.setting_edits.values()})
        except ValidationError as refused:
            self._show("\n".join(refused.errors.values()))
            return
        try:
            with unit_of_work(self.database) as session:
                result = carrier_export.export_carrier_csv(session, self.fmt, Path(self.path.text().strip()),
                                                           shipment_ids=self.shipment_ids, only_prepared=False,
                                                           options=self.options())
        except KankeiError as error:
            self._show(error.message)
            return
        self.result_summary = result.summary(self.fmt)
        self.accept()
