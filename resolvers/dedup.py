"""Inserts the database deduplicates: a row whose key is already stored is skipped.

The unique key, not a check made beforehand, decides: two instances inserting the same
key at once both succeed, and only one row exists afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlmodel import Session

from forecasts import dialects
from forecasts.dialects import insert_ignoring_duplicates


def insert_new(
    session: Session, table: Table, rows: Sequence[dict[str, Any]], *, key: str
) -> list[Any]:
    """Insert the rows whose `key` is not stored yet; the keys actually inserted."""
    if not rows:
        return []
    column = table.c[key]
    statement = insert_ignoring_duplicates(dialects.of(session), table)
    result = session.exec(statement.returning(column), params=list(rows))
    return [row[0] for row in result]
