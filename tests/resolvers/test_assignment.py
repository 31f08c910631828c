"""Which questions are due, and which reviewer each goes to."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from forecasts.domain import Outcome, Status
from forecasts.models import Question, Reviewer
from resolvers.assignment import assign
from resolvers.due import DueQuestion, due_questions, mark_due
from service.database import Database
from tests.factories import make_question, make_resolution

NOW = datetime(2026, 3, 2, 12, tzinfo=UTC)


def _reviewer(number: int, tags: list[str], active: bool = True) -> Reviewer:
    return Reviewer(
        id=number, name=f"R{number}", email=f"r{number}@example.org", tags=tags, active=active
    )


def _question(number: int, reviewer_id: int | None, tags: set[str]) -> DueQuestion:
    return DueQuestion(number, f"Q{number}", "c", NOW, reviewer_id, frozenset(tags))


def test_assigned_tagged_and_untagged_questions_reach_the_right_reviewers() -> None:
    reviewers = [
        _reviewer(1, []),
        _reviewer(2, ["economy"]),
        _reviewer(3, ["economy", "war"]),
        _reviewer(4, [], active=False),
        _reviewer(5, []),
    ]
    questions = [
        _question(10, 2, {"war"}),  # assigned: only its reviewer, whatever its tags
        _question(11, None, {"economy"}),  # a tag matches: every reviewer with that tag
        _question(12, None, {"sport"}),  # no tag matches: every active reviewer without tags
        _question(13, 4, {"war"}),  # its reviewer is inactive: by tags instead
        _question(14, None, set()),
    ]
    assigned = {r: [q.id for q in qs] for r, qs in assign(questions, reviewers).items()}
    assert assigned == {1: [12, 14], 2: [10, 11], 3: [11, 13], 5: [12, 14]}


def test_mark_due_moves_only_open_questions_past_their_deadline(database: Database) -> None:
    with database.writing() as session:
        past = make_question(session, deadline=NOW - timedelta(days=1))
        exactly = make_question(session, deadline=NOW)
        future = make_question(session, deadline=NOW + timedelta(seconds=1))
        resolved = make_question(session, deadline=NOW - timedelta(days=2))
        make_resolution(session, resolved, Outcome.yes, now=NOW - timedelta(days=1))
        ids = [past.id, exactly.id, future.id, resolved.id]
    with database.writing() as session:
        assert mark_due(session=session, now=NOW) == 2
        assert mark_due(session=session, now=NOW) == 0
    with database.reading() as session:
        statuses = [session.get(Question, i).status for i in ids]  # type: ignore[union-attr]
    assert statuses == [Status.due, Status.due, Status.open, Status.resolved]


def test_due_questions_come_oldest_first_with_their_tags(database: Database) -> None:
    with database.writing() as session:
        later = make_question(session, deadline=NOW - timedelta(days=1), tags=["b", "a"])
        earlier = make_question(session, deadline=NOW - timedelta(days=3), tags=[])
        make_question(session, deadline=NOW + timedelta(days=3))
    with database.reading() as session:
        due = due_questions(session=session, now=NOW)
        assert session.exec(select(Question.status)).all() == [Status.open] * 3
    assert [(q.id, q.tags) for q in due] == [
        (earlier.id, frozenset()),
        (later.id, frozenset({"a", "b"})),
    ]
