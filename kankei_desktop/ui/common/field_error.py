"""What is wrong with a form, shown one way: a red line of words under it, a red border on the field.

The words say it (a screen reader reads the label); the colour only repeats it, so status is
never shown by colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

ERROR_COLOUR = "#c53030"
ERROR_TEXT_STYLE = f"color: {ERROR_COLOUR};"
ERROR_STRONG_STYLE = f"color: {ERROR_COLOUR}; font-weight: bold;"  # a message that must not be missed
ERROR_FIELD_STYLE = f"border: 2px solid {ERROR_COLOUR};"

_HIDE_WHEN_EMPTY = "hide_when_empty"


def error_label(name: str = "", *, hidden: bool = False, strong: bool = False,
                selectable: bool = False) -> QLabel:
    """A word-wrapped red label for a form's error message.

    ``hidden``: the label takes no room until there is a message (``set_error`` shows and hides it);
    ``strong``: bold; ``selectable``: the text can be chosen with the mouse and copied.
    """
    label = QLabel()
    if name:
        label.setObjectName(name)
    return style_error_label(label, hidden=hidden, strong=strong, selectable=selectable)


def style_error_label(label: QLabel, *, hidden: bool = False, strong: bool = False,
                      selectable: bool = False) -> QLabel:
    """Make an existing label (one from a Designer form) the form's error label, as ``error_label`` does."""
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STRONG_STYLE if strong else ERROR_TEXT_STYLE)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if hidden:
        label.setProperty(_HIDE_WHEN_EMPTY, True)
        label.hide()
    return label


def set_error(label: QLabel, message: str) -> None:
    """Say ``message`` in ``label``; an empty message clears it (and hides a ``hidden`` label)."""
    label.setText(message)
    if label.property(_HIDE_WHEN_EMPTY):
        label.setVisible(bool(message))


def mark_field(widget: QWidget, wrong: bool | str) -> None:
    """A red border around a field that was refused (its message is in the form's error label)."""
    widget.setStyleSheet(ERROR_FIELD_STYLE if wrong else "")
