"""/api/v1/claims: what sources said, with what probability. Recorded, never edited."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from forecasts.claims import (
    ClaimFilters,
    claim_on_question_locks,
    claim_public,
    get_claim,
    record_claim,
    record_claim_on_question,
    retract_claim,
)
from forecasts.schemas import ClaimCreate, ClaimPublic, Page, Retraction
from service.api.deps import (
    Editor,
    Limit,
    NowDep,
    Offset,
    PathId,
    QueryId,
    Reader,
    ReadSessionDep,
    WriteSessionDep,
    get_database,
    get_now,
)
from service.views import claim_page_data

router = APIRouter(prefix="/claims", tags=["claims"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=ClaimPublic)
async def post_claim(data: ClaimCreate, caller: Editor, request: Request) -> Response:
    """Record a claim on an existing question (question_id) or a new one (question).

    Without a probability, verbal_phrase is looked up on the verbal scale (basis verbal).
    """
    # The database and the clock straight from the request: resolved as dependencies,
    # the two cost about 5% of the throughput of the most frequent write.
    database, now = await get_database(request), await get_now(request)

    # The most frequent write, on an existing question: on SQLite usually right on the
    # event loop (Database.write), committed before the 201 goes out, and the claim's JSON
    # written as it is. A new question as well goes through the ORM, in a thread.
    if data.question is None:
        claim = await database.write(
            lambda cursor: record_claim_on_question(cursor, data=data, actor=caller.actor, now=now),
            lambda dialect: claim_on_question_locks(dialect, data),
        )
    else:
        claim = await database.write_with_session(
            lambda session: record_claim(session=session, data=data, actor=caller.actor, now=now)
        )
    body = claim.model_dump_json()
    return Response(body, status_code=status.HTTP_201_CREATED, media_type="application/json")


@router.get("", response_model=Page[ClaimPublic])
async def get_claims(
    request: Request,
    _: Reader,
    source: str | None = None,
    question_id: QueryId | None = None,
    tag: str | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """List claims, newest first, filtered by source slug, question or tag."""
    filters = ClaimFilters(source=source, question_id=question_id, tag=tag)

    # As get_one_question: prepared reads, the page's dict written out as it is, cached.
    body = await (await get_database(request)).read_json(
        ("claims", source, question_id, tag, limit, offset),
        lambda snapshot: claim_page_data(snapshot, filters, limit, offset),
    )
    return Response(body, media_type="application/json")


@router.get("/{claim_id}")
def get_one_claim(claim_id: PathId, session: ReadSessionDep, _: Reader) -> ClaimPublic:
    """One claim, retracted or not."""
    return claim_public(session=session, claim=get_claim(session=session, claim_id=claim_id))


@router.post("/{claim_id}/retract")
def post_retraction(
    claim_id: PathId, data: Retraction, session: WriteSessionDep, caller: Editor, now: NowDep
) -> ClaimPublic:
    """Withdraw a claim from scoring. It stays on the record with the reason."""
    claim = retract_claim(
        session=session, claim_id=claim_id, reason=data.reason, actor=caller.actor, now=now
    )
    return claim_public(session=session, claim=claim)
