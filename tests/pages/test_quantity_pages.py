"""Quantity claims on the question and source pages: what was said and how far off it was."""

from __future__ import annotations

from fastapi.testclient import TestClient

from forecasts.domain import Outcome, QuestionKind
from service.database import Database
from tests.factories import make_claim, make_question, make_resolution, make_source
from tests.pages.markup import main_of, text_of


def _inflation(database: Database) -> int:
    """A quantity question in % with a range, a point and an 80% interval, resolved 2.9."""
    with database.writing() as session:
        bank = make_source(session, "central-bank", name="Central Bank")
        pundit = make_source(session, "pundit", name="A Pundit")
        question = make_question(
            session, title="Full-year inflation", kind=QuestionKind.quantity, unit="%"
        )
        make_claim(session, bank, question, probability=None, quantity={"low": 2.7, "high": 2.8})
        make_claim(session, pundit, question, probability=None, quantity={"point": 3.0})
        other = make_question(
            session, title="Inflation next year", kind=QuestionKind.quantity, unit="%"
        )
        make_claim(
            session,
            bank,
            other,
            probability=None,
            quantity={"low": 2.0, "high": 3.0, "confidence": 0.8},
        )
        make_resolution(session, question, Outcome.value, value=2.9)
        make_resolution(session, other, Outcome.value, value=2.5)
        assert question.id is not None
        return question.id


def test_question_page_says_each_error_in_plain_words(
    client: TestClient, database: Database
) -> None:
    question_id = _inflation(database)
    text = text_of(main_of(client.get(f"/questions/{question_id}").text))
    assert "said 2.7–2.8%; it was 2.9%, 0.1 points above the range" in text
    assert "said 3%; it was 2.9%, 0.1 points below it" in text
    assert "Resolved at 2.9%" in text


def test_source_page_lists_scored_quantities_and_their_hit_rate(
    client: TestClient, database: Database
) -> None:
    _inflation(database)
    page = client.get("/sources/central-bank")
    assert page.status_code == 200
    text = text_of(main_of(page.text))
    assert "Ranges held 1 of 2" in text
    assert "said 2–3% (80% interval); it was 2.5%, inside the range" in text
    assert "said 2.7–2.8%; it was 2.9%, 0.1 points above the range" in text
    assert "Claims not scored" not in text
    # Median of |2.75 - 2.9| / 2.9 = 5.2% and |2.5 - 2.5| / 2.5 = 0.
    assert "Median error 2.6%" in text
    assert "has been resolved yet" not in text


def test_compare_page_sets_both_sources_errors_side_by_side(
    client: TestClient, database: Database
) -> None:
    _inflation(database)
    page = client.get("/compare", params={"a": "central-bank", "b": "pundit"})
    assert page.status_code == 200
    text = text_of(main_of(page.text))
    assert "Forecasts of a number both made" in text
    assert "said 2.7–2.8%; it was 2.9%, 0.1 points above the range" in text
    assert "said 3%; it was 2.9%, 0.1 points below it" in text
    # The other question only the bank forecast is not a shared one.
    assert "said 2–3% (80% interval)" not in text
