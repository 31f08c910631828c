"""Verifying the ledger: the chain of hashes, and that what is stored is what was recorded.

Two passes, both streamed in batches so memory holds one small digest per entity rather
than the ledger itself:

1. The chain, oldest entry first: each entry names the hash of the one before it, its own
   hash is recomputed from its fields, and (on SQLite, whose row ids never skip) the ids
   run 1, 2, 3 ... without a gap. The latest payload per entity is remembered as a digest.
2. The tables: every source, question, claim and resolution must equal the latest
   payload the ledger recorded for it, every row must have an entry, and every entity an
   entry names must still exist. A question's status, which the workflow changes without
   an entry, must follow from its resolutions: the latest one's outcome, or open or due.

Heads kept elsewhere (and the signed heads stored beside the ledger) must be heads the
chain still extends: its entry at each head's count has that head's hash.

Run it inside one snapshot (REPEATABLE READ on PostgreSQL; any read transaction on SQLite),
or a write committed between the passes looks like a row without an entry.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, SQLModel, col, select

from forecasts import dialects
from forecasts.chain import GENESIS_HASH, canonical_json, entry_hash
from forecasts.claims import claim_payload, claim_record
from forecasts.dialects import ids_are_contiguous
from forecasts.domain import Outcome, Status
from forecasts.models import (
    Claim,
    LedgerEntry,
    Question,
    QuestionTag,
    Resolution,
    SignedHead,
    Source,
)
from forecasts.questions import question_payload, question_public
from forecasts.schemas import ResolutionPublic, resolution_payload
from forecasts.sources import source_public
from forecasts.witness import NotedHead

BATCH = 2000
# Payloads whose digest differs are re-read in groups this size and compared field by
# field: a time recorded with an offset (+02:00) reads back in UTC and is still the same.
RECHECK_BATCH = 500
ENTITIES = ("source", "question", "claim", "resolution")

Payload = dict[str, Any]


@dataclass(frozen=True)
class Problem:
    """The first thing that does not match: what is wrong, and which entry or row."""

    message: str
    entry_id: int | None = None
    entity: str | None = None
    entity_id: int | None = None

    def __str__(self) -> str:
        where = []
        if self.entry_id is not None:
            where.append(f"ledger entry {self.entry_id}")
        if self.entity is not None:
            where.append(f"{self.entity} {self.entity_id}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass(frozen=True)
class Verification:
    """The outcome: ok, how many entries, the head hash, and the first problem if any."""

    ok: bool
    count: int
    head: str
    problem: Problem | None = None
    # 1-based position of the noted head in the chain, when one was given and found.
    noted_position: int | None = None


@dataclass(frozen=True)
class _Recorded:
    entry_id: int
    digest: bytes


def payload_digest(payload: str) -> bytes:
    """A short fingerprint of a canonical payload, compared instead of keeping the text."""
    return hashlib.blake2b(payload.encode("utf-8"), digest_size=16).digest()


def verify_ledger(
    *,
    session: Session,
    noted_head: str | None = None,
    noted_count: int | None = None,
    heads: Sequence[NotedHead] = (),
) -> Verification:
    """Recompute the chain and compare every entity with its latest ledger payload.

    With `noted_head` (and optionally `noted_count`, the count seen with it) it also
    proves that entry is still in the chain at that position, so nothing before it changed.
    `heads` (kept elsewhere) and the stored signed heads must all be extended by the chain.
    """
    recorded: dict[str, dict[int, _Recorded]] = {entity: {} for entity in ENTITIES}
    contiguous = ids_are_contiguous(dialects.of(session))
    witnessed = [*heads, *_stored_heads(session)]
    at_counts = {head.count: "" for head in witnessed}
    problem, position = _check_chain(
        session,
        recorded=recorded,
        contiguous=contiguous,
        noted_head=noted_head,
        at_counts=at_counts,
    )
    if problem is None and noted_head is not None:
        problem = noted_problem(noted_head, noted_count, position)
    if problem is None:
        problem = _check_heads(witnessed, at_counts)
    if problem is None:
        problem = _check_entities(session, recorded)
    if problem is None:
        problem = _check_statuses(session)
    head = chain_head(session=session)
    return Verification(
        ok=problem is None,
        count=head.count,
        head=head.hash,
        problem=problem,
        noted_position=position,
    )


@dataclass(frozen=True)
class ChainHead:
    """The newest entry's hash, id and time, and how many entries the chain holds."""

    hash: str
    count: int
    id: int | None
    created_at: datetime | None


