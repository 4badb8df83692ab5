"""Property: whatever two offices edit (add, change, delete, merge, ties and interests, in any
order, with exchanges in between), after exchanging and resolving their conflicts their files
hold the same records."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from exchange_offices import differences, dump, offices, send
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kankei_desktop.services import exchange
from kankei_desktop.services.merge import merge_persons
from kankei_desktop.services.participants import (
    PersonInput,
    create_person,
    delete_person,
    load_person_input,
    update_person,
)
from kankei_desktop.store import open_database

# Offices exchange files; a shared server has no journal (docs/decisions.md).
pytestmark = pytest.mark.sqlite_only

NAMES = ["青木 空", "石井 森", "上田 林"]
operations = st.lists(st.one_of(
    st.tuples(st.just("add"), st.integers(0, 1), st.integers(0, 2)),
    st.tuples(st.just("phone"), st.integers(0, 1), st.integers(0, 5), st.integers(0, 3)),
    st.tuples(st.just("notes"), st.integers(0, 1), st.integers(0, 5), st.integers(0, 3)),
    st.tuples(st.just("delete"), st.integers(0, 1), st.integers(0, 5)),
    st.tuples(st.just("exchange"), st.integers(0, 1)),
    st.tuples(st.just("merge"), st.integers(0, 1), st.integers(0, 5), st.integers(0, 5)),
    st.tuples(st.just("tie"), st.integers(0, 1), st.integers(0, 5)),
), min_size=1, max_size=12)


@pytest.fixture(scope="module")
def template():
    folder = Path(tempfile.mkdtemp())
    (a, b), ids = offices(folder)
    a.close()
    b.close()
    yield folder, ids
    shutil.rmtree(folder, ignore_errors=True)


def _persons(database) -> list[str]:
    with database.session() as session:
        from sqlalchemy import text

        return list(session.execute(text("SELECT id FROM person WHERE deleted_at IS NULL ORDER BY created_at, id"))
                    .scalars())


def _run(database, other, op, folder) -> None:
    kind = op[0]
    if kind == "exchange":
        send(database, other, folder)
        return
    live = _persons(database)
    with database.session() as session:
        if kind == "add":
            create_person(session, PersonInput(name=NAMES[op[2]], furigana="テスト"))
        elif live and kind in ("phone", "notes"):
            person = live[op[2] % len(live)]
            value = f"090-0000-000{op[3]}" if kind == "phone" else f"メモ{op[3]}"
            update_person(session, person, replace(load_person_input(session, person), **{kind: value}))
        elif live and kind == "delete":
            delete_person(session, live[op[2] % len(live)])
        elif len(live) > 1 and kind == "merge":
            survivor, other = live[op[2] % len(live)], live[op[3] % len(live)]
            if survivor != other:
                merge_persons(session, survivor, other, {"phone": "other"})
        elif live and kind == "tie":
            person = live[op[2] % len(live)]
            data = load_person_input(session, person)
            update_person(session, person, replace(data, ties=sorted({*data.ties, "出身者"}), interests=["農業"]))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations)
def test_random_edits_at_two_offices_converge(template, ops):
    source, _ids = template
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        for name in ("honcho.sqlite3", "shisho1.sqlite3"):
            shutil.copy(source / name, work / name)
        a, b = open_database(work / "honcho.sqlite3"), open_database(work / "shisho1.sqlite3")
        try:
            files = (a, b)
            for op in ops:
                _run(files[op[1]], files[1 - op[1]], op, work)
            for _round in range(2):
                send(a, b, work)
                send(b, a, work)
                with a.session() as session:
                    exchange.resolve_all(session, "remote")
                with b.session() as session:
                    exchange.resolve_all(session, "local")
            send(a, b, work)
            send(b, a, work)
            assert differences(dump(a), dump(b)) == []
            for database in files:
                with database.session() as session:
                    assert exchange.list_conflicts(session) == []
        finally:
            a.close()
            b.close()
