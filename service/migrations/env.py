"""Alembic's entry point: runs migrations against the configured URL."""

from __future__ import annotations

from alembic import context

from service.database import make_engine

url = context.config.get_main_option("sqlalchemy.url")
assert url, "sqlalchemy.url must be set by service.migrations_runner.alembic_config"

# The service's own engine factory, so a new SQLite file gets its directory and WAL mode.
connectable = make_engine(url)
with connectable.connect() as connection:
    context.configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()
connectable.dispose()
