"""Witnessing the ledger: the signing key, signed heads, and stored verifications.

A full verification reads the whole ledger, so readers get the latest stored result
and the scheduler (or an admin, or `sooth verify`) runs a new one. Heads are signed with
an Ed25519 key kept in the var directory (or given by SOOTH_LEDGER_SIGNING_KEY), so that
copies kept outside the database (saved /ledger/heads, digest footers) can be checked.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func
from sqlmodel import Session, col, select

from forecasts.models import LedgerEntry, LedgerVerification, SignedHead
from forecasts.verify import Problem, Verification, noted_problem
from forecasts.witness import NotedHead, head_message, latest_signed_head, signed_at_text
from resolvers.jobs import JobResult
from service import verification
from service.database import Database
from service.keyfiles import read_or_create
from service.settings import Settings

log = logging.getLogger(__name__)

KEY_FILE = "ledger_signing_key"
SIGN_EVERY = timedelta(hours=1)
# Timers drift: a round due a little early still counts as the next one.
SLACK = timedelta(minutes=1)


def signing_key(settings: Settings) -> Ed25519PrivateKey:
    """The key that signs heads: SOOTH_LEDGER_SIGNING_KEY, or one made once in the var dir."""
    given = settings.ledger_signing_key
    if given is not None:
        return _parse_key(given.get_secret_value())
    return _parse_key(read_or_create(settings.var_dir / KEY_FILE, _new_key))


@lru_cache(maxsize=8)
def _parse_key(text: str) -> Ed25519PrivateKey:
    text = text.strip()
    if text.startswith("-----BEGIN"):
        key = serialization.load_pem_private_key(text.encode(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError("the ledger signing key must be an Ed25519 key")
        return key
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError as error:
        raise ValueError("the ledger signing key is neither PEM nor base64") from error
    if len(raw) != 32:
        raise ValueError("the ledger signing key must be 32 bytes (base64) or PEM")
    return Ed25519PrivateKey.from_private_bytes(raw)


def _new_key() -> str:
    raw = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    return base64.b64encode(raw).decode("ascii")


def public_key_text(key: Ed25519PrivateKey) -> str:
    """Base64 of the key's 32 raw public bytes."""
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def sign_head(*, database: Database, key: Ed25519PrivateKey, now: datetime) -> SignedHead:
    """Sign the chain's current head as of `now` and store the signed head."""
    head = verification.head(database)
    signed_at = now.replace(microsecond=0)
    message = head_message(count=head.count, hash=head.hash, signed_at=signed_at_text(signed_at))
    signed = SignedHead(
        count=head.count,
        hash=head.hash,
        signed_at=signed_at,
        signature=base64.b64encode(key.sign(message)).decode("ascii"),
        public_key=public_key_text(key),
    )
    with database.writing() as session:
        session.add(signed)
    return signed


def run_verification(
    *,
    database: Database,
    clock: Callable[[], datetime],
    run_by: str,
    heads: Sequence[NotedHead] = (),
    noted_head: str | None = None,
    noted_count: int | None = None,
    store: bool = True,
    in_child: bool = False,
) -> tuple[Verification, LedgerVerification]:
    """Verify the whole ledger (and any heads kept elsewhere); store the result if asked."""
    started_at = clock()
    if in_child:
        result = verification.verify_in_child(database)
    else:
        result = verification.verify(
            database, noted_head=noted_head, noted_count=noted_count, heads=heads
        )
    problem = result.problem
    row = LedgerVerification(
        started_at=started_at,
        finished_at=clock(),
        ok=result.ok,
        count=result.count,
        head=result.head,
        problem=None if problem is None else str(problem),
        entry_id=None if problem is None else problem.entry_id,
        entity=None if problem is None else problem.entity,
        entity_id=None if problem is None else problem.entity_id,
        run_by=run_by,
    )
    if store:
        with database.writing() as session:
            session.add(row)
    return result, row


def latest_verification(*, session: Session) -> LedgerVerification | None:
    """The most recent stored verification, or None before the first."""
    return session.exec(
        select(LedgerVerification).order_by(col(LedgerVerification.id).desc()).limit(1)
    ).first()


def noted_head_problem(
    *, session: Session, head: str, count: int | None
) -> tuple[Problem | None, int | None]:
    """Where a noted head sits in the chain now, read from the index rather than a full walk."""
    entry_id = session.exec(select(LedgerEntry.id).where(LedgerEntry.hash == head)).first()
    position = None
    if entry_id is not None:
        position = session.exec(
            select(func.count()).select_from(LedgerEntry).where(col(LedgerEntry.id) <= entry_id)
        ).one()
    return noted_problem(head, count, position), position


@dataclass(frozen=True)
class LedgerJob:
    """A job that needs the database itself: it runs its own transactions."""

    name: str
    every: timedelta
    run: Callable[[datetime], JobResult]


def verify_job(settings: Settings, database: Database) -> LedgerJob:
    """Verify the ledger and store the result, unless another process just did."""
    every = timedelta(minutes=settings.ledger_verify_minutes)

    def run(now: datetime) -> JobResult:
        with database.reading() as session:
            latest = latest_verification(session=session)
        if latest is not None and latest.started_at > now - every + SLACK:
            return JobResult(0, "verification run", "verifications run")
        result, _ = run_verification(
            database=database, clock=lambda: now, run_by="scheduler", in_child=True
        )
        if not result.ok:
            log.error("ledger verification failed: %s", result.problem)
        return JobResult(1, "verification run", "verifications run")

    return LedgerJob("verify_ledger", every, run)


def sign_job(settings: Settings, database: Database) -> LedgerJob:
    """Sign the current head, unless it was signed within the hour or has not moved."""

    def run(now: datetime) -> JobResult:
        with database.reading() as session:
            latest = latest_signed_head(session=session)
        head = verification.head(database)
        if head.count == 0 or (
            latest is not None
            and (latest.hash == head.hash or latest.signed_at > now - SIGN_EVERY + SLACK)
        ):
            return JobResult(0, "head signed", "heads signed")
        sign_head(database=database, key=signing_key(settings), now=now)
        return JobResult(1, "head signed", "heads signed")

    return LedgerJob("sign_head", SIGN_EVERY, run)


def ledger_jobs(settings: Settings, database: Database) -> list[LedgerJob]:
    """The ledger's own jobs, in the order a round runs them."""
    return [sign_job(settings, database), verify_job(settings, database)]
