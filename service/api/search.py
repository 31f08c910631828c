"""/api/v1/search: questions, claims and sources by the words in them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from forecasts.search import SearchResults, search
from service.api.deps import Reader, ReadSessionDep

router = APIRouter(tags=["search"])


@router.get("/search")
def get_search(
    session: ReadSessionDep,
    _: Reader,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to look for.")],
    limit: Annotated[int, Query(ge=1, le=100, description="Most results of each kind.")] = 20,
) -> SearchResults:
    """Questions by title, claims by quote, sources by name or slug containing q (any case)."""
    return search(session=session, text=q, limit=limit)
