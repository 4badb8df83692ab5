"""Encrypted packages and backups: every refusal says why in Japanese and changes nothing."""

from __future__ import annotations

import json
import sqlite3

import pytest
from exchange_offices import PASSPHRASE, dump, offices

from kankei_desktop.services import backups, exchange
from kankei_desktop.services.exchange import PackageRefused, SealedFileError
from kankei_desktop.services.exchange.sealed import MAGIC
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.store import create_database, open_database

# Offices exchange files; a shared server has no journal (docs/decisions.md).
pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def package(tmp_path):
    (honcho, island), _ids = offices(tmp_path)
    with island.session() as session:
        create_person(session, PersonInput(name="島田 潮", furigana="シマダ ウシオ"))
    written = exchange.write_package(island, "本庁", tmp_path / "island", PASSPHRASE)
    yield honcho, written.path
    honcho.close()
    island.close()


def _refused(honcho, path, passphrase, error, words):
    before = dump(honcho, skip_columns=())
    with pytest.raises(error) as caught:
        exchange.apply_package(honcho, path, passphrase)
    assert words in caught.value.message and "何も適用していません" in caught.value.message
    assert dump(honcho, skip_columns=()) == before


def test_the_package_is_encrypted(package):
    _honcho, path = package
    data = path.read_bytes()
    assert "島田".encode() not in data and "シマダ".encode() not in data
    header = exchange.read_header(path)
    assert header["from_office"]["name"] == "支所1" and header["number"] == 1 and header["records"] >= 1


def test_wrong_passphrase(package):
    honcho, path = package
    _refused(honcho, path, "ちがうあいことば123", SealedFileError, "合言葉が違います")


def test_tampered_body(package, tmp_path):
    honcho, path = package
    data = bytearray(path.read_bytes())
    data[-40] ^= 0x01
    tampered = tmp_path / "tampered.kankei-sync"
    tampered.write_bytes(bytes(data))
    _refused(honcho, tampered, PASSPHRASE, SealedFileError, "改ざん")


def test_tampered_header(package, tmp_path):
    honcho, path = package
    data = path.read_bytes()
    start = len(MAGIC) + 4
    length = int.from_bytes(data[len(MAGIC):start], "big")
    header = json.loads(data[start:start + length])
    header["number"] = 7  # pretend to be a later package
    head = json.dumps(header, ensure_ascii=False, sort_keys=True).encode()
    tampered = tmp_path / "header.kankei-sync"
    tampered.write_bytes(MAGIC + len(head).to_bytes(4, "big") + head + data[start + length:])
    _refused(honcho, tampered, PASSPHRASE, SealedFileError, "改ざん")


@pytest.mark.parametrize("keep", [10, 200, -30])
def test_truncated(package, tmp_path, keep):
    honcho, path = package
    data = path.read_bytes()
    cut = tmp_path / "cut.kankei-sync"
    cut.write_bytes(data[:keep])
    _refused(honcho, cut, PASSPHRASE, SealedFileError, "途中で切れて")


def test_foreign_organisation(package, tmp_path):
    honcho, _path = package
    with honcho.session() as session:
        me = exchange.own_office(session)
    other = create_database(tmp_path / "other-town.sqlite3")
    with other.session() as session:
        exchange.set_up_office(session, "隣町")
        exchange.add_peer(session, me.id, "本庁")
    foreign = exchange.write_package(other, "本庁", tmp_path / "foreign", PASSPHRASE)
    other.close()
    _refused(honcho, foreign.path, PASSPHRASE, PackageRefused, "別の団体")


def test_short_passphrase_is_refused_before_writing(tmp_path):
    (honcho, _island), _ids = offices(tmp_path)
    with pytest.raises(SealedFileError, match="8文字以上"):
        exchange.write_package(honcho, "支所1", tmp_path / "x", "short")
    assert not list(tmp_path.glob("*.kankei-sync"))


def test_encrypted_backup_restores_and_refuses_a_wrong_passphrase(tmp_path):
    (honcho, _island), _ids = offices(tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    sealed = backups.backup_encrypted(honcho, usb, PASSPHRASE)
    assert "山田".encode() not in sealed.read_bytes()
    with honcho.session() as session:
        create_person(session, PersonInput(name="後から 追加", furigana="アトカラ ツイカ"))
    expected_missing = dump(honcho)
    path = honcho.path
    honcho.close()
    with pytest.raises(SealedFileError, match="合言葉が違います"):
        backups.restore_encrypted(path, sealed, "まちがいのあいことば")
    reopened = open_database(path)
    assert dump(reopened) == expected_missing  # untouched
    reopened.close()
    (tmp_path / "kept").mkdir()
    kept = backups.restore_encrypted(path, sealed, PASSPHRASE, backup_dir=tmp_path / "kept")
    assert kept is not None and kept.parent == tmp_path / "kept"  # the current file was kept first
    connection = sqlite3.connect(path)
    names = {row[0] for row in connection.execute("SELECT name FROM person")}
    connection.close()
    assert "山田 花子" in names and "後から 追加" not in names
