"""Reads of one statement sharing a round trip on PostgreSQL (service/loop_postgres.py)."""

from __future__ import annotations

import asyncio
import time
from decimal import Decimal
from typing import Any

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from service.database import Database
from service.loop_postgres import ReadFlights
from tests.factories import claim_on_a_new_question
from tests.own_loop import run_on_own_loop

pytestmark = pytest.mark.parametrize("database_url", ["postgres"], indirect=True)

HELD, FREE = 71_001, 71_002
# The questions as the statement found them, after waiting for advisory lock $1 (the
# statement's snapshot is taken before it waits), and $2 to tell the reads apart.
COUNTED = (
    "SELECT count(*), $2::int FROM question, "
    "(SELECT pg_advisory_xact_lock_shared($1::bigint)) AS waited"
)
DIVIDED = "SELECT 10 / $1::int"
# Each run of it its own: the moment it ran.
STAMPED = "SELECT $1::int, clock_timestamp()"
# 1 and Decimal("1.0") are equal in Python; the server keeps the scale it is given.
AS_GIVEN = "SELECT $1::numeric::text"
# COUNTED with no arguments (the lock is HELD's), and the moment each run of it ended.
COUNTED_ALONE = (
    "SELECT count(*), max(clock_timestamp()) FROM question, "
    f"(SELECT pg_advisory_xact_lock_shared({HELD})) AS waited"
)


def _dsn(database: Database) -> str:
    return make_url(database.url).set(drivername="postgresql").render_as_string(False)


def _add_question(database: Database) -> None:
    with database.writing() as session:
        claim_on_a_new_question(session)


class Flights:
    """A ReadFlights on a pool of its own, with every statement its connections send."""

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self.sent: list[tuple[str, Any]] = []
        self.pool: asyncpg.Pool
        self.reads: ReadFlights

    async def __aenter__(self) -> Flights:
        async def logged(connection: asyncpg.Connection) -> None:
            connection.add_query_logger(
                lambda record: self.sent.append((record.query, record.args))
            )

        self.pool = await asyncpg.create_pool(self.dsn, min_size=1, max_size=4, init=logged)
        self.reads = ReadFlights(self.pool)
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.reads.close()

    def flights_of(self, sql: str) -> list[Any]:
        return [args for query, args in self.sent if query == sql]


async def _until_a_read_waits_for(holder: asyncpg.Connection, key: int) -> None:
    deadline = time.monotonic() + 10
    waiting = (
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = $1"
    )
    while not await holder.fetchval(waiting, key):
        if time.monotonic() > deadline:
            pytest.fail("the first read never reached the lock it was to wait for")
        await asyncio.sleep(0.01)  # polling another session's state, not a schedule


def test_reads_asked_while_a_flight_is_under_way_go_together_and_see_what_was_committed_before(
    database: Database,
) -> None:
    _add_question(database)

    async def scenario() -> tuple[list[Any], list[Any]]:
        holder = await asyncpg.connect(_dsn(database))
        try:
            await holder.execute(f"SELECT pg_advisory_lock({HELD})")
            async with Flights(_dsn(database)) as flights:
                first = asyncio.ensure_future(flights.reads.fetchrow(COUNTED, (HELD, 0)))
                await _until_a_read_waits_for(holder, HELD)
                # Committed after the first read began, before the others were asked.
                await asyncio.to_thread(_add_question, database)
                later = []
                for n in range(1, 6):  # asked one by one, each in a turn of the loop
                    later.append(asyncio.ensure_future(flights.reads.fetchrow(COUNTED, (FREE, n))))
                    await asyncio.sleep(0)
                await holder.execute(f"SELECT pg_advisory_unlock({HELD})")
                rows = await asyncio.gather(first, *later)
                return [tuple(row) for row in rows], flights.flights_of(COUNTED)
        finally:
            await holder.close()

    rows, flights = run_on_own_loop(scenario())

    assert rows[0] == (1, 0)
    assert rows[1:] == [(2, n) for n in range(1, 6)]  # each its own, all after the commit
    # Two round trips: the first read alone, then the five that waited for it, together.
    assert flights == [(HELD, 0), [(FREE, n) for n in range(1, 6)]]


def test_reads_of_a_statement_without_arguments_asked_meanwhile_share_one_run_begun_after_them(
    database: Database,
) -> None:
    _add_question(database)

    async def scenario() -> list[Any]:
        holder = await asyncpg.connect(_dsn(database))
        try:
            await holder.execute(f"SELECT pg_advisory_lock({HELD})")
            async with Flights(_dsn(database)) as flights:
                first = asyncio.ensure_future(flights.reads.fetchrow(COUNTED_ALONE, ()))
                await _until_a_read_waits_for(holder, HELD)
                await asyncio.to_thread(_add_question, database)
                later = []
                for _ in range(5):
                    later.append(asyncio.ensure_future(flights.reads.fetchrow(COUNTED_ALONE, ())))
                    await asyncio.sleep(0)
                await holder.execute(f"SELECT pg_advisory_unlock({HELD})")
                return list(await asyncio.gather(first, *later))
        finally:
            await holder.close()

    rows = run_on_own_loop(scenario())

    assert [count for count, _ in rows] == [1, 2, 2, 2, 2, 2]  # the five saw the commit
    # One run answered the five: the same row, to the microsecond.
    assert len({ended for _, ended in rows[1:]}) == 1
    assert rows[0][1] < rows[1][1]


def test_reads_asked_together_with_the_same_arguments_share_a_run_and_the_others_have_their_own(
    database: Database,
) -> None:
    async def scenario() -> list[Any]:
        async with Flights(_dsn(database)) as flights:
            # Asked in one turn of the loop: all five wait for the statement's first flight.
            stamped = [flights.reads.fetchrow(STAMPED, (n,)) for n in (1, 2, 1, 1, 2)]
            return list(await asyncio.gather(*stamped))

    rows = run_on_own_loop(scenario())

    assert [n for n, _ in rows] == [1, 2, 1, 1, 2]
    ones, twos = {ran for n, ran in rows if n == 1}, {ran for n, ran in rows if n == 2}
    assert len(ones) == 1 and len(twos) == 1 and ones != twos


def test_reads_whose_arguments_are_equal_in_python_but_not_alike_each_have_their_own_run(
    database: Database,
) -> None:
    async def scenario() -> list[Any]:
        async with Flights(_dsn(database)) as flights:
            given = [flights.reads.fetchrow(AS_GIVEN, (n,)) for n in (1, Decimal("1.0"), 1)]
            return [tuple(row) for row in await asyncio.gather(*given)]

    assert run_on_own_loop(scenario()) == [("1",), ("1.0",), ("1",)]


def test_a_read_the_server_refuses_fails_alone_and_the_others_of_its_flight_are_answered(
    database: Database,
) -> None:
    async def scenario() -> tuple[list[Any], list[Any]]:
        async with Flights(_dsn(database)) as flights:
            # Asked in one turn of the loop: all three wait for the statement's first flight.
            divisions = [flights.reads.fetchrow(DIVIDED, (n,)) for n in (5, 0, 2)]
            answers = await asyncio.gather(*divisions, return_exceptions=True)
            return answers, flights.flights_of(DIVIDED)

    (five, zero, two), flights = run_on_own_loop(scenario())

    assert tuple(five) == (2,) and tuple(two) == (5,)
    assert isinstance(zero, asyncpg.DivisionByZeroError)
    # Refused together (one Sync for the flight), then each asked again alone.
    assert flights == [[(5,), (0,), (2,)], (5,), (0,), (2,)]
