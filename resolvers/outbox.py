"""The email outbox: every message to send, stored before it is sent, sent at least once.

A message is enqueued under a unique key built from stable ids (digest:12:2026-W10), so
a re-run, a restart or a second instance cannot enqueue it twice. Delivery claims due rows
(FOR UPDATE SKIP LOCKED on PostgreSQL) under a short lease, sends them over one
connection, and marks each sent only after the server accepted it; a failure is retried
with exponential backoff and its error kept on the row.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection as DbConnection
from sqlalchemy import (
    Engine,
    Table,
    bindparam,
    func,
    select,
)
from sqlmodel import Session

from forecasts.models import OutboxMessage
from forecasts.sqltypes import UTCDateTime
from resolvers.dedup import insert_new
from resolvers.mail import Connection, MessageRejectedError, Transport, TransportUnavailableError

BACKOFF_BASE = timedelta(minutes=1)
BACKOFF_CAP = timedelta(hours=6)
MAX_ATTEMPTS = 15
"""Attempts before a message is given up: about two days of retries at the capped backoff."""
LEASE = timedelta(minutes=15)
"""How long a claimed message is left to its dispatcher before another may try it."""
BATCH_SIZE = 100
_IN_CHUNK = 500


_OUTBOX: Table = OutboxMessage.__table__  # type: ignore[attr-defined]
_MARK_SENT = (
    _OUTBOX.update()
    .where(_OUTBOX.c.id == bindparam("row_id"))
    .values(sent_at=bindparam("now", type_=UTCDateTime))
)


@dataclass(frozen=True, slots=True)
class NewMessage:
    """A composed message waiting to be enqueued."""

    key: str
    kind: str
    recipient: str
    subject: str
    message_id: str
    message: bytes


@dataclass
class DeliveryReport:
    """What one delivery round did."""

    sent: int = 0
    failed: int = 0
    gave_up: int = 0
    errors: list[str] = field(default_factory=list)


def enqueue(*, session: Session, messages: Sequence[NewMessage], now: datetime) -> list[str]:
    """Store the messages whose key is new; the keys actually enqueued."""
    rows = [
        {
            "key": m.key,
            "kind": m.kind,
            "recipient": m.recipient,
            "subject": m.subject,
            "message_id": m.message_id,
            "message": zlib.compress(m.message, 1),
            "created_at": now,
            "attempts": 0,
            "next_attempt_at": now,
        }
        for m in messages
    ]
    return [str(key) for key in insert_new(session, _OUTBOX, rows, key="key")]


def message_bytes(message: OutboxMessage) -> bytes:
    """The stored message as it goes on the wire."""
    return zlib.decompress(message.message)


def stored_keys(*, session: Session, keys: Iterable[str]) -> set[str]:
    """Which of these keys the outbox already holds."""
    wanted = list(dict.fromkeys(keys))
    found: set[str] = set()
    for start in range(0, len(wanted), _IN_CHUNK):
        chunk = wanted[start : start + _IN_CHUNK]
        found.update(
            session.connection()
            .execute(select(_OUTBOX.c.key).where(_OUTBOX.c.key.in_(chunk)))
            .scalars()
        )
    return found


def backoff(attempts: int) -> timedelta:
    """Wait before the next try after `attempts` failures: 1 min doubling, capped at 6 h."""
    doublings = min(max(attempts - 1, 0), 30)
    return min(BACKOFF_BASE * (1 << doublings), BACKOFF_CAP)


@dataclass(frozen=True, slots=True)
class _Claimed:
    id: int
    key: str
    recipient: str
    message: bytes
    attempts: int


def deliver_outbox(
    *, session: Session, now: datetime, transport: Transport, batch_size: int = BATCH_SIZE
) -> DeliveryReport:
    """Send every message due by `now` over one connection; commits as it goes.

    It first commits what `session` holds, then works on a connection of its own: each
    batch's claim is committed before the server is contacted and each acceptance right
    after the server's reply, so a crash can leave at most one message sent but not
    marked (its Message-ID, derived from the key, makes that duplicate recognisable).
    """
    report = DeliveryReport()
    session.commit()  # leave nothing of the caller's pending beside our own connection
    bind = session.get_bind()
    assert isinstance(bind, Engine), "deliver_outbox needs a session bound to an engine"
    # A commit after every message: on a connection held for the round, which, unlike the
    # session's, is not handed back to the pool and checked out again at each commit.
    with bind.connect() as db, ExitStack() as stack:
        connection: Connection | None = None
        while batch := _claim(db, now, batch_size):
            if connection is None:
                try:
                    connection = stack.enter_context(transport.connect())
                except TransportUnavailableError as error:
                    _failed(db, batch, str(error), now, report)
                    break
            for index, message in enumerate(batch):
                try:
                    connection.send(
                        key=message.key, recipient=message.recipient, message=message.message
                    )
                except MessageRejectedError as error:
                    _failed(db, [message], str(error), now, report)
                    continue
                except TransportUnavailableError as error:
                    _failed(db, batch[index:], str(error), now, report)
                    return report
                # Recorded and committed at once: the server has the message now.
                db.execute(_MARK_SENT, {"row_id": message.id, "now": now})
                db.commit()
                report.sent += 1
    return report


def deliverable_count(*, session: Session, now: datetime) -> int:
    """How many messages a delivery round as of `now` would try to send."""
    outbox = _OUTBOX.c
    found = session.connection().execute(
        select(func.count()).where(
            outbox.sent_at.is_(None), outbox.failed_at.is_(None), outbox.next_attempt_at <= now
        )
    )
    return int(found.scalar_one())


def _claim(db: DbConnection, now: datetime, limit: int) -> list[_Claimed]:
    """Take up to `limit` due messages under a lease, committed so others skip them."""
    outbox = _OUTBOX.c
    rows = db.execute(
        select(outbox.id, outbox.key, outbox.recipient, outbox.message, outbox.attempts)
        .where(
            outbox.sent_at.is_(None),
            outbox.failed_at.is_(None),
            outbox.next_attempt_at <= now,
        )
        .order_by(outbox.next_attempt_at, outbox.id)
        .limit(limit)
        # Another dispatcher's claimed rows are passed over, not waited for (PostgreSQL;
        # SQLite serialises writers anyway).
        .with_for_update(skip_locked=True)
    )
    claimed = [_Claimed(i, k, r, zlib.decompress(m), a + 1) for i, k, r, m, a in rows]
    if claimed:
        db.execute(
            _OUTBOX.update()
            .where(outbox.id.in_([m.id for m in claimed]))
            .values(attempts=outbox.attempts + 1, next_attempt_at=now + LEASE)
        )
    db.commit()
    return claimed


def _failed(
    db: DbConnection,
    messages: Sequence[_Claimed],
    error: str,
    now: datetime,
    report: DeliveryReport,
) -> None:
    """Record a failed attempt: retry after the backoff, or give up after MAX_ATTEMPTS."""
    if len(report.errors) < 10:
        report.errors.append(error)
    for message in messages:
        values: dict[str, Any] = {"last_error": error[:2000]}
        if message.attempts >= MAX_ATTEMPTS:
            values["failed_at"] = now
            report.gave_up += 1
        else:
            values["next_attempt_at"] = now + backoff(message.attempts)
            report.failed += 1
        db.execute(_OUTBOX.update().where(_OUTBOX.c.id == message.id).values(**values))
    db.commit()
