"""Programmes: create (from a template or with custom stages), edit, archive, copy to the next 年度.

Every edit returns what it changed (the values before), so the GUI can undo it
by calling the same service with the old values.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from sqlalchemy import func, select, update
from sqlmodel import Session

from kankei_desktop.domain.enums import ProgrammeKind
from kankei_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from kankei_desktop.domain.programme_templates import TEMPLATES
from kankei_desktop.domain.limits import add_length_errors, length_errors
from kankei_desktop.domain.tables import Enrollment, Programme, ProgrammeStage, ProgrammeTarget, utc_now
from kankei_desktop.domain.text import normalise_spaces
from kankei_desktop.services.record_ops import (
    assign,
    check_version,
    deleted,
    live,
    restore,
    set_field,
    soft_delete,
    valid,
    values_of,
)
from kankei_desktop.store import audit
from kankei_desktop.store.versions import version_of

# Keys of the two standard targets; any other key is a named custom target.
TARGET_PARTICIPANTS = "participants"
TARGET_PERSON_DAYS = "person_days"
TARGET_REPLIES = "replies"  # お米レター: お礼状, compared with the letters received (docs/kpi.md)
STANDARD_TARGETS = {TARGET_PARTICIPANTS: ("参加者数", "名"), TARGET_PERSON_DAYS: ("人日", "人日")}


@dataclass
class TargetInput:
    key: str
    name: str
    target_value: float
    unit: str = ""

    def __str__(self) -> str:  # as a refused save's field-by-field choice shows it
        return f"{self.name} {self.target_value:g}{self.unit}"


@dataclass
class StageInput:
    name: str
    is_final: bool = False
    is_dropout: bool = False


@dataclass
class ProgrammeInput:
    name: str = ""
    kind: str = ProgrammeKind.CUSTOM.value
    fiscal_year: int = 2026
    region: str = ""
    description: str = ""
    targets: list[TargetInput] = field(default_factory=list)


@dataclass(frozen=True)
class StageRow:
    id: str
    name: str
    position: int
    is_final: bool
    is_dropout: bool
    enrollment_count: int


_FIELDS = ("name", "kind", "fiscal_year", "region", "description")


# ---------------------------------------------------------------- checks


def _checked(data: ProgrammeInput) -> ProgrammeInput:
    data = ProgrammeInput(
        name=normalise_spaces(data.name),
        kind=data.kind or ProgrammeKind.CUSTOM.value,
        fiscal_year=data.fiscal_year,
        region=normalise_spaces(data.region),
        description=(data.description or "").strip(),
        targets=[
            TargetInput(normalise_spaces(t.key), normalise_spaces(t.name), t.target_value, normalise_spaces(t.unit))
            for t in data.targets
        ],
    )
    errors: dict[str, str] = {}
    if not data.name:
        errors["name"] = "プログラム名を入力してください。"
    elif len(data.name) > 100:
        errors["name"] = "プログラム名は100文字以内で入力してください。"
    if data.kind not in {kind.value for kind in ProgrammeKind}:
        errors["kind"] = f"種類「{data.kind}」はありません。"
    if not isinstance(data.fiscal_year, int) or not 1989 <= data.fiscal_year <= 2100:
        errors["fiscal_year"] = f"年度「{data.fiscal_year}」は正しくありません（例: 2026）。"
    seen: set[str] = set()
    for target in data.targets:
        label = target.name or target.key
        if not target.key or not target.name:
            errors["targets"] = "目標には名前を入力してください。"
        elif target.key in seen:
            errors["targets"] = f"目標「{label}」が重複しています。"
        elif not isinstance(target.target_value, (int, float)) or target.target_value < 0:
            errors["targets"] = f"目標「{label}」の値は0以上の数で入力してください。"
        seen.add(target.key)
        too_long = length_errors(ProgrammeTarget, {"name": target.name, "unit": target.unit}, {"name": "目標名"})
        if too_long:
            errors.setdefault("targets", next(iter(too_long.values())))
    add_length_errors(errors, Programme, {k: v for k, v in vars(data).items() if k != "targets"}, {"name": "プログラム名"})
    return valid(data, errors)


def _checked_stages(stages: list[StageInput]) -> list[StageInput]:
    cleaned = [StageInput(normalise_spaces(s.name), s.is_final, s.is_dropout) for s in stages]
    if not cleaned:
        raise ValidationError({"stages": "段階を1つ以上作成してください。"})
    names = [s.name for s in cleaned]
    for stage in cleaned:
        _check_stage_name(stage.name)
        if stage.is_final and stage.is_dropout:
            raise ValidationError({"stages": f"段階「{stage.name}」を修了と辞退の両方にはできません。"})
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValidationError({"stages": f"段階名「{'、'.join(duplicates)}」が重複しています。"})
    return cleaned


def _check_stage_name(name: str) -> None:
    if not name:
        raise ValidationError({"stage_name": "段階名を入力してください。"})
    if len(name) > 50:
        raise ValidationError({"stage_name": f"段階名「{name[:20]}…」は50文字以内にしてください。"})


def live_programme(session: Session, programme_id: str) -> Programme:
    return live(session, Programme, programme_id, "プログラム")


def live_stage(session: Session, stage_id: str) -> ProgrammeStage:
    return live(session, ProgrammeStage, stage_id, "段階")


# ---------------------------------------------------------------- programmes


def template_stages(kind: str) -> list[StageInput]:
    template = TEMPLATES.get(ProgrammeKind(kind)) if kind in {k.value for k in ProgrammeKind} else None
    template = template or TEMPLATES[ProgrammeKind.CUSTOM]
    return [StageInput(s.name, s.is_final, s.is_dropout) for s in template.stages]


def create_programme(session: Session, data: ProgrammeInput, stages: list[StageInput] | None = None) -> str:
    """A new programme with the template stages of its kind, or the given custom stages."""
    data = _checked(data)
    stages = _checked_stages(stages if stages is not None else template_stages(data.kind))
    if not data.description and data.kind in {k.value for k in ProgrammeKind}:
        data.description = TEMPLATES[ProgrammeKind(data.kind)].description
    programme = Programme(**values_of(data, _FIELDS))
    session.add(programme)
    session.flush()
    session.add_all(
        ProgrammeStage(programme_id=programme.id, name=s.name, position=i, is_final=s.is_final, is_dropout=s.is_dropout)
        for i, s in enumerate(stages)
    )
    _write_targets(session, programme.id, data.targets)
    audit.record(
        session, "create", "programme", programme.id,
        {**audit.diff({}, _snapshot(session, programme, data.targets)), "stages": [None, [s.name for s in stages]]},
    )
    return programme.id


def _write_targets(session: Session, programme_id: str, targets: list[TargetInput]) -> None:
    now = utc_now()
    session.execute(
        update(ProgrammeTarget)
        .where(ProgrammeTarget.programme_id == programme_id, ProgrammeTarget.deleted_at.is_(None))
        .values(deleted_at=now, updated_at=now)
    )
    session.add_all(
        ProgrammeTarget(programme_id=programme_id, key=t.key, name=t.name, unit=t.unit, target_value=float(t.target_value))
        for t in targets
    )


def load_programme_input(session: Session, programme_id: str) -> ProgrammeInput:
    programme = live_programme(session, programme_id)
    return ProgrammeInput(
        **values_of(programme, _FIELDS),
        targets=programme_targets(session, programme_id),
    )


def programme_version(session: Session, programme_id: str) -> int | None:
    """The programme's row version, for an editor to hand back at its save."""
    return version_of(session, Programme, programme_id)


