"""The Qt half of ``kankei-desktop selftest``: the main window, every area, fonts, translations.

Qt settings are pointed at the self-test's throw-away folder before the first
``QSettings`` is made, so the window geometry it saves never lands in the
coordinator's own settings.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from kankei_desktop.store import Database

Check = Callable[[str, bool, str], bool]

_JAPANESE_TITLE = "関係人口デスク"


def _isolate_settings(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))


def _application(settings_dir: Path) -> QApplication:
    _isolate_settings(settings_dir)
    from kankei_desktop.ui.app import make_application

    return make_application([sys.argv[0] if sys.argv else "kankei-desktop"])


def _check_text(app: QApplication, check: Check) -> None:
    from kankei_desktop.paths import font_paths
    from kankei_desktop.ui.translation import install_translations

    loaded = install_translations(app, "ja")
    qt_own = [name for name in loaded if Path(name).name == "qtbase_ja.qm"]
    ours = [name for name in loaded if Path(name).name != "qtbase_ja.qm"]
    check("Qt 標準部品の日本語訳（qtbase_ja）", bool(qt_own),
          qt_own[0] if qt_own else "qtbase_ja.qm が見つかりません（「キャンセル」などが英語のままになります）。")
    check("画面の日本語訳の読み込み", bool(ours), f"{len(ours)} 個" if ours else "翻訳ファイルを読み込めません。")
    family = app.font().family()
    registered = "BIZ UDPGothic" in QFontDatabase.families()
    check("画面の日本語フォント", registered and family == "BIZ UDPGothic",
          family if registered else f"BIZ UDPGothic を登録できません（{font_paths()['regular']}）。")


def check_main_window(database: Database, settings_dir: Path, check: Check) -> None:
    """Open the main window offscreen and show each area in turn, catching what goes wrong."""
    app = _application(settings_dir)
    _check_text(app, check)

    from kankei_desktop.ui.app import organisation_name
    from kankei_desktop.ui.main_window import MainWindow

    errors: list[str] = []
    previous_hook = sys.excepthook

    def collect(kind, value, _traceback) -> None:
        # Exceptions raised inside Qt slots and overrides come here instead of stopping the run.
        errors.append(f"{kind.__name__}: {value}")

    sys.excepthook = collect
    window = None
    try:
        try:
            window = MainWindow(database, organisation_name(database))
            window.show()
            app.processEvents()
        except Exception as error:  # noqa: BLE001
            check("メイン画面", False, f"{type(error).__name__}: {error}")
            return
        title_ok = window.windowTitle().startswith(_JAPANESE_TITLE)
        check("メイン画面", window.isVisible() and title_ok and not errors,
              "; ".join(errors) or (window.windowTitle() if title_ok else f"題名が日本語ではありません: {window.windowTitle()}"))
        icon = window.windowIcon()
        check("アイコン（qtawesome）", not icon.isNull(), "表示できます" if not icon.isNull() else "アイコンを描けません。")
        for key, page in list(window.pages.items()):
            errors.clear()
            title = page.area_title()
            try:
                window.show_area(key)
                app.processEvents()
                picture = page.grab()
                app.processEvents()
            except Exception as error:  # noqa: BLE001
                errors.append(f"{type(error).__name__}: {error}")
                picture = None
            ok = not errors and window.current_page() is page and picture is not None and not picture.isNull()
            check(f"画面「{title}」（{key}）", ok, "; ".join(errors) or f"{picture.width()}×{picture.height()} 表示")
    finally:
        sys.excepthook = previous_hook
        if window is not None:
            window.close()
            window.deleteLater()
            app.processEvents()


def show_first_window(db: Path | None, fresh: Path, settings_dir: Path, started: float,
                      shown: Callable[[float | None], object]) -> None:
    """Start as ``kankei-desktop`` does; ``shown`` gets the seconds from ``started`` to the window on screen.

    ``shown`` is called before the window closes, so a caller timing the whole
    process from outside can stop its clock at the line it prints.
    """
    app = _application(settings_dir)
    from kankei_desktop.store import create_database
    from kankei_desktop.ui.app import open_for_gui, organisation_name
    from kankei_desktop.ui.main_window import MainWindow

    database = open_for_gui(db, demo=False) if db is not None else create_database(fresh)
    try:
        window = MainWindow(database, organisation_name(database))
        window.show()
        app.processEvents()
        shown(time.perf_counter() - started if window.isVisible() else None)
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        database.close()
