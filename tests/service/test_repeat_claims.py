"""The same claim recorded at once by several writers lands once; the others are repeats."""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.dialects import postgresql

from forecasts.claims import claim_on_question_locks, record_claim, record_claim_on_question
from forecasts.domain import RepeatError
from forecasts.models import Claim
from forecasts.prepared import Cursor, Prepared
from forecasts.schemas import ClaimCreate, Quantity, QuestionCreate
from service.database import Database
from tests.factories import claim_on_a_new_question
from tests.own_loop import run_on_own_loop

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


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_a_claim_whose_lock_is_taken_ahead_waits_and_then_finds_it(database: Database) -> None:
    # The route's way: the claim's lock goes with its transaction's BEGIN, and the insert
    # that checks for a repeat comes after the wait.
    data = _claim(database)

    async def on_the_loop() -> str | RepeatError:
        try:
            await database.write(
                lambda cursor: record_claim_on_question(cursor, data=data, actor="t", now=NOW),
                lambda dialect: claim_on_question_locks(dialect, data),
            )
        except RepeatError as repeat:
            return repeat
        finally:
            await database.close_loop_pool()
        return "recorded"

    with ThreadPoolExecutor(max_workers=1) as pool:
        with database.writing() as first:
            record_claim(session=first, data=data, actor="test", now=NOW)
            second = pool.submit(run_on_own_loop, on_the_loop())
            _wait_for_a_writer_queued_behind_the_same_record(database)
        outcome = second.result(timeout=30)

    assert isinstance(outcome, RepeatError), outcome
    assert _claims(database) == 1


def test_the_locks_named_ahead_are_the_ones_a_claim_waits_for() -> None:
    waited: list[str] = []

    class Waits(Cursor):
        def wait_for(self, lock: str) -> None:
            waited.append(lock)

        def rows(self, prepared: Prepared, params: Mapping[str, Any]) -> list[Sequence[Any]]:
            raise _StoppedError

    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    for stated in (
        {"probability": 0.7},
        {"probability": None, "verbal_phrase": "likely"},
        {"probability": None, "quantity": Quantity(low=2.0, high=3.0)},
    ):
        data = ClaimCreate(
            source="a-source",
            question_id=7,
            quote="It will pass.",
            made_at=NOW,
            **stated,
        )
        waited.clear()
        with pytest.raises(_StoppedError):
            record_claim_on_question(Waits(None, dialect), data=data, actor="test", now=NOW)
        assert waited and waited == claim_on_question_locks(dialect, data), stated


class _StoppedError(Exception):
    """Stops a claim at its first statement."""
