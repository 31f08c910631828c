"""Recording, retracting and reading claims."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Dialect, Table, and_, bindparam, exists, insert
from sqlalchemy import select as core_select
from sqlmodel import Session

from forecasts.chain import Action, append_entry
from forecasts.dialects import same_record_lock
from forecasts.domain import (
    Basis,
    ConflictError,
    DomainError,
    NotFoundError,
    QuestionKind,
    RepeatError,
)
from forecasts.hindsight import is_evidenced, is_hindsight
from forecasts.models import Claim, Question, Resolution, Source
from forecasts.prepared import Cursor, Prepared
from forecasts.probability import UnknownPhraseError, lookup
from forecasts.quantities import check_quantity
from forecasts.questions import create_question
from forecasts.schemas import ClaimCreate, ClaimPublic, ClaimRecord, Quantity
from forecasts.sources import slugs_by_id


@dataclass(frozen=True)
class ClaimFilters:
    """What a claim list may be narrowed by."""

    source: str | None = None
    question_id: int | None = None
    tag: str | None = None


def claim_record(claim: Claim, source_slug: str) -> ClaimRecord:
    """A claim as recorded: the ledger's payload for it."""
    assert claim.id is not None
    return ClaimRecord(
        id=claim.id,
        question_id=claim.question_id,
        source=source_slug,
        probability=claim.probability,
        probability_basis=claim.probability_basis,
        verbal_phrase=claim.verbal_phrase,
        quote=claim.quote,
        made_at=claim.made_at,
        citation_url=claim.citation_url,
        citation_title=claim.citation_title,
        publisher=claim.publisher,
        published_at=claim.published_at,
        recorded_at=claim.recorded_at,
        recorded_by=claim.recorded_by,
        retracted_at=claim.retracted_at,
        retraction_reason=claim.retraction_reason,
        quantity=claim_quantity(claim),
    )


def claim_quantity(claim: Any) -> Quantity | None:
    """The point or range of a claim's row (or any object with its columns), if it has one."""
    if claim.point is None and claim.low is None:
        return None
    return Quantity(point=claim.point, low=claim.low, high=claim.high, confidence=claim.confidence)


def claim_payload(claim: ClaimRecord) -> dict[str, Any]:
    """What the ledger records of a claim: its public shape, `quantity` only when it has one.

    Leaving an absent quantity out keeps a probability claim's payload as it was before
    claims could carry quantities, so entries written then still verify.
    """
    payload = claim.model_dump(mode="json")
    if payload["quantity"] is None:
        del payload["quantity"]
    return payload


def public_of(
    record: ClaimRecord, *, deadline: datetime, first_resolved_at: datetime | None
) -> ClaimPublic:
    """The API shape of a recorded claim, given its question's deadline and first verdict."""
    return ClaimPublic(
        **dict(record),
        hindsight=is_hindsight(
            recorded_at=record.recorded_at, deadline=deadline, first_resolved_at=first_resolved_at
        ),
        evidenced=is_evidenced(
            citation_url=record.citation_url,
            published_at=record.published_at,
            deadline=deadline,
            first_resolved_at=first_resolved_at,
        ),
    )


def claims_public(*, session: Session, claims: Sequence[Claim]) -> list[ClaimPublic]:
    """API shapes for many claims, looking their sources and questions up in two queries."""
    slugs = slugs_by_id(session=session, ids=(claim.source_id for claim in claims))
    questions = {claim.question_id for claim in claims}
    when: dict[int, tuple[datetime, datetime | None]] = {}
    if questions:
        statement = (
            core_select(_QUESTION.c.id, _QUESTION.c.deadline, _RESOLUTION.c.resolved_at)
            .select_from(_QUESTION.outerjoin(_RESOLUTION, _first_resolution()))
            .where(_QUESTION.c.id.in_(questions))
        )
        when = {row[0]: (row[1], row[2]) for row in session.execute(statement)}
    return [
        public_of(
            claim_record(claim, slugs[claim.source_id]),
            deadline=when[claim.question_id][0],
            first_resolved_at=when[claim.question_id][1],
        )
        for claim in claims
    ]


def claim_public(*, session: Session, claim: Claim) -> ClaimPublic:
    """The API shape of one claim."""
    return claims_public(session=session, claims=[claim])[0]


Stated = tuple[float | None, Basis, Quantity | None]
"""What a claim states: its probability or its quantity, and the basis."""


