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


@dataclass
class ProbeReport:
    path: Path
    problems: list[str] = field(default_factory=list)
    schema_revision: str | None = None
    is_newer: bool = False
    person_count: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def raise_if_unusable(self) -> None:
        if self.problems:
            raise StoreError(self.problems[0])


def _readonly(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def probe_file(path: Path, *, full: bool = False) -> ProbeReport:
    """Quick (or with ``full``, complete) check of a coordinator file."""
    report = ProbeReport(path)
    if not path.exists():
        report.problems.append(f"ファイル「{path}」がありません。")
        return report
    if path.is_dir():
        report.problems.append(f"「{path}」はフォルダーです。データベースファイルを指定してください。")
        return report
    size = path.stat().st_size
    if size == 0:
        report.problems.append(f"「{path}」は空（0 バイト）のファイルです。関係人口デスクのデータベースではありません。")
        return report
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_HEADER):
        report.problems.append(f"「{path}」は SQLite データベースではありません（ファイルの先頭が違います）。")
        return report
    if len(header) < 100:
        report.problems.append(f"「{path}」は途中で切れています（ヘッダーが不完全です）。")
        return report
    try:
        connection = _readonly(path)
        try:
            pragma = "integrity_check" if full else "quick_check"
            rows = [r[0] for r in connection.execute(f"PRAGMA {pragma}").fetchall()]
            if rows != ["ok"]:
                report.problems.append(
                    f"「{path}」は破損しています（{pragma}: {'; '.join(rows[:3])}）。バックアップから復元してください。"
                )
                return report
            fk = connection.execute("PRAGMA foreign_key_check").fetchall()
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
        report.problems.append(f"「{path}」を読めません（{exc}）。壊れているか、SQLite のファイルではありません。")
    return report


def _revision(connection: sqlite3.Connection) -> str | None:
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None
