"""Small factories: a source, question or claim in one line, through the real services."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import count
from typing import Any

from sqlmodel import Session

from forecasts.claims import record_claim
from forecasts.domain import Outcome
from forecasts.models import Question, Resolution, Source
from forecasts.questions import create_question
from forecasts.schemas import (
    ClaimCreate,
    ClaimPublic,
    QuestionCreate,
    ResolutionCreate,
    SourceCreate,
)
from forecasts.sources import create_source
from resolvers.resolutions import resolve_question

_numbers = count(1)

JANE_DOE_CLAIM: dict[str, Any] = {
    "source": "jane-doe",
    "probability": 0.7,
    "quote": "It will pass.",
    "made_at": "2026-02-01T09:00:00Z",
    "question": {
        "title": "Will the bill pass before June?",
        "resolution_criteria": "Yes if it is signed into law before 2026-06-01.",
        "deadline": "2026-06-01T00:00:00Z",
    },
}
"""The body of POST /api/v1/claims: source jane-doe's claim with a new question inline."""
T0 = datetime(2026, 1, 1, tzinfo=UTC)


def make_source(session: Session, slug: str | None = None, **fields: Any) -> Source:
    """A source, by default a person with a fresh slug."""
    slug = slug or f"source-{next(_numbers)}"
    # Names differ as slugs do: a name that looks like another source's is refused.
    data = {"slug": slug, "name": f"Source {slug}", "kind": "person"}
    return create_source(
        session=session, data=SourceCreate(**(data | fields)), actor="factory", now=T0
    )


def make_question(session: Session, **fields: Any) -> Question:
    """A question with a deadline a month after T0."""
    data = {
        "title": f"Will event {next(_numbers)} happen?",
        "resolution_criteria": "Yes if it happens.",
        "deadline": T0 + timedelta(days=30),
        "tags": ["test"],
    }
    return create_question(
        session=session, data=QuestionCreate(**(data | fields)), actor="factory", now=T0
    )


def make_claim(
    session: Session,
    source: Source,
    question: Question,
    probability: float | None = 0.7,
    **fields: Any,
) -> ClaimPublic:
    """A stated claim made at T0; with quantity= and probability=None, a quantity claim."""
    data = {
        "source": source.slug,
        "question_id": question.id,
        "probability": probability,
        "quote": "It will happen.",
        "made_at": T0,
    }
    return record_claim(
        session=session,
        data=ClaimCreate(**(data | fields)),
        actor="factory",
        now=max(T0, fields.get("made_at", T0)),
    )


def claim_on_a_new_question(session: Session, **fields: Any) -> ClaimCreate:
    """What a claim by a new source on a new question would send, made on 2026-01-01."""
    source, question = make_source(session), make_question(session)
    data = {
        "source": source.slug,
        "question_id": question.id,
        "probability": 0.5,
        "quote": "Even odds.",
        "made_at": datetime(2026, 1, 1, tzinfo=UTC),
    }
    return ClaimCreate(**(data | fields))


def make_resolution(
    session: Session,
    question: Question,
    outcome: Outcome,
    now: datetime | None = None,
    **fields: Any,
) -> Resolution:
    """A resolution recorded after the question's deadline."""
    assert question.id is not None
    return resolve_question(
        session=session,
        question_id=question.id,
        data=ResolutionCreate(outcome=outcome, **fields),
        actor="factory",
        now=now or question.deadline + timedelta(days=1),
    )
