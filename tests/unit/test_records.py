"""services/records.py: every kind declared once, and what reads the declarations."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import plain_sql
import pytest
from sqlalchemy import select
from sqlmodel import SQLModel

import kankei_desktop.domain.tables as tables
from kankei_desktop.domain.errors import StoreError
from kankei_desktop.domain.tables import (
    Enrollment,
    EnrollmentStageChange,
    Interaction,
    LadderStageChange,
    Letter,
    Person,
    PersonTag,
    PersonTie,
    Programme,
    ProgrammeStage,
    Shipment,
    Stay,
    StayParticipant,
)
from kankei_desktop.io import templates
from kankei_desktop.services import exports, privacy, records, timeline
from kankei_desktop.services.records import RECORDS


def _declared_tables() -> set[str]:
    declared = set()
    for kind in RECORDS.values():
        declared.add(kind.table.__tablename__)
        declared |= {part.__tablename__ for part in kind.parts}
        declared |= {link.table.__tablename__ for link in kind.person_links}
    return declared


def test_every_table_pointing_at_a_person_or_a_host_is_declared():
    assert tables  # every table registered on the metadata
    pointing = {}
    for table in SQLModel.metadata.sorted_tables:
        targets = {fk.column.table.name for fk in table.foreign_keys}
        if targets & {"person", "host"}:
            pointing[table.name] = targets & {"person", "host"}
    assert {"stay", "stay_participant", "letter", "shipment", "interaction"} <= set(pointing)
    missing = sorted(set(pointing) - _declared_tables())
    assert missing == [], f"declare these tables in services/records.py: {missing}"
    # And every declared link to a person names a column that really points at person.id.
    links = {link.table.__tablename__: link for link in records.person_links()}
    for name, targets in pointing.items():
        if "person" in targets:
            assert name in links, f"{name} points at person but has no PersonLink"
            column = SQLModel.metadata.tables[name].c[links[name].column]
            assert any(fk.column.table.name == "person" for fk in column.foreign_keys)
        if "host" in targets:
            declared = [k for k in RECORDS.values() if k.table.__tablename__ == name]
            host_columns = {c.name for c in SQLModel.metadata.tables[name].c
                            if any(fk.column.table.name == "host" for fk in c.foreign_keys)}
            assert declared and set(declared[0].host_columns) == host_columns


def test_the_lists_read_the_declarations():
    assert exports.WHAT == (*records.kinds(exportable=True), "all")
    assert set(templates.TEMPLATE_KINDS) == set(records.kinds(template=True))
    assert {"hosts", "interactions"} <= set(records.kinds(importable=True))
    for kind in RECORDS.values():
        for reference in (kind.export, kind.timeline, kind.activity, kind.input_type):
            if reference:
                assert records.resolve(reference)
        if kind.exportable:
            assert exports.SHEET_NAMES[kind.key] == kind.sheet


def test_every_export_header_is_an_import_column_or_declared_as_for_reading(database):
    from kankei_desktop.io.columns import recognise

    with database.session() as session:
        for key in records.kinds(exportable=True, importable=True):
            kind = RECORDS[key]
            table = records.resolve(kind.export)(session)
            for header in table.headers:
                assert recognise(header, key) is not None or header in kind.export_only, (key, header)
            for header in kind.id_headers:
                assert header in table.headers, (key, header)


def _cli(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "kankei_desktop", *args], capture_output=True, text=True,
                          **kwargs)


def test_cli_choices_follow_the_declarations():
    from kankei_desktop.cli import exchange

    # The CLI keeps its own tuples (it starts without importing the services); they must agree.
    assert set(exchange.IMPORT_KINDS) == set(records.kinds(importable=True))
    assert set(exchange.TEMPLATE_KINDS) == set(records.kinds(template=True))
    assert exchange.EXPORT_WHAT == exports.WHAT
    helps = {command: _cli(*command.split(), "--help").stdout for command in ("export", "import", "template")}
    for key in records.kinds(exportable=True):
        assert key in helps["export"]
    for key in records.kinds(importable=True):
        assert key in helps["import"]
    for key in records.kinds(template=True):
        assert key in helps["template"]


# ------------------------------------------------------------------ erasure, driven by the declarations

NAME, KANA, EMAIL, PHONE = "雲雀丘 澄礼", "ヒバリガオカ スミレ", "sumire.hibari@example.jp", "090-7788-4411"


def _marker(table: str, field: str) -> str:
    return f"QX{table}{field}".replace("_", "") + "mk"


def _required(table, session, person_id: str, stay_id: str, programme_id: str, stage_id: str) -> dict:
    """The least a row of each person table needs; a table declared later must be added here."""
    return {
        PersonTie: dict(tie="ふるさと納税寄附者"),
        PersonTag: dict(kind="関心", name="稲作"),
        LadderStageChange: dict(to_stage="参加", changed_on=date(2026, 5, 1)),
        Enrollment: dict(programme_id=programme_id, stage_id=stage_id),
        StayParticipant: dict(stay_id=stay_id),
        Letter: dict(direction="参加者→地域"),
        Shipment: dict(),
        Interaction: dict(kind="その他", occurred_on=date(2026, 5, 1)),
    }[table]


def _person_with_everything(database) -> tuple[str, list[str]]:
    """A person with every declared personal value filled with a findable marker; returns (id, markers)."""
    markers: list[str] = [NAME, KANA, EMAIL, PHONE, "09077884411", "雲雀丘澄礼"]
    with database.session() as session:
        for i in range(100):  # neighbours on the same pages
            session.add(Person(name=f"隣人 {i:03d}", email=f"n{i}@example.jp"))
        values = {}
        for field, _blank in RECORDS["persons"].personal.items():
            column = Person.__table__.c[field]
            if column.type.python_type is str and field not in ("furigana_sort", "search_text"):
                values[field] = _marker("person", field)
            elif column.type.python_type is date:
                values[field] = date(1961, 2, 27) if field == "birth_date" else date(2019, 3, 23)
        values |= dict(name=NAME, furigana=KANA, email=EMAIL, phone=PHONE,
                       found_via=f"{NAME}さんの紹介", search_text=f"{NAME}{EMAIL}")
        markers += [v for k, v in values.items() if isinstance(v, str) and v.startswith("QX")]
        markers += ["1961-02-27", "2019-03-23"]
        person = Person(**values)
        session.add(person)
        programme = Programme(name="お米レター", fiscal_year=2026)
        session.add(programme)
        session.flush()
        stage = ProgrammeStage(programme_id=programme.id, name="申込", position=0)
        session.add(stage)
        # A stay shared with a neighbour: its free text keeps the neighbour's words, loses the person's.
        stay = Stay(start_on=date(2026, 5, 1), end_on=date(2026, 5, 2))
        for field in records.RECORDS["stays"].shared_text:
            setattr(stay, field, f"{NAME}さんと隣人 000 さん、連絡は {PHONE}（09077884411）か {EMAIL}。雲雀丘澄礼")
        session.add(stay)
        session.flush()
        for link in records.person_links():
            row = link.table(**{link.column: person.id},
                             **_required(link.table, session, person.id, stay.id, programme.id, stage.id))
            for field in (*link.own_text, *link.blank):
                value = f"{_marker(link.table.__tablename__, field)} {NAME}"
                # Within the declared length (a server enforces it; the marker itself always fits).
                value = value[:link.table.__table__.c[field].type.length or len(value)]
                setattr(row, field, value)
                markers.append(_marker(link.table.__tablename__, field))
            session.add(row)
            if link.table is Enrollment:
                session.flush()
                session.add(EnrollmentStageChange(enrollment_id=row.id, to_stage_id=stage.id,
                                                  changed_on=date(2026, 5, 1)))
    return person.id, markers


def _file_bytes(database) -> bytes:
    return plain_sql.stored_bytes(database)


def test_erasure_leaves_no_declared_personal_value_anywhere_in_the_file(database):
    person_id, markers = _person_with_everything(database)
    data = _file_bytes(database)
    assert all(marker.encode() in data for marker in markers), [m for m in markers if m.encode() not in data]
    privacy.anonymise_and_purge(database, person_id)
    data = _file_bytes(database)
    left = [marker for marker in markers if marker.encode() in data]
    assert left == []
    with database.session() as session:
        stay = session.execute(select(Stay)).scalar_one()
        assert "隣人 000 さん" in stay.purpose and "（消去済み）" in stay.purpose


@pytest.mark.sqlite_only  # a reader holding the -wal blocks the checkpoint: a file matter
def test_erasure_retried_after_a_failure_finishes(database):
    person_id, markers = _person_with_everything(database)
    reader = plain_sql.connect(database)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM person").fetchone()  # holds the log: no checkpoint possible
    try:
        with pytest.raises(StoreError, match="もう一度"):
            privacy.anonymise_and_purge(database, person_id)
    finally:
        reader.rollback()
        reader.close()
    result = privacy.anonymise_and_purge(database, person_id)  # no 「すでに消去されています」
    assert result.vacuumed
    data = _file_bytes(database)
    assert [marker for marker in markers if marker.encode() in data] == []


def test_anonymise_without_a_terminal_says_how_to_confirm(database, tmp_path):
    person_id, _markers = _person_with_everything(database)
    path = database.path
    database.close()
    done = _cli("anonymise", "--db", str(path), "--person", person_id, stdin=subprocess.DEVNULL)
    assert done.returncode != 0
    assert "EOFError" not in done.stderr and "Traceback" not in done.stderr
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert len(lines) == 1 and "--yes" in lines[0]
    connection = plain_sql.connect(path)
    assert connection.execute("SELECT name FROM person WHERE id = ?", (person_id,)).fetchone()[0] == NAME
    connection.close()


def test_the_timeline_has_a_row_for_every_declared_kind_with_one(database):
    person_id, _markers = _person_with_everything(database)
    with database.session() as session:
        kinds = {entry.kind for entry in timeline.person_timeline(session, person_id)}
    assert {"参加登録", "滞在", "手紙", "発送", "関わり", "関わりの段階"} <= kinds


def test_the_per_person_audit_view_holds_every_declared_record_of_theirs(database):
    from kankei_desktop.services import audit_log
    from kankei_desktop.services.hosts import HostInput, create_host
    from kankei_desktop.services.interactions import InteractionInput, log_interaction
    from kankei_desktop.services.participants import PersonInput, create_person
    from kankei_desktop.services.stays import StayInput, create_stay

    with database.session() as session:
        person_id = create_person(session, PersonInput(name="山田 花子", furigana="ヤマダ ハナコ"))
        other_id = create_person(session, PersonInput(name="佐藤 太郎", furigana="サトウ タロウ"))
        farm = create_host(session, HostInput(name="田中農園"))
        create_stay(session, StayInput(person_ids=[person_id], host_id=farm, start_on=date(2026, 8, 1),
                                       end_on=date(2026, 8, 2)), today=date(2026, 7, 1))
        create_stay(session, StayInput(person_ids=[other_id], host_id=farm, start_on=date(2026, 8, 1),
                                       end_on=date(2026, 8, 2)), today=date(2026, 7, 1))
        log_interaction(session, InteractionInput(person_id, "イベント参加", date(2026, 5, 1)))
    with database.session() as session:
        entities = [row.entity for row in audit_log.list_entries(session, person_id=person_id)]
    assert sorted(entities) == ["interaction", "person", "stay"]  # not the other person's stay, not the host
