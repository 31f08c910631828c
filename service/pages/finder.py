"""Finding questions: /questions with filters and orders, and /tags/{tag} with its record.

Both work from a plain GET form, so they work without JavaScript and every view has an
address that can be shared. A filter the ledger cannot read comes back on the same page,
named, with a 422.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from forecasts.domain import TAG_PATTERN, Status
from forecasts.questions import (
    QuestionFilters,
    QuestionOrder,
    list_questions,
    question_public,
    tags_by_question,
)
from forecasts.schemas import QuestionPublic
from forecasts.track_record import ReportQuery, track_record
from service.api.deps import NowDep, Reader, ReadSessionDep
from service.pages.errors import not_found_page
from service.pages.records import records_of
from service.pages.templating import templates

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PER_PAGE = 50
STATUS_CHOICES = ("open", "due", "resolved", "annulled")
ORDER_NAMES = {
    QuestionOrder.deadline: "soonest deadline first",
    QuestionOrder.deadline_desc: "latest deadline first",
    QuestionOrder.newest: "most recently recorded first",
    QuestionOrder.by_title: "title, A to Z",
}

Text = Annotated[str, Query(max_length=200)]
PageNumber = Annotated[int, Query(ge=1, le=1_000_000)]


@dataclass(frozen=True)
class QuestionsView:
    """The filters as the form shows them, and what they found."""

    status: str
    tag: str
    source: str
    after: str
    before: str
    order: QuestionOrder
    questions: list[QuestionPublic]
    total: int
    page: int
    pages: int
    problems: dict[str, str]


def _day(field: str, text: str, problems: dict[str, str]) -> date | None:
    """A YYYY-MM-DD date from a date input, or None (with the problem noted)."""
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        problems[field] = f"“{text}” is not a date; give one as YYYY-MM-DD, e.g. 2026-06-30."
        return None


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _filters(
    *, status: str, tag: str, source: str, after: str, before: str, now: datetime
) -> tuple[QuestionFilters | None, dict[str, str]]:
    problems: dict[str, str] = {}
    if status and status not in STATUS_CHOICES:
        problems["status"] = f"Choose one of: {', '.join(STATUS_CHOICES)}."
    if tag and not TAG_PATTERN.fullmatch(tag.strip().lower()):
        problems["tag"] = "A tag is 1-64 characters of a-z, 0-9, '-', '_', '.' or ':'."
    first = _day("after", after, problems)
    last = _day("before", before, problems)
    if first and last and first > last:
        problems["before"] = "The last day comes before the first day."
    if problems:
        return None, problems
    return (
        QuestionFilters(
            status=Status(status) if status else None,
            tag=tag.strip().lower() or None,
            source=source.strip() or None,
            deadline_after=_start_of(first) - timedelta(microseconds=1) if first else None,
            # Up to the end of the last day chosen.
            deadline_before=_start_of(last) + timedelta(days=1) if last else None,
            due_as_of=now,
        ),
        problems,
    )


@router.get("/questions")
def questions_page(
    request: Request,
    session: ReadSessionDep,
    _: Reader,
    now: NowDep,
    status: Text = "",
    tag: Text = "",
    source: Text = "",
    after: Text = "",
    before: Text = "",
    sort: QuestionOrder = QuestionOrder.deadline,
    page: PageNumber = 1,
) -> HTMLResponse:
    """Questions narrowed by status, tag, source and deadline, in the order asked for."""
    filters, problems = _filters(
        status=status, tag=tag, source=source, after=after, before=before, now=now
    )
    questions: list[QuestionPublic] = []
    total = 0
    if filters is not None:
        found, total = list_questions(
            session=session,
            filters=QuestionFilters(**{**filters.__dict__, "order": sort}),
            limit=PER_PAGE,
            offset=(page - 1) * PER_PAGE,
        )
        tags = tags_by_question(session=session, ids=(q.id for q in found if q.id is not None))
        questions = [question_public(q, tags.get(q.id or 0, [])) for q in found]
    view = QuestionsView(
        status=status,
        tag=tag,
        source=source,
        after=after,
        before=before,
        order=sort,
        questions=questions,
        total=total,
        page=page,
        pages=max(1, math.ceil(total / PER_PAGE)),
        problems=problems,
    )
    return templates.TemplateResponse(
        request,
        "questions.html",
        {
            "view": view,
            "now": now,
            "statuses": STATUS_CHOICES,
            "orders": ORDER_NAMES,
            "query": _query_of(view),
        },
        status_code=422 if problems else 200,
    )


def _query_of(view: QuestionsView) -> dict[str, str]:
    """The filters of a view as query parameters, for links to its other pages and orders."""
    return {
        name: value
        for name, value in (
            ("status", view.status),
            ("tag", view.tag),
            ("source", view.source),
            ("after", view.after),
            ("before", view.before),
        )
        if value
    }


TagPath = Annotated[str, Path(min_length=1, max_length=64)]


@router.get("/tags/{tag}")
def tag_page(request: Request, tag: TagPath, session: ReadSessionDep, _: Reader) -> Response:
    """A tag's questions, and its calibration across sources: overall and per source."""
    tag = tag.lower()
    if not TAG_PATTERN.fullmatch(tag):
        return not_found_page(request, f"No tag can be called “{tag}”.")
    found, total = list_questions(
        session=session,
        filters=QuestionFilters(tag=tag, order=QuestionOrder.deadline_desc),
        limit=PER_PAGE,
        offset=0,
    )
    tags = tags_by_question(session=session, ids=(q.id for q in found if q.id is not None))
    overall = track_record(session=session, query=ReportQuery(group_by="tag", tags=(tag,)))
    by_source = track_record(session=session, query=ReportQuery(group_by="source", tags=(tag,)))
    return templates.TemplateResponse(
        request,
        "tag.html",
        {
            "tag": tag,
            "questions": [question_public(q, tags.get(q.id or 0, [])) for q in found],
            "total": total,
            "shown": PER_PAGE,
            "scores": _first(records_of(overall.scores)),
            "calibration": records_of(overall.calibration),
            "sources": sorted(
                (row for row in records_of(by_source.scores) if row["n"]),
                key=lambda row: (row["brier"], -row["n"]),
            ),
        },
    )


def _first(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    return next((row for row in rows if row["n"]), None)
