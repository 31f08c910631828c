"""PostgreSQL's reads and prepared writes on the event loop (service/loop_postgres.py)."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from functools import partial
from typing import Any

import asyncpg
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.dialects.postgresql.asyncpg import PGDialect_asyncpg
from sqlalchemy.util import greenlet_spawn

from forecasts.claims import record_claim_on_question
from forecasts.domain import DomainError, RepeatError
from forecasts.models import Claim
from forecasts.prepared import Cursor, Prepared, committed
from forecasts.schemas import ClaimCreate
from service.database import Database
from service.loop_postgres import WriteCursor, _side_by_side, dsn
from service.verification import verify
from service.views import question_detail_data
from tests.factories import claim_on_a_new_question
from tests.own_loop import run_on_own_loop

pytestmark = pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
NOW = datetime(2026, 1, 2, tzinfo=UTC)


def _claim(database: Database) -> ClaimCreate:
    with database.writing() as session:
        return claim_on_a_new_question(session)


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


def test_every_pooled_connection_plans_once_for_data_in_memory(database: Database) -> None:
    settings = Prepared(
        select(
            func.current_setting("plan_cache_mode"),
            func.current_setting("random_page_cost"),
            func.current_setting("transaction_read_only"),
        )
    )

    async def read_and_write() -> tuple[list[Any], list[Any]]:
        try:
            read = await database.read(lambda cursor: cursor.rows(settings, {}))
            written = await database.write(lambda cursor: cursor.rows(settings, {}))
            return read, written
        finally:
            await database.close_loop_pool()

    read, written = run_on_own_loop(read_and_write())
    assert [tuple(row) for row in read] == [("force_generic_plan", "1.1", "on")]
    assert [tuple(row) for row in written] == [("force_generic_plan", "1.1", "off")]


def test_two_processes_writing_at_once_append_to_one_linear_chain(
    database: Database, database_url: str
) -> None:
    # Two instances of the service, each its own pools and event loop, as two workers
    # are: only the chain's lock keeps them from extending the same head.
    claim = _claim(database)
    other = Database(database_url)

    def record(number: int) -> Callable[[Cursor], int]:
        said = claim.model_copy(update={"quote": f"{claim.quote} ({number})"})
        return lambda cursor: record_claim_on_question(cursor, data=said, actor="test", now=NOW).id

    async def write_many(instance: Database, numbers: range) -> list[int]:
        try:
            # In waves, so that each instance writes many batches while the other does.
            ids: list[int] = []
            for wave in range(numbers.start, numbers.stop, 10):
                writes = (instance.write(record(n)) for n in range(wave, wave + 10))
                ids += await asyncio.gather(*writes)
            return ids
        finally:
            await instance.close_loop_pool()

    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            first = pool.submit(run_on_own_loop, write_many(database, range(0, 100)))
            second = pool.submit(run_on_own_loop, write_many(other, range(100, 200)))
            ids = first.result() + second.result()
    finally:
        other.dispose()
    assert len(set(ids)) == 200
    assert _claims(database) == 200
    with database.reading() as session:
        forks = session.execute(
            text("SELECT count(*) - count(DISTINCT prev_hash) FROM ledger_entry")
        ).scalar_one()
    assert forks == 0
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


def test_writes_one_after_another_each_find_a_writer(database: Database) -> None:
    record = _numbered(_claim(database))

    async def one_after_another() -> list[int]:
        try:
            # Each asked as soon as the one before is answered: while the writer that
            # answered it is still finishing. (Not wait_for: its task would let it finish.)
            async with asyncio.timeout(10):
                return [await database.write(record(n)) for n in range(5)]
        finally:
            await database.close_loop_pool()

    assert len(set(run_on_own_loop(one_after_another()))) == 5
    assert _claims(database) == 5


def _numbered(claim: ClaimCreate) -> Callable[[int], Callable[[Cursor], int]]:
    def record(number: int) -> Callable[[Cursor], int]:
        said = claim.model_copy(update={"quote": f"{claim.quote} ({number})"})
        return lambda cursor: record_claim_on_question(cursor, data=said, actor="test", now=NOW).id

    return record


def _written_together(database: Database, units: list[Callable[[Cursor], Any]]) -> list[object]:
    async def write_all() -> list[object]:
        try:
            outcomes: list[object] = await asyncio.gather(
                *(database.write(unit) for unit in units), return_exceptions=True
            )
            return outcomes
        finally:
            await database.close_loop_pool()

    return run_on_own_loop(write_all())


def _claim_transactions(database: Database) -> int:
    with database.reading() as session:
        # xmin: the transaction that inserted the row, the batch's own.
        return int(
            session.execute(
                text("SELECT count(DISTINCT xmin::text) FROM ledger_entry WHERE action = :a"),
                {"a": "claim.recorded"},
            ).scalar_one()
        )


def test_writes_arriving_together_share_a_commit_and_a_refused_one_takes_no_other(
    database: Database,
) -> None:
    record = _numbered(_claim(database))

    def refused_after_its_entry(cursor: Cursor) -> None:
        record(100)(cursor)
        raise DomainError("quote", "refused after its ledger entry was made")

    units: list[Callable[[Cursor], Any]] = [record(n) for n in range(30)]
    units[7] = refused_after_its_entry
    outcomes = _written_together(database, units)

    assert isinstance(outcomes[7], DomainError)
    recorded = [outcome for n, outcome in enumerate(outcomes) if n != 7]
    assert all(isinstance(o, int) for o in recorded) and len(set(recorded)) == 29
    assert _claims(database) == 29
    assert _claim_transactions(database) < 29  # those that arrived together, committed together
    assert verify(database).ok


def test_a_statement_the_server_refuses_in_a_batch_fails_its_unit_alone(
    database: Database,
) -> None:
    record = _numbered(_claim(database))

    def refused_by_the_server(cursor: Cursor) -> None:
        record(200)(cursor)
        cursor.execute("SELECT 1 / 0")

    units: list[Callable[[Cursor], Any]] = [record(n) for n in range(12)]
    units[5] = refused_by_the_server
    outcomes = _written_together(database, units)

    assert "division by zero" in str(outcomes[5])
    assert all(isinstance(o, int) for n, o in enumerate(outcomes) if n != 5)
    assert _claims(database) == 11
    with database.reading() as session:
        entries = session.execute(text("SELECT count(*) FROM ledger_entry")).scalar_one()
    assert entries == 2 + 11  # the source and the question, then one per claim
    assert verify(database).ok


def test_a_unit_refused_before_it_writes_leaves_the_others_written_once_and_together(
    database: Database,
) -> None:
    claim = _claim(database)
    record = _numbered(claim)
    runs: Counter[int] = Counter()

    def counted(number: int) -> Callable[[Cursor], int]:
        def unit(cursor: Cursor) -> int:
            runs[number] += 1
            return record(number)(cursor)

        return unit

    def on_no_question(cursor: Cursor) -> None:
        nowhere = claim.model_copy(update={"question_id": 999_999})
        record_claim_on_question(cursor, data=nowhere, actor="test", now=NOW)

    units: list[Callable[[Cursor], Any]] = [counted(n) for n in range(20)]
    units[3] = on_no_question
    units[12] = record(0)  # a repeat, of a claim recorded before it or in its own batch
    outcomes = _written_together(database, units)

    assert isinstance(outcomes[3], DomainError) and "no question" in str(outcomes[3])
    assert isinstance(outcomes[12], RepeatError)
    assert runs == Counter({n: 1 for n in range(20) if n not in (3, 12)})  # none written again
    assert _claims(database) == 18
    assert _claim_transactions(database) < 18
    assert verify(database).ok


class _Recording:
    """A real asyncpg connection that notes which of its calls each statement went by."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection
        self.calls: list[tuple[str, int]] = []  # (method, statements sent)

    async def fetch(self, sql: str, *args: Any) -> Any:
        self.calls.append(("fetch", 1))
        return await self._connection.fetch(sql, *args)

    async def fetchmany(self, sql: str, args: list[Any]) -> Any:
        self.calls.append(("fetchmany", len(args)))
        return await self._connection.fetchmany(sql, args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._connection, name)


