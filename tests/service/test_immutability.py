"""The database itself refuses to rewrite claims and resolutions, whatever the code does."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from forecasts.domain import Outcome
from service.database import Database
from tests.factories import make_claim, make_question, make_resolution, make_source


@pytest.fixture
def ledger(database: Database) -> Database:
    with database.writing() as session:
        question = make_question(session)
        make_claim(session, make_source(session), question)
        make_resolution(session, question, Outcome.yes)
    return database


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE claim SET probability = 0.1",
        "UPDATE claim SET quote = 'something else'",
        "UPDATE claim SET made_at = (SELECT deadline FROM question WHERE id = claim.question_id)",
        "UPDATE claim SET source_id = source_id + 1",
        "DELETE FROM claim",
        "UPDATE resolution SET outcome = 'no'",
        "UPDATE resolution SET note = 'edited'",
        "DELETE FROM resolution",
        "UPDATE ledger_entry SET actor = 'someone else'",
        "DELETE FROM ledger_entry",
    ],
)
def test_raw_sql_rewriting_the_record_is_refused(ledger: Database, statement: str) -> None:
    with pytest.raises(DatabaseError, match="append-only"), ledger.writing() as session:
        session.execute(text(statement))
    with ledger.reading() as session:
        claim = session.execute(text("SELECT probability, quote FROM claim")).one()
        resolution = session.execute(text("SELECT outcome, note FROM resolution")).one()
    assert tuple(claim) == (0.7, "It will happen.")
    assert tuple(resolution) == ("yes", None)


def test_retraction_columns_may_still_be_set(ledger: Database) -> None:
    with ledger.writing() as session:
        session.execute(
            text("UPDATE claim SET retraction_reason = 'wrong', retracted_at = recorded_at")
        )
    with ledger.reading() as session:
        assert session.execute(text("SELECT retraction_reason FROM claim")).scalar() == "wrong"


TRUNCATIONS = [
    "TRUNCATE claim CASCADE",
    "TRUNCATE resolution",
    "TRUNCATE ledger_entry",
    "TRUNCATE source CASCADE",
    "TRUNCATE question CASCADE",
    "TRUNCATE question_tag",
    "TRUNCATE signed_head",
    "TRUNCATE source, question, question_tag, claim, resolution, ledger_entry, signed_head CASCADE",
]


@pytest.mark.parametrize("statement", TRUNCATIONS)
def test_truncating_the_ledger_is_refused_on_postgresql(ledger: Database, statement: str) -> None:
    if ledger.dialect != "postgresql":
        pytest.skip("SQLite has no TRUNCATE; its DELETE meets the row triggers above")
    with pytest.raises(DatabaseError, match="cannot be truncated"), ledger.writing() as session:
        session.execute(text(statement))
    with ledger.reading() as session:
        counts = session.execute(
            text(
                "SELECT (SELECT count(*) FROM claim), (SELECT count(*) FROM resolution), "
                "(SELECT count(*) FROM ledger_entry), (SELECT count(*) FROM question_tag)"
            )
        ).one()
    assert tuple(counts) == (1, 1, 4, 1)
