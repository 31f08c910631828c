"""PostgreSQL on the event loop: reads through asyncpg, one statement each; writes pipelined.

Reads. Every read model of a route is one statement on PostgreSQL. A single statement
sees one committed state by itself, so a read needs no transaction: no BEGIN, no ROLLBACK,
one round trip. A read model that asks for several statements at once
(Cursor.rows_together: a question, its tags, claims and verdicts) gets them as one
statement, and one that asks for one gets it the same way: each statement's rows as an
array of anonymous records in the one row the statement returns
(`SELECT ARRAY(SELECT row(...) ...), ARRAY(...)`), which asyncpg decodes into tuples of
the columns' own types. Reads run on asyncpg's pool on the event loop, with its statement
cache, so the server plans each statement once per connection; asking for a second
statement in one read is an error, as it would see another state. Reads of one statement
asked while one of them is under way go together in the next round trip (ReadFlights).

Writes send the chain's lock, the ledger entry and the COMMIT in one flight
(forecasts/chain.py), in psycopg's pipeline mode, so the lock is held for the server's
work alone, never for a round trip or for a turn of the event loop. They run in a
greenlet (SQLAlchemy's greenlet_spawn, as its own asyncio extension runs sync code on async
drivers), on a psycopg_pool.AsyncConnectionPool. asyncpg has no pipeline mode: each of a
write's statements would cost it a round trip with the lock held.

Both pools hold SOOTH_DATABASE_POOL_SIZE connections per process and belong to the event
loop they opened on.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Hashable, Mapping, Sequence
from contextlib import asynccontextmanager
from functools import partial
from typing import Any, TypeVar

import asyncpg
import psycopg
from psycopg import AsyncConnection, AsyncCursor
from psycopg.conninfo import make_conninfo
from psycopg_pool import AsyncConnectionPool
from pydantic_core import to_json
from sqlalchemy import Dialect, Select, Text, bindparam, case, cast, func, null, select
from sqlalchemy.dialects.postgresql.asyncpg import PGDialect_asyncpg
from sqlalchemy.engine import make_url
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import NullType
from sqlalchemy.util import await_, greenlet_spawn

from forecasts.prepared import Cursor, Prepared, committed, processed
from service.read_cache import ReadCache

T = TypeVar("T")


def conninfo(url: str) -> str:
    """The libpq connection string of a SQLAlchemy URL."""
    parsed = make_url(url)
    # The query may name the host as well: "?host=/var/run/postgresql" is how a URL gives
    # a Unix socket's directory, and it wins over the (then empty) host part.
    return make_conninfo(
        "",
        **{
            "host": parsed.host,
            "port": parsed.port,
            "user": parsed.username,
            "password": parsed.password,
            "dbname": parsed.database,
            **{key: str(value) for key, value in parsed.query.items()},
        },
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


class BatchCursor(PipelinedCursor):
    """A PipelinedCursor for several units of work in one transaction: the chain's appends
    wait, and go out together, under the lock once, just before the COMMIT. It counts the
    statements that may have written, so that a unit that fails is known to have changed
    nothing.
    """

    def __init__(self, new_cursor: Callable[[], Any], dialect: Dialect) -> None:
        super().__init__(new_cursor, dialect)
        self._appends: list[tuple[str, Prepared, Mapping[str, Any]]] = []
        self.writes = 0

    def execute(self, sql: str) -> None:
        """Run a statement given as text, counted as a write: nothing says it only reads."""
        self.writes += 1
        super().execute(sql)

    def send(self, prepared: Prepared, params: Mapping[str, Any], cursor: Any = None) -> None:
        """Send the statement, counting it when it is not a SELECT."""
        if not isinstance(prepared.statement, Select):
            self.writes += 1
        super().send(prepared, params, cursor)

    def fetched(self, prepared: Prepared, cursor: Any) -> list[Sequence[Any]]:
        """The rows, uncounting an INSERT ... RETURNING that returned none: it wrote none."""
        rows = super().fetched(prepared, cursor)
        if not rows and not isinstance(prepared.statement, Select):
            self.writes -= 1
        return rows

    def wait_for(self, lock: str) -> None:
        """Take the lock, uncounted: it writes nothing."""
        super().execute(lock)

    def send_locked(self, lock: str, prepared: Prepared, params: Mapping[str, Any]) -> None:
        """Keep the append until send_appends."""
        self._appends.append((lock, prepared, params))

    def appended(self) -> int:
        """How many appends are waiting: a mark to drop back to."""
        return len(self._appends)

    def drop_appends(self, mark: int) -> None:
        """Forget the appends kept since `mark`: their unit of work was rolled back."""
        del self._appends[mark:]

    def send_appends(self) -> None:
        """Take the lock once and send every waiting append, in the order they were made."""
        locks = {lock for lock, _, _ in self._appends}
        for lock in sorted(locks):
            super().execute(lock)
        for _, prepared, params in self._appends:
            super().send(prepared, params)
        self._appends.clear()


class _RowsOf(ColumnElement[Any]):
    """A SELECT's rows as one value: an array of anonymous records, in the SELECT's order."""

    inherit_cache = False  # compiled once, into a Prepared
    type = NullType()

    def __init__(self, statement: Select[Any]) -> None:
        self.statement = statement.with_only_columns(
            func.row(*statement.selected_columns), maintain_column_froms=True
        )


@compiles(_RowsOf)
def _rows_of(element: _RowsOf, compiler: SQLCompiler, **kw: Any) -> str:
    # ORDER BY sits in the subquery ARRAY() collects from, so the array keeps its order.
    return f"ARRAY({compiler.process(element.statement.scalar_subquery(), **kw)})"


_SNAPSHOT: Any = cast(func.pg_current_snapshot(), Text)
_KEPT_AT: Any = bindparam("kept_at", type_=Text)
_combined: dict[tuple[tuple[Prepared, ...], bool], Prepared] = {}


def combined(statements: tuple[Prepared, ...], *, versioned: bool = False) -> Prepared:
    """One statement whose columns are the rows of each of `statements`, built once.

    Versioned, its first column is the snapshot it read, and the others are NULL, read not
    at all, when that snapshot is the one given as `kept_at`.
    """
    found = _combined.get((statements, versioned))
    if found is None:
        columns: list[Any] = [_SNAPSHOT.label("version")] if versioned else []
        for number, prepared in enumerate(statements):
            if not isinstance(prepared.statement, Select):
                raise TypeError("only SELECTs are read together")
            rows: Any = _RowsOf(prepared.statement)
            if versioned:
                rows = case((_SNAPSHOT == _KEPT_AT, null()), else_=rows)
            columns.append(rows.label(f"rows_{number}"))
        found = _combined[statements, versioned] = Prepared(select(*columns))
    return found


class _UnchangedError(Exception):
    """The database is as it was when the kept body was read."""


class OneStatementCursor(Cursor):
    """A Cursor on asyncpg's pool (ReadFlights), used from inside a greenlet, for a read
    that is one statement: rows, or rows_together, each read as arrays of records in one
    row. A second statement would see another state.

    Given `kept_at`, the snapshot a kept body was read at, the statement reads nothing
    when its own snapshot is the same, and the read ends with _UnchangedError; otherwise
    `version` is the snapshot it read.
    """

    def __init__(self, reads: ReadFlights, dialect: Dialect, *, kept_at: str | None = None) -> None:
        super().__init__(None, dialect)
        self._reads = reads
        self._kept_at = kept_at
        self._sent = False
        self.version: str | None = None

    def execute(self, sql: str) -> None:
        raise TypeError("a read runs prepared statements only")

    def rows(self, prepared: Prepared, params: Mapping[str, Any]) -> list[Sequence[Any]]:
        """Every row of the statement, processed."""
        # As an array in one row, like several statements: a read of one row can share a
        # round trip with others (ReadFlights).
        return self.rows_together((prepared, params))[0]

    def rows_together(
        self, *queries: tuple[Prepared, Mapping[str, Any]]
    ) -> list[list[Sequence[Any]]]:
        """The rows of each statement, in order, all read by one statement."""
        versioned = self._kept_at is not None
        self._only_once()
        together = combined(tuple(prepared for prepared, _ in queries), versioned=versioned)
        params: dict[str, Any] = {"kept_at": self._kept_at} if versioned else {}
        for _, given in queries:
            params.update(given)
        record = await_(
            self._reads.fetchrow(
                together.compiled(self.dialect).sql, self.arguments(together, params)
            )
        )
        if versioned:
            self.version, *columns = record
            if columns[0] is None:  # ARRAY() of no rows is {}, never NULL
                raise _UnchangedError
        else:
            columns = list(record)
        return [
            self._processed(prepared, rows)
            for (prepared, _), rows in zip(queries, columns, strict=True)
        ]

    def _only_once(self) -> None:
        if self._sent:
            raise RuntimeError(
                "a read on PostgreSQL is one statement; ask for several with rows_together"
            )
        self._sent = True

    def _processed(self, prepared: Prepared, rows: Sequence[Sequence[Any]]) -> list[Sequence[Any]]:
        compiled = prepared.compiled(self.dialect)
        if compiled.processors is None:
            # Some processing depends on the column types the server reports (numerics).
            description = await_(self._reads.describe(compiled.sql))
            compiled.processors = prepared.processors(self.dialect, description)
        return processed(rows, compiled.processors)


class ReadFlights:
    """Reads on asyncpg's pool; those of one statement that ask while one is under way go
    together, in one round trip.

    Every read is one statement that returns one row (OneStatementCursor). A read whose
    statement already has FLIGHTS flights under way waits for the next, and all that
    waited leave in it: asyncpg's fetchmany sends each its own Bind and Execute and one
    Sync for all, in one write, and their rows come back together.
    Each read is still a statement of its own, seeing the database as it was when that
    statement began, after the read was asked for. The sends and wake-ups a read costs the
    process and the server are shared by everything in its flight, which under load is
    most of what a cached read costs.
    """

    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool
        self._waiting: dict[str, list[tuple[Sequence[Any], asyncio.Future[Any]]]] = {}
        self._flying: dict[str, int] = {}
        self._flights: set[asyncio.Task[None]] = set()

    async def close(self) -> None:
        """Close the pool, once the flights under way have landed."""
        if self._flights:
            await asyncio.wait(self._flights)
        await self._pool.close()

    async def describe(self, sql: str) -> list[tuple[str, int]]:
        """The name and type of each column of a statement's result."""
        async with self._pool.acquire() as connection:
            statement = await connection.prepare(sql)
            return [(a.name, a.type.oid) for a in statement.get_attributes()]

    async def fetchrow(self, sql: str, args: Sequence[Any]) -> Any:
        """The one row of a statement, read in the statement's next flight."""
        loop = asyncio.get_running_loop()
        done: asyncio.Future[Any] = loop.create_future()
        self._waiting.setdefault(sql, []).append((args, done))
        if self._flying.get(sql, 0) < FLIGHTS:
            self._flying[sql] = self._flying.get(sql, 0) + 1
            flight = loop.create_task(self._fly(sql))
            self._flights.add(flight)
            flight.add_done_callback(self._flights.discard)
        return await done

    async def _fly(self, sql: str) -> None:
        waiting: list[tuple[Sequence[Any], asyncio.Future[Any]]] = []
        try:
            while waiting := self._waiting.pop(sql, []):
                async with self._pool.acquire() as connection:
                    await self._read_together(connection, sql, waiting)
        except Exception as error:
            # A lost connection or a closed pool: the reads are told, and nobody waits for
            # the flight itself.
            for _, done in waiting + self._waiting.pop(sql, []):
                _settle(done, error=error)
        except BaseException:
            for _, done in waiting + self._waiting.pop(sql, []):
                _settle(done, error=RuntimeError("shutting down"))
            raise
        finally:
            self._flying[sql] -= 1

    @staticmethod
    async def _read_together(
        connection: asyncpg.Connection,
        sql: str,
        waiting: list[tuple[Sequence[Any], asyncio.Future[Any]]],
    ) -> None:
        if len(waiting) > 1:
            try:
                rows = await connection.fetchmany(sql, [args for args, _ in waiting])
            except asyncpg.PostgresError:
                pass  # one Sync for all: each goes again alone, to fail on its own
            else:
                for (_, done), row in zip(waiting, rows, strict=True):
                    _settle(done, result=row)
                return
        for args, done in waiting:
            try:
                row = await connection.fetchrow(sql, *args)
            except Exception as error:
                _settle(done, error=error)
            else:
                _settle(done, result=row)


