"""API keys: created once in clear, stored only as a SHA-256 hash, each with a role."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import Table, bindparam
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from forecasts.domain import NotFoundError, Role
from forecasts.models import ApiKey
from forecasts.prepared import Cursor, Prepared

KEY_PREFIX = "sooth_"


def hash_key(key: str) -> str:
    """The stored form of a key. Keys carry 256 random bits, so a plain SHA-256 suffices."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(*, session: Session, name: str, role: Role, now: datetime) -> tuple[ApiKey, str]:
    """Make a new key; returns the stored row and the clear key, which is shown only once."""
    clear = KEY_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey(
        name=name,
        role=role,
        prefix=clear[: len(KEY_PREFIX) + 6],
        key_hash=hash_key(clear),
        created_at=now,
    )
    session.add(key)
    session.flush()
    return key, clear


@dataclass(frozen=True)
class LiveKey:
    """What a request needs of a live key: whose it is and what it may do."""

    id: int
    name: str
    role: Role
    prefix: str

    @classmethod
    def of(cls, key: ApiKey) -> LiveKey:
        """The live key of a stored row."""
        assert key.id is not None
        return cls(id=key.id, name=key.name, role=key.role, prefix=key.prefix)


_KEY_TABLE: Table = ApiKey.__table__  # type: ignore[attr-defined]
# Every keyed request looks its key up: a prepared read (forecasts/prepared.py) of the
# columns LiveKey holds, since building the ORM row cost as much as the read.
_KEY_BY_HASH = Prepared(
    core_select(*(_KEY_TABLE.c[field.name] for field in fields(LiveKey))).where(
        _KEY_TABLE.c.key_hash == bindparam("key_hash"), _KEY_TABLE.c.revoked_at.is_(None)
    )
)


def live_key(cursor: Cursor, clear: str) -> LiveKey | None:
    """The live key matching `clear`, or None when it is unknown or revoked; one statement."""
    rows = cursor.rows(_KEY_BY_HASH, {"key_hash": hash_key(clear)})
    if not rows:
        return None
    return LiveKey(*rows[0])


def find_key(*, session: Session, clear: str) -> LiveKey | None:
    """The live key matching `clear`, read in the session's transaction."""
    return live_key(Cursor.of_session(session), clear)


def list_keys(*, session: Session) -> Sequence[ApiKey]:
    """Every key, revoked ones included, oldest first."""
    return session.exec(select(ApiKey).order_by(col(ApiKey.id))).all()


def revoke_key(*, session: Session, key_id: int, now: datetime) -> ApiKey:
    """Stop a key from working; the row stays so its actions remain attributable."""
    key = session.get(ApiKey, key_id)
    if key is None:
        raise NotFoundError("id", f"no API key with id {key_id}")
    if key.revoked_at is None:
        key.revoked_at = now
        session.add(key)
        session.flush()
    return key
