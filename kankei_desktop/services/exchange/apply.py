"""Applying a change package from another office: all or nothing, after a verified backup.

Per changed field: equal values agree; a field only the sender changed is taken; a field this
file also changed since the sender last confirmed is a conflict (stored, the record keeps the
local value). A deletion at one side and an edit at the other is a conflict on the deletion.
Erasures run before the rows (this file's own copy is erased with its own needles); merges after
(what this file added to the merged-away record follows it). The rules run on what was touched.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlmodel import SQLModel

from kankei_desktop.domain.errors import ConflictError, KankeiError, NotFoundError
from kankei_desktop.domain.tables import ExchangeOffice, utc_now
from kankei_desktop.domain.text import PERSON_SEARCH_SOURCES, person_search_columns
from kankei_desktop.services.exchange import events, offices, rules, sealed
from kankei_desktop.services.exchange.package import CHUNK, FORMAT, FORMAT_VERSION, journaled_columns, shared_tables, stored_columns
from kankei_desktop.store import migrations

_SEARCH_FIELDS = set(PERSON_SEARCH_SOURCES)


class PackageRefused(KankeiError):
    """A package that is not applied; the message says why. Nothing changed."""

    def __init__(self, message: str):
        super().__init__(message if "何も適用していません" in message else f"{message}何も適用していません。")


@dataclass
class ApplyResult:
    """What one package did (``already_applied``: nothing, it had been applied before)."""

    peer_id: str = ""
    peer_name: str = ""
    number: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    erased: int = 0
    merged: int = 0
    photos: int = 0
    findings: list[dict] = field(default_factory=list)
    backup_path: Path | None = None
    already_applied: bool = False
    message: str = ""


def check_header(session, header: dict, name: str) -> ExchangeOffice | None:
    """Refuse a package that is not for this file; returns the sending peer (None: new to us)."""
    if header.get("format") != FORMAT or header.get("kind") != "package":
        raise PackageRefused(f"「{name}」は交換ファイルではありません。")
    if int(header.get("format_version", 0)) > FORMAT_VERSION:
        raise PackageRefused(f"「{name}」は新しい版のプログラムで作られています。プログラムを更新してから適用してください。")
    if header.get("schema_revision") not in migrations.known_revisions():
        raise PackageRefused(f"「{name}」は新しい版のデータ形式（{header.get('schema_revision')}）で作られています。"
                             "このプログラムを更新してから適用してください。何も適用していません。")
    me = offices.require_own_office(session)
    if header.get("organisation_id") != me.organisation_id:
        raise PackageRefused(f"「{name}」は別の団体（組織）の交換ファイルです。この団体のファイルには適用できません。")
    sender = header.get("from_office", {})
    if sender.get("id") == me.id:
        raise PackageRefused(f"「{name}」はこの事務所（{me.name}）自身が書き出したファイルです。相手の事務所で適用してください。")
    if header.get("to_office", {}).get("id") != me.id:
        raise PackageRefused(f"「{name}」は「{header.get('to_office', {}).get('name', '?')}」あての交換ファイルです"
                             f"（この事務所は「{me.name}」です）。")
    return session.get(ExchangeOffice, sender.get("id"))


def sequence_problem(peer: ExchangeOffice | None, header: dict) -> tuple[bool, str]:
    """(already applied, message) — or raises when a package is missing in between."""
    number, since = int(header["number"]), int(header["since_seq"])
    received_number = peer.received_number if peer else 0
    # An office of the organisation not known yet (a copy made elsewhere) starts where it says.
    received_seq = peer.received_seq if peer else since
    sender = header["from_office"]["name"]
    if number <= received_number:
        return True, (f"{sender}からの第{number}号はすでに適用済みです"
                      f"（第{received_number}号まで適用済み。新しい号に含まれています）。何も変更していません。")
    if since > received_seq:
        missing = "、".join(f"第{n}号" for n in range(received_number + 1, number)) or f"第{number}号より前の号"
        raise PackageRefused(f"{sender}からの交換ファイルが抜けています: {missing}がまだ適用されていません。"
                             f"{sender}に新しい交換ファイルを書き出してもらうか、抜けている号を先に適用してください。"
                             "何も適用していません。")
    return False, ""


def read_package(path: Path, passphrase: str) -> tuple[dict, dict]:
    header, body = sealed.unseal(sealed.read_file(path), passphrase, Path(path).name)
    try:
        return header, json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise PackageRefused(f"「{Path(path).name}」の中身を読めませんでした（破損）。何も適用していません。") from error


def _store_photos(photos: dict) -> int:
    """Write the package's photos this computer lacks (content-addressed, so harmless on a rollback)."""
    from kankei_desktop.services.attachments import stored_path

    written = 0
    for key, data in photos.items():
        sha, _sep, mime = key.partition("|")
        content = base64.b64decode(data)
        if not re.fullmatch(r"[0-9a-f]{64}", sha) or hashlib.sha256(content).hexdigest() != sha:
            raise PackageRefused("交換ファイルの写真が記録と合いません（破損または改ざん）。")
        target = stored_path(sha, mime)
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".part")
        temporary.write_bytes(content)
        os.replace(temporary, target)
        os.chmod(target, 0o444)
        written += 1
    return written


