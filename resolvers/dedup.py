"""Inserts the database deduplicates: a row whose key is already stored is skipped.

The unique key, not a check made beforehand, decides: two instances inserting the same
key at once both succeed, and only one row exists afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session


def insert_new(
    session: Session, table: Table, rows: Sequence[dict[str, Any]], *, key: str
) -> list[Any]:
    """Insert the rows whose `key` is not stored yet; the keys actually inserted."""
    if not rows:
        return []
    dialect = session.get_bind().dialect.name
    column = table.c[key]
    if dialect == "postgresql":
        statement: Any = postgresql.insert(table).on_conflict_do_nothing()
    elif dialect == "sqlite":
        statement = sqlite.insert(table).on_conflict_do_nothing()
    else:  # pragma: no cover - Sooth runs on SQLite and PostgreSQL only
        raise NotImplementedError(f"no deduplicating insert for {dialect}")
    result = session.exec(statement.returning(column), params=list(rows))
    return [row[0] for row in result]