def _stated(data: ClaimCreate, kind: QuestionKind) -> Stated:
    """The probability of a claim on a binary question, or the quantity on a quantity one."""
    if kind is QuestionKind.binary:
        if data.quantity is not None:
            raise DomainError(
                "quantity", "belongs to a claim on a quantity question; this one is yes or no"
            )
        probability, basis = _probability(data)
        return probability, basis, None
    if data.probability is not None:
        raise DomainError(
            "probability",
            "a quantity question takes a quantity (a point or a range), not a probability",
        )
    if data.quantity is None:
        raise DomainError(
            "quantity",
            'is required on a quantity question: {"point": x}, {"low": a, "high": b} '
            'or {"low": a, "high": b, "confidence": c}',
        )
    check_quantity(data.quantity)
    # A hedge such as "should come close to" is kept with the number but not scored.
    return None, data.probability_basis or Basis.stated, data.quantity


def _probability(data: ClaimCreate) -> tuple[float, Basis]:
    """The claim's probability and its basis, taking a verbal phrase through the scale."""
    if data.probability is not None:
        basis = data.probability_basis or (Basis.verbal if data.verbal_phrase else Basis.stated)
        return data.probability, basis
    if not data.verbal_phrase:
        raise DomainError("probability", "is required unless verbal_phrase is given")
    try:
        verbal = lookup(data.verbal_phrase)
    except UnknownPhraseError as error:
        raise DomainError("verbal_phrase", str(error)) from error
    if data.probability_basis not in (None, Basis.verbal):
        raise DomainError(
            "probability_basis", "must be verbal when the probability comes from verbal_phrase"
        )
    return verbal.probability, Basis.verbal


_CLAIM: Table = Claim.__table__  # type: ignore[attr-defined]
_SOURCE: Table = Source.__table__  # type: ignore[attr-defined]
_QUESTION: Table = Question.__table__  # type: ignore[attr-defined]
_RESOLUTION: Table = Resolution.__table__  # type: ignore[attr-defined]


def _first_resolution() -> Any:
    """Joins a question to its first resolution (sequence 1), if it has one."""
    return and_(_RESOLUTION.c.question_id == _QUESTION.c.id, _RESOLUTION.c.sequence == 1)


_SOURCE_ID = Prepared(core_select(_SOURCE.c.id).where(_SOURCE.c.slug == bindparam("slug")))
# The question's deadline, first resolution and kind, with the source's id (NULL when no
# source has the slug): one statement, one round trip, for the most frequent write.
_QUESTION_AND_SOURCE = Prepared(
    core_select(
        _QUESTION.c.deadline,
        _RESOLUTION.c.resolved_at,
        _QUESTION.c.kind,
        core_select(_SOURCE.c.id).where(_SOURCE.c.slug == bindparam("slug")).scalar_subquery(),
    )
    .select_from(_QUESTION.outerjoin(_RESOLUTION, _first_resolution()))
    .where(_QUESTION.c.id == bindparam("question_id"))
)
_QUANTITY_FIELDS = tuple(Quantity.model_fields)


def _same_claim_by(source_id: Any) -> ColumnElement[bool]:
    """What makes a claim of the source `source_id` the same claim: NULL matches NULL,
    since a quantity claim has no probability and a probability claim no quantity.
    """
    return and_(
        _CLAIM.c.source_id == source_id,
        _CLAIM.c.quote == bindparam("quote"),
        _CLAIM.c.made_at == bindparam("made_at", type_=_CLAIM.c.made_at.type),
        _CLAIM.c.retracted_at.is_(None),
        *(
            _CLAIM.c[name].is_not_distinct_from(bindparam(name, type_=_CLAIM.c[name].type))
            for name in ("probability", *_QUANTITY_FIELDS)
        ),
    )


