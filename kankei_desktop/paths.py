"""Where the program's own files and the user's data live.

One place answers both questions, from the source tree and from a PyInstaller
bundle alike (``sys._MEIPASS``), so no other module guesses at paths.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from kankei_desktop import APP_NAME

ORGANISATION = "KankeiDesktop"


def program_root() -> Path:
    """The folder holding ``resources/``, ``translations/`` and ``forms/``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return program_root().joinpath("resources", *parts)


def translations_dir() -> Path:
    return program_root() / "translations"


def font_paths() -> dict[str, Path]:
    """The bundled Japanese TrueType faces (BIZ UDPGothic, SIL OFL)."""
    return {
        "regular": resource_path("fonts", "BIZUDPGothic-Regular.ttf"),
        "bold": resource_path("fonts", "BIZUDPGothic-Bold.ttf"),
    }


def user_data_dir() -> Path:
    """The per-user *local* data folder (never roaming, Documents or Program Files).

    ``KANKEI_DESKTOP_DATA_DIR`` overrides it, for tests and portable setups.
    """
    override = os.environ.get("KANKEI_DESKTOP_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, ORGANISATION, roaming=False))


def default_database_path() -> Path:
    return user_data_dir() / "kankei.sqlite3"


def log_dir() -> Path:
    return user_data_dir() / "logs"
