"""Export to Excel/CSV from the GUI: what, where, which encoding; says that it holds personal data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services import exports
from kankei_desktop.services.work import unit as unit_of_work


class ExportDialog(QDialog):
    def __init__(self, database, parent: QWidget | None = None, what: str = "persons"):
        super().__init__(parent)
        self.database = database
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Export to Excel or CSV"))
        self.what = QComboBox()
        labels = {"persons": self.tr("Participants"), "enrollments": self.tr("Enrollments"),
                  "stays": self.tr("Stays"), "letters": self.tr("Letters"), "shipments": self.tr("Shipments"),
                  "interactions": self.tr("Interactions"), "hosts": self.tr("Hosts"),
                  "indicator_values": self.tr("Custom indicator values"),
                  "all": self.tr("Whole database (one sheet each)")}
        for key in exports.WHAT:
            self.what.addItem(labels[key], key)
        self.what.setCurrentIndex(max(0, self.what.findData(what)))
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        self.encoding = QComboBox()
        self.encoding.addItem(self.tr("UTF-8 with BOM (opens in Excel)"), "utf-8-sig")
        self.encoding.addItem(self.tr("Shift_JIS (CP932)"), "cp932")
        self.substitute = QCheckBox(self.tr("Replace characters Shift_JIS cannot hold with ? (listed after saving)"))
        self.substitute.setObjectName("substitute_check")
        self.exclude = QCheckBox(self.tr("Leave out participants who refused contact"))
        notice = QLabel(self.tr("This export contains personal data (names, contact details and so on). Mind where "
                                "you save it and how you pass it on, and delete it when it is no longer needed."))
        notice.setWordWrap(True)
        notice.setStyleSheet("color: #7A4B00;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        form = QFormLayout(self)
        form.addRow(self.tr("What"), self.what)
        form.addRow(self.tr("File (.xlsx or .csv)"), where)
        form.addRow(self.tr("CSV encoding"), self.encoding)
        form.addRow(self.substitute)
        form.addRow(self.exclude)
        form.addRow(notice)
        form.addRow(self.message)
        form.addRow(buttons)

    def browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), f"{self.what.currentText()}.xlsx",
                                              self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if name:
            self.path.setText(name)

    def export(self) -> None:
        if not self.path.text().strip():
            self.message.setText(self.tr("Choose the file to write."))
            return
        try:
            with unit_of_work(self.database) as session:
                result = exports.export(session, self.what.currentData(), Path(self.path.text().strip()),
                                        encoding=self.encoding.currentData(), exclude_no_contact=self.exclude.isChecked(),
                                        substitute=self.substitute.isChecked())
        except KankeiError as error:
            self.message.setText(error.message)
            return
        self.written = result.path
        lines = [self.tr("%1 rows written to %2").replace("%1", f"{result.rows:,}").replace("%2", str(result.path))]
        self.message.setText("\n".join(lines + result.warnings[:20]))


def open_export_dialog(parent, database, what: str = "persons") -> ExportDialog:
    dialog = ExportDialog(database, parent, what)
    dialog.exec()
    return dialog
