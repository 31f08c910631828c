"""PostgreSQL's reads and prepared writes on the event loop (service/loop_postgres.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, text

from forecasts.claims import record_claim_on_question
from forecasts.domain import DomainError
from forecasts.models import Claim
from forecasts.prepared import Cursor
from forecasts.schemas import ClaimCreate
from service.database import Database
from service.verification import verify
from service.views import question_detail_data
from tests.factories import make_question, make_source
from tests.own_loop import run_on_own_loop

pytestmark = pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
NOW = datetime(2026, 1, 2, tzinfo=UTC)


def _claim(database: Database) -> ClaimCreate:
    with database.writing() as session:
        source, question = make_source(session), make_question(session)
    return ClaimCreate(
        source=source.slug,
        question_id=question.id,
        probability=0.5,
        quote="Even odds.",
        made_at=datetime(2026, 1, 1, tzinfo=UTC),
    )


def _claims(database: Database) -> int:
    with database.reading() as session:
        return int(session.execute(select(func.count()).select_from(Claim)).scalar_one())


def test_concurrent_writes_on_the_loop_all_land_on_one_linear_chain(database: Database) -> None:
    claim = _claim(database)

    def record(number: int) -> Callable[[Cursor], int]:
        # Each its own quote: the same claim twice is refused as a repeat.
        said = claim.model_copy(update={"quote": f"{claim.quote} ({number})"})
        return lambda cursor: record_claim_on_question(cursor, data=said, actor="test", now=NOW).id

    async def write_many() -> list[int]:
        try:
            return list(await asyncio.gather(*(database.write(record(n)) for n in range(40))))
        finally:
            await database.close_loop_pool()

    ids = run_on_own_loop(write_many())
    assert len(set(ids)) == 40
    assert _claims(database) == 40
    result = verify(database)
    assert result.ok, result


def test_a_write_failing_after_its_ledger_entry_leaves_nothing_and_the_pool_goes_on(
    database: Database,
) -> None:
    claim = _claim(database)

    def record_then_refuse(cursor: Cursor) -> None:
        record_claim_on_question(cursor, data=claim, actor="test", now=NOW)
        raise DomainError("quote", "refused after the ledger entry was sent")

    def broken_statement(cursor: Cursor) -> None:
        record_claim_on_question(cursor, data=claim, actor="test", now=NOW)
        cursor.execute("SELECT 1 / 0")  # fails on the server, in the same flight as COMMIT

    async def attempts() -> dict[str, object]:
        try:
            with pytest.raises(DomainError):
                await database.write(record_then_refuse)
            with pytest.raises(Exception, match="division by zero"):
                await database.write(broken_statement)
            question = await database.read(
                lambda cursor: question_detail_data(cursor, claim.question_id or 0)
            )
            return question
        finally:
            await database.close_loop_pool()

    question = run_on_own_loop(attempts())
    assert question["claims"] == []
    assert _claims(database) == 0
    with database.reading() as session:
        assert session.execute(text("SELECT count(*) FROM ledger_entry")).scalar_one() == 2
    assert verify(database).ok
