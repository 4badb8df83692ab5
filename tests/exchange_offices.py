"""Offices for the exchange tests: one file, copied for a second (and third) office, packages both ways."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from kankei_desktop.services import exchange
from kankei_desktop.services.exchange.package import LOCAL_TABLES
from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.store import create_database, open_database

PASSPHRASE = "しまのあいことば-2026"


def seed(database) -> dict:
    with database.session() as session:
        exchange.set_up_office(session, "本庁")
        ids = {
            "yamada": create_person(session, PersonInput(name="山田 花子", furigana="ヤマダ ハナコ", phone="090-1111-2222",
                                                         email="hanako@example.jp", ties=["ふるさと納税寄附者"])),
            "sato": create_person(session, PersonInput(name="佐藤 一郎", furigana="サトウ イチロウ", phone="080-3333-4444")),
            "suzuki": create_person(session, PersonInput(name="鈴木 次郎", furigana="スズキ ジロウ", email="jiro@example.jp")),
            "lodge": create_host(session, HostInput(name="民宿うみかぜ", kind="宿泊施設", capacity_per_night=2)),
        }
    return ids


def offices(tmp_path: Path, count: int = 2) -> tuple[list, dict]:
    """``count`` open databases: 本庁 (seeded) and copies for 支所1, 支所2 …"""
    main = create_database(tmp_path / "honcho.sqlite3")
    ids = seed(main)
    files = [main]
    for n in range(1, count):
        target = tmp_path / f"shisho{n}.sqlite3"
        exchange.make_office_copy(main, target, f"支所{n}")
        files.append(open_database(target))
    # The copies know each other too, with what they were copied with in common.
    made = []
    for database in files[1:] if count > 2 else []:
        with database.session() as session:
            made.append((database, exchange.own_office(session)))
    for database, _office in made:
        with database.session() as session:
            seq = exchange.offices.current_seq(session)
            for other_db, other in made:
                if other_db is not database and other.id not in {p.id for p in exchange.peers(session)}:
                    exchange.add_peer(session, other.id, other.name, baseline_seq=seq, peer_seq=seq)
    return files, ids


def office_name(database) -> str:
    with database.session() as session:
        return exchange.own_office(session).name


def send(source, target, folder: Path, passphrase: str = PASSPHRASE):
    """Write a package at ``source`` for ``target`` and apply it there; returns the ApplyResult."""
    written = exchange.write_package(source, office_name(target), folder / f"{office_name(source)}-to-"
                                     f"{office_name(target)}", passphrase)
    return exchange.apply_package(target, written.path, passphrase, backup=False)


def dump(database, skip_columns: tuple[str, ...] = ("updated_at", "row_version")) -> dict:
    """Every shared table's rows, sorted, without the local-only tables."""
    connection = sqlite3.connect(database.path)
    try:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'alembic%'")]
        result = {}
        for table in sorted(set(tables) - LOCAL_TABLES):
            columns = [r[1] for r in connection.execute(f"PRAGMA table_info({table})") if r[1] not in skip_columns]
            result[table] = sorted(connection.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(),
                                   key=repr)
        return result
    finally:
        connection.close()


def differences(a: dict, b: dict) -> list[str]:
    found = []
    for table in sorted(set(a) | set(b)):
        left, right = set(a.get(table, [])), set(b.get(table, []))
        for row in sorted(left - right, key=repr)[:3]:
            found.append(f"{table} only left: {row}")
        for row in sorted(right - left, key=repr)[:3]:
            found.append(f"{table} only right: {row}")
    return found


TODAY = date(2026, 12, 4)
