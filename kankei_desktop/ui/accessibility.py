"""What a screen reader and the keyboard need from every screen (issue 17 item 4).

- ``link_labels(root)``: every label of a form row (``QFormLayout``) becomes the buddy of the
  field beside it (Alt+its letter, and a screen reader reads the label with the field); the
  field gets the label's text as its accessible name when it has none.
- ``name_icon_buttons(root)``: a button with an icon and no text is named by its tooltip.
- ``contrast(foreground, background)``: the WCAG contrast ratio of two colours.
- ``STATUS_SYMBOLS``: the stay/enrollment status written as a symbol too, never by colour alone.
- ``install()``: both of the first for every dialog when it is first shown (the window calls it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton, QDialog, QFormLayout, QLabel, QLayout, QLineEdit, QWidget

#: Marks drawn before a stay's title in the timeline, the month view and the board.
STATUS_SYMBOLS = {"予定": "○", "確定": "●", "実施済": "✓", "中止": "×"}


def status_mark(status: str) -> str:
    """「●確定」: the symbol and the word, so the status never rests on colour alone."""
    symbol = STATUS_SYMBOLS.get(status, "")
    return f"{symbol}{status}" if status else ""


def _relative_luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast(foreground: str | QColor, background: str | QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21 (text needs 4.5)."""
    first, second = (_relative_luminance(QColor(c)) for c in (foreground, background))
    light, dark = max(first, second), min(first, second)
    return (light + 0.05) / (dark + 0.05)


def _takes_focus(widget: QWidget) -> bool:
    return widget.focusPolicy() != Qt.FocusPolicy.NoFocus and not isinstance(widget, QLabel)


def focus_target(item: QWidget | QLayout | None) -> QWidget | None:
    """The widget that should get the focus for a form field: the field itself, its focus
    proxy, or the first focusable widget inside it."""
    if item is None:
        return None
    if isinstance(item, QLayout):
        for index in range(item.count()):
            child = item.itemAt(index)
            found = focus_target(child.widget() or child.layout())
            if found is not None:
                return found
        return None
    if item.focusProxy() is not None:
        return focus_target(item.focusProxy())
    if isinstance(item, QLabel):
        return item  # a value shown read-only: linked so a screen reader reads label and value together
    if _takes_focus(item):
        return item
    for child in item.findChildren(QWidget):
        if _takes_focus(child) and not child.isHidden():
            return child
    return None


def _label_text(label: QLabel) -> str:
    return label.text().replace("&", "").rstrip(":：").strip()


def link_labels(root: QWidget) -> int:
    """Link every form-row label under ``root`` to its field; returns how many rows were linked."""
    linked = 0
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label_item is None or field_item is None:
                continue
            label = label_item.widget()
            if not isinstance(label, QLabel):
                continue
            target = focus_target(field_item.widget() or field_item.layout())
            if target is None:
                continue
            if label.buddy() is not target:
                label.setBuddy(target)
            if not target.accessibleName():
                target.setAccessibleName(_label_text(label))
            linked += 1
    return linked


def name_icon_buttons(root: QWidget) -> int:
    """Give every icon-only button under ``root`` its tooltip as accessible name."""
    named = 0
    for button in root.findChildren(QAbstractButton):
        if not button.text().strip() and not button.accessibleName():
            if isinstance(button.parent(), QLineEdit) and not button.toolTip():
                button.setToolTip(QCoreApplication.translate("Accessibility", "Clear"))  # its ✕ button
            tip = button.toolTip().strip()
            if tip:
                button.setAccessibleName(tip)
                named += 1
    return named


class _DialogFilter(QObject):
    """Links labels and names icon buttons of every dialog the first time it is shown."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog) and not watched.property("_a11y"):
            watched.setProperty("_a11y", True)
            link_labels(watched)
            name_icon_buttons(watched)
        return False


_filter: _DialogFilter | None = None


def install() -> None:
    """Apply ``link_labels`` and ``name_icon_buttons`` to every dialog of the application."""
    global _filter
    app = QCoreApplication.instance()
    if app is None or _filter is not None:
        return
    _filter = _DialogFilter(app)
    app.installEventFilter(_filter)
