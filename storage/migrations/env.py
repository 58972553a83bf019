"""Alembic environment: runs on the connection Sejawat hands over (async engine, run_sync)."""

from __future__ import annotations

from alembic import context

import storage.program_models  # noqa: F401  (registers the program tables)
from storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with `sejawat migrate`, which provides the connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
