"""The pages a reader sees: the dashboard, a question, the sources and a source's record."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse
from sqlmodel import Session

from forecasts.domain import Status
from forecasts.questions import (
    QuestionFilters,
    list_questions,
    question_public,
    recently_resolved,
    tags_by_question,
)
from forecasts.schemas import QuestionPublic
from forecasts.search import search
from forecasts.sources import get_source
from service.deps import NowDep, Reader, ReadSessionDep
from service.pages.records import DEFAULT_ORDER, Order, SortKey, ranking, source_record, standings
from service.pages.session import SignedIn
from service.pages.templating import templates
from service.pages.verdicts import question_actions
from service.views import question_detail

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

DUE_SHOWN = 50
RESOLVED_SHOWN = 10
SEARCH_SHOWN = 20
RANKING_SHOWN = 20
SOURCES_PER_PAGE = 100

SearchText = Annotated[str, Query(max_length=200, description="Words to look for.")]
# Ids are 32-bit integers on PostgreSQL; a larger number names no question.
QuestionId = Annotated[int, Path(ge=1, le=2**31 - 1)]
MinN = Annotated[int, Query(ge=1, le=1_000_000, description="Fewest resolved claims to rank.")]


def due_for_resolution(*, session: Session, now: datetime) -> tuple[list[QuestionPublic], int]:
    """Questions waiting for a verdict, oldest deadline first: due, or open past their deadline."""
    # The hourly job moves open questions to due; until it has run, a passed deadline counts.
    due, due_total = list_questions(
        session=session, filters=QuestionFilters(status=Status.due), limit=DUE_SHOWN, offset=0
    )
    late, late_total = list_questions(
        session=session,
        filters=QuestionFilters(status=Status.open, deadline_before=now),
        limit=DUE_SHOWN,
        offset=0,
    )
    waiting = sorted([*due, *late], key=lambda q: (q.deadline, q.id or 0))[:DUE_SHOWN]
    tags = tags_by_question(session=session, ids=(q.id for q in waiting if q.id is not None))
    return [question_public(q, tags.get(q.id or 0, [])) for q in waiting], due_total + late_total


@router.get("/")
def dashboard(
    request: Request,
    session: ReadSessionDep,
    _: Reader,
    now: NowDep,
    q: SearchText = "",
    min_n: MinN = 1,
) -> HTMLResponse:
    """Questions due for resolution, recent verdicts, the best-scored sources and a search."""
    due, due_total = due_for_resolution(session=session, now=now)
    return templates.TemplateResponse(
        request,
        "index.html",
        {
            "now": now,
            "q": q.strip(),
            "min_n": min_n,
            "search_shown": SEARCH_SHOWN,
            "results": search(session=session, text=q, limit=SEARCH_SHOWN) if q.strip() else None,
            "due": due,
            "due_total": due_total,
            "resolved": recently_resolved(session=session, limit=RESOLVED_SHOWN),
            "ranking": ranking(session=session, min_n=min_n)[:RANKING_SHOWN],
        },
    )


@router.get("/questions/{question_id}")
def question_page(
    request: Request,
    question_id: QuestionId,
    session: ReadSessionDep,
    _: Reader,
    now: NowDep,
    signed_in: SignedIn,
) -> HTMLResponse:
    """A question, every claim on it and its resolution history."""
    detail = question_detail(session=session, question_id=question_id)
    names = {
        slug: get_source(session=session, slug=slug).name
        for slug in {claim.source for claim in detail.claims}
    }
    return templates.TemplateResponse(
        request,
        "question.html",
        {
            "question": detail,
            "source_names": names,
            "now": now,
            "actions": question_actions(signed_in),
        },
    )


@router.get("/sources")
def sources_page(
    request: Request,
    session: ReadSessionDep,
    _: Reader,
    sort: SortKey = SortKey.name,
    order: Order | None = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> HTMLResponse:
    """Every source with its n and Brier score, sortable by name, n and score."""
    order = order or DEFAULT_ORDER[sort]
    rows = standings(session=session, sort=sort, order=order)
    pages = max(1, -(-len(rows) // SOURCES_PER_PAGE))
    start = (page - 1) * SOURCES_PER_PAGE
    return templates.TemplateResponse(
        request,
        "sources.html",
        {
            "rows": rows[start : start + SOURCES_PER_PAGE],
            "total": len(rows),
            "first": start + 1,
            "sort": sort,
            "order": order,
            "page": page,
            "pages": pages,
            "default_order": DEFAULT_ORDER,
        },
    )


@router.get("/sources/{slug}")
def source_page(
    request: Request, slug: str, session: ReadSessionDep, _: Reader, now: NowDep
) -> HTMLResponse:
    """A source's track record: scores in plain words, calibration chart and table, claims."""
    record = source_record(session=session, slug=slug, now=now)
    return templates.TemplateResponse(request, "source.html", {"record": record})
