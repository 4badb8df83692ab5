"""The setup every table of the window shares, written once with parameters for the real differences."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

View = TypeVar("View", bound=QTableView)

Interactive = QHeaderView.ResizeMode.Interactive
ExtendedSelection = QAbstractItemView.SelectionMode.ExtendedSelection


def setup_table(view: View, model: QAbstractItemModel | None = None, *, name: str = "",
                accessible_name: str = "", selection: QAbstractItemView.SelectionMode = ExtendedSelection,
                sortable: bool = False, alternating: bool = True, resize: QHeaderView.ResizeMode = Interactive,
                column_modes: dict[int, QHeaderView.ResizeMode] | None = None, stretch_last: bool = True,
                widths: tuple[int, ...] = (), row_height: int | None = None, word_wrap: bool = True) -> View:
    """Make ``view`` (a QTableView or QTableWidget) a list like the others: whole rows are chosen,
    cells are read-only, no row numbers; by default rows alternate in shade, columns are resized by
    hand and the last one takes the rest of the width.

    ``resize`` applies to every column, then ``column_modes`` to single ones; ``widths`` are the
    first columns' starting widths; ``row_height`` fixes the rows' height (no wrapped text then,
    with ``word_wrap=False``). Returns ``view``.
    """
    if name:
        view.setObjectName(name)
    if accessible_name:
        view.setAccessibleName(accessible_name)
    if model is not None:
        view.setModel(model)
    if sortable:
        view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(alternating)
    view.setWordWrap(word_wrap)
    view.verticalHeader().setVisible(False)
    if row_height is not None:
        view.verticalHeader().setDefaultSectionSize(row_height)
    header = view.horizontalHeader()
    header.setSectionResizeMode(resize)
    for column, mode in (column_modes or {}).items():
        header.setSectionResizeMode(column, mode)
    header.setStretchLastSection(stretch_last)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view


def table_view(model: QAbstractItemModel | None = None, **options) -> QTableView:
    """A new QTableView over ``model``, set up by ``setup_table`` (same options)."""
    return setup_table(QTableView(), model, **options)
