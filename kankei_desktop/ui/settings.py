"""Per-user program settings (not per database), each declared once.

Settings that belong to a coordinator file (organisation name, thresholds)
live in the database's ``setting`` table instead, through services.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings

from kankei_desktop.paths import ORGANISATION


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any


LANGUAGE = Option("ui/language", str, "ja")  # "ja" or "en"
LAST_DATABASE = Option("files/last_database", str, "")


def qsettings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, "KankeiDesktop")


def get(option: Option) -> Any:
    return qsettings().value(option.key, option.default, type=option.type)


def put(option: Option, value: Any) -> None:
    qsettings().setValue(option.key, value)