def programme_targets(session: Session, programme_id: str) -> list[TargetInput]:
    rows = session.execute(
        select(ProgrammeTarget.key, ProgrammeTarget.name, ProgrammeTarget.target_value, ProgrammeTarget.unit)
        .where(ProgrammeTarget.programme_id == programme_id, ProgrammeTarget.deleted_at.is_(None))
        .order_by(ProgrammeTarget.created_at, ProgrammeTarget.key)
    ).all()
    return [TargetInput(key, name, value, unit) for key, name, value, unit in rows]


def _snapshot(session: Session, programme: Programme, targets: list[TargetInput] | None = None) -> dict:
    values = values_of(programme, _FIELDS)
    if targets is None:
        targets = programme_targets(session, programme.id)
    values["targets"] = [asdict(t) for t in targets]
    return values


def update_programme(session: Session, programme_id: str, data: ProgrammeInput, *, expected_version: int | None = None) -> ProgrammeInput | None:
    """Save an edit. Returns the values before (for undo), or None when nothing differed."""
    data = _checked(data)
    check_version(session, Programme, programme_id, expected_version, "programme", "プログラム")
    programme = live_programme(session, programme_id)
    before = load_programme_input(session, programme_id)
    changes = audit.diff(_snapshot(session, programme), {**values_of(data, _FIELDS),
                                                         "targets": [asdict(t) for t in data.targets]})
    if not changes:
        return None
    assign(programme, data, _FIELDS)
    programme.updated_at = utc_now()
    if "targets" in changes:
        _write_targets(session, programme_id, data.targets)
    audit.record(session, "update", "programme", programme_id, changes)
    return before


def set_archived(session: Session, programme_id: str, archived: bool = True) -> bool:
    """Archive (or bring back) a programme; returns the previous state for undo."""
    return set_field(session, live_programme(session, programme_id), "programme", "archived", archived)


