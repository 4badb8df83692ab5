"""Segments: a participants filter saved by name, re-run whenever needed.

The criteria are stored as JSON (``Segment.criteria_json``) with these keys,
all optional and combined with AND (a list means any of its values):

    ladder_stages     ["参加", "リピート"]
    ties              ["出身者"]
    residence_areas   ["東京圏"]
    programme_id      "…" (enrolled in it) and programme_stage_ids ["…"] (at one of these stages)
    last_touch_after  "2026-04-01"  (最終関わり日 on or after)
    last_touch_before "2026-09-30"  (on or before)
    never_contacted   "include" / "exclude": with a last-contact date, whether persons with
                      no contact at all (no 最終関わり日) are in the segment; the coordinator
                      chooses when saving (issue 16), and ``describe`` says which
    tags              ["農業"] (an interest or a skill)
    contact_ok        true / false
    photo_ok          true / false
    text              "やまだ" (the participants search)

Bulk enrollment, export and labels take ``person_ids_for_segment_name``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy import and_, exists, or_, select
from sqlmodel import Session

from kankei_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from kankei_desktop.domain.tables import Enrollment, Person, PersonTag, PersonTie, Segment
from kankei_desktop.domain.text import fold, like_pattern, normalise_spaces
from kankei_desktop.services.record_ops import live, set_field, soft_delete
from kankei_desktop.store import audit


NEVER_INCLUDE, NEVER_EXCLUDE = "include", "exclude"


@dataclass
class SegmentCriteria:
    ladder_stages: list[str] = field(default_factory=list)
    ties: list[str] = field(default_factory=list)
    residence_areas: list[str] = field(default_factory=list)
    programme_id: str | None = None
    programme_stage_ids: list[str] = field(default_factory=list)
    last_touch_after: date | None = None
    last_touch_before: date | None = None
    tags: list[str] = field(default_factory=list)
    contact_ok: bool | None = None
    photo_ok: bool | None = None
    text: str = ""
    never_contacted: str | None = None  # "include" / "exclude"; None (older files): exclude

    def to_json(self) -> str:
        values = {key: value for key, value in asdict(self).items() if value not in (None, [], "")}
        return json.dumps(values, ensure_ascii=False, default=lambda d: d.isoformat(), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> SegmentCriteria:
        values = json.loads(text or "{}")
        known = {key: values[key] for key in cls.__dataclass_fields__ if key in values}
        for key in ("last_touch_after", "last_touch_before"):
            if known.get(key):
                known[key] = date.fromisoformat(known[key])
        for key in ("ladder_stages", "ties", "residence_areas", "programme_stage_ids", "tags"):
            if isinstance(known.get(key), str):  # a hand-written file may give one value
                known[key] = [known[key]]
        return cls(**known)


def _conditions(criteria: SegmentCriteria) -> list:
    conditions = [Person.deleted_at.is_(None)]
    if criteria.ladder_stages:
        conditions.append(Person.ladder_stage.in_(criteria.ladder_stages))
    if criteria.residence_areas:
        conditions.append(Person.residence_area.in_(criteria.residence_areas))
    if criteria.ties:
        conditions.append(exists().where(PersonTie.person_id == Person.id, PersonTie.tie.in_(criteria.ties),
                                         PersonTie.deleted_at.is_(None)))
    if criteria.tags:
        conditions.append(exists().where(PersonTag.person_id == Person.id, PersonTag.name.in_(criteria.tags),
                                         PersonTag.deleted_at.is_(None)))
    if criteria.programme_id or criteria.programme_stage_ids:
        enrolled = [Enrollment.person_id == Person.id, Enrollment.deleted_at.is_(None)]
        if criteria.programme_id:
            enrolled.append(Enrollment.programme_id == criteria.programme_id)
        if criteria.programme_stage_ids:
            enrolled.append(Enrollment.stage_id.in_(criteria.programme_stage_ids))
        conditions.append(exists().where(*enrolled))
    touch = []
    if criteria.last_touch_after:
        touch.append(Person.last_activity_on >= criteria.last_touch_after)
    if criteria.last_touch_before:
        touch.append(Person.last_activity_on <= criteria.last_touch_before)
    if touch and criteria.never_contacted == NEVER_INCLUDE:
        conditions.append(or_(and_(*touch), Person.last_activity_on.is_(None)))
    else:
        conditions.extend(touch)
    if criteria.contact_ok is not None:
        conditions.append(Person.contact_ok.is_(bool(criteria.contact_ok)))
    if criteria.photo_ok is not None:
        conditions.append(Person.photo_ok.is_(bool(criteria.photo_ok)))
    term = fold(criteria.text)
    if term:
        conditions.append(Person.search_text.like(like_pattern(term), escape="\\"))
    return conditions


def person_ids_for_criteria(session: Session, criteria: SegmentCriteria) -> list[str]:
    """Ids of the live persons matching, in フリガナ order."""
    statement = select(Person.id).where(and_(*_conditions(criteria))).order_by(Person.furigana_sort, Person.id)
    return list(session.execute(statement).scalars())


def _check_name(session: Session, name: str, except_id: str | None = None) -> str:
    name = normalise_spaces(name)
    if not name:
        raise ValidationError({"name": "セグメント名を入力してください。"})
    if len(name) > 100:
        raise ValidationError({"name": "セグメント名は100文字以内で入力してください。"})
    clash = session.execute(select(Segment.id).where(Segment.name == name, Segment.deleted_at.is_(None))).scalar()
    if clash and clash != except_id:
        raise ConflictError(f"セグメント「{name}」はすでにあります。別の名前にしてください。")
    return name


def _check_criteria(criteria: SegmentCriteria) -> None:
    after, before = criteria.last_touch_after, criteria.last_touch_before
    if after and before and after > before:
        raise ValidationError({"last_touch": "最終関わり日の「以降」が「以前」より後になっています。"})
    if criteria.never_contacted not in (None, NEVER_INCLUDE, NEVER_EXCLUDE):
        raise ValidationError({"never_contacted": "「関わりの記録がない人」は include か exclude で指定してください。"})
    if (after or before) and criteria.never_contacted is None:
        raise ValidationError({"never_contacted": "最終関わり日で絞り込むときは、関わりの記録がない人を"
                                                  "含めるか含めないかを選んでください。"})


def describe(criteria: SegmentCriteria) -> str:
    """The segment in words, e.g. 「最終関わり日 2026/03/31 以前（関わりの記録がない人を含む）・連絡可」."""
    from kankei_desktop.domain.calendar import display_date

    parts = []
    if criteria.ladder_stages:
        parts.append("段階 " + "・".join(criteria.ladder_stages))
    if criteria.ties:
        parts.append("ゆかり " + "・".join(criteria.ties))
    if criteria.residence_areas:
        parts.append("居住 " + "・".join(criteria.residence_areas))
    if criteria.programme_id or criteria.programme_stage_ids:
        parts.append("プログラムに登録")
    after, before = criteria.last_touch_after, criteria.last_touch_before
    if after or before:
        span = (f"{display_date(after)} 以降" if after else "") + ("・" if after and before else "") + (
            f"{display_date(before)} 以前" if before else "")
        never = {NEVER_INCLUDE: "関わりの記録がない人を含む"}.get(criteria.never_contacted,
                                                                 "関わりの記録がない人は含まない")
        parts.append(f"最終関わり日 {span}（{never}）")
    if criteria.tags:
        parts.append("関心・スキル " + "・".join(criteria.tags))
    if criteria.contact_ok is not None:
        parts.append("連絡可" if criteria.contact_ok else "連絡不可")
    if criteria.photo_ok is not None:
        parts.append("写真掲載可" if criteria.photo_ok else "写真掲載不可")
    if criteria.text:
        parts.append(f"「{criteria.text}」を含む")
    return "・".join(parts) or "全員"


def save_segment(session: Session, name: str, criteria: SegmentCriteria) -> str:
    name = _check_name(session, name)
    _check_criteria(criteria)
    segment = Segment(name=name, criteria_json=criteria.to_json())
    session.add(segment)
    session.flush()
    audit.record(session, "create", "segment", segment.id, {"name": [None, name], "criteria": [None, segment.criteria_json]})
    return segment.id


def _live(session: Session, segment_id: str) -> Segment:
    return live(session, Segment, segment_id, "セグメント")


def update_segment_criteria(session: Session, segment_id: str, criteria: SegmentCriteria) -> SegmentCriteria:
    """Returns the old criteria (for undo)."""
    segment = _live(session, segment_id)
    _check_criteria(criteria)
    old = set_field(session, segment, "segment", "criteria_json", criteria.to_json())
    return SegmentCriteria.from_json(old)


def rename_segment(session: Session, segment_id: str, name: str) -> str:
    """Returns the old name (for undo)."""
    segment = _live(session, segment_id)
    name = _check_name(session, name, except_id=segment_id)
    return set_field(session, segment, "segment", "name", name)


def delete_segment(session: Session, segment_id: str) -> None:
    segment = _live(session, segment_id)
    soft_delete(session, segment, "segment", {"name": [segment.name, None]})


def list_segments(session: Session) -> list[tuple[str, str, SegmentCriteria]]:
    """(id, name, criteria) in name order."""
    rows = session.execute(
        select(Segment.id, Segment.name, Segment.criteria_json).where(Segment.deleted_at.is_(None)).order_by(Segment.name)
    ).all()
    return [(sid, name, SegmentCriteria.from_json(text)) for sid, name, text in rows]


def segment_person_ids(session: Session, segment_id: str) -> list[str]:
    return person_ids_for_criteria(session, SegmentCriteria.from_json(_live(session, segment_id).criteria_json))


def person_ids_for_segment_name(session: Session, name: str) -> list[str]:
    segment_id = session.execute(
        select(Segment.id).where(Segment.name == normalise_spaces(name), Segment.deleted_at.is_(None))
    ).scalar()
    if segment_id is None:
        raise NotFoundError(f"セグメント「{name}」が見つかりません。")
    return segment_person_ids(session, segment_id)
