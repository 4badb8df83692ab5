"""Issue 17 item 4: names for a screen reader, labels linked to fields, status not by colour alone."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QFormLayout, QLabel, QWidget

from kankei_desktop.ui.accessibility import STATUS_SYMBOLS, contrast, focus_target

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, app_ready, database, two_persons):
    from kankei_desktop.ui.main_window import MainWindow

    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    for key in list(window.pages):
        window.show_area(key)
    return window


def _drawn_widgets():
    """Widgets that paint their content themselves: a screen reader only knows their name."""
    from kankei_desktop.ui.areas.home.charts import LadderChart, TrendChart
    from kankei_desktop.ui.areas.home.tiles import Tile
    from kankei_desktop.ui.areas.programmes.board import BoardView
    from kankei_desktop.ui.areas.stays.month import MonthView
    from kankei_desktop.ui.areas.stays.timeline import TimelineView

    return (LadderChart, TrendChart, Tile, BoardView, MonthView, TimelineView)


def test_every_icon_only_control_chart_tile_and_calendar_has_a_name(window):
    unnamed = []
    seen = set()
    for key, page in window.pages.items():
        for button in page.findChildren(QAbstractButton):
            if not button.text().strip() and not button.icon().isNull():
                if not button.accessibleName().strip():
                    unnamed.append(f"{key}: {button.objectName() or button.toolTip() or type(button).__name__}")
        for kind in _drawn_widgets():
            for widget in page.findChildren(kind):
                seen.add(kind.__name__)
                if not widget.accessibleName().strip():
                    unnamed.append(f"{key}: {type(widget).__name__}")
    assert unnamed == []
    assert seen == {kind.__name__ for kind in _drawn_widgets()}  # the walk reached every kind


def _form_rows(root: QWidget):
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is not None and isinstance(label.widget(), QLabel) and field is not None:
                yield label.widget(), field.widget() or field.layout()


def _unlinked(root: QWidget) -> tuple[int, list[str]]:
    rows = list(_form_rows(root))
    bad = [label.text() for label, field in rows
           if focus_target(field) is None or label.buddy() is not focus_target(field)]
    return len(rows), bad


def test_person_editor_labels_are_linked_to_their_fields(qtbot, app_ready, database):
    from kankei_desktop.ui.areas.participants.editor import PersonEditor

    editor = PersonEditor(database)
    qtbot.addWidget(editor)
    count, bad = _unlinked(editor)
    assert count >= 19 and bad == []
    name_label = next(label for label, _field in _form_rows(editor) if label.buddy() is editor.ui.name_edit)
    assert editor.ui.name_edit.accessibleName() == name_label.text().rstrip(":：")


def test_settings_labels_are_linked_to_their_fields(window):
    count, bad = _unlinked(window.pages["settings"])
    assert count >= 18 and bad == []


def test_every_area_form_is_linked(window):
    for key, page in window.pages.items():
        _count, bad = _unlinked(page)
        assert bad == [], key


def test_status_colours_have_text_contrast_and_a_symbol():
    from kankei_desktop.ui.areas.stays.timeline import STATUS_COLOURS

    for status, (fill, text) in STATUS_COLOURS.items():
        assert contrast(text, fill) >= 4.5, status
        assert STATUS_SYMBOLS[status]
    assert len(set(STATUS_SYMBOLS.values())) == len(STATUS_SYMBOLS)


def test_contrast_of_known_pairs():
    # Worked by hand from the WCAG formula: black on white 21:1, grey #777 on white 4.48:1.
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#9ca3af", "#e5e7eb") == pytest.approx(2.05, abs=0.01)  # the old 中止


def test_no_invisible_characters_in_any_widget_text(window):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    invisible = ("\u2060", "\u200b", "\u200c", "\u200d", "\ufeff")
    found = []
    for key, page in window.pages.items():
        for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
            text = widget.text() + widget.toolTip() + widget.accessibleName()
            if any(mark in text for mark in invisible):
                found.append(f"{key}: {widget.objectName()} {text!r}")
    assert found == []


def test_dialogs_get_their_labels_linked_when_shown(qtbot, window, database):
    from kankei_desktop.ui.areas.hosts.editor import HostEditor
    from kankei_desktop.ui.areas.stays.editor import StayEditor

    for dialog in (StayEditor(database, parent=window), HostEditor(database, parent=window)):
        qtbot.addWidget(dialog)
        dialog.show()
        count, bad = _unlinked(dialog)
        assert count >= 3 and bad == [], type(dialog).__name__
        dialog.reject()


def test_board_headers_have_text_contrast_and_say_final_or_dropped_out():
    import re

    from kankei_desktop.ui.areas.programmes.board import HEADER_STYLES

    for kind, style in HEADER_STYLES.items():
        background = re.search(r"background: (#[0-9a-f]{6})", style).group(1)
        colour = re.search(r"(?<!-)color: (#[0-9a-f]{6})", style).group(1)
        assert contrast(colour, background) >= 4.5, kind


def test_the_board_writes_the_stage_kind_out(qtbot, app_ready):
    from kankei_desktop.services.enrollments import BoardColumn
    from kankei_desktop.ui.areas.programmes.board import BoardView

    board = BoardView()
    qtbot.addWidget(board)
    columns = [BoardColumn("a", "参加", False, False, []), BoardColumn("b", "修了", True, False, []),
               BoardColumn("c", "辞退した", False, True, [])]
    board.set_columns(columns)
    headers = [label.text() for label in board.findChildren(QLabel) if label.objectName() == "stage_header"]
    assert headers[0].startswith("参加") and headers[1].startswith("✓ 修了") and headers[2].startswith("× 辞退した")
    # In words too, unless the stage's own name already says it (修了 is not marked 修了（修了）).
    assert headers[1].split("\n")[0] == "✓ 修了"
    assert headers[2].split("\n")[0] == "× 辞退した"
    board.set_columns([BoardColumn("d", "卒業", True, False, []), BoardColumn("e", "休止", False, True, [])])
    headers = [label.text() for label in board.findChildren(QLabel)
               if label.objectName() == "stage_header" and label.isVisibleTo(board)]
    assert headers[-2].split("\n")[0] == "✓ 卒業" + board.tr(" (final)") == "✓ 卒業（修了）"
    assert headers[-1].split("\n")[0] == "× 休止" + board.tr(" (dropped out)") == "× 休止（辞退）"
