"""The unique key alone keeps a digest from being enqueued twice: no lock, no check first.

Both writers go straight to enqueue (resolvers/dedup.py), with no advisory lock and no
read of what is due beforehand. The second writes while the first's insert is still
uncommitted, so it waits on the key's index (or SQLite's write lock) and then finds the
key taken.
"""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import func
from sqlmodel import select

from forecasts.models import OutboxMessage
from resolvers.outbox import NewMessage, enqueue
from service.database import Database
from tests.factories import T0

DIGEST = NewMessage(
    key="digest:7:2026-W10",
    kind="digest",
    recipient="reviewer@example.org",
    subject="Questions due for resolution",
    message_id="<digest-7-2026-W10@example.org>",
    message=b"Subject: Questions due\r\n\r\nbody\r\n",
)


def test_second_digest_enqueued_during_first_uncommitted_is_skipped(database: Database) -> None:
    second: list[list[str]] = []
    errors: list[BaseException] = []

    def enqueue_again() -> None:
        try:
            with database.writing() as session:
                second.append(
                    enqueue(session=session, messages=[DIGEST], now=T0 + timedelta(seconds=1))
                )
        except BaseException as error:
            errors.append(error)

    with database.writing() as session:
        first = enqueue(session=session, messages=[DIGEST], now=T0)
        other = threading.Thread(target=enqueue_again)
        other.start()
        # The second writer is now waiting for this transaction's key (or write lock).
        other.join(timeout=0.5)
        assert other.is_alive(), "the second insert did not wait for the first's key"
    other.join(timeout=30)

    assert errors == []
    assert first == [DIGEST.key]
    assert second == [[]]
    with database.reading() as session:
        count = session.exec(select(func.count()).select_from(OutboxMessage)).one()
        stored = session.exec(select(OutboxMessage)).one()
    assert count == 1
    assert stored.created_at == T0


def test_digest_enqueued_again_later_is_skipped(database: Database) -> None:
    with database.writing() as session:
        assert enqueue(session=session, messages=[DIGEST], now=T0) == [DIGEST.key]
    with database.writing() as session:
        assert enqueue(session=session, messages=[DIGEST], now=T0 + timedelta(days=1)) == []
    with database.reading() as session:
        assert session.exec(select(func.count()).select_from(OutboxMessage)).one() == 1
