"""One setting on the 設定 page: its input, and the message shown under it when refused."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from kankei_desktop.services.settings_store import Declared
from kankei_desktop.ui.common import ERROR_COLOUR, error_label, set_error

# The red outline is drawn by a frame around the input: styling a QSpinBox itself makes Qt
# draw its arrows in a plain fallback look. The transparent border keeps the layout still.
OUTLINE_STYLE = "QFrame#outline {{ border: 2px solid {}; border-radius: 3px; }}"


class SettingField(QWidget):
    """A line edit or a day-count spin box over one declared setting, with its error line."""

    edited = Signal()

    def __init__(self, declared: Declared, editor: QLineEdit | QSpinBox, parent: QWidget | None = None,
                 beside: QWidget | None = None):
        super().__init__(parent)
        self.declared = declared
        self.editor = editor
        editor.setObjectName(f"{declared.key}_edit")
        if isinstance(editor, QSpinBox):
            editor.valueChanged.connect(self.edited)
        else:
            editor.textEdited.connect(self.edited)
        self.error_label = error_label(f"{declared.key}_error", hidden=True)
        self.outline = QFrame()
        self.outline.setObjectName("outline")
        self.outline.setStyleSheet(OUTLINE_STYLE.format("transparent"))
        outline_layout = QVBoxLayout(self.outline)
        outline_layout.setContentsMargins(2, 2, 2, 2)
        outline_layout.addWidget(editor)
        if editor.maximumWidth() < 10_000:
            self.outline.setMaximumWidth(editor.maximumWidth() + 4)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.outline, 1 if self.outline.maximumWidth() >= 10_000 else 0)
        if beside is not None:
            row.addWidget(beside)
        if self.outline.maximumWidth() < 10_000:
            row.addStretch(1)  # a short input stays short; its message still gets the whole width
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(row)
        layout.addWidget(self.error_label)

    @classmethod
    def text(cls, declared: Declared, placeholder: str = "", max_length: int = 200,
             width: int | None = None, beside: QWidget | None = None) -> SettingField:
        edit = QLineEdit()
        edit.setMaxLength(max_length)
        edit.setPlaceholderText(placeholder)
        if width:
            edit.setMaximumWidth(width)
        return cls(declared, edit, beside=beside)

    @classmethod
    def days(cls, declared: Declared, minimum: int, maximum: int, suffix: str) -> SettingField:
        spin = QSpinBox()
        spin.setRange(minimum, maximum)
        spin.setSuffix(suffix)
        spin.setMinimumWidth(110)
        spin.setMaximumWidth(140)
        return cls(declared, spin)

    def value(self) -> Any:
        if isinstance(self.editor, QSpinBox):
            return self.editor.value()
        return self.editor.text()

    def set_value(self, value: Any) -> None:
        if isinstance(self.editor, QSpinBox):
            self.editor.setValue(int(value))
        else:
            self.editor.setText("" if value is None else str(value))

    def show_error(self, message: str) -> None:
        set_error(self.error_label, message)
        self.outline.setStyleSheet(OUTLINE_STYLE.format(ERROR_COLOUR if message else "transparent"))
