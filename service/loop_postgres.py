"""PostgreSQL on the event loop, through asyncpg: reads one statement each, writes in batches.

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
Reads of a flight asked with the same arguments share one run. A body kept from an
earlier read (service/read_cache.py) is served when the snapshot is still the one it was
read at; the snapshot alone is a statement of no arguments, so a single run of it answers
every kept body asked for while the one before was under way.

Writes. A unit of work runs in a greenlet (SQLAlchemy's greenlet_spawn, as its own asyncio
extension runs sync code on async drivers) on asyncpg's write pool. Units that arrive
while a batch is being written go together in the next: one transaction, one COMMIT. The
units of a batch run side by side, each in a greenlet of its own, and the statements they
wait for at the same point go together: the INSERTs of a batch of claims are one flight,
one round trip, each still a statement of its own in the order the units came. The locks
the units will wait for to keep a record from being written twice (Cursor.wait_for),
named by the route, go with the BEGIN, in one order for every batch. The chain's appends
(forecasts/chain.py) wait to the end of the batch and go out as one flight led by the run
of their statement that takes the chain's lock, followed by the COMMIT, so the lock is
held for the appends and the COMMIT's round trip, not for the units' own work. A batch of
claims costs four round trips (BEGIN, the INSERTs, the lock and the appends, COMMIT),
however many claims it holds. psycopg's pipeline mode would save
round trips too, but each of its statements costs the process about twice the CPU of
asyncpg's (it registers the socket with the event loop for every wait): under load the
process's CPU bounds how many claims it records, and every round trip costs it a send
and a wake-up.

Both pools hold SOOTH_DATABASE_POOL_SIZE connections per process and belong to the event
loop they opened on.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from functools import partial
from itertools import groupby
from typing import Any, NamedTuple, TypeVar

import asyncpg
from greenlet import getcurrent, greenlet
from pydantic_core import to_json
from sqlalchemy import Dialect, Select, Text, cast, func, select
from sqlalchemy.dialects.postgresql.asyncpg import PGDialect_asyncpg
from sqlalchemy.engine import make_url
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import NullType
from sqlalchemy.util import await_, greenlet_spawn

from forecasts.prepared import Cursor, Prepared, committed, processed
from service.outcomes import Outcome, fail_queued, settle
from service.read_cache import ReadCache

T = TypeVar("T")


def dsn(url: str) -> str:
    """asyncpg's connection string of a SQLAlchemy URL: the same, without the driver's name.
    The query may name the host as well: "?host=/var/run/postgresql" is how a URL gives a
    Unix socket's directory, and asyncpg reads it as libpq does.
    """
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class WriteCursor(Cursor):
    """A Cursor on one asyncpg connection, used from inside a greenlet, in a transaction
    that it begins with its first statement and ends with commit() or rollback().

    Units of work run on it one at a time, each statement a round trip, or side by side
    (run_side_by_side), their statements sent together. The chain's appends of every unit
    wait, and go out together just before the COMMIT, under the lock once, as one flight
    (asyncpg's executemany sends each its Bind and Execute and one Sync for all). It
    counts the statements that may have written, so that a unit that fails is known to
    have changed nothing.
    """

    def __init__(
        self, connection: asyncpg.Connection, dialect: Dialect, ahead: Iterable[str] = ()
    ) -> None:
        super().__init__(None, dialect)
        self._connection = connection
        self._appends: list[tuple[_UnitRun | None, Prepared, Mapping[str, Any], Mapping[str, Any]]]
        self._appends = []
        # The appends whose lock this transaction holds.
        self._locked: set[Prepared] = set()
        # Locks the units of work will wait for, taken with the BEGIN, in one order for
        # every transaction, so that two never wait for each other.
        self._ahead = sorted(set(ahead))
        self._held = set(self._ahead)
        self._begun = False
        self.writes = 0
        # The units of work running side by side (_together), by their greenlets.
        self._units: dict[greenlet, _UnitRun] = {}

    def execute(self, sql: str) -> None:
        """Run a statement given as text, counted as a write: nothing says it only reads."""
        self.writes += 1
        self._text(sql, write=True)

    def wait_for(self, lock: str) -> None:
        """Take the lock, uncounted: it writes nothing; a lock taken ahead is held already.

        A unit running side by side with others waits for the next statements to be sent
        even when the lock is held, perhaps by a unit whose lock goes in those statements:
        its statements after the lock must follow that unit's, as if taken in turn.
        """
        if lock not in self._held:
            self._held.add(lock)
            self._text(lock)
        elif self._in_unit():
            self._ask(_Ask(None, {}))  # answered with nothing

    def _text(self, sql: str, *, write: bool = False) -> None:
        if self._in_unit():
            self._ask(_Ask(None, {}, sql, write))
            return
        self._sent_text(sql)

    def _in_unit(self) -> bool:
        """Whether a unit of work running side by side is asking."""
        return getcurrent() in self._units

    @staticmethod
    def _ask(ask: _Ask) -> Any:
        """Wait, in a unit's greenlet, until _serve has sent the statement; its answer."""
        return getcurrent().parent.switch(ask)

    def _sent_text(self, sql: str) -> None:
        # A statement given as text goes by the simple protocol, which takes several in one
        # message: the transaction's BEGIN and the locks taken ahead ride with the first.
        await_(self._connection.execute("; ".join([*self._opening(), sql])))

    def _begin(self) -> None:
        if opening := self._opening():
            await_(self._connection.execute("; ".join(opening)))

    def _opening(self) -> list[str]:
        """The statements that open the transaction, the first time one is sent; then none."""
        if self._begun:
            return []
        self._begun = True
        return ["BEGIN", *self._ahead]

    def commit(self) -> None:
        """Commit the transaction, if a statement began it."""
        if self._begun:
            await_(self._connection.execute("COMMIT"))

    def rollback(self) -> None:
        """Roll back the transaction, if a statement began it."""
        if self._begun:
            await_(self._connection.execute("ROLLBACK"))

    def rows(self, prepared: Prepared, params: Mapping[str, Any]) -> list[Sequence[Any]]:
        """Every row the statement returns, processed; an INSERT ... RETURNING that returns
        none wrote none.
        """
        if self._in_unit():
            answer: list[Sequence[Any]] = self._ask(_Ask(prepared, params))
            return answer
        self._begin()
        rows = self._fetched(prepared, params)
        if rows and not isinstance(prepared.statement, Select):
            self.writes += 1
        return rows

    def _fetched(self, prepared: Prepared, params: Mapping[str, Any]) -> list[Sequence[Any]]:
        """The statement's rows, processed, in a round trip of its own."""
        compiled = prepared.compiled(self.dialect)
        rows = await_(self._connection.fetch(compiled.sql, *self.arguments(prepared, params)))
        return self._processed(prepared, rows)

    def _processed(self, prepared: Prepared, rows: Sequence[Sequence[Any]]) -> list[Sequence[Any]]:
        compiled = prepared.compiled(self.dialect)
        if compiled.processors is None:
            # Some processing depends on the column types the server reports (numerics).
            described = await_(_described(self._connection, compiled.sql))
            compiled.processors = prepared.processors(self.dialect, described)
        return processed(rows, compiled.processors)

    def run_side_by_side(self, writes: Sequence[Callable[[Cursor], Any]]) -> list[_UnitRun]:
        """Run the units of work side by side, each in a greenlet of its own, until every
        one has ended; their outcomes, in order.

        Whenever every unit still running waits for a statement, the statements go to the
        server: the locks first, then the INSERTs that several units wait for, as one
        flight for each statement (asyncpg's fetchmany: each its Bind and Execute, one Sync
        for all), then the rest one by one. Each INSERT is still a statement of its own,
        run in the order the units were given, and sees those before it. An error of the
        server or the connection ends them all: the transaction is lost.
        """
        runs = [_UnitRun(write, self) for write in writes]
        self._units = {run.greenlet: run for run in runs}
        try:
            waiting = [run for run in runs if run.go()]
            while waiting:
                self._serve([run.ask for run in waiting if run.ask is not None], waiting)
                waiting = [run for run in waiting if run.go()]
        finally:
            for run in runs:
                if not run.greenlet.dead:
                    run.greenlet.throw()  # GreenletExit: ends it where it waits
            self._units = {}
        return runs

    def _serve(self, asks: list[_Ask], runs: list[_UnitRun]) -> None:
        self._begin()
        for ask, run in zip(asks, runs, strict=True):
            if ask.sql is not None:
                self._sent_text(ask.sql)
                run.writes += ask.write
        statements: dict[Prepared, list[tuple[_Ask, _UnitRun]]] = {}
        for ask, run in zip(asks, runs, strict=True):
            if ask.prepared is not None:
                statements.setdefault(ask.prepared, []).append((ask, run))
        for prepared, asked in statements.items():
            write = not isinstance(prepared.statement, Select)
            if write and len(asked) > 1:
                each = await_(
                    self._connection.fetchmany(
                        _one_row_each(prepared.compiled(self.dialect).sql),
                        [self.arguments(prepared, ask.params) for ask, _ in asked],
                    )
                )
                answers = [self._processed(prepared, rows) for (rows,) in each]
            else:
                answers = [self._fetched(prepared, ask.params) for ask, _ in asked]
            for (_, run), rows in zip(asked, answers, strict=True):
                run.writes += bool(write and rows)
                run.answer = rows

    def send(self, prepared: Prepared, params: Mapping[str, Any], cursor: Any = None) -> None:
        """Run the statement, its rows unread."""
        self.rows(prepared, params)

    def send_locked(
        self, prepared: Prepared, lock: Mapping[str, Any], params: Mapping[str, Any]
    ) -> None:
        """Keep the append until send_appends."""
        self._appends.append((self._units.get(getcurrent()), prepared, lock, params))

    def drop_appends(self, run: _UnitRun) -> None:
        """Forget the appends of a unit of work that failed."""
        self._appends = [append for append in self._appends if append[0] is not run]

    def send_appends(self) -> None:
        """Send every waiting append, in the order they were made, in one flight for each
        run of the same statement, the first of each led by its lock: the lock is held
        from that flight to the COMMIT.
        """
        for prepared, run in groupby(self._appends, key=lambda append: append[1]):
            appends = list(run)
            arguments = [self.arguments(prepared, params) for *_, params in appends]
            if prepared not in self._locked:
                self._locked.add(prepared)
                arguments.insert(0, self.arguments(prepared, appends[0][2]))
            await_(self._connection.executemany(prepared.compiled(self.dialect).sql, arguments))
        self._appends.clear()


async def _described(connection: asyncpg.Connection, sql: str) -> list[tuple[str, int]]:
    """The name and type of each column of a statement's result."""
    statement = await connection.prepare(sql)
    return [(a.name, a.type.oid) for a in statement.get_attributes()]


class _Ask(NamedTuple):
    """A statement a unit of work waits for: prepared, or text (a lock)."""

    prepared: Prepared | None
    params: Mapping[str, Any]
    sql: str | None = None
    write: bool = False  # a text statement that may write; a lock does not


class _UnitRun:
    """A unit of work run side by side with others (WriteCursor.run_side_by_side): its
    greenlet, the statement it waits for, and its outcome.
    """

    def __init__(self, write: Callable[[Cursor], Any], cursor: WriteCursor) -> None:
        self.greenlet = greenlet(partial(self._run, write, cursor))
        self.ask: _Ask | None = None
        self.answer: Any = None
        self.result: Any = None
        self.error: Exception | None = None
        self.writes = 0  # statements of its that may have written

    def _run(self, write: Callable[[Cursor], Any], cursor: WriteCursor) -> None:
        try:
            self.result = write(cursor)
        except Exception as error:
            self.error = error

    def go(self) -> bool:
        """Run the unit, with the answer to what it asked, until it asks for another
        statement (True) or ends (False).
        """
        answer, self.answer = self.answer, None
        started = bool(self.greenlet)  # a greenlet is true once started, until it ends
        self.ask = self.greenlet.switch(answer) if started else self.greenlet.switch()
        return not self.greenlet.dead


_ONE_ROW_EACH: dict[str, str] = {}


def _one_row_each(sql: str) -> str:
    """The statement with its rows as an array of records in the one row it returns, so
    that each run of a flight (whose rows asyncpg hands back as one list) is told apart.
    """
    found = _ONE_ROW_EACH.get(sql)
    if found is None:
        # `sql` is a Prepared statement's own compiled text, never input.
        found = _ONE_ROW_EACH[sql] = (
            f"WITH written AS ({sql}) SELECT ARRAY(SELECT row(written.*) FROM written)"  # noqa: S608
        )
    return found


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
# The snapshot alone, as a versioned read gives it: what every kept body waiting in one
# flight is checked against.
SNAPSHOT_SQL = str(select(_SNAPSHOT).compile(dialect=PGDialect_asyncpg()))  # type: ignore[no-untyped-call]
_combined: dict[tuple[tuple[Prepared, ...], bool], Prepared] = {}


def combined(statements: tuple[Prepared, ...], *, versioned: bool = False) -> Prepared:
    """One statement whose columns are the rows of each of `statements`, built once;
    versioned, its first column is the snapshot it read.
    """
    found = _combined.get((statements, versioned))
    if found is None:
        columns: list[Any] = [_SNAPSHOT.label("version")] if versioned else []
        for number, prepared in enumerate(statements):
            if not isinstance(prepared.statement, Select):
                raise TypeError("only SELECTs are read together")
            columns.append(_RowsOf(prepared.statement).label(f"rows_{number}"))
        found = _combined[statements, versioned] = Prepared(select(*columns))
    return found


class OneStatementCursor(Cursor):
    """A Cursor on asyncpg's pool (ReadFlights), used from inside a greenlet, for a read
    that is one statement: rows, or rows_together, each read as arrays of records in one
    row. A second statement would see another state.

    Versioned, the statement reads its snapshot as well, kept in `version`.
    """

    def __init__(self, reads: ReadFlights, dialect: Dialect, *, versioned: bool = False) -> None:
        super().__init__(None, dialect)
        self._reads = reads
        self._versioned = versioned
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
        self._only_once()
        together = combined(tuple(prepared for prepared, _ in queries), versioned=self._versioned)
        params: dict[str, Any] = {}
        for _, given in queries:
            params.update(given)
        record = await_(
            self._reads.fetchrow(
                together.compiled(self.dialect).sql, self.arguments(together, params)
            )
        )
        columns = list(record)
        if self._versioned:
            self.version = columns.pop(0)
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
    statement began, after the read was asked for, except that reads of a flight with the
    same arguments share one run, which began after all of them were asked. The sends and
    wake-ups a read costs the process and the server are shared by everything in its
    flight, which under load is most of what a cached read costs.
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
            return await _described(connection, sql)

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
                settle(done, error=error)
        except BaseException:
            for _, done in waiting + self._waiting.pop(sql, []):
                settle(done, error=RuntimeError("shutting down"))
            raise
        finally:
            self._flying[sql] -= 1

    @staticmethod
    async def _read_together(
        connection: asyncpg.Connection,
        sql: str,
        waiting: list[tuple[Sequence[Any], asyncio.Future[Any]]],
    ) -> None:
        # Reads asked with the same arguments share one run of the statement: begun after
        # every one of them asked, it is each one's answer.
        asked: dict[Hashable, tuple[Sequence[Any], list[asyncio.Future[Any]]]] = {}
        for args, done in waiting:
            asked.setdefault(_same_as(args), (args, []))[1].append(done)
        runs = list(asked.values())
        if len(runs) > 1:
            try:
                rows = await connection.fetchmany(sql, [args for args, _ in runs])
            except asyncpg.PostgresError:
                pass  # one Sync for all: each goes again alone, to fail on its own
            else:
                for (_, answered), row in zip(runs, rows, strict=True):
                    for done in answered:
                        settle(done, result=row)
                return
        for args, answered in runs:
            try:
                row = await connection.fetchrow(sql, *args)
            except Exception as error:
                for done in answered:
                    settle(done, error=error)
            else:
                for done in answered:
                    settle(done, result=row)


def _same_as(args: Sequence[Any]) -> Hashable:
    """What reads with the same arguments share; arguments that cannot be compared so
    (an array, given as a list) share it with none. Each argument's type is part of it:
    1, 1.0 and True are equal in Python, not to the server.
    """
    key = tuple((type(arg), arg) for arg in args)
    try:
        hash(key)
    except TypeError:
        return object()
    return key


# Flights under way at once for one statement, per process. One keeps a server process
# busy with a read while the event loop answers the others, and lets the reads that arrive
# meanwhile gather for the next.
FLIGHTS = 1


class LoopPostgres:
    """Reads and writes on asyncpg's pools, on the event loop."""

    def __init__(self, *, url: str, pool_size: int) -> None:
        self._dsn = dsn(url)
        self._dialect: Dialect = PGDialect_asyncpg()  # type: ignore[no-untyped-call]
        self._pool_size = pool_size
        self._opening: asyncio.Task[tuple[asyncpg.Pool, ReadFlights]] | None = None
        self._pool_loop: asyncio.AbstractEventLoop | None = None
        self._cache = ReadCache()
        self._queued: list[_Unit] = []
        self._queue_loop: asyncio.AbstractEventLoop | None = None
        self._writers: set[asyncio.Task[None]] = set()

    async def _opened(self) -> tuple[asyncpg.Pool, ReadFlights]:
        """The pools of the running loop: a pool's connections belong to the loop it opened on.
        Callers that arrive while they open wait for the same pools.
        """
        loop, opening = asyncio.get_running_loop(), self._opening
        failed = opening is not None and opening.done() and not _succeeded(opening)
        if opening is None or self._pool_loop is not loop or failed:
            opening = self._opening = loop.create_task(self._open())
            self._pool_loop = loop
        return await asyncio.shield(opening)

    async def _open(self) -> tuple[asyncpg.Pool, ReadFlights]:
        writes = await asyncpg.create_pool(
            self._dsn,
            min_size=1,
            max_size=self._pool_size,
            server_settings=_WRITES,
            reset=_rolled_back,
        )
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
        return await greenlet_spawn(read, OneStatementCursor(reads, self._dialect))

    async def read_json(self, key: Hashable, read: Callable[[Cursor], object]) -> bytes:
        """The JSON of a read model; the body kept from an earlier read when the database
        is as it was then (service/read_cache.py).
        """
        _, reads = await self._opened()
        if self._cache.held(key) is not None:
            # A body kept needs only the snapshot to be served, and one statement, begun
            # after they all asked, reads it for every kept body asked for meanwhile.
            (snapshot,) = await reads.fetchrow(SNAPSHOT_SQL, ())
            body = self._cache.get(key, snapshot)
            if body is not None:
                return body
        cursor = OneStatementCursor(reads, self._dialect, versioned=True)
        body = to_json(await greenlet_spawn(read, cursor))
        self._cache.put(key, cursor.version, body)
        return body

    async def write(self, write: Callable[[Cursor], T], locks: Iterable[str] = ()) -> T:
        """Run a unit of work and commit it; on any error, roll all of it back. `locks` are
        those the unit will wait for (Cursor.wait_for), taken ahead with its batch's BEGIN.

        Units of work that arrive while a batch is being written wait, then go
        together: one transaction, the chain's appends under one lock, one COMMIT. A
        unit that fails before it writes is left out; one that fails after it, or a
        statement the server refuses, rolls the batch back and the others are written
        again, so one failure never fails another unit (_side_by_side).
        """
        loop = asyncio.get_running_loop()
        done: asyncio.Future[Any] = loop.create_future()
        if self._queue_loop is not loop:
            self._queued, self._queue_loop, self._writers = [], loop, set()
        self._queued.append(_Unit(write, tuple(locks), done))
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
                batch = [unit for unit in self._queued[:share] if not unit.done.done()]
                del self._queued[:share]
                if len(batch) == 1:
                    await self._write_alone(pool, batch[0])
                elif batch:
                    await self._write_batch(pool, batch)
        except BaseException as error:
            fail_queued(self._queued, error)
            raise
        finally:
            # At once, not in a done callback: a unit queued between this writer's last
            # look at the queue and such a callback would find it still counted, start no
            # writer of its own, and wait for ever.
            self._writers.discard(asyncio.current_task())

    async def _write_alone(self, pool: asyncpg.Pool, unit: _Unit) -> None:
        try:
            result = await self._committed(pool, partial(_alone, unit.write), unit.locks)
        except Exception as error:
            settle(unit.done, error=error)
        else:
            settle(unit.done, result=result)

    async def _write_batch(self, pool: asyncpg.Pool, batch: list[_Unit]) -> None:
        while batch:
            writes = [unit.write for unit in batch]
            locks = [lock for unit in batch for lock in unit.locks]
            try:
                outcomes = await self._committed(pool, partial(_side_by_side, writes), locks)
            except _FailedAfterWritingError as failed:
                # Rolled back with the rest: the others go again without it.
                unit = batch.pop(failed.index)
                settle(unit.done, error=failed.error)
                continue
            except DRIVER_ERRORS:
                for unit in batch:
                    await self._write_alone(pool, unit)
                return
            for unit, (result, error) in zip(batch, outcomes, strict=True):
                settle(unit.done, result=result, error=error)
            return

    async def _committed(
        self, pool: asyncpg.Pool, write: Callable[[WriteCursor], T], locks: Iterable[str]
    ) -> T:
        """What `write` returns once its statements are committed, in a transaction of its
        own on a pooled connection, with `locks` taken at its start; on any error, all of
        them are rolled back.
        """
        async with pool.acquire() as connection:
            cursor = WriteCursor(connection, self._dialect, locks)
            return await greenlet_spawn(committed, cursor, cursor, write)

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


# What ends a batch: the server refused a statement, which aborts the transaction, or the
# connection failed.
DRIVER_ERRORS = (asyncpg.PostgresError, asyncpg.InterfaceError, OSError)


def _succeeded(task: asyncio.Task[Any]) -> bool:
    return task.done() and not task.cancelled() and task.exception() is None


class _Unit(NamedTuple):
    """A unit of work waiting to be written, the locks it will wait for, and its outcome."""

    write: Callable[[Cursor], Any]
    locks: tuple[str, ...]
    done: asyncio.Future[Any]


class _FailedAfterWritingError(Exception):
    """Unit `index` of a batch failed with `error` after it had written."""

    def __init__(self, index: int, error: Exception) -> None:
        super().__init__(index, error)
        self.index = index
        self.error = error


def _side_by_side(writes: list[Callable[[Cursor], Any]], cursor: Cursor) -> list[Outcome]:
    """Each unit's result or error, then the chain's appends of those that stood.

    The units run side by side, so that the statements they wait for at the same point go
    to the server together (WriteCursor.run_side_by_side). Most units that fail do so
    before they write (a missing question, a repeat), and leave nothing to undo: the batch
    goes on without them, with no savepoint around each unit. A unit that fails after it
    has written ends the batch, and the caller writes the others again without it; a
    driver error ends the batch too, and the caller writes each unit again alone.
    """
    assert isinstance(cursor, WriteCursor)
    outcomes: list[Outcome] = []
    for index, run in enumerate(cursor.run_side_by_side(writes)):
        if isinstance(run.error, DRIVER_ERRORS):
            raise run.error
        if run.error is not None:
            if run.writes:
                raise _FailedAfterWritingError(index, run.error) from run.error
            cursor.drop_appends(run)
        outcomes.append((run.result, run.error))
    cursor.send_appends()
    return outcomes


def _alone(write: Callable[[Cursor], T], cursor: WriteCursor) -> T:
    """What one unit of work returns, after its chain appends are sent."""
    result = write(cursor)
    cursor.send_appends()
    return result


# At most this many units of work share a transaction: enough to take what arrives while
# one batch is written, few enough that a batch written again unit by unit stays short.
MAX_BATCH = 32
# Batches written at once by each process. A batch's statements are round trips, in which
# a second writer could run another batch, but every batch also pays for its BEGIN, the
# chain's lock and its COMMIT, and two writers make batches of half the size. Under load
# (bench_load, POST) two writers recorded a few more claims than one with one process, and
# 15-20% fewer with two processes, where the machine's CPU, the server's included, is the
# limit and each claim cost the process and the server a sixth more with two writers.
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
# The rows Sooth reads and writes by index sit in memory, in shared buffers or the OS's
# cache. The default random_page_cost (4) prices each index lookup as a disk seek, and the
# generic plan of a question's claims then read and hashed every source to find those of
# its four claims; 1.1, the usual figure for data in memory or on SSDs, looks each one up.
# The server's CPU per question read afresh fell from about 185 to 140 µs.
IN_MEMORY_PAGE_COST = "1.1"
_WRITES = {"plan_cache_mode": GENERIC_PLANS, "random_page_cost": IN_MEMORY_PAGE_COST}
# Reads never write; the server refuses any that would.
_READS = _WRITES | {"default_transaction_read_only": "on"}


async def _rolled_back(connection: asyncpg.Connection) -> None:
    """A write leaves nothing on its connection to reset but, when its COMMIT or ROLLBACK
    failed, its transaction. asyncpg's default reset costs a round trip per write.
    """
    if connection.is_in_transaction():
        await connection.execute("ROLLBACK")
