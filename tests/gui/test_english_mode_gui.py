"""English mode: every area and dialog, on the demo file, shows no Japanese of the program's own.

The widget tree of each area (labels, buttons, tabs, combo items, headers, placeholders, group
titles, list items and the first rows of every table) is read in English mode. From each text,
every string stored in the database is removed (names, addresses, programme and stage names…
are data and stay Japanese), except the stored vocabulary — stages, ties, kinds, statuses —
which English mode must show by its English display name. Whatever Japanese is left was
produced by the program's own strings, and fails the test.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from sqlalchemy import inspect, text

from kankei_desktop.domain.vocabulary import ENGLISH
from kankei_desktop.services.demo import load_demo_data
from kankei_desktop.ui.translation import install_translations

ROOT = Path(__file__).resolve().parents[2]
# Kana and kanji: words. Full-width punctuation around data (（）、「」) and 〒 are not words.
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
SPACES = re.compile(r"[\s\u3000\u00a0]+")
# Language names are written in their own language in every program's language menu.
OWN_LANGUAGE_NAMES = {"日本語"}
TAGS = re.compile(r"<[^>]+>")
ROWS_READ = 40
ISO_DATE = re.compile(r"(?<![\d/])\d{4}-\d{2}-\d{2}(?!\d)")

pytestmark = pytest.mark.gui


def stored_strings(database) -> list[str]:
    """Every text stored in the file except the vocabulary columns (all of whose values are
    vocabulary words): those the window must translate."""
    found: set[str] = set()
    with database.session() as session:
        connection = session.connection()
        for table in inspect(connection).get_table_names():
            for column in inspect(connection).get_columns(table):
                if "CHAR" not in str(column["type"]).upper() and "TEXT" not in str(column["type"]).upper():
                    continue
                values = {value for (value,) in connection.execute(
                    text(f'SELECT DISTINCT "{column["name"]}" FROM "{table}"')) if isinstance(value, str) and value}
                if values and all(value in ENGLISH for value in values):
                    continue  # a vocabulary column: shown translated
                for value in values:
                    value = SPACES.sub(" ", value)
                    if JAPANESE.search(value):
                        found.add(value)
                        found.update(line for line in value.splitlines() if line.strip())
                        found.update(part for part in re.split(r"[、,]\s*", value) if JAPANESE.search(part))
    # A new programme's stages come from its template and are stored as its stage names: data.
    from kankei_desktop.domain.programme_templates import TEMPLATES

    found.update(stage.name for template in TEMPLATES.values() for stage in template.stages)
    return sorted(found, key=len, reverse=True)


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for what the widgets under ``root`` show."""
    texts: list[tuple[str, str]] = []

    def add(widget, what, value):
        if value:
            texts.append((f"{type(widget).__name__}({widget.objectName()}).{what}", TAGS.sub("", str(value))))

    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QDialog) or widget is root:
            add(widget, "windowTitle", widget.windowTitle())
        if isinstance(widget, QLabel):
            add(widget, "text", widget.text())
        elif isinstance(widget, QAbstractButton):
            add(widget, "text", widget.text())
        elif isinstance(widget, QLineEdit):
            add(widget, "placeholder", widget.placeholderText())
        elif isinstance(widget, QGroupBox):
            add(widget, "title", widget.title())
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(widget, f"tab{index}", widget.tabText(index))
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                add(widget, f"item{index}", widget.itemText(index))
        elif isinstance(widget, QAbstractSpinBox):
            add(widget, "text", widget.text())
            add(widget, "special", widget.specialValueText())
        elif isinstance(widget, QTextEdit) and not widget.isReadOnly():
            add(widget, "placeholder", widget.placeholderText())
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            from PySide6.QtCore import QModelIndex

            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model: one column
                columns = 1
            for column in range(columns):
                add(widget, f"header{column}", model.headerData(column, _horizontal()))
            for row in range(min(model.rowCount(QModelIndex()), ROWS_READ)):
                for column in range(max(columns, 1)):
                    add(widget, f"cell{row},{column}", model.index(row, column).data())
        add(widget, "accessibleName", widget.accessibleName())
        add(widget, "toolTip", widget.toolTip())
    return texts


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def japanese_left(texts: list[tuple[str, str]], data: re.Pattern) -> list[str]:
    problems = []
    for where, value in texts:
        if value in OWN_LANGUAGE_NAMES:
            continue
        rest = data.sub("", SPACES.sub(" ", value.replace("\u2060", "")))
        if JAPANESE.search(rest):
            problems.append(f"{where}: {value!r}")
    return problems