def apply_package(database, path: Path, passphrase: str, progress=None, *, backup: bool = True) -> ApplyResult:
    """Apply the package at ``path`` in one transaction, after a verified backup of this file.

    Refused (``PackageRefused`` / ``sealed.SealedFileError``, nothing changed) when it is for
    another organisation or office, written by this office, from a newer schema, wrongly
    encrypted, tampered, truncated, or when an earlier package of the sender is missing. A
    package applied before returns ``already_applied`` and changes nothing.
    ``progress(done, total, message)`` is called per 500 rows (message: the table).
    """
    path = Path(path)
    _check_sequence(database, sealed.read_header(path), path.name)  # before the passphrase is even tried
    header, body = read_package(path, passphrase)  # authenticated now: check what was authenticated
    already, message = _check_sequence(database, header, path.name)
    result = ApplyResult(header["from_office"]["id"], header["from_office"]["name"], int(header["number"]))
    if already:
        result.already_applied, result.message = True, message
        return result
    if backup:
        from kankei_desktop.services import backups

        result.backup_path = backups.backup_now(database, "before-exchange")
    result.photos = _store_photos(body.get("photos", {}))
    with database.session() as session:
        needles = _apply_in_session(session, header, body, result, progress, path.name)
    if needles:
        _purge_erased(database, needles, result)
    return result


def _check_sequence(database, header: dict, name: str) -> tuple[bool, str]:
    """The header refused or accepted (``check_header``), then its place in the sender's numbering."""
    with database.session() as session:
        peer = check_header(session, header, name)
        return sequence_problem(peer, header)


def _apply_in_session(session, header: dict, body: dict, result: ApplyResult, progress, name: str) -> list[str]:
    """The package's rows, erasures and merges in the caller's one transaction; returns the erased
    persons' needles (their old values may linger in freed pages until purged).

    While it runs, ``exchange_context.origin`` names the sender, so the journal triggers file these
    changes as the peer's and they are not sent back to it as ours."""
    peer, me = _sending_peer(session, header)
    connection = session.connection().connection.driver_connection
    connection.execute("PRAGMA defer_foreign_keys=ON")
    connection.execute("UPDATE exchange_context SET origin = ? WHERE id = 1", (peer.id,))
    names = dict(session.execute(select(ExchangeOffice.id, ExchangeOffice.name)).all())
    names.setdefault(peer.id, peer.name)
    applier = _Applier(session, connection, me, peer, peer.acked_seq, int(header["number"]), names, result)
    tables = body.get("tables", {})
    needles = events.erase_first(session, tables, result)
    applier.apply_tables(tables, progress)
    session.expire_all()
    events.merge_after(session, tables, result)
    applier.refresh_derived()
    result.findings += rules.findings_after(session, applier.touched, applier.added.get("person", set()))
    _record_received(session, session.get(ExchangeOffice, peer.id), header, result, name)
    connection.execute("UPDATE exchange_context SET origin = NULL WHERE id = 1")
    return needles


