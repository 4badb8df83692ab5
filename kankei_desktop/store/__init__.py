"""The SQLite store: engine and pragmas, migrations, checks, audit."""

from kankei_desktop.store.database import Database, create_database, open_database

__all__ = ["Database", "create_database", "open_database"]
