"""Table models of the 手紙・発送 area: plain tuples from the services, one reset per reload."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPixmap

from kankei_desktop.domain.calendar import display_date
from kankei_desktop.domain.carriers import display_tracking_number
from kankei_desktop.services import attachments, followups, letters, shipments
from kankei_desktop.services.work import unit as unit_of_work
from kankei_desktop.store import Database
from kankei_desktop.ui.common import TupleModel
from kankei_desktop.ui.words import followup_action, followup_title, shown, shown_label

LIST_LIMIT = 2_000  # newest first; the search box narrows further back

# Status colours from UX.md, always beside the word itself.
STATUS_COLOURS = {"準備中": "#4a5568", "作成中": "#4a5568", "発送済": "#2b6cb0", "配達済": "#2f855a",
                  "受取済": "#2f855a", "返送": "#718096"}


class _MailModel(TupleModel):
    ID_COLUMN = 0
    PERSON_COLUMN = -1

    def __init__(self, database: Database, parent=None):
        super().__init__(parent)
        self.database = database

    def fetch(self, session) -> list[tuple]:
        raise NotImplementedError

    def reload(self) -> None:
        self.beginResetModel()
        with unit_of_work(self.database) as session:
            self._rows = self.fetch(session)
        self.endResetModel()

    def text(self, value):
        return display_date(value) if isinstance(value, date) else shown_label(value, record_column=False)

    def foreground(self, row: tuple, column: int) -> QColor | None:
        value = self.display(row, column)
        if isinstance(value, str) and value in STATUS_COLOURS:
            return QColor(STATUS_COLOURS[value])
        return None


class LetterModel(_MailModel):
    """Letters with a thumbnail of their first photo."""

    PHOTO = 0
    COLUMNS = 8

    def __init__(self, database: Database, parent=None):
        super().__init__(database, parent)
        self.search = ""
        self._thumbs: dict[str, attachments.AttachmentRow] = {}
        self._pixmaps: dict[str, QPixmap] = {}

    def headers(self) -> list[str]:
        return [self.tr("Photo"), self.tr("Direction"), self.tr("Participant"), self.tr("Host"),
                self.tr("Sent"), self.tr("Received"), self.tr("Status"), self.tr("Summary")]

    def fetch(self, session) -> list[tuple]:
        rows = letters.list_letter_rows(session, search=self.search, limit=LIST_LIMIT)
        self._thumbs = attachments.first_attachment_by_owner(session, "letter", [r[0] for r in rows if r[10]])
        self._pixmaps.clear()
        return rows

    def display(self, row: tuple, column: int):
        (_id, direction, person, host, _written, sent, received, status, summary, replied, _photos, _pid) = row
        if column == self.PHOTO:
            return None
        status_text = (self.tr("%1 (replied)").replace("%1", shown(status)) if replied and status != "返送"
                       else status)
        return (None, direction, person, host or "", sent, received, status_text if column == 6 else status,
                summary)[column]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.column() == self.PHOTO and role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnail(self._rows[index.row()][0])
        if index.isValid() and index.column() == self.PHOTO and role == Qt.ItemDataRole.SizeHintRole:
            return QSize(56, 48)
        if index.isValid() and index.column() == 6 and role == Qt.ItemDataRole.ForegroundRole:
            return QColor(STATUS_COLOURS.get(self._rows[index.row()][7], "#2d3748"))
        return super().data(index, role)

    def thumbnail(self, letter_id: str) -> QPixmap | None:
        found = self._thumbs.get(letter_id)
        if found is None:
            return None
        if letter_id not in self._pixmaps:
            path = attachments.thumbnail(found.sha256, found.mime_type, 96, original=found.stored_path)
            pixmap = QPixmap(str(path)) if path else QPixmap()
            self._pixmaps[letter_id] = pixmap.scaled(48, 40, Qt.AspectRatioMode.KeepAspectRatio,
                                                     Qt.TransformationMode.SmoothTransformation)
        return self._pixmaps[letter_id]

    def photo_path(self, row: int):
        found = self._thumbs.get(self._rows[row][0])
        return found.stored_path if found else None


class ShipmentModel(_MailModel):
    def __init__(self, database: Database, parent=None):
        super().__init__(database, parent)
        self.search = ""

    def headers(self) -> list[str]:
        return [self.tr("Participant"), self.tr("Sender"), self.tr("Contents"), self.tr("Carrier"),
                self.tr("Tracking number"), self.tr("Prepared"), self.tr("Shipped"), self.tr("Delivered"),
                self.tr("Status"), self.tr("Cost (yen)")]

    def fetch(self, session) -> list[tuple]:
        return shipments.list_shipment_rows(session, search=self.search, limit=LIST_LIMIT)

    def display(self, row: tuple, column: int):
        (_id, person, host, contents, carrier, tracking, prepared, shipped, delivered, status, cost, _pid) = row
        return (person, host or "", contents, carrier, display_tracking_number(tracking), prepared, shipped,
                delivered, status, f"{cost:,}" if cost is not None else "")[column]


class FollowUpModel(_MailModel):
    """要対応 items; the row holds the FollowUp itself (column tuples would only copy it)."""

    def __init__(self, database: Database, parent=None):
        super().__init__(database, parent)
        self.today = date.today()

    def headers(self) -> list[str]:
        return [self.tr("Days"), self.tr("Participant"), self.tr("What"), self.tr("Suggested action")]

    def fetch(self, session) -> list[tuple]:
        return self._as_rows(followups.list_followups(session, self.today))

    def set_items(self, items: list[followups.FollowUp]) -> None:
        """Show items counted elsewhere (the page counts them in the thread pool)."""
        self.beginResetModel()
        self._rows = self._as_rows(items)
        self.endResetModel()

    @staticmethod
    def _as_rows(items: list[followups.FollowUp]) -> list[tuple]:
        return [(item.record_id, item, item.person_id) for item in items]

    def display(self, row: tuple, column: int):
        item = row[1]
        return (f"{item.days}", item.person_name, followup_title(item), followup_action(item))[column]

    def item(self, row: int) -> followups.FollowUp:
        return self._rows[row][1]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.column() == 0 and role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#c05621")  # needs attention: orange
        return super().data(index, role)
