"""Schema migrations (Alembic), run in-process on an open connection.

Each revision file in ``versions/`` is one ordered step applied inside the
caller's transaction. A file whose revision we do not know was written by a
newer program and is refused before anything touches it (see ``probe``).

Alembic (and Mako under it) costs a noticeable share of the start-up, and most
starts open a file that is already at the head. So the revision ids are read
from the ``revision = '…'`` lines of the files in ``versions/``, and Alembic is
imported only when a migration actually runs (tests check both lists agree).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection

MIGRATIONS_DIR = Path(__file__).resolve().parent
VERSIONS_DIR = MIGRATIONS_DIR / "versions"

_ASSIGNMENT = re.compile(r"""^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:['"]([^'"]+)['"]|None)\s*$""",
                         re.MULTILINE)


@cache
def _revision_graph() -> dict[str, str | None]:
    """revision id → the id it follows (None for the first), from the files' text."""
    graph: dict[str, str | None] = {}
    for path in sorted(VERSIONS_DIR.glob("*.py")):
        found = {match.group(1): match.group(2) for match in _ASSIGNMENT.finditer(path.read_text("utf-8"))}
        if "revision" in found and found["revision"]:
            graph[found["revision"]] = found.get("down_revision")
    return graph


def head_revision() -> str:
    graph = _revision_graph()
    followed = {down for down in graph.values() if down}
    heads = [revision for revision in graph if revision not in followed]
    if len(heads) != 1:  # a branch: let Alembic itself say what is wrong
        return _script().get_current_head()
    return heads[0]


def known_revisions() -> frozenset[str]:
    return frozenset(_revision_graph())


def _config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@cache
def _script():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def alembic_revisions() -> frozenset[str]:
    """Alembic's own reading of ``versions/``, for the test that keeps the quick reading honest."""
    return frozenset(rev.revision for rev in _script().walk_revisions())


def upgrade_to_head(connection: Connection) -> None:
    from alembic import command

    config = _config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