def _sending_peer(session, header: dict) -> tuple[ExchangeOffice, ExchangeOffice]:
    """(the sender as this file knows it, this office); an office of the organisation new to us
    (a copy made elsewhere) is added, starting where its package says."""
    peer = session.get(ExchangeOffice, header["from_office"]["id"])
    me = offices.require_own_office(session)
    if peer is None:
        peer = ExchangeOffice(id=header["from_office"]["id"], name=header["from_office"]["name"],
                              organisation_id=me.organisation_id, received_seq=int(header["since_seq"]))
        session.add(peer)
        session.flush()
    return peer, me


def _record_received(session, peer: ExchangeOffice, header: dict, result: ApplyResult, name: str) -> None:
    """Move the sender's counters past this package (the next one must follow on), write the
    exchange history and prune the journal entries every peer now has."""
    peer.name = header["from_office"]["name"]
    peer.received_number = int(header["number"])
    peer.received_seq = int(header["upto_seq"])
    if int(header["ack_number"]) > 0:  # it has applied one of ours: it has everything up to ack_seq
        peer.acked_seq = max(peer.acked_seq, int(header["ack_seq"]))
    peer.updated_at = utc_now()
    records = result.added + result.updated
    offices.record_history(session, "in", peer, result.number, records, result.conflicts, result.findings, name)
    session.flush()
    offices.prune_journal(session)


def _purge_erased(database, needles: list[str], result: ApplyResult) -> None:
    """Overwrite the freed space that may still hold erased persons' old values. The package is
    applied and committed by now, so a failure here is told in the result, not raised."""
    from kankei_desktop.domain.errors import StoreError
    from kankei_desktop.services.privacy import purge_freed_space

    try:
        purge_freed_space(database, needles)
    except StoreError as error:
        result.message = (f"適用しました。{error.message}"
                          "（消去された参加者の古い値がファイルの空き領域に残っている可能性があります）")


