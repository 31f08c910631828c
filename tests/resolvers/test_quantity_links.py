"""The resolve page of a quantity question: it asks for the value, in the question's unit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import select

from forecasts.domain import Outcome, QuestionKind, Status
from forecasts.models import LedgerEntry, Question, Resolution, ResolveLinkUse
from resolvers.links import LinkSigner
from service.database import Database
from tests.conftest import MutableClock
from tests.factories import make_claim, make_question, make_resolution, make_source
from tests.resolvers.conftest import SECRET, make_reviewer

DEADLINE = datetime(2026, 2, 20, tzinfo=UTC)


def _setup(database: Database, clock: MutableClock) -> tuple[int, str]:
    """A due quantity question in % with a range claim, and its reviewer's link."""
    with database.writing() as session:
        person = make_reviewer(session, name="Ada Lovelace")
        source = make_source(session, name="Central Bank")
        question = make_question(
            session,
            title="Full-year inflation in 2025",
            resolution_criteria="The statistics office's first full-year CPI figure.",
            deadline=DEADLINE,
            reviewer_id=person.id,
            kind=QuestionKind.quantity,
            unit="%",
        )
        make_claim(session, source, question, probability=None, quantity={"low": 2.7, "high": 2.8})
        assert question.id is not None and person.id is not None
        question_id, reviewer_id = question.id, person.id
    token = LinkSigner(SECRET).issue(
        question_id=question_id, reviewer_id=reviewer_id, expires_at=clock.now + timedelta(days=21)
    )
    return question_id, token


def _counts(database: Database) -> tuple[int, ...]:
    with database.reading() as session:
        return tuple(
            session.exec(select(func.count()).select_from(table)).one()
            for table in (Resolution, LedgerEntry, ResolveLinkUse)
        )


def test_get_asks_for_the_value_in_the_unit_and_changes_nothing(
    client: TestClient, database: Database, clock: MutableClock
) -> None:
    _, token = _setup(database, clock)
    before = _counts(database)
    for _ in range(3):
        page = client.get(f"/resolve/{token}")
        assert page.status_code == 200
    assert 'name="value"' in page.text and "Value, in %" in page.text
    assert "2.7–2.8%" in page.text and "Central Bank" in page.text
    assert 'value="value">Record the value</button>' in page.text
    assert 'value="yes"' not in page.text
    assert _counts(database) == before


def test_post_records_the_value_once(
    client: TestClient, database: Database, clock: MutableClock
) -> None:
    question_id, token = _setup(database, clock)
    response = client.post(f"/resolve/{token}", data={"outcome": "value", "value": "2,9"})
    assert response.status_code == 200, response.text
    assert "the question is resolved" in response.text and "2.9%" in response.text
    with database.reading() as session:
        [resolution] = session.exec(select(Resolution)).all()
        question = session.get(Question, question_id)
    assert (resolution.outcome, resolution.value) == (Outcome.value, 2.9)
    assert question is not None and question.status is Status.resolved
    before = _counts(database)
    again = client.get(f"/resolve/{token}")
    assert again.status_code == 410
    replay = client.post(f"/resolve/{token}", data={"outcome": "value", "value": "5"})
    assert replay.status_code == 410
    assert _counts(database) == before
    page = client.get(f"/questions/{question_id}")
    assert "said 2.7–2.8%; it was 2.9%, 0.1 points above the range" in page.text


@pytest.mark.parametrize(
    ("form", "problem"),
    [
        ({"outcome": "value", "value": ""}, "Enter the value as a number"),
        ({"outcome": "value", "value": "about three"}, "Enter the value as a number"),
        ({"outcome": "value", "value": "inf"}, "Enter the value as a number"),
        ({"outcome": "yes"}, "a quantity question resolves with"),
    ],
)
def test_a_missing_or_unreadable_value_is_asked_again_and_the_link_stays_usable(
    client: TestClient,
    database: Database,
    clock: MutableClock,
    form: dict[str, str],
    problem: str,
) -> None:
    _, token = _setup(database, clock)
    before = _counts(database)
    response = client.post(f"/resolve/{token}", data=form)
    assert response.status_code == 422
    assert problem in response.text
    assert _counts(database) == before
    assert client.post(f"/resolve/{token}", data={"outcome": "annulled"}).status_code == 200


def test_a_link_to_a_question_resolved_meanwhile_names_its_value(
    client: TestClient, database: Database, clock: MutableClock
) -> None:
    question_id, token = _setup(database, clock)
    with database.writing() as session:
        question = session.get(Question, question_id)
        assert question is not None
        make_resolution(session, question, Outcome.value, now=clock.now, value=3.1)
    page = client.get(f"/resolve/{token}")
    assert page.status_code == 409 and "resolved at 3.1%" in page.text
