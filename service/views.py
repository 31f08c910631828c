"""Read models shared by the API and the HTML pages, so neither keeps its own query."""

from __future__ import annotations

from sqlmodel import Session

from forecasts.claims import claims_on_question, claims_public
from forecasts.questions import get_question, question_public, resolution_history, tags_by_question
from forecasts.schemas import QuestionDetail
from resolvers.resolutions import resolution_public


def question_detail(*, session: Session, question_id: int) -> QuestionDetail:
    """A question with its claims and its resolution history, oldest first."""
    question = get_question(session=session, question_id=question_id)
    tags = tags_by_question(session=session, ids=[question_id]).get(question_id, [])
    claims = claims_public(
        session=session, claims=claims_on_question(session=session, question_id=question_id)
    )
    history = [
        resolution_public(r) for r in resolution_history(session=session, question_id=question_id)
    ]
    return QuestionDetail(
        **question_public(question, tags).model_dump(),
        claims=claims,
        resolutions=history,
        current_resolution=history[-1] if history else None,
    )
