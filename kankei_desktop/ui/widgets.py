"""Small widgets every area builds the same way."""

from __future__ import annotations

from kankei_desktop.ui import icons as qta
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

ICON_COLOUR = "#2d3748"


def tool_button(icon: str, text: str, tip: str = "") -> QToolButton:
    """An area-toolbar button: a qtawesome icon with its label beside it."""
    button = QToolButton()
    button.setIcon(qta.icon(icon, color=ICON_COLOUR))
    button.setText(text)
    button.setToolTip(tip or text)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    return button
