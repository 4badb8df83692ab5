"""Small input widgets the mail editors share: an optional date, a person picker."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

from kankei_desktop.services import mail
from kankei_desktop.store import Database

PICKER_LIMIT = 200  # enough to choose from; type more of the name to narrow


class DateField(QWidget):
    """A date that may be empty: a check box switches the date editor on."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.check = QCheckBox()
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy/MM/dd")
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return self.edit.date().toPython() if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


class PersonPicker(QWidget):
    """Type part of a name (or フリガナ, phone); choose among the matches."""

    changed = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name"))
        self.search.setClearButtonEnabled(True)
        self.combo = QComboBox()
        self.combo.setMinimumWidth(200)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.combo, 1)
        self.search.textChanged.connect(self._reload)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self._reload()

    def _reload(self, *_args, keep: str | None = None) -> None:
        keep = keep or self.person_id()
        choices = mail.person_choices(self.database, self.search.text().strip(), keep=keep, limit=PICKER_LIMIT)
        self.combo.blockSignals(True)
        self.combo.clear()
        for person_id, name, furigana in choices:
            self.combo.addItem(f"{name}（{furigana}）" if furigana else name, person_id)
        index = self.combo.findData(keep) if keep else -1
        self.combo.setCurrentIndex(index if index >= 0 else (0 if choices else -1))
        self.combo.blockSignals(False)
        self.changed.emit()

    def person_id(self) -> str:
        return self.combo.currentData() or ""

    def set_person_id(self, person_id: str) -> None:
        self._reload(keep=person_id)
