"""`selftest` runs as the real command in a subprocess: all OK here, and a clear NG
naming what is missing when the temporary folder or the bundled font is gone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kankei_desktop

pytestmark = pytest.mark.sqlite_only  # the self-test works in a temporary folder of its own, on a file

SOURCE_ROOT = Path(kankei_desktop.__file__).resolve().parent.parent


def run_selftest(*args, env_changes: dict[str, str] | None = None, cwd=None):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("TMPDIR", "TEMP", "TMP"):
        env.pop(name, None)
    env.update(env_changes or {})
    return subprocess.run(
        [sys.executable, "-m", "kankei_desktop", "selftest", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=cwd, timeout=300,
    )


def test_selftest_checks_everything_and_leaves_nothing_behind(tmp_path):
    temp = tmp_path / "temp"
    temp.mkdir()
    user_data = tmp_path / "user-data"
    result = run_selftest(env_changes={"TMPDIR": str(temp), "KANKEI_DESKTOP_DATA_DIR": str(user_data)})
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert not [line for line in lines if line.startswith("[NG]")]
    for expected in ("日本語フォント（標準）", "データベースの移行スクリプト", "郵便番号データ", "電話番号の区切り",
                     "デモデータの読み込み", "PostgreSQL ドライバー",
                     "Qt 標準部品の日本語訳", "メイン画面", "宛名ラベル PDFの日本語フォント埋め込み"):
        assert any(line.startswith("[OK] " + expected) for line in lines), expected
    # Every area of the main window was visited.
    from kankei_desktop.ui.main_window import AREAS

    visited = [line for line in lines if line.startswith("[OK] 画面「")]
    assert len(visited) == len(AREAS), visited
    assert "すべて OK" in result.stdout
    # The throw-away folder is gone and the user's own data folder was never made.
    assert list(temp.iterdir()) == []
    assert not user_data.exists()


def test_startup_only_with_keep_leaves_its_database_in_the_work_folder(tmp_path):
    result = run_selftest("--startup-only", "--work-dir", tmp_path, "--keep")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[OK] メイン画面の表示: コマンド開始から " in result.stdout
    (work,) = tmp_path.glob("kankei-selftest-*")
    assert (work / "startup.sqlite3").is_file()
    assert f"作業用フォルダーを残しました: {work}" in result.stdout


def test_a_missing_temporary_folder_is_named_and_fails(tmp_path):
    missing = tmp_path / "no-such-temp"
    result = run_selftest(env_changes={"TMPDIR": str(missing)})
    assert result.returncode != 0
    assert f"[NG] 一時フォルダー: 「{missing}」がありません。" in result.stdout
    assert "--work-dir" in result.stdout and "NG 1 件" in result.stderr
    assert not missing.exists()


def test_a_temporary_folder_that_is_a_file_fails(tmp_path):
    not_a_folder = tmp_path / "temp-is-a-file"
    not_a_folder.write_text("x")
    result = run_selftest("--work-dir", not_a_folder)
    assert result.returncode != 0
    assert f"[NG] 作業用フォルダー: 「{not_a_folder}」がありません。" in result.stdout


def _copy_program_without(root: Path, missing_font: str) -> None:
    """A copy of the program as installed, one font file short."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(SOURCE_ROOT / "kankei_desktop", root / "kankei_desktop", ignore=ignore)
    shutil.copytree(SOURCE_ROOT / "translations", root / "translations", ignore=shutil.ignore_patterns("*.ts"))
    shutil.copytree(SOURCE_ROOT / "resources", root / "resources",
                    ignore=shutil.ignore_patterns(missing_font))


def test_a_missing_font_is_named_and_fails(tmp_path):
    root = tmp_path / "program"
    _copy_program_without(root, "BIZUDPGothic-Regular.ttf")
    # Python puts the working folder first on the path for `-m`: the copy is what runs.
    result = run_selftest(env_changes={"PYTHONPATH": str(root)}, cwd=root)
    assert f"プログラムの場所: {root}" in result.stdout, result.stdout + result.stderr
    assert result.returncode == 1
    missing = root / "resources" / "fonts" / "BIZUDPGothic-Regular.ttf"
    assert f"[NG] 日本語フォント（標準）: フォントファイル「{missing}」がありません。" in result.stdout
    assert "[OK] 日本語フォント（太字）" in result.stdout
    # The PDF cannot be made without it either, and the summary says what failed.
    assert "[NG] 宛名ラベル PDF" in result.stdout
    assert "日本語フォント（標準）" in result.stderr
