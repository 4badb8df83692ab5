"""Crash tests: programs killed with SIGKILL mid-import and mid-backup, and full disks.

Each iteration forks a child (cheap: the parent has already imported the
program) that opens the file the way the app does (with the lock) and writes;
the parent kills it at a random moment, then checks the file the way the next
start would. The import must be all there or not there at all.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import random
import resource
import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import insert

from kankei_desktop.domain.errors import StoreError
from kankei_desktop.domain.tables import Person, new_id, utc_now
from kankei_desktop.store import audit, backup, create_database, lock, open_database

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="SIGKILL and fork are POSIX"),
]

ITERATIONS = 50
IMPORT_ROWS = 10_000
BASE_ROWS = 500
FORK = multiprocessing.get_context("fork")


def _rows(count: int, tag: str) -> list[dict]:
    now = utc_now()
    return [
        {"id": new_id(), "name": f"{tag} {i:05d}", "furigana": "サンプル", "furigana_sort": "サンプル",
         "email": f"{tag}{i}@example.jp", "search_text": f"{tag}{i}", "notes": "取り込み" * 10,
         "created_at": now, "updated_at": now, "ladder_stage": "関心", "contact_ok": True, "photo_ok": False}
        for i in range(count)
    ]


def bulk_import(database, count: int, tag: str) -> None:
    """The import's write: every row and its audit entry in one transaction."""
    with database.session() as session:
        session.execute(insert(Person), _rows(count, tag))
        audit.record(session, "import", "person", "", {"rows": count, "source": f"{tag}.csv"})


def _persons(path: Path) -> tuple[int, int]:
    connection = sqlite3.connect(path)
    try:
        base = connection.execute("SELECT count(*) FROM person WHERE name LIKE 'base %'").fetchone()[0]
        imported = connection.execute("SELECT count(*) FROM person WHERE name LIKE 'imp %'").fetchone()[0]
        return base, imported
    finally:
        connection.close()


def _integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def _content_hash(path: Path) -> str:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        for line in connection.iterdump():
            digest.update(line.encode("utf-8"))
        return digest.hexdigest()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "pristine.sqlite3"
    db = create_database(path)
    bulk_import(db, BASE_ROWS, "base")
    db.close()
    return path


