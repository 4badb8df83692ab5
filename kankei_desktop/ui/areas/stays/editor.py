"""The stay editor: who, where, when, why. The service decides whether it may be saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from kankei_desktop.domain.enums import StayStatus
from kankei_desktop.domain.errors import KankeiError, ValidationError
from kankei_desktop.services import stay_calendar, stays, work
from kankei_desktop.services.stay_rules import stay_days
from kankei_desktop.services.stays import CapacityError, StayInput
from kankei_desktop.store import Database
from kankei_desktop.store.versions import StaleRecordError
from kankei_desktop.ui.common import RowIdRole as IdRole
from kankei_desktop.ui.common import set_error, style_error_label
from kankei_desktop.ui.conflict import CANCEL, CHOOSE, settle, value_text
from kankei_desktop.ui.forms.ui_stay_editor import Ui_StayEditor
from kankei_desktop.ui.words import shown, shown_programme
from kankei_desktop.ui.widgets import keyboard_friendly, prepare_view, search_leads_to

# The fields the editor shows: the ones a coordinator chooses between after a conflicting save.
EDITED_FIELDS = ("person_ids", "host_id", "lodging_id", "start_on", "end_on", "purpose", "programme_id", "status",
                 "notes")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class StayEditor(QDialog, Ui_StayEditor):
    def __init__(self, database: Database, stay_id: str | None = None, *, host_id: str | None = None,
                 start: date | None = None, end: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.stay_id = stay_id
        self.saved_id: str | None = None
        self._build_layout()
        self.setWindowTitle(self.tr("Stay") if stay_id else self.tr("New stay"))
        self._fill_choices()
        self._connect()

        self.row_version: int | None = None
        # person id → enrollment id as loaded: the editor does not show the links, but a save keeps them
        self._enrollments: dict[str, str] = {}
        if stay_id:
            loaded = stay_calendar.stay_to_edit(database, stay_id)
            self._load(loaded.data, loaded.names)
            self.row_version = loaded.version  # a later save by another is refused
        else:
            today = date.today()
            self.start_edit.setDate(_qdate(start or today))
            self.end_edit.setDate(_qdate(end or start or today))
            if host_id:
                self._select_host(host_id)
        self._update_kind()
        self.search_persons("")
        keyboard_friendly(self)  # Tab leaves notes, Ctrl+S saves

    def _build_layout(self) -> None:
        """The Designer form ``forms/stay_editor.ui``, then what it cannot say: the statuses,
        the error style and the delete button (shown for a saved stay)."""
        self.setupUi(self)
        for status in StayStatus:
            self.status_combo.addItem(shown(status.value), status.value)
        style_error_label(self.error_label, hidden=True, strong=True, selectable=True)
        self.delete_button = self.buttons.addButton(self.tr("Delete"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.setToolTip(self.tr("Delete a stay entered by mistake (a stay that did not happen is Cancelled)"))
        self.delete_button.setVisible(bool(self.stay_id))

    def _connect(self) -> None:
        """Signals and keys: the person search, the dates, save, cancel and delete."""
        self.search_edit.textChanged.connect(self.search_persons)
        self.add_button.clicked.connect(self.add_found)
        self.found_list.itemDoubleClicked.connect(lambda _item: self.add_found())
        # Keyboard: ↓ from the search to the matches, Enter adds one, Delete takes a chosen one off.
        search_leads_to(self.search_edit, self.found_list)
        prepare_view(self.found_list, self.add_found)
        prepare_view(self.chosen_list)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.chosen_list, activated=self.remove_chosen,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.remove_button.clicked.connect(self.remove_chosen)
        self.start_edit.dateChanged.connect(self._dates_changed)
        self.end_edit.dateChanged.connect(self._update_kind)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.delete_button.clicked.connect(self.delete_stay)

    # ------------------------------------------------------------ choices
    def _fill_choices(self) -> None:
        choices = stay_calendar.editor_choices(self.database)
        self.host_combo.addItem(self.tr("(none)"), None)
        for host_id, name in choices.hosts:
            self.host_combo.addItem(name, host_id)
        self.lodging_combo.addItem(self.tr("(none)"), None)
        for host_id, name in choices.lodgings:
            self.lodging_combo.addItem(name, host_id)
        self.programme_combo.addItem(self.tr("(none)"), None)
        for programme_id, label in choices.programmes:
            self.programme_combo.addItem(shown_programme(label), programme_id)

    def _select_host(self, host_id: str) -> None:
        """A row of the timeline is a host, a lodging or both: fill whichever fits."""
        index = self.host_combo.findData(host_id)
        lodging_index = self.lodging_combo.findData(host_id)
        if lodging_index > 0:
            self.lodging_combo.setCurrentIndex(lodging_index)
        if index > 0 and lodging_index <= 0:
            self.host_combo.setCurrentIndex(index)

    @staticmethod
    def _set_combo(combo: QComboBox, value, label: str = "") -> None:
        index = combo.findData(value)
        if index < 0 and value:
            combo.addItem(label or str(value), value)  # e.g. an archived host of an old stay
            index = combo.count() - 1
        combo.setCurrentIndex(max(0, index))

    def _load(self, data: StayInput, names: dict[str, str]) -> None:
        self.chosen_list.clear()
        for person_id in data.person_ids:
            self._add_person(person_id, names.get(person_id, person_id))
        self._set_combo(self.host_combo, data.host_id)
        self._set_combo(self.lodging_combo, data.lodging_id)
        self._set_combo(self.programme_combo, data.programme_id)
        self._set_combo(self.status_combo, data.status)
        self.start_edit.setDate(_qdate(data.start_on))
        self.end_edit.setDate(_qdate(data.end_on))
        self.purpose_edit.setText(data.purpose)
        self.notes_edit.setPlainText(data.notes)
        self._override_reason = data.override_reason
        self._enrollments = dict(data.enrollments)

    # ------------------------------------------------------------ persons
    def search_persons(self, text: str) -> None:
        self.found_list.clear()
        for person_id, name, furigana in stay_calendar.find_persons(self.database, text):
            item = QListWidgetItem(f"{name}（{furigana}）" if furigana else name)
            item.setData(IdRole, person_id)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.found_list.addItem(item)

    def _add_person(self, person_id: str, name: str) -> None:
        if person_id in self.chosen_ids():
            return
        item = QListWidgetItem(name)
        item.setData(IdRole, person_id)
        self.chosen_list.addItem(item)

    def add_found(self) -> None:
        items = self.found_list.selectedItems() or ([self.found_list.item(0)] if self.found_list.count() == 1 else [])
        for item in items:
            self._add_person(item.data(IdRole), item.data(Qt.ItemDataRole.UserRole))

    def remove_chosen(self) -> None:
        for item in self.chosen_list.selectedItems():
            self.chosen_list.takeItem(self.chosen_list.row(item))

    def chosen_ids(self) -> list[str]:
        return [self.chosen_list.item(i).data(IdRole) for i in range(self.chosen_list.count())]

    # ------------------------------------------------------------ dates
    def _dates_changed(self, value: QDate) -> None:
        if self.end_edit.date() < value:
            self.end_edit.setDate(value)
        self._update_kind()

    def _update_kind(self, *_args) -> None:
        start, end = _pydate(self.start_edit.date()), _pydate(self.end_edit.date())
        if end < start:
            self.kind_label.setText(self.tr("End is before start"))
            return
        kind = stay_calendar.stay_kind(self.database, start, end)
        nights = (end - start).days
        self.kind_label.setText(self.tr("%1 · %2 days, %3 nights").replace("%1", shown(kind))
                                .replace("%2", str(stay_days(start, end))).replace("%3", str(nights)))

    # ------------------------------------------------------------ saving
    def collect(self, override_reason: str = "") -> StayInput:
        chosen = self.chosen_ids()
        return StayInput(
            person_ids=chosen,
            host_id=self.host_combo.currentData(),
            lodging_id=self.lodging_combo.currentData(),
            start_on=_pydate(self.start_edit.date()),
            end_on=_pydate(self.end_edit.date()),
            purpose=self.purpose_edit.text(),
            programme_id=self.programme_combo.currentData(),
            # a person taken off the stay takes their link along (the service refuses a stray link)
            enrollments={p: e for p, e in self._enrollments.items() if p in chosen},
            status=self.status_combo.currentData(),
            notes=self.notes_edit.toPlainText(),
            override_reason=override_reason or getattr(self, "_override_reason", ""),
        )

    def ask_override_reason(self, error: CapacityError) -> str | None:
        """The capacity override: only with an explicit reason, which is recorded."""
        text, ok = QInputDialog.getText(
            self, self.tr("Over capacity"),
            error.message + "\n\n" + self.tr("To save anyway, give the reason (it is recorded):"),
        )
        return text.strip() if ok and text.strip() else None

    def show_error(self, message: str) -> None:
        set_error(self.error_label, message)

    def save(self) -> bool:
        reason = ""
        while True:
            data = self.collect(reason)
            try:
                with work.unit(self.database) as session:
                    if self.stay_id:
                        stays.update_stay(session, self.stay_id, data, expected_version=self.row_version)
                        self.saved_id = self.stay_id
                    else:
                        self.saved_id = stays.create_stay(session, data)
                return True
            except CapacityError as error:
                self.show_error(error.message)
                reason = self.ask_override_reason(error) or ""
                if not reason:
                    return False
            except StaleRecordError as error:
                if not self._settle(error, data):
                    return False  # reloaded or cancelled: nothing saved
            except ValidationError as error:
                self.show_error(error.message)
                return False
            except KankeiError as error:
                self.show_error(error.message)
                return False

    def _settle(self, error: StaleRecordError, mine: StayInput) -> bool:
        """Somebody else saved the stay meanwhile: reload their version or choose field by
        field (ui/conflict.py). True when the chosen values are to be saved on their version."""
        try:
            theirs = stay_calendar.stay_to_edit(self.database, self.stay_id)
        except KankeiError as gone:  # deleted meanwhile: nothing to reload or merge with
            self.show_error(gone.message)
            return False
        names = {**{self.chosen_list.item(i).data(IdRole): self.chosen_list.item(i).text()
                    for i in range(self.chosen_list.count())}, **theirs.names}
        answer, values = settle(self, error, mine, theirs.data, fields=EDITED_FIELDS,
                                text=lambda name, value: self._value_text(name, value, names))
        if answer == CANCEL:
            return False
        # the links are not among the choices: the stored ones are the newest
        self._load(replace(values, enrollments=theirs.data.enrollments), names)
        self.row_version = theirs.version
        return answer == CHOOSE

    def _value_text(self, name: str, value, names: dict[str, str]) -> str:
        """A field's value as the choice dialog shows it: names, not ids."""
        if name == "person_ids":
            return "、".join(names.get(person_id, person_id) for person_id in value)
        combo = {"host_id": self.host_combo, "lodging_id": self.lodging_combo,
                 "programme_id": self.programme_combo}.get(name)
        if combo is not None:
            return combo.itemText(combo.findData(value)) if value and combo.findData(value) >= 0 else ""
        return shown(value) if name == "status" else value_text(value)

    def confirm_delete(self) -> bool:
        question = self.tr("Delete this stay? Use the status Cancelled for a stay that was called off.")
        return QMessageBox.question(self, self.tr("Delete"), question) == QMessageBox.StandardButton.Yes

    def delete_stay(self) -> None:
        if not self.stay_id or not self.confirm_delete():
            return
        try:
            with work.unit(self.database) as session:
                stays.delete_stay(session, self.stay_id)
        except KankeiError as error:
            self.show_error(error.message)
            return
        self.saved_id = None
        super().accept()

    def accept(self) -> None:
        if self.save():
            super().accept()