def copy_to_next_year(session: Session, programme_id: str) -> str:
    """The same programme one 年度 later: stages and targets, no enrollments."""
    source = load_programme_input(session, programme_id)
    stages = [StageInput(s.name, s.is_final, s.is_dropout) for s in programme_stages(session, programme_id)]
    # "おてつだいPlus 2026" becomes "おてつだいPlus 2027"; a name without the year stays as it is.
    name = source.name.replace(str(source.fiscal_year), str(source.fiscal_year + 1))
    copy = ProgrammeInput(
        name=name, kind=source.kind, fiscal_year=source.fiscal_year + 1, region=source.region,
        description=source.description, targets=source.targets,
    )
    new_id = create_programme(session, copy, stages)
    audit.record(session, "copy", "programme", new_id, {"copied_from": [None, programme_id]})
    return new_id


def delete_programme(session: Session, programme_id: str) -> None:
    """Soft delete; refused while the programme has enrollments (archive it instead)."""
    programme = live_programme(session, programme_id)
    count = _enrollment_count(session, Enrollment.programme_id == programme_id)
    if count:
        raise ConflictError(
            f"プログラム「{programme.name}」には参加者が {count} 名登録されているため削除できません。アーカイブしてください。"
        )
    soft_delete(session, programme, "programme", {"name": [programme.name, None]})


def list_programmes(
    session: Session, fiscal_year: int | None = None, include_archived: bool = False
) -> list[tuple]:
    """(id, name, kind, fiscal_year, region, archived, enrollment_count), newest 年度 first, by name."""
    counts = (
        select(Enrollment.programme_id, func.count().label("n"))
        .where(Enrollment.deleted_at.is_(None))
        .group_by(Enrollment.programme_id)
        .subquery()
    )
    statement = (
        select(Programme.id, Programme.name, Programme.kind, Programme.fiscal_year, Programme.region,
               Programme.archived, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.programme_id == Programme.id)
        .where(Programme.deleted_at.is_(None))
        .order_by(Programme.fiscal_year.desc(), Programme.name, Programme.id)
    )
    if fiscal_year is not None:
        statement = statement.where(Programme.fiscal_year == fiscal_year)
    if not include_archived:
        statement = statement.where(Programme.archived.is_(False))
    return [tuple(row) for row in session.execute(statement)]


def fiscal_years(session: Session) -> list[int]:
    return list(
        session.execute(
            select(Programme.fiscal_year).where(Programme.deleted_at.is_(None))
            .distinct().order_by(Programme.fiscal_year.desc())
        ).scalars()
    )


def find_programme(session: Session, name_or_id: str, fiscal_year: int | None = None) -> str:
    """A programme id from its id or its name (and 年度 when the name is used in several)."""
    if session.get(Programme, name_or_id) is not None:
        return live_programme(session, name_or_id).id
    statement = select(Programme.id, Programme.fiscal_year).where(
        Programme.name == normalise_spaces(name_or_id), Programme.deleted_at.is_(None)
    )
    if fiscal_year is not None:
        statement = statement.where(Programme.fiscal_year == fiscal_year)
    rows = session.execute(statement.order_by(Programme.fiscal_year.desc())).all()
    if not rows:
        raise NotFoundError(f"プログラム「{name_or_id}」が見つかりません。")
    if len(rows) > 1:
        years = "、".join(str(year) for _id, year in rows)
        raise ValidationError({"programme": f"プログラム「{name_or_id}」は複数の年度（{years}）にあります。年度を指定してください。"})
    return rows[0][0]


# ---------------------------------------------------------------- stages


def _enrollment_count(session: Session, condition) -> int:
    return session.execute(
        select(func.count()).select_from(Enrollment).where(condition, Enrollment.deleted_at.is_(None))
    ).scalar_one()


def programme_stages(session: Session, programme_id: str) -> list[StageRow]:
    counts = dict(
        session.execute(
            select(Enrollment.stage_id, func.count())
            .where(Enrollment.programme_id == programme_id, Enrollment.deleted_at.is_(None))
            .group_by(Enrollment.stage_id)
        ).all()
    )
    rows = session.execute(
        select(ProgrammeStage.id, ProgrammeStage.name, ProgrammeStage.position,
               ProgrammeStage.is_final, ProgrammeStage.is_dropout)
        .where(ProgrammeStage.programme_id == programme_id, ProgrammeStage.deleted_at.is_(None))
        .order_by(ProgrammeStage.position, ProgrammeStage.created_at)
    ).all()
    return [StageRow(*row, counts.get(row[0], 0)) for row in rows]


def _stage_names(session: Session, programme_id: str, except_id: str | None = None) -> set[str]:
    return {s.name for s in programme_stages(session, programme_id) if s.id != except_id}


