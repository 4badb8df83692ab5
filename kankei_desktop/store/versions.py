"""Row versions: two saves of the same record never overwrite each other silently.

Every table with ``row_version`` (domain ``Versioned``) gets it raised by one whenever a
session flushes a change to one of its rows (the listener below, for every session).
An editor remembers the version it loaded; the service's update calls ``check`` with it
before changing anything. On a server ``check`` reads the row ``FOR UPDATE``, so of two
saves racing each other the second waits for the first to commit and then sees the new
version: it is refused with ``StaleRecordError``, naming who changed which fields (from
the audit log). A file has one writer, where the check costs one read.
"""

from __future__ import annotations

import json

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session as OrmSession

from kankei_desktop.domain.errors import ConflictError
from kankei_desktop.domain.tables import AuditEntry, Versioned
from kankei_desktop.store.server import READ_ONLY_OPTION


class StaleRecordError(ConflictError):
    """The record was saved by somebody else since the editor loaded it."""

    def __init__(self, message: str, *, users: list[str], fields: list[str], current_version: int,
                 entity: str = ""):
        super().__init__(message)
        self.users = users
        self.fields = fields  # field names, as the audit log records them
        self.entity = entity  # the audit log's entity (programme, stay…): whose field names they are
        self.current_version = current_version


@event.listens_for(OrmSession, "before_flush")
def _raise_versions(session, _context, _instances) -> None:
    for row in session.dirty:
        if not isinstance(row, Versioned) or not session.is_modified(row, include_collections=False):
            continue
        if inspect(row).attrs.row_version.history.has_changes():
            continue  # set on purpose (a merge copying a version): leave it
        row.row_version = (row.row_version or 0) + 1


def _holds_rows(session) -> bool:
    """On a server that may write: rows are locked ``FOR UPDATE``. A file has one writer, and a
    server connection opened read-only (a dry run) can neither lock nor write, so nothing races."""
    bind = session.get_bind()  # the engine: asking it starts no transaction on a file
    return bind.dialect.name == "postgresql" and not bind.get_execution_options().get(READ_ONLY_OPTION)


def version_of(session, table: type, record_id: str) -> int | None:
    """The stored version of a record (None when there is no such row)."""
    return session.execute(select(table.row_version).where(table.id == record_id)).scalar_one_or_none()


def check(session, table: type, record_id: str, expected: int | None, entity: str, label: str,
          field_label=lambda name: name) -> None:
    """Refuse a save based on version ``expected`` when the stored row has moved on.

    ``expected`` None: the caller loaded nothing to compare (an import, the CLI), no check.
    ``label`` names the kind (参加者), ``field_label`` a field, in the message.
    """
    if expected is None:
        return
    statement = select(table.row_version).where(table.id == record_id)
    if _holds_rows(session):
        statement = statement.with_for_update()
    current = session.execute(statement).scalar_one_or_none()
    if current is None or current == expected:
        return
    users, fields = changed_since(session, entity, record_id, current - expected)
    who = "、".join(f"{user} さん" for user in users) or "ほかの人"
    what = "・".join(field_label(name) for name in fields) or "内容"
    raise StaleRecordError(
        f"この{label}は、開いている間に {who}が変更して保存しました（{what}）。"
        "上書きせずに止めました。再読み込みするか、項目ごとにどちらの値を残すか選んでください。",
        users=users, fields=fields, current_version=current, entity=entity,
    )


def changed_since(session, entity: str, record_id: str, saves: int) -> tuple[list[str], list[str]]:
    """Users and fields of the last ``saves`` audit entries of a record, oldest first."""
    rows = session.execute(
        select(AuditEntry.user, AuditEntry.changes_json)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == record_id, AuditEntry.deleted_at.is_(None))
        .order_by(AuditEntry.at.desc(), AuditEntry.created_at.desc())
        .limit(max(saves, 1))
    ).all()
    users: list[str] = []
    fields: list[str] = []
    for user, changes in reversed(rows):
        if user not in users:
            users.append(user)
        for name in json.loads(changes or "{}"):
            if name not in fields:
                fields.append(name)
    return users, fields


def lock_rows(session, table: type, ids) -> None:
    """On a server: hold these rows (sorted, so two writers never wait on each other in a
    circle) until the commit. A writer checking a rule that reads other rows (a lodging's
    beds, a person's other stays) locks the row the rule is about first; the second writer
    then waits, and its own reads (READ COMMITTED: a fresh snapshot per statement) see the
    first one's committed rows. A file has one writer: nothing to do."""
    wanted = sorted({i for i in ids if i})
    if not wanted or not _holds_rows(session):
        return
    session.execute(select(table.id).where(table.id.in_(wanted)).order_by(table.id).with_for_update())
