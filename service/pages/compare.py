"""The /compare page: two sources' Brier scores on the questions both forecast."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from forecasts.comparison import Comparison, compare_sources
from forecasts.domain import DomainError
from forecasts.sources import list_sources
from service.api.deps import Reader, ReadSessionDep
from service.pages.templating import templates

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

# The pickers list sources by slug; a ledger with more names them in the address instead.
PICKER_SOURCES = 500

OptionalSlug = Annotated[str, Query(max_length=120)]


@router.get("/compare")
def compare_page(
    request: Request, session: ReadSessionDep, _: Reader, a: OptionalSlug = "", b: OptionalSlug = ""
) -> HTMLResponse:
    """Pick two sources; with both given, their head-to-head record in plain words."""
    sources, _total = list_sources(session=session, kind=None, limit=PICKER_SOURCES, offset=0)
    comparison: Comparison | None = None
    problem: str | None = None
    if a and b:
        try:
            comparison = compare_sources(session=session, a=a, b=b)
        except DomainError as error:
            problem = error.message
    names = {source.slug: source.name for source in sources}
    return templates.TemplateResponse(
        request,
        "compare.html",
        {
            "a": a,
            "b": b,
            "sources": sources,
            "names": names,
            "comparison": comparison,
            "problem": problem,
        },
        status_code=422 if problem else 200,
    )
