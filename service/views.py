"""Read models shared by the API and the HTML pages, so neither keeps its own query.

A question with its claims and verdicts, and a page of claims, are the most read things in
Sooth. Their statements are Prepared (forecasts/prepared.py): compiled once, selecting the
columns in the order of the public shapes' fields, so each row becomes the public dict by
a zip. The API writes those dicts out as JSON directly, in the same form pydantic gives
the models (tests hold the two to the same bytes); the pages validate them into models.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import BaseModel
from sqlalchemy import (
    Boolean,
    ColumnElement,
    String,
    Table,
    and_,
    bindparam,
    func,
    select,
    type_coerce,
)
from sqlalchemy import Enum as SAEnum
from sqlmodel import Session

from forecasts.claims import ClaimFilters
from forecasts.domain import NotFoundError
from forecasts.hindsight import evidenced_sql, hindsight_sql
from forecasts.models import Claim, Question, QuestionTag, Resolution, Source
from forecasts.prepared import Cursor, Prepared, api_instant
from forecasts.schemas import (
    ClaimPublic,
    Quantity,
    QuestionDetail,
    QuestionPublic,
    ResolutionPublic,
)
from forecasts.sqltypes import UTCDateTime


def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


_QUESTION, _TAG, _CLAIM, _SOURCE, _RESOLUTION = (
    _table(model) for model in (Question, QuestionTag, Claim, Source, Resolution)
)


def _fields(model: type[BaseModel], table: Table, **others: ColumnElement[Any]) -> list[Any]:
    """The columns giving `model`'s fields, in its order: the table's own, or `others`.

    Instants come as the API writes them, and enumerations as their stored values, plain
    strings: JSON is written from a str more than twice as fast as from a str enum, and
    the pages' models take either.
    """
    columns: list[Any] = []
    for name in model.model_fields:
        if name in others:
            columns.append(others[name].label(name))
        elif name in table.c:
            column = table.c[name]
            if isinstance(column.type, UTCDateTime):
                columns.append(api_instant(column).label(name))
            elif isinstance(column.type, SAEnum):
                columns.append(type_coerce(column, String()).label(name))
            else:
                columns.append(column)
    return columns


QUESTION_FIELDS = tuple(QuestionPublic.model_fields)
CLAIM_FIELDS = tuple(name for name in ClaimPublic.model_fields if name != "quantity")
_QUANTITY_FIELDS = tuple(Quantity.model_fields)
RESOLUTION_FIELDS = tuple(ResolutionPublic.model_fields)

_ID: Any = bindparam("question_id")
QUESTION_ROW = Prepared(select(*_fields(QuestionPublic, _QUESTION)).where(_QUESTION.c.id == _ID))
QUESTION_TAGS = Prepared(select(_TAG.c.tag).where(_TAG.c.question_id == _ID).order_by(_TAG.c.tag))
_FIRST = _RESOLUTION.alias("first")
_WHEN: dict[str, Any] = {
    "deadline": _QUESTION.c.deadline,
    "first_resolved_at": _FIRST.c.resolved_at,
}
_CLAIM_COLUMNS = [
    *_fields(
        ClaimPublic,
        _CLAIM,
        source=_SOURCE.c.slug,
        hindsight=type_coerce(hindsight_sql(_CLAIM, **_WHEN), Boolean()),
        evidenced=type_coerce(evidenced_sql(_CLAIM, **_WHEN), Boolean()),
    ),
    *(_CLAIM.c[name] for name in _QUANTITY_FIELDS),
]
_CLAIM_NAMES = tuple(ClaimPublic.model_fields)


def _claim(row: Any) -> dict[str, Any]:
    """A claim row as ClaimPublic's dict, in its order: its columns and its point or range."""
    claim = dict(zip(CLAIM_FIELDS, row[: len(CLAIM_FIELDS)], strict=True))
    numbers = row[len(CLAIM_FIELDS) :]
    has_quantity = numbers[0] is not None or numbers[1] is not None
    claim["quantity"] = dict(zip(_QUANTITY_FIELDS, numbers, strict=True)) if has_quantity else None
    return {name: claim[name] for name in _CLAIM_NAMES}


def _with_standing(statement: Any) -> Any:
    """The claim columns' joins: source, and question and first resolution for the standing."""
    return (
        statement.join(_SOURCE, _SOURCE.c.id == _CLAIM.c.source_id)
        .join(_QUESTION, _QUESTION.c.id == _CLAIM.c.question_id)
        .outerjoin(
            _FIRST, and_(_FIRST.c.question_id == _CLAIM.c.question_id, _FIRST.c.sequence == 1)
        )
    )


QUESTION_CLAIMS = Prepared(
    _with_standing(select(*_CLAIM_COLUMNS))
    .where(_CLAIM.c.question_id == _ID)
    .order_by(_CLAIM.c.made_at, _CLAIM.c.id)
)
QUESTION_RESOLUTIONS = Prepared(
    select(*_fields(ResolutionPublic, _RESOLUTION))
    .where(_RESOLUTION.c.question_id == _ID)
    .order_by(_RESOLUTION.c.sequence)
)
_QUESTION_COLUMNS = tuple(name for name in QUESTION_FIELDS if name != "tags")


def question_detail_data(snapshot: Cursor, question_id: int) -> dict[str, Any]:
    """A question with its claims and resolution history, oldest first, as the API's dict."""
    params = {"question_id": question_id}
    found, tags, claims, resolutions = snapshot.rows_together(
        (QUESTION_ROW, params),
        (QUESTION_TAGS, params),
        (QUESTION_CLAIMS, params),
        (QUESTION_RESOLUTIONS, params),
    )
    if not found:
        raise NotFoundError("id", f"no question with id {question_id}")
    columns = dict(zip(_QUESTION_COLUMNS, found[0], strict=True))
    columns["tags"] = [tag for (tag,) in tags]
    detail = {name: columns[name] for name in QUESTION_FIELDS}
    detail["claims"] = [_claim(row) for row in claims]
    history = [dict(zip(RESOLUTION_FIELDS, row, strict=True)) for row in resolutions]
    detail["resolutions"] = history
    detail["current_resolution"] = history[-1] if history else None
    return detail


def question_detail(*, session: Session, question_id: int) -> QuestionDetail:
    """The question detail as a model, read inside the session's transaction."""
    return QuestionDetail.model_validate(
        question_detail_data(Cursor.of_session(session), question_id)
    )


@lru_cache(maxsize=8)
def _claim_list(source: bool, question: bool, tag: bool) -> tuple[Prepared, Prepared]:
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
        _with_standing(select(*_CLAIM_COLUMNS))
        .where(*conditions)
        .order_by(_CLAIM.c.made_at.desc(), _CLAIM.c.id.desc())
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )
    return Prepared(count), Prepared(page)


def claim_page_data(
    snapshot: Cursor, filters: ClaimFilters, limit: int, offset: int
) -> dict[str, Any]:
    """Claims matching the filters, newest first, with the total that matched, as a dict."""
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
    counted, rows = snapshot.rows_together((count, params), (page, params))
    total = int(counted[0][0])
    items = [_claim(row) for row in rows]
    return {"items": items, "total": total, "limit": limit, "offset": offset}
