"""Letter and shipment editors: the service validates, errors show at the field."""

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
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from kankei_desktop.domain.carriers import check_digit_hint, normalise_tracking_number, tracking_format
from kankei_desktop.domain.enums import Carrier, LetterDirection
from kankei_desktop.domain.errors import KankeiError, ValidationError
from kankei_desktop.services import attachments, mail
from kankei_desktop.services.letters import LetterInput
from kankei_desktop.services.shipments import ShipmentInput
from kankei_desktop.store import Database
from kankei_desktop.store.versions import StaleRecordError
from kankei_desktop.ui.areas.mail.widgets import DateField, PersonPicker
from kankei_desktop.ui.common import error_label, mark_field
from kankei_desktop.ui.conflict import CANCEL, CHOOSE, settle
from kankei_desktop.ui.words import shown, shown_programme, tracking_rule
from kankei_desktop.ui.widgets import keyboard_friendly



def _fill(combo: QComboBox, rows, empty: str) -> None:
    combo.addItem(empty, None)
    for value, text in rows:
        combo.addItem(shown_programme(text), value)


def _select(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


class _Editor(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.form = QFormLayout()
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.fields: dict[str, QWidget] = {}
        self.row_version: int | None = None  # as loaded: a later save by somebody else is refused

    def _fill_choices(self, host: QComboBox, programme: QComboBox) -> None:
        hosts, programmes = mail.editor_choices(self.database)
        _fill(host, hosts, self.tr("(none)"))
        _fill(programme, programmes, self.tr("(none)"))

    def _finish_layout(self, *extra: QWidget) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        for widget in extra:
            layout.addWidget(widget)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        keyboard_friendly(self)  # Tab leaves notes, Ctrl+S saves

    def show_errors(self, error: KankeiError) -> None:
        for widget in self.fields.values():
            mark_field(widget, False)
        if isinstance(error, ValidationError):
            for field in error.errors:
                if field in self.fields:
                    mark_field(self.fields[field], True)
        self.error_label.setText(error.message)

    def save(self) -> None:
        try:
            self.store()
        except StaleRecordError as error:
            self._settle(error)
            return
        except KankeiError as error:
            self.show_errors(error)
            return
        self.accept()

    def _settle(self, error: StaleRecordError) -> None:
        """Somebody else saved the record since it was loaded: reload, or choose field by field
        and save again (ui/conflict.py); cancelled, the editor stays as it is."""
        theirs, version = self.stored()
        answer, values = settle(self, error, self.value(), theirs)
        if answer == CANCEL:
            return
        self.show_values(values)
        self.row_version = version
        if answer == CHOOSE:
            self.save()


class LetterEditor(_Editor):
    """New letter (``letter_id`` None), or edit one; photos are copied on save."""

    def __init__(self, database: Database, letter_id: str | None = None, parent: QWidget | None = None,
                 preset: LetterInput | None = None):
        super().__init__(database, parent)
        self.letter_id = letter_id
        self.setWindowTitle(self.tr("New letter") if letter_id is None else self.tr("Edit letter"))
        self.direction = QComboBox()
        for d in LetterDirection:
            self.direction.addItem(shown(d.value), d.value)
        self.person = PersonPicker(database)
        self.host = QComboBox()
        self.programme = QComboBox()
        self.reply_to = QComboBox()
        self.written, self.sent, self.received = DateField(), DateField(), DateField()
        self.summary = QPlainTextEdit()
        self.summary.setFixedHeight(70)
        self.returned_check = QCheckBox(self.tr("Came back undelivered"))
        self.photos = QListWidget()
        self.photos.setFixedHeight(70)
        self.add_photo = QPushButton(self.tr("Add photo…"))
        self.new_photos: list[Path] = []
        self._fill_choices(self.host, self.programme)
        for label, widget, field in (
            (self.tr("Direction"), self.direction, "direction"), (self.tr("Participant"), self.person, "person_id"),
            (self.tr("Host / farmer"), self.host, "host_id"), (self.tr("Programme"), self.programme, "programme_id"),
            (self.tr("Written"), self.written, "written_on"), (self.tr("Sent"), self.sent, "sent_on"),
            (self.tr("Received"), self.received, "received_on"), ("", self.returned_check, "returned"),
            (self.tr("Reply to"), self.reply_to, "reply_to_id"), (self.tr("Summary"), self.summary, "summary"),
        ):
            self.form.addRow(label, widget)
            self.fields[field] = widget
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photos, 1)
        photo_row.addWidget(self.add_photo)
        self.form.addRow(self.tr("Photos"), photo_row)
        self._finish_layout()
        self.person.changed.connect(self._reload_replies)
        self.direction.currentIndexChanged.connect(self._reload_replies)
        self.add_photo.clicked.connect(self._choose_photo)
        self._load(preset)

    def _load(self, preset: LetterInput | None) -> None:
        data = preset or LetterInput()
        if self.letter_id:
            stored = mail.letter_for_editing(self.database, self.letter_id)
            data, self.row_version = stored.data, stored.version
            self.photos.addItems(stored.photo_names)
        self.show_values(data)

    def stored(self) -> tuple[LetterInput, int | None]:
        stored = mail.letter_for_editing(self.database, self.letter_id)
        return stored.data, stored.version

    def show_values(self, data: LetterInput) -> None:
        self.shipment_id = data.shipment_id
        self.returned_check.setChecked(data.returned)
        _select(self.direction, data.direction)
        if data.person_id:
            self.person.set_person_id(data.person_id)
        _select(self.host, data.host_id)
        _select(self.programme, data.programme_id)
        self.written.set_value(data.written_on)
        self.sent.set_value(data.sent_on)
        self.received.set_value(data.received_on)
        self.summary.setPlainText(data.summary)
        self._reload_replies(keep=data.reply_to_id)

    def _reload_replies(self, *_args, keep: str | None = None) -> None:
        keep = keep or self.reply_to.currentData()
        self.reply_to.clear()
        self.reply_to.addItem(self.tr("(not a reply)"), None)
        if self.direction.currentData() == LetterDirection.FROM_PERSON.value and self.person.person_id():
            rows = mail.reply_choices(self.database, self.person.person_id())
            for letter_id, sent_on, summary in rows:
                when = sent_on.strftime("%Y/%m/%d") if sent_on else self.tr("not sent")
                self.reply_to.addItem(f"{when} {summary[:20]}", letter_id)
        _select(self.reply_to, keep)

    def _choose_photo(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add photo"), "",
                                                self.tr("Images (*.jpg *.jpeg *.png *.heic *.gif *.webp)"))
        for path in paths:
            self.add_photo_path(Path(path))

    def add_photo_path(self, path: Path) -> None:
        try:
            attachments.inspect_image(path)
        except KankeiError as error:
            QMessageBox.warning(self, self.tr("Photo"), error.message)
            return
        self.new_photos.append(path)
        self.photos.addItem(path.name)

    def value(self) -> LetterInput:
        return LetterInput(
            direction=self.direction.currentData(), person_id=self.person.person_id(),
            host_id=self.host.currentData(), programme_id=self.programme.currentData(),
            written_on=self.written.value(), sent_on=self.sent.value(), received_on=self.received.value(),
            summary=self.summary.toPlainText(), reply_to_id=self.reply_to.currentData(),
            shipment_id=self.shipment_id, returned=self.returned_check.isChecked(),
        )

    def store(self) -> None:
        self.letter_id = mail.save_letter(self.database, self.letter_id, self.value(), photos=self.new_photos,
                                          expected_version=self.row_version)


class ShipmentEditor(_Editor):
    def __init__(self, database: Database, shipment_id: str | None = None, parent: QWidget | None = None):
        super().__init__(database, parent)
        self.shipment_id = shipment_id
        self.setWindowTitle(self.tr("New shipment") if shipment_id is None else self.tr("Edit shipment"))
        self.person = PersonPicker(database)
        self.host = QComboBox()
        self.programme = QComboBox()
        self.contents = QLineEdit()
        self.contents.setPlaceholderText(self.tr("e.g. rice 5 kg"))
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 999)
        self.carrier = QComboBox()
        for c in Carrier:
            self.carrier.addItem(shown(c.value), c.value)
        self.tracking = QLineEdit()
        self.tracking_hint = QLabel()
        self.tracking_hint.setStyleSheet("color: #718096;")
        self.prepared, self.shipped, self.delivered, self.returned = DateField(), DateField(), DateField(), DateField()
        self.cost = QSpinBox()
        self.cost.setRange(-1, 1_000_000)
        self.cost.setSpecialValueText(self.tr("(unknown)"))
        self.cost.setSuffix(self.tr(" yen"))
        self.notes = QLineEdit()
        self._fill_choices(self.host, self.programme)
        for label, widget, field in (
            (self.tr("Recipient"), self.person, "person_id"), (self.tr("Sender (host)"), self.host, "host_id"),
            (self.tr("Programme"), self.programme, "programme_id"), (self.tr("Contents"), self.contents, "contents"),
            (self.tr("Quantity"), self.quantity, "quantity"), (self.tr("Carrier"), self.carrier, "carrier"),
            (self.tr("Tracking number"), self.tracking, "tracking_number"), ("", self.tracking_hint, "hint"),
            (self.tr("Prepared"), self.prepared, "prepared_on"), (self.tr("Shipped"), self.shipped, "shipped_on"),
            (self.tr("Delivered"), self.delivered, "delivered_on"), (self.tr("Returned"), self.returned, "returned_on"),
            (self.tr("Cost"), self.cost, "cost_yen"), (self.tr("Notes"), self.notes, "notes"),
        ):
            self.form.addRow(label, widget)
            self.fields[field] = widget
        self._finish_layout()
        self.carrier.currentIndexChanged.connect(self._hint)
        self.tracking.textChanged.connect(self._hint)
        self._load()

    def _load(self) -> None:
        data = ShipmentInput(contents="")
        if self.shipment_id:
            data, self.row_version = self.stored()
        self.show_values(data)

    def stored(self) -> tuple[ShipmentInput, int | None]:
        return mail.shipment_for_editing(self.database, self.shipment_id)

    def show_values(self, data: ShipmentInput) -> None:
        if self.shipment_id:
            self.person.set_person_id(data.person_id)
        _select(self.host, data.host_id)
        _select(self.programme, data.programme_id)
        self.contents.setText(data.contents)
        self.quantity.setValue(data.quantity)
        _select(self.carrier, data.carrier)
        self.tracking.setText(data.tracking_number)
        for widget, value in ((self.prepared, data.prepared_on), (self.shipped, data.shipped_on),
                              (self.delivered, data.delivered_on), (self.returned, data.returned_on)):
            widget.set_value(value)
        self.cost.setValue(data.cost_yen if data.cost_yen is not None else -1)
        self.notes.setText(data.notes)
        self._hint()

    def _hint(self, *_args) -> None:
        carrier = self.carrier.currentData()
        fmt = tracking_format(carrier)
        text = self.tr("Format: %1").replace("%1", tracking_rule(fmt))
        if check_digit_hint(normalise_tracking_number(self.tracking.text(), carrier), carrier) is False:
            text += " " + self.tr("(the last digit does not match the usual check digit; please check the slip)")
        self.tracking_hint.setText(text)

    def value(self) -> ShipmentInput:
        return ShipmentInput(
            person_id=self.person.person_id(), host_id=self.host.currentData(),
            programme_id=self.programme.currentData(), contents=self.contents.text(), quantity=self.quantity.value(),
            carrier=self.carrier.currentData(), tracking_number=self.tracking.text(),
            prepared_on=self.prepared.value(), shipped_on=self.shipped.value(), delivered_on=self.delivered.value(),
            returned_on=self.returned.value(), cost_yen=None if self.cost.value() < 0 else self.cost.value(),
            notes=self.notes.text(),
        )

    def store(self) -> None:
        self.shipment_id = mail.save_shipment(self.database, self.shipment_id, self.value(),
                                              expected_version=self.row_version)


__all__ = ["LetterEditor", "ShipmentEditor"]
