"""Settings that belong to a coordinator file, each declared once with its default.

Stored as JSON in the ``setting`` table, so they travel with the file (the
organisation name on a report belongs to the data, not to the laptop).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from kankei_desktop.domain.tables import Setting, utc_now
from kankei_desktop.store import audit


@dataclass(frozen=True)
class Declared:
    key: str
    default: Any
    label: str  # as shown in 設定


ORGANISATION_NAME = Declared("organisation_name", "", "団体名")
REPORT_AUTHOR = Declared("report_author", "", "作成者")
HONORIFIC_PERSON = Declared("honorific_person", "様", "敬称（個人）")
HONORIFIC_ORGANISATION = Declared("honorific_organisation", "御中", "敬称（団体）")
SUPPRESSION_THRESHOLD = Declared("suppression_threshold", 3, "少数の秘匿（この数未満は「<3」と表示）")


def get(session: Session, declared: Declared) -> Any:
    raw = session.execute(
        select(Setting.value_json).where(Setting.key == declared.key, Setting.deleted_at.is_(None))
    ).scalar_one_or_none()
    return declared.default if raw is None else json.loads(raw)


def put(session: Session, declared: Declared, value: Any) -> None:
    row = session.execute(select(Setting).where(Setting.key == declared.key)).scalar_one_or_none()
    before = get(session, declared)
    encoded = json.dumps(value, ensure_ascii=False)
    if row is None:
        session.add(Setting(key=declared.key, value_json=encoded))
    else:
        row.value_json, row.deleted_at, row.updated_at = encoded, None, utc_now()
    if before != value:
        audit.record(session, "update", "setting", declared.key, {declared.key: [before, value]})
