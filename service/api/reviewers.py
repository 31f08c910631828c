"""/api/v1/reviewers: who resolves due questions, and when their weekly digest goes out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status

from forecasts.schemas import Page
from resolvers.reviewers import (
    ReviewerCreate,
    ReviewerPublic,
    ReviewerUpdate,
    create_reviewer,
    get_reviewer,
    list_reviewers,
    reviewer_public,
    update_reviewer,
)
from service.api.deps import (
    Admin,
    Caller,
    CallerDep,
    Limit,
    NowDep,
    Offset,
    PathId,
    ReadSessionDep,
    WriteSessionDep,
)

router = APIRouter(prefix="/reviewers", tags=["reviewers"])


def key_holder(caller: CallerDep) -> Caller:
    """Any valid key: reviewers' email addresses stay private even when reads are public."""
    if caller.key is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="reading reviewers needs an API key (their email addresses are private)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return caller


KeyHolder = Annotated[Caller, Depends(key_holder)]


@router.post("", status_code=status.HTTP_201_CREATED)
def post_reviewer(
    data: ReviewerCreate, session: WriteSessionDep, _: Admin, now: NowDep
) -> ReviewerPublic:
    """Add a reviewer: name, email, IANA time zone, digest weekday (0 = Monday) and hour."""
    return reviewer_public(create_reviewer(session=session, data=data, now=now))


@router.get("")
def get_reviewers(
    session: ReadSessionDep,
    _: KeyHolder,
    active: bool | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[ReviewerPublic]:
    """List reviewers by id, optionally only the active (or inactive) ones."""
    items, total = list_reviewers(session=session, active=active, limit=limit, offset=offset)
    return Page(items=[reviewer_public(r) for r in items], total=total, limit=limit, offset=offset)


@router.get("/{reviewer_id}")
def get_one_reviewer(reviewer_id: PathId, session: ReadSessionDep, _: KeyHolder) -> ReviewerPublic:
    """One reviewer by id."""
    return reviewer_public(get_reviewer(session=session, reviewer_id=reviewer_id))


@router.patch("/{reviewer_id}")
def patch_reviewer(
    reviewer_id: PathId, data: ReviewerUpdate, session: WriteSessionDep, _: Admin
) -> ReviewerPublic:
    """Change a reviewer's details, digest time, tags, or whether they are active."""
    reviewer = update_reviewer(session=session, reviewer_id=reviewer_id, data=data)
    return reviewer_public(reviewer)
