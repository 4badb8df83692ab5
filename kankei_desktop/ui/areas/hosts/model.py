"""The hosts list: ids filtered and sorted in SQL, rows fetched for those ids."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kankei_desktop.services import hosts
from kankei_desktop.store import Database
from kankei_desktop.ui.common import RowIdRole
from kankei_desktop.ui.words import shown

COL_NAME, COL_KIND, COL_CONTACT, COL_PHONE, COL_CITY, COL_CAPACITY, COL_ACTIVE = range(7)


class HostListModel(QAbstractTableModel):
    def __init__(self, database: Database, parent=None):
        super().__init__(parent)
        self.database = database
        self._ids: list[str] = []
        self._rows: dict[str, tuple] = {}
        self._filter = hosts.HostFilter()
        self._sort_key, self._descending = "name", False

    def set_filter(self, flt: hosts.HostFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._ids, self._rows = hosts.host_list(self.database, self._filter, self._sort_key, self._descending)
        self.endResetModel()

    def host_id_at(self, row: int) -> str:
        return self._ids[row]

    def is_active(self, host_id: str) -> bool:
        return bool(self._rows.get(host_id, ("",) * 7)[COL_ACTIVE])

    def row_of(self, host_id: str) -> int:
        return self._ids.index(host_id) if host_id in self._ids else -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(hosts.LIST_COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        host_id = self._ids[index.row()]
        if role == RowIdRole:
            return host_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._rows.get(host_id, ("",) * 7)[index.column()]
            if index.column() == COL_ACTIVE:
                return self.tr("Active") if value else self.tr("Archived")
            if index.column() == COL_CAPACITY:
                return "" if value is None else self.tr("%1 persons").replace("%1", str(value))
            return shown(value or "")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (self.tr("Name"), self.tr("Kind"), self.tr("Contact"), self.tr("Phone"), self.tr("City"),
                   self.tr("Capacity / night"), self.tr("State"))
        return headers[section] if 0 <= section < len(headers) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(hosts.LIST_COLUMNS):
            return
        self._sort_key = hosts.LIST_COLUMNS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self._ids = hosts.host_ids(self.database, self._filter, self._sort_key, self._descending)
        self.layoutChanged.emit()