_SAME_CLAIM = _same_claim_by(bindparam("source_id"))
_REPEAT_ON_QUESTION = Prepared(
    core_select(_CLAIM.c.id)
    .where(_SAME_CLAIM & (_CLAIM.c.question_id == bindparam("question_id")))
    .order_by(_CLAIM.c.id)
    .limit(1)
)
_REPEAT_WITH_QUESTION = Prepared(
    core_select(_CLAIM.c.id)
    .join(_QUESTION, _QUESTION.c.id == _CLAIM.c.question_id)
    .where(
        _SAME_CLAIM
        & (_QUESTION.c.title == bindparam("title"))
        & (_QUESTION.c.resolution_criteria == bindparam("resolution_criteria"))
        & (_QUESTION.c.deadline == bindparam("deadline", type_=_QUESTION.c.deadline.type))
    )
    .order_by(_CLAIM.c.id)
    .limit(1)
)
_CLAIM_FIELDS = tuple(column.name for column in _CLAIM.c if column.name != "id")
# The columns a ClaimRecord holds as they are: it names the source by its slug, and
# gathers the quantity's columns into one.
_RECORD_FIELDS = tuple(
    name for name in ClaimRecord.model_fields if name not in ("id", "source", "quantity")
)
_INSERT_CLAIM = Prepared(
    insert(_CLAIM)
    .values({name: bindparam(name, type_=_CLAIM.c[name].type) for name in _CLAIM_FIELDS})
    .returning(_CLAIM.c.id)
)
# The repeat check and the insert as one statement: no row comes back for a repeat.
_INSERT_UNLESS_REPEAT = Prepared(
    insert(_CLAIM)
    .from_select(
        _CLAIM_FIELDS,
        core_select(*(bindparam(name, type_=_CLAIM.c[name].type) for name in _CLAIM_FIELDS)).where(
            ~exists().where(_SAME_CLAIM & (_CLAIM.c.question_id == bindparam("question_id")))
        ),
    )
    .returning(_CLAIM.c.id)
)
# A claim on an existing question, checked and inserted by one statement: the source
# exists, the question exists with the kind the claim is stated in and closes after the
# claim was made, and no same claim is on it. No row comes back when any of that fails,
# and record_claim_on_question then finds out which. The row that comes back holds the
# question's deadline and first resolution too, which the API's answer needs.
_INSERT_IF_VALID = Prepared(
    insert(_CLAIM)
    .from_select(
        _CLAIM_FIELDS,
        core_select(
            *(
                _SOURCE.c.id if name == "source_id" else bindparam(name, type_=_CLAIM.c[name].type)
                for name in _CLAIM_FIELDS
            )
        )
        .select_from(_QUESTION.join(_SOURCE, _SOURCE.c.slug == bindparam("slug")))
        .where(
            _QUESTION.c.id == bindparam("question_id"),
            _QUESTION.c.kind == bindparam("kind", type_=_QUESTION.c.kind.type),
            _QUESTION.c.deadline >= bindparam("made_at", type_=_CLAIM.c.made_at.type),
            ~exists().where(
                _same_claim_by(_SOURCE.c.id) & (_CLAIM.c.question_id == _QUESTION.c.id)
            ),
        ),
    )
    .returning(
        _CLAIM.c.id,
        core_select(_QUESTION.c.deadline)
        .where(_QUESTION.c.id == bindparam("question_id"))
        .scalar_subquery(),
        core_select(_RESOLUTION.c.resolved_at)
        .where(_RESOLUTION.c.question_id == bindparam("question_id"), _RESOLUTION.c.sequence == 1)
        .scalar_subquery(),
    )
)


def record_claim(*, session: Session, data: ClaimCreate, actor: str, now: datetime) -> ClaimPublic:
    """Record a claim, creating its inline question in the same transaction; as recorded."""
    if data.question is None:
        return record_claim_on_question(Cursor.of_session(session), data=data, actor=actor, now=now)
    _check_made(data, now)
    cursor = Cursor.of_session(session)
    source_id = _source_id(cursor, data)
    stated = _checked(data, data.question.deadline, data.question.kind)
    question_fields = {
        "title": data.question.title,
        "resolution_criteria": data.question.resolution_criteria,
        "deadline": data.question.deadline,
    }
    _queue_behind_same_claim(cursor, data, stated, question_fields)
    _refuse_repeat(cursor, _REPEAT_WITH_QUESTION, data, source_id, stated, question_fields)
    # create_question flushes what it adds, so the cursor sees the question below.
    question = create_question(
        session=session, data=data.question, actor=actor, now=now, field="question"
    )
    assert question.id is not None
    when = (question.deadline, None)
    return _insert(cursor, data, question.id, when, source_id, stated, actor, now)


def record_claim_on_question(
    cursor: Cursor, *, data: ClaimCreate, actor: str, now: datetime
) -> ClaimPublic:
    """Record a claim on the existing question data.question_id, in the cursor's transaction.

    Recording a claim is the most frequent write: this runs on prepared statements
    (forecasts/prepared.py) alone, since ORM objects cost several times the SQL they issue.
    A valid claim takes one statement; an invalid one is then looked at again, to say what
    is wrong with it.
    """
    _check_made(data, now)
    if data.question_id is None:
        raise DomainError("question", "a claim with a question of its own goes to record_claim")
    recorded = _recorded_if_valid(cursor, data, data.question_id, actor, now)
    if recorded is not None:
        return recorded
    found = cursor.rows(
        _QUESTION_AND_SOURCE, {"slug": data.source, "question_id": data.question_id}
    )
    if not found:
        _source_id(cursor, data)  # a missing source is named first, as everywhere
        raise DomainError("question_id", f"no question with id {data.question_id}")
    ((deadline, first_resolved_at, kind, source_id),) = found
    if source_id is None:
        raise _no_source(data)
    stated = _checked(data, deadline, QuestionKind(kind))
    when = (deadline, first_resolved_at)
    _queue_behind_same_claim(cursor, data, stated, {"question_id": data.question_id})
    return _insert(
        cursor, data, data.question_id, when, source_id, stated, actor, now, _INSERT_UNLESS_REPEAT
    )


