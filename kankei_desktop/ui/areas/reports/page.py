"""レポート: choose the period and options, write the comment, preview, save the PDF, print, open it."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services import settings_store, work
from kankei_desktop.services.kpis import KpiReport, compute_kpis
from kankei_desktop.services.kpis.comments import report_comment, save_report_comment
from kankei_desktop.services.programmes import list_programmes
from kankei_desktop.store import Database
from kankei_desktop.ui.area import AreaPage
from kankei_desktop.ui.worker import Recount, Task, start
from kankei_desktop.ui.areas.reports.preview import summary_html
from kankei_desktop.ui.widgets import PeriodPicker

if TYPE_CHECKING:
    from kankei_desktop.reports.progress import ReportOptions


class ReportsPage(AreaPage):
    AREA_KEY = "reports"
    ICON = "fa5s.file-pdf"

    def area_title(self) -> str:
        return self.tr("Reports")

    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(database, parent)
        self.figures: KpiReport | None = None
        self.organisation = ""
        self._task: Task | None = None  # writing a PDF
        self.preview_count = Recount(database, self._preview_work, self._counted, self._count_failed,
                                     finished=lambda: self.print_button.setEnabled(True))
        self.last_saved: Path | None = None

        self._build_layout()
        self._connect()

    def _build_layout(self) -> None:
        """The options and comment, the action buttons with progress and message, the preview beside them."""
        options = self._build_options()
        actions = self._build_actions()
        left = QVBoxLayout()
        left.addWidget(options)
        left.addLayout(actions)
        self.preview = QTextBrowser()
        self.preview.setObjectName("preview")
        preview_box = QGroupBox(self.tr("Preview (summary)"))
        QVBoxLayout(preview_box).addWidget(self.preview)
        layout = QHBoxLayout(self)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setMaximumWidth(420)
        layout.addWidget(left_widget)
        layout.addWidget(preview_box, 1)

    def _build_options(self) -> QGroupBox:
        """Period, programme, suppression, named lists and the comment."""
        self.period_picker = PeriodPicker(self)
        self.year_combo = self.period_picker.year_combo
        self.quarter_combo = self.period_picker.quarter_combo
        self.programme_combo = QComboBox()
        self.programme_combo.setObjectName("programmeCombo")
        self.named_check = QCheckBox(self.tr("Include named lists (every page marked as personal data)"))
        self.threshold_spin = QSpinBox()
        self.threshold_spin.setRange(1, 20)
        self.threshold_spin.setToolTip(self.tr("Counts from 1 below this number are printed as <N in breakdowns"))
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setObjectName("commentEdit")
        self.comment_edit.setTabChangesFocus(True)  # Tab leaves the comment (issue 17)
        self.comment_edit.setPlaceholderText(self.tr("The coordinator's comment for this period (printed in the PDF)"))
        self.comment_edit.setMaximumHeight(130)
        self.save_comment_button = QPushButton(self.tr("Save comment"))

        options = QGroupBox(self.tr("Options"))
        form = QFormLayout(options)
        form.addRow(self.tr("Fiscal year"), self.year_combo)
        form.addRow(self.tr("Period"), self.quarter_combo)
        form.addRow(self.tr("Programme"), self.programme_combo)
        form.addRow(self.tr("Suppress counts below"), self.threshold_spin)
        form.addRow(self.named_check)
        form.addRow(QLabel(self.tr("Comment")))
        form.addRow(self.comment_edit)
        form.addRow(self.save_comment_button)
        return options

    def _build_actions(self) -> QVBoxLayout:
        """Save, print, open, the two dialogs, and the progress and message below them."""
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.save_button.setObjectName("saveButton")
        self.print_button = QPushButton(self.tr("Print…"))
        self.open_button = QPushButton(self.tr("Open in PDF viewer"))
        self.indicators_button = QPushButton(self.tr("Custom &indicators…"))
        self.indicators_button.setObjectName("indicatorsButton")
        self.indicators_button.setToolTip(
            self.tr("Create your own indicators (examples 3 and 4) and enter their values per year or quarter"))
        self.ladder_button = QPushButton(self.tr("Ladder &suggestions…"))
        self.ladder_button.setObjectName("ladderButton")
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("messageLabel")
        self.message.setWordWrap(True)
        actions = QVBoxLayout()
        for button in (self.save_button, self.print_button, self.open_button, self.indicators_button,
                       self.ladder_button):
            actions.addWidget(button)
        actions.addWidget(self.progress)
        actions.addWidget(self.message)
        actions.addStretch(1)
        return actions

    def _connect(self) -> None:
        """Period, programme and options to the preview; buttons to saving, printing and the dialogs."""
        self.year_combo.currentIndexChanged.connect(self._year_changed)
        self.quarter_combo.currentIndexChanged.connect(self.refresh)
        self.programme_combo.currentIndexChanged.connect(self.refresh)
        self.named_check.toggled.connect(self._render_preview)
        self.threshold_spin.valueChanged.connect(self._render_preview)
        self.save_comment_button.clicked.connect(self.save_comment)
        self.save_button.clicked.connect(self.choose_and_save)
        self.print_button.clicked.connect(self.print_summary)
        self.open_button.clicked.connect(self.open_in_viewer)
        self.indicators_button.clicked.connect(self.open_indicators)
        self.ladder_button.clicked.connect(self.open_ladder_suggestions)

    def open_indicators(self):
        """独自指標 (issue 16): the dialog for the period chosen here; the preview follows its changes."""
        from kankei_desktop.ui.areas.reports.indicators import IndicatorsDialog

        dialog = IndicatorsDialog(self.database, self.year_combo.currentData(), self.quarter_combo.currentData(), self)
        dialog.changed.connect(self.refresh)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_ladder_suggestions(self):
        """Pending 関わりの段階 suggestions, accepted for the persons chosen (issue 16)."""
        from kankei_desktop.ui.areas.reports.ladder import SuggestionsDialog

        dialog = SuggestionsDialog(self.database, self)
        dialog.changed.connect(self.refresh)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ------------------------------------------------------------ options
    def activate(self) -> None:
        with work.unit(self.database) as session:
            threshold = int(settings_store.get(session, settings_store.SUPPRESSION_THRESHOLD) or 3)
            self.organisation = str(settings_store.get(session, settings_store.ORGANISATION_NAME) or "")
        self.threshold_spin.blockSignals(True)
        self.threshold_spin.setValue(threshold)
        self.threshold_spin.blockSignals(False)
        self._year_changed()

    def _year_changed(self) -> None:
        year = self.year_combo.currentData()
        with work.unit(self.database) as session:
            programmes = list_programmes(session, year, include_archived=True)
        self.programme_combo.blockSignals(True)
        self.programme_combo.clear()
        self.programme_combo.addItem(self.tr("All programmes"), None)
        for row in programmes:
            self.programme_combo.addItem(row[1], row[0])
        self.programme_combo.blockSignals(False)
        self.refresh()

    def options(self) -> ReportOptions:
        from kankei_desktop.reports.progress import ReportOptions  # reportlab: only when a PDF is wanted

        return ReportOptions(fiscal_year=self.year_combo.currentData(), quarter=self.quarter_combo.currentData(),
                             programme_id=self.programme_combo.currentData(), named=self.named_check.isChecked(),
                             threshold=self.threshold_spin.value())

    def refresh(self) -> None:
        """Count the period's figures in the thread pool (a second or two on a very large file);
        the preview and the comment follow when they arrive."""
        if self.year_combo.currentData() is None:
            return
        self.print_button.setEnabled(False)  # it prints the preview, which is about to change
        self.message.setText(self.tr("Counting…"))
        self.preview_count.request()

    def _preview_work(self):
        options = self.options()

        def work(session, _progress):
            figures = compute_kpis(session, options.fiscal_year, options.quarter, options.programme_id)
            return figures, report_comment(session, options.fiscal_year, options.quarter, options.programme_id)

        return work

    def _counted(self, result) -> None:
        self.figures, comment = result
        self.comment_edit.setPlainText(comment)
        self._render_preview()
        if self.message.text() == self.tr("Counting…"):  # not a PDF's message written meanwhile
            self.message.clear()

    def _count_failed(self, message: str) -> None:
        self.message.setText(message)

    def _render_preview(self) -> None:
        if self.figures is not None:
            self.preview.setHtml(summary_html(self.figures, self.organisation, self.threshold_spin.value(),
                                              self.named_check.isChecked()))

    def save_comment(self) -> None:
        options = self.options()
        try:
            with work.unit(self.database) as session:
                save_report_comment(session, options.fiscal_year, options.quarter, options.programme_id,
                                    self.comment_edit.toPlainText())
        except KankeiError as error:
            QMessageBox.warning(self, self.tr("Comment"), error.message)
            return
        self.message.setText(self.tr("Comment saved."))

    # ------------------------------------------------------------ output
    def choose_and_save(self) -> None:
        options = self.options()
        suggested = f"関係人口進捗サマリー_{options.fiscal_year}{'_Q' + str(options.quarter) if options.quarter else ''}.pdf"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), str(Path.home() / suggested),
                                                    self.tr("PDF (*.pdf)"))
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path, then=None) -> Task | None:
        """Write the PDF in the thread pool; the page stays usable, a bar shows the progress."""
        if self._task is not None:
            return None
        options = self.options()
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.save_button.setEnabled(False)
        self.message.setText(self.tr("Writing the PDF…"))
        from kankei_desktop.services.progress_report import write_progress_report

        task = Task(self.database, lambda session, progress: write_progress_report(session, options, path, progress))
        task.signals.progress.connect(lambda fraction, text: (self.progress.setValue(int(fraction * 100)),
                                                              self.message.setText(text)))
        task.signals.done.connect(lambda result: self._saved(result, then))
        task.signals.failed.connect(self._save_failed)
        self._task = start(task)
        return task

    def _saved(self, result, then) -> None:
        self._task = None
        self.save_button.setEnabled(True)
        self.progress.setVisible(False)
        self.last_saved = result.path
        self.message.setText(self.tr("Saved %1 (%2 pages).").replace("%1", str(result.path)).replace(
            "%2", str(result.pages)))
        if then:
            then(result.path)

    def _save_failed(self, message: str) -> None:
        self._task = None
        self.save_button.setEnabled(True)
        self.progress.setVisible(False)
        self.message.setText(message)
        QMessageBox.warning(self, self.tr("Save PDF"), message)

    def open_in_viewer(self) -> None:
        folder = Path(tempfile.mkdtemp(prefix="kankei-report-"))
        options = self.options()
        self.save_pdf(folder / f"関係人口進捗サマリー_{options.fiscal_year}.pdf",
                      then=lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))

    def print_summary(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        document = QTextDocument()
        document.setDefaultFont(self.font())
        document.setHtml(self.preview.toHtml())
        document.print_(printer)
