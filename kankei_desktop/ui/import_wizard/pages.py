"""Wizard pages before the commit: file, sheet and encoding, column mapping, preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
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
    QWizardPage,
)

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.io import readers
from kankei_desktop.io.columns import ACTIVITY_KINDS, KINDS, detect_kind
from kankei_desktop.services import records
from kankei_desktop.io.normalise import cell_text
from kankei_desktop.io.templates import default_file_name, write_template
from kankei_desktop.services import imports
from kankei_desktop.ui.common import error_label, table_view
from kankei_desktop.ui.import_wizard.models import PlanModel
from kankei_desktop.ui.words import shown_label, unnamed_column


class FilePage(QWizardPage):
    def __init__(self, wizard):
        super().__init__()
        self.state = wizard
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(self.tr("Excel (.xlsx, .xls) or CSV (.csv, .tsv) with one participant, stay, shipment, letter, interaction, host or indicator value per row."))
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path_edit")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        # A blank sheet of any importable kind, with the headers the importer maps by itself.
        self.template_kind = QComboBox()
        self.template_kind.setObjectName("template_kind_combo")
        labels = {"persons": self.tr("Persons"), "enrollments": self.tr("Persons with enrollments"),
                  "stays": self.tr("Stays"), "shipments": self.tr("Shipments"), "letters": self.tr("Letters"),
                  "interactions": self.tr("Interactions (attendance list)"), "hosts": self.tr("Hosts"),
                  "indicator_values": self.tr("Custom indicator values")}
        for key in records.kinds(template=True):  # the kinds services/records.py declares
            self.template_kind.addItem(labels[key], key)
        template = QPushButton(self.tr("Save a blank template…"))
        template.setObjectName("template_button")
        template.setToolTip(self.tr("An Excel sheet with the Japanese headers this import recognises, "
                                    "input guidance and an example; fill it in and import it here."))
        template.clicked.connect(self.save_template)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        template_row = QHBoxLayout()
        template_row.addWidget(QLabel(self.tr("No file yet? Blank template for")))
        template_row.addWidget(self.template_kind)
        template_row.addWidget(template)
        template_row.addStretch(1)
        self.error = error_label(selectable=True)
        self.saved = QLabel()
        self.saved.setObjectName("template_saved_label")
        self.saved.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(template_row)
        layout.addWidget(self.saved)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.path_edit.textChanged.connect(self.completeChanged)

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("File to import"), "",
                                              self.tr("Spreadsheets (*.xlsx *.xls *.xlsm *.csv *.tsv *.txt)"))
        if name:
            self.path_edit.setText(name)

    def save_template(self) -> None:
        kind = self.template_kind.currentData()
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save template"), default_file_name(kind),
                                              self.tr("Excel (*.xlsx)"))
        if not name:
            return
        path = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")
        try:
            write_template(kind, path)
        except KankeiError as error:
            self.saved.clear()
            self.error.setText(error.message)
            return
        self.error.clear()
        self.saved.setText(self.tr("Template saved: %1. Fill in the first sheet, then choose the file above.")
                           .replace("%1", str(path)))

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        path = Path(self.path_edit.text().strip())

        def work(_session, progress):
            progress(None, "")
            names = readers.sheet_names(path)
            readers.kind_of(path)
            return names

        try:
            self.state.sheet_names = self.state.run(work, self.tr("Opening %1…").replace("%1", path.name))
        except KankeiError as error:
            self.error.setText(error.message)
            return False
        self.error.clear()
        self.state.path = path
        return True


class SourcePage(QWizardPage):
    def __init__(self, wizard):
        super().__init__()
        self.state = wizard
        self.setTitle(self.tr("Sheet and encoding"))
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheet_combo")
        self.encoding = QComboBox()
        self.encoding.setObjectName("encoding_combo")
        self.encoding.addItem(self.tr("Detect automatically"), None)
        for code, label in ((code, shown_label(label)) for code, label in readers.ENCODINGS.items()):
            self.encoding.addItem(label, code)
        self.header_row = QSpinBox()
        self.header_row.setRange(0, readers.MAX_COLUMNS * 10)
        self.header_row.setSpecialValueText(self.tr("Detect automatically"))
        self.kind = QComboBox()
        self.kind.setObjectName("kind_combo")
        self.kind.addItem(self.tr("Detect from the headers"), None)
        labels = {"persons": self.tr("Persons"), "enrollments": self.tr("Persons with enrollments"),
                  "stays": self.tr("Stays"), "shipments": self.tr("Shipments"), "letters": self.tr("Letters"),
                  "interactions": self.tr("Interactions (attendance list)"), "hosts": self.tr("Hosts"),
                  "indicator_values": self.tr("Custom indicator values")}
        for key in records.kinds(importable=True):
            self.kind.addItem(labels[key], key)
        self.error = error_label(selectable=True)
        form = QFormLayout(self)
        form.addRow(self.tr("What the file holds"), self.kind)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("Encoding (CSV)"), self.encoding)
        form.addRow(self.tr("Header row"), self.header_row)
        form.addRow(self.error)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        self.sheet.clear()
        self.sheet.addItems(self.state.sheet_names)
        text_file = readers.kind_of(self.state.path) == "text"
        self.sheet.setEnabled(not text_file)
        self.encoding.setEnabled(text_file)

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        # Reading and checking take seconds on a large file: in the background, with 取り消し.
        path = self.state.path
        sheet = self.sheet.currentText() if self.sheet.isEnabled() else None
        encoding = self.encoding.currentData()
        header_row = self.header_row.value() or None
        chosen_kind = self.kind.currentData()
        checking = self.tr("Checking every row…")
        too_few = self.tr("The sheet has fewer rows than that.")

        def work(session, progress):
            progress(None, "")
            table = readers.read_table(path, sheet, encoding)
            progress(None, checking)
            kind = chosen_kind or detect_kind(table.rows)
            detect_as = kind if kind in ACTIVITY_KINDS else "enrollments"
            index = header_row - 1 if header_row else imports.detect_header_row(table.rows, detect_as)
            if index >= len(table.rows):
                raise readers.ImportFileError(too_few)
            try:
                plan = imports.build_plan(session, table, kind=kind, header_row=index + 1,
                                          on_duplicate=imports.SKIP)
            except readers.ImportFileError:
                raise
            except KankeiError:
                plan = None  # no 氏名 column recognised: the mapping page asks for it
            return table, plan, index, kind

        try:
            table, plan, index, kind = self.state.run(work, self.tr("Reading %1…").replace("%1", path.name))
        except KankeiError as error:
            self.error.setText(error.message)
            return False
        self.error.clear()
        self.state.kind = kind
        self.state.table, self.state.plan, self.state.header_index = table, plan, index
        return True


_IGNORE = "—"


class MappingPage(QWizardPage):
    def __init__(self, wizard):
        super().__init__()
        self.state = wizard
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Which item each column of the file fills. Your choice is remembered for the next file of this shape."))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("mapping_table")
        self.table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("First value"), self.tr("Item")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.source = QLabel()
        self.error = error_label(selectable=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        plan = self.state.plan
        rows = self.state.table.rows
        index = plan.header_row - 1 if plan else self.state.header_index
        headers = plan.headers if plan else [cell_text(h) or unnamed_column(i + 1) for i, h in enumerate(rows[index])]
        mapping = plan.mapping if plan else {}
        sample = next((r for r in rows[index + 1:] if any(cell_text(v) for v in r)), [])
        source = {"saved": self.tr("Mapping remembered from an earlier import."),
                  "auto": self.tr("Mapping recognised from the headers.")}
        self.source.setText(source.get(plan.mapping_source if plan else "", self.tr("Choose the item of each column.")))
        self.headers = headers
        self.table.setRowCount(len(headers))
        self.combos = []
        for row, header in enumerate(headers):
            self.table.setItem(row, 0, QTableWidgetItem(header))
            self.table.setItem(row, 1, QTableWidgetItem(cell_text(sample[row]) if row < len(sample) else ""))
            combo = QComboBox()
            combo.addItem(_IGNORE, None)
            kind = self.state.kind
            for column in KINDS[kind if kind in ACTIVITY_KINDS else "enrollments"]:
                combo.addItem(column.header, column.key)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(row))))
            self.table.setCellWidget(row, 2, combo)
            self.combos.append(combo)

    def mapping(self) -> dict[int, str]:
        return {row: combo.currentData() for row, combo in enumerate(self.combos) if combo.currentData()}

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        header_row = self.state.plan.header_row if self.state.plan else self.state.header_index + 1
        table, mapping, kind = self.state.table, self.mapping(), self.state.kind

        def work(session, progress):
            progress(None, "")
            return imports.build_plan(session, table, mapping=mapping, kind=kind,
                                      header_row=header_row, on_duplicate=imports.SKIP)

        try:
            self.state.plan = self.state.run(work, self.tr("Checking every row…"))
        except KankeiError as error:
            self.error.setText(error.message)
            return False
        self.error.clear()
        return True


class PreviewPage(QWizardPage):
    def __init__(self, wizard):
        super().__init__()
        self.state = wizard
        self.setTitle(self.tr("Check every row"))
        self.counts = QLabel()
        self.view = table_view(name="preview_view", alternating=False, stretch_last=False)
        self.duplicates = QComboBox()
        self.duplicates.setObjectName("duplicates_combo")
        for action in (imports.SKIP, imports.UPDATE, imports.CREATE):
            self.duplicates.addItem(shown_label(imports.ACTION_LABELS[action]), action)
        self.duplicates.currentIndexChanged.connect(self._all_duplicates)
        self.row_action = QComboBox()
        for action in (imports.SKIP, imports.UPDATE, imports.CREATE):
            self.row_action.addItem(shown_label(imports.ACTION_LABELS[action]), action)
        apply = QPushButton(self.tr("Apply to selected rows"))
        apply.clicked.connect(self._selected_rows)
        self.save = QPushButton(self.tr("Save this check…"))
        self.save.clicked.connect(self._save_preview)
        choices = QHBoxLayout()
        choices.addWidget(QLabel(self.tr("All duplicates:")))
        choices.addWidget(self.duplicates)
        choices.addSpacing(20)
        choices.addWidget(QLabel(self.tr("Selected rows:")))
        choices.addWidget(self.row_action)
        choices.addWidget(apply)
        choices.addStretch(1)
        choices.addWidget(self.save)
        self.note = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addLayout(choices)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        plan = self.state.plan
        raw = {number: row for number, row in enumerate(self.state.table.rows, 1)}
        self.model = PlanModel(plan, raw, self)
        self.view.setModel(self.model)
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setStretchLastSection(True)
        self._all_duplicates()
        self._show_counts()

    def _show_counts(self) -> None:
        counts = self.state.plan.counts()
        parts = [f"{shown_label(imports.STATUS_LABELS[s])} {n:,}" for s, n in counts.items()]
        self.counts.setText(self.tr("%1 rows: ").replace("%1", f"{len(self.state.plan.rows):,}") + "　".join(parts))
        self.note.setText("　".join(self.state.plan.notes))

    def _all_duplicates(self) -> None:
        self.state.plan.set_action_for_status(imports.DUPLICATE, self.duplicates.currentData())
        self.model.refresh_actions() if hasattr(self, "model") else None

    def _selected_rows(self) -> None:
        action = self.row_action.currentData()
        refused = 0
        for index in self.view.selectionModel().selectedRows():
            try:
                self.state.plan.set_action(index.row(), action)
            except KankeiError:
                refused += 1
        self.model.refresh_actions()
        self.note.setText(self.tr("%1 rows cannot take that action and were left as they were.").replace("%1", str(refused))
                          if refused else "")

    def _save_preview(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the check"), "取り込みの確認.xlsx",
                                              self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if name:
            imports.write_report(imports.preview_table(self.state.plan), Path(name))
