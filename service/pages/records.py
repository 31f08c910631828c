"""What the source pages show, assembled from the ledger's and the track record's services."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

import pandas as pd
from sqlmodel import Session

from forecasts.claims import ClaimFilters
from forecasts.domain import SourceKind, Status
from forecasts.models import Question, Source
from forecasts.prepared import Cursor
from forecasts.questions import QuestionFilters, list_questions
from forecasts.schemas import ClaimPublic, Page
from forecasts.sources import get_source, list_sources, open_claim_counts
from forecasts.track_record import (
    ReportQuery,
    ScoredClaim,
    ScoredQuantity,
    quantity_report,
    source_scored_claims,
    source_scored_quantities,
    track_record,
)
from resolvers.snapshots import SnapshotPublic, source_history
from service.views import claim_page_data

T = TypeVar("T")

# Lists are read through their services in batches of this size, until all are read.
_BATCH = 1000
# More unscored claims than a page can usefully show; the API lists them all.
UNSCORED_SHOWN = 500


class SortKey(StrEnum):
    """What the sources list can be ordered by."""

    name = "name"
    n = "n"
    brier = "brier"


class Order(StrEnum):
    """Which way a sort runs."""

    asc = "asc"
    desc = "desc"


DEFAULT_ORDER = {SortKey.name: Order.asc, SortKey.n: Order.desc, SortKey.brier: Order.asc}


@dataclass(frozen=True)
class Standing:
    """A source with how many of its claims are scored and its Brier score (None if none)."""

    slug: str
    name: str
    kind: SourceKind | None
    n: int
    brier: float | None
    open: int = 0
    """Claims (not retracted) on questions still awaiting an outcome."""


@dataclass(frozen=True)
class UnscoredClaim:
    """A claim of a source that does not count in its record, and why."""

    claim: ClaimPublic
    question_title: str
    why: str
    unit: str | None = None


@dataclass(frozen=True)
class SourceRecord:
    """One source's track record: summary scores, calibration bins and claims."""

    source: Source
    scores: dict[str, Any] | None
    """The source's row of the scores report, NaN as None; None when nothing is scored."""
    calibration: list[dict[str, Any]]
    scored: list[ScoredClaim]
    unscored: list[UnscoredClaim]
    unscored_total: int
    history: list[SnapshotPublic]
    """The weekly snapshots of its record, oldest first."""
    quantities: dict[str, Any] | None = None
    """The source's row of the quantity report; None when no quantity claim is scored."""
    scored_quantities: list[ScoredQuantity] = field(default_factory=list)


def records_of(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """DataFrame rows as dicts, NaN (an undefined score) as None."""
    return [
        {str(k): None if isinstance(v, float) and math.isnan(v) else v for k, v in row.items()}
        for row in frame.to_dict("records")
    ]


def ranking(*, session: Session, min_n: int) -> list[Standing]:
    """Sources with at least min_n scored claims, best (lowest) Brier score first."""
    scores = track_record(session=session, query=ReportQuery(min_n=min_n)).scores
    scores = scores[scores["n"] > 0].sort_values(
        ["brier", "n", "source"], ascending=[True, False, True]
    )
    return [
        Standing(
            slug=row["source"],
            name=row["source_name"],
            kind=None,
            n=int(row["n"]),
            brier=row["brier"],
        )
        for row in records_of(scores)
    ]


def _every(fetch: Callable[[int, int], tuple[Sequence[T], int]]) -> list[T]:
    """Everything a paged list service returns, read batch by batch: fetch(limit, offset)."""
    items: list[T] = []
    while True:
        batch, total = fetch(_BATCH, len(items))
        items.extend(batch)
        if not batch or len(items) >= total:
            return items


def standings(*, session: Session, sort: SortKey, order: Order) -> list[Standing]:
    """Every source with its n and Brier score, sorted; unscored ones last by score."""
    scores = track_record(session=session, query=ReportQuery()).scores
    by_slug = {row["source"]: row for row in records_of(scores)}
    waiting = open_claim_counts(session=session)
    rows = []
    every_source = _every(
        lambda limit, offset: list_sources(session=session, kind=None, limit=limit, offset=offset)
    )
    for source in every_source:
        row = by_slug.get(source.slug)
        rows.append(
            Standing(
                slug=source.slug,
                name=source.name,
                kind=source.kind,
                n=int(row["n"]) if row else 0,
                brier=row["brier"] if row and row["n"] else None,
                open=waiting.get(source.slug, 0),
            )
        )
    reverse = order is Order.desc
    if sort is SortKey.name:
        rows.sort(key=lambda s: (s.name.casefold(), s.slug), reverse=reverse)
    elif sort is SortKey.n:
        rows.sort(key=lambda s: (s.n, s.name.casefold()), reverse=reverse)
    else:
        scored = sorted(
            (s for s in rows if s.brier is not None),
            key=lambda s: (s.brier or 0.0, -s.n),
            reverse=reverse,
        )
        rows = scored + sorted(
            (s for s in rows if s.brier is None), key=lambda s: s.name.casefold()
        )
    return rows


def _why_unscored(
    claim: ClaimPublic, question: Question, scored_questions: set[int], now: datetime
) -> str:
    if claim.retracted_at is not None:
        return "retracted"
    if question.status is Status.annulled:
        return "question annulled"
    if question.status is Status.due or (
        question.status is Status.open and question.deadline <= now
    ):
        return "awaiting a verdict"
    if question.status is Status.open:
        return "question still open"
    if claim.hindsight and not claim.evidenced:
        return "recorded in hindsight without an article published before the outcome"
    if claim.question_id in scored_questions:
        return "another of its claims on this question counts instead"
    return "made after the question’s deadline"


def source_record(*, session: Session, slug: str, now: datetime) -> SourceRecord:
    """A source's scores, calibration table, scored claims and the claims that do not count."""
    source = get_source(session=session, slug=slug)
    assert source.id is not None
    record = track_record(session=session, query=ReportQuery(sources=(slug,)))
    scores = records_of(record.scores)
    scored = source_scored_claims(session=session, slug=slug)
    scored_quantities = source_scored_quantities(session=session, slug=slug)
    quantities = records_of(
        quantity_report(session=session, query=ReportQuery(sources=(slug,))).scores
    )
    counted = {c.claim_id for c in scored} | {c.claim_id for c in scored_quantities}
    cursor = Cursor.of_session(session)

    def claims_page(limit: int, offset: int) -> tuple[list[ClaimPublic], int]:
        data = claim_page_data(cursor, ClaimFilters(source=slug), limit, offset)
        page = Page[ClaimPublic].model_validate(data)
        return page.items, page.total

    others = [c for c in _every(claims_page) if c.id not in counted]
    questions = _every(
        lambda limit, offset: list_questions(
            session=session, filters=QuestionFilters(source=slug), limit=limit, offset=offset
        )
    )
    about = {q.id: q for q in questions}
    scored_questions = {c.question_id for c in scored} | {c.question_id for c in scored_quantities}
    unscored = [
        UnscoredClaim(
            claim=public,
            question_title=about[public.question_id].title,
            why=_why_unscored(public, about[public.question_id], scored_questions, now),
            unit=about[public.question_id].unit,
        )
        for public in others[:UNSCORED_SHOWN]
    ]
    return SourceRecord(
        source=source,
        scores=scores[0] if scores and scores[0]["n"] else None,
        calibration=records_of(record.calibration),
        scored=scored,
        unscored=unscored,
        unscored_total=len(others),
        history=source_history(session=session, source_id=source.id),
        quantities=quantities[0] if quantities and quantities[0]["n"] else None,
        scored_quantities=scored_quantities,
    )
