"""Shared fixtures: a fresh coordinator file per test, made by the real code.

``pytest --pg`` runs the same tests on PostgreSQL: every ``database`` (and whatever a test
makes with ``new_database``) is then a fresh server database, copied from a template the
real migrations built once per run, on the cluster ``KANKEI_TEST_PG`` names (README).
Tests about the file itself (probe, -wal, lock, file backups, crash loops) are marked
``sqlite_only`` and skipped under ``--pg``.
"""

from __future__ import annotations

import os

# Set before Qt is imported anywhere: no display on CI machines.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from kankei_desktop.store import create_database
import pg_support


def pytest_addoption(parser):
    parser.addoption("--pg", action="store_true",
                     help="run against PostgreSQL (the cluster named by KANKEI_TEST_PG) instead of SQLite files")


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: about the SQLite file itself; skipped under --pg")
    config.addinivalue_line("markers", "server_gap(reason): known not to work on a server yet (issue 20); "
                                       "expected to fail under --pg, so a fix shows as XPASS")
    if config.getoption("--pg"):
        pg_support.start(os.environ.get("KANKEI_TEST_PG", ""))


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--pg"):
        return
    skip = pytest.mark.skip(reason="about the SQLite file itself (sqlite_only)")
    for item in items:
        if "sqlite_only" in item.keywords:
            item.add_marker(skip)
        gap = item.get_closest_marker("server_gap")
        if gap is not None:  # listed in the issue, never hidden: reported as xfail with its reason
            item.add_marker(pytest.mark.xfail(reason="server gap: " + (gap.args[0] if gap.args else ""), strict=False))


def pytest_unconfigure(config):
    pg_support.finish()


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """Never touch the real user's data folder from a test."""
    monkeypatch.setenv("KANKEI_DESKTOP_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture
def new_database(tmp_path):
    """``new_database(path)``: a new store; the file at ``path``, or under --pg a fresh server
    database (its URL in ``.path``). Each is closed, and a server one dropped, after the test."""
    made = []

    def make(path=None):
        target = pg_support.fresh_url() if pg_support.active() else (path or tmp_path / f"test{len(made)}.sqlite3")
        db = create_database(target) if not pg_support.active() else pg_support.open_fresh(target)
        if db.is_server:
            pg_support.name_photo_folder(db)
        made.append(db)
        return db

    yield make
    for db in made:
        db.close()
        if db.is_server:
            pg_support.drop(db.path)


@pytest.fixture
def database(new_database, tmp_path):
    return new_database(tmp_path / "test.sqlite3")


@pytest.fixture
def session(database):
    """A session whose work is committed when the test ends normally."""
    with database.session() as s:
        yield s


@pytest.fixture
def empty_server_database():
    """Under --pg: the address of a new, empty server database (dropped after the test)."""
    if not pg_support.active():
        pytest.skip("needs a PostgreSQL server (pytest --pg)")
    address = pg_support.empty_url()
    yield address
    pg_support.drop(address)
