"""Areas are built when first shown (issue 9: start-up), and nothing else changes for callers."""

from __future__ import annotations

import pytest

from kankei_desktop.ui.main_window import AREAS, MainWindow, _load_area_class, area_title_of

pytestmark = pytest.mark.gui


def test_only_the_first_area_is_built_at_start(qtbot, app_ready, database):
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    assert list(window._built) == ["home"]
    assert window.current_page() is window._built["home"]
    assert len(window.pages) == len(AREAS) == window.sidebar.count() == window.stack.count()


def test_titles_read_before_the_page_exists_match_the_page(qtbot, app_ready, database):
    for _position, spec in AREAS:
        page_class = _load_area_class(spec)
        page = page_class(database)
        qtbot.addWidget(page)
        assert area_title_of(page_class) == page.area_title()


def test_show_area_and_pages_build_on_demand_in_sidebar_order(qtbot, app_ready, database):
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    stays = window.show_area("stays")
    assert window.current_page() is stays
    assert window.stack.indexOf(stays) == window.sidebar.currentRow() == list(window.pages).index("stays")
    assert window.pages["stays"] is stays
    for row, (key, page) in enumerate(window.pages.items()):
        assert window.stack.indexOf(page) == row
        assert page.AREA_KEY == key
    assert window.current_page() is stays
    window.sidebar.setCurrentRow(list(window.pages).index("reports"))
    assert window.current_page() is window.pages["reports"]