def add_stage(
    session: Session, programme_id: str, name: str, *, position: int | None = None,
    is_final: bool = False, is_dropout: bool = False,
) -> str:
    """A new stage, at ``position`` (0 = first) or at the end; returns its id."""
    live_programme(session, programme_id)
    name = normalise_spaces(name)
    _check_stage_name(name)
    if name in _stage_names(session, programme_id):
        raise ValidationError({"stage_name": f"段階「{name}」はすでにあります。"})
    if is_final and is_dropout:
        raise ValidationError({"stage_name": f"段階「{name}」を修了と辞退の両方にはできません。"})
    order = [s.id for s in programme_stages(session, programme_id)]
    stage = ProgrammeStage(programme_id=programme_id, name=name, position=len(order),
                           is_final=is_final, is_dropout=is_dropout)
    session.add(stage)
    session.flush()
    if position is not None and 0 <= position < len(order):
        order.insert(position, stage.id)
        _write_order(session, order)
    audit.record(session, "create", "programme_stage", stage.id, {"name": [None, name], "programme_id": [None, programme_id]})
    return stage.id


def rename_stage(session: Session, stage_id: str, name: str) -> str:
    """Returns the old name (for undo)."""
    stage = live_stage(session, stage_id)
    name = normalise_spaces(name)
    _check_stage_name(name)
    if name in _stage_names(session, stage.programme_id, except_id=stage_id):
        raise ValidationError({"stage_name": f"段階「{name}」はすでにあります。"})
    return set_field(session, stage, "programme_stage", "name", name)


def set_stage_flags(session: Session, stage_id: str, *, is_final: bool, is_dropout: bool) -> tuple[bool, bool]:
    """Mark a stage as final (修了) and/or dropped-out (辞退); returns the old flags."""
    stage = live_stage(session, stage_id)
    if is_final and is_dropout:
        raise ValidationError({"stage_flags": f"段階「{stage.name}」を修了と辞退の両方にはできません。"})
    old = (stage.is_final, stage.is_dropout)
    if old != (is_final, is_dropout):
        stage.is_final, stage.is_dropout = is_final, is_dropout
        stage.updated_at = utc_now()
        audit.record(session, "update", "programme_stage", stage_id,
                     audit.diff({"is_final": old[0], "is_dropout": old[1]}, {"is_final": is_final, "is_dropout": is_dropout}))
    return old


def reorder_stages(session: Session, programme_id: str, stage_ids: list[str]) -> list[str]:
    """Put the stages in this order (all of them, each once); returns the old order."""
    old = [s.id for s in programme_stages(session, programme_id)]
    if sorted(old) != sorted(stage_ids) or len(set(stage_ids)) != len(stage_ids):
        raise ValidationError({"stages": "並べ替えには、このプログラムのすべての段階を1回ずつ指定してください。"})
    if old != list(stage_ids):
        _write_order(session, list(stage_ids))
        audit.record(session, "update", "programme", programme_id, {"stage_order": [old, list(stage_ids)]})
    return old


def _write_order(session: Session, stage_ids: list[str]) -> None:
    now = utc_now()
    for position, stage_id in enumerate(stage_ids):
        session.execute(update(ProgrammeStage).where(ProgrammeStage.id == stage_id).values(position=position, updated_at=now))


def delete_stage(session: Session, stage_id: str) -> None:
    """Soft delete a stage nobody is in; a stage in use is refused with the count."""
    stage = live_stage(session, stage_id)
    count = _enrollment_count(session, Enrollment.stage_id == stage_id)
    if count:
        raise ConflictError(
            f"段階「{stage.name}」には参加者が {count} 名います。先に別の段階へ移動してから削除してください。"
        )
    remaining = [s for s in programme_stages(session, stage.programme_id) if s.id != stage_id]
    if not remaining:
        raise ConflictError(f"段階「{stage.name}」は最後の段階のため削除できません。")
    soft_delete(session, stage, "programme_stage", {"name": [stage.name, None]})
    _write_order(session, [s.id for s in remaining])


def restore_stage(session: Session, stage_id: str, position: int | None = None) -> None:
    """Undo of ``delete_stage``."""
    stage = deleted(session, ProgrammeStage, stage_id, "段階")
    if stage.name in _stage_names(session, stage.programme_id):
        raise ConflictError(f"段階「{stage.name}」と同じ名前の段階がすでにあります。")
    restore(session, stage, "programme_stage", {"name": [None, stage.name]})
    order = [s.id for s in programme_stages(session, stage.programme_id) if s.id != stage_id]
    order.insert(len(order) if position is None else min(position, len(order)), stage_id)
    _write_order(session, order)
