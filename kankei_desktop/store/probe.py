"""Looking at a file without changing it: is it ours, sound, and of which schema.

Uses a read-only sqlite3 connection (``mode=ro``) so that checking a file never
switches its journal mode, creates a -wal or touches a byte of it.
"""

from __future__ import annotations

import errno
import shutil
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
WAL_FORMAT_VERSION = 3007000
# Where a coordinator file keeps its identity: the header's user_version (bytes 60-63), a random
# number given at creation (``store.database.ensure_identity``). Every copy of page 1 in a -wal
# carries it, so a -wal whose page 1 names another number was written for another file.
IDENTITY_OFFSET = 60
# SQLite result codes (``sqlite3.Error.sqlite_errorcode``, primary code in the low byte).
SQLITE_IOERR, SQLITE_FULL = 10, 13


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
    # The -wal beside the file was written for another file (``damaged`` is set too):
    # the file itself may be sound, but nothing may read it through that log.
    foreign_wal: bool = False
    # The disk (or the folder's quota) is full: nothing could be checked, nothing is wrong.
    disk_full: bool = False

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
    if _bytes_refused(path, report):
        return report
    try:
        connection = _readonly(path)
        try:
            _check_contents(connection, path, report, full=full, pages=pages)
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        _note_sqlite_error(path, report, exc)
    return report


def _bytes_refused(path: Path, report: ProbeReport) -> bool:
    """Whether the file is refused by its bytes alone (missing, a folder, empty, not SQLite, cut short,
    a -wal that is not its own), the problem noted in ``report``. Looked at before SQLite opens the
    file: SQLite would replay a foreign -wal into it."""
    if not path.exists():
        report.problems.append(f"ファイル「{path}」がありません。")
        return True
    if path.is_dir():
        report.problems.append(f"「{path}」はフォルダーです。データベースファイルを指定してください。")
        return True
    size = path.stat().st_size
    if size == 0:
        report.damaged = True
        report.problems.append(f"「{path}」は空（0 バイト）のファイルです。中身が失われています。バックアップから復元してください。")
        return True
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_HEADER):
        if _looks_like_damaged_header(header, size, path):
            report.damaged = True
            report.problems.append(f"「{path}」はファイルの先頭（ヘッダー）が壊れています。バックアップから復元してください。")
        else:
            report.problems.append(f"「{path}」は SQLite データベースではありません（ファイルの先頭が違います）。")
        return True
    if len(header) < 100:
        report.damaged = True
        report.problems.append(f"「{path}」は途中で切れています（ヘッダーが不完全です）。")
        return True
    wal_problem, foreign = _wal_problem(path)
    if wal_problem:
        report.damaged = True
        report.foreign_wal = foreign
        report.problems.append(wal_problem)
        return True
    return False


def _check_contents(connection: sqlite3.Connection, path: Path, report: ProbeReport, *, full: bool,
                    pages: bool) -> None:
    """The pages (unless skipped), the references (full only), then whose file of which schema."""
    pragma = "integrity_check" if full else "quick_check"
    rows = [r[0] for r in connection.execute(f"PRAGMA {pragma}").fetchall()] if pages or full else ["ok"]
    if rows != ["ok"]:
        report.damaged = True
        log = f"（または横にある「{path.name}-wal」）" if _wal_has_frames(path) else ""
        report.problems.append(
            f"「{path}」{log}は破損しています（{pragma}: {_one_line(rows[:3])}）。バックアップから復元してください。"
        )
        return
    # foreign_key_check reads every referencing table (seconds at 100,000 persons):
    # part of the full check (after a crash, `check --full`), not of every open.
    fk = connection.execute("PRAGMA foreign_key_check").fetchall() if full else []
    if fk:
        report.problems.append(f"「{path}」に参照の壊れた行が {len(fk)} 件あります（foreign_key_check）。")
    _check_schema(connection, path, report)


def _check_schema(connection: sqlite3.Connection, path: Path, report: ProbeReport) -> None:
    """Ours (an alembic revision), and one this program knows: a newer program's file is left alone."""
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


def _note_sqlite_error(path: Path, report: ProbeReport, exc: sqlite3.DatabaseError) -> None:
    """SQLite's refusal in words: a full disk (nothing is wrong with the file), damage, or unreadable."""
    if disk_is_full(path, exc):
        report.disk_full = True
        report.problems.append(disk_full_message(path))
    elif any(word in str(exc) for word in DAMAGE_WORDS):
        report.damaged = True
        report.problems.append(f"「{path}」は破損しています（{exc}）。バックアップから復元してください。")
    else:
        report.problems.append(f"「{path}」を読めません（{exc}）。壊れているか、SQLite のファイルではありません。")


# Below this many free bytes a read-only open may already fail: SQLite needs a 32 KB -shm
# (the WAL index) beside a WAL-mode file, and a temporary file for sorting.
_ROOM_TO_READ = 256 * 1024


