"""The editors' inbox: articles stored once, their candidate claims, accepted or rejected.

A candidate's extraction fields are kept as the extractor's public JSON; accepting one
builds a ClaimCreate from it, its article and the editor's overrides, and records it
through the claim service in the same transaction that marks the candidate accepted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Final

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from sqlalchemy import Table, bindparam, func, insert, or_, update
from sqlalchemy import select as core_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from forecasts.claims import record_claim
from forecasts.domain import Basis, CandidateStatus, ConflictError, DomainError, NotFoundError
from forecasts.models import Article, ClaimCandidate, Question, Source
from forecasts.schemas import (
    ClaimCreate,
    ClaimPublic,
    Instant,
    NonEmpty,
    Quantity,
    QuestionCreate,
    RowId,
    SourceCreate,
    _Strict,
)
from forecasts.search import like_pattern
from forecasts.sources import create_source


@dataclass(frozen=True)
class ArticleData:
    """An article as read from a page or pasted, before it is stored."""

    key: str
    url: str | None
    title: str | None
    author: str | None
    publisher: str | None
    published_at: datetime | None
    text: str
    tags: list[str]


class ArticlePublic(BaseModel):
    """An article as the API shows it."""

    id: int
    url: str | None
    title: str | None
    author: str | None
    publisher: str | None
    published_at: datetime | None
    fetched_at: datetime
    tags: list[str]
    feed_id: int | None


def article_public(article: Article) -> ArticlePublic:
    """The API shape of an article."""
    assert article.id is not None
    return ArticlePublic(
        id=article.id,
        url=article.url,
        title=article.title,
        author=article.author,
        publisher=article.publisher,
        published_at=article.published_at,
        fetched_at=article.fetched_at,
        tags=list(article.tags),
        feed_id=article.feed_id,
    )


def find_article(*, session: Session, key: str) -> Article | None:
    """The stored article with this key, if any."""
    return session.exec(select(Article).where(Article.key == key)).first()


def known_keys(*, session: Session, keys: Sequence[str]) -> set[str]:
    """Which of `keys` are stored articles already, in one query."""
    if not keys:
        return set()
    return set(session.exec(select(Article.key).where(col(Article.key).in_(set(keys)))).all())


def store_article(
    *,
    session: Session,
    data: ArticleData,
    candidates: Sequence[dict[str, Any]],
    feed_id: int | None,
    actor: str,
    now: datetime,
) -> tuple[Article, bool]:
    """Store an article and its candidates, pending; an article stored before is returned as is.

    The second value says whether it was stored now. A concurrent store of the same key
    loses the race on the unique key and returns the winner's article.
    """
    created = insert_article(
        session=session, data=data, candidates=candidates, feed_id=feed_id, actor=actor, now=now
    )
    article = find_article(session=session, key=data.key)
    assert article is not None
    return article, created is not None


_ARTICLE: Table = Article.__table__  # type: ignore[attr-defined]
_CANDIDATE: Table = ClaimCandidate.__table__  # type: ignore[attr-defined]
_ARTICLE_BY_KEY = core_select(_ARTICLE.c.id).where(_ARTICLE.c.key == bindparam("key"))
_INSERT_ARTICLE = insert(_ARTICLE).returning(_ARTICLE.c.id)
_INSERT_CANDIDATE = insert(_CANDIDATE)


def insert_article(
    *,
    session: Session,
    data: ArticleData,
    candidates: Sequence[dict[str, Any]],
    feed_id: int | None,
    actor: str,
    now: datetime,
) -> int | None:
    """Store an article and its candidates, pending, unless one with its key is stored; the new
    article's id, or None when it was stored before.

    Core inserts on the session's connection rather than ORM objects, since a feed poll
    stores thousands in a round and never reads them back. A concurrent store of the same
    key loses the race on the unique key and gives None.
    """
    connection = session.connection()
    key = {"key": data.key}
    if connection.execute(_ARTICLE_BY_KEY, key).first() is not None:
        return None
    try:
        with session.begin_nested():
            article_id: int = connection.execute(
                _INSERT_ARTICLE,
                {
                    "key": data.key,
                    "url": data.url,
                    "title": data.title,
                    "author": data.author,
                    "publisher": data.publisher,
                    "published_at": data.published_at,
                    "fetched_at": now,
                    "text": data.text,
                    "tags": list(data.tags),
                    "feed_id": feed_id,
                    "created_by": actor,
                },
            ).scalar_one()
    except IntegrityError:
        if connection.execute(_ARTICLE_BY_KEY, key).first() is None:
            raise
        return None
    rows = []
    for position, extraction in enumerate(candidates, start=1):
        speaker = extraction.get("speaker")
        rows.append(
            {
                "article_id": article_id,
                "position": position,
                "status": CandidateStatus.pending,
                "speaker": speaker if isinstance(speaker, str) else None,
                "extraction": dict(extraction),
                "claim_id": None,
                "reason": None,
                "decided_at": None,
                "decided_by": None,
                "created_at": now,
            }
        )
    if rows:
        connection.execute(_INSERT_CANDIDATE, rows)
    return article_id


def article_candidates(*, session: Session, article_id: int) -> list[ClaimCandidate]:
    """An article's candidates in text order."""
    return list(
        session.exec(
            select(ClaimCandidate)
            .where(ClaimCandidate.article_id == article_id)
            .order_by(col(ClaimCandidate.position))
        ).all()
    )