def _recorded_if_valid(
    cursor: Cursor, data: ClaimCreate, question_id: int, actor: str, now: datetime
) -> ClaimPublic | None:
    """The claim as recorded by _INSERT_IF_VALID, or None when that statement refused it."""
    kind = _kind_stated(data)
    try:
        stated = _stated(data, kind)
    except DomainError:
        return None
    _queue_behind_same_claim(cursor, data, stated, {"question_id": question_id})
    fields = _claim_fields(data, question_id, stated, actor, now)
    inserted = cursor.rows(_INSERT_IF_VALID, fields | {"slug": data.source, "kind": kind})
    if not inserted:
        return None
    ((claim_id, deadline, first_resolved_at),) = inserted
    return _recorded(cursor, data, claim_id, fields, stated, (deadline, first_resolved_at))


def _kind_stated(data: ClaimCreate) -> QuestionKind:
    """The kind of question the claim is stated for: a claim stated for the other kind is
    refused by _INSERT_IF_VALID, and by _stated once the question's kind is known.
    """
    if data.quantity is not None and data.probability is None:
        return QuestionKind.quantity
    return QuestionKind.binary


def claim_on_question_locks(dialect: Dialect, data: ClaimCreate) -> list[str]:
    """The locks record_claim_on_question waits for before it inserts a valid claim, for a
    writer that takes those of several claims at once, ahead of their inserts.
    """
    if data.question_id is None:
        return []
    try:
        stated = _stated(data, _kind_stated(data))
    except DomainError:
        return []
    lock = _same_claim_lock(dialect, data, stated, {"question_id": data.question_id})
    return [] if lock is None else [lock]


def _check_made(data: ClaimCreate, now: datetime) -> None:
    """Refuse a claim on no question or two, or one made after it was recorded."""
    if (data.question_id is None) == (data.question is None):
        raise DomainError("question_id", "give exactly one of question_id or an inline question")
    if data.made_at > now:
        raise DomainError("made_at", "is in the future; a claim is recorded after it was made")


def _source_id(cursor: Cursor, data: ClaimCreate) -> int:
    return _found_source(cursor.rows(_SOURCE_ID, {"slug": data.source}), data)


def _found_source(sources: list[Sequence[Any]], data: ClaimCreate) -> int:
    if not sources:
        raise _no_source(data)
    source_id: int = sources[0][0]
    return source_id


def _no_source(data: ClaimCreate) -> DomainError:
    return DomainError("source", f"no source with slug {data.source!r}; create it first")


def _checked(data: ClaimCreate, deadline: datetime, kind: QuestionKind) -> Stated:
    """What the claim states, once it is known to be made before the deadline."""
    if data.made_at > deadline:
        raise DomainError(
            "made_at",
            f"is after the question's deadline ({deadline.isoformat()}); "
            "a claim must be made before the question closes",
        )
    return _stated(data, kind)


def _same_claim(data: ClaimCreate, source_id: int | None, stated: Stated) -> dict[str, Any]:
    """The fields that make two claims on one question the same claim."""
    probability, _, quantity = stated
    numbers = quantity.model_dump() if quantity else dict.fromkeys(_QUANTITY_FIELDS)
    claim = {
        "source_id": source_id,
        "probability": probability,
        "quote": data.quote,
        "made_at": data.made_at,
    }
    return claim | numbers


def _queue_behind_same_claim(
    cursor: Cursor, data: ClaimCreate, stated: Stated, question: dict[str, Any]
) -> None:
    """Wait for any other transaction recording the same claim to end, so that the repeat
    check sees what it recorded: without this, two writers in different processes or
    threads could each find no repeat and both record it. The source is known by its
    slug, so that the lock can be asked for before its id is looked up.
    """
    lock = _same_claim_lock(cursor.dialect, data, stated, question)
    if lock is not None:
        cursor.wait_for(lock)


