"""Small widgets every area builds the same way."""

from __future__ import annotations

from datetime import date

from kankei_desktop.domain.calendar import fiscal_year_of
from kankei_desktop.ui import icons as qta
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTextEdit,
    QToolButton,
    QToolTip,
    QWidget,
)

from kankei_desktop.ui.words import fiscal_year_text

ICON_COLOUR = "#2d3748"
SEARCH_DELAY_MS = 120  # search-as-you-type waits this long: it skips the keystrokes of a fast typist


def tool_button(icon: str, text: str, tip: str = "") -> QToolButton:
    """An area-toolbar button: a qtawesome icon with its label beside it."""
    button = QToolButton()
    button.setIcon(qta.icon(icon, color=ICON_COLOUR))
    button.setText(text)
    button.setToolTip(tip or text)
    if not text:
        button.setAccessibleName(tip)  # icon only: a screen reader reads the tooltip
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    return button


class PeriodPicker(QObject):
    """The 年度 and 期間 combo boxes of ホーム and レポート, built one way.

    Not a widget itself: ホーム puts both combos in its top bar, レポート gives each
    its own form row. The year list runs from next fiscal year back six years, this
    year chosen; the period is the whole year (None) or a quarter 1–4.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None, today: date | None = None):
        super().__init__(parent)
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("yearCombo")
        current = fiscal_year_of(today or date.today())
        for year in range(current + 1, current - 6, -1):
            self.year_combo.addItem(fiscal_year_text(year), year)
        self.year_combo.setCurrentIndex(1)
        self.quarter_combo = QComboBox()
        self.quarter_combo.setObjectName("quarterCombo")
        self.quarter_combo.addItem(self.tr("Whole year"), None)
        for quarter in range(1, 5):
            self.quarter_combo.addItem(self.tr("Q%1").replace("%1", str(quarter)), quarter)
        self.year_combo.currentIndexChanged.connect(self.changed)
        self.quarter_combo.currentIndexChanged.connect(self.changed)

    def period(self) -> tuple[int, int | None]:
        """(fiscal year, quarter or None for the whole year)."""
        return self.year_combo.currentData(), self.quarter_combo.currentData()


# ------------------------------------------------------------------ keyboard and fit (issue 17)
# What the helpers below make true in every area; the shortcut list (F1) shows these rows
# next to the window's own QActions and QShortcuts. (keys, what it does) in English for tr().
KEYBOARD_CONVENTIONS: tuple[tuple[str, str], ...] = (
    ("Enter", QT_TRANSLATE_NOOP("Keyboard", "Open the current row of a list")),
    ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("Keyboard", "Next / previous field (also out of lists and notes boxes)")),
    ("Ctrl+Tab", QT_TRANSLATE_NOOP("Keyboard", "Insert a tab character in a notes box")),
    ("↓", QT_TRANSLATE_NOOP("Keyboard", "From a search box down to its list")),
    ("Ctrl+S", QT_TRANSLATE_NOOP("Keyboard", "Save, in every editor")),
    ("Esc", QT_TRANSLATE_NOOP("Keyboard", "Close a dialog without saving")),
    ("←→↑↓ / Shift+←→", QT_TRANSLATE_NOOP("Keyboard", "Stays calendar: move between days (Shift: choose several days)")),
    ("Space", QT_TRANSLATE_NOOP("Keyboard", "Stays calendar: pick the next stay of the day")),
    ("Enter / Shift+Enter", QT_TRANSLATE_NOOP("Keyboard", "Stays calendar: open the stay, or create one on the "
                                                          "chosen days / always create one")),
)

_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def cell_tooltip(view: QAbstractItemView, index: QModelIndex) -> str | None:
    """The full text of a cell the column cuts short; None when it fits or the model has a tip of its
    own (one that only repeats the cell's text counts as none: it is shown when the text is cut)."""
    if not index.isValid() or _own_tooltip(index):
        return None
    value = index.data(Qt.ItemDataRole.DisplayRole)
    text = "" if value is None else str(value)
    if not text:
        return None
    font = index.data(Qt.ItemDataRole.FontRole)
    metrics = QFontMetrics(font if isinstance(font, QFont) else view.font())
    rect = view.visualRect(index)
    room = rect.width() - 8  # the cell's own margins
    if index.data(Qt.ItemDataRole.DecorationRole) is not None:
        room -= view.iconSize().width() if view.iconSize().isValid() else 16
    lines = text.splitlines() or [text]
    fits_lines = max(1, rect.height() // max(1, metrics.lineSpacing()))
    if len(lines) > fits_lines or any(metrics.horizontalAdvance(line) > room for line in lines):
        return text
    return None


def _own_tooltip(index: QModelIndex) -> bool:
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    return tip is not None and str(tip) != str(index.data(Qt.ItemDataRole.DisplayRole))


class _ViewKeys(QObject):
    """Enter opens the current row; a cut-short cell shows its full text as a tooltip."""

    def __init__(self, view: QAbstractItemView, open_row):
        super().__init__(view)
        self.view, self.open_row = view, open_row
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind == QEvent.Type.KeyPress and watched is self.view and self.open_row is not None:
            if event.key() in _RETURN_KEYS and self.view.currentIndex().isValid():
                if self.view.state() != QAbstractItemView.State.EditingState:
                    self.open_row()
                    return True
        elif kind == QEvent.Type.ToolTip and watched is self.view.viewport():
            index = self.view.indexAt(event.pos())
            if index.isValid() and not _own_tooltip(index):
                text = cell_tooltip(self.view, index)
                if text:
                    QToolTip.showText(event.globalPos(), text, self.view.viewport(), self.view.visualRect(index))
                else:
                    QToolTip.hideText()
                return True
        return False


def prepare_view(view: QAbstractItemView, open_row=None) -> QAbstractItemView:
    """A list or table that behaves like every other one: Enter calls ``open_row()`` on the current
    row, Tab moves on to the next field instead of the next cell, and cells cut short by their
    column show their full text as a tooltip (the text is elided at the right)."""
    view.setTabKeyNavigation(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    _ViewKeys(view, open_row)
    return view


class _DownToList(QObject):
    def __init__(self, edit: QLineEdit, view: QAbstractItemView):
        super().__init__(edit)
        self.view = view
        edit.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            model = self.view.model()
            if model is None:
                return False
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            focus_first_row(self.view)
            return True
        return False


def focus_first_row(view: QAbstractItemView) -> None:
    """Make sure a row is chosen in ``view`` (its current one, else the first), so Enter has one to open."""
    model = view.model()
    if model is None or model.rowCount() == 0:
        return
    current = view.currentIndex()
    if view.selectionModel().hasSelection() and current.isValid():
        return
    row = current.row() if current.isValid() else 0
    if isinstance(view, QTableView):
        view.selectRow(row)
    else:
        view.setCurrentIndex(model.index(row, 0))


def search_leads_to(edit: QLineEdit, view: QAbstractItemView) -> None:
    """Down in the search box moves to the list (onto its first row when none is current)."""
    _DownToList(edit, view)


class _CtrlTabInserts(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if (event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Tab
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier and not watched.isReadOnly()):
            watched.insertPlainText("\t")
            return True
        return False


def keyboard_friendly(dialog: QWidget, save=None) -> None:
    """The keyboard conventions of an editor dialog, applied after its widgets exist:

    - Tab leaves every notes box (Ctrl+Tab inserts a tab there);
    - Ctrl+S saves: ``save()`` when given, else the dialog's Save/OK button is clicked
      (nothing is added when the dialog already has its own Ctrl+S).
    """
    for edit in dialog.findChildren(QPlainTextEdit) + dialog.findChildren(QTextEdit):
        edit.setTabChangesFocus(True)
        if not edit.property("_ctrl_tab"):
            filter_ = _CtrlTabInserts(edit)
            edit.installEventFilter(filter_)
            edit.setProperty("_ctrl_tab", True)
    save_key = QKeySequence(QKeySequence.StandardKey.Save)
    if any(shortcut.key() == save_key for shortcut in dialog.findChildren(QShortcut)):
        return
    if save is None:
        button = _accept_button(dialog)
        if button is None:
            return
        save = button.click
    QShortcut(save_key, dialog, activated=save)


def _accept_button(dialog: QWidget) -> QPushButton | None:
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if box.buttonRole(button) in (QDialogButtonBox.ButtonRole.AcceptRole,
                                          QDialogButtonBox.ButtonRole.ApplyRole):
                return button
    return None


class OverflowToolbar(QWidget):
    """An area toolbar's buttons in a row; those that do not fit go into a » menu at its end,
    so the search box beside the row keeps its width on a small screen.

    Pages keep hiding and showing their own buttons (``setVisible``); the row tells those
    apart from the ones it moved into the menu itself.
    """

    def __init__(self, buttons: list[QWidget], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("overflow_toolbar")
        self.buttons = list(buttons)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)  # known, so the room the buttons need is counted exactly
        for button in self.buttons:
            self._layout.addWidget(button)
            button.installEventFilter(self)
        self.more_button = QToolButton()
        self.more_button.setObjectName("toolbar_more")
        self.more_button.setIcon(qta.icon("fa5s.angle-double-right", color=ICON_COLOUR))
        self.more_button.setToolTip(self.tr("More actions"))
        self.more_button.setAccessibleName(self.tr("More actions"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")  # » says it already
        self.more_menu = QMenu(self.more_button)
        self.more_menu.aboutToShow.connect(self._fill_menu)
        self.more_button.setMenu(self.more_menu)
        self._layout.addWidget(self.more_button)
        self._layout.addStretch(0)
        self.more_button.hide()
        # A button the page hid itself stays hidden; one never shown yet is wanted.
        self._wanted = {id(b): not (b.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide) and b.isHidden())
                        for b in self.buttons}
        self._overflowed: list[QWidget] = []
        self._arranging = False
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _spacing(self) -> int:
        return max(0, self._layout.spacing())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        shown = [b for b in self.buttons if self._wanted[id(b)]]
        width = sum(b.sizeHint().width() for b in shown) + self._spacing() * max(0, len(shown) - 1)
        height = max([b.sizeHint().height() for b in self.buttons] + [self.more_button.sizeHint().height()])
        return QSize(width, height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self.more_button.sizeHint().width(), self.sizeHint().height())

    def overflowed(self) -> list[QWidget]:
        """The buttons now reached through the » menu."""
        return list(self._overflowed)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if not self._arranging and event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self._wanted[id(watched)] = event.type() == QEvent.Type.ShowToParent
            QTimer.singleShot(0, self._arrange)
        return False

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        if self._arranging:
            return
        self._arranging = True
        try:
            shown = [b for b in self.buttons if self._wanted[id(b)]]
            spacing = self._spacing()
            need = sum(b.sizeHint().width() for b in shown) + spacing * max(0, len(shown) - 1)
            room = self.width()
            overflow: list[QWidget] = []
            if need > room:
                room -= self.more_button.sizeHint().width() + spacing
                used = 0
                for button in shown:
                    width = button.sizeHint().width() + (spacing if used else 0)
                    if overflow or used + width > room:
                        overflow.append(button)
                    else:
                        used += width
            for button in self.buttons:
                button.setVisible(self._wanted[id(button)] and button not in overflow)
            self._overflowed = overflow
            self.more_button.setVisible(bool(overflow))
            self.updateGeometry()
        finally:
            self._arranging = False

    def _fill_menu(self) -> None:
        self.more_menu.clear()
        for button in self._overflowed:
            text = button.text() or button.toolTip()
            menu = button.menu() if isinstance(button, QToolButton) else None
            if menu is not None:
                sub = self.more_menu.addMenu(button.icon(), text)
                for action in menu.actions():
                    sub.addAction(action)
                sub.setEnabled(button.isEnabled())
                continue
            action = self.more_menu.addAction(button.icon(), text, button.click)
            action.setEnabled(button.isEnabled())
            if button.isCheckable():
                action.setCheckable(True)
                action.setChecked(button.isChecked())
