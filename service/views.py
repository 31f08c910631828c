"""Read models shared by the API and the HTML pages, so neither keeps its own query.

The question page, GET /api/v1/questions/{id} and the claim lists are the most read things
in Sooth, so their read models run statements built once, on the session's connection,
and turns the rows into the public shapes with the same functions the services use: no
ORM objects, no statement building per request (tests/bench/bench_load.py measures it).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Select, Table, bindparam, func, select
from sqlmodel import Session

from forecasts.claims import ClaimFilters, claim_public
from forecasts.domain import NotFoundError
from forecasts.models import Claim, Question, QuestionTag, Resolution, Source
from forecasts.questions import question_public
from forecasts.schemas import ClaimPublic, Page, QuestionDetail
from resolvers.resolutions import resolution_public


def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


_QUESTION, _TAG, _CLAIM, _SOURCE, _RESOLUTION = (
    _table(model) for model in (Question, QuestionTag, Claim, Source, Resolution)
)
_ID: Any = bindparam("question_id")
QUESTION_ROW = select(_QUESTION).where(_QUESTION.c.id == _ID)
QUESTION_TAGS = select(_TAG.c.tag).where(_TAG.c.question_id == _ID).order_by(_TAG.c.tag)
QUESTION_CLAIMS = (
    select(_CLAIM, _SOURCE.c.slug)
    .join(_SOURCE, _SOURCE.c.id == _CLAIM.c.source_id)
    .where(_CLAIM.c.question_id == _ID)
    .order_by(_CLAIM.c.made_at, _CLAIM.c.id)
)
QUESTION_RESOLUTIONS = (
    select(_RESOLUTION).where(_RESOLUTION.c.question_id == _ID).order_by(_RESOLUTION.c.sequence)
)


def question_detail(*, session: Session, question_id: int) -> QuestionDetail:
    """A question with its claims and its resolution history, oldest first."""
    session.flush()  # the statements below bypass the ORM: let them see its pending writes
    connection = session.connection()
    params = {"question_id": question_id}
    question = connection.execute(QUESTION_ROW, params).first()
    if question is None:
        raise NotFoundError("id", f"no question with id {question_id}")
    tags = list(connection.execute(QUESTION_TAGS, params).scalars())
    # Rows carry the columns as attributes, which is all the *_public functions read.
    claims = [
        claim_public(cast(Claim, row), row.slug)
        for row in connection.execute(QUESTION_CLAIMS, params)
    ]
    history = [
        resolution_public(cast(Resolution, row))
        for row in connection.execute(QUESTION_RESOLUTIONS, params)
    ]
    return QuestionDetail(
        **dict(question_public(cast(Question, question), tags)),
        claims=claims,
        resolutions=history,
        current_resolution=history[-1] if history else None,
    )


@lru_cache(maxsize=8)
def _claim_list(source: bool, question: bool, tag: bool) -> tuple[Select[Any], Select[Any]]:
    """The count and page statements of a claim list with these filters, built once."""
    conditions: list[Any] = []
    if source:
        source_id = select(_SOURCE.c.id).where(_SOURCE.c.slug == bindparam("source"))
        conditions.append(_CLAIM.c.source_id == source_id.scalar_subquery())
    if question:
        conditions.append(_CLAIM.c.question_id == bindparam("question_id"))
    if tag:
        tagged = select(_TAG.c.question_id).where(_TAG.c.tag == bindparam("tag"))
        conditions.append(_CLAIM.c.question_id.in_(tagged))
    count = select(func.count()).select_from(_CLAIM).where(*conditions)
    page = (
        select(_CLAIM, _SOURCE.c.slug)
        .join(_SOURCE, _SOURCE.c.id == _CLAIM.c.source_id)
        .where(*conditions)
        .order_by(_CLAIM.c.made_at.desc(), _CLAIM.c.id.desc())
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )
    return count, page


def claim_page(
    *, session: Session, filters: ClaimFilters, limit: int, offset: int
) -> Page[ClaimPublic]:
    """Claims matching the filters, newest first, with the total that matched."""
    count, page = _claim_list(
        filters.source is not None, filters.question_id is not None, filters.tag is not None
    )
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    if filters.source is not None:
        params["source"] = filters.source
    if filters.question_id is not None:
        params["question_id"] = filters.question_id
    if filters.tag is not None:
        params["tag"] = filters.tag.lower()
    session.flush()
    connection = session.connection()
    total = int(connection.execute(count, params).scalar_one())
    items = [claim_public(cast(Claim, row), row.slug) for row in connection.execute(page, params)]
    return Page(items=items, total=total, limit=limit, offset=offset)
