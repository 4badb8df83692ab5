"""The enrollment table (the board's other view): plain tuples from ``enrollments.table_rows``."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kankei_desktop.domain.calendar import display_date

RowIdRole = Qt.ItemDataRole.UserRole + 1

COL_NAME, COL_FURIGANA, COL_STAGE, COL_SINCE, COL_DAYS, COL_APPLIED = range(6)


class EnrollmentTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple] = []

    def set_rows(self, rows: list[tuple]) -> None:
        """Rows as (enrollment_id, name, furigana, stage, stage_since, days, applied_on)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def enrollment_id_at(self, row: int) -> str:
        return self._rows[row][0]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 6

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == RowIdRole:
            return row[0]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_DAYS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = row[index.column() + 1]
            if isinstance(value, date):
                return display_date(value)
            if isinstance(value, int):
                return f"{value:,}"
            return value or ""
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (self.tr("Name"), self.tr("Furigana"), self.tr("Stage"), self.tr("In stage since"),
                   self.tr("Days in stage"), self.tr("Applied"))
        return headers[section] if 0 <= section < len(headers) else None