def _fresh(pristine: Path, target: Path) -> None:
    for suffix in ("-wal", "-shm", ".lock"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(pristine, target)


def _import_child(db_path: str, ready) -> None:
    database = open_database(Path(db_path), lock=True)
    ready.set()
    bulk_import(database, IMPORT_ROWS, "imp")
    database.close()
    os._exit(0)


def _backup_child(db_path: str, folder: str, ready) -> None:
    ready.set()
    backup.make_backup(Path(db_path), Path(folder), "periodic")
    os._exit(0)


def _run_and_kill(target, args, delay: float | None) -> bool:
    """Start a child, kill it ``delay`` seconds after it is ready; True if it finished first."""
    ready = FORK.Event()
    child = FORK.Process(target=target, args=(*args, ready))
    child.start()
    assert ready.wait(60), "child never got ready"
    if delay is None:
        child.join(120)
    else:
        time.sleep(delay)
        if child.is_alive():
            os.kill(child.pid, signal.SIGKILL)
        child.join(60)
    return child.exitcode == 0


def _timed(target, args) -> float:
    start = time.perf_counter()
    assert _run_and_kill(target, args, None)
    return time.perf_counter() - start


def test_import_killed_at_random_points_is_all_or_nothing(pristine, tmp_path, capsys):
    db_path = tmp_path / "town.sqlite3"
    _fresh(pristine, db_path)
    duration = _timed(_import_child, (str(db_path),))
    assert _persons(db_path) == (BASE_ROWS, IMPORT_ROWS)
    rng = random.Random(20261127)
    killed = complete = failures = 0
    problems: list[str] = []
    for iteration in range(ITERATIONS):
        _fresh(pristine, db_path)
        finished = _run_and_kill(_import_child, (str(db_path),), rng.uniform(0, duration * 1.1))
        try:
            database = open_database(db_path, lock=True)  # what the next start does
            database.close()
            verdict = _integrity(db_path)
            counts = _persons(db_path)
        except StoreError as error:
            verdict, counts = error.message, (-1, -1)
        if verdict != "ok" or counts not in ((BASE_ROWS, 0), (BASE_ROWS, IMPORT_ROWS)):
            failures += 1
            problems.append(f"iteration {iteration}: {verdict} {counts}")
        complete += counts[1] == IMPORT_ROWS
        killed += not finished
        assert not lock.lock_path_for(db_path).exists()
    with capsys.disabled():
        print(f"\n[crash/import] iterations={ITERATIONS} killed={killed} import_complete={complete} "
              f"import_absent={ITERATIONS - complete} failures={failures} (one run {duration:.2f}s)")
    assert failures == 0, problems
    assert killed >= 1  # the kills landed while the child was still at work


def test_backup_killed_at_random_points_never_leaves_a_bad_backup(pristine, tmp_path, capsys):
    db_path = tmp_path / "town.sqlite3"
    _fresh(pristine, db_path)
    db = open_database(db_path)
    bulk_import(db, 20_000, "imp")  # a few MB, so the copy takes a while
    db.close()
    folder = tmp_path / "backups"
    folder.mkdir()
    source_hash = _content_hash(db_path)
    duration = _timed(_backup_child, (str(db_path), str(folder)))
    rng = random.Random(11272026)
    killed = failures = 0
    problems: list[str] = []
    for _ in range(ITERATIONS):
        finished = _run_and_kill(_backup_child, (str(db_path), str(folder)), rng.uniform(0, duration * 1.1))
        killed += not finished
    for info in backup.list_backups(folder, "town"):
        report = backup.verify_backup(info.path)
        if not report.ok or info.person_count != BASE_ROWS + 20_000:
            failures += 1
            problems.append(f"{info.path.name}: {report.problems}")
    if _content_hash(db_path) != source_hash or _integrity(db_path) != "ok":
        failures += 1
        problems.append("the source file changed")
    complete = len(backup.list_backups(folder, "town"))
    with capsys.disabled():
        print(f"\n[crash/backup] iterations={ITERATIONS} killed={killed} complete_backups={complete} "
              f"failures={failures} (one run {duration:.2f}s)")
    assert failures == 0, problems
    assert killed >= 1  # the kills landed while the child was still at work


def _limited(function, limit_bytes: int, pipe, *args) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG from write() instead of dying
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))
    try:
        function(*args)
        pipe.send("no error")
    except StoreError as error:
        pipe.send("StoreError: " + error.message)
    except BaseException as error:  # noqa: BLE001 (report anything else as a failure of the test)
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


def _import_into(db_path: Path) -> None:
    database = open_database(db_path, lock=True)
    try:
        bulk_import(database, IMPORT_ROWS, "imp")
    finally:
        database.close()


def test_disk_full_during_import_changes_nothing(pristine, tmp_path, capsys):
    db_path = tmp_path / "town.sqlite3"
    _fresh(pristine, db_path)
    before = _content_hash(db_path)
    message = _in_small_disk(_import_into, db_path.stat().st_size + 64 * 1024, db_path)
    with capsys.disabled():
        print(f"\n[disk-full/import] {message}")
    assert message.startswith("StoreError:") and "空き" in message and "保存していません" in message
    assert _content_hash(db_path) == before
    assert _integrity(db_path) == "ok" and _persons(db_path) == (BASE_ROWS, 0)
    assert not lock.lock_path_for(db_path).exists()


def test_disk_full_during_backup_leaves_no_file_and_source_unchanged(pristine, tmp_path, capsys):
    db_path = tmp_path / "town.sqlite3"
    _fresh(pristine, db_path)
    folder = tmp_path / "backups"
    folder.mkdir()
    before = _content_hash(db_path)
    message = _in_small_disk(backup.make_backup, db_path.stat().st_size // 2, db_path, folder, "manual")
    with capsys.disabled():
        print(f"\n[disk-full/backup] {message}")
    assert message.startswith("StoreError:") and "空き容量" in message
    assert list(folder.iterdir()) == []
    assert _content_hash(db_path) == before
