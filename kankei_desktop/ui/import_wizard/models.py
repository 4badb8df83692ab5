"""The preview table: every planned row, its status and chosen action, cells with their messages."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kankei_desktop.domain.calendar import display_date
from kankei_desktop.io.normalise import cell_text
from kankei_desktop.services.imports import ACTION_LABELS, STATUS_LABELS, ImportPlan
from kankei_desktop.ui.common import RowIdRole
from kankei_desktop.ui.words import shown_label, yes_no

COL_ROW, COL_STATUS, COL_ACTION = 0, 1, 2
FIXED = 3

_STATUS_COLOURS = {"error": "#FDE2E1", "duplicate": "#FFF4CE", "update": "#E3F0FF", "new": None}


def _shown(value) -> str:
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, date):
        return display_date(value)
    if isinstance(value, list):
        return "、".join(value)
    return "" if value is None else str(value)


class PlanModel(QAbstractTableModel):
    """Columns: row number, status, action, then each mapped column of the file, then messages."""

    def __init__(self, plan: ImportPlan, raw_rows: dict[int, list], parent=None):
        super().__init__(parent)
        self.plan = plan
        self.raw_rows = raw_rows  # sheet row number → cells as read
        self.columns = sorted(plan.mapping)  # file column indexes shown
        self._messages = [
            {m.column_index: m.message for m in row.messages if m.column_index is not None} for row in plan.rows
        ]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.plan.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else FIXED + len(self.columns) + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt override)
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == COL_ROW:
            return self.tr("Row")
        if section == COL_STATUS:
            return self.tr("Status")
        if section == COL_ACTION:
            return self.tr("Action")
        if section == FIXED + len(self.columns):
            return self.tr("Messages")
        return self.plan.headers[self.columns[section - FIXED]]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.plan.rows[index.row()]
        column = index.column()
        if role == RowIdRole:
            return index.row()
        if role == Qt.ItemDataRole.BackgroundRole:
            file_column = self.columns[column - FIXED] if FIXED <= column < FIXED + len(self.columns) else None
            if file_column is not None and file_column in self._messages[index.row()]:
                return QBrush(QColor("#F8B4B0"))
            colour = _STATUS_COLOURS.get(row.status)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if FIXED <= column < FIXED + len(self.columns):
                return self._messages[index.row()].get(self.columns[column - FIXED])
            if column == FIXED + len(self.columns) or column == COL_STATUS:
                return self._message_text(index.row()) or None
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == COL_ROW:
            return row.number
        if column == COL_STATUS:
            return shown_label(STATUS_LABELS[row.status])
        if column == COL_ACTION:
            return shown_label(ACTION_LABELS[row.action])
        if column == FIXED + len(self.columns):
            return self._message_text(index.row())
        raw = self.raw_rows.get(row.number, [])
        file_column = self.columns[column - FIXED]
        key = self.plan.mapping[file_column]
        if key in row.fields and file_column not in self._messages[index.row()]:
            return _shown(row.fields[key])  # what will be stored: the coordinator checks this
        return cell_text(raw[file_column]) if file_column < len(raw) else ""

    def _message_text(self, index: int) -> str:
        row = self.plan.rows[index]
        texts = [m.text() for m in row.messages]
        if row.duplicate_row:
            texts.append(self.tr("Looks like the person in row %1").replace("%1", str(row.duplicate_row)))
        elif row.duplicate_ids:
            texts.append(self.tr("Looks like a person already registered"))
        return "; ".join(texts)

    def refresh_actions(self) -> None:
        if self.plan.rows:
            self.dataChanged.emit(self.index(0, COL_ACTION), self.index(len(self.plan.rows) - 1, COL_ACTION))