def test_the_inserts_of_a_batch_go_to_the_server_in_one_flight_in_the_order_given(
    database: Database,
) -> None:
    claim = _claim(database)
    record = _numbered(claim)
    units: list[Callable[[Cursor], Any]] = [record(n) for n in range(6)]
    units.append(record(2))  # a repeat of one in the same flight: the later one is refused

    async def batch() -> tuple[list[tuple[Any, Exception | None]], list[tuple[str, int]]]:
        connection = await asyncpg.connect(dsn(database.url))
        try:
            recording = _Recording(connection)
            cursor = WriteCursor(recording, PGDialect_asyncpg())  # type: ignore[no-untyped-call]
            outcomes = await greenlet_spawn(
                committed, cursor, cursor, partial(_side_by_side, units)
            )
            return outcomes, recording.calls
        finally:
            await connection.close()

    outcomes, calls = run_on_own_loop(batch())

    ids = [result for result, error in outcomes[:6]]
    assert all(error is None for _, error in outcomes[:6]) and ids == sorted(set(ids))
    assert isinstance(outcomes[6][1], RepeatError)
    # Six claims and the repeat in one flight; the repeat then looks (fetch) at what it
    # found, to say why it was refused.
    assert calls[0] == ("fetchmany", 7)
    assert ("fetchmany", 7) not in calls[1:]
    assert _claims(database) == 6
    assert verify(database).ok