def chain_head(*, session: Session) -> ChainHead:
    """The head of the chain, read in one statement so the count and hash agree."""
    count = select(func.count()).select_from(LedgerEntry).scalar_subquery()
    row = session.exec(
        select(LedgerEntry.id, LedgerEntry.hash, LedgerEntry.created_at, count)
        .order_by(col(LedgerEntry.id).desc())
        .limit(1)
    ).first()
    if row is None:
        return ChainHead(hash=GENESIS_HASH, count=0, id=None, created_at=None)
    entry_id, entry_hash_, created_at, total = row
    return ChainHead(hash=entry_hash_, count=total, id=entry_id, created_at=created_at)


def _check_chain(
    session: Session,
    *,
    recorded: dict[str, dict[int, _Recorded]],
    contiguous: bool,
    noted_head: str | None,
    at_counts: dict[int, str],
) -> tuple[Problem | None, int | None]:
    """Walk the entries in id order; returns the first problem and the noted head's position.

    `at_counts` is filled with the hash of the entry at each position it names.
    """
    at_counts[0] = GENESIS_HASH
    table = LedgerEntry.__table__.c  # type: ignore[attr-defined]
    # Core rows rather than ORM objects: the chain is read once, as fast as it streams.
    rows = session.connection().execute(
        sa_select(
            table.id,
            table.action,
            table.entity,
            table.entity_id,
            table.payload,
            table.actor,
            table.created_at,
            table.prev_hash,
            table.hash,
        )
        .order_by(table.id)
        .execution_options(yield_per=BATCH)
    )
    expected_prev = GENESIS_HASH
    previous_id = 0
    noted_position = None
    for position, (
        entry_id,
        action,
        entity,
        entity_id,
        payload,
        actor,
        at,
        prev,
        stored,
    ) in enumerate(rows, start=1):
        assert entry_id is not None
        if contiguous and entry_id != previous_id + 1:
            message = (
                f"entry ids jump from {previous_id} to {entry_id}: "
                "an entry was removed or renumbered"
                if previous_id
                else f"the first entry has id {entry_id}, not 1: earlier entries were removed"
            )
            problem = Problem(message, entry_id=entry_id, entity=entity, entity_id=entity_id)
            return problem, noted_position
        if prev != expected_prev:
            before = f"entry {previous_id}'s" if previous_id else "the genesis"
            return Problem(
                f"it names {prev[:12]}… as the hash before it, but {before} hash is "
                f"{expected_prev[:12]}…: an entry before it was rewritten, or entries were "
                "removed, inserted or reordered",
                entry_id=entry_id,
                entity=entity,
                entity_id=entity_id,
            ), noted_position
        computed = entry_hash(
            prev_hash=prev,
            action=action,
            entity=entity,
            entity_id=entity_id,
            payload=payload,
            actor=actor,
            created_at=at,
        )
        if computed != stored:
            return Problem(
                f"its stored hash {stored[:12]}… does not match its contents "
                f"({computed[:12]}…): its action, entity, payload, actor or time was changed",
                entry_id=entry_id,
                entity=entity,
                entity_id=entity_id,
            ), noted_position
        if stored == noted_head:
            noted_position = position
        if position in at_counts:
            at_counts[position] = stored
        if entity in recorded:
            recorded[entity][entity_id] = _Recorded(entry_id, payload_digest(payload))
        expected_prev = stored
        previous_id = entry_id
    return None, noted_position