def _same(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return float(a) == float(b)
    return a == b


class _Applier:
    def __init__(self, session, connection, me, peer, acked_before: int, number: int, names: dict, result):
        self.session, self.connection, self.me, self.peer = session, connection, me, peer
        self.acked_before, self.number, self.names, self.result = acked_before, number, names, result
        self.touched: dict[str, set[str]] = {}
        self.search_rows: set[str] = set()
        self.local_tombstones: list[str] = []
        self.open_conflicts: set | None = None
        self.added: dict[str, set[str]] = {}

    def apply_tables(self, tables: dict, progress) -> None:
        order = [t for t in shared_tables() if t in tables]
        local_columns = {t: {c.name for c in SQLModel.metadata.tables[t].columns} for t in order}
        total, done = sum(len(tables[t]["rows"]) for t in order), 0
        for table in order:
            part = tables[table]
            columns = [c for c in part["columns"]]
            known = [i for i, c in enumerate(columns) if c in local_columns[table]]
            rows, metas = part["rows"], part["meta"]
            for start in range(0, len(rows), CHUNK):
                self._chunk(table, columns, known, rows[start:start + CHUNK], metas[start:start + CHUNK])
                done += len(rows[start:start + CHUNK])
                if progress is not None:
                    progress(done, total, table)

    def _chunk(self, table: str, columns: list[str], known: list[int], rows: list, metas: list) -> None:
        ids = [row[0] for row in rows]
        marks = ",".join("?" * len(ids))
        all_columns = stored_columns(table)
        local = {r[0]: dict(zip(all_columns, r)) for r in self.connection.execute(
            f"SELECT {', '.join(all_columns)} FROM {table} WHERE id IN ({marks})", ids)}
        unacked: dict[str, dict[str, tuple]] = {}
        for row_id, col, origin, at, resolved in self.connection.execute(
            f"SELECT row_id, col, origin, at, resolved FROM exchange_journal WHERE tbl = ? AND row_id IN ({marks})"
            " AND seq > ? AND (origin IS NULL OR origin != ?)", [table, *ids, self.acked_before, self.peer.id],
        ):
            unacked.setdefault(row_id, {})[col] = (origin or self.me.id, at, bool(resolved))
        journaled = journaled_columns(table)
        inserts = []
        touched = self.touched.setdefault(table, set())
        for row, meta in zip(rows, metas):
            values = dict(zip(columns, row))
            row_id = values["id"]
            mine = local.get(row_id)
            if mine is None:
                inserts.append([row[i] for i in known])
                touched.add(row_id)
                self.added.setdefault(table, set()).add(row_id)
                self.result.added += 1
                continue
            fields = journaled if "" in meta else [c for c in meta if c in journaled]
            changes = self._decide(table, row_id, values, mine, fields, meta, unacked.get(row_id, {}))
            if changes:
                stamp = max(str(mine["updated_at"]), str(values.get("updated_at") or ""))
                sets = ", ".join(f"{c} = ?" for c in changes)
                self.connection.execute(f"UPDATE {table} SET {sets}, updated_at = ? WHERE id = ?",
                                        [*changes.values(), stamp, row_id])
                touched.add(row_id)
                self.result.updated += 1
                if table == "person" and _SEARCH_FIELDS & set(changes):
                    self.search_rows.add(row_id)
            else:
                self.result.unchanged += 1
        if inserts:
            names = [columns[i] for i in known]
            self.connection.executemany(
                f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                self._one_live_enrollment(names, inserts) if table == "enrollment" else inserts)
            self.journal_local_tombstones()

    def _one_live_enrollment(self, names: list[str], inserts: list) -> list:
        """Both offices enrolled the same person in the same programme: the enrollment with the
        smaller id stays live at both (the rule is the same everywhere, so the files agree); the
        other is tombstoned as this office's change, which travels back, and listed."""
        at = {name: i for i, name in enumerate(names)}
        for row in inserts:
            if row[at["deleted_at"]] is not None:
                continue
            twin = self.connection.execute(
                "SELECT id FROM enrollment WHERE programme_id = ? AND person_id = ? AND deleted_at IS NULL",
                (row[at["programme_id"]], row[at["person_id"]])).fetchone()
            if twin is None:
                continue
            loser = max(twin[0], row[at["id"]])
            self.result.findings.append({"rule": "enrollment", "ids": sorted((twin[0], row[at["id"]])),
                                         "message": "同じ参加者が同じプログラムに両方の事務所で登録されていたため、"
                                                    "一方の参加登録を削除しました。内容を確かめてください。"})
            now = utc_now().isoformat(sep=" ")
            if loser == twin[0]:
                self._as_local(f"UPDATE enrollment SET deleted_at = '{now}' WHERE id = ?", (twin[0],))
            else:
                row[at["deleted_at"]] = now
                self.local_tombstones.append(loser)
        return inserts

    def journal_local_tombstones(self) -> None:
        for row_id in self.local_tombstones:
            self.connection.execute("UPDATE exchange_context SET seq = seq + 1 WHERE id = 1")
            self.connection.execute(
                "INSERT INTO exchange_journal (tbl, row_id, col, seq, origin, at, resolved)"
                " VALUES ('enrollment', ?, 'deleted_at', (SELECT seq FROM exchange_context WHERE id = 1), NULL,"
                " strftime('%Y-%m-%d %H:%M:%f', 'now'), 0) ON CONFLICT (tbl, row_id, col) DO UPDATE SET"
                " seq = excluded.seq, origin = NULL, at = excluded.at, resolved = 0", (row_id,))
        self.local_tombstones.clear()

    def _as_local(self, sql: str, params: tuple) -> None:
        """A change this office decides while applying: journaled as its own, so it travels back."""
        self.connection.execute("UPDATE exchange_context SET origin = NULL WHERE id = 1")
        self.connection.execute(sql, params)
        self.connection.execute("UPDATE exchange_context SET origin = ? WHERE id = 1", (self.peer.id,))

    def _decide(self, table, row_id, values, mine, fields, meta, unacked) -> dict:
        changes = {}
        remote_meta = meta.get("") or next(iter(meta.values()), [self.peer.id, "", False])
        for col in fields:
            remote, local = values.get(col), mine.get(col)
            field_meta = meta.get(col, remote_meta)
            if _same(remote, local):
                self._close(table, row_id, col, "agreed")
                continue
            own = unacked.get(col)
            if own is not None and not (field_meta[2] and not own[2]):
                self._conflict(table, row_id, col, local, own, remote, field_meta)
                continue
            if col == "deleted_at" and remote is not None and any(c not in ("deleted_at", "") for c in unacked):
                first = next(v for c, v in unacked.items() if c not in ("deleted_at", ""))
                self._conflict(table, row_id, col, local, first, remote, field_meta)
                continue
            changes[col] = remote
            self._close(table, row_id, col, "remote")
        deleted_here = unacked.get("deleted_at")
        if (deleted_here and mine.get("deleted_at") is not None and "deleted_at" not in fields
                and any(c != "deleted_at" for c in fields) and values.get("deleted_at") is None):
            self._conflict(table, row_id, "deleted_at", mine["deleted_at"], deleted_here, None, remote_meta)
        return changes

    def _conflict(self, table, row_id, col, local, own, remote, remote_meta) -> None:
        self.result.conflicts += 1
        found = self.connection.execute(
            "SELECT id FROM exchange_conflict WHERE tbl = ? AND row_id = ? AND col = ? AND resolved_at IS NULL",
            (table, row_id, col)).fetchone()
        now = utc_now().isoformat(sep=" ")
        values = (json.dumps(local, ensure_ascii=False), self.names.get(own[0], own[0]), own[1],
                  json.dumps(remote, ensure_ascii=False), self.names.get(remote_meta[0], remote_meta[0]),
                  remote_meta[1], self.peer.id, self.number)
        if found:
            self.connection.execute(
                "UPDATE exchange_conflict SET local_value = ?, local_office = ?, local_at = ?, remote_value = ?,"
                " remote_office = ?, remote_at = ?, peer_id = ?, package_number = ?, updated_at = ? WHERE id = ?",
                (*values, now, found[0]))
            return
        from kankei_desktop.domain.tables import new_id

        self.connection.execute(
            "INSERT INTO exchange_conflict (id, created_at, updated_at, tbl, row_id, col, local_value, local_office,"
            " local_at, remote_value, remote_office, remote_at, peer_id, package_number, resolution)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')",
            (new_id(), now, now, table, row_id, col, *values))

    def _close(self, table, row_id, col, how: str) -> None:
        if self.open_conflicts is None:
            self.open_conflicts = set(self.connection.execute(
                "SELECT tbl, row_id, col FROM exchange_conflict WHERE resolved_at IS NULL"))
        if (table, row_id, col) not in self.open_conflicts:
            return
        self.open_conflicts.discard((table, row_id, col))
        self.connection.execute(
            "UPDATE exchange_conflict SET resolved_at = ?, resolution = ? WHERE tbl = ? AND row_id = ? AND col = ?"
            " AND resolved_at IS NULL", (utc_now().isoformat(sep=" "), how, table, row_id, col))

    def refresh_derived(self) -> None:
        from kankei_desktop.services.activity import refresh_last_activity

        for row_id in self.search_rows:
            name, furigana, email, phone = self.connection.execute(
                "SELECT name, furigana, email, phone FROM person WHERE id = ?", (row_id,)).fetchone()
            self.connection.execute("UPDATE person SET furigana_sort = ?, search_text = ? WHERE id = ?",
                                    (*person_search_columns(name, furigana, email, phone), row_id))
        persons: set[str] = set()  # whose activity may have changed (a person row alone does not change it)
        for table in ("stay_participant", "letter", "shipment", "interaction"):
            ids = list(self.touched.get(table, ()))
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start:start + CHUNK]
                persons.update(r[0] for r in self.connection.execute(
                    f"SELECT person_id FROM {table} WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        stays = list(self.touched.get("stay", ()))
        for start in range(0, len(stays), CHUNK):
            chunk = stays[start:start + CHUNK]
            persons.update(r[0] for r in self.connection.execute(
                f"SELECT person_id FROM stay_participant WHERE stay_id IN ({','.join('?' * len(chunk))})", chunk))
        self.session.expire_all()
        if persons:
            refresh_last_activity(self.session, list(persons))
            self.session.flush()


__all__ = ["ApplyResult", "ConflictError", "NotFoundError", "PackageRefused", "apply_package", "read_package"]
