"""PostgreSQL on the event loop: routes' reads and prepared writes through psycopg's async driver.

Routes' read models and the most frequent write are plain functions of a Cursor
(forecasts/prepared.py). On PostgreSQL they run here in a greenlet (SQLAlchemy's
greenlet_spawn, as its own asyncio extension runs sync code on async drivers), on a
connection of a psycopg_pool.AsyncConnectionPool of SOOTH_DATABASE_POOL_SIZE connections,
in pipeline mode: a statement whose rows are not read yet does not wait for them, so

- a read of one statement (an API key) is one round trip, outside any transaction;
- a read in a snapshot sends its BEGIN with the statements given together
  (Cursor.rows_together): a question with its claims and verdicts is two round trips,
  the reads and the ROLLBACK;
- a write sends the chain's lock, the ledger entry and the COMMIT in one flight
  (forecasts/chain.py), so the lock is held for the server's work alone, never for a
  round trip or for a turn of the event loop.

Why psycopg rather than asyncpg: tests/bench/async_drivers.py serves the same reads through
both in one run (asyncpg through SQLAlchemy's async engine, in the same greenlet, with a
pool of the same size). On 2 cores shared with other work, 16 connections, as shares of
the bare endpoint, a read of one row by its key: psycopg 53%, asyncpg 49%; a question with
its claims and verdicts in a snapshot: psycopg 36%, asyncpg 20%. asyncpg has no pipeline
mode, so each statement and the BEGIN and ROLLBACK around them cost it a round trip, and
a write would hold the chain's lock for two round trips more; and psycopg is the driver
the rest of Sooth (ORM sessions, migrations, jobs) already runs on. The same script also
serves psycopg's blocking connections, pipelined alike, from the thread pool: on a busier
machine that variant came out ahead of both (48% and 31%, against 19% and 11% for
psycopg's async connections), so the choice is worth measuring again on quiet hardware.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from psycopg import AsyncConnection, AsyncCursor
from psycopg.conninfo import make_conninfo
from psycopg_pool import AsyncConnectionPool
from sqlalchemy import Dialect
from sqlalchemy.engine import make_url
from sqlalchemy.util import await_, greenlet_spawn

from forecasts.prepared import Cursor, Prepared, committed

T = TypeVar("T")

_SNAPSHOT = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"


class _AwaitedCursor:
    """The DBAPI cursor calls Cursor makes, on an async cursor, from inside a greenlet."""

    def __init__(self, cursor: AsyncCursor[Any]) -> None:
        self._cursor = cursor

    def execute(self, sql: str, params: Any = None) -> None:
        await_(self._cursor.execute(sql, params))

    def fetchall(self) -> list[Sequence[Any]]:
        rows: list[Sequence[Any]] = await_(self._cursor.fetchall())
        return rows

    @property
    def description(self) -> Any:
        return self._cursor.description


class _AwaitedConnection:
    """The commit and rollback of an async connection, from inside a greenlet."""

    def __init__(self, connection: AsyncConnection[Any]) -> None:
        self._connection = connection

    def commit(self) -> None:
        await_(self._connection.commit())

    def rollback(self) -> None:
        await_(self._connection.rollback())


class PipelinedCursor(Cursor):
    """A Cursor on a connection in pipeline mode: statements given together share a flight."""

    def __init__(self, connection: AsyncConnection[Any], dialect: Dialect) -> None:
        super().__init__(_AwaitedCursor(connection.cursor()), dialect)
        self._connection = connection

    def rows_together(
        self, *queries: tuple[Prepared, Mapping[str, Any]]
    ) -> list[list[Sequence[Any]]]:
        """The rows of each statement, in order, all sent before the first is read."""
        cursors = [_AwaitedCursor(self._connection.cursor()) for _ in queries]
        for (prepared, params), cursor in zip(queries, cursors, strict=True):
            self.send(prepared, params, cursor)
        return [
            self.fetched(prepared, cursor)
            for (prepared, _), cursor in zip(queries, cursors, strict=True)
        ]


class LoopPostgres:
    """A pool of async connections per event loop, and the reads and writes run on it."""

    def __init__(self, *, url: str, dialect: Dialect, pool_size: int) -> None:
        parsed = make_url(url)
        self._conninfo = make_conninfo(
            "",
            host=parsed.host,
            port=parsed.port,
            user=parsed.username,
            password=parsed.password,
            dbname=parsed.database,
            **{key: str(value) for key, value in parsed.query.items()},
        )
        self._dialect = dialect
        self._pool_size = pool_size
        self._pool: AsyncConnectionPool[AsyncConnection[Any]] | None = None
        self._pool_loop: asyncio.AbstractEventLoop | None = None

    async def _opened(self) -> AsyncConnectionPool[AsyncConnection[Any]]:
        """The pool of the running loop: a pool's connections belong to the loop it opened on."""
        pool, loop = self._pool, asyncio.get_running_loop()
        if pool is None or self._pool_loop is not loop:
            pool = AsyncConnectionPool(
                self._conninfo, min_size=1, max_size=self._pool_size, open=False
            )
            await pool.open()
            self._pool, self._pool_loop = pool, loop
        return pool

    async def read(self, read: Callable[[Cursor], T]) -> T:
        """A read model, in a read-only snapshot of one committed state."""
        pool = await self._opened()
        async with pool.connection() as connection:
            await connection.set_autocommit(True)
            async with connection.pipeline():
                await connection.execute(_SNAPSHOT)
                try:
                    return await greenlet_spawn(read, PipelinedCursor(connection, self._dialect))
                finally:
                    await connection.execute("ROLLBACK")

    async def read_statement(self, read: Callable[[Cursor], T]) -> T:
        """A read of one statement, which sees one state by itself: outside a transaction."""
        pool = await self._opened()
        async with pool.connection() as connection:
            await connection.set_autocommit(True)
            async with connection.pipeline():
                return await greenlet_spawn(read, PipelinedCursor(connection, self._dialect))

    async def write(self, write: Callable[[Cursor], T]) -> T:
        """Run a unit of work and commit it once; on any error, roll all of it back."""
        pool = await self._opened()
        async with pool.connection() as connection:
            await connection.set_autocommit(False)
            async with connection.pipeline():
                return await greenlet_spawn(
                    committed,
                    _AwaitedConnection(connection),
                    PipelinedCursor(connection, self._dialect),
                    write,
                )

    async def close(self) -> None:
        """Close the pool of the running loop, if it has one."""
        pool, self._pool = self._pool, None
        if pool is not None and self._pool_loop is asyncio.get_running_loop():
            await pool.close()

    def dispose(self) -> None:
        """Forget the pool; a pool of a loop that has ended closes with its connections."""
        self._pool = None