def noted_problem(head: str, count: int | None, position: int | None) -> Problem | None:
    """What is wrong with a noted head found at `position` (None: not in the chain)."""
    if position is None:
        return Problem(
            f"the noted head {head[:12]}… is not in the chain: the ledger was rewritten up to "
            "or past it, or the hash was mistyped"
        )
    if count is not None and position != count:
        return Problem(
            f"the noted head {head[:12]}… is entry number {position} of the chain, "
            f"not {count} as noted: entries before it were removed or inserted"
        )
    return None


def _stored_heads(session: Session) -> list[NotedHead]:
    rows = session.exec(
        select(SignedHead.id, SignedHead.count, SignedHead.hash).order_by(col(SignedHead.id))
    ).all()
    return [NotedHead(count, hash_, f"signed head {id_}") for id_, count, hash_ in rows]


def _check_heads(heads: Sequence[NotedHead], at_counts: dict[int, str]) -> Problem | None:
    """The first head, in chain order, that the chain does not extend."""
    for head in sorted(heads, key=lambda head: head.count):
        found = at_counts.get(head.count, "")
        if not found:
            return Problem(
                f"the chain does not extend {head}: it holds fewer entries now; "
                "entries were removed"
            )
        if found != head.hash:
            return Problem(
                f"the chain does not extend {head}: its entry number {head.count} has hash "
                f"{found[:12]}…; the ledger was rewritten at or before that entry"
            )
    return None


def _check_statuses(session: Session) -> Problem | None:
    """Each question's status against its latest resolution (open or due without one)."""
    latest = (
        select(Resolution.question_id, func.max(Resolution.sequence).label("sequence"))
        .group_by(col(Resolution.question_id))
        .subquery()
    )
    rows = session.exec(
        select(Question.id, Question.status, Resolution.id, Resolution.outcome)
        .outerjoin(latest, latest.c.question_id == col(Question.id))
        .outerjoin(
            Resolution,
            (col(Resolution.question_id) == latest.c.question_id)
            & (col(Resolution.sequence) == latest.c.sequence),
        )
        .order_by(col(Question.id))
        .execution_options(yield_per=BATCH)
    )
    for question_id, status, resolution_id, outcome in rows:
        if resolution_id is None:
            if status in (Status.open, Status.due):
                continue
            expected = "open or due, as it has no resolution"
        else:
            if Outcome(outcome).status == status:
                continue
            expected = f"{Outcome(outcome).status.value}, as resolution {resolution_id} says"
        return Problem(
            f"its status is {Status(status).value} but should be {expected}",
            entity="question",
            entity_id=question_id,
        )
    return None


def _check_entities(session: Session, recorded: dict[str, dict[int, _Recorded]]) -> Problem | None:
    """Compare the tables with the ledger, in the order sources, questions, claims, resolutions."""
    slugs = dict(session.exec(select(Source.id, Source.slug)).all())
    current: dict[str, Callable[[], Iterator[tuple[int, Payload]]]] = {
        "source": lambda: _sources(session),
        "question": lambda: _questions(session),
        "claim": lambda: _claims(session, slugs),
        "resolution": lambda: _resolutions(session),
    }
    for entity in ENTITIES:
        entries = recorded[entity]
        problem = _compare(session, entity, current[entity](), entries)
        if problem is not None:
            return problem
        if entries:
            entity_id, orphan = min(entries.items(), key=lambda item: item[1].entry_id)
            return Problem(
                f"it records {entity} {entity_id}, which is no longer in the database",
                entry_id=orphan.entry_id,
                entity=entity,
                entity_id=entity_id,
            )
    return None


def _compare(
    session: Session,
    entity: str,
    rows: Iterable[tuple[int, Payload]],
    entries: dict[int, _Recorded],
) -> Problem | None:
    """Match each row against its latest entry; `entries` is left holding the unmatched."""
    suspects: list[tuple[int, Payload, _Recorded]] = []
    for entity_id, payload in rows:
        entry = entries.pop(entity_id, None)
        if entry is None:
            problem = _recheck(session, entity, suspects)
            return problem or Problem(
                "it is in the database but the ledger has no entry for it",
                entity=entity,
                entity_id=entity_id,
            )
        if payload_digest(canonical_json(payload)) != entry.digest:
            suspects.append((entity_id, payload, entry))
            if len(suspects) >= RECHECK_BATCH:
                problem = _recheck(session, entity, suspects)
                if problem is not None:
                    return problem
                suspects = []
    return _recheck(session, entity, suspects)