def free_bytes(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def disk_is_full(path: Path, exc: BaseException) -> bool:
    """Whether ``exc`` (an ``OSError`` or ``sqlite3.Error``) came from a full disk.

    ENOSPC / EDQUOT and SQLITE_FULL say so themselves. SQLite reports a -shm it
    could not grow as a plain I/O error, so an I/O error with (almost) no room
    left in the folder counts too; any other error is left to the caller.
    """
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == SQLITE_FULL or "database or disk is full" in str(exc):
        return True
    if primary == SQLITE_IOERR or "disk I/O error" in str(exc):
        free = free_bytes(Path(path).parent)
        return free is not None and free < _ROOM_TO_READ
    return False


def disk_full_message(path: Path) -> str:
    free = free_bytes(Path(path).parent)
    room = "" if free is None else f"（空き {free:,} バイト）"
    return (
        f"「{Path(path).parent}」のドライブに空きがありません{room}。データベースは壊れていません（この操作では変更していません）。"
        "不要なファイルを削除するなどして空きを作ってから、もう一度やり直してください。"
    )


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


def _one_line(rows: list[str]) -> str:
    return "; ".join(" ".join(str(row).split()) for row in rows)


def file_identity(path: Path) -> int:
    """The identity number in a file's header (0: none given yet)."""
    with Path(path).open("rb") as handle:
        header = handle.read(IDENTITY_OFFSET + 4)
    return int.from_bytes(header[IDENTITY_OFFSET:IDENTITY_OFFSET + 4], "big") if len(header) >= 64 else 0


@dataclass
class WalSummary:
    """What SQLite would replay from a -wal: its committed frames of the current generation."""

    page_size: int
    committed_frames: int = 0
    # The identity number in each committed copy of page 1, in log order.
    page_one_identities: list[int] = field(default_factory=list)


def read_wal(wal: Path) -> WalSummary | None:
    """Walk a -wal the way SQLite's recovery does, without the checksums; None if it is not a WAL.

    A frame belongs to the log's current generation when its two salts equal the
    header's (older generations' frames keep old salts and are never replayed);
    the frames that count end at the last commit frame (database size != 0).
    """
    size = wal.stat().st_size
    with wal.open("rb") as handle:
        header = handle.read(32)
        if len(header) < 32 or header[:4] not in WAL_MAGICS:
            return None
        if int.from_bytes(header[4:8], "big") != WAL_FORMAT_VERSION:
            return None
        page_size = int.from_bytes(header[8:12], "big")
        if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
            return None
        salts = header[16:24]
        summary = WalSummary(page_size)
        frames = 0
        identities: list[int] = []
        while True:
            frame = handle.read(24)
            if len(frame) < 24 or frame[8:16] != salts:
                break
            page_number = int.from_bytes(frame[0:4], "big")
            if page_number == 1:
                page_head = handle.read(IDENTITY_OFFSET + 4)
                if len(page_head) < IDENTITY_OFFSET + 4:
                    break
                identities.append(int.from_bytes(page_head[IDENTITY_OFFSET:], "big"))
                handle.seek(page_size - len(page_head), 1)
            else:
                handle.seek(page_size, 1)
            if handle.tell() > size:
                break  # a frame cut short: never replayed
            frames += 1
            if int.from_bytes(frame[4:8], "big"):  # a commit frame: everything so far counts
                summary.committed_frames = frames
                summary.page_one_identities = list(identities)
    return summary


def _wal_has_frames(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    try:
        summary = read_wal(wal) if wal.is_file() and wal.stat().st_size else None
    except OSError:
        return False
    return bool(summary and summary.committed_frames)


def _wal_problem(path: Path) -> tuple[str | None, bool]:
    """A -wal that cannot belong to this file: (the message, whether it is another file's).

    SQLite replays whatever log lies beside a file under its name; nothing in
    either format ties them together. Checked before anything reads the file:
    the log's header (magic, format, page size), the salts of its frames, and the
    identity number in the newest committed copy of page 1 against this file's.
    """
    wal = Path(f"{path}-wal")
    with path.open("rb") as handle:
        db_header = handle.read(IDENTITY_OFFSET + 4)
    try:
        if not wal.is_file() or wal.stat().st_size == 0:
            return None, False
        summary = read_wal(wal)
    except FileNotFoundError:
        return None, False  # the writer folded it in and removed it just now
    db_page = int.from_bytes(db_header[16:18], "big")
    db_page = 65536 if db_page == 1 else db_page
    if summary is None:
        return f"「{wal}」（書きかけの変更の記録）が壊れています。バックアップから復元してください。", False
    if summary.page_size != db_page:
        return (
            f"「{wal}」（書きかけの変更の記録）は別のファイルのものです（ページの大きさが違います）。"
            "バックアップから復元してください。"
        ), True
    # The newest copy of page 1 in the log is the one that counts: older ones may predate the
    # identity (given once, then kept by every later write); a file without one cannot tell.
    identity = int.from_bytes(db_header[IDENTITY_OFFSET:IDENTITY_OFFSET + 4], "big")
    newest = summary.page_one_identities[-1] if summary.page_one_identities else None
    if identity and newest is not None and newest != identity:
        return (
            f"「{wal}」（書きかけの変更の記録）は別のデータベースのものです（識別番号が違います）。"
            "このファイルには読み込みません。バックアップから復元してください。"
        ), True
    return None, False


def _revision(connection: sqlite3.Connection) -> str | None:
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None
