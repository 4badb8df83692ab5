"""Alembic environment: always handed an open connection by store.migrations."""

from alembic import context
from sqlmodel import SQLModel

from kankei_desktop.domain import tables  # noqa: F401  (registers every table)

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Migrations run through kankei_desktop.store.migrations only.")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies the table
)
with context.begin_transaction():
    context.run_migrations()
