"""Witnessed heads: what a signed ledger head says, and reading heads kept elsewhere.

A head is the chain's length and its newest hash. The service signs the UTF-8 bytes of
"sooth-ledger-head\\n{count}\\n{hash}\\n{signed_at}" so that anyone holding its public key
can show later which head it vouched for, and when.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from forecasts.models import SignedHead

HEAD_CONTEXT = "sooth-ledger-head"
_HASH = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class NotedHead:
    """A head someone kept: the chain's length then, its hash, and where it was read from."""

    count: int
    hash: str
    label: str

    def __str__(self) -> str:
        return f"{self.label} (count {self.count}, hash {self.hash[:12]}…)"


def signed_at_text(instant: datetime) -> str:
    """The instant as signed and shown: ISO 8601 in UTC to the second, ending in Z."""
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def head_message(*, count: int, hash: str, signed_at: str) -> bytes:
    """The bytes a head's signature covers."""
    return f"{HEAD_CONTEXT}\n{count}\n{hash}\n{signed_at}".encode()


def latest_signed_head(*, session: Session) -> SignedHead | None:
    """The most recently signed head, or None before the first."""
    return session.exec(select(SignedHead).order_by(col(SignedHead.id).desc()).limit(1)).first()


def list_signed_heads(
    *, session: Session, limit: int, offset: int
) -> tuple[Sequence[SignedHead], int]:
    """Signed heads, newest first, with how many there are."""
    total = session.exec(select(func.count()).select_from(SignedHead)).one()
    heads = session.exec(
        select(SignedHead).order_by(col(SignedHead.id).desc()).limit(limit).offset(offset)
    ).all()
    return heads, total


def parse_heads(text: str) -> list[NotedHead]:
    """Heads from the JSON of GET /api/v1/ledger/heads, or from lines of `count hash`.

    Raises ValueError naming the line or item that is not a head.
    """
    stripped = text.strip()
    if stripped.startswith(("{", "[")):
        return _json_heads(stripped)
    heads = []
    for number, line in enumerate(text.splitlines(), start=1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        if len(words) != 2:
            raise ValueError(f"line {number}: expected `count hash`, got {line.strip()!r}")
        heads.append(_head(words[0], words[1], f"line {number}"))
    if not heads:
        raise ValueError("no heads in it: expected the JSON of /ledger/heads or lines `count hash`")
    return heads


def _json_heads(text: str) -> list[NotedHead]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON ({error.msg} at line {error.lineno})") from error
    items = document.get("items") if isinstance(document, dict) else document
    if not isinstance(items, list) or not items:
        raise ValueError('expected {"items": [...]} as GET /api/v1/ledger/heads returns it')
    heads = []
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict) or "count" not in item or "hash" not in item:
            raise ValueError(f"item {index}: expected an object with count and hash")
        label = f"item {index}" + (f" signed {item['signed_at']}" if "signed_at" in item else "")
        heads.append(_head(item["count"], item["hash"], label))
    return heads


def _head(count: object, hash_: object, label: str) -> NotedHead:
    if isinstance(count, bool) or not isinstance(count, int | str):
        raise ValueError(f"{label}: count must be a whole number")
    try:
        number = int(count)
    except ValueError:
        raise ValueError(f"{label}: count {count!r} is not a whole number") from None
    if number < 0:
        raise ValueError(f"{label}: count cannot be negative")
    if not isinstance(hash_, str) or not _HASH.match(hash_):
        raise ValueError(f"{label}: hash must be 64 lowercase hex digits")
    return NotedHead(count=number, hash=hash_, label=label)
