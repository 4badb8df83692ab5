"""The Qt binding must not corrupt Python: guards the PySide6 pin in pyproject.toml."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel

pytestmark = pytest.mark.gui


def test_void_qt_calls_leave_none_alone(qapp):
    label, rect = QLabel(), QRect()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        rect.setWidth(3)
    # 6.12.0 dropped one reference per call (4,000 here) and aborted Python 3.11 in long sessions.
    assert abs(sys.getrefcount(None) - before) < 100
