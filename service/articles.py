"""Articles into the inbox: a fetched page read with trafilatura, or pasted text, extracted.

A page's main text and metadata (title, author, publisher, publication time) come from
trafilatura; its candidate claims from the extractor (service.intake.extraction), kept
in their public JSON shape (service.reading). Fetching and reading happen outside any
transaction; only storing the result takes one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlmodel import Session

from forecasts.domain import DomainError, normalise_tags
from forecasts.inbox import (
    Acceptance,
    ArticleData,
    ArticlePublic,
    accept_candidate,
    article_candidates,
    article_public,
)
from forecasts.inbox import find_article as find_stored_article
from forecasts.inbox import store_article as store_article_row
from forecasts.models import Article, ClaimCandidate
from forecasts.schemas import ClaimCreate, ClaimPublic, SourceCreate, Tags
from service.database import Database
from service.fetching import Fetched, Fetcher, without_fragment
from service.intake import CandidatePublic
from service.reading import Reading, candidates_of, read_fetched


class IntakeUrl(BaseModel):
    """An article's address to fetch, with tags for what it covers."""

    model_config = ConfigDict(
        use_attribute_docstrings=True,
        json_schema_extra={
            "examples": [
                {"url": "https://example.org/news/central-bank-holds", "tags": ["economy"]}
            ]
        },
    )

    url: str = Field(max_length=2000, description="The article's http(s) address.")
    tags: Tags
    """Tags for the article and its candidates."""

    @field_validator("tags")
    @classmethod
    def _tags_shape(cls, value: list[str]) -> list[str]:
        return normalise_tags("tags", value)


class InboxCandidate(CandidatePublic):
    """A candidate claim in the inbox: the extractor's fields, its article and where it stands."""

    id: int
    article_id: int
    status: str = Field(description="pending, accepted or rejected.")
    claim_id: int | None = Field(description="The claim it was recorded as, once accepted.")
    rejection_reason: str | None
    decided_at: datetime | None
    decided_by: str | None


def inbox_candidate(candidate: ClaimCandidate) -> InboxCandidate:
    """The API shape of a stored candidate."""
    assert candidate.id is not None
    return InboxCandidate(
        **candidate.extraction,
        id=candidate.id,
        article_id=candidate.article_id,
        status=candidate.status.value,
        claim_id=candidate.claim_id,
        rejection_reason=candidate.reason,
        decided_at=candidate.decided_at,
        decided_by=candidate.decided_by,
    )


class IntakeResult(BaseModel):
    """A stored article and its candidates (all of them, whatever their status)."""

    article: ArticlePublic
    candidates: list[InboxCandidate]


@dataclass(frozen=True)
class Prepared:
    """An article read and extracted, ready to store in a short transaction."""

    data: ArticleData
    candidates: list[Any]


def prepare_url(
    *,
    fetcher: Fetcher,
    url: str,
    tags: list[str],
    read: Callable[[Fetched], Reading] = read_fetched,
) -> Prepared:
    """Fetch, read and extract the article at `url`; FetchError names why it could not.

    `read` reads the fetched page (read_fetched, or the same in a worker process).
    """
    return prepared_reading(url=url, tags=tags, reading=read(fetcher.get(url)))


def prepared_reading(*, url: str, tags: list[str], reading: Reading) -> Prepared:
    """The article at `url`, as read, ready to store."""
    page = reading.page
    data = ArticleData(
        key=without_fragment(url),
        url=url.strip(),
        title=page.title,
        author=page.author,
        publisher=page.publisher,
        published_at=page.published_at,
        text=page.text,
        tags=tags,
    )
    return Prepared(data, reading.candidates)


def pasted_key(text: str) -> str:
    """The key of a pasted article: the digest of its text, so pasting it again finds it."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def prepare_text(
    *, text: str, url: str | None, title: str | None, published_at: datetime | None
) -> Prepared:
    """A pasted article and its candidates, ready to store."""
    data = ArticleData(
        key=pasted_key(text),
        url=url,
        title=title,
        author=None,
        publisher=None,
        published_at=published_at,
        text=text,
        tags=[],
    )
    return Prepared(data, candidates_of(text, published_at=published_at, url=url))


def store_prepared(
    *, session: Session, prepared: Prepared, feed_id: int | None, actor: str, now: datetime
) -> tuple[IntakeResult, bool]:
    """Store a prepared article and its candidates unless stored before; True if stored now."""
    article, created = store_article_row(
        session=session,
        data=prepared.data,
        candidates=prepared.candidates,
        feed_id=feed_id,
        actor=actor,
        now=now,
    )
    return stored_result(session=session, article=article), created


def stored_result(*, session: Session, article: Article) -> IntakeResult:
    """An article and its candidates as stored."""
    assert article.id is not None
    return IntakeResult(
        article=article_public(article),
        candidates=[
            inbox_candidate(c) for c in article_candidates(session=session, article_id=article.id)
        ],
    )


def intake_url(
    *, database: Database, fetcher: Fetcher, url: str, tags: list[str], actor: str, now: datetime
) -> tuple[IntakeResult, bool]:
    """Fetch and store an article and its candidates; one stored before is returned as is.

    The second value says whether it was stored now. Nothing is fetched for an address
    already stored.
    """
    with database.reading() as session:
        stored = find_stored_article(session=session, key=without_fragment(url))
        if stored is not None:
            return stored_result(session=session, article=stored), False
    prepared = prepare_url(fetcher=fetcher, url=url, tags=tags)
    with database.writing() as session:
        return store_prepared(
            session=session, prepared=prepared, feed_id=None, actor=actor, now=now
        )


def record_pasted(
    *,
    session: Session,
    prepared: Prepared,
    position: int,
    claim: ClaimCreate,
    new_source: SourceCreate | None,
    actor: str,
    now: datetime,
) -> ClaimPublic:
    """Record candidate `position` of a pasted article through the inbox, as `claim` says.

    The article and its candidates are stored once (pasting it again finds them), and a
    candidate is accepted once: recording it a second time is a ConflictError.
    """
    result, _ = store_prepared(
        session=session, prepared=prepared, feed_id=None, actor=actor, now=now
    )
    if not 1 <= position <= len(result.candidates):
        raise DomainError("candidate", "that candidate is not in this text any more")
    acceptance = Acceptance(
        source=None if new_source is not None else claim.source,
        new_source=new_source,
        question_id=claim.question_id,
        question=claim.question,
        probability=claim.probability,
        probability_basis=claim.probability_basis,
        verbal_phrase=claim.verbal_phrase,
        quote=claim.quote,
        made_at=claim.made_at,
    )
    return accept_candidate(
        session=session,
        candidate_id=result.candidates[position - 1].id,
        acceptance=acceptance,
        actor=actor,
        now=now,
    )
