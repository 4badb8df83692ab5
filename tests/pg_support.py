"""The PostgreSQL side of ``pytest --pg``: a template migrated once, a copy per test.

``CREATE DATABASE … TEMPLATE`` copies the migrated template in a few milliseconds, so each
test still gets a database of its own made by the real migrations. Names carry the
process id: two runs on one cluster never meet.
"""

from __future__ import annotations

import itertools
import os

import pytest
from sqlalchemy import create_engine, text

_state: dict = {}
_counter = itertools.count(1)


def active() -> bool:
    return bool(_state)


def start(url: str) -> None:
    if not url:
        raise pytest.UsageError(
            "--pg needs KANKEI_TEST_PG, e.g. postgresql:///postgres?host=/tmp/pgsock&user=postgres (README)")
    from kankei_desktop.store import create_database
    from kankei_desktop.store.server import ServerAddress

    admin_address = ServerAddress(url)
    admin = create_engine(admin_address.url, isolation_level="AUTOCOMMIT")
    prefix = f"kankei_test_{os.getpid()}"
    template = f"{prefix}_template"
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)'))
        # C.UTF-8: sorted by code point, as SQLite sorts (docs/decisions.md).
        connection.execute(text(f"CREATE DATABASE \"{template}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'"))
    _state.update(admin=admin, address=admin_address, prefix=prefix, template=template)
    made = create_database(admin_address.with_database(template))
    made.close()


def fresh_url():

    name = f"{_state['prefix']}_{next(_counter)}"
    with _state["admin"].connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{_state["template"]}"'))
    return _state["address"].with_database(name)


def empty_url():
    """A new server database with nothing in it (for ``init`` and refusal tests)."""

    name = f"{_state['prefix']}_{next(_counter)}"
    with _state["admin"].connect() as connection:
        connection.execute(text(f"CREATE DATABASE \"{name}\" TEMPLATE template0 LOCALE 'C.UTF-8'"))
    return _state["address"].with_database(name)


def name_photo_folder(database):
    """The test office's shared photo folder is the test's own data folder's ``attachments``, so
    tests about photos find them where they look on a file (and two "laptops" can share it)."""
    import json

    from kankei_desktop.domain.tables import Setting
    from kankei_desktop.services import attachments

    folder = attachments.attachments_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with database.session() as session:  # no audit entry: tests count them
        session.add(Setting(key=attachments.SHARED_PHOTO_FOLDER.key, value_json=json.dumps(str(folder))))


def open_fresh(address):
    from kankei_desktop.store import open_database

    return open_database(address)


# A window's worker thread may still read after its test ended (the file would still be there):
# a test's database is dropped only when a few more tests have finished.
_KEEP_FINISHED = 100  # about 9 MB each
_finished: list[str] = []


def drop(address) -> None:
    if not _state:
        return
    _finished.append(address.name)
    while len(_finished) > _KEEP_FINISHED:
        with _state["admin"].connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{_finished.pop(0)}" WITH (FORCE)'))


def finish() -> None:
    if not _state:
        return
    with _state["admin"].connect() as connection:
        names = connection.execute(text("SELECT datname FROM pg_database WHERE datname LIKE :p"),
                                   {"p": f"{_state['prefix']}%"}).scalars().all()
        for name in names:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    _state["admin"].dispose()
    _state.clear()
    _finished.clear()


def create(path):
    """A new store for a test helper: the file at ``path``, or under --pg a fresh server database
    (dropped when the run ends). For helpers that make their database outside the fixtures."""
    from kankei_desktop.store import create_database

    return open_fresh(fresh_url()) if active() else create_database(path)


def copy(source, path):
    """A copy of a closed store: the file copied to ``path``, or a server database made from
    ``source`` as its template (under --pg). Returns what to open."""
    if not active():
        import shutil

        shutil.copy(source, path)
        return path
    name = f"{_state['prefix']}_{next(_counter)}"
    with _state["admin"].connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{source.name}"'))
    return _state["address"].with_database(name)
