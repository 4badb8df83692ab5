"""The one unit of work the window and the CLI hold: one user action, one transaction.

The UI never opens a session itself and never builds a query. It either calls a
service function that takes the ``Database`` and returns plain data, or, when one
action needs several service calls to land together (a save and its audit, a
merge and the reload that follows), it holds ``unit(database)`` and hands the
session straight to services. The session commits when the block ends and rolls
back on any error; on a server it also announces the change to other windows
(``store.changes``), so this is the only door and every path gets the same safety.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session

    from kankei_desktop.store import Database


@contextmanager
def unit(database: Database) -> Iterator[Session]:
    """One transaction for one user action: committed at the end, rolled back on error."""
    with database.session() as session:
        yield session
