"""Verifying the ledger inside one snapshot of the database, for the API and the CLI."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from forecasts.verify import ChainHead, Verification, chain_head, verify_ledger
from forecasts.witness import NotedHead
from service.database import Database
from service.workers import worker_context


def verify(
    database: Database,
    *,
    noted_head: str | None = None,
    noted_count: int | None = None,
    heads: Sequence[NotedHead] = (),
) -> Verification:
    """Verify the whole ledger, and that noted heads are still where they were."""
    with database.reading() as session:
        return verify_ledger(
            session=session, noted_head=noted_head, noted_count=noted_count, heads=heads
        )


def head(database: Database) -> ChainHead:
    """The chain's current head and length."""
    with database.reading() as session:
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
