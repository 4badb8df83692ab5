"""独自指標 (例3, 例4): the list, its editor, a value per fiscal year or quarter, and a sheet import.

Opened from レポート (「独自指標…」, Ctrl+I). Every change goes through ``services.indicators``;
a refused input shows the service's Japanese message and writes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services import indicators as svc
from kankei_desktop.services import work
from kankei_desktop.store import Database
from kankei_desktop.ui.common import error_label, setup_table
from kankei_desktop.ui.widgets import PeriodPicker


class IndicatorEditor(QDialog):
    """Name, unit, programme or all, source note, years, pair, computed from, target key."""

    def __init__(self, database: Database, indicator_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.indicator_id = indicator_id
        self.setWindowTitle(self.tr("Edit indicator") if indicator_id else self.tr("New indicator"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("indicatorName")
        self.unit_edit = QLineEdit()
        self.unit_edit.setObjectName("indicatorUnit")
        self.programme_combo = QComboBox()
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("indicatorNote")
        self.first_spin, self.last_spin = QSpinBox(), QSpinBox()
        for spin in (self.first_spin, self.last_spin):
            spin.setRange(0, 2200)
            spin.setSpecialValueText(self.tr("(open)"))
        self.pair_combo = QComboBox()
        self.computed_combo = QComboBox()
        self.computed_combo.addItem(self.tr("Entered by hand"), "")
        for kind in svc.AMOUNT_KINDS:
            self.computed_combo.addItem(self.tr("Sum of %1 amounts").replace("%1", kind), kind)
        self.target_key_edit = QLineEdit()
        self.target_key_edit.setPlaceholderText(self.tr("e.g. coordinators (a programme target's key)"))
        self.error_label = error_label("errorLabel")

        form = QFormLayout()
        for label, widget in ((self.tr("&Name"), self.name_edit), (self.tr("&Unit"), self.unit_edit),
                              (self.tr("&Programme"), self.programme_combo), (self.tr("&Source note"), self.note_edit),
                              (self.tr("&First fiscal year"), self.first_spin),
                              (self.tr("&Last fiscal year"), self.last_spin),
                              (self.tr("P&air with"), self.pair_combo), (self.tr("&Value"), self.computed_combo),
                              (self.tr("Counts toward &target"), self.target_key_edit)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._load()

    def _load(self) -> None:
        form = svc.indicator_form(self.database, self.indicator_id)
        self.programme_combo.addItem(self.tr("All"), None)
        for row in form.programmes:
            self.programme_combo.addItem(f"{row[1]}（{row[3]}年度）", row[0])
        self.pair_combo.addItem(self.tr("(none)"), None)
        for row in form.others:
            self.pair_combo.addItem(row.name, row.id)
        data = form.data
        if data is None:
            return
        self.name_edit.setText(data.name)
        self.unit_edit.setText(data.unit)
        self.note_edit.setText(data.source_note)
        self.first_spin.setValue(data.first_year or 0)
        self.last_spin.setValue(data.last_year or 0)
        self.target_key_edit.setText(data.target_key)
        for combo, value in ((self.programme_combo, data.programme_id), (self.pair_combo, data.pair_id),
                             (self.computed_combo, data.computed_from)):
            index = combo.findData(value)
            combo.setCurrentIndex(max(index, 0))

    def data(self) -> svc.IndicatorInput:
        return svc.IndicatorInput(
            name=self.name_edit.text(), unit=self.unit_edit.text(), programme_id=self.programme_combo.currentData(),
            source_note=self.note_edit.text(), first_year=self.first_spin.value() or None,
            last_year=self.last_spin.value() or None, pair_id=self.pair_combo.currentData(),
            computed_from=self.computed_combo.currentData() or "", target_key=self.target_key_edit.text())

    def save(self) -> None:
        try:
            with work.unit(self.database) as session:
                if self.indicator_id:
                    svc.update_indicator(session, self.indicator_id, self.data())
                else:
                    self.indicator_id = svc.create_indicator(session, self.data())
        except KankeiError as error:
            self.error_label.setText(error.message)
            return
        self.accept()


class IndicatorsDialog(QDialog):
    """The indicators with the chosen period's value and target; enter, edit, archive, import."""

    changed = Signal()

    def __init__(self, database: Database, year: int | None = None, quarter: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(self.tr("Custom indicators"))
        self.resize(860, 520)
        self.period_picker = PeriodPicker(self)
        if year is not None:
            self.period_picker.year_combo.setCurrentIndex(max(self.period_picker.year_combo.findData(year), 0))
        self.period_picker.quarter_combo.setCurrentIndex(max(self.period_picker.quarter_combo.findData(quarter), 0))
        self.rows: list[svc.IndicatorRow] = []
        self._build_layout()
        self._connect()
        self.reload()

    def _build_layout(self) -> None:
        """The period line, the table, the value entry, the message and the action buttons."""
        self.show_archived = QPushButton(self.tr("Show archived"))
        self.show_archived.setCheckable(True)

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("indicatorsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Indicator"), self.tr("Unit"), self.tr("Programme"),
                                              self.tr("Value"), self.tr("Target"), self.tr("Source")])
        fit, stretch = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
        setup_table(self.table, accessible_name=self.tr("Custom indicators"),
                    selection=QAbstractItemView.SelectionMode.SingleSelection, alternating=False, stretch_last=False,
                    column_modes={1: fit, 2: fit, 3: fit, 4: fit, 0: stretch, 5: stretch})

        self.value_edit = QLineEdit()
        self.value_edit.setObjectName("valueEdit")
        self.target_edit = QLineEdit()
        self.target_edit.setObjectName("targetEdit")
        self.save_value_button = QPushButton(self.tr("Save &value"))
        self.new_button = QPushButton(self.tr("&New…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.archive_button = QPushButton(self.tr("&Archive"))
        self.import_button = QPushButton(self.tr("&Import values…"))
        self.template_button = QPushButton(self.tr("Save &template…"))
        self.message = QLabel()
        self.message.setObjectName("messageLabel")
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.period_picker.year_combo)
        top.addWidget(self.period_picker.quarter_combo)
        top.addStretch(1)
        top.addWidget(self.show_archived)
        entry = QHBoxLayout()
        value_label, target_label = QLabel(self.tr("Va&lue")), QLabel(self.tr("Tar&get"))
        value_label.setBuddy(self.value_edit)
        target_label.setBuddy(self.target_edit)
        for widget in (value_label, self.value_edit, target_label, self.target_edit, self.save_value_button):
            entry.addWidget(widget)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.archive_button, self.import_button,
                       self.template_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addWidget(self.close_buttons)

    def _connect(self) -> None:
        """Period and archived toggle to the list; selection to the entry; the buttons to their actions."""
        self.period_picker.changed.connect(self.reload)
        self.show_archived.toggled.connect(self.reload)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.save_value_button.clicked.connect(self.save_value)
        self.value_edit.returnPressed.connect(self.save_value)
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.selected_id()))
        self.archive_button.clicked.connect(self.toggle_archive)
        self.import_button.clicked.connect(self.choose_import)
        self.template_button.clicked.connect(self.choose_template)
        self.close_buttons.rejected.connect(self.reject)

    # ------------------------------------------------------------ list
    def reload(self) -> None:
        year, quarter = self.period_picker.period()
        self.rows = svc.indicator_rows(self.database, include_archived=self.show_archived.isChecked())
        chosen = self.selected_id()
        self.table.setRowCount(len(self.rows))
        for row, item in enumerate(self.rows):
            value, target = next(((v, t) for y, q, v, t in item.values if y == year and q == quarter), (None, None))
            name = item.name + (self.tr(" (archived)") if item.archived else "") + (
                self.tr(" (paired with %1)").replace("%1", item.pair) if item.pair else "")
            value_text = "" if value is None else f"{value:g}"
            if value is None and item.computed_from:
                value_text = self.tr("(from %1 amounts)").replace("%1", item.computed_from)
            cells = [name, item.unit, item.programme or self.tr("All"), value_text,
                     "" if target is None else f"{target:g}", item.source_note]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                self.table.setItem(row, column, cell)
            if item.id == chosen:
                self.table.selectRow(row)
        self._selection_changed()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def select(self, name: str) -> None:
        for row, item in enumerate(self.rows):
            if item.name == name:
                self.table.selectRow(row)
                return

    def _selection_changed(self) -> None:
        indicator_id = self.selected_id()
        chosen = next((row for row in self.rows if row.id == indicator_id), None)
        for button in (self.edit_button, self.archive_button):
            button.setEnabled(chosen is not None)
        can_enter = chosen is not None and not chosen.archived
        for widget in (self.value_edit, self.target_edit, self.save_value_button):
            widget.setEnabled(can_enter)
        self.archive_button.setText(self.tr("&Restore") if chosen and chosen.archived else self.tr("&Archive"))
        if chosen is not None:
            year, quarter = self.period_picker.period()
            value, target = next(((v, t) for y, q, v, t in chosen.values if y == year and q == quarter), (None, None))
            self.value_edit.setText("" if value is None else f"{value:g}")
            self.target_edit.setText("" if target is None else f"{target:g}")

    # ------------------------------------------------------------ actions
    def save_value(self) -> bool:
        indicator_id = self.selected_id()
        if indicator_id is None:
            return False
        year, quarter = self.period_picker.period()
        try:
            with work.unit(self.database) as session:
                svc.set_value(session, indicator_id, year, quarter, self.value_edit.text(), self.target_edit.text(),
                              keep_target=False)
        except KankeiError as error:
            self.message.setText(error.message)
            return False
        self.message.setText(self.tr("Value saved."))
        self.reload()
        self.changed.emit()
        return True

    def edit(self, indicator_id: str | None) -> IndicatorEditor:
        editor = IndicatorEditor(self.database, indicator_id, self)
        editor.accepted.connect(lambda: (self.reload(), self.changed.emit()))
        editor.open()
        return editor

    def toggle_archive(self) -> None:
        indicator_id = self.selected_id()
        chosen = next((row for row in self.rows if row.id == indicator_id), None)
        if chosen is None:
            return
        try:
            with work.unit(self.database) as session:
                svc.archive_indicator(session, indicator_id, archived=not chosen.archived)
        except KankeiError as error:
            self.message.setText(error.message)
            return
        self.message.setText(self.tr("Restored %1.") if chosen.archived else self.tr("Archived %1."))
        self.message.setText(self.message.text().replace("%1", chosen.name))
        self.reload()
        self.changed.emit()

    def choose_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Import indicator values"), str(Path.home()),
                                                    self.tr("Sheets (*.xlsx *.csv)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        try:
            with work.unit(self.database) as session:
                result = svc.import_values(session, path)
        except KankeiError as error:
            self.message.setText(error.message)
            return False
        if result.errors:
            self.message.setText(self.tr("Nothing imported:") + "\n" + "\n".join(result.errors[:8]))
            return False
        self.message.setText(self.tr("Imported %1 values.").replace("%1", str(result.written)))
        self.reload()
        self.changed.emit()
        return True

    def choose_template(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save template"),
                                                    str(Path.home() / "独自指標_取り込み.xlsx"),
                                                    self.tr("Excel (*.xlsx)"))
        if path:
            try:
                svc.write_values_template(Path(path))
            except KankeiError as error:
                self.message.setText(error.message)
                return
            self.message.setText(self.tr("Template saved."))
