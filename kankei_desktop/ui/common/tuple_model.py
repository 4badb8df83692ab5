"""The table model most lists need: rows of plain tuples from a service, reset on every load."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from kankei_desktop.ui.common.roles import PersonIdRole, RowIdRole

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class TupleModel(QAbstractTableModel):
    """Rows of display tuples, one id per row (``RowIdRole``), read-only.

    A subclass gives ``headers()`` and fills ``_rows`` (and ``_ids``) between
    ``beginResetModel``/``endResetModel``, or calls ``set_rows``. The rest is optional:

    - ``ID_COLUMN``: where a row holds its own id; None keeps the ids apart, in ``_ids``;
    - ``PERSON_COLUMN``: where a row holds its participant's id (``PersonIdRole``);
    - ``display(row, column)``: the value a cell shows (the tuple's item by default);
    - ``text(value)``: that value as the cell's text, also its tooltip (the value itself by default);
    - ``foreground(row, column)``: the colour of a cell's text, or None;
    - ``right_aligned()``: the columns of figures.
    """

    ID_COLUMN: int | None = None
    PERSON_COLUMN: int | None = None

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple] = []
        self._ids: list[object] = []

    # ------------------------------------------------------------ what subclasses say
    def headers(self) -> list[str]:
        raise NotImplementedError

    def display(self, row: tuple, column: int):
        return row[column]

    def text(self, value):
        return value

    def foreground(self, row: tuple, column: int) -> QColor | None:
        return None

    def right_aligned(self) -> tuple[int, ...]:
        return ()

    # ------------------------------------------------------------ rows
    def set_rows(self, rows: list[tuple], ids: list[object] | None = None) -> None:
        """Show ``rows`` (and their ``ids`` when a row does not hold its own)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._ids = list(ids) if ids is not None else []
        self.endResetModel()

    def row_id(self, row: int):
        if self.ID_COLUMN is not None:
            return self._rows[row][self.ID_COLUMN]
        return self._ids[row] if row < len(self._ids) else None  # a model without ids has none to give

    # ------------------------------------------------------------ Qt model
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == RowIdRole:
            return self.row_id(index.row())
        if role == PersonIdRole and self.PERSON_COLUMN is not None:
            return row[self.PERSON_COLUMN]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(self.display(row, index.column()))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.right_aligned():
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, index.column())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None
