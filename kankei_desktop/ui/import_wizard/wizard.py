"""The import wizard itself and its last page: the commit as a worker task, then the report."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

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

from kankei_desktop.services import backups, imports
from kankei_desktop.ui import worker
from kankei_desktop.ui.import_wizard.pages import FilePage, MappingPage, PreviewPage, SourcePage


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
        self.thread: worker.Task | None = None
        self.result: imports.ImportResult | None = None

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
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
        database, plan, backup = self.state.database, self.state.plan, self.state.backup
        task: worker.Task

        def work(session, progress):
            # The commit checks ``cancelled`` between chunks: a cancel raises ImportCancelled
            # and the transaction is rolled back, with its own message.
            return imports.commit_plan(
                session, plan,
                progress=lambda done, total: progress(done / total if total else None, ""),
                cancelled=lambda: task.cancel_requested,
                before_commit=(lambda: backup(database)) if backup else None,
            )

        task = worker.Task(database, work, title=self.tr("Import"))
        task.signals.progress.connect(self._progress)
        task.signals.done.connect(self._done)
        task.signals.failed.connect(self._failed)
        self.thread = task  # before it starts: the work may look at it at once
        worker.start(task)

    def request_cancel(self) -> None:
        if self.thread is not None:
            self.thread.cancel()
            self.cancel.setEnabled(False)

    def _progress(self, fraction, _text: str) -> None:
        if fraction is None:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(fraction * 1000))

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

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return self.result is not None

    def save_report(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), "取り込み結果.xlsx",
                                              self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if name and self.result is not None:
            imports.write_report(imports.report_table(self.result), Path(name))

    def wait(self) -> None:
        if self.thread is not None:
            worker.wait_for([self.thread])


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

    def run(self, work, text: str):
        """``work(session, progress)`` off the GUI thread with a progress dialog and 取り消し; its
        answer, or its error raised (``worker.Cancelled`` after 取り消し). Reading writes
        nothing, so a cancel returns at once and the reading stops at its next step."""
        task = worker.Task(self.database, work, title=self.tr("Import from Excel or CSV"), cancellable=True)
        return worker.run_and_wait(self, task, text, abandon_on_cancel=True)

    def reject(self) -> None:
        running = self.commit_page.thread is not None and self.commit_page.thread.is_running
        if running:  # closing while writing means cancel, and wait for the rollback
            self.commit_page.request_cancel()
            self.commit_page.wait()
        super().reject()
