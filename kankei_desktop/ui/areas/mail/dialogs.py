"""Dialogs of the 手紙・発送 area: お米レター batch, mark shipped/delivered, labels, photo view."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.enums import Carrier
from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services import mail
from kankei_desktop.services.work import unit as unit_of_work
from kankei_desktop.store import Database
from kankei_desktop.ui.areas.mail.editors import _fill
from kankei_desktop.ui.areas.mail.widgets import DateField
from kankei_desktop.ui.common import error_label
from kankei_desktop.ui.words import shown
from kankei_desktop.ui.widgets import keyboard_friendly


class _Dialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)

    def _finish(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        keyboard_friendly(self)  # Tab leaves notes, Ctrl+S runs

    def run(self) -> None:
        try:
            self.do()
        except KankeiError as error:
            self.error_label.setText(error.message)
            return
        self.accept()


class BatchDialog(_Dialog):
    """お米レター: one shipment and one letter for everyone in a programme, farmers in turn."""

    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(self.tr("Rice letter batch"))
        self.programme = QComboBox()
        self.contents = QLineEdit("お米 5kg")
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 99)
        self.carrier = QComboBox()
        for c in Carrier:
            self.carrier.addItem(shown(c.value), c.value)
        self.prepared = DateField()
        self.prepared.set_value(date.today())
        self.summary = QPlainTextEdit()
        self.summary.setFixedHeight(60)
        _fill(self.programme, mail.editor_choices(database)[1], self.tr("(choose a programme)"))
        self.form.addRow(self.tr("Programme"), self.programme)
        self.form.addRow(self.tr("Contents"), self.contents)
        self.form.addRow(self.tr("Quantity"), self.quantity)
        self.form.addRow(self.tr("Carrier"), self.carrier)
        self.form.addRow(self.tr("Prepared"), self.prepared)
        self.form.addRow(self.tr("Letter summary"), self.summary)
        self._finish()
        self.programme.currentIndexChanged.connect(self.preview)
        self.result_summary: mail.BatchResult | None = None

    def batch(self) -> mail.BatchInput:
        return mail.BatchInput(programme_id=self.programme.currentData(), contents=self.contents.text(),
                               quantity=self.quantity.value(), carrier=self.carrier.currentData(),
                               prepared_on=self.prepared.value(), letter_summary=self.summary.toPlainText())

    def preview(self, *_args) -> None:
        self.error_label.clear()
        self.message.clear()
        if not self.programme.currentData():
            return
        try:
            with unit_of_work(self.database) as session:
                plan = mail.plan_batch(session, self.batch())
                names = dict(mail.farmers(session))
        except KankeiError as error:
            self.error_label.setText(error.message)
            return
        per_farmer: dict[str, int] = {}
        for farmer in plan.assignments.values():
            per_farmer[names.get(farmer, "?")] = per_farmer.get(names.get(farmer, "?"), 0) + 1
        text = self.tr("%1 shipments and letters will be created.").replace("%1", str(len(plan.assignments)))
        text += "\n" + "、".join(f"{name} {count}" for name, count in per_farmer.items())
        if plan.skipped:
            text += "\n" + self.tr("Left out:") + " " + "、".join(f"{n}（{r}）" for n, r in plan.skipped)
        self.message.setText(text)

    def do(self) -> None:
        with unit_of_work(self.database) as session:
            self.result_summary = mail.create_batch(session, self.batch())


class MarkDialog(_Dialog):
    """Set the shipped or delivered date of the selected shipments; optionally move the enrollments."""

    def __init__(self, database: Database, shipment_ids: list[str], what: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.database, self.shipment_ids, self.what = database, shipment_ids, what
        self.setWindowTitle(self.tr("Mark shipped") if what == "shipped" else self.tr("Mark delivered"))
        self.on = DateField()
        self.on.set_value(date.today())
        self.on.check.setEnabled(False)
        self.advance = QCheckBox(self.tr("Also move the rice-letter enrollments to the next stage"))
        self.form.addRow(self.tr("Date"), self.on)
        self.form.addRow("", self.advance)
        self.message.setText(self.tr("%1 shipments selected.").replace("%1", str(len(shipment_ids))))
        self._finish()

    def do(self) -> None:
        with unit_of_work(self.database) as session:
            if self.what == "shipped":
                mail.mark_shipped(session, self.shipment_ids, self.on.value(), advance_enrollments=self.advance.isChecked())
            else:
                mail.mark_delivered(session, self.shipment_ids, self.on.value(),
                                    advance_enrollments=self.advance.isChecked())


class LabelsDialog(_Dialog):
    """Address labels for the chosen persons or a saved segment."""

    def __init__(self, database: Database, person_ids: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.database, self.person_ids = database, person_ids
        self.setWindowTitle(self.tr("Address labels"))
        self.source = QComboBox()
        self.source.addItem(self.tr("Recipients of the selected rows (%1)").replace("%1", str(len(person_ids))), None)
        for name in mail.segment_names(database):
            self.source.addItem(self.tr("Segment: %1").replace("%1", name), name)
        self.layout_combo = QComboBox()
        self.layout_combo.addItem(self.tr("A4 12 labels (2 × 6)"), "a4-12")
        self.layout_combo.addItem(self.tr("A4 24 labels (3 × 8)"), "a4-24")
        self.start = QSpinBox()
        self.start.setRange(1, 24)
        self.sender = QSpinBox()
        self.sender.setRange(0, 24)
        self.calibration = QCheckBox(self.tr("Add a calibration page first"))
        self.no_contact = QCheckBox(self.tr("Include persons who refused contact (recorded in the audit log)"))
        self.form.addRow(self.tr("Who"), self.source)
        self.form.addRow(self.tr("Sheet"), self.layout_combo)
        self.form.addRow(self.tr("Start at label"), self.start)
        self.form.addRow(self.tr("Sender labels"), self.sender)
        self.form.addRow("", self.calibration)
        self.form.addRow("", self.no_contact)
        self._finish()
        self.out_path: Path | None = None

    def do(self) -> None:
        from kankei_desktop.services.address_labels import export_labels

        if self.out_path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save labels"), "labels.pdf", "PDF (*.pdf)")
            if not path:
                raise KankeiError(self.tr("Choose where to save the PDF."))
            self.out_path = Path(path)
        segment = self.source.currentData()
        with unit_of_work(self.database) as session:
            summary = export_labels(session, self.out_path, person_ids=None if segment else self.person_ids,
                                    segment=segment, layout=self.layout_combo.currentData(), start=self.start.value(),
                                    sender_labels=self.sender.value(), calibration_page=self.calibration.isChecked(),
                                    include_no_contact=self.no_contact.isChecked())
        self.summary = summary


class PhotoViewer(QDialog):
    """The original photo at full size (scrollable); the file itself is only read."""

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(path.name)
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pixmap = QPixmap(str(path))
        label.setPixmap(pixmap)
        scroll = QScrollArea()
        scroll.setWidget(label)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.resize(min(1000, pixmap.width() + 40), min(800, pixmap.height() + 40))
        self.pixmap = pixmap