def _same_claim_lock(
    dialect: Dialect, data: ClaimCreate, stated: Stated, question: dict[str, Any]
) -> str | None:
    fields = _same_claim(data, None, stated) | {"source_id": data.source} | question
    return same_record_lock(dialect, "claim", fields)


def _refuse_repeat(
    cursor: Cursor,
    query: Prepared,
    data: ClaimCreate,
    source_id: int,
    stated: Stated,
    question: dict[str, Any],
) -> None:
    """Refuse a claim already on the record: same source, question, figure, quote, time.

    A client that retries a POST, or an editor who pastes a claim twice, would otherwise
    give the source a second, identical entry in its record. A retracted claim may be
    recorded again.
    """
    found = cursor.rows(query, _same_claim(data, source_id, stated) | question)
    if found:
        existing = int(found[0][0])
        raise RepeatError(
            "quote",
            f"repeats claim {existing}: the same source, question, figure, quote and "
            "made_at are already on the record",
            existing={"id": existing},
            path=f"/claims/{existing}",
        )


def _insert(
    cursor: Cursor,
    data: ClaimCreate,
    question_id: int,
    when: tuple[datetime, datetime | None],
    source_id: int,
    stated: Stated,
    actor: str,
    now: datetime,
    statement: Prepared = _INSERT_CLAIM,
) -> ClaimPublic:
    fields = _claim_fields(data, question_id, stated, actor, now) | {"source_id": source_id}
    inserted = cursor.rows(statement, fields)
    if not inserted:
        question_fields = {"question_id": question_id}
        _refuse_repeat(cursor, _REPEAT_ON_QUESTION, data, source_id, stated, question_fields)
        raise ConflictError(
            "quote", "the same claim was retracted as this one was recorded; send it again"
        )
    ((claim_id,),) = inserted
    return _recorded(cursor, data, claim_id, fields, stated, when)


def _claim_fields(
    data: ClaimCreate, question_id: int, stated: Stated, actor: str, now: datetime
) -> dict[str, Any]:
    """The claim's columns but its id and its source's."""
    probability, basis, quantity = stated
    fields: dict[str, Any] = {
        "question_id": question_id,
        "probability": probability,
        "probability_basis": basis,
        "verbal_phrase": data.verbal_phrase or None,
        "quote": data.quote,
        "made_at": data.made_at,
        "citation_url": data.citation_url,
        "citation_title": data.citation_title,
        "publisher": data.publisher,
        "published_at": data.published_at,
        "recorded_at": now,
        "recorded_by": actor,
        "retracted_at": None,
        "retraction_reason": None,
    }
    return fields | (quantity.model_dump() if quantity else dict.fromkeys(_QUANTITY_FIELDS))


def _recorded(
    cursor: Cursor,
    data: ClaimCreate,
    claim_id: int,
    fields: dict[str, Any],
    stated: Stated,
    when: tuple[datetime, datetime | None],
) -> ClaimPublic:
    """The inserted claim, entered in the chain, as the API shows it."""
    quantity = stated[2]
    columns = {name: fields[name] for name in _RECORD_FIELDS}
    claim = ClaimRecord(id=claim_id, source=data.source, quantity=quantity, **columns)
    _log(cursor, Action.claim_recorded, claim, claim.recorded_by, claim.recorded_at)
    return public_of(claim, deadline=when[0], first_resolved_at=when[1])


def retract_claim(
    *, session: Session, claim_id: int, reason: str, actor: str, now: datetime
) -> Claim:
    """Withdraw a claim from scoring, keeping it and the reason on the record."""
    claim = get_claim(session=session, claim_id=claim_id)
    if claim.retracted_at is not None:
        raise ConflictError("id", f"claim {claim_id} was already retracted")
    claim.retracted_at = now
    claim.retraction_reason = reason
    session.add(claim)
    session.flush()
    slug = slugs_by_id(session=session, ids=[claim.source_id])[claim.source_id]
    _log(Cursor.of_session(session), Action.claim_retracted, claim_record(claim, slug), actor, now)
    return claim


def _log(cursor: Cursor, action: Action, claim: ClaimRecord, actor: str, now: datetime) -> None:
    append_entry(
        cursor,
        action=action,
        entity="claim",
        entity_id=claim.id,
        payload=claim_payload(claim),
        actor=actor,
        now=now,
    )


def get_claim(*, session: Session, claim_id: int) -> Claim:
    """The claim with this id, or NotFoundError."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFoundError("id", f"no claim with id {claim_id}")
    return claim
