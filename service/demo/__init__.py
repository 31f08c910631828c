"""The demo ledger: the claims of the seed article, their questions and their outcomes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from typing import Any

from sqlmodel import Session, select

from forecasts.claims import record_claim
from forecasts.domain import Outcome
from forecasts.models import Claim, Source
from forecasts.schemas import ClaimCreate, QuestionCreate, ResolutionCreate, SourceCreate
from forecasts.sources import create_source
from resolvers.resolutions import resolve_question

DEMO_ACTOR = "demo"


@dataclass(frozen=True)
class DemoLoad:
    """What loading the demo added; all zeros when it was already there."""

    sources: int
    claims: int
    resolutions: int


def demo_document() -> dict[str, Any]:
    """The seed article's labelled claims, shipped with the package."""
    text = resources.files(__package__).joinpath("claims.json").read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def demo_article() -> str:
    """The text of the seed article."""
    name = "article-2023-08-01-second-march.txt"
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def load_demo(*, session: Session, now: datetime) -> DemoLoad:
    """Add the demo sources, questions, claims and resolutions that are not there yet."""
    document = demo_document()
    article = document["article"]
    sources = claims = resolutions = 0
    for entry in document["sources"]:
        exists = session.exec(select(Source.id).where(Source.slug == entry["slug"])).first()
        if exists is None:
            create_source(session=session, data=SourceCreate(**entry), actor=DEMO_ACTOR, now=now)
            sources += 1
    for entry in document["claims"]:
        if _already_recorded(session, entry):
            continue
        claim = record_claim(
            session=session, data=_claim(entry, article), actor=DEMO_ACTOR, now=now
        )
        claims += 1
        if entry["outcome"] is not None:
            resolve_question(
                session=session,
                question_id=claim.question_id,
                data=ResolutionCreate(
                    outcome=Outcome(entry["outcome"]), note="Outcome from the public record."
                ),
                actor=DEMO_ACTOR,
                now=now,
            )
            resolutions += 1
    return DemoLoad(sources=sources, claims=claims, resolutions=resolutions)


def _already_recorded(session: Session, entry: dict[str, Any]) -> bool:
    query = (
        select(Claim.id)
        .join(Source, Source.id == Claim.source_id)  # type: ignore[arg-type]
        .where(Source.slug == entry["source"], Claim.quote == entry["quote"])
    )
    return session.exec(query).first() is not None


def _claim(entry: dict[str, Any], article: dict[str, Any]) -> ClaimCreate:
    return ClaimCreate(
        source=entry["source"],
        quote=entry["quote"],
        made_at=datetime.fromisoformat(entry["made_at"]),
        probability=entry["probability"],
        probability_basis=entry["probability_basis"],
        verbal_phrase=entry["verbal_phrase"],
        citation_url=article["url"],
        citation_title=article["title"],
        publisher=article["publisher"],
        published_at=datetime.fromisoformat(article["published_at"]),
        question=QuestionCreate(
            title=entry["question"],
            resolution_criteria=entry["resolution_criteria"],
            deadline=datetime.fromisoformat(entry["deadline"]),
            tags=entry["tags"],
        ),
    )
