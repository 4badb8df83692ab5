"""Likely duplicates, reviewed two at a time side by side, merged field by field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.calendar import display_date
from kankei_desktop.services import duplicates, merge, work
from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.store import Database
from kankei_desktop.ui.worker import Cancelled, Task, run_and_wait


def _shown(value) -> str:
    if isinstance(value, bool):
        return "○" if value else "×"
    if isinstance(value, date):
        return display_date(value)
    return str(value or "")


class DuplicatesDialog(QDialog):
    """``merge_runner(survivor_id, other_id, choices)`` does the merge (the page makes it undoable)."""

    def __init__(self, database: Database, merge_runner, parent: QWidget | None = None, *, confirm: bool = True):
        super().__init__(parent)
        self.database = database
        self._merge = merge_runner
        self._confirm = confirm
        self.setWindowTitle(self.tr("Likely duplicates"))
        self.resize(900, 600)
        self.groups: list[list[str]] = []
        self.fields: dict[str, dict] = {}
        self.choice_groups: dict[str, QButtonGroup] = {}

        self.group_list = QListWidget()
        self.group_list.setObjectName("duplicate_groups")
        self.left_combo = QComboBox()
        self.right_combo = QComboBox()
        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.merge_button = QPushButton(self.tr("Merge into the left record"))
        self.merge_button.setObjectName("merge_button")
        self.empty_label = QLabel(self.tr("No likely duplicates were found."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Keep")))
        pick.addWidget(self.left_combo, 1)
        pick.addWidget(QLabel(self.tr("Merge in")))
        pick.addWidget(self.right_combo, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(pick)
        right_layout.addWidget(self.reason_label)
        right_layout.addWidget(scroll, 1)
        right_layout.addWidget(self.merge_button, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter()
        splitter.addWidget(self.group_list)
        splitter.addWidget(right)
        splitter.setSizes([250, 650])
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)
        self.splitter = splitter

        self.group_list.currentRowChanged.connect(self._show_group)
        self.left_combo.currentIndexChanged.connect(self._show_pair)
        self.right_combo.currentIndexChanged.connect(self._show_pair)
        self.merge_button.clicked.connect(self.merge_selected)
        self.reload()

    # ---------------------------------------------------------------- loading
    def reload(self) -> None:
        # The search reads every person: a worker task with a progress dialog; 取り消し closes it.
        def search(session, progress):
            progress(None, "")
            groups = duplicates.find_duplicate_groups(session)
            progress(None, "")
            return groups, {pid: merge.person_fields(session, pid) for group in groups for pid in group}

        task = Task(self.database, search, title=self.tr("Searching for likely duplicates…"), cancellable=True)
        try:
            self.groups, self.fields = run_and_wait(self.parentWidget() or self, task, abandon_on_cancel=True)
        except Cancelled:
            self.groups, self.fields = [], {}
            QTimer.singleShot(0, self.reject)
        except KankeiError as error:
            self.groups, self.fields = [], {}
            QMessageBox.warning(self, self.tr("Likely duplicates"), error.message)
        self.group_list.clear()
        for group in self.groups:
            first = self.fields[group[0]]
            self.group_list.addItem(QListWidgetItem(f"{first['furigana']}\n{first['name']}（{len(group)}）"))
        self.empty_label.setVisible(not self.groups)
        self.splitter.setVisible(bool(self.groups))
        if self.groups:
            self.group_list.setCurrentRow(0)

    def _show_group(self, row: int) -> None:
        if not 0 <= row < len(self.groups):
            return
        group = self.groups[row]
        for combo, default in ((self.left_combo, 0), (self.right_combo, 1)):
            combo.blockSignals(True)
            combo.clear()
            for pid in group:
                fields = self.fields[pid]
                combo.addItem(f"{fields['name']}（{fields['email'] or fields['phone'] or pid[:8]}）", pid)
            combo.setCurrentIndex(default)
            combo.blockSignals(False)
        self._show_pair()

    def pair(self) -> tuple[str | None, str | None]:
        return self.left_combo.currentData(), self.right_combo.currentData()

    def _show_pair(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.choice_groups = {}
        left_id, right_id = self.pair()
        if not left_id or not right_id:
            return
        same = left_id == right_id
        self.merge_button.setEnabled(not same)
        with work.unit(self.database) as session:
            reasons = duplicates.match_reasons(duplicates.person_keys(session, left_id),
                                               duplicates.person_keys(session, right_id))
        self.reason_label.setText(
            self.tr("Choose the same record on both sides? Pick two different records.") if same else
            self.tr("Same furigana and: %1").replace("%1", "、".join(reasons) or "—"))
        left, right = self.fields[left_id], self.fields[right_id]
        for column, title in enumerate((self.tr("Field"), self.tr("Keep (left)"), self.tr("Merge in (right)"))):
            header = QLabel(f"<b>{title}</b>")
            self.grid.addWidget(header, 0, column)
        for row, (name, label) in enumerate(self._field_labels().items(), 1):
            self.grid.addWidget(QLabel(label), row, 0)
            group = QButtonGroup(self)
            for column, values, side in ((1, left, "survivor"), (2, right, "other")):
                button = QRadioButton(_shown(values[name]))
                button.setObjectName(f"{name}_{side}")
                button.setProperty("side", side)
                group.addButton(button)
                self.grid.addWidget(button, row, column)
            # Default: keep the left value, unless only the right one is filled.
            take_right = not left[name] and bool(right[name]) and not isinstance(left[name], bool)
            group.buttons()[1 if take_right else 0].setChecked(True)
            self.choice_groups[name] = group

    def _field_labels(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"), "furigana": self.tr("Furigana"), "birth_date": self.tr("Date of birth"),
            "gender": self.tr("Gender"), "email": self.tr("E-mail"), "phone": self.tr("Phone"),
            "postal_code": self.tr("Postal code"), "prefecture": self.tr("Prefecture"), "city": self.tr("City"),
            "address_line": self.tr("Address"), "address_building": self.tr("Building"),
            "residence_area": self.tr("Residence"), "affiliation": self.tr("Affiliation"),
            "ladder_stage": self.tr("Stage"), "contact_ok": self.tr("Contact OK"), "photo_ok": self.tr("Photos OK"),
            "consent_date": self.tr("Consent date"), "found_via": self.tr("Found us via"), "notes": self.tr("Notes"),
        }

    def choices(self) -> dict[str, str]:
        return {name: group.checkedButton().property("side") for name, group in self.choice_groups.items()}

    def choose(self, field: str, side: str) -> None:
        for button in self.choice_groups[field].buttons():
            if button.property("side") == side:
                button.setChecked(True)

    # ---------------------------------------------------------------- merging
    def merge_selected(self) -> bool:
        left_id, right_id = self.pair()
        if not left_id or not right_id:
            return False
        if self._confirm:
            answer = QMessageBox.question(
                self, self.tr("Merge"),
                self.tr("Merge %1 into %2? Everything recorded for %1 moves to %2. You can undo it with Ctrl+Z.")
                .replace("%1", f"「{self.fields[right_id]['name']}」").replace("%2", f"「{self.fields[left_id]['name']}」"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        done = self._merge(left_id, right_id, self.choices())
        self.reload()
        return done is not None
