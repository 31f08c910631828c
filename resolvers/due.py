"""Which questions are due: past their deadline and waiting for a resolution."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from operator import attrgetter
from typing import NamedTuple

from sqlalchemy import ColumnElement, DateTime, Table, and_, or_, select, type_coerce, update
from sqlmodel import Session, col

from forecasts.domain import Status
from forecasts.models import Question, QuestionTag

_QUESTION: Table = Question.__table__  # type: ignore[attr-defined]
_QUESTION_TAG: Table = QuestionTag.__table__  # type: ignore[attr-defined]
_NO_TAGS: frozenset[str] = frozenset()
_OLDEST_FIRST = attrgetter("deadline", "id")


class DueQuestion(NamedTuple):
    """What a digest needs to know about one due question."""

    id: int
    title: str
    resolution_criteria: str
    deadline: datetime
    reviewer_id: int | None
    tags: frozenset[str]
    unit: str | None = None
    """The unit of a quantity question's value; None for a yes-or-no question."""


def waiting_clause(now: datetime) -> ColumnElement[bool]:
    """The questions due by `now`: status due, or still open with the deadline passed."""
    status = _QUESTION.c.status
    return or_(
        status == Status.due,
        and_(status == Status.open, _QUESTION.c.deadline <= now),
    )


def mark_due(*, session: Session, now: datetime) -> int:
    """Move open questions whose deadline has passed (deadline <= now) to due; how many moved."""
    result = session.exec(
        update(Question)
        .where(col(Question.status) == Status.open, col(Question.deadline) <= now)
        .values(status=Status.due)
    )
    return int(result.rowcount or 0)


def due_questions(*, session: Session, now: datetime) -> list[DueQuestion]:
    """Every question waiting for a verdict, with its tags, oldest deadline first.

    That is every due question, and every open one whose deadline has passed by `now`,
    so a digest does not depend on mark_due having run first.
    """
    # Plain table columns rather than ORM entities: a digest round may read 100,000 rows.
    connection = session.connection()
    due = waiting_clause(now)
    tag_sets: defaultdict[int, set[str]] = defaultdict(set)
    for question_id, tag in connection.execute(
        select(_QUESTION_TAG.c.question_id, _QUESTION_TAG.c.tag)
        .join(_QUESTION, _QUESTION.c.id == _QUESTION_TAG.c.question_id)
        .where(due)
    ).all():
        tag_sets[question_id].add(tag)
    tags = {question_id: frozenset(found) for question_id, found in tag_sets.items()}
    # Rows are read by id, from the ids the status index yields, and sorted here: read in
    # deadline order through the index, SQLite looks each row up out of order, which on
    # 100,000 rows costs more than sorting them in Python.
    rows = connection.execute(
        select(
            _QUESTION.c.id,
            _QUESTION.c.title,
            _QUESTION.c.resolution_criteria,
            # The driver's datetime, made aware below in the same pass: UTCDateTime's
            # per-value call chain is a third of this function's time on 100,000 rows.
            type_coerce(_QUESTION.c.deadline, DateTime(timezone=True)),
            _QUESTION.c.reviewer_id,
            _QUESTION.c.unit,
        ).where(_QUESTION.c.id.in_(select(_QUESTION.c.id).where(due)))
    ).all()
    # _make is tuple.__new__ itself; calling the class runs a generated Python __new__,
    # ten times slower on 100,000 rows.
    make = DueQuestion._make
    questions = [
        make(
            (
                qid,
                title,
                criteria,
                deadline if deadline.tzinfo else deadline.replace(tzinfo=UTC),  # SQLite: naive
                reviewer_id,
                tags.get(qid, _NO_TAGS),
                unit,
            )
        )
        for qid, title, criteria, deadline, reviewer_id, unit in rows
    ]
    questions.sort(key=_OLDEST_FIRST)
    return questions
