"""Roles enforced by the server, file ⇄ server moves and server backups (issue 20 items 4–6).

Every test needs a real PostgreSQL server: they run under ``pytest --pg`` and are skipped
without one (the ``empty_server_database`` fixture). The commands run as subprocesses.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import ProgrammingError

import pg_support
from kankei_desktop.store import create_database, open_database
from kankei_desktop.store.server import ServerAddress


def run(*args):
    return subprocess.run([sys.executable, "-m", "kankei_desktop", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def as_user(address: ServerAddress, user: str) -> str:
    return str(address.url.set(drivername="postgresql").update_query_dict({"user": user}))


def person_count(url: str) -> int:
    engine = create_engine(ServerAddress(url).url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM person")).scalar_one()
    finally:
        engine.dispose()


@pytest.fixture
def office(empty_server_database):
    """A server database made by ``server init --demo``, with an administrator and a 閲覧者."""
    suffix = f"{os.getpid()}_{empty_server_database.name[-4:]}"
    admin, viewer = f"kanri_{suffix}", f"etsuran_{suffix}"
    made = run("server", "init", "--db", empty_server_database, "--admin", admin, "--demo")
    assert made.returncode == 0, made.stderr
    added = run("server", "user", "add", "--db", as_user(empty_server_database, admin), "--name", viewer, "--role", "閲覧者")
    assert added.returncode == 0, added.stderr
    return empty_server_database, admin, viewer


def test_a_viewer_makes_the_progress_pdf_but_cannot_read_a_name(office, tmp_path):
    address, admin, viewer = office
    listed = run("server", "user", "list", "--db", as_user(address, admin))
    assert f"{admin}\t管理者" in listed.stdout and f"{viewer}\t閲覧者" in listed.stdout
    report = run("report", "--db", as_user(address, viewer), "--fiscal-year", "2026", "--out", tmp_path / "r.pdf")
    assert report.returncode == 0, report.stderr
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    seen_by = {user: run("stats", "--db", as_user(address, user), "--fiscal-year", "2026", "--json") for user in (viewer, admin)}
    assert seen_by[viewer].returncode == 0, seen_by[viewer].stderr
    assert seen_by[viewer].stdout == seen_by[admin].stdout  # the viewer's figures are everybody's figures
    named = run("report", "--db", as_user(address, viewer), "--fiscal-year", "2026", "--named", "--out", tmp_path / "n.pdf")
    assert named.returncode == 2 and "権限" in named.stderr and not (tmp_path / "n.pdf").exists()
    from kankei_desktop.domain.errors import KankeiError
    from kankei_desktop.services.server_roles import window_refusal
    from kankei_desktop.ui.app import open_for_gui

    with pytest.raises(KankeiError, match="閲覧者"):  # the window: a viewer has no names to show
        open_for_gui(ServerAddress(as_user(address, viewer)), False)
    administrator = open_for_gui(ServerAddress(as_user(address, admin)), False)
    assert window_refusal(administrator) is None
    administrator.close()
    dumped = run("server", "backup", "--db", as_user(address, viewer), "--out", tmp_path / "v.dump")
    assert dumped.returncode == 2 and "管理者" in dumped.stderr and list(tmp_path.glob("v.dump*")) == []
    engine = create_engine(ServerAddress(as_user(address, viewer)).url)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM person")).scalar_one() == 300
            for column in ("name", "email", "phone", "address_line"):
                with pytest.raises(ProgrammingError, match="permission denied"):
                    connection.execute(text(f"SELECT {column} FROM person"))
                connection.rollback()
            with pytest.raises(ProgrammingError, match="permission denied"):
                connection.execute(text("SELECT * FROM person"))
    finally:
        engine.dispose()


def test_a_role_without_rights_is_refused_with_one_line_and_nothing_changes(office):
    address, admin, viewer = office
    before = person_count(as_user(address, admin))
    added = run("import", "--db", as_user(address, viewer), "--help")  # the parser works for anybody
    assert added.returncode == 0
    refused = run("programmes", "create", "--db", as_user(address, viewer), "--name", "新企画", "--year", "2026")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1 and "権限" in refused.stderr
    not_admin = run("server", "user", "add", "--db", as_user(address, viewer), "--name", "x_" + viewer, "--role", "管理者")
    assert not_admin.returncode == 2 and "管理者だけ" in not_admin.stderr
    changed = run("server", "user", "role", "--db", as_user(address, admin), "--name", viewer, "--role", "コーディネーター")
    assert changed.returncode == 0, changed.stderr
    listed = run("server", "user", "list", "--db", as_user(address, admin))
    assert f"{viewer}\tコーディネーター" in listed.stdout
    coordinator = as_user(address, viewer)  # now a コーディネーター: writes, but neither settings nor erasure
    assert run("programmes", "create", "--db", coordinator, "--name", "新企画", "--year", "2026").returncode == 0
    setting = run("settings", "set", "--db", coordinator, "organisation_phone", "03-1111-2222")
    assert setting.returncode == 2 and "権限" in setting.stderr
    engine = create_engine(ServerAddress(as_user(address, admin)).url)
    try:
        with engine.connect() as connection:
            person, name = connection.execute(text("SELECT id, name FROM person ORDER BY id LIMIT 1")).one()
            erased = run("anonymise", "--db", coordinator, "--person", person, "--yes")
            assert erased.returncode == 2 and "管理者" in erased.stderr, erased.stderr
            assert connection.execute(text("SELECT name FROM person WHERE id = :p"), {"p": person}).scalar_one() == name
        assert run("anonymise", "--db", as_user(address, admin), "--person", person, "--yes").returncode == 0
    finally:
        engine.dispose()
    assert person_count(as_user(address, admin)) == before


def _later_migration(address: ServerAddress) -> None:
    """What a newer program's migration does, as the tables' owner: the exchange tables and
    the row versions come again (downgraded to 0008, then opened, which migrates to the head)."""
    from alembic import command

    from kankei_desktop.store import migrations

    engine = create_engine(address.url)
    try:
        with engine.begin() as connection:
            config = migrations._config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0008")
    finally:
        engine.dispose()
    open_database(address).close()


def _viewer_reads(address: ServerAddress, viewer: str, sql: str):
    engine = create_engine(ServerAddress(as_user(address, viewer)).url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(sql)).scalar_one()
    finally:
        engine.dispose()


def test_server_grant_gives_a_migrations_new_tables_and_columns_their_grants(office, tmp_path):
    address, admin, viewer = office
    again = run("server", "init", "--db", address, "--admin", admin)  # init again: told about grant
    assert again.returncode == 2 and "server grant" in again.stderr, again.stderr
    _later_migration(address)
    with pytest.raises(ProgrammingError, match="permission denied"):  # the new table: nothing for a 閲覧者 yet
        _viewer_reads(address, viewer, "SELECT count(*) FROM exchange_office")
    with pytest.raises(ProgrammingError, match="permission denied"):  # the new column either
        _viewer_reads(address, viewer, "SELECT max(row_version) FROM person")
    refused = run("server", "grant", "--db", as_user(address, admin))  # the 管理者 does not own the tables
    assert refused.returncode == 2 and "所有者" in refused.stderr, refused.stderr
    granted = run("server", "grant", "--db", address)
    assert granted.returncode == 0 and "付け直しました" in granted.stdout, granted.stderr
    assert _viewer_reads(address, viewer, "SELECT count(*) FROM exchange_office") == 0
    assert _viewer_reads(address, viewer, "SELECT max(row_version) FROM person") == 1
    assert _viewer_reads(address, viewer, "SELECT count(*) FROM person WHERE ladder_stage IS NOT NULL") == 300
    for sql in ("SELECT name FROM person LIMIT 1", "SELECT max(local_value) FROM exchange_conflict",
                "SELECT count(*) FROM person WHERE email LIKE '%@%'"):
        with pytest.raises(ProgrammingError, match="permission denied"):
            _viewer_reads(address, viewer, sql)
    stats = run("stats", "--db", as_user(address, viewer), "--fiscal-year", "2026", "--json")
    assert stats.returncode == 0, stats.stderr
    added = run("programmes", "create", "--db", as_user(address, admin), "--name", "移行後の企画", "--year", "2026")
    assert added.returncode == 0, added.stderr  # the writing groups keep their rights


def _dumps(database) -> dict[str, list[tuple]]:
    from sqlmodel import SQLModel

    from kankei_desktop.services.transfer import table_dump

    return {table.name: table_dump(database, table) for table in SQLModel.metadata.sorted_tables}


def test_the_demo_file_goes_to_the_server_and_back_unchanged(empty_server_database, tmp_path):
    from kankei_desktop.services import demo

    first = tmp_path / "demo.sqlite3"
    database = create_database(first)
    picture = tmp_path / "rice.png"
    from PIL import Image

    Image.new("RGB", (40, 30), (200, 180, 90)).save(picture)
    from kankei_desktop.services.attachments import add_attachment

    with database.session() as session:
        demo.load_demo_data(session)
        person = session.execute(text("SELECT id FROM person ORDER BY id LIMIT 1")).scalar_one()
        add_attachment(session, "person", person, picture)
    database.close()
    shared = tmp_path / "shared-photos"
    there = run("migrate", "--from", first, "--to", empty_server_database, "--photos", shared)
    assert there.returncode == 0, there.stderr
    assert "参加者: 300 → 300 件  一致" in there.stdout and "不一致" not in there.stdout
    import hashlib

    copied = [path for path in shared.rglob("*") if path.is_file()]
    assert len(copied) == 1 and "写真: 1 枚" in there.stdout
    assert copied[0].stem == hashlib.sha256(copied[0].read_bytes()).hexdigest()
    back = run("migrate", "--from", empty_server_database, "--to", tmp_path / "back.sqlite3")
    assert back.returncode == 0, back.stderr
    again = run("migrate", "--from", empty_server_database, "--to", tmp_path / "back.sqlite3")
    assert again.returncode == 2 and "すでにあります" in again.stderr
    left, right = open_database(first, read_only=True), open_database(tmp_path / "back.sqlite3", read_only=True)
    try:
        a, b = _dumps(left), _dumps(right)
    finally:
        left.close()
        right.close()
    assert sum(map(len, a.values())) > 1000
    assert a == b
    import sqlite3

    from kankei_desktop.services.transfer import compare

    changed = sqlite3.connect(tmp_path / "back.sqlite3")
    changed.execute("UPDATE person SET furigana = furigana || 'ア' WHERE id = (SELECT min(id) FROM person)")
    changed.commit()
    changed.close()
    left, right = open_database(first, read_only=True), open_database(tmp_path / "back.sqlite3", read_only=True)
    try:
        differing = [item.label for item in compare(left, right) if not item.same]
    finally:
        left.close()
        right.close()
    assert differing == ["参加者"]  # the comparison sees one changed letter in one field


def test_a_server_backup_restores_into_a_new_database(empty_server_database, tmp_path):
    from kankei_desktop.services import demo

    with_data = pg_support.open_fresh(pg_support.fresh_url())
    with with_data.session() as session:
        demo.load_demo_data(session)
    dump = tmp_path / "office.dump"
    made = run("server", "backup", "--db", with_data.path, "--out", dump)
    assert made.returncode == 0, made.stderr
    assert "pg_dump" in made.stdout and dump.stat().st_size > 0
    own = run("server", "backup", "--db", with_data.path, "--out", tmp_path / "copy.sqlite3")  # the app's own export
    assert own.returncode == 0 and "すべての種類の件数と内容が一致" in own.stdout, own.stderr
    copy = open_database(tmp_path / "copy.sqlite3", read_only=True)
    try:
        assert _dumps(copy) == _dumps(with_data)
    finally:
        copy.close()
    restored = run("server", "restore", "--db", empty_server_database, "--from", dump)
    assert restored.returncode == 0, restored.stderr
    again = run("server", "restore", "--db", empty_server_database, "--from", dump)
    assert again.returncode == 2 and "空ではありません" in again.stderr
    boss = f"boss_{os.getpid()}_{empty_server_database.name[-4:]}"
    roles = run("server", "init", "--db", empty_server_database, "--admin", boss)  # the restored copy's roles
    assert roles.returncode == 0 and "既存のデータベース" in roles.stdout, roles.stderr
    listed = run("server", "user", "list", "--db", as_user(empty_server_database, boss))
    assert f"{boss}\t管理者" in listed.stdout
    other = open_database(empty_server_database, read_only=True)
    try:
        assert _dumps(with_data) == _dumps(other)
    finally:
        other.close()
        with_data.close()
        pg_support.drop(with_data.path)


def test_init_by_a_user_who_cannot_make_roles_is_refused_and_makes_nothing(empty_server_database):
    plain = f"plain_{os.getpid()}_{empty_server_database.name[-4:]}"
    admin = create_engine(ServerAddress(os.environ["KANKEI_TEST_PG"]).url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE ROLE "{plain}" LOGIN'))
            connection.execute(text(f'ALTER DATABASE "{empty_server_database.name}" OWNER TO "{plain}"'))
        refused = run("server", "init", "--db", as_user(empty_server_database, plain), "--admin", "boss_" + plain)
        assert refused.returncode == 2 and "CREATEROLE" in refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1
        looking = create_engine(empty_server_database.url)
        with looking.connect() as connection:
            assert connection.execute(text(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).scalar_one() == 0
            assert connection.execute(text(
                "SELECT count(*) FROM pg_roles WHERE rolname LIKE :p"), {"p": empty_server_database.name + "%"}).scalar_one() == 0
        looking.dispose()
    finally:
        admin.dispose()
