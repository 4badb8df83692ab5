"""The store: a SQLite file (engine and pragmas, checks) or a PostgreSQL server (store.server); migrations, audit."""

from kankei_desktop.store.database import Database, create_database, open_database

__all__ = ["Database", "create_database", "open_database"]
