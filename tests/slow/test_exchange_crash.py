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
from exchange_offices import PASSPHRASE, offices  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="SIGKILL and fork are POSIX")]

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
