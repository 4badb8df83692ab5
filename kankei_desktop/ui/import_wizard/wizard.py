"""The import wizard itself and its last page: the commit in a worker thread, then the report."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services import backups, imports
from kankei_desktop.ui.import_wizard.pages import FilePage, MappingPage, PreviewPage, SourcePage


class CommitThread(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(object)  # ImportResult
    failed = Signal(str)

    def __init__(self, database, plan, backup, parent=None):
        super().__init__(parent)
        self.database, self.plan, self.backup = database, plan, backup
        self.cancel_requested = False

    def run(self) -> None:
        try:
            with self.database.session() as session:
                result = imports.commit_plan(
                    session, self.plan,
                    progress=lambda done, total: self.progressed.emit(done, total),
                    cancelled=lambda: self.cancel_requested,
                    before_commit=(lambda: self.backup(self.database)) if self.backup else None,
                )
        except KankeiError as error:
            self.failed.emit(error.message)
        except Exception as error:  # shown to the user; the transaction was rolled back
            self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            self.succeeded.emit(result)


def _backup_before_import(database) -> Path | None:
    if database.is_server:  # the server's own backups stand (docs/decisions.md)
        return None
    return backups.backup_now(database, "before-import")


class CommitPage(QWizardPage):
    def __init__(self, wizard):
        super().__init__()
        self.state = wizard
        self.setTitle(self.tr("Import"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.start = QPushButton(self.tr("Import now"))
        self.start.setObjectName("start_button")
        self.start.clicked.connect(self.begin)
        self.cancel = QPushButton(self.tr("Cancel import"))
        self.cancel.setObjectName("cancel_button")
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(self.request_cancel)
        self.bar = QProgressBar()
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.save = QPushButton(self.tr("Save the report…"))
        self.save.setEnabled(False)
        self.save.clicked.connect(self.save_report)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start)
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.bar)
        layout.addWidget(self.report, 1)
        self.thread: CommitThread | None = None
        self.result: imports.ImportResult | None = None

    def initializePage(self) -> None:
        actions = Counter(row.action for row in self.state.plan.rows)
        self.summary.setText(
            self.tr("New: %1, update: %2, not imported: %3. A backup is made first; "
                    "nothing is written unless every row can be written.")
            .replace("%1", f"{actions[imports.CREATE]:,}").replace("%2", f"{actions[imports.UPDATE]:,}")
            .replace("%3", f"{actions[imports.SKIP]:,}")
        )
        self.result = None
        self.report.clear()
        self.bar.setValue(0)
        self.start.setEnabled(True)

    def begin(self) -> None:
        self.start.setEnabled(False)
        self.cancel.setEnabled(True)
        self.report.setPlainText(self.tr("Writing…"))
        self.thread = CommitThread(self.state.database, self.state.plan, self.state.backup, self)
        self.thread.progressed.connect(self._progress)
        self.thread.succeeded.connect(self._done)
        self.thread.failed.connect(self._failed)
        self.thread.start()

    def request_cancel(self) -> None:
        if self.thread is not None:
            self.thread.cancel_requested = True
            self.cancel.setEnabled(False)

    def _progress(self, done: int, total: int) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)

    def _done(self, result) -> None:
        self.result = result
        self.state.result_summary = result.summary()
        self.cancel.setEnabled(False)
        self.save.setEnabled(True)
        lines = [self.tr("Imported: ") + result.summary()]
        if result.backup:
            lines.append(self.tr("Backup before the import: ") + str(result.backup))
        lines += [m.text() for m in result.problems]
        self.report.setPlainText("\n".join(lines))
        self.completeChanged.emit()
        self.state.button(QWizard.WizardButton.BackButton).hide()  # the plan is spent

    def _failed(self, message: str) -> None:
        self.cancel.setEnabled(False)
        self.start.setEnabled(True)
        self.report.setPlainText(message)

    def isComplete(self) -> bool:
        return self.result is not None

    def save_report(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), "取り込み結果.xlsx",
                                              self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if name and self.result is not None:
            imports.write_report(imports.report_table(self.result), Path(name))

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.wait()


class ImportWizard(QWizard):
    """Holds the state the pages share: path, table, plan; ``backup(database)`` runs before writing."""

    def __init__(self, database, parent=None, *, backup=_backup_before_import):
        super().__init__(parent)
        self.database = database
        self.backup = backup
        self.path: Path | None = None
        self.sheet_names: list[str] = []
        self.table = None
        self.plan = None
        self.header_index = 0
        self.kind: str | None = None  # persons, enrollments, stays, shipments, letters; None: from the headers
        self.result_summary = ""
        self.setWindowTitle(self.tr("Import from Excel or CSV"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(1000, 680)
        self.file_page, self.source_page = FilePage(self), SourcePage(self)
        self.mapping_page, self.preview_page = MappingPage(self), PreviewPage(self)
        self.commit_page = CommitPage(self)
        for page in (self.file_page, self.source_page, self.mapping_page, self.preview_page, self.commit_page):
            self.addPage(page)

    def reject(self) -> None:
        running = self.commit_page.thread is not None and self.commit_page.thread.isRunning()
        if running:  # closing while writing means cancel, and wait for the rollback
            self.commit_page.request_cancel()
            self.commit_page.wait()
        super().reject()
