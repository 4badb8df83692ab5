"""What the exchange page's parts share: the folder offered for files, and the table cells."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QStorageInfo
from PySide6.QtWidgets import (
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
)

from kankei_desktop.ui.common import RowIdRole as IdRole
from kankei_desktop.ui.common import setup_table
from kankei_desktop.ui.widgets import prepare_view
from kankei_desktop.ui.words import english, shown_label


def removable_folder() -> Path | None:
    """The first mounted removable-looking drive (a USB stick), or None.

    Qt does not say which volumes are removable; a writable, ready volume other than the system
    drive (Windows) or one mounted under /media, /run/media or /Volumes is taken for one."""
    system = (os.environ.get("SystemDrive", "C:") + "\\").upper()
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        root = volume.rootPath()
        if sys.platform == "win32":
            if root.upper().replace("/", "\\") != system and not bytes(volume.fileSystemType()).startswith(b"NTFS"):
                return Path(root)
        elif root.startswith(("/media/", "/run/media/", "/Volumes/")):
            return Path(root)
    return None


def default_folder() -> Path:
    return removable_folder() or Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def when_text(value) -> str:
    """2026/12/04 10:30 from a datetime or an ISO text."""
    if isinstance(value, datetime):
        return value.strftime("%Y/%m/%d %H:%M")
    text = str(value or "")
    return text[:16].replace("-", "/").replace("T", " ")


def value_text(value) -> str:
    if value is None or value == "":
        return "—"
    text = str(value)
    if len(text) >= 10 and text[4] == "-" and text[7] == "-" and text[:4].isdigit():
        return when_text(text)
    return text


def field_text(view) -> str:
    """The field's Japanese label, or in English mode its column name (phone, deleted at…)."""
    if english():
        label = shown_label(view.field_label)
        return label if label != view.field_label else view.field.replace("_", " ").capitalize()
    return view.field_label


def exchange_table(columns: list[str], name: str) -> QTableWidget:
    view = QTableWidget(0, len(columns))
    view.setObjectName(name)
    view.setHorizontalHeaderLabels(columns)
    setup_table(view, resize=QHeaderView.ResizeMode.ResizeToContents)
    prepare_view(view)
    return view


def cell(text, data=None) -> QTableWidgetItem:
    item = QTableWidgetItem(str(text))
    if data is not None:
        item.setData(IdRole, data)
    return item
