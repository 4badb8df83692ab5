"""Finding the header row and mapping a sheet's columns to fields: saved mappings for a shape of
file, mapping files, the documented header variants, and the check that a mapping is usable."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.domain.tables import ImportMapping, utc_now
from kankei_desktop.io import normalise as cells
from kankei_desktop.io.columns import ACTIVITY_KINDS, KINDS, auto_mapping, header_signature
from kankei_desktop.io.readers import ImportFileError
from kankei_desktop.services.imports.types import HEADER_SEARCH_ROWS


def detect_header_row(rows: list[list], kind: str = "enrollments") -> int:
    """0-based index of the header row: the row (of the first 30) naming the most known columns."""
    best, best_score = None, 0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = len(auto_mapping(row, kind))
        if score > best_score:
            best, best_score = index, score
    if best is not None:
        return best
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if sum(not cells.is_blank(value) for value in row) >= 2:
            return index
    raise ImportFileError("見出しの行が見つかりません（最初の 30 行に、2 つ以上の列見出しが並んだ行がありません）。")


def load_saved_mapping(session: Session, headers: list) -> dict[int, str] | None:
    saved = session.execute(
        select(ImportMapping.mapping_json)
        .where(ImportMapping.signature == header_signature(headers), ImportMapping.deleted_at.is_(None))
        .order_by(ImportMapping.updated_at.desc())
    ).scalars().first()
    if saved is None:
        return None
    by_header = json.loads(saved)
    return {i: by_header[str(h)] for i, h in enumerate(headers) if str(h) in by_header and by_header[str(h)]}


def save_mapping(session: Session, headers: list, mapping: dict[int, str], name: str = "") -> None:
    signature = header_signature(headers)
    body = json.dumps({str(headers[i]): key for i, key in mapping.items()}, ensure_ascii=False)
    existing = session.execute(
        select(ImportMapping).where(ImportMapping.signature == signature, ImportMapping.deleted_at.is_(None))
    ).scalars().first()
    if existing is None:
        session.add(ImportMapping(signature=signature, name=name[:100], mapping_json=body))
    else:
        existing.mapping_json = body
        existing.updated_at = utc_now()


def mapping_from_file(path: Path) -> dict[str, str]:
    """A mapping file: JSON {"見出し": "氏名" (a documented header) or "name" (a field key), …}."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as error:
        raise KankeiError(f"対応表ファイル「{path}」を読めません（{error}）。") from None
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise KankeiError(f"対応表ファイル「{path}」は {{\"見出し\": \"項目\"}} の形の JSON にしてください。")
    return {str(k): v for k, v in data.items()}


def resolve_header_mapping(by_header: dict[str, str], headers: list[str], kind: str = "enrollments") -> dict[int, str]:
    """Column index → field key from {header: documented header or field key}; unknown targets refused."""
    by_label = {c.header: c.key for c in KINDS[kind]} | {c.key: c.key for c in KINDS[kind]}
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        target = by_header.get(str(header))
        if not target:
            continue
        if target not in by_label:
            raise KankeiError(f"列の対応「{header}」→「{target}」: 「{target}」という項目はありません。")
        mapping[index] = by_label[target]
    return mapping


def _check_mapping(mapping: dict[int, str], headers: list[str], kind: str = "persons") -> None:
    seen: dict[str, int] = {}
    for index, key in mapping.items():
        if key in seen:
            raise KankeiError(
                f"列「{headers[seen[key]]}」と列「{headers[index]}」が同じ項目に対応しています。どちらか一方にしてください。"
            )
        seen[key] = index
    if kind == "indicator_values":
        if "indicator" not in seen and "id" not in seen:
            raise KankeiError("「指標」の列が見つかりません。列の対応で、指標名の列を指定してください。")
        return
    if kind == "hosts":
        if "name" not in seen and "id" not in seen:
            raise KankeiError("「名称」の列が見つかりません。列の対応で、受入先の名称の列を指定してください。")
        return
    if kind in ACTIVITY_KINDS:
        if "person_id" not in seen and "person_name" not in seen and "id" not in seen:
            raise KankeiError("参加者ID か氏名の列が見つかりません。列の対応で、参加者を示す列を指定してください。")
        return
    if "name" not in seen and "id" not in seen:
        raise KankeiError("「氏名」の列が見つかりません。列の対応で、氏名の列を指定してください。")


# ---------------------------------------------------------------- the plan
