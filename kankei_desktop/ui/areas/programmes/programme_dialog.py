"""Create or edit a programme: name, kind (its stage template), 年度, region, description, targets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.calendar import fiscal_year_of
from kankei_desktop.domain.enums import ProgrammeKind
from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.services.programmes import (
    STANDARD_TARGETS,
    ProgrammeInput,
    TargetInput,
    template_stages,
)
from kankei_desktop.ui.common import error_label, mark_field
from kankei_desktop.store.versions import StaleRecordError
from kankei_desktop.ui.conflict import CANCEL, RELOAD, settle, value_text
from kankei_desktop.ui.words import fiscal_year_text, shown
from kankei_desktop.ui.widgets import keyboard_friendly



class ProgrammeDialog(QDialog):
    """Collects a ProgrammeInput; the page saves it (and handles undo). ``save`` is injected.

    Editing, ``version`` is the row version ``data`` was read at, and ``load_stored()`` returns
    the stored (ProgrammeInput, version): a save refused because somebody else saved first
    offers to reload theirs or to merge field by field, like the person editor.
    """

    def __init__(self, data: ProgrammeInput | None, save, parent: QWidget | None = None, *,
                 version: int | None = None, load_stored=None):
        super().__init__(parent)
        self._save = save
        self._load_stored = load_stored
        self.row_version = version
        self.result_value = None
        creating = data is None
        self.setWindowTitle(self.tr("New programme") if creating else self.tr("Edit programme"))
        self.setMinimumWidth(520)
        self._build_layout(creating)
        self._load(data or ProgrammeInput(fiscal_year=fiscal_year_of(date.today())))
        self._connect()
        self._show_year()
        self._show_stages()
        keyboard_friendly(self)  # Tab leaves notes, Ctrl+S saves

    def _build_layout(self, creating: bool) -> None:
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("programme_name")
        self.kind_combo = QComboBox()
        for kind in ProgrammeKind:
            self.kind_combo.addItem(shown(kind.value), kind.value)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1989, 2100)
        self.year_label = QLabel()
        self.region_edit = QLineEdit()
        self.description_edit = QPlainTextEdit()
        self.description_edit.setFixedHeight(70)
        self.stages_label = QLabel()
        self.stages_label.setWordWrap(True)
        self.stages_label.setVisible(creating)

        self.targets = QTableWidget(0, 3)
        self.targets.setObjectName("targets_table")
        self.targets.setHorizontalHeaderLabels([self.tr("Target"), self.tr("Value"), self.tr("Unit")])
        self.targets.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.targets.verticalHeader().setVisible(False)
        self.targets.setFixedHeight(150)
        self.add_target_button = QPushButton(self.tr("Add a target"))

        self.error_label = error_label("error_label")

        form = QFormLayout()
        form.addRow(self.tr("Programme name"), self.name_edit)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Stages"), self.stages_label)
        form.addRow(self.tr("Fiscal year"), self.year_spin)
        form.addRow("", self.year_label)
        form.addRow(self.tr("Region"), self.region_edit)
        form.addRow(self.tr("Description"), self.description_edit)
        form.addRow(self.tr("Targets"), self.targets)
        form.addRow("", self.add_target_button)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.add_target_button.clicked.connect(lambda: self._add_target_row("", "", None, ""))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.year_spin.valueChanged.connect(self._show_year)
        self.kind_combo.currentIndexChanged.connect(self._show_stages)

    def _load(self, data: ProgrammeInput) -> None:
        self.name_edit.setText(data.name)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(data.kind), 0))
        self.year_spin.setValue(data.fiscal_year)
        self.region_edit.setText(data.region)
        self.description_edit.setPlainText(data.description)
        self.targets.setRowCount(0)
        given = {t.key: t for t in data.targets}
        for key, (name, unit) in STANDARD_TARGETS.items():
            target = given.pop(key, None)
            self._add_target_row(key, name, target.target_value if target else None, unit, fixed=True)
        for target in given.values():
            self._add_target_row(target.key, target.name, target.target_value, target.unit)

    def _add_target_row(self, key: str, name: str, value: float | None, unit: str, fixed: bool = False) -> None:
        row = self.targets.rowCount()
        self.targets.insertRow(row)
        name_item = QTableWidgetItem(name)
        name_item.setData(Qt.ItemDataRole.UserRole, key)
        if fixed:
            name_item.setFlags(name_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        value_text = "" if value is None else (f"{value:g}")
        self.targets.setItem(row, 0, name_item)
        self.targets.setItem(row, 1, QTableWidgetItem(value_text))
        unit_item = QTableWidgetItem(unit)
        if fixed:
            unit_item.setFlags(unit_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.targets.setItem(row, 2, unit_item)

    def _show_year(self) -> None:
        self.year_label.setText(fiscal_year_text(self.year_spin.value()))

    def _show_stages(self) -> None:
        names = [s.name for s in template_stages(self.kind_combo.currentData())]
        self.stages_label.setText(" → ".join(names))

    def collect(self) -> ProgrammeInput:
        targets: list[TargetInput] = []
        problems: list[str] = []
        for row in range(self.targets.rowCount()):
            name = (self.targets.item(row, 0).text() or "").strip()
            value_text = (self.targets.item(row, 1).text() or "").strip().replace(",", "")
            unit = (self.targets.item(row, 2).text() or "").strip()
            if not value_text:
                continue  # no value: no target
            key = self.targets.item(row, 0).data(Qt.ItemDataRole.UserRole) or name[:30]
            try:
                value = float(value_text)
            except ValueError:
                problems.append(self.tr("The value of target %1 is not a number.").replace("%1", f"「{name}」"))
                continue
            targets.append(TargetInput(key, name, value, unit))
        if problems:
            raise ValidationError({"targets": "\n".join(problems)})
        return ProgrammeInput(
            name=self.name_edit.text(), kind=self.kind_combo.currentData(), fiscal_year=self.year_spin.value(),
            region=self.region_edit.text(), description=self.description_edit.toPlainText(), targets=targets,
        )

    def save(self) -> None:
        mark_field(self.name_edit, False)
        mark_field(self.targets, False)
        try:
            data = self.collect()
            self.result_value = self._save(data)
        except StaleRecordError as error:
            self._resolve_conflict(data, error)
            return
        except ValidationError as error:
            self.error_label.setText(error.message)
            if "name" in error.errors:
                mark_field(self.name_edit, True)
                self.name_edit.setFocus()
            if "targets" in error.errors:
                mark_field(self.targets, True)
            return
        if self.result_value is None:  # refused for another reason, already said in a message box
            return
        self.accept()

    def _resolve_conflict(self, mine: ProgrammeInput, error: StaleRecordError) -> None:
        """Somebody else saved this programme meanwhile: reload theirs, or merge field by field and save."""
        theirs, version = self._load_stored()
        answer, values = settle(self, error, mine, theirs, text=self._value_text)
        if answer == CANCEL:
            return
        self._load(values)
        self.row_version = version
        if answer != RELOAD:
            self.save()

    @staticmethod
    def _value_text(name: str, value) -> str:
        """A field's value as the choice dialog shows it: the kind and 年度 in the window's words."""
        if name == "kind":
            return shown(value)
        return fiscal_year_text(value) if name == "fiscal_year" else value_text(value)
