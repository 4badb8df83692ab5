"""A card opened from the board (double-click or Enter): the enrollment's stage history,
with the person's ladder and a quick 記録を追加."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.calendar import display_date
from kankei_desktop.services import enrollments, merge, work
from kankei_desktop.store import Database
from kankei_desktop.ui.areas.participants.person_dialogs import log_interaction_for, review_ladder_stage
from kankei_desktop.ui.words import shown
from kankei_desktop.ui.widgets import keyboard_friendly


class CardDialog(QDialog):
    def __init__(self, database: Database, enrollment_id: str, person_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.enrollment_id = enrollment_id
        self.person_id = person_id
        self.changed = False
        with work.unit(database) as session:
            fields = merge.person_fields(session, person_id)
            history = enrollments.stage_history(session, enrollment_id)
        self.setWindowTitle(f"{fields['name']}（{fields['furigana']}）")
        self.setMinimumSize(460, 320)
        title = QLabel(self.tr("<b>%1</b>　%2　Stage of involvement: %3")
                       .replace("%1", html.escape(fields["name"])).replace("%2", html.escape(fields["furigana"]))
                       .replace("%3", shown(fields["ladder_stage"])))
        self.history = QTreeWidget()
        self.history.setObjectName("card_history")
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels([self.tr("Date"), self.tr("Stage"), self.tr("By")])
        self.history.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for on, from_stage, to_stage, by in reversed(history):
            stage = f"{from_stage} → {to_stage}" if from_stage else to_stage
            self.history.addTopLevelItem(QTreeWidgetItem([display_date(on), stage, by]))
        ladder_button = QPushButton(self.tr("Stage of involvement…"))
        record_button = QPushButton(self.tr("Add a record…"))
        ladder_button.clicked.connect(self._ladder)
        record_button.clicked.connect(self._record)
        buttons = QHBoxLayout()
        buttons.addWidget(ladder_button)
        buttons.addWidget(record_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("Stage history in this programme")))
        layout.addWidget(self.history, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        keyboard_friendly(self)  # Tab leaves notes, Ctrl+S saves

    def _ladder(self) -> None:
        self.changed |= review_ladder_stage(self.database, self.person_id, self)

    def _record(self) -> None:
        self.changed |= log_interaction_for(self.database, self.person_id, self)
