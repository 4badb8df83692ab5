"""Programme funnels from the enrollment stage history (``services.kpis``).

The history of one fiscal year's programmes is a few thousand rows even on the large
benchmark file, so it is fetched as tuples and walked in Python once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from statistics import median

from sqlalchemy import text
from sqlmodel import Session

from kankei_desktop.domain.figures import FunnelStage

_LIVE_PERSON = "NOT IN (SELECT id FROM person WHERE deleted_at IS NOT NULL)"


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def funnels(session: Session, programme_ids: list[str], end: date) -> dict[str, tuple[int, list[FunnelStage]]]:
    """{programme id: (enrollments with history by the end, stages in order)}."""
    if not programme_ids:
        return {}
    stages, history, bare = _fetch(session, programme_ids, end)
    stage_rows: dict[str, list[tuple]] = defaultdict(list)
    for programme_id, stage_id, name, position, is_final, is_dropout in stages:
        stage_rows[programme_id].append((stage_id, name, position, bool(is_final), bool(is_dropout)))
    paths: dict[str, list[tuple[str, date | None]]] = defaultdict(list)
    owner: dict[str, str] = {}
    for programme_id, enrollment_id, stage_id, changed_on in list(history) + list(bare):
        paths[enrollment_id].append((stage_id, _as_date(changed_on)))
        owner[enrollment_id] = programme_id

    result: dict[str, tuple[int, list[FunnelStage]]] = {}
    for programme_id in programme_ids:
        rows = stage_rows.get(programme_id, [])
        walked = _walk(rows, [path for enrollment_id, path in paths.items() if owner[enrollment_id] == programme_id])
        result[programme_id] = (walked.count, _stages(rows, walked))
    return result


def _fetch(session: Session, programme_ids: list[str], end: date) -> tuple[list, list, list]:
    """(the programmes' stages, their enrollments' stage changes by the end, enrollments without history)."""
    marks = ", ".join(f":p{i}" for i in range(len(programme_ids)))
    params = {f"p{i}": pid for i, pid in enumerate(programme_ids)} | {"end": end.isoformat()}
    stages = session.execute(text(f"""
        SELECT programme_id, id, name, position, is_final, is_dropout FROM programme_stage
        WHERE programme_id IN ({marks}) AND deleted_at IS NULL ORDER BY programme_id, position
    """), params).all()
    history = session.execute(text(f"""
        SELECT e.programme_id, e.id, c.to_stage_id, c.changed_on
        FROM enrollment AS e JOIN enrollment_stage_change AS c ON c.enrollment_id = e.id
        WHERE e.programme_id IN ({marks}) AND e.deleted_at IS NULL AND e.person_id {_LIVE_PERSON}
          AND c.deleted_at IS NULL AND c.changed_on <= :end
        ORDER BY e.id, c.changed_on, c.created_at
    """), params).all()
    # An enrollment made before histories were kept still counts at its current stage.
    bare = session.execute(text(f"""
        SELECT e.programme_id, e.id, e.stage_id, coalesce(e.stage_since, e.joined_on, e.applied_on)
        FROM enrollment AS e
        WHERE e.programme_id IN ({marks}) AND e.deleted_at IS NULL AND e.person_id {_LIVE_PERSON}
          AND NOT EXISTS (SELECT 1 FROM enrollment_stage_change AS c
                          WHERE c.enrollment_id = e.id AND c.deleted_at IS NULL)
          AND (coalesce(e.stage_since, e.joined_on, e.applied_on) IS NULL
               OR coalesce(e.stage_since, e.joined_on, e.applied_on) <= :end)
    """), params).all()
    return stages, history, bare


@dataclass
class _Walked:
    """What one programme's enrollment paths add up to, per stage."""

    count: int = 0
    reached_top: list[int] = field(default_factory=list)  # highest non-dropout position per enrollment
    dropped: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    current: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    stay_days: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))


def _walk(rows: list[tuple], paths: list[list[tuple[str, date | None]]]) -> _Walked:
    """Walk each enrollment's path once: how high it got, where it dropped out, where it is, how long it stayed."""
    position_of = {row[0]: row[2] for row in rows}
    dropout = {row[0] for row in rows if row[4]}
    walked = _Walked()
    for path in paths:
        walked.count += 1
        ordinary = [position_of[s] for s, _d in path if s in position_of and s not in dropout]
        if ordinary:
            walked.reached_top.append(max(ordinary))
        for stage_id in {s for s, _d in path if s in dropout}:
            walked.dropped[stage_id] += 1
        walked.current[path[-1][0]] += 1
        for (stage_id, since), (_next, until) in zip(path, path[1:]):
            if since and until:
                walked.stay_days[stage_id].append((until - since).days)
    return walked


def _stages(rows: list[tuple], walked: _Walked) -> list[FunnelStage]:
    """The funnel in stage order: reached, current, conversion to the next ordinary stage, median stay."""
    ordinary_rows = [row for row in rows if not row[4]]
    reached = {
        row[0]: (walked.dropped[row[0]] if row[4] else sum(1 for top in walked.reached_top if top >= row[2]))
        for row in rows
    }
    funnel = []
    for stage_id, name, position, is_final, is_dropout in rows:
        conversion = None
        if not is_dropout:
            later = [r for r in ordinary_rows if r[2] > position]
            if later and reached[stage_id]:
                conversion = reached[later[0][0]] / reached[stage_id]
        days = walked.stay_days.get(stage_id)
        funnel.append(FunnelStage(name, position, is_final, is_dropout, reached[stage_id], walked.current[stage_id],
                                  conversion, float(median(days)) if days else None))
    return funnel
