"""A change package applied by a program killed with SIGKILL at random moments: the file is
sound and holds the whole package or none of it, and the backup made before is listed and sound."""

from __future__ import annotations

import multiprocessing
import os
import random
import shutil
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import insert

from kankei_desktop.domain.tables import Person, new_id, utc_now
from kankei_desktop.services import backups, exchange
from kankei_desktop.store import backup, lock, open_database

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from exchange_offices import PASSPHRASE, offices

pytestmark = [pytest.mark.slow, pytest.mark.sqlite_only, pytest.mark.skipif(os.name != "posix", reason="SIGKILL and fork are POSIX")]

ITERATIONS = 50
ROWS = 3_000
FORK = multiprocessing.get_context("fork")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exchange-crash")
    os.environ["KANKEI_DESKTOP_DATA_DIR"] = str(folder / "data")
    (honcho, island), _ids = offices(folder)
    now = utc_now()
    with island.session() as session:
        session.execute(insert(Person), [
            {"id": new_id(), "name": f"島 {i:05d}", "furigana": "シマ", "furigana_sort": "シマ", "search_text": f"島{i}",
             "created_at": now, "updated_at": now, "ladder_stage": "関心", "contact_ok": True, "photo_ok": False}
            for i in range(ROWS)])
    package = exchange.write_package(island, "本庁", folder / "island", PASSPHRASE).path
    honcho.close()
    island.close()
    return folder / "honcho.sqlite3", package


def _fresh(pristine: Path, target: Path) -> None:
    for suffix in ("-wal", "-shm", ".lock"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    connection = sqlite3.connect(pristine)
    copy = sqlite3.connect(target)
    connection.backup(copy)
    copy.close()
    connection.close()


def _apply_child(db_path: str, package: str, ready) -> None:
    database = open_database(Path(db_path), lock=True)
    ready.set()
    exchange.apply_package(database, Path(package), PASSPHRASE)
    database.close()
    os._exit(0)


def _state(path: Path) -> tuple[str, int, int]:
    connection = sqlite3.connect(path)
    try:
        verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
        islanders = connection.execute("SELECT count(*) FROM person WHERE name LIKE '島 %'").fetchone()[0]
        number = connection.execute("SELECT received_number FROM exchange_office WHERE is_self = 0").fetchone()[0]
        return verdict, islanders, number
    finally:
        connection.close()


def _run(db_path: Path, package: Path, delay: float | None) -> bool:
    ready = FORK.Event()
    child = FORK.Process(target=_apply_child, args=(str(db_path), str(package), ready))
    child.start()
    assert ready.wait(60)
    if delay is not None:
        time.sleep(delay)
        if child.is_alive():
            os.kill(child.pid, signal.SIGKILL)
    child.join(120)
    return child.exitcode == 0


def test_apply_killed_at_random_points_is_all_or_nothing(pristine, tmp_path, capsys):
    source, package = pristine
    db_path = tmp_path / "honcho.sqlite3"
    _fresh(source, db_path)
    start = time.perf_counter()
    assert _run(db_path, package, None)
    duration = time.perf_counter() - start
    assert _state(db_path) == ("ok", ROWS, 1)
    rng = random.Random(20261204)
    killed = complete = failures = 0
    problems = []
    for iteration in range(ITERATIONS):
        _fresh(source, db_path)
        finished = _run(db_path, package, rng.uniform(0, duration * 1.1))
        killed += not finished
        database = open_database(db_path, lock=True)  # what the next start does
        database.close()
        state = _state(db_path)
        if state not in (("ok", 0, 0), ("ok", ROWS, 1)):
            failures += 1
            problems.append(f"iteration {iteration}: {state}")
        complete += state[2] == 1
        assert not lock.lock_path_for(db_path).exists()
    database = open_database(db_path)
    listed = backups.list_for(database)
    database.close()
    bad = [info.path.name for info in listed if not backup.verify_backup(info.path).ok]
    with capsys.disabled():
        print(f"\n[crash/exchange-apply] iterations={ITERATIONS} killed={killed} applied={complete} "
              f"not_applied={ITERATIONS - complete} failures={failures} backups_listed={len(listed)} "
              f"bad_backups={len(bad)} (one run {duration:.2f}s)")
    assert failures == 0, problems
    assert bad == []
    assert listed and all("before-exchange" in info.path.name for info in listed)
    assert killed >= 1
    shutil.rmtree(tmp_path, ignore_errors=True)


def _limited(function, limit_bytes: int, pipe, *args) -> None:
    import resource

    from kankei_desktop.domain.errors import KankeiError

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG from write() instead of dying
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))
    try:
        function(*args)
        pipe.send("no error")
    except KankeiError as error:
        pipe.send(f"{type(error).__name__}: {error.message}")
    except BaseException as error:  # noqa: BLE001 (the child reports anything else as a failure of the test)
        pipe.send(f"{type(error).__name__}: {error}")
    os._exit(0)


def _in_small_disk(function, limit_bytes: int, *args) -> str:
    receiver, sender = FORK.Pipe(duplex=False)
    child = FORK.Process(target=_limited, args=(function, limit_bytes, sender, *args))
    child.start()
    assert receiver.poll(120), "the child reported nothing"
    message = receiver.recv()
    child.join(60)
    return message


def _dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def _export(island: Path, out: Path) -> None:
    database = open_database(island, lock=True)
    try:
        exchange.write_package(database, "本庁", out, PASSPHRASE)
    finally:
        database.close()


def _apply(hall: Path, package: Path) -> None:
    database = open_database(hall, lock=True)
    try:
        exchange.apply_package(database, package, PASSPHRASE, backup=False)
    finally:
        database.close()


def test_disk_full_during_export_and_apply_changes_nothing(pristine, tmp_path, capsys):
    source, package = pristine
    island = source.with_name("shisho1.sqlite3")
    copy = tmp_path / "island.sqlite3"
    _fresh(island, copy)
    before = _dump(copy)
    out = tmp_path / "usb" / "island"
    out.parent.mkdir()
    assert package.stat().st_size > 64 * 1024  # the package cannot fit; the file opens (its -shm is 32 KB)
    message = _in_small_disk(_export, 40 * 1024, copy, out)
    assert message.startswith("SealedFileError:") and "空き容量" in message, message
    assert list(out.parent.iterdir()) == []  # no half-written package
    assert _dump(copy) == before  # the package number was not used up
    hall = tmp_path / "honcho.sqlite3"
    _fresh(source, hall)
    before = _dump(hall)
    applied = _in_small_disk(_apply, hall.stat().st_size + 64 * 1024, hall, package)
    with capsys.disabled():
        print(f"\n[disk-full/exchange] export: {message}\n[disk-full/exchange] apply: {applied}")
    assert applied.startswith("StoreError:") and "空き" in applied, applied
    assert _dump(hall) == before
    assert _state(hall) == ("ok", 0, 0)
