"""A segment's or a programme's persons leaving the app (issue 14 item 6).

- ``export_persons``: the persons export (``services.exports.persons_table``: the same columns,
  so the file re-imports) narrowed to some persons, to .xlsx or .csv, recorded in the audit log.
- ``segment_roster`` / ``programme_roster`` gather an A4 list (氏名, フリガナ, 連絡先, 段階) that
  ``reports.roster`` draws, marked 取扱注意（個人情報） on every page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from kankei_desktop.domain.calendar import fiscal_year_label
from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import Enrollment, Person, ProgrammeStage
from kankei_desktop.io.writers import Table, WriteResult, write_csv, write_xlsx
from kankei_desktop.services import exports, programmes, segments, settings_store
from kankei_desktop.store import audit

_CHUNK = 900  # ids per IN (…): well inside SQLite's limit of bound values


@dataclass
class RosterRow:
    name: str
    furigana: str
    contact: str
    stage: str


@dataclass
class Roster:
    title: str  # 「参加者名簿　セグメント：東京の若者」
    stage_header: str  # 関わりの段階 (segment) or ステージ (programme)
    rows: list[RosterRow] = field(default_factory=list)
    organisation: str = ""


def _chunks(values: list[str]):
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def persons_only(table: Table, person_ids: list[str]) -> Table:
    """``table`` (the persons export) keeping the rows of ``person_ids``, in the export's order."""
    wanted = set(person_ids)
    at = table.headers.index(next(h for h in table.headers if h in ("参加者ID", "ID")))
    table.rows = [row for row in table.rows if row[at] in wanted]
    return table


def export_persons(session: Session, person_ids: list[str], out: Path, *, label: str,
                   encoding: str = "utf-8-sig", exclude_no_contact: bool = False) -> WriteResult:
    """Write these persons as the persons export does (.xlsx or .csv); ``label`` names the source
    (「セグメント：…」) in the audit log."""
    out = Path(out)
    if out.suffix.lower() not in (".xlsx", ".csv"):
        raise ValidationError({"out": f"「{out.name}」: 書き出し先は .xlsx か .csv にしてください。"})
    if not person_ids:
        raise ValidationError({"persons": f"{label}に該当する参加者がいません。書き出すものがありません。"})
    table = persons_only(exports.persons_table(session, exclude_no_contact), person_ids)
    result = write_xlsx(out, [table]) if out.suffix.lower() == ".xlsx" else write_csv(out, table, encoding)
    audit.record(session, "export", "persons", "", {
        "file": out.name, "rows": result.rows, "of": label,
        "encoding": encoding if out.suffix.lower() == ".csv" else "xlsx", "exclude_no_contact": exclude_no_contact,
    })
    return result


def _contact(phone: str | None, email: str | None, contact_ok: bool) -> str:
    text = "\n".join(part for part in (phone or "", email or "") if part)  # one line each on the roster
    return text if contact_ok else f"{text}（連絡不可）".lstrip()


def _organisation(session: Session) -> str:
    return str(settings_store.get(session, settings_store.ORGANISATION_NAME) or "").strip()


def segment_roster(session: Session, segment_name: str) -> Roster:
    """Everyone the segment finds now, in フリガナ order, with their 関わりの段階."""
    person_ids = segments.person_ids_for_segment_name(session, segment_name)
    found: dict[str, RosterRow] = {}
    for chunk in _chunks(person_ids):
        for pid, name, furigana, phone, email, ok, stage in session.execute(
            select(Person.id, Person.name, Person.furigana, Person.phone, Person.email, Person.contact_ok,
                   Person.ladder_stage).where(Person.id.in_(chunk))
        ):
            found[pid] = RosterRow(name, furigana or "", _contact(phone, email, ok), stage or "")
    return Roster(f"参加者名簿　セグメント「{segment_name}」", "関わりの段階",
                  [found[pid] for pid in person_ids if pid in found], _organisation(session))


def programme_roster(session: Session, programme_id: str) -> Roster:
    """The persons enrolled in the programme, in フリガナ order, with their stage in it."""
    programme = programmes.live_programme(session, programme_id)
    rows = session.execute(
        select(Person.name, Person.furigana, Person.phone, Person.email, Person.contact_ok, ProgrammeStage.name)
        .join(Enrollment, Enrollment.person_id == Person.id)
        .join(ProgrammeStage, ProgrammeStage.id == Enrollment.stage_id)
        .where(Enrollment.programme_id == programme_id, Enrollment.deleted_at.is_(None),
               Person.deleted_at.is_(None))
        .order_by(Person.furigana_sort, Person.id)
    ).all()
    title = f"参加者名簿　{programme.name}（{fiscal_year_label(programme.fiscal_year)}）"
    return Roster(title, "ステージ", [RosterRow(n, f or "", _contact(p, e, ok), s or "") for n, f, p, e, ok, s in rows],
                  _organisation(session))


def programme_person_ids(session: Session, programme_id: str) -> list[str]:
    programmes.live_programme(session, programme_id)
    return list(session.execute(
        select(Person.id).join(Enrollment, Enrollment.person_id == Person.id)
        .where(Enrollment.programme_id == programme_id, Enrollment.deleted_at.is_(None), Person.deleted_at.is_(None))
        .order_by(Person.furigana_sort, Person.id)
    ).scalars())


def write_roster(session: Session, roster: Roster, out: Path, *, today: date | None = None) -> int:
    """Draw the roster as an A4 PDF at ``out``; returns the number of pages. Recorded in the audit log."""
    from kankei_desktop.reports.roster import write_roster_pdf

    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise ValidationError({"out": f"「{out.name}」: 名簿は .pdf で保存します。"})
    if not roster.rows:
        raise ValidationError({"persons": "名簿に載せる参加者がいません（該当者 0 名）。"})
    pages = write_roster_pdf(out, roster.title, roster.stage_header,
                             [(r.name, r.furigana, r.contact, r.stage) for r in roster.rows],
                             organisation=roster.organisation, made_on=today or date.today())
    audit.record(session, "export", "roster", "", {"file": out.name, "rows": len(roster.rows), "of": roster.title})
    return pages


def person_id_of_enrollment(session: Session, enrollment_id: str) -> str | None:
    """The person of an enrollment (the programme table opens that person's card on Enter)."""
    return session.execute(select(Enrollment.person_id).where(Enrollment.id == enrollment_id)).scalar()
