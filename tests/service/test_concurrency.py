"""Concurrent writers on one database: nothing lost, nothing refused as busy."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise

from sqlalchemy import func
from sqlmodel import col, select

from forecasts.domain import DomainError, Outcome
from forecasts.models import LedgerEntry, Resolution
from forecasts.schemas import ResolutionCreate
from resolvers.resolutions import resolve_question
from service.database import Database
from tests.factories import T0, make_claim, make_question, make_source


def test_parallel_claims_all_land_and_the_chain_stays_linear(database: Database) -> None:
    with database.writing() as session:
        source = make_source(session)
        question = make_question(session)

    def record(index: int) -> None:
        with database.writing() as session:
            make_claim(session, source, question, probability=index / 100)

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(record, range(40)))
    with database.reading() as session:
        entries = session.exec(select(LedgerEntry).order_by(col(LedgerEntry.id))).all()
    claims = [e for e in entries if e.entity == "claim"]
    assert len(claims) == 40
    assert all(b.prev_hash == a.hash for a, b in pairwise(entries))


def test_concurrent_first_resolutions_never_both_become_first(database: Database) -> None:
    with database.writing() as session:
        question = make_question(session)
        question_id = question.id
        deadline = question.deadline
    assert question_id is not None

    def resolve(outcome: Outcome) -> str | DomainError:
        try:
            with database.writing() as session:
                resolve_question(
                    session=session,
                    question_id=question_id,
                    data=ResolutionCreate(outcome=outcome),
                    actor="t",
                    now=deadline + (deadline - T0),
                )
            return "ok"
        except DomainError as error:  # the loser must be refused, not silently appended
            return error

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(resolve, [Outcome.yes, Outcome.no] * 3))
    assert results.count("ok") == 1, results
    # Each loser waited for the winner and was told why, by field: not a database error.
    with database.reading() as session:
        winner = session.exec(select(Resolution)).one()
    refusals = [r for r in results if r != "ok"]
    assert [type(r) for r in refusals] == [DomainError] * 5
    assert {r.field for r in refusals if isinstance(r, DomainError)} == {"reason"}
    assert {r.message for r in refusals if isinstance(r, DomainError)} == {
        f"question {question_id} is already resolved ({winner.outcome.value}); "
        "say why this resolution supersedes it"
    }
    with database.reading() as session:
        assert session.exec(select(func.count()).select_from(Resolution)).one() == 1
