"""ui/common: the tuple model, the table-view setup and the field-error helper, on real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.ui.common import (
    ERROR_COLOUR,
    PersonIdRole,
    RowIdRole,
    TupleModel,
    error_label,
    mark_field,
    set_error,
    setup_table,
    table_view,
)

pytestmark = pytest.mark.gui


class Visits(TupleModel):
    """Ids kept apart from the rows; a right-aligned count and a coloured state."""

    PERSON_COLUMN = 3

    def headers(self) -> list[str]:
        return ["Name", "Visits", "State"]

    def right_aligned(self) -> tuple[int, ...]:
        return (1,)

    def text(self, value):
        return f"{value:,}" if isinstance(value, int) else value

    def foreground(self, row: tuple, column: int) -> QColor | None:
        return QColor("#2f855a") if column == 2 and row[2] == "done" else None


class Letters(TupleModel):
    """Ids inside the rows (column 0), cells shifted past it."""

    ID_COLUMN = 0

    def headers(self) -> list[str]:
        return ["Summary", "Sent"]

    def display(self, row: tuple, column: int):
        return row[column + 1]


def cell(model, row, column, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)


def test_tuple_model_with_separate_ids_passes_the_model_tester(qtmodeltester):
    model = Visits()
    model.set_rows([("山田 太郎", 1200, "done", "p1"), ("佐藤 花子", 3, "open", "p2")], ids=["v1", "v2"])
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (2, 3)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["Name", "Visits", "State"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert cell(model, 0, 1) == "1,200" and cell(model, 0, 1, Qt.ItemDataRole.ToolTipRole) == "1,200"
    assert cell(model, 1, 0, RowIdRole) == "v2" and model.row_id(0) == "v1"
    assert cell(model, 1, 0, PersonIdRole) == "p2"
    assert cell(model, 0, 1, Qt.ItemDataRole.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignRight
                                                                        | Qt.AlignmentFlag.AlignVCenter)
    assert cell(model, 0, 0, Qt.ItemDataRole.TextAlignmentRole) is None
    assert cell(model, 0, 2, Qt.ItemDataRole.ForegroundRole) == QColor("#2f855a")
    assert cell(model, 1, 2, Qt.ItemDataRole.ForegroundRole) is None
    assert model.rowCount(model.index(0, 0)) == 0 and model.data(QModelIndex()) is None
    model.set_rows([("鈴木 一郎", 1, "open", "p3")])  # rows without ids: no id to give
    assert cell(model, 0, 0, RowIdRole) is None and cell(model, 0, 0) == "鈴木 一郎"


def test_tuple_model_with_ids_in_the_rows_passes_the_model_tester(qtmodeltester):
    model = Letters()
    qtmodeltester.check(model)  # empty first
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_rows([("L1", "お礼状", "2026/11/27"), ("L2", "お米の案内", "2026/12/01")])
    qtmodeltester.check(model)
    assert resets == [True]
    assert [cell(model, r, 0) for r in range(2)] == ["お礼状", "お米の案内"]
    assert cell(model, 1, 0, RowIdRole) == "L2" and model.row_id(0) == "L1"
    assert cell(model, 0, 0, PersonIdRole) is None  # no participant column: no such role
    assert cell(model, 0, 1, Qt.ItemDataRole.ForegroundRole) is None


def test_table_view_defaults_are_the_list_pages_setup(qtbot):
    model = Letters()
    model.set_rows([("L1", "お礼状", "2026/11/27")])
    view = table_view(model, name="letters", accessible_name="Letters", row_height=30, word_wrap=False,
                      widths=(120, 90))
    qtbot.addWidget(view)
    assert isinstance(view, QTableView) and view.model() is model
    assert view.objectName() == "letters" and view.accessibleName() == "Letters"
    assert view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert view.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
    assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert view.alternatingRowColors() and not view.wordWrap() and not view.isSortingEnabled()
    assert view.verticalHeader().isHidden() and view.verticalHeader().defaultSectionSize() == 30
    header = view.horizontalHeader()
    assert header.stretchLastSection()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive
    assert view.columnWidth(0) == 120


def test_setup_table_takes_the_real_differences(qtbot):
    view = setup_table(QTableWidget(2, 3), selection=QAbstractItemView.SelectionMode.SingleSelection,
                       alternating=False, resize=QHeaderView.ResizeMode.ResizeToContents,
                       column_modes={0: QHeaderView.ResizeMode.Stretch}, stretch_last=False)
    qtbot.addWidget(view)
    assert view.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert not view.alternatingRowColors() and view.wordWrap()
    header = view.horizontalHeader()
    assert not header.stretchLastSection()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(2) == QHeaderView.ResizeMode.ResizeToContents
    assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers


def test_sortable_table_asks_the_model_to_sort(qtbot):
    asked = []

    class Sorted(Letters):
        def sort(self, column, order=Qt.SortOrder.AscendingOrder):
            asked.append((column, order))

    view = table_view(Sorted(), sortable=True)
    qtbot.addWidget(view)
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert view.isSortingEnabled() and asked[-1] == (1, Qt.SortOrder.DescendingOrder)


def _accessible_name(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def test_error_label_says_the_error_in_words_and_clears(qtbot):
    form = QWidget()
    layout = QVBoxLayout(form)
    field = QLineEdit()
    always = error_label("always")
    hidden = error_label("hidden", hidden=True, strong=True, selectable=True)
    for widget in (field, always, hidden):
        layout.addWidget(widget)
    qtbot.addWidget(form)
    form.show()
    assert always.isVisible() and not hidden.isVisible() and always.wordWrap()
    assert ERROR_COLOUR in always.styleSheet() and "bold" in hidden.styleSheet()
    assert hidden.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse

    message = "氏名を入力してください。"
    set_error(always, message)
    set_error(hidden, message)
    mark_field(field, message)
    assert hidden.isVisible() and hidden.text() == message == always.text()
    assert _accessible_name(hidden) == message  # the status is in words, not only in red
    assert ERROR_COLOUR in field.styleSheet()

    set_error(always, "")
    set_error(hidden, "")
    mark_field(field, False)
    assert always.text() == "" and always.isVisible()  # keeps its place, as the forms had it
    assert not hidden.isVisible() and field.styleSheet() == ""
