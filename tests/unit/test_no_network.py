"""Zero network: the main flows run with every socket connection refused."""

from __future__ import annotations

import socket

import pytest

from kankei_desktop.services import audit_log, backups, participants, privacy
from kankei_desktop.services.participants import PersonInput
from kankei_desktop.store import backup, create_database, open_database, probe


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[:2]))
        raise NetworkUsed(f"network call attempted: {args[:2]!r}")

    for name in ("connect", "connect_ex", "sendto", "bind"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)
    yield attempts
    assert attempts == []


def test_main_flows_make_no_network_call(no_network, tmp_path):
    path = tmp_path / "town.sqlite3"
    database = create_database(path)
    try:
        from kankei_desktop.services import demo
    except ImportError:
        demo = None
    with database.session() as session:
        if demo is not None:
            demo.load_demo_data(session)
        person_id = participants.create_person(session, PersonInput(name="山田 太郎", email="taro@example.jp"))
    with database.session() as session:
        data = participants.load_person_input(session, person_id)
        data.notes = "オンライン相談"
        participants.update_person(session, person_id, data)
        participants.list_person_ids(session, participants.PersonFilter(text="山田"))
        rows = audit_log.list_entries(session, person_id=person_id)
    audit_log.export_csv(rows, tmp_path / "audit.csv")
    status = backups.auto_backup(database, "close")
    assert status.ok, status.message
    privacy.anonymise_and_purge(database, person_id)
    with database.session() as session:
        participants.delete_person(session, participants.list_person_ids(session)[0])
    database.close()
    assert probe.probe_file(path, full=True).ok
    reopened = open_database(path, lock=True)
    reopened.close()
    backups.restore(path, status.path, backup.default_backup_dir())
    assert probe.probe_file(path).ok


def test_the_guard_itself_catches_a_connection(no_network):
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkUsed):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as unconnected:
            unconnected.connect(("127.0.0.1", 9))
    no_network.clear()  # the attempts above were ours
