"""Shared fixtures: a fresh coordinator file per test, made by the real code."""

from __future__ import annotations

import os

# Set before Qt is imported anywhere: no display on CI machines.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from kankei_desktop.store import create_database


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """Never touch the real user's data folder from a test."""
    monkeypatch.setenv("KANKEI_DESKTOP_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture
def database(tmp_path):
    db = create_database(tmp_path / "test.sqlite3")
    yield db
    db.close()


@pytest.fixture
def session(database):
    """A session whose work is committed when the test ends normally."""
    with database.session() as s:
        yield s
