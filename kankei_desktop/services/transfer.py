"""Moving a whole store between a file and a server (``migrate``), and proving it arrived whole.

Every table of the schema is copied row by row, ids and times unchanged, parents before
children, into a store just made by the real migrations (a new file, or an empty server
database), in one transaction: a failure leaves the target without a single copied row.
Afterwards both sides are read again and compared: the rows of every declared kind
(``services/records.py`` RECORDS, with its parts) and of every other table, value by value.

Photos are files (content-addressed, ``attachments/<sha[:2]>/<sha>.<ext>``); the database
holds their rows. ``copy_photos`` copies the ones the rows name from where the source keeps them
(this computer's ``attachments/`` for a file, the shared folder its settings name on a server)
into a folder: the target server's shared folder, or a file's ``attachments/`` (docs/decisions.md),
and checks each by its SHA-256.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlmodel import SQLModel

from kankei_desktop.domain.errors import StoreError
from kankei_desktop.services.records import RECORDS

_BATCH = 1000
# The tables that are no declared kind, as a coordinator says them.
TABLE_LABELS = {
    "attachment": "写真", "audit_log": "変更履歴", "import_mapping": "取込の対応付け", "segment": "セグメント",
    "setting": "設定", "custom_indicator": "独自指標", "programme_stage": "プログラムの段階",
    "programme_target": "プログラムの目標", "report_comment": "報告のコメント",
}


@dataclass
class Comparison:
    label: str  # a kind's label, or a table name
    source: int
    target: int
    same: bool


def _tables():
    import kankei_desktop.domain.tables  # noqa: F401  (the metadata is filled on import)

    return list(SQLModel.metadata.sorted_tables)


def copy_all(source, target) -> dict[str, int]:
    """Every row of ``source`` into the new store ``target`` (its own seeded rows replaced)."""
    counts: dict[str, int] = {}
    # The offices last: a file with an exchange peer journals every insert (store migration 0009),
    # and a copy must arrive as it is, not as a new batch of changes to send.
    tables = sorted(_tables(), key=lambda table: table.name == "exchange_office")
    with source.engine.connect() as reading, target.engine.begin() as writing:
        for table in reversed(tables):
            writing.execute(delete(table))
        for table in tables:
            counts[table.name] = 0
            batch = []
            for row in reading.execute(select(table)).mappings():
                batch.append(dict(row))
                if len(batch) >= _BATCH:
                    writing.execute(insert(table), batch)
                    counts[table.name] += len(batch)
                    batch = []
            if batch:
                writing.execute(insert(table), batch)
                counts[table.name] += len(batch)
    return counts


def _normal(value):
    """A value as both stores mean it: aware times in UTC without the zone, numbers as text."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, (dt.date, Decimal)):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return value


def table_dump(database, table) -> list[tuple]:
    """Every row of ``table``, sorted by id (or by every column), values normalised."""
    with database.engine.connect() as connection:
        rows = [tuple(_normal(v) for v in row) for row in connection.execute(select(table))]
    return sorted(rows, key=lambda row: tuple("" if v is None else str(v) for v in row))


def compare(source, target) -> list[Comparison]:
    """Declared kinds first (the kind's table and its parts together), then every other table."""
    tables = {table.name: table for table in _tables()}
    results: list[Comparison] = []
    seen: set[str] = set()
    for kind in RECORDS.values():
        names = [kind.table.__tablename__, *(part.__tablename__ for part in kind.parts)]
        seen.update(names)
        left = [table_dump(source, tables[name]) for name in names]
        right = [table_dump(target, tables[name]) for name in names]
        results.append(Comparison(kind.label, len(left[0]), len(right[0]), left == right))
    for name, table in tables.items():
        if name in seen:
            continue
        left, right = table_dump(source, table), table_dump(target, table)
        results.append(Comparison(TABLE_LABELS.get(name, name), len(left), len(right), left == right))
    return results


def photo_rows(database) -> list[tuple[str, str]]:
    from kankei_desktop.domain.tables import Attachment

    with database.engine.connect() as connection:
        return sorted(set(connection.execute(select(Attachment.sha256, Attachment.mime_type)).all()))


def photos_target(database) -> Path | None:
    """Where photos go when a store is moved into ``database``: a file's ``attachments/`` on this
    computer, a server's shared folder (None while its settings name none)."""
    from kankei_desktop.services.attachments import photos_folder

    with database.session() as session:
        return photos_folder(session)


def copy_photos(database, folder: Path) -> tuple[int, list[str]]:
    """Copy the photos the rows name from where ``database`` keeps them into ``folder``;
    (copied or already there, missing sha256s). Each copy is checked by its SHA-256."""
    from kankei_desktop.services.attachments import reading_folder, stored_path

    with database.session() as session:
        source_folder = reading_folder(session)
    copied, missing = 0, []
    for sha256, mime in photo_rows(database):
        source = stored_path(sha256, mime, source_folder)
        target = stored_path(sha256, mime, folder)
        if not target.exists():
            if not source.exists():
                missing.append(sha256)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        if hashlib.sha256(target.read_bytes()).hexdigest() != sha256:
            raise StoreError(f"写真「{target}」の中身が記録と違います（コピーが壊れています）。")
        copied += 1
    return copied, missing
