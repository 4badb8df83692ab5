"""The audit log: who changed what, when, field by field.

Services call ``record`` inside the same transaction as the change itself, so
a change and its audit entry land together or not at all.
"""

from __future__ import annotations

import getpass
import json
from datetime import date, datetime
from typing import Any

from sqlmodel import Session

from kankei_desktop.domain.tables import AuditEntry


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 (no login name (service account, odd container): still audit)
        return "unknown"


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """Field-level changes as {field: [before, after]}, only where they differ."""
    return {
        key: [_plain(before.get(key)), _plain(after.get(key))]
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


def record(
    session: Session,
    action: str,
    entity: str,
    entity_id: str = "",
    changes: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditEntry(
            user=current_user(),
            action=action,
            entity=entity,
            entity_id=entity_id,
            changes_json=json.dumps(changes or {}, ensure_ascii=False, default=_plain),
        )
    )
