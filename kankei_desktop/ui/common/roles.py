"""Item-data roles the areas share, so a page reads the id of any row of any table one way."""

from __future__ import annotations

from PySide6.QtCore import Qt

RowIdRole = Qt.ItemDataRole.UserRole + 1  # the record id of a row (participant, host, letter…)
PersonIdRole = Qt.ItemDataRole.UserRole + 2  # the participant a row is about, where that is another record
