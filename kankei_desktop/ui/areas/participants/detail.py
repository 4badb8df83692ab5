"""The right-hand side of the participants area: the person and their timeline."""

from __future__ import annotations

from kankei_desktop.ui import icons as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QHeaderView,
    QLabel,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.calendar import age_on, display_date
from kankei_desktop.domain.text import format_postal_code
from kankei_desktop.services import participants, timeline, work
from kankei_desktop.store import Database
from kankei_desktop.ui.areas.participants.person_dialogs import (
    edit_interaction,
    log_interaction_for,
    review_ladder_stage,
)
from kankei_desktop.ui.words import shown, shown_label, timeline_title

# Timeline colours follow UX.md: a text label always accompanies the colour.
KIND_COLOURS = {
    "参加登録": "#2b6cb0", "段階変更": "#2b6cb0", "滞在": "#2f855a", "手紙": "#975a16",
    "発送": "#975a16", "関わり": "#4a5568", "関わりの段階": "#6b46c1",
}


class PersonDetail(QTabWidget):
    #: Something about the person was saved here (a touch, a stage): lists should refresh.
    changed = Signal(str)

    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.person_id: str | None = None

        self.basic = QWidget()
        self.form = QFormLayout(self.basic)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setVerticalSpacing(8)
        self.values: dict[str, QLabel] = {}
        for key, label in self._fields():
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.form.addRow(label, value)

        self.timeline = QTreeWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setRootIsDecorated(False)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setStyleSheet("QTreeWidget::item { padding: 5px 2px; }")
        self.timeline.setHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("What"), self.tr("Details")])
        header = self.timeline.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        timeline_page = QWidget()
        layout = QVBoxLayout(timeline_page)
        layout.setContentsMargins(0, 6, 0, 0)
        self.timeline_empty = QLabel(self.tr("Nothing has been recorded for this person yet."))
        self.timeline_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.timeline_empty)
        layout.addWidget(self.timeline)

        self.addTab(self.basic, self.tr("Basic information"))
        self.addTab(timeline_page, self.tr("Timeline"))

        self.log_button = QPushButton(qta.icon("fa5s.plus-circle", color="#2d3748"), self.tr("Log a contact"))
        self.log_button.setToolTip(self.tr("Record an event, consultation, donation or visit"))
        self.stage_button = QPushButton(qta.icon("fa5s.level-up-alt", color="#2d3748"), self.tr("Stage…"))
        self.stage_button.setToolTip(self.tr("Review the stage with the app's suggestion"))
        corner = QWidget()
        corner_layout = QHBoxLayout(corner)
        corner_layout.setContentsMargins(0, 0, 0, 2)
        corner_layout.addWidget(self.log_button)
        corner_layout.addWidget(self.stage_button)
        self.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self.log_button.clicked.connect(self.log_contact)
        self.stage_button.clicked.connect(self.review_stage)
        self.timeline.itemDoubleClicked.connect(self._open_timeline_item)
        self.show_person(None)

    # ------------------------------------------------------------ actions
    def _after_save(self, saved: bool) -> None:
        if saved and self.person_id:
            self.show_person(self.person_id)
            self.changed.emit(self.person_id)

    def log_contact(self) -> None:
        if self.person_id:
            self._after_save(log_interaction_for(self.database, self.person_id, self))

    def review_stage(self) -> None:
        if self.person_id:
            self._after_save(review_ladder_stage(self.database, self.person_id, self))

    def _open_timeline_item(self, item: QTreeWidgetItem) -> None:
        # Touches are edited here; other kinds belong to their own areas.
        record_id = item.data(0, Qt.ItemDataRole.UserRole)
        if self.person_id and item.text(1) == "関わり" and record_id:
            self._after_save(edit_interaction(self.database, self.person_id, record_id, self))

    def _fields(self) -> list[tuple[str, str]]:
        return [
            ("name", self.tr("Name")), ("furigana", self.tr("Furigana")),
            ("stage", self.tr("Stage")), ("birth", self.tr("Date of birth")),
            ("residence", self.tr("Residence")), ("affiliation", self.tr("Affiliation")),
            ("ties", self.tr("Ties")), ("interests", self.tr("Interests and skills")),
            ("email", self.tr("E-mail")), ("phone", self.tr("Phone")),
            ("address", self.tr("Address")), ("consent", self.tr("Consent")),
            ("notes", self.tr("Notes")),
        ]

    def show_person(self, person_id: str | None) -> None:
        self.person_id = person_id
        self.setEnabled(person_id is not None)
        if person_id is None:
            for value in self.values.values():
                value.clear()
            self.timeline.clear()
            self.timeline_empty.setVisible(False)
            return
        with work.unit(self.database) as session:
            data = participants.load_person_input(session, person_id)
            entries = timeline.person_timeline(session, person_id)
        self._show_basic(data)
        self._show_timeline(entries)

    def _show_basic(self, data: participants.PersonInput) -> None:
        from datetime import date

        birth = ""
        if data.birth_date:
            birth = self.tr("%1 (age %2)").replace("%1", display_date(data.birth_date)).replace(
                "%2", str(age_on(data.birth_date, date.today()))
            )
        address = " ".join(
            part for part in (format_postal_code(data.postal_code), data.prefecture + data.city + data.address_line,
                              data.address_building) if part
        )
        consent = [self.tr("Contact OK") if data.contact_ok else self.tr("No contact")]
        consent.append(self.tr("Photos OK") if data.photo_ok else self.tr("No photos"))
        if data.consent_date:
            consent.append(self.tr("agreed %1").replace("%1", display_date(data.consent_date)))
        texts = {
            "name": data.name, "furigana": data.furigana, "stage": shown(data.ladder_stage), "birth": birth,
            "residence": shown(data.residence_area), "affiliation": data.affiliation,
            "ties": shown("、".join(data.ties)),
            "interests": "、".join(data.interests + data.skills), "email": data.email, "phone": data.phone,
            "address": address, "consent": " / ".join(consent), "notes": data.notes,
        }
        for key, value in texts.items():
            self.values[key].setText(value or "—")

    def _show_timeline(self, entries: list[timeline.TimelineEntry]) -> None:
        self.timeline.clear()
        items = []
        for entry in entries:
            item = QTreeWidgetItem([display_date(entry.on), shown_label(entry.kind), timeline_title(entry.title),
                                    timeline_title(entry.detail)])
            item.setData(0, Qt.ItemDataRole.UserRole, entry.record_id)
            item.setForeground(1, Qt.GlobalColor.black)
            colour = KIND_COLOURS.get(entry.kind)
            if colour:
                from PySide6.QtGui import QColor

                item.setForeground(1, QColor(colour))
            items.append(item)
        self.timeline.addTopLevelItems(items)
        self.timeline_empty.setVisible(not entries)
        self.timeline.setVisible(bool(entries))

    def timeline_rows(self) -> list[tuple[str, str, str]]:
        """What the timeline shows (date, kind, title), for tests and copy-out."""
        return [
            (self.timeline.topLevelItem(i).text(0), self.timeline.topLevelItem(i).text(1),
             self.timeline.topLevelItem(i).text(2))
            for i in range(self.timeline.topLevelItemCount())
        ]
