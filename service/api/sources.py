"""/api/v1/sources: who makes the claims."""

from __future__ import annotations

from fastapi import APIRouter, status

from forecasts.domain import SourceKind
from forecasts.schemas import Page, SourceCreate, SourcePublic
from forecasts.sources import create_source, get_source, list_sources, source_public
from service.api.deps import Editor, Limit, NowDep, Offset, Reader, ReadSessionDep, WriteSessionDep

router = APIRouter(prefix="/sources", tags=["sources"])


@router.post("", status_code=status.HTTP_201_CREATED)
def post_source(
    data: SourceCreate, session: WriteSessionDep, caller: Editor, now: NowDep
) -> SourcePublic:
    """Record a new source. Its slug must be unused (409 otherwise)."""
    return source_public(create_source(session=session, data=data, actor=caller.actor, now=now))


@router.get("")
def get_sources(
    session: ReadSessionDep,
    _: Reader,
    kind: SourceKind | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[SourcePublic]:
    """List sources by slug, optionally of one kind."""
    items, total = list_sources(session=session, kind=kind, limit=limit, offset=offset)
    return Page(items=[source_public(s) for s in items], total=total, limit=limit, offset=offset)


@router.get("/{slug}")
def get_one_source(slug: str, session: ReadSessionDep, _: Reader) -> SourcePublic:
    """One source by slug."""
    return source_public(get_source(session=session, slug=slug))
