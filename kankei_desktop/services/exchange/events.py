"""Merges and erasures made at another office, replayed here."""

from __future__ import annotations

from sqlalchemy import text

from kankei_desktop.services.records import person_links


def _new_events(session, tables: dict, kind: str) -> list[dict]:
    part = tables.get("exchange_event")
    if not part:
        return []
    rows = [dict(zip(part["columns"], row)) for row in part["rows"]]
    found = []
    for row in rows:
        if row["kind"] != kind or row.get("deleted_at"):
            continue
        seen = session.execute(text("SELECT 1 FROM exchange_event WHERE id = :id"), {"id": row["id"]}).first()
        if not seen:
            found.append(row)
    return found


def erase_first(session, tables: dict, result) -> list[str]:
    """Erase here every person erased at the sender, with this file's own values as needles.

    Runs before the rows so that this file's copy (with any edits made here) is blanked and its
    audit entries, photos and exchange conflicts go (the erasure drops conflicts: they hold
    personal values). Returns the needles for the purge after the commit.
    """
    from kankei_desktop.services.privacy import anonymise_person

    needles: list[str] = []
    for event in _new_events(session, tables, "erase"):
        person_id = event["person_id"]
        exists = session.execute(text("SELECT 1 FROM person WHERE id = :id"), {"id": person_id}).first()
        if not exists:
            continue
        outcome = anonymise_person(session, person_id)
        needles.extend(outcome.needles)
        result.erased += 1
    return needles


def merge_after(session, tables: dict, result) -> None:
    """What this file added to a record merged away at the sender follows it to the survivor.

    The sender's own moves arrive as row changes; only rows this file recorded on the
    merged-away person (not yet seen by the sender) are left to move here, keeping one where
    the survivor already has the same (the same programme, stay, tie or tag).
    """
    for event in _new_events(session, tables, "merge"):
        survivor, other = event["person_id"], event["other_id"]
        if not other:
            continue
        for link in person_links():
            if link.merge != "move":
                continue
            table = link.table.__tablename__
            rows = session.execute(text(
                f"SELECT id{''.join(', ' + c for c in link.same)} FROM {table}"
                f" WHERE {link.column} = :other AND deleted_at IS NULL"), {"other": other}).all()
            for row in rows:
                same = dict(zip(link.same, row[1:]))
                clause = "".join(f" AND {c} IS :{c}" for c in same)
                twin = same and session.execute(text(
                    f"SELECT 1 FROM {table} WHERE {link.column} = :survivor AND deleted_at IS NULL{clause}"),
                    {"survivor": survivor, **same}).first()
                if twin:
                    session.execute(text(f"UPDATE {table} SET deleted_at = CURRENT_TIMESTAMP WHERE id = :id"),
                                    {"id": row[0]})
                else:
                    session.execute(text(f"UPDATE {table} SET {link.column} = :survivor WHERE id = :id"),
                                    {"survivor": survivor, "id": row[0]})
        session.execute(text("UPDATE attachment SET owner_id = :survivor WHERE owner_kind = 'person'"
                             " AND owner_id = :other AND deleted_at IS NULL"), {"survivor": survivor, "other": other})
        result.merged += 1
