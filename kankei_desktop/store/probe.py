"""Looking at a file without changing it: is it ours, sound, and of which schema.

Uses a read-only sqlite3 connection (``mode=ro``) so that checking a file never
switches its journal mode, creates a -wal or touches a byte of it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from kankei_desktop.domain.errors import StoreError
from kankei_desktop.store import migrations

SQLITE_HEADER = b"SQLite format 3\x00"
# The two magic numbers a write-ahead log starts with (big- and little-endian checksums).
WAL_MAGICS = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
# sqlite3 errors that mean the bytes are bad, as opposed to "busy" or "cannot open".
DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "disk image")


@dataclass
class ProbeReport:
    path: Path
    problems: list[str] = field(default_factory=list)
    schema_revision: str | None = None
    is_newer: bool = False
    person_count: int | None = None
    # True when the file looks like a coordinator file whose bytes are broken
    # (damaged page or header, zero bytes, stale WAL): it is moved aside on
    # open and a backup is offered. A foreign file is *not* damaged.
    damaged: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def raise_if_unusable(self) -> None:
        if self.problems:
            raise StoreError(self.problems[0])


def _readonly(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def probe_file(path: Path, *, full: bool = False, pages: bool = True) -> ProbeReport:
    """Quick (or with ``full``, complete) check of a coordinator file.

    The quick check is ``quick_check``; the full one ``integrity_check`` and
    ``foreign_key_check``. ``pages=False`` skips the page check (seconds on a
    large file): header, WAL and schema only, for an open whose page check
    runs in the background (the verified start-up backup).
    """
    report = ProbeReport(path)
    if not path.exists():
        report.problems.append(f"ファイル「{path}」がありません。")
        return report
    if path.is_dir():
        report.problems.append(f"「{path}」はフォルダーです。データベースファイルを指定してください。")
        return report
    size = path.stat().st_size
    if size == 0:
        report.damaged = True
        report.problems.append(f"「{path}」は空（0 バイト）のファイルです。中身が失われています。バックアップから復元してください。")
        return report
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_HEADER):
        if _looks_like_damaged_header(header, size, path):
            report.damaged = True
            report.problems.append(f"「{path}」はファイルの先頭（ヘッダー）が壊れています。バックアップから復元してください。")
        else:
            report.problems.append(f"「{path}」は SQLite データベースではありません（ファイルの先頭が違います）。")
        return report
    if len(header) < 100:
        report.damaged = True
        report.problems.append(f"「{path}」は途中で切れています（ヘッダーが不完全です）。")
        return report
    wal_problem = _wal_problem(path)
    if wal_problem:
        report.damaged = True
        report.problems.append(wal_problem)
        return report
    try:
        connection = _readonly(path)
        try:
            pragma = "integrity_check" if full else "quick_check"
            rows = [r[0] for r in connection.execute(f"PRAGMA {pragma}").fetchall()] if pages or full else ["ok"]
            if rows != ["ok"]:
                report.damaged = True
                report.problems.append(
                    f"「{path}」は破損しています（{pragma}: {'; '.join(rows[:3])}）。バックアップから復元してください。"
                )
                return report
            # foreign_key_check reads every referencing table (seconds at 100,000 persons):
            # part of the full check (after a crash, `check --full`), not of every open.
            fk = connection.execute("PRAGMA foreign_key_check").fetchall() if full else []
            if fk:
                report.problems.append(f"「{path}」に参照の壊れた行が {len(fk)} 件あります（foreign_key_check）。")
            report.schema_revision = _revision(connection)
            if report.schema_revision is None:
                report.problems.append(f"「{path}」は関係人口デスクのデータベースではありません（スキーマの版がありません）。")
            elif report.schema_revision not in migrations.known_revisions():
                report.is_newer = True
                report.problems.append(
                    f"「{path}」はこのプログラムより新しい版の関係人口デスクで作成されています"
                    f"（スキーマ {report.schema_revision}）。ファイルは変更していません。最新版に更新してから開いてください。"
                )
            else:
                report.person_count = connection.execute(
                    "SELECT count(*) FROM person WHERE deleted_at IS NULL"
                ).fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        if any(word in str(exc) for word in DAMAGE_WORDS):
            report.damaged = True
        report.problems.append(f"「{path}」を読めません（{exc}）。壊れているか、SQLite のファイルではありません。")
    return report


def _looks_like_damaged_header(header: bytes, size: int, path: Path | None = None) -> bool:
    """A SQLite file whose first bytes were overwritten, rather than some other kind of file.

    Pages are whole multiples of 512 bytes and every page after the first
    starts with a b-tree type byte (or zero for free and overflow pages); a
    foreign file of that size almost never passes that on its first pages.
    """
    if size < 1024 or size % 512:
        return False
    if not header.strip(b"\x00"):
        return True
    if path is None:
        return False
    page_types = {0x00, 0x02, 0x05, 0x0A, 0x0D}
    with path.open("rb") as handle:
        for page_size in (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512):
            pages = size // page_size
            if size % page_size or pages < 3:
                continue
            firsts = []
            for number in range(1, min(pages, 9)):
                handle.seek(number * page_size)
                firsts.append(handle.read(1)[0])
            if all(byte in page_types for byte in firsts) and any(byte for byte in firsts):
                return True
    return False


def _wal_problem(path: Path) -> str | None:
    """A -wal that cannot belong to this file (bad magic): replaying it would be a guess."""
    wal = Path(f"{path}-wal")
    if not wal.is_file() or wal.stat().st_size == 0:
        return None
    with wal.open("rb") as handle:
        wal_header = handle.read(32)
    with path.open("rb") as handle:
        db_header = handle.read(18)
    db_page = int.from_bytes(db_header[16:18], "big")
    db_page = 65536 if db_page == 1 else db_page
    if len(wal_header) < 32 or wal_header[:4] not in WAL_MAGICS:
        return f"「{wal}」（書きかけの変更の記録）が壊れています。バックアップから復元してください。"
    if int.from_bytes(wal_header[8:12], "big") != db_page:
        return (
            f"「{wal}」（書きかけの変更の記録）は別のファイルのものです（ページの大きさが違います）。"
            "バックアップから復元してください。"
        )
    return None


def _revision(connection: sqlite3.Connection) -> str | None:
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None
