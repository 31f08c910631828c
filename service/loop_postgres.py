"""PostgreSQL in pipeline mode: a statement whose rows are not read yet does not wait for them.

Routes' read models and the most frequent write are plain functions of a Cursor
(forecasts/prepared.py). On PostgreSQL they run on connections in pipeline mode, so

- a read of one statement (an API key) is one round trip, outside any transaction;
- a read in a snapshot sends its BEGIN with the statements given together
  (Cursor.rows_together): a question with its claims and verdicts is two round trips,
  the reads and the ROLLBACK;
- a write sends the chain's lock, the ledger entry and the COMMIT in one flight
  (forecasts/chain.py), so the lock is held for the server's work alone, never for a
  round trip or for a turn of the event loop.

Writes run on the event loop, in a greenlet (SQLAlchemy's greenlet_spawn, as its own
asyncio extension runs sync code on async drivers), on a psycopg_pool.AsyncConnectionPool
of SOOTH_DATABASE_POOL_SIZE connections. Reads run on psycopg's blocking connections,
as many, in the thread pool.

Why so: tests/bench/async_drivers.py serves the same two reads, a row by its key and a
question in a snapshot, three ways side by side in one run. psycopg's async connections
beat asyncpg (through SQLAlchemy's async engine, in the same greenlet, with a pool of the
same size): 53% and 36% of the bare endpoint against 49% and 20% in one run, 2 cores
shared with other work. asyncpg has no pipeline mode, so each statement and the BEGIN
and ROLLBACK around them cost it a round trip, and a write would hold the chain's lock
for two round trips more. But psycopg's blocking connections, pipelined alike, in the
thread pool, beat both in a later run (48% and 31%, against 19% and 11% for its async
connections and 42% and 20% for asyncpg), and in the same process, alternating, they
read a question twice as fast as the async ones (about 800 against 350 a second at 16 at
once): each wait of an async connection goes through the event loop's reader callbacks,
where a blocking one waits in C with the GIL released. So reads take the thread pool;
writes, whose lock wants its flight kept short, stay on the loop, where `sooth serve`
with one worker went from 15% to 22% of the bare endpoint on POST /api/v1/claims.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from anyio import to_thread
from psycopg import AsyncConnection, AsyncCursor
from psycopg.conninfo import make_conninfo
from psycopg.pq import TransactionStatus
from psycopg_pool import AsyncConnectionPool
from pydantic_core import to_json
from sqlalchemy import Dialect, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.util import await_, greenlet_spawn

from forecasts.prepared import Cursor, Prepared, committed

T = TypeVar("T")

_SNAPSHOT = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"


def conninfo(url: str) -> str:
    """The libpq connection string of a SQLAlchemy URL."""
    parsed = make_url(url)
    return make_conninfo(
        "",
        host=parsed.host,
        port=parsed.port,
        user=parsed.username,
        password=parsed.password,
        dbname=parsed.database,
        **{key: str(value) for key, value in parsed.query.items()},
    )


class AwaitedCursor:
    """The DBAPI cursor calls Cursor makes, on an async cursor, from inside a greenlet."""

    def __init__(self, cursor: AsyncCursor[Any]) -> None:
        self._cursor = cursor

    def execute(self, sql: str, params: Any = None) -> None:
        """Send the statement; in pipeline mode, without waiting for its result."""
        await_(self._cursor.execute(sql, params))

    def fetchall(self) -> list[Sequence[Any]]:
        """The statement's rows, once they arrive."""
        rows: list[Sequence[Any]] = await_(self._cursor.fetchall())
        return rows

    @property
    def description(self) -> Any:
        """The columns of the statement's result."""
        return self._cursor.description


class _AwaitedConnection:
    """The commit and rollback of an async connection, from inside a greenlet."""

    def __init__(self, connection: AsyncConnection[Any]) -> None:
        self._connection = connection

    def commit(self) -> None:
        """Commit; in pipeline mode, sent with whatever is queued before it."""
        await_(self._connection.commit())

    def rollback(self) -> None:
        """Roll back the transaction."""
        await_(self._connection.rollback())


class PipelinedCursor(Cursor):
    """A Cursor on a connection in pipeline mode: statements given together share a flight."""

    def __init__(self, new_cursor: Callable[[], Any], dialect: Dialect) -> None:
        super().__init__(new_cursor(), dialect)
        self._new_cursor = new_cursor

    def rows_together(
        self, *queries: tuple[Prepared, Mapping[str, Any]]
    ) -> list[list[Sequence[Any]]]:
        """The rows of each statement, in order, all sent before the first is read."""
        cursors = [self._new_cursor() for _ in queries]
        for (prepared, params), cursor in zip(queries, cursors, strict=True):
            self.send(prepared, params, cursor)
        return [
            self.fetched(prepared, cursor)
            for (prepared, _), cursor in zip(queries, cursors, strict=True)
        ]


class LoopPostgres:
    """Writes on a pool of async connections per event loop; reads on blocking ones."""

    def __init__(self, *, url: str, dialect: Dialect, pool_size: int) -> None:
        self._conninfo = conninfo(url)
        self._dialect = dialect
        self._pool_size = pool_size
        self._pool: AsyncConnectionPool[AsyncConnection[Any]] | None = None
        self._pool_loop: asyncio.AbstractEventLoop | None = None
        self._reads = create_engine(url, pool_size=pool_size, max_overflow=0)

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
        return await to_thread.run_sync(self._read, read, True)

    async def read_json(self, read: Callable[[Cursor], object]) -> bytes:
        """The JSON of a read model read in a snapshot, written in the same thread."""
        return await to_thread.run_sync(lambda: to_json(self._read(read, True)))

    async def read_statement(self, read: Callable[[Cursor], T]) -> T:
        """A read of one statement, which sees one state by itself: outside a transaction."""
        return await to_thread.run_sync(self._read, read, False)

    def _read(self, read: Callable[[Cursor], T], snapshot: bool) -> T:
        connection = self._reads.raw_connection()
        driver: Any = connection.dbapi_connection
        try:
            driver.autocommit = True
            with driver.pipeline():
                if snapshot:
                    driver.execute(_SNAPSHOT)
                try:
                    return read(PipelinedCursor(driver.cursor, self._dialect))
                finally:
                    if snapshot:
                        driver.execute("ROLLBACK")
        finally:
            if driver.info.transaction_status != TransactionStatus.IDLE:
                driver.rollback()
            driver.autocommit = False
            connection.close()

    async def write(self, write: Callable[[Cursor], T]) -> T:
        """Run a unit of work and commit it once; on any error, roll all of it back."""
        pool = await self._opened()
        async with pool.connection() as connection:
            await connection.set_autocommit(False)
            async with connection.pipeline():
                return await greenlet_spawn(
                    committed,
                    _AwaitedConnection(connection),
                    PipelinedCursor(lambda: AwaitedCursor(connection.cursor()), self._dialect),
                    write,
                )

    async def close(self) -> None:
        """Close the pool of the running loop, if it has one."""
        pool, self._pool = self._pool, None
        if pool is not None and self._pool_loop is asyncio.get_running_loop():
            await pool.close()

    def dispose(self) -> None:
        """Close the reading connections; forget the writing pool, which closes with its
        connections once its loop has ended."""
        self._pool = None
        self._reads.dispose()
