"""What SQLite and PostgreSQL do differently, in one place.

Sooth runs the same code and the same migrations on both. Where the two databases differ,
the domain code asks here rather than testing the dialect's name itself, so every
difference is listed once, with why:

- instants: SQLite has no timezone type, so instants are stored as naive UTC;
- appends to the ledger: PostgreSQL's writers run at once and queue on an advisory lock,
  SQLite's are queued by its single write lock already;
- repeated records: two PostgreSQL writers of the same record queue on an advisory lock
  of that record, so the second sees the first's; SQLite's write lock queues them already;
- row locks: PostgreSQL locks a row FOR UPDATE; SQLite's write lock covers the database;
- deduplicating inserts: ON CONFLICT DO NOTHING, written by each dialect's own insert;
- sequences: PostgreSQL's skip the numbers of rolled-back inserts, and are moved by hand
  after rows are inserted with their ids; SQLite's rowids follow the largest id;
- snapshots: PostgreSQL's READ COMMITTED gives each statement its own, so a read of one
  state across statements asks for REPEATABLE READ; SQLite in WAL mode keeps one per
  read transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from hashlib import blake2b
from typing import Any

from sqlalchemy import Dialect, Table, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

POSTGRESQL = "postgresql"
SQLITE = "sqlite"


def of(session: Session) -> Dialect:
    """The dialect of the database a session is bound to."""
    return session.get_bind().dialect


def stores_naive_instants(dialect: Dialect) -> bool:
    """Whether instants are stored without their offset (in UTC)."""
    return dialect.name == SQLITE


def appends_take_a_lock(dialect: Dialect) -> bool:
    """Whether an append to the ledger takes the chain's advisory lock first."""
    return dialect.name == POSTGRESQL


# The first key of the two-key advisory locks that queue writers of the same record; the
# chain's lock is a one-key lock, which PostgreSQL keeps apart from every two-key lock.
SAME_RECORD_LOCKS = 1


def same_record_lock(dialect: Dialect, kind: str, fields: Mapping[str, Any]) -> str | None:
    """The statement that makes a writer of the `kind` record identified by `fields` wait,
    until the end of the transaction, for any other writer of the same; None where the
    database's write lock makes every writer wait already.

    Under READ COMMITTED, two transactions that look for the same record and find none
    would both insert it; queued, the second looks after the first has committed. Records
    whose keys collide in 32 bits only queue behind each other.
    """
    if dialect.name != POSTGRESQL:
        return None
    # One instant written with two offsets is one value in the database.
    described = sorted(
        (name, value.astimezone(UTC).isoformat() if isinstance(value, datetime) else value)
        for name, value in fields.items()
    )
    record = f"{kind} {described!r}".encode()
    key = int.from_bytes(blake2b(record, digest_size=4).digest(), "big", signed=True)
    return f"SELECT pg_advisory_xact_lock({SAME_RECORD_LOCKS}, {key})"


def ids_are_contiguous(dialect: Dialect) -> bool:
    """Whether the ids of a table's rows run without gaps: rowids do; sequences skip the
    numbers of inserts that were rolled back.
    """
    return dialect.name == SQLITE


def lock_for_update(session: Session, instance: Any) -> None:
    """Lock an instance's row until the transaction ends, so that concurrent writers queue."""
    if of(session).name == POSTGRESQL:
        session.refresh(instance, with_for_update=True)


def insert_ignoring_duplicates(dialect: Dialect, table: Table) -> Any:
    """An INSERT that skips the rows whose unique key is stored already."""
    if dialect.name == POSTGRESQL:
        return postgresql.insert(table).on_conflict_do_nothing()
    if dialect.name == SQLITE:
        return sqlite.insert(table).on_conflict_do_nothing()
    raise NotImplementedError(f"Sooth runs on SQLite and PostgreSQL, not {dialect.name}")


def move_sequences_past_ids(session: Session, tables: tuple[str, ...]) -> None:
    """After rows were inserted with their ids, make new rows' ids follow them."""
    if of(session).name != POSTGRESQL:
        return
    for table in tables:
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            )
        )


def one_state_options(dialect: Dialect) -> dict[str, Any]:
    """Execution options under which a transaction's statements all read one state."""
    if dialect.name == POSTGRESQL:
        return {"isolation_level": "REPEATABLE READ"}
    return {}