# Flights under way at once for one statement, per process. One keeps a server process
# busy with a read while the event loop answers the others, and lets the reads that arrive
# meanwhile gather for the next.
FLIGHTS = 1


class LoopPostgres:
    """Reads on asyncpg's pool, writes on psycopg's async pool, both on the event loop."""

    def __init__(self, *, url: str, dialect: Dialect, pool_size: int) -> None:
        self._conninfo = conninfo(url)
        self._dsn = make_url(url).set(drivername="postgresql").render_as_string(False)
        self._dialect = dialect
        self._read_dialect: Dialect = PGDialect_asyncpg()  # type: ignore[no-untyped-call]
        self._pool_size = pool_size
        self._opening: asyncio.Task[tuple[Any, ReadFlights]] | None = None
        self._pool_loop: asyncio.AbstractEventLoop | None = None
        self._cache = ReadCache()
        self._queued: list[tuple[Callable[[Cursor], Any], asyncio.Future[Any]]] = []
        self._queue_loop: asyncio.AbstractEventLoop | None = None
        self._writers: set[asyncio.Task[None]] = set()

    async def _opened(self) -> tuple[AsyncConnectionPool[AsyncConnection[Any]], ReadFlights]:
        """The pools of the running loop: a pool's connections belong to the loop it opened on.
        Callers that arrive while they open wait for the same pools.
        """
        loop, opening = asyncio.get_running_loop(), self._opening
        failed = opening is not None and opening.done() and not _succeeded(opening)
        if opening is None or self._pool_loop is not loop or failed:
            opening = self._opening = loop.create_task(self._open())
            self._pool_loop = loop
        return await asyncio.shield(opening)

    async def _open(self) -> tuple[AsyncConnectionPool[AsyncConnection[Any]], ReadFlights]:
        writes = AsyncConnectionPool(
            self._conninfo,
            min_size=1,
            max_size=self._pool_size,
            open=False,
            configure=_plan_once,
        )
        await writes.open()
        try:
            reads = await asyncpg.create_pool(
                self._dsn,
                min_size=1,
                max_size=self._pool_size,
                server_settings=_READS,
                reset=_nothing_to_reset,
            )
        except BaseException:
            await writes.close()
            raise
        return writes, ReadFlights(reads)

    async def read(self, read: Callable[[Cursor], T]) -> T:
        """A read model, as one statement, which sees one committed state by itself."""
        _, reads = await self._opened()
        return await greenlet_spawn(read, OneStatementCursor(reads, self._read_dialect))

    async def read_json(self, key: Hashable, read: Callable[[Cursor], object]) -> bytes:
        """The JSON of a read model; the body kept from an earlier read when the database
        is as it was then, in the same round trip that finds out (service/read_cache.py).
        """
        _, reads = await self._opened()
        held = self._cache.held(key)
        cursor = OneStatementCursor(reads, self._read_dialect, kept_at=str(held[0]) if held else "")
        try:
            result = await greenlet_spawn(read, cursor)
        except _UnchangedError:
            assert held is not None
            return held[1]
        body = to_json(result)
        self._cache.put(key, cursor.version, body)
        return body

    async def write(self, write: Callable[[Cursor], T]) -> T:
        """Run a unit of work and commit it; on any error, roll all of it back.

        Units of work that arrive while a batch is being written wait, then go
        together: one transaction, the chain's appends under one lock, one COMMIT. A
        unit that fails before it writes is left out; one that fails after it, or a
        statement the server refuses, rolls the batch back and the others are written
        again, so one failure never fails another unit (_one_by_one).
        """
        loop = asyncio.get_running_loop()
        done: asyncio.Future[Any] = loop.create_future()
        if self._queue_loop is not loop:
            self._queued, self._queue_loop, self._writers = [], loop, set()
        self._queued.append((write, done))
        if len(self._writers) < WRITERS:
            writer = loop.create_task(self._write_queued())
            self._writers.add(writer)
        result: T = await done
        return result

    async def _write_queued(self) -> None:
        try:
            pool, _ = await self._opened()
            while self._queued:
                # A share of what waits, so that the other writers have batches too.
                share = min(MAX_BATCH, -(-len(self._queued) // WRITERS))
                batch = [unit for unit in self._queued[:share] if not unit[1].done()]
                del self._queued[:share]
                if len(batch) == 1:
                    await self._write_alone(pool, *batch[0])
                elif batch:
                    await self._write_batch(pool, batch)
        except BaseException as error:
            # Nothing may be left waiting for a writer that has stopped.
            stopped = error if isinstance(error, Exception) else RuntimeError("shutting down")
            for _, done in self._queued:
                _settle(done, error=stopped)
            self._queued.clear()
            raise
        finally:
            # At once, not in a done callback: a unit queued between this writer's last
            # look at the queue and such a callback would find it still counted, start no
            # writer of its own, and wait for ever.
            self._writers.discard(asyncio.current_task())

    async def _write_alone(
        self,
        pool: AsyncConnectionPool[AsyncConnection[Any]],
        write: Callable[[Cursor], Any],
        done: asyncio.Future[Any],
    ) -> None:
        try:
            async with _pipelined(pool) as connection:
                result = await greenlet_spawn(
                    committed,
                    _AwaitedConnection(connection),
                    PipelinedCursor(lambda: AwaitedCursor(connection.cursor()), self._dialect),
                    write,
                )
        except Exception as error:
            _settle(done, error=error)
        else:
            _settle(done, result=result)

    async def _write_batch(
        self,
        pool: AsyncConnectionPool[AsyncConnection[Any]],
        batch: list[tuple[Callable[[Cursor], Any], asyncio.Future[Any]]],
    ) -> None:
        while batch:
            writes = [write for write, _ in batch]
            try:
                async with _pipelined(pool) as connection:
                    cursor = BatchCursor(lambda: AwaitedCursor(connection.cursor()), self._dialect)
                    outcomes = await greenlet_spawn(
                        committed,
                        _AwaitedConnection(connection),
                        cursor,
                        partial(_one_by_one, writes),
                    )
            except _FailedAfterWritingError as failed:
                # Rolled back with the rest: the others go again without it.
                _, done = batch.pop(failed.index)
                _settle(done, error=failed.error)
                continue
            except psycopg.Error:
                for write, done in batch:
                    await self._write_alone(pool, write, done)
                return
            for (_, done), (result, error) in zip(batch, outcomes, strict=True):
                _settle(done, result=result, error=error)
            return

    async def close(self) -> None:
        """Close the pools of the running loop, if it has them."""
        opening, self._opening = self._opening, None
        if opening is None or self._pool_loop is not asyncio.get_running_loop():
            return
        await asyncio.wait([opening])
        if _succeeded(opening):
            writes, reads = opening.result()
            await writes.close()
            await reads.close()

    def dispose(self) -> None:
        """Forget the pools, which close with their connections once their loop has ended."""
        self._opening = None


def _succeeded(task: asyncio.Task[Any]) -> bool:
    return task.done() and not task.cancelled() and task.exception() is None


@asynccontextmanager
async def _pipelined(
    pool: AsyncConnectionPool[AsyncConnection[Any]],
) -> AsyncIterator[AsyncConnection[Any]]:
    """A pooled connection in a transaction of its own, in pipeline mode."""
    async with pool.connection() as connection:
        await connection.set_autocommit(False)
        async with connection.pipeline():
            yield connection


class _FailedAfterWritingError(Exception):
    """Unit `index` of a batch failed with `error` after it had written."""

    def __init__(self, index: int, error: Exception) -> None:
        super().__init__(index, error)
        self.index = index
        self.error = error


def _one_by_one(
    writes: list[Callable[[Cursor], Any]], cursor: Cursor
) -> list[tuple[Any, Exception | None]]:
    """Each unit's result or error, then the chain's appends of those that stood.

    Most units that fail do so before they write (a missing question, a repeat), and leave
    nothing to undo: the batch goes on without them, with no savepoint around each unit.
    A unit that fails after it has written ends the batch, and the caller writes the others
    again without it; a driver error ends the batch too, and the caller writes each unit
    again alone.
    """
    assert isinstance(cursor, BatchCursor)
    outcomes: list[tuple[Any, Exception | None]] = []
    for index, write in enumerate(writes):
        mark, written = cursor.appended(), cursor.writes
        try:
            result = write(cursor)
        except psycopg.Error:
            raise
        except Exception as error:
            if cursor.writes != written:
                raise _FailedAfterWritingError(index, error) from error
            cursor.drop_appends(mark)
            outcomes.append((None, error))
            continue
        outcomes.append((result, None))
    cursor.send_appends()
    return outcomes


def _settle(done: asyncio.Future[Any], *, result: Any = None, error: Any = None) -> None:
    """Give a waiting write its outcome, unless its caller has gone."""
    if done.done():
        return
    if error is not None:
        done.set_exception(error)
    else:
        done.set_result(result)


# At most this many units of work share a transaction: enough to take what arrives while
# one batch is written, few enough that a batch written again unit by unit stays short.
MAX_BATCH = 32
# Batches written at once by each process. Every batch waits for the chain's lock and
# for its COMMIT's flush to disk, one batch at a time across all processes, so more
# writers only make smaller batches, and each claim pays a larger share of a batch's
# connection, pipeline, lock and COMMIT: under load (bench_load, POST), one writer served
# as many claims as two with one process, and a fifth more with two processes, each
# claim costing the process a fifth less CPU.
WRITERS = 1


async def _nothing_to_reset(connection: asyncpg.Connection) -> None:
    """A read leaves nothing on its connection to reset: no transaction (asyncpg rolls back
    any all the same), no setting, lock, listener or cursor. asyncpg's default reset costs
    a round trip per read (RESET ALL, UNLISTEN *, and the rest).
    """


# Every statement here is prepared once per connection and looked up by key. PostgreSQL
# would plan it again at every run until it judged a generic plan as good (five runs at
# least, and for ever for some), and planning the combined reads costs the server more
# than running them: 0.65 ms of a page of claims that it serves from the cache in 0.01.
GENERIC_PLANS = "force_generic_plan"
# Reads never write; the server refuses any that would.
_READS = {"default_transaction_read_only": "on", "plan_cache_mode": GENERIC_PLANS}


async def _plan_once(connection: AsyncConnection[Any]) -> None:
    """A new write connection plans each of its prepared statements once."""
    await connection.set_autocommit(True)
    await connection.execute(f"SET plan_cache_mode = {GENERIC_PLANS}")