def settle(app) -> None:
    for _ in range(3):
        QThreadPool.globalInstance().waitForDone(30000)
        app.processEvents()


@pytest.fixture
def english(qapp):
    from kankei_desktop.ui.app import make_application

    app = make_application()
    install_translations(app, "en")
    yield app
    install_translations(app, "ja")


@pytest.fixture
def demo(database):
    with database.session() as session:
        load_demo_data(session)
    return database


def test_every_area_and_dialog_in_english(qtbot, english, demo):
    from kankei_desktop.ui.app import organisation_name
    from kankei_desktop.ui.main_window import MainWindow

    data = re.compile("|".join(re.escape(value) for value in stored_strings(demo)))
    window = MainWindow(demo, organisation_name(demo))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    problems: list[str] = []
    for key in window.pages:
        page = window.show_area(key)
        settle(english)
        problems += [f"[{key}] {p}" for p in japanese_left(widget_texts(page), data)]
    problems += [f"[window] {p}" for p in japanese_left(
        [(f"statusBar.{type(w).__name__}", w.text()) for w in window.statusBar().findChildren(QLabel)]
        + [("sidebar", window.sidebar.item(i).text()) for i in range(window.sidebar.count())], data)]

    sys.path.insert(0, str(ROOT / "scripts"))
    import screenshots

    for name, make in screenshots._dialogs(demo, window):
        dialog = make()
        if dialog is None:
            continue
        dialog.show()
        settle(english)
        problems += [f"[dialog {name}] {p}" for p in japanese_left(widget_texts(dialog), data)]
        dialog.close()
        QApplication.processEvents()
    assert problems == [], f"{len(problems)} Japanese texts of the program's own in English mode:\n" + "\n".join(
        dict.fromkeys(problems))


def iso_dates(texts: list[tuple[str, str]]) -> list[str]:
    return [f"{where}: {value!r}" for where, value in texts if ISO_DATE.search(value)]


def test_the_window_writes_dates_as_yyyy_mm_dd(qtbot, english, demo):
    """No 2026-11-27 anywhere in the areas and the figure drill-down (the window writes 2026/11/27)."""
    from kankei_desktop.ui.app import organisation_name
    from kankei_desktop.ui.main_window import MainWindow

    window = MainWindow(demo, organisation_name(demo))
    qtbot.addWidget(window)
    window.show()
    found: list[str] = []
    for key in window.pages:
        page = window.show_area(key)
        settle(english)
        found += [f"[{key}] {p}" for p in iso_dates(widget_texts(page))]
    home = window.show_area("home")
    settle(english)
    drilldown = home.open_records("unique_persons")
    settle(english)
    found += [f"[drill-down] {p}" for p in iso_dates(widget_texts(drilldown))]
    assert found == []


def test_refusals_read_in_english_in_the_window_and_japanese_in_the_cli(qtbot, english, database):
    """A service's message goes through the window's words in English mode; the same error raised
    outside the window (the CLI installs no display) keeps the Japanese the service wrote."""
    from kankei_desktop.domain.errors import ValidationError, set_message_display
    from kankei_desktop.services import participants
    from kankei_desktop.ui.areas.participants.editor import PersonEditor

    editor = PersonEditor(database)
    qtbot.addWidget(editor)
    editor.show()
    editor.ui.email_edit.setText("taro@")
    assert editor.save() is False
    assert editor.error_text("name") == "Enter the name."
    assert editor.error_text("email") == "The e-mail address “taro@” is not valid (e.g. name@example.jp)."
    with database.session() as session:
        assert participants.count_persons(session) == 0

    set_message_display(None)  # as in the CLI
    try:
        with database.session() as session:
            participants.create_person(session, participants.PersonInput(name=""))
    except ValidationError as error:
        assert error.errors["name"] == "氏名を入力してください。"
    else:
        raise AssertionError("an empty name was accepted")
