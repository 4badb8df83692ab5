"""A full disk is called a full disk at any free space: never "damaged", "not SQLite" or a broken lock.

Uses a real, tiny tmpfs (the tests run as root); skipped where mounting is not allowed.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from kankei_desktop.domain.errors import StoreError
from kankei_desktop.store import create_database, open_database

pytestmark = pytest.mark.sqlite_only  # a full disk under the SQLite file

MISLEADING = ("破損", "壊れているか", "SQLite のファイルではありません", "ロックファイル")


@pytest.fixture
def small_disk(tmp_path):
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", f"kankei-{uuid.uuid4().hex[:8]}", str(mount_point)],
                              capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        pytest.skip("cannot mount a tmpfs here")
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    yield mount_point
    subprocess.run(["umount", str(mount_point)], capture_output=True, timeout=30)


@pytest.fixture(scope="module")
def demo_copy(tmp_path_factory):
    from kankei_desktop.services import demo

    path = tmp_path_factory.mktemp("demo") / "office.sqlite3"
    database = create_database(path)
    with database.session() as session:
        demo.load_demo_data(session)
    database.close()
    return path


def _fill_leaving(folder: Path, leave: int) -> None:
    filler = folder / "filler.bin"
    filler.unlink(missing_ok=True)
    free = shutil.disk_usage(folder).free
    with filler.open("wb") as handle:
        try:
            handle.write(b"\0" * max(0, free - leave))
        except OSError:
            pass


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args):
    return subprocess.run([sys.executable, "-m", "kankei_desktop", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


@pytest.mark.parametrize("leave", [0, 8 * 1024, 24 * 1024, 40 * 1024, 160 * 1024])
def test_every_free_space_gets_the_disk_full_message_or_works(small_disk, demo_copy, leave):
    path = small_disk / "office.sqlite3"
    shutil.copyfile(demo_copy, path)
    before = digest(path)
    for command in (["check"], ["stats", "--fiscal-year", "2026"],
                    ["programmes", "create", "--name", "満杯の企画", "--year", "2026"]):
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        _fill_leaving(small_disk, leave)
        result = run(*command, "--db", path)
        said = result.stderr.strip()
        assert "Traceback" not in said, said
        if result.returncode != 0:
            assert len(said.splitlines()) == 1, said
            assert "空き" in said and not any(word in said for word in MISLEADING), said
        assert not Path(f"{path}.lock").exists(), "no empty lock file is left behind"
        (small_disk / "filler.bin").unlink()
    # With room again the file opens as before; whatever was refused left it as it was.
    assert run("check", "--db", path).returncode == 0
    if run("programmes", "list", "--db", path).stdout.count("満杯の企画") == 0:
        assert digest(path) == before


def test_the_window_is_told_the_disk_is_full_when_nothing_is_left(small_disk):
    path = small_disk / "office.sqlite3"
    create_database(path).close()
    _fill_leaving(small_disk, 0)
    with pytest.raises(StoreError) as refused:
        open_database(path, lock=True, verify="deferred")
    assert "空きがありません" in refused.value.message
    assert not any(word in refused.value.message for word in MISLEADING)
    assert not Path(f"{path}.lock").exists()
    (small_disk / "filler.bin").unlink()
    open_database(path, lock=True).close()
