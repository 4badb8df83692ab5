"""The participants list: ids from a SQL query, rows fetched a page at a time.

Filtering and sorting happen in SQL (a proxy model over 100,000 Python rows
takes seconds per keystroke). The model keeps only the ordered ids and a small
cache of display rows, so the scroll bar is right from the start.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kankei_desktop.domain.calendar import display_date
from kankei_desktop.services import participants, work
from kankei_desktop.store import Database
from kankei_desktop.ui.common import RowIdRole
from kankei_desktop.ui.words import shown

COL_NAME, COL_FURIGANA, COL_STAGE, COL_TIES, COL_RESIDENCE, COL_LAST_ACTIVITY = range(6)
PAGE_SIZE = 200


class PersonListModel(QAbstractTableModel):
    def __init__(self, database: Database, parent=None):
        super().__init__(parent)
        self.database = database
        self._ids: list[str] = []
        self._rows: dict[str, tuple] = {}
        self._filter = participants.PersonFilter()
        self._sort_key = "furigana"
        self._descending = False
        self._loaded = False  # until the first reload, a sort only records the order

    # ------------------------------------------------------------ loading
    @property
    def applied_filter(self) -> participants.PersonFilter:
        """The filter the rows were read with (the search box may be ahead of it, waiting for its timer)."""
        return self._filter

    def set_filter(self, flt: participants.PersonFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        with work.unit(self.database) as session:
            self._ids = participants.list_person_ids(session, self._filter, self._sort_key, self._descending)
        self._rows.clear()
        self._loaded = True
        self.endResetModel()

    def _row(self, row: int) -> tuple:
        person_id = self._ids[row]
        cached = self._rows.get(person_id)
        if cached is None:
            start = row - row % PAGE_SIZE
            page_ids = self._ids[start : start + PAGE_SIZE]
            with work.unit(self.database) as session:
                self._rows.update(participants.fetch_list_rows(session, page_ids))
            cached = self._rows.get(person_id, ("", "", "", "", "", None))
        return cached

    def person_id_at(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, person_id: str) -> int:
        try:
            return self._ids.index(person_id)
        except ValueError:
            return -1

    # ---------------------------------------------------------- Qt model
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(participants.LIST_COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == RowIdRole:
            return self._ids[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._row(index.row())[index.column()]
            if isinstance(value, date):
                return display_date(value)
            return shown(value or "")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            self.tr("Name"), self.tr("Furigana"), self.tr("Stage"),
            self.tr("Ties"), self.tr("Residence"), self.tr("Last contact"),
        )
        return headers[section] if 0 <= section < len(headers) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(participants.LIST_COLUMNS):
            return
        self._sort_key = participants.LIST_COLUMNS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        if not self._loaded:  # the view sets its sort order while being built: read the list once, later
            return
        self.layoutAboutToBeChanged.emit()
        with work.unit(self.database) as session:
            self._ids = participants.list_person_ids(session, self._filter, self._sort_key, self._descending)
        self._rows.clear()
        self.layoutChanged.emit()