def list_candidates(
    *,
    session: Session,
    status: CandidateStatus | None,
    article_id: int | None,
    limit: int,
    offset: int,
) -> tuple[list[ClaimCandidate], int]:
    """Candidates, newest article first and in text order within it, with the total."""
    query = select(ClaimCandidate)
    if status is not None:
        query = query.where(ClaimCandidate.status == status)
    if article_id is not None:
        query = query.where(ClaimCandidate.article_id == article_id)
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    items = session.exec(
        query.order_by(col(ClaimCandidate.article_id).desc(), col(ClaimCandidate.position))
        .limit(limit)
        .offset(offset)
    ).all()
    return list(items), total


def get_candidate(*, session: Session, candidate_id: int) -> ClaimCandidate:
    """The candidate with this id, or NotFoundError."""
    candidate = session.get(ClaimCandidate, candidate_id)
    if candidate is None:
        raise NotFoundError("id", f"no candidate with id {candidate_id}")
    return candidate


class Acceptance(_Strict):
    """How to record a candidate: its source and question, and any field to override."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"source": "oleksiy-danilov", "question_id": 1},
                {
                    "new_source": {
                        "slug": "fiona-gallagher",
                        "name": "Fiona Gallagher",
                        "kind": "person",
                    },
                    "question": {
                        "title": "Will UK unemployment rise above 5% by the end of 2025?",
                        "resolution_criteria": "Yes if the ONS reports a rate above 5.0% "
                        "for any period ending in 2025.",
                        "deadline": "2026-02-28T00:00:00Z",
                        "tags": ["economy"],
                    },
                    "probability": 0.6,
                },
            ]
        }
    )

    source: NonEmpty | None = Field(default=None, description="An existing source's slug.")
    new_source: SourceCreate | None = Field(default=None, description="A source to create.")
    question_id: RowId | None = Field(default=None, description="An existing question.")
    question: QuestionCreate | None = Field(default=None, description="A question to create.")
    probability: Annotated[float, Field(ge=0.0, le=1.0)] | None = None
    """Overrides the candidate's probability (0 to 1)."""
    probability_basis: Basis | None = None
    """Overrides where the probability came from: stated, verbal or assessed."""
    verbal_phrase: (
        Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None
    ) = None
    """Overrides the hedge phrase read from the sentence."""
    quote: NonEmpty | None = None
    """Overrides the quote; by default the candidate's sentence."""
    made_at: Instant | None = Field(
        default=None, description="Default: the article's publication time."
    )
    quantity: Quantity | None = Field(
        default=None,
        description="For a quantity question: default, the candidate's number or range.",
    )

    @model_validator(mode="after")
    def _one_source(self) -> Acceptance:
        if (self.source is None) == (self.new_source is None):
            raise ValueError("give exactly one of source (a slug) or new_source")
        return self


