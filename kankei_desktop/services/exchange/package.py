"""Writing a change package (``.kankei-sync``) for another office.

Everything this file changed (or received from a third office) since the peer's last
confirmation, read from the journal's index: each changed row whole, the fields that
changed with their office and time, the photos that the changed attachments reference.
"""

from __future__ import annotations

import base64
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import SQLModel

from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import utc_now
from kankei_desktop.services.exchange import offices, sealed
from kankei_desktop.store import migrations

FORMAT = "kankei-sync"
FORMAT_VERSION = 1
SUFFIX = ".kankei-sync"
LOCAL_TABLES = frozenset({"audit_log", "setting", "import_mapping", "segment", "exchange_context", "exchange_journal",
                          "exchange_office", "exchange_conflict", "exchange_history"})
# Recomputed by each file from the others; never a field of a change.
DERIVED = frozenset({"id", "created_at", "updated_at", "search_text", "furigana_sort", "first_tie",
                     "last_activity_on", "row_version"})
# Each file's own edit counter (the guard against a stale save): it never travels.
LOCAL_COLUMNS = frozenset({"row_version"})
CHUNK = 500


def shared_tables() -> list[str]:
    """Shared tables, parents before children."""
    return [t.name for t in SQLModel.metadata.sorted_tables if t.name not in LOCAL_TABLES]


def stored_columns(table: str) -> list[str]:
    """The columns a package carries for ``table``, the id first (rows are keyed on it)."""
    names = [c.name for c in SQLModel.metadata.tables[table].columns if c.name not in LOCAL_COLUMNS]
    return ["id", *(name for name in names if name != "id")]


def journaled_columns(table: str) -> list[str]:
    return [c.name for c in SQLModel.metadata.tables[table].columns if c.name not in DERIVED]


@dataclass(frozen=True)
class WrittenPackage:
    path: Path
    number: int
    records: int
    photos: int
    size_bytes: int
    counts: dict


def _progress(progress, done: int, total: int, message: str) -> None:
    if progress is not None:
        progress(done, total, message)


def collect(session, me, peer, *, full: bool = False, progress=None) -> tuple[dict, dict, int]:
    """(body, counts, upto_seq): every change ``peer`` lacks, as package body."""
    upto = offices.current_seq(session)
    connection = session.connection().connection.driver_connection
    changed: dict[str, dict[str, dict]] = defaultdict(dict)
    if full:
        for table in shared_tables():
            for (row_id,) in connection.execute(f"SELECT id FROM {table}"):
                changed[table][row_id] = {"": [me.id, "", False]}
    else:
        for tbl, row_id, col, origin, at, resolved in connection.execute(
            "SELECT tbl, row_id, col, origin, at, resolved FROM exchange_journal"
            " WHERE seq > ? AND seq <= ? AND (origin IS NULL OR origin != ?)", (peer.acked_seq, upto, peer.id),
        ):
            changed[tbl].setdefault(row_id, {})[col] = [origin or me.id, at, bool(resolved)]
    tables: dict[str, dict] = {}
    counts: dict[str, int] = {}
    photos: dict[str, str] = {}
    total = sum(len(rows) for rows in changed.values())
    done = 0
    for table in shared_tables():
        rows = changed.get(table)
        if not rows:
            continue
        columns = stored_columns(table)
        ids = list(rows)
        values, metas = [], []
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            marks = ",".join("?" * len(chunk))
            for row in connection.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id IN ({marks})", chunk):
                values.append(list(row))
                metas.append(rows[row[0]])
            done += len(chunk)
            _progress(progress, done, total, table)
        tables[table] = {"columns": columns, "rows": values, "meta": metas}
        counts[table] = len(values)
        if table == "attachment":
            photos.update(_photos(columns, values))
    return {"tables": tables, "photos": photos}, counts, upto


def _photos(columns: list[str], rows: list[list]) -> dict[str, str]:
    from kankei_desktop.services.attachments import stored_path

    sha, mime, deleted = columns.index("sha256"), columns.index("mime_type"), columns.index("deleted_at")
    found = {}
    for row in rows:
        if row[deleted] is None:
            path = stored_path(row[sha], row[mime])
            if path.is_file():
                found[f"{row[sha]}|{row[mime]}"] = base64.b64encode(path.read_bytes()).decode("ascii")
    return found


def header_for(me, peer, number: int, since: int, upto: int, counts: dict) -> dict:
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION, "kind": "package",
        "organisation_id": me.organisation_id,
        "from_office": {"id": me.id, "name": me.name}, "to_office": {"id": peer.id, "name": peer.name},
        "schema_revision": migrations.head_revision(), "number": number,
        "since_seq": since, "upto_seq": upto,
        "ack_number": peer.received_number, "ack_seq": peer.received_seq,
        "written_at": utc_now().isoformat(timespec="seconds"),
        "counts": counts, "records": sum(counts.values()),
    }


def write_package(database, peer: str, path: Path, passphrase: str, progress=None, *, full: bool = False
                  ) -> WrittenPackage:
    """Write everything ``peer`` (an office id or name) has not confirmed into ``path``, encrypted.

    ``full=True`` sends every shared row; so does the first package for a peer added with nothing
    in common (two files that were not copies of one another). ``progress(done, total, message)`` is called while rows are read.
    Nothing in this file changes unless the package was written whole (then the peer's
    package number and the history).
    """
    sealed.check_passphrase(passphrase)
    path = Path(path)
    if path.suffix != SUFFIX:
        path = path.with_name(path.name + SUFFIX)
    if not path.parent.is_dir():
        raise ValidationError({"path": f"フォルダー「{path.parent}」がありません。"})
    with database.session() as session:
        me = offices.require_own_office(session)
        row = offices.find_peer(session, peer)
        number = row.sent_number + 1
        full = full or row.acked_seq < 0  # nothing in common yet: everything goes
        since = 0 if full else row.acked_seq
        body, counts, upto = collect(session, me, row, full=full, progress=progress)
        header = header_for(me, row, number, since, upto, counts)
        header["photos"] = len(body["photos"])
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    size = sealed.write_sealed(path, header, data, passphrase)
    with database.session() as session:
        row = offices.find_peer(session, peer)
        row.sent_number = max(row.sent_number, number)
        offices.record_history(session, "out", row, number, header["records"], file_name=path.name)
    return WrittenPackage(path, number, header["records"], header["photos"], size, counts)
