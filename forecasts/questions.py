"""Recording, changing and reading questions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import and_, delete, func, or_
from sqlmodel import Session, col, select

from forecasts.chain import Action, append_entry
from forecasts.domain import DomainError, NotFoundError, Status
from forecasts.models import Claim, Question, QuestionTag, Resolution, Reviewer, Source
from forecasts.prepared import Cursor
from forecasts.schemas import QuestionCreate, QuestionPublic, QuestionUpdate


class QuestionOrder(StrEnum):
    """The orders a question list can come in."""

    deadline = "deadline"
    """Soonest deadline first."""
    deadline_desc = "-deadline"
    """Latest deadline first."""
    newest = "-created"
    """Most recently recorded first."""
    by_title = "title"
    """By title, A to Z."""


@dataclass(frozen=True)
class QuestionFilters:
    """What a question list may be narrowed by, and its order."""

    status: Status | None = None
    tag: str | None = None
    source: str | None = None
    deadline_before: datetime | None = None
    deadline_after: datetime | None = None
    due_as_of: datetime | None = None
    """With status due: also open questions whose deadline passed before this instant,
    which the hourly job has not yet moved to due."""
    order: QuestionOrder = QuestionOrder.deadline


def question_public(question: Question, tags: list[str]) -> QuestionPublic:
    """The API shape of a question."""
    assert question.id is not None
    return QuestionPublic(
        id=question.id,
        title=question.title,
        resolution_criteria=question.resolution_criteria,
        deadline=question.deadline,
        tags=tags,
        reviewer_id=question.reviewer_id,
        status=question.status,
        created_at=question.created_at,
        created_by=question.created_by,
    )


def tags_by_question(*, session: Session, ids: Iterable[int]) -> dict[int, list[str]]:
    """Each question's tags, sorted, in one query."""
    wanted = set(ids)
    tags: dict[int, list[str]] = defaultdict(list)
    if wanted:
        rows = session.exec(
            select(QuestionTag.question_id, QuestionTag.tag)
            .where(col(QuestionTag.question_id).in_(wanted))
            .order_by(col(QuestionTag.tag))
        ).all()
        for question_id, tag in rows:
            tags[question_id].append(tag)
    return tags


def _check_reviewer(session: Session, field: str, reviewer_id: int | None) -> None:
    if reviewer_id is not None and session.get(Reviewer, reviewer_id) is None:
        raise DomainError(field, f"no reviewer with id {reviewer_id}")


def create_question(
    *, session: Session, data: QuestionCreate, actor: str, now: datetime, field: str = "body"
) -> Question:
    """Record a new question; one whose deadline already passed starts out due."""
    _check_reviewer(session, f"{field}.reviewer_id", data.reviewer_id)
    question = Question(
        title=data.title,
        resolution_criteria=data.resolution_criteria,
        deadline=data.deadline,
        reviewer_id=data.reviewer_id,
        status=Status.due if data.deadline <= now else Status.open,
        created_at=now,
        created_by=actor,
    )
    session.add(question)
    session.flush()
    assert question.id is not None
    for tag in data.tags:
        session.add(QuestionTag(question_id=question.id, tag=tag))
    session.flush()
    _log(session, Action.question_created, question, data.tags, actor, now)
    return question


def update_question(
    *, session: Session, question_id: int, data: QuestionUpdate, actor: str, now: datetime
) -> Question:
    """Change a question's tags or reviewer, the only fields that may change."""
    question = get_question(session=session, question_id=question_id)
    changes = data.model_dump(exclude_unset=True)
    if "reviewer_id" in changes:
        _check_reviewer(session, "reviewer_id", data.reviewer_id)
        question.reviewer_id = data.reviewer_id
        session.add(question)
    if data.tags is not None:
        session.execute(delete(QuestionTag).where(col(QuestionTag.question_id) == question_id))
        for tag in data.tags:
            session.add(QuestionTag(question_id=question_id, tag=tag))
    session.flush()
    tags = tags_by_question(session=session, ids=[question_id])[question_id]
    _log(session, Action.question_updated, question, tags, actor, now)
    return question


def _log(
    session: Session,
    action: Action,
    question: Question,
    tags: list[str],
    actor: str,
    now: datetime,
) -> None:
    assert question.id is not None
    payload = question_public(question, tags).model_dump(mode="json", exclude={"status"})
    append_entry(
        Cursor.of_session(session),
        action=action,
        entity="question",
        entity_id=question.id,
        payload=payload,
        actor=actor,
        now=now,
    )


def get_question(*, session: Session, question_id: int) -> Question:
    """The question with this id, or NotFoundError."""
    question = session.get(Question, question_id)
    if question is None:
        raise NotFoundError("id", f"no question with id {question_id}")
    return question


def list_questions(
    *, session: Session, filters: QuestionFilters, limit: int, offset: int
) -> tuple[Sequence[Question], int]:
    """Questions matching the filters, in their order, with the total that matched."""
    query = select(Question)
    if filters.status is Status.due and filters.due_as_of is not None:
        query = query.where(
            or_(
                col(Question.status) == Status.due,
                and_(
                    col(Question.status) == Status.open,
                    col(Question.deadline) <= filters.due_as_of,
                ),
            )
        )
    elif filters.status is not None:
        query = query.where(Question.status == filters.status)
    if filters.tag is not None:
        tagged = select(QuestionTag.question_id).where(QuestionTag.tag == filters.tag.lower())
        query = query.where(col(Question.id).in_(tagged))
    if filters.source is not None:
        claimed = (
            select(Claim.question_id)
            .join(Source, col(Source.id) == col(Claim.source_id))
            .where(Source.slug == filters.source)
        )
        query = query.where(col(Question.id).in_(claimed))
    if filters.deadline_before is not None:
        query = query.where(col(Question.deadline) < filters.deadline_before)
    if filters.deadline_after is not None:
        query = query.where(col(Question.deadline) > filters.deadline_after)
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    page = query.order_by(*_ORDER[filters.order]).limit(limit).offset(offset)
    return session.exec(page).all(), total


_ORDER = {
    QuestionOrder.deadline: (col(Question.deadline), col(Question.id)),
    QuestionOrder.deadline_desc: (col(Question.deadline).desc(), col(Question.id).desc()),
    QuestionOrder.newest: (col(Question.created_at).desc(), col(Question.id).desc()),
    QuestionOrder.by_title: (func.lower(col(Question.title)), col(Question.id)),
}


def resolution_history(*, session: Session, question_id: int) -> Sequence[Resolution]:
    """Every resolution of a question, oldest first; the last one is current."""
    return session.exec(
        select(Resolution)
        .where(Resolution.question_id == question_id)
        .order_by(col(Resolution.sequence))
    ).all()


def recently_resolved(*, session: Session, limit: int) -> Sequence[tuple[Question, Resolution]]:
    """Questions with their current resolution, the most recently decided first."""
    newest = (
        select(Resolution.question_id, func.max(Resolution.sequence).label("sequence"))
        .group_by(col(Resolution.question_id))
        .subquery()
    )
    return session.exec(
        select(Question, Resolution)
        .join(Resolution, col(Resolution.question_id) == col(Question.id))
        .join(
            newest,
            (newest.c.question_id == col(Resolution.question_id))
            & (newest.c.sequence == col(Resolution.sequence)),
        )
        .order_by(col(Resolution.resolved_at).desc(), col(Resolution.id).desc())
        .limit(limit)
    ).all()
