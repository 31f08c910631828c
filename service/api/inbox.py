"""/api/v1/intake/url and /api/v1/candidates: articles in, candidate claims out to editors."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Response, status
from pydantic import BaseModel
from sqlmodel import Session

from forecasts.domain import CandidateStatus
from forecasts.inbox import (
    Acceptance,
    Rejection,
    accept_candidate,
    get_candidate,
    list_candidates,
    reject_candidate,
    suggest_questions,
    suggest_sources,
)
from forecasts.models import ClaimCandidate
from forecasts.questions import question_public, tags_by_question
from forecasts.schemas import ClaimPublic, Page, QuestionPublic, SourcePublic
from forecasts.sources import source_public
from service.api.deps import (
    DatabaseDep,
    Editor,
    Limit,
    NowDep,
    Offset,
    PathId,
    QueryId,
    ReadSessionDep,
    SettingsDep,
    WriteSessionDep,
)
from service.api.errors import field_error
from service.articles import InboxCandidate, IntakeResult, IntakeUrl, inbox_candidate, intake_url
from service.fetching import Fetcher, FetchError

router = APIRouter(tags=["intake"])

REFUSALS: dict[int | str, dict[str, Any]] = {
    422: {
        "description": "The address was refused or could not be fetched: the error's type "
        "names the reason (scheme, address, too_large, timeout, redirects, status, "
        "content_type, no_text, unreachable ...)."
    }
}


def refused(error: FetchError) -> HTTPException:
    """The 422 a refused fetch answers, naming the reason."""
    return field_error("url", error.message, error.reason)


@router.post(
    "/intake/url",
    status_code=status.HTTP_201_CREATED,
    responses={200: {"description": "Stored before: what is stored, nothing added."}, **REFUSALS},
)
def post_intake_url(
    data: IntakeUrl,
    caller: Editor,
    database: DatabaseDep,
    settings: SettingsDep,
    now: NowDep,
    response: Response,
) -> IntakeResult:
    """Fetch an article, store it with its candidate claims (pending), and return both.

    The same address again answers 200 with what is stored and adds nothing.
    """
    with Fetcher(allow_private=settings.intake_allow_private) as fetcher:
        try:
            result, created = intake_url(
                database=database,
                fetcher=fetcher,
                url=data.url,
                tags=data.tags,
                actor=caller.actor,
                now=now,
            )
        except FetchError as error:
            raise refused(error) from error
    if not created:
        response.status_code = status.HTTP_200_OK
    return result


@router.get("/candidates")
def get_candidates(
    session: ReadSessionDep,
    _: Editor,
    status: CandidateStatus | None = None,
    article_id: QueryId | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[InboxCandidate]:
    """Candidate claims, newest article first, in text order within each article."""
    items, total = list_candidates(
        session=session, status=status, article_id=article_id, limit=limit, offset=offset
    )
    return Page(items=[inbox_candidate(c) for c in items], total=total, limit=limit, offset=offset)


@router.get("/candidates/{candidate_id}")
def get_one_candidate(candidate_id: PathId, session: ReadSessionDep, _: Editor) -> InboxCandidate:
    """One candidate claim."""
    return inbox_candidate(get_candidate(session=session, candidate_id=candidate_id))


class Suggestions(BaseModel):
    """Sources whose names share a word with the speaker; questions with similar titles."""

    sources: list[SourcePublic]
    questions: list[QuestionPublic]


@router.get("/candidates/{candidate_id}/suggestions")
def get_suggestions(candidate_id: PathId, session: ReadSessionDep, _: Editor) -> Suggestions:
    """Sources and questions an editor may want to record this candidate against."""
    candidate = get_candidate(session=session, candidate_id=candidate_id)
    return suggestions(session=session, candidate_speaker=candidate.speaker, text=_about(candidate))


def _about(candidate: ClaimCandidate) -> str:
    return str(candidate.extraction.get("span") or candidate.extraction.get("sentence") or "")


def suggestions(*, session: Session, candidate_speaker: str | None, text: str) -> Suggestions:
    """Suggested sources for a speaker and questions for a claim's words."""
    questions = suggest_questions(session=session, text=text)
    tags = tags_by_question(session=session, ids=(q.id for q in questions if q.id is not None))
    return Suggestions(
        sources=[
            source_public(s)
            for s in (suggest_sources(session=session, name=candidate_speaker or ""))
        ],
        questions=[question_public(q, tags.get(q.id or 0, [])) for q in questions],
    )


class Accepted(BaseModel):
    """The claim a candidate was recorded as."""

    claim: ClaimPublic


@router.post("/candidates/{candidate_id}/accept", status_code=status.HTTP_201_CREATED)
def post_accept(
    candidate_id: PathId, data: Acceptance, session: WriteSessionDep, caller: Editor, now: NowDep
) -> Accepted:
    """Record a pending candidate as a claim; a candidate is recorded once (409 after).

    What the body does not give comes from the candidate and its article: the quote, the
    probability and verbal phrase, made_at (the publication time), the citation's URL and
    title and the publisher.
    """
    claim = accept_candidate(
        session=session, candidate_id=candidate_id, acceptance=data, actor=caller.actor, now=now
    )
    return Accepted(claim=claim)


@router.post("/candidates/{candidate_id}/reject")
def post_reject(
    candidate_id: PathId, data: Rejection, session: WriteSessionDep, caller: Editor, now: NowDep
) -> InboxCandidate:
    """Mark a pending candidate as not a claim, with the reason."""
    candidate = reject_candidate(
        session=session, candidate_id=candidate_id, reason=data.reason, actor=caller.actor, now=now
    )
    return inbox_candidate(candidate)
