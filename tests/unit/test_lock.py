"""One writer per file (the lock file) and where a file may live."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kankei_desktop.domain.errors import StoreError
from kankei_desktop.services.participants import PersonInput, count_persons, create_person
from kankei_desktop.store import create_database, location, lock, open_database, probe
from kankei_desktop.store.location import NetworkLocationError

# the one-writer lock file; a server serialises writers itself
pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def path(tmp_path) -> Path:
    target = tmp_path / "town.sqlite3"
    create_database(target).close()
    return target


def _write_lock(path: Path, **fields) -> Path:
    content = {"user": "tanaka", "machine": lock.machine_name(), "pid": os.getpid(),
               "since": "2026-11-27T09:15:00", **fields}
    target = lock.lock_path_for(path)
    target.write_text(json.dumps(content), encoding="utf-8")
    return target


def test_second_open_is_refused_naming_the_holder(path):
    first = open_database(path, lock=True)
    try:
        held = json.loads(lock.lock_path_for(path).read_text(encoding="utf-8"))
        assert held["pid"] == os.getpid() and held["machine"] == lock.machine_name()
        with pytest.raises(lock.LockedError) as error:
            open_database(path, lock=True)
        message = error.value.message
        assert held["user"] in message and lock.machine_name() in message and "から" in message
    finally:
        first.close()
    assert not lock.lock_path_for(path).exists()
    open_database(path, lock=True).close()


def test_other_machine_is_refused_even_when_its_pid_is_unknown_here(path):
    _write_lock(path, machine="YAKUBA-PC02", pid=999_999, user="sato")
    with pytest.raises(lock.LockedError) as error:
        open_database(path, lock=True)
    assert "sato さん" in error.value.message and "YAKUBA-PC02" in error.value.message
    assert "2026/11/27 09:15" in error.value.message
    assert json.loads(lock.lock_path_for(path).read_text())["user"] == "sato"  # untouched


def test_lock_of_a_dead_process_on_this_machine_is_recovered(path):
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(child.stdout)
    _write_lock(path, pid=dead_pid, user="tanaka")
    db = open_database(path, lock=True)
    try:
        assert db.after_crash and db.lock.recovered_from["pid"] == dead_pid
        assert any("引き継ぎました" in note for note in db.notes)
    finally:
        db.close()


def test_garbage_lock_gives_clear_message_then_can_be_broken(path):
    target = lock.lock_path_for(path)
    target.write_bytes(b"\x00\xffgarbage{")
    with pytest.raises(lock.LockedError) as error:
        open_database(path, lock=True)
    assert "壊れています" in error.value.message and str(target) in error.value.message
    assert target.read_bytes() == b"\x00\xffgarbage{"
    db = open_database(path, lock=True, break_garbage_lock=True)
    try:
        assert db.after_crash
        with db.session() as session:
            create_person(session, PersonInput(name="山田 太郎"))
    finally:
        db.close()
    assert not target.exists()


def test_empty_lock_left_by_a_crash_during_creation_is_recovered(path):
    target = lock.lock_path_for(path)
    target.write_bytes(b"")
    old = time.time() - 3600
    os.utime(target, (old, old))
    open_database(path, lock=True).close()


def test_release_leaves_someone_elses_lock_alone(path):
    db = open_database(path, lock=True)
    _write_lock(path, user="someone-else", machine="OTHER")  # e.g. the user broke our lock
    db.close()
    assert json.loads(lock.lock_path_for(path).read_text())["user"] == "someone-else"


def test_readers_take_no_lock(path):
    db = open_database(path, lock=True)
    try:
        assert probe.probe_file(path).ok  # check
        reader = open_database(path)  # tests, CLI read-only commands
        with reader.session() as session:
            assert count_persons(session) == 0
        reader.close()
    finally:
        db.close()


# ---------------------------------------------------------------- location


def _mounts(tmp_path: Path, line: str) -> Path:
    mounts = tmp_path / "mounts"
    mounts.write_text("/dev/sda1 / ext4 rw 0 0\n" + line + "\n", encoding="utf-8")
    return mounts


@pytest.mark.parametrize("unc", [r"\\yakuba-nas\共有\関係人口\town.sqlite3", "//nas/share/town.sqlite3"])
def test_unc_path_is_refused(unc):
    with pytest.raises(NetworkLocationError) as error:
        location.refuse_network(Path(unc))
    assert "ローカルにコピー" in error.value.message


@pytest.mark.parametrize("fs_type", ["nfs4", "cifs", "smb3"])
def test_network_mount_is_refused(tmp_path, fs_type):
    mounts = _mounts(tmp_path, f"//nas/share {tmp_path} {fs_type} rw 0 0")
    report = location.check_location(tmp_path / "town.sqlite3", mounts_file=mounts)
    assert report.network and fs_type in report.network


def test_local_disk_is_fine(tmp_path):
    mounts = _mounts(tmp_path, f"tmpfs {tmp_path.parent} tmpfs rw 0 0")
    report = location.check_location(tmp_path / "town.sqlite3", mounts_file=mounts)
    assert report.network is None and report.warnings == []


@pytest.mark.parametrize("folder", ["OneDrive - 〇〇町", "Dropbox", "Google Drive", "iCloud Drive"])
def test_cloud_folders_warn(tmp_path, folder):
    report = location.check_location(tmp_path / folder / "town.sqlite3")
    assert report.network is None
    assert any("クラウド同期" in warning for warning in report.warnings)


def test_removable_media_warn():
    report = location.check_location(Path("/media/usb0/town.sqlite3"), mounts_file=Path("/nonexistent"))
    assert any("USB" in warning for warning in report.warnings)


def test_network_file_opened_through_local_copy(path, tmp_path, monkeypatch):
    db = create_database(tmp_path / "share.sqlite3")
    with db.session() as session:
        create_person(session, PersonInput(name="山田 太郎"))
    db.close()
    monkeypatch.setattr(location, "check_location",
                        lambda p, **kw: location.LocationReport(Path(p), network="ネットワークドライブ"))
    with pytest.raises(NetworkLocationError) as error:
        open_database(tmp_path / "share.sqlite3", lock=True)
    copy = location.make_local_copy(error.value.path)
    monkeypatch.undo()
    local = open_database(copy, lock=True)
    with local.session() as session:
        assert count_persons(session) == 1
    local.close()
    assert copy.parent.name == "local-copies"


def test_make_local_copy_of_garbage_is_refused(tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"junk" * 100)
    with pytest.raises(StoreError):
        location.make_local_copy(junk, tmp_path / "copies")
    assert list((tmp_path / "copies").iterdir()) == []


def test_lock_from_before_a_restart_is_recovered_even_if_its_pid_is_in_use(path):
    if not lock.boot_id():
        pytest.skip("no boot id on this system")
    _write_lock(path, pid=os.getpid(), boot="an-earlier-boot")  # pid alive, but a different boot
    db = open_database(path, lock=True)
    try:
        assert db.after_crash
    finally:
        db.close()
    _write_lock(path, pid=os.getpid(), boot=lock.boot_id())  # same boot, live pid: really held
    with pytest.raises(lock.LockedError):
        open_database(path, lock=True)
