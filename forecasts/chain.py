"""The tamper-evident ledger: every write appends an entry chained by SHA-256.

Each entry's hash covers its own canonical JSON and the previous entry's hash, so changing,
deleting or reordering anything already written breaks every hash after it.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Boolean,
    Table,
    Text,
    bindparam,
    case,
    cast,
    func,
    insert,
    literal_column,
    true,
)
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from forecasts.dialects import appends_take_a_lock
from forecasts.models import LedgerEntry
from forecasts.prepared import Cursor, Prepared

GENESIS_HASH = "0" * 64
# A fixed advisory-lock key: on PostgreSQL appends are serialised through it so that two
# concurrent writers cannot both extend the same head.
CHAIN_LOCK_KEY = 0x50_07_4C_ED


class Action(StrEnum):
    """What a ledger entry records."""

    source_created = "source.created"
    question_created = "question.created"
    question_updated = "question.updated"
    claim_recorded = "claim.recorded"
    claim_retracted = "claim.retracted"
    question_resolved = "question.resolved"
    resolution_corrected = "resolution.corrected"


def canonical_json(value: Any) -> str:
    """Serialise `value` the one way that hashes the same everywhere: sorted keys, no spaces."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_json_default
    )


def _json_default(value: object) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, StrEnum):
        return value.value
    raise TypeError(f"cannot put {type(value).__name__} into a ledger payload")


def entry_hash(
    *,
    prev_hash: str,
    action: str,
    entity: str,
    entity_id: int,
    payload: str,
    actor: str,
    created_at: datetime,
) -> str:
    """SHA-256 over the previous hash and this entry's fields, in canonical JSON."""
    body = canonical_json(
        {
            "prev": prev_hash,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "payload": payload,
            "actor": actor,
            "created_at": created_at,
        }
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def head(session: Session) -> LedgerEntry | None:
    """The newest entry, or None when nothing was written yet."""
    return session.exec(select(LedgerEntry).order_by(col(LedgerEntry.id).desc()).limit(1)).first()


_ENTRY: Table = LedgerEntry.__table__  # type: ignore[attr-defined]
_ENTRY_FIELDS = ("action", "entity", "entity_id", "payload", "actor", "created_at")
# Every write appends an entry: prepared statements (forecasts/prepared.py), and only the
# head's hash read, not the whole entry, payload and all.
_HEAD_SELECT = core_select(_ENTRY.c.hash).order_by(_ENTRY.c.id.desc()).limit(1)
_HEAD_HASH = Prepared(_HEAD_SELECT)
_INSERT_ENTRY = Prepared(
    insert(_ENTRY)
    .values(
        {
            name: bindparam(name, type_=_ENTRY.c[name].type)
            for name in (*_ENTRY_FIELDS, "prev_hash", "hash")
        }
    )
    .returning(_ENTRY.c.id)
)
# On PostgreSQL appends queue for the chain's lock, held until the commit: there the
# insert reads the head and hashes the entry itself (sha256() is built in), so that
# nothing is read back while the lock is held. The hashed text is the canonical
# JSON entry_hash hashes, whose last key is "prev": `before_prev`, the head's hash, '"}'.
_HEAD = core_select(
    func.coalesce(_HEAD_SELECT.scalar_subquery(), GENESIS_HASH).label("prev")
).subquery("head")
# Run with take_lock, the insert takes the chain's lock and writes nothing. It is the
# same statement as the appends, so that it can go to the server in one flight with them
# (service/loop_postgres.py): each statement of a flight runs after the one before has
# ended, and under READ COMMITTED sees what was committed by then, so the appends after
# the lock read the head as it is once no other writer can move it. An append must not
# take the lock itself: it would have read the head before waiting for it.
# pg_advisory_xact_lock returns void, whose text is ''.
_TAKES_THE_LOCK = case(
    (
        bindparam("take_lock", type_=Boolean),
        cast(func.pg_advisory_xact_lock(literal_column(str(CHAIN_LOCK_KEY))), Text) != "",
    ),
    else_=true(),
)
_INSERT_AFTER_HEAD = Prepared(
    insert(_ENTRY).from_select(
        [*_ENTRY_FIELDS, "prev_hash", "hash"],
        core_select(
            *(bindparam(name, type_=_ENTRY.c[name].type) for name in _ENTRY_FIELDS),
            _HEAD.c.prev,
            func.encode(
                func.sha256(
                    func.convert_to(
                        bindparam("before_prev", type_=Text) + _HEAD.c.prev + '"}', "UTF8"
                    )
                ),
                "hex",
            ),
        ).where(_TAKES_THE_LOCK),
    )
)


def append_entry(
    cursor: Cursor,
    *,
    action: Action,
    entity: str,
    entity_id: int,
    payload: dict[str, Any],
    actor: str,
    now: datetime,
) -> None:
    """Append one entry after the current head, inside the cursor's transaction.

    On PostgreSQL the insert goes to the cursor's send_locked, with the run of it that takes
    the chain's lock: a cursor writing units of work on the event loop keeps the appends
    of all of them to the end of its transaction and sends them after the lock, in one
    flight, just before its one COMMIT, so the chain's lock is held for no unit's own work
    (service/loop_postgres.py).
    """
    fields: dict[str, Any] = {
        "action": action.value,
        "entity": entity,
        "entity_id": entity_id,
        "payload": canonical_json(payload),
        "actor": actor,
        "created_at": now.astimezone(UTC),
    }
    if appends_take_a_lock(cursor.dialect):
        append = fields | {"before_prev": canonical_json(fields).removesuffix("}") + ',"prev":"'}
        cursor.send_locked(
            _INSERT_AFTER_HEAD, append | {"take_lock": True}, append | {"take_lock": False}
        )
        return
    previous = cursor.rows(_HEAD_HASH, {})
    prev_hash = previous[0][0] if previous else GENESIS_HASH
    fields |= {"prev_hash": prev_hash, "hash": entry_hash(prev_hash=prev_hash, **fields)}
    cursor.rows(_INSERT_ENTRY, fields)