class Rejection(_Strict):
    """Why a candidate is not a claim worth recording."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"reason": "not a forecast: a reported fact"}]}
    )

    reason: NonEmpty
    """Why the candidate is not worth recording, e.g. 'not a forecast'."""


def _text(extraction: dict[str, Any], name: str) -> str | None:
    value = extraction.get(name)
    return value if isinstance(value, str) and value.strip() else None


def claim_for(
    *, candidate: ClaimCandidate, article: Article, acceptance: Acceptance
) -> ClaimCreate:
    """The claim accepting a candidate records: overrides, else the candidate and its article."""
    found = candidate.extraction
    made_at = acceptance.made_at or article.published_at
    if made_at is None:
        raise DomainError(
            "made_at", "the article has no publication time; give when the claim was made"
        )
    probability = acceptance.probability
    basis = acceptance.probability_basis
    verbal_phrase = acceptance.verbal_phrase
    if probability is None and verbal_phrase is None:
        stored = found.get("probability")
        probability = float(stored) if isinstance(stored, int | float) else None
        verbal_phrase = _text(found, "verbal_phrase")
        stored_basis = _text(found, "probability_basis")
        if basis is None and stored_basis in {b.value for b in Basis}:
            basis = Basis(stored_basis)
    quantity = acceptance.quantity
    if quantity is None and acceptance.probability is None:
        quantity = _candidate_quantity(found)
        if quantity is not None:
            probability = None
    slug = acceptance.source if acceptance.new_source is None else acceptance.new_source.slug
    assert slug is not None
    return ClaimCreate(
        source=slug,
        question_id=acceptance.question_id,
        question=acceptance.question,
        probability=probability,
        probability_basis=basis,
        verbal_phrase=verbal_phrase,
        quote=acceptance.quote or _text(found, "sentence") or "",
        made_at=made_at,
        citation_url=article.url,
        citation_title=article.title,
        publisher=article.publisher,
        published_at=article.published_at,
        quantity=quantity,
    )


def _candidate_quantity(found: dict[str, Any]) -> Quantity | None:
    """The number a quantity candidate gives, as a claim states it: a point when low equals
    high, else the range; None for a probability candidate or a bound with no other end."""
    given = found.get("quantity")
    if found.get("kind") != "quantity" or not isinstance(given, dict):
        return None
    low, high = given.get("low"), given.get("high")
    if not isinstance(low, int | float) or not isinstance(high, int | float):
        return None
    if low == high:
        return Quantity(point=float(low))
    return Quantity(low=float(min(low, high)), high=float(max(low, high)))


def _decide(
    session: Session,
    candidate_id: int,
    status: CandidateStatus,
    *,
    actor: str,
    now: datetime,
    reason: str | None = None,
) -> ClaimCandidate:
    """Move a pending candidate to `status`; a candidate decided before is a conflict."""
    candidate = get_candidate(session=session, candidate_id=candidate_id)
    # Conditional on pending, in the database: of two concurrent decisions one finds the
    # row decided already and is refused, so a candidate is never recorded twice.
    moved = session.execute(
        update(ClaimCandidate)
        .where(
            col(ClaimCandidate.id) == candidate_id,
            col(ClaimCandidate.status) == CandidateStatus.pending,
        )
        .values(status=status, decided_at=now, decided_by=actor, reason=reason)
        .execution_options(synchronize_session=False)
    )
    if moved.rowcount != 1:  # type: ignore[attr-defined]
        session.refresh(candidate)
        raise ConflictError("id", _decided(candidate))
    session.refresh(candidate)
    return candidate


def _decided(candidate: ClaimCandidate) -> str:
    if candidate.status is CandidateStatus.accepted:
        return f"candidate {candidate.id} was already recorded as claim {candidate.claim_id}"
    return f"candidate {candidate.id} was rejected ({candidate.reason or 'no reason given'})"


def accept_candidate(
    *,
    session: Session,
    candidate_id: int,
    acceptance: Acceptance,
    actor: str,
    now: datetime,
) -> ClaimPublic:
    """Record a pending candidate as a claim (and its new source or question), once."""
    candidate = _decide(session, candidate_id, CandidateStatus.accepted, actor=actor, now=now)
    article = session.get(Article, candidate.article_id)
    assert article is not None
    claim = claim_for(candidate=candidate, article=article, acceptance=acceptance)
    if acceptance.new_source is not None:
        create_source(session=session, data=acceptance.new_source, actor=actor, now=now)
    recorded = record_claim(session=session, data=claim, actor=actor, now=now)
    candidate.claim_id = recorded.id
    session.add(candidate)
    session.flush()
    return recorded


def reject_candidate(
    *, session: Session, candidate_id: int, reason: str, actor: str, now: datetime
) -> ClaimCandidate:
    """Mark a pending candidate rejected, keeping the reason."""
    return _decide(
        session, candidate_id, CandidateStatus.rejected, actor=actor, now=now, reason=reason
    )


SUGGESTIONS: Final = 5
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_COMMON: Final = frozenset(
    re.findall(
        r"[a-z]+",
        "a about after again all also an and any are as at be been before being but by can "
        "could did do does during each for from had has have he her his how i if in into is "
        "it its itll may might more most must next no not of on or our out over said says she "
        "should so than that the their them then there these they this those through to under "
        "until up was we were what when where which while who will with within would year "
        "years you mr mrs ms dr prof",
    )
)


def _words(text: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(text)]


def suggest_sources(*, session: Session, name: str, limit: int = SUGGESTIONS) -> list[Source]:
    """Sources whose name or slug shares a word with `name`, most words in common first."""
    words = [word for word in dict.fromkeys(_words(name)) if len(word) >= 3]
    if not words:
        return []
    found = session.exec(
        select(Source)
        .where(
            or_(
                *(col(Source.name).ilike(like_pattern(word), escape="\\") for word in words),
                *(col(Source.slug).ilike(like_pattern(word), escape="\\") for word in words),
            )
        )
        .limit(200)
    ).all()

    def shared(source: Source) -> tuple[int, str]:
        own = set(_words(source.name)) | set(source.slug.split("-"))
        return (-len(own & set(words)), source.name)

    return sorted((s for s in found if shared(s)[0] < 0), key=shared)[:limit]


def suggest_questions(*, session: Session, text: str, limit: int = SUGGESTIONS) -> list[Question]:
    """Open or due questions whose titles share the most words with `text`."""
    words = [word for word in dict.fromkeys(_words(text)) if len(word) >= 4]
    words = [word for word in words if word not in _COMMON][:12]
    if not words:
        return []
    found = session.exec(
        select(Question)
        .where(
            col(Question.status).in_(["open", "due"]),
            or_(*(col(Question.title).ilike(like_pattern(word), escape="\\") for word in words)),
        )
        .order_by(col(Question.id).desc())
        .limit(500)
    ).all()
    wanted = set(words)

    def overlap(question: Question) -> float:
        title = {word for word in _words(question.title) if word not in _COMMON}
        return len(title & wanted) / len(title | wanted) if title else 0.0

    ranked = sorted(found, key=lambda question: (-overlap(question), -(question.id or 0)))
    return [question for question in ranked if overlap(question) > 0][:limit]