def _recheck(
    session: Session, entity: str, suspects: list[tuple[int, Payload, _Recorded]]
) -> Problem | None:
    """Compare field by field the rows whose digest differed, reading their entries at once."""
    if not suspects:
        return None
    ids = [entry.entry_id for _, _, entry in suspects]
    stored = dict(
        session.exec(
            select(LedgerEntry.id, LedgerEntry.payload).where(col(LedgerEntry.id).in_(ids))
        ).all()
    )
    for entity_id, payload, entry in suspects:
        differing = field_differences(json.loads(stored[entry.entry_id]), payload)
        if differing:
            return Problem(
                f"it differs from what the ledger recorded in {', '.join(differing)}",
                entry_id=entry.entry_id,
                entity=entity,
                entity_id=entity_id,
            )
    return None


_MISSING = object()


def field_differences(recorded: Payload, current: Payload) -> list[str]:
    """The fields whose values differ, treating two spellings of one instant as equal."""
    names = sorted(set(recorded) | set(current))
    return [
        name
        for name in names
        if not _same(recorded.get(name, _MISSING), current.get(name, _MISSING))
    ]


def _same(recorded: object, current: object) -> bool:
    if recorded == current:
        return True
    if isinstance(recorded, str) and isinstance(current, str):
        try:
            then, now = datetime.fromisoformat(recorded), datetime.fromisoformat(current)
        except ValueError:
            return False
        if then.tzinfo is None or now.tzinfo is None:
            return False
        return then == now
    return False


def _rows(session: Session, model: type[SQLModel]) -> Iterator[Any]:
    """Every row of `model`'s table in id order, as plain objects with its column attributes.

    The *_public functions only read attributes, so they take these as they take models;
    skipping the ORM's identity map and instrumentation halves the time of this pass.
    """
    table = model.__table__  # type: ignore[attr-defined]
    result = session.connection().execute(
        sa_select(table).order_by(table.c.id).execution_options(yield_per=BATCH)
    )
    for row in result.mappings():
        yield SimpleNamespace(**row)


def _sources(session: Session) -> Iterator[tuple[int, Payload]]:
    for source in _rows(session, Source):
        yield source.id, source_public(source).model_dump(mode="json")


def _questions(session: Session) -> Iterator[tuple[int, Payload]]:
    """Questions with their tags, merging two id-ordered streams instead of a query each."""
    tag_rows = session.exec(
        select(QuestionTag.question_id, QuestionTag.tag)
        .order_by(col(QuestionTag.question_id), col(QuestionTag.tag))
        .execution_options(yield_per=BATCH)
    )
    tag_groups = groupby(tag_rows, key=lambda row: row[0])
    pending = next(tag_groups, None)
    for question in _rows(session, Question):
        # Tags of a question that no longer exists are skipped here; a foreign key keeps them out.
        while pending is not None and pending[0] < question.id:
            pending = next(tag_groups, None)
        tags: list[str] = []
        if pending is not None and pending[0] == question.id:
            tags = [tag for _, tag in pending[1]]
            pending = next(tag_groups, None)
        payload = question_payload(question_public(question, tags))
        yield question.id, payload


def _claims(session: Session, slugs: dict[int | None, str]) -> Iterator[tuple[int, Payload]]:
    for claim in _rows(session, Claim):
        slug = slugs.get(claim.source_id, f"<missing source {claim.source_id}>")
        yield claim.id, claim_payload(claim_record(claim, slug))


def _resolutions(session: Session) -> Iterator[tuple[int, Payload]]:
    for resolution in _rows(session, Resolution):
        yield resolution.id, resolution_payload(ResolutionPublic.model_validate(resolution))
