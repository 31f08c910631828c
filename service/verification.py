"""Verifying the ledger inside one snapshot of the database, for the API and the CLI."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

from sqlmodel import Session

from forecasts.verify import ChainHead, Verification, chain_head, verify_ledger
from forecasts.witness import NotedHead
from service.database import Database
from service.workers import worker_context


@contextmanager
def snapshot(database: Database) -> Iterator[Session]:
    """A read-only session that sees the database as it was at its first query, to its end.

    PostgreSQL's default READ COMMITTED gives each statement a new snapshot, so a write
    committed between verification's passes would look like a row without a ledger entry.
    A SQLite read transaction in WAL mode already keeps one snapshot.
    """
    engine = database.engine
    if database.dialect == "postgresql":
        engine = engine.execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        )
    with Session(engine) as session:
        try:
            yield session
        finally:
            session.rollback()


def verify(
    database: Database,
    *,
    noted_head: str | None = None,
    noted_count: int | None = None,
    heads: Sequence[NotedHead] = (),
) -> Verification:
    """Verify the whole ledger, and that noted heads are still where they were."""
    with snapshot(database) as session:
        return verify_ledger(
            session=session, noted_head=noted_head, noted_count=noted_count, heads=heads
        )


def head(database: Database) -> ChainHead:
    """The chain's current head and length."""
    with snapshot(database) as session:
        return chain_head(session=session)


def _verify_url(url: str) -> Verification:
    database = Database(url)
    try:
        return verify(database)
    finally:
        database.dispose()


def verify_in_child(database: Database) -> Verification:
    """Verify the ledger in a process of its own, so that its Python work, which holds the
    interpreter's lock, takes no turns from the service's event loop.
    """
    # Forked from a server process started once, which has imported this module: no fork
    # of a process running threads, and no imports paid again at each hourly run.
    with ProcessPoolExecutor(max_workers=1, mp_context=worker_context()) as child:
        return child.submit(_verify_url, database.url).result()
