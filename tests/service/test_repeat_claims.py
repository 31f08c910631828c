"""The same claim recorded at once by several writers lands once; the others are repeats."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, text

from forecasts.claims import record_claim
from forecasts.domain import RepeatError
from forecasts.models import Claim
from forecasts.schemas import ClaimCreate, QuestionCreate
from service.database import Database
from tests.factories import claim_on_a_new_question

NOW = datetime(2026, 1, 2, tzinfo=UTC)
WRITERS = 8


def _claim(database: Database) -> ClaimCreate:
    with database.writing() as session:
        return claim_on_a_new_question(session, quote="Not before the spring.")


def _recorded(database: Database, data: ClaimCreate) -> str | RepeatError:
    try:
        with database.writing() as session:
            record_claim(session=session, data=data, actor="test", now=NOW)
    except RepeatError as repeat:
        return repeat
    return "recorded"


def _claims(database: Database) -> int:
    with database.reading() as session:
        return int(session.execute(select(func.count()).select_from(Claim)).scalar_one())


@pytest.mark.parametrize("own_question", [False, True], ids=["on-a-question", "own-question"])
def test_the_same_claim_from_many_writers_at_once_lands_once(
    database: Database, own_question: bool
) -> None:
    data = _claim(database)
    if own_question:
        question = QuestionCreate(
            title="Will the ferry run by March?",
            resolution_criteria="Yes if a timetabled crossing sails before March 1.",
            deadline=datetime(2026, 3, 1, tzinfo=UTC),
            tags=["transport"],
        )
        data = data.model_copy(update={"question_id": None, "question": question})
    start = threading.Barrier(WRITERS)

    def record(_: int) -> str | RepeatError:
        start.wait()
        return _recorded(database, data)

    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        outcomes = list(pool.map(record, range(WRITERS)))

    assert outcomes.count("recorded") == 1, outcomes
    repeats = [outcome for outcome in outcomes if outcome != "recorded"]
    assert all(isinstance(r, RepeatError) and "repeats claim" in str(r) for r in repeats)
    assert _claims(database) == 1


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_a_writer_of_a_claim_being_recorded_waits_and_then_finds_it(database: Database) -> None:
    # Under READ COMMITTED the second writer's repeat check cannot see the first's row
    # until it commits: it must wait for it rather than record the claim again.
    data = _claim(database)
    with ThreadPoolExecutor(max_workers=1) as pool:
        with database.writing() as first:
            record_claim(session=first, data=data, actor="test", now=NOW)
            second = pool.submit(_recorded, database, data)
            _wait_for_a_writer_queued_behind_the_same_record(database)
        outcome = second.result(timeout=30)

    assert isinstance(outcome, RepeatError), outcome
    assert _claims(database) == 1


def _wait_for_a_writer_queued_behind_the_same_record(database: Database) -> None:
    """Until a transaction waits for a same-record lock (forecasts/dialects.py); a failure
    if none does within ten seconds.
    """
    waiting = text(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
        "AND classid = 1 AND objsubid = 2"
    )
    deadline = time.monotonic() + 10
    with database.engine.connect() as connection:
        while not connection.execute(waiting).scalar_one():
            if time.monotonic() > deadline:
                pytest.fail("the second writer of the same claim did not wait for the first")
            connection.rollback()
            time.sleep(0.01)  # polling another transaction's state, not a schedule
