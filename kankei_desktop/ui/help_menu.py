"""The main window's ヘルプ menu: the list of every shortcut (F1) and the about box.

A part of ``MainWindow`` (main_window.py), which gives it its menus, areas and database.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox

from kankei_desktop.ui.area import AreaPage


class HelpMenu:
    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(where, keys, what) for every shortcut of the window and its areas, read from the
        QActions and QShortcuts themselves, then the conventions every list and editor follows."""
        from kankei_desktop.ui.main_window import area_title_of  # the window imports this part

        for key in self._area_keys:  # every area, so its own shortcuts are there to be read
            self._page(key)
        rows: list[tuple[str, str, str]] = []
        window_place = self.tr("Window")
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            place = menu_action.text().replace("&", "").split("(")[0]
            for action in menu.actions():
                keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
                if keys:
                    rows.append((place, " / ".join(keys), action.text().replace("&", "").rstrip("…").split("(")[0]))
        standard = {
            QKeySequence(QKeySequence.StandardKey.Undo): self.tr("Undo"),
            QKeySequence(QKeySequence.StandardKey.Redo): self.tr("Redo"),
            QKeySequence("Ctrl+Y"): self.tr("Redo"),
            QKeySequence(QKeySequence.StandardKey.Save): self.tr("Save"),
        }
        seen = set()
        for shortcut in self.findChildren(QShortcut):
            key = shortcut.key()
            if key.isEmpty():
                continue
            page = self._page_of(shortcut)
            place = area_title_of(type(page)) if page is not None else window_place
            what = shortcut.whatsThis() or standard.get(key, "")
            row = (place, key.toString(QKeySequence.SequenceFormat.NativeText), what)
            if row not in seen:
                seen.add(row)
                rows.append(row)
        from kankei_desktop.ui.widgets import KEYBOARD_CONVENTIONS

        everywhere = self.tr("Everywhere")
        for keys, what in KEYBOARD_CONVENTIONS:
            rows.append((everywhere, keys, QCoreApplication.translate("Keyboard", what)))
        return rows

    def _page_of(self, widget) -> AreaPage | None:
        while widget is not None:
            if isinstance(widget, AreaPage):
                return widget
            widget = widget.parent()
        return None

    def show_shortcuts(self):
        from kankei_desktop.ui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.shortcut_rows(), self)
        self.shortcuts_dialog = dialog
        dialog.open()
        return dialog

    def show_about(self) -> None:
        from kankei_desktop import __version__

        QMessageBox.about(self, self.tr("About Kankei Desktop"), self.tr(
            "<b>%1</b> version %2<br>Records and figures for relationship-population (関係人口) "
            "coordinators, offline.<br>File: %3").replace("%1", self.windowTitle().split(" — ")[0].split(" (")[0])
            .replace("%2", __version__).replace("%3", str(self.database.path)))
