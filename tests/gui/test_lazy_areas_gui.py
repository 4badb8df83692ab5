"""Areas are built when first shown (issue 9: start-up), and nothing else changes for callers."""

from __future__ import annotations

import pytest

from kankei_desktop.ui.main_window import AREAS, MainWindow, _load_area_class, area_title_of

pytestmark = pytest.mark.gui


def test_only_the_first_area_is_built_at_start(qtbot, app_ready, database):
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    # The first area, plus the data-safety area whose automatic backups start with the window.
    assert list(window._built) == ["home", "data_safety"]
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


def test_icons_are_drawn_without_qtawesome(qtbot, app_ready):
    import subprocess
    import sys

    from PySide6.QtCore import QSize

    from kankei_desktop.ui import icons

    for _position, spec in AREAS:
        picture = icons.icon(_load_area_class(spec).ICON).pixmap(QSize(22, 22)).toImage()
        assert not picture.isNull()
        assert any(picture.pixelColor(x, y).alpha() > 0 for x in range(22) for y in range(22))
    code = ("import os, sys\nos.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "from PySide6.QtWidgets import QApplication\napp = QApplication([])\n"
            "from kankei_desktop.ui import main_window, icons\n"
            "[main_window._load_area_class(spec) for _, spec in main_window.AREAS]\n"
            "icons.icon('fa5s.users').pixmap(22, 22)\n"
            "print('qtawesome' in sys.modules, 'qtpy' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]
