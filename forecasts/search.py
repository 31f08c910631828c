"""Finding questions, claims and sources by the words in them."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from forecasts.claims import claims_public
from forecasts.models import Claim, Question, QuestionTag, Source
from forecasts.questions import question_public, tags_by_question
from forecasts.schemas import ClaimPublic, QuestionPublic, SourcePublic
from forecasts.sources import source_public


class ClaimMatch(BaseModel):
    """A claim whose quote matched, with the title of the question it is about."""

    claim: ClaimPublic
    question_title: str
    source_name: str


class SearchResults(BaseModel):
    """What matched a search, each kind capped at the limit, with how many matched in all."""

    query: str
    questions: list[QuestionPublic]
    questions_total: int
    claims: list[ClaimMatch]
    claims_total: int
    sources: list[SourcePublic]
    sources_total: int
    tags: list[str] = []
    """Tags containing the text, A to Z."""
    tags_total: int = 0


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its own % and _ taken literally (escape \\)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _count(session: Session, query: Any) -> int:
    total: int = session.exec(select(func.count()).select_from(query.subquery())).one()
    return total


def search(*, session: Session, text: str, limit: int) -> SearchResults:
    """Questions by title or tag, claims by quote, sources by name or slug, and tags
    containing `text`."""
    text = text.strip()
    if not text:
        return SearchResults(
            query="",
            questions=[],
            questions_total=0,
            claims=[],
            claims_total=0,
            sources=[],
            sources_total=0,
        )
    pattern = like_pattern(text)

    tag_query = (
        select(QuestionTag.tag)
        .where(col(QuestionTag.tag).ilike(pattern, escape="\\"))
        .group_by(col(QuestionTag.tag))
    )
    tagged = select(QuestionTag.question_id).where(col(QuestionTag.tag).ilike(pattern, escape="\\"))
    question_query = select(Question).where(
        or_(col(Question.title).ilike(pattern, escape="\\"), col(Question.id).in_(tagged))
    )
    questions = session.exec(
        question_query.order_by(col(Question.deadline).desc(), col(Question.id)).limit(limit)
    ).all()
    tags = tags_by_question(session=session, ids=(q.id for q in questions if q.id is not None))

    claim_query = select(Claim).where(col(Claim.quote).ilike(pattern, escape="\\"))
    claims = session.exec(
        claim_query.order_by(col(Claim.made_at).desc(), col(Claim.id).desc()).limit(limit)
    ).all()
    titles = dict(
        session.exec(
            select(Question.id, Question.title).where(
                col(Question.id).in_({claim.question_id for claim in claims})
            )
        ).all()
    )
    names = dict(
        session.exec(
            select(Source.slug, Source.name).where(
                col(Source.id).in_({claim.source_id for claim in claims})
            )
        ).all()
    )

    source_query = select(Source).where(
        or_(
            col(Source.name).ilike(pattern, escape="\\"),
            col(Source.slug).ilike(pattern, escape="\\"),
        )
    )
    sources = session.exec(source_query.order_by(col(Source.name)).limit(limit)).all()

    return SearchResults(
        query=text,
        questions=[question_public(q, tags.get(q.id or 0, [])) for q in questions],
        questions_total=_count(session, question_query),
        claims=[
            ClaimMatch(
                claim=public,
                question_title=titles[public.question_id],
                source_name=names[public.source],
            )
            for public in claims_public(session=session, claims=claims)
        ],
        claims_total=_count(session, claim_query),
        sources=[source_public(s) for s in sources],
        sources_total=_count(session, source_query),
        tags=list(session.exec(tag_query.order_by(col(QuestionTag.tag)).limit(limit)).all()),
        tags_total=_count(session, tag_query),
    )
