"""段階の提案: every pending ladder suggestion (who, suggested stage, reason), accepted for the
persons chosen, on a date the coordinator gives (not in the future, not before a person's
previous change). Each acceptance is recorded with its own reason (``services.ladder``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services import ladder, work
from kankei_desktop.store import Database
from kankei_desktop.ui.common import TupleModel, error_label, table_view
from kankei_desktop.ui.worker import Recount


class SuggestionsModel(TupleModel):
    """The pending suggestions as a model: tens of thousands of rows on a large file."""

    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self._headers = headers

    @property
    def rows(self) -> list[ladder.PendingSuggestion]:
        return self._rows

    def headers(self) -> list[str]:
        return self._headers

    def display(self, item: ladder.PendingSuggestion, column: int):
        return (item.name, item.current, item.stage, item.reason)[column]


class SuggestionsDialog(QDialog):
    changed = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(self.tr("Ladder suggestions"))
        self.resize(820, 520)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = SuggestionsModel([self.tr("Name"), self.tr("Now"), self.tr("Suggested"), self.tr("Reason")], self)
        self.table = table_view(self.model, name="suggestionsTable", accessible_name=self.tr("Pending suggestions"),
                                alternating=False, stretch_last=False,
                                column_modes={3: QHeaderView.ResizeMode.Stretch})
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("changeDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy/MM/dd")
        self.date_edit.setDate(QDate.currentDate())
        self.date_edit.setMaximumDate(QDate.currentDate())  # the service refuses a future day too
        date_label = QLabel(self.tr("Change &date"))
        date_label.setBuddy(self.date_edit)
        self.accept_button = QPushButton(self.tr("&Accept for the selected persons"))
        self.accept_button.setObjectName("acceptSelected")
        self.message = error_label("messageLabel")
        bottom = QHBoxLayout()
        bottom.addWidget(date_label)
        bottom.addWidget(self.date_edit)
        bottom.addStretch(1)
        bottom.addWidget(self.accept_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.accept_button.clicked.connect(self.accept_selected)
        # Counted in the thread pool: several seconds on a 100,000-person file.
        self.count = Recount(database, lambda: lambda session, _progress: ladder.pending_suggestions(session),
                             self._counted, self.message.setText)
        self.reload()

    @property
    def pending(self) -> list[ladder.PendingSuggestion]:
        return self.model.rows

    def reload(self) -> None:
        self.summary.setText(self.tr("Counting…"))
        self.accept_button.setEnabled(False)
        self.count.request()

    def _counted(self, pending: list[ladder.PendingSuggestion]) -> None:
        from shiboken6 import isValid

        if not isValid(self.summary):  # closed while counting
            return
        self.model.set_rows(pending)
        self.summary.setText(self.tr("%1 persons have a suggestion waiting. Select the ones to accept "
                                     "(Ctrl or Shift for several).").replace("%1", f"{len(pending):,}"))
        self._selection_changed()

    def selected(self) -> list[ladder.PendingSuggestion]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.pending[row] for row in rows]

    def _selection_changed(self, *_args) -> None:
        self.accept_button.setEnabled(bool(self.selected()) and not self.count.busy)

    def confirm(self, text: str) -> bool:
        return QMessageBox.question(self, self.tr("Ladder suggestions"), text) == QMessageBox.StandardButton.Yes

    def accept_selected(self) -> bool:
        chosen = self.selected()
        if not chosen:
            return False
        on: date = self.date_edit.date().toPython()
        names = "、".join(item.name for item in chosen[:5]) + ("…" if len(chosen) > 5 else "")
        question = self.tr("Change the stage of %1 persons as suggested, dated %2: %3").replace(
            "%1", str(len(chosen))).replace("%2", on.strftime("%Y/%m/%d")).replace("%3", names)
        if not self.confirm(question):
            return False
        try:
            with work.unit(self.database) as session:
                ladder.accept_suggestions(session, [item.person_id for item in chosen], on=on)
        except KankeiError as error:
            self.message.setText(error.message)
            return False
        self.message.clear()
        self.table.clearSelection()
        self.reload()
        self.changed.emit()
        return True
