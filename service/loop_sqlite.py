"""SQLite on the event loop: reads and writes that never wait, and the WAL copied off it.

A SQLite read of a few indexed rows takes tens of microseconds and a write of a few rows
a few hundred, less than a trip to the thread pool and back costs under load. So routes
read and write SQLite right on the event loop, on connections of the loop's own
(SingletonThreadPool: one per thread), under three rules that keep the loop from waiting:

- reads never wait for the shared pool, whose connections requests in the thread pool
  may hold while they wait for the loop; WAL readers never wait for a lock;
- writes only ever try for the write lock (the connection has no busy timeout): finding
  it held by a thread of this process or by another process, they try again after a
  pause, on the loop, which serves other requests meanwhile. Once taken, nothing in a
  WAL transaction waits again. The writes that arrived in the same turn of the loop, or
  while the lock was taken, go together in one transaction, each in a savepoint: pages
  that several of them change (the ledger's newest, the claims' newest) are written to
  the WAL once, and the lock is taken once;
- SQLite copies the WAL into the database file in whichever commit crosses 1,000
  pages, ending with an fsync (about ten milliseconds here) that would stop the loop
  and every request on it. Commits on the loop leave it to a thread every
  CHECKPOINT_EVERY commits. The thread copies the WAL as it stands while writes go on,
  then what they added meanwhile with writes held: the loop's waiting for it, other
  processes' by SQLite's write lock, which a FULL checkpoint takes. So the copy reaches
  the end of the WAL, and SQLite starts the WAL over rather than let it grow.

Reads of the most read models also keep their JSON until the database changes
(ReadCache), by the reading connection's data_version.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import sqlite3
import threading
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from functools import partial
from time import monotonic
from typing import Any, NamedTuple, TypeVar

from pydantic_core import to_json
from sqlalchemy import Dialect, Engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import PoolProxiedConnection

from forecasts.prepared import Cursor, Prepared, committed
from service.outcomes import Outcome, fail_queued, settle
from service.read_cache import ReadCache

log = logging.getLogger(__name__)

T = TypeVar("T")

# Commits on the event loop between copies of the WAL into the database file: a claim
# writes about twelve pages, so about 100 MB of WAL (SQLite's own default is 4 MB). The
# copy's second step holds writes for about the fsync it ends with, 20 ms here, whatever
# its size: the rarer the better, within the WAL's size.
CHECKPOINT_EVERY = 2000
# At most this many units of work share a transaction. A batch is what arrived in one turn
# of the loop, or while the write lock was taken: under load, a few to a few dozen.
MAX_BATCH = 32
# A write the loop found SQLite's lock taken tries again after these pauses, the last
# repeated, for up to LOCK_WAIT_SECONDS. Another process's write holds the lock for a
# fraction of a millisecond, so the first tries come after a turn of the loop (0: the
# requests ready meanwhile go first). SQLite's own busy handler, waiting in a thread,
# backed off to 100 ms between tries and lost the lock again and again to a process that
# kept writing.
LOCK_RETRY_PAUSES = (0, 0, 0, 0.0005, 0.001, 0.002)
LOCK_WAIT_SECONDS = 30
# How long the second step waits for another process's write, or for a reader of an
# older state, before it copies what it can without them.
CHECKPOINT_LOCK_WAIT_SECONDS = 0.1


@contextmanager
def sqlite_snapshot(connection: PoolProxiedConnection, dialect: Dialect) -> Iterator[Cursor]:
    """One committed state of a SQLite database, read on `connection`.

    The driver runs in autocommit (service/database.py): without a transaction each
    SELECT would see the state of its own moment.
    """
    cursor = connection.cursor()
    cursor.execute("BEGIN")
    try:
        yield Cursor(cursor, dialect)
    finally:
        connection.rollback()


class OneReadCursor(Cursor):
    """A Cursor for a read model, held to the rule reads keep on PostgreSQL
    (service/loop_postgres.py): one call of rows or rows_together.

    A statement alone sees one committed state, so a read of one needs no transaction, and
    its BEGIN and ROLLBACK would cost about what the statement does; statements asked
    together are read in one.
    """

    def __init__(self, cursor: Any, dialect: Dialect) -> None:
        super().__init__(cursor, dialect)
        self._sent = False

    def execute(self, sql: str) -> None:
        raise TypeError("a read runs prepared statements only")

    def rows(self, prepared: Prepared, params: Mapping[str, Any]) -> list[Sequence[Any]]:
        """Every row of the statement, processed."""
        self._only_once()
        return Cursor.rows(self, prepared, params)

    def rows_together(
        self, *queries: tuple[Prepared, Mapping[str, Any]]
    ) -> list[list[Sequence[Any]]]:
        """The rows of each statement, in order, all of one committed state."""
        self._only_once()
        if len(queries) == 1:
            return [Cursor.rows(self, *queries[0])]
        self.cursor.execute("BEGIN")
        try:
            return [Cursor.rows(self, prepared, params) for prepared, params in queries]
        finally:
            self.cursor.execute("ROLLBACK")

    def _only_once(self) -> None:
        if self._sent:
            raise RuntimeError("a read is one statement; ask for several with rows_together")
        self._sent = True


class LoopSQLite:
    """The event loop's reading and writing connections, and what keeps them from waiting."""

    def __init__(
        self,
        *,
        reads: Engine,
        writes: Engine,
        one_writer: threading.RLock,
        checkpoints: Engine,
    ) -> None:
        self._reads = reads
        self._writes = writes
        self._one_writer = one_writer
        self._checkpoints = checkpoints
        # Never writing keeps its data_version a measure of everyone else's commits.
        event.listen(reads, "connect", _query_only)
        event.listen(writes, "connect", _no_autocheckpoint)
        self._cache = ReadCache()
        self._queued: list[_Unit] = []
        self._queue_loop: asyncio.AbstractEventLoop | None = None
        self._writer: asyncio.Task[None] | None = None
        self._commits = 0
        self._copying: asyncio.Task[None] | None = None
        self._writes_wait_for: asyncio.Future[None] | None = None
        self._held = threading.local()

    def read(self, read: Callable[[Cursor], T]) -> T:
        """A read model, read here on the loop, by one call of rows or rows_together."""
        cursor = self._held_connection(self._reads).cursor()
        return read(OneReadCursor(cursor, self._reads.dialect))

    def read_json(self, key: Hashable, read: Callable[[Cursor], object]) -> bytes:
        """The JSON of a read model, kept until the database changes."""
        connection = self._held_connection(self._reads)
        if self._cache.held(key) is not None:
            # A body kept needs only the version to be served: read alone, outside a
            # transaction, it is the version of the latest commit.
            body = self._cache.get(key, _data_version(connection, connection.cursor()))
            if body is not None:
                return body
        with sqlite_snapshot(connection, self._reads.dialect) as snapshot:
            # Read again inside the transaction, where it also starts the snapshot: the
            # body is kept under the version it was read at.
            version = _data_version(connection, snapshot.cursor)
            body = to_json(read(snapshot))
        self._cache.put(key, version, body)
        return body

    async def write(self, write: Callable[[Cursor], T]) -> T:
        """Run a unit of work and commit it, once the write lock is free.

        Units that arrive in the same turn of the loop, or while the lock is taken, go
        together: one transaction, one COMMIT, each unit inside a savepoint of its own, so
        that one that fails takes back only what it wrote (_each_in_a_savepoint).
        """
        loop = asyncio.get_running_loop()
        done: asyncio.Future[Any] = loop.create_future()
        if self._queue_loop is not loop:
            self._queued, self._queue_loop, self._writer = [], loop, None
        self._queued.append(_Unit(write, done, monotonic()))
        if self._writer is None:
            self._writer = loop.create_task(self._write_queued())
        result: T = await done
        return result

    async def _write_queued(self) -> None:
        """Write what is queued, batch after batch, until the queue is empty."""
        try:
            while self._queued:
                await self._write_next_batch()
        except BaseException as error:
            fail_queued(self._queued, error)
            raise
        finally:
            self._writer = None

    async def _write_next_batch(self) -> None:
        """Take the write lock, trying again after pauses while it is taken, and write the
        units queued by then; refuse each unit that has waited too long for it.
        """
        pauses = itertools.chain(LOCK_RETRY_PAUSES, itertools.repeat(LOCK_RETRY_PAUSES[-1]))
        while not await self._wrote_batch():
            self._refuse_waited_too_long()
            if not self._queued:
                return
            await asyncio.sleep(next(pauses))

    def _refuse_waited_too_long(self) -> None:
        """Refuse, with a 503, the units queued more than LOCK_WAIT_SECONDS ago: each
        counts its own wait, so one queued a moment ago still has its turn.
        """
        now = monotonic()
        waited_out = [u for u in self._queued if now - u.queued_at > LOCK_WAIT_SECONDS]
        if not waited_out:
            return
        locked = sqlite3.OperationalError("database is locked")
        refused = OperationalError("BEGIN IMMEDIATE", None, locked)  # a 503
        self._queued = [u for u in self._queued if now - u.queued_at <= LOCK_WAIT_SECONDS]
        fail_queued(waited_out, refused)

    async def _wrote_batch(self) -> bool:
        """Whether the write lock was free, and the next batch written (or refused)."""
        wait_for = self._writes_wait_for
        if wait_for is not None and wait_for.get_loop() is asyncio.get_running_loop():
            await asyncio.shield(wait_for)
        if not self._one_writer.acquire(blocking=False):
            return False
        units = self._next_batch()
        try:
            outcomes = self._batch_if_free(units) if units else []
        except Exception as refused:  # BEGIN refused for another reason than the lock
            outcomes = [(None, refused)] * len(units)
        finally:
            self._one_writer.release()
        if outcomes is None:
            self._queued[:0] = units
            return False
        if isinstance(outcomes, _BatchFailedError):
            log.warning(
                "a batch of %d writes failed as a whole (%s); each is written again alone",
                len(units),
                outcomes.__cause__,
            )
            self._queued[:0] = [unit._replace(alone=True) for unit in units]
            return True
        if units:
            self._after_commit(len(units))
        for unit, (result, failed) in zip(units, outcomes, strict=True):
            settle(unit.done, result=result, error=failed)
        return True

    def _next_batch(self) -> list[_Unit]:
        """The units to write together next: those whose callers still wait, up to
        MAX_BATCH, or the first alone when a batch it was in failed as a whole.
        """
        self._queued = [unit for unit in self._queued if not unit.done.done()]
        size = 1 if self._queued and self._queued[0].alone else MAX_BATCH
        units = self._queued[:size]
        del self._queued[:size]
        return units

    def _batch_if_free(self, units: list[_Unit]) -> list[Outcome] | _BatchFailedError | None:
        """Each unit's result or error once the batch is committed; None when the write
        lock was taken; a _BatchFailedError when the batch failed as a whole (a failed
        COMMIT, a transaction SQLite ended itself) and was rolled back.
        """
        # On the driver's connection itself: a Session and its Connection around the
        # same statements cost more than the statements and the commit do.
        connection = self._held_connection(self._writes)
        cursor = connection.cursor()
        try:
            # BEGIN IMMEDIATE: the write lock now, or refused at once.
            cursor.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode == sqlite3.SQLITE_BUSY:
                return None
            raise
        units_cursor = Cursor(cursor, self._writes.dialect)
        if len(units) == 1:
            try:
                return [(committed(connection, units_cursor, units[0].write), None)]
            except Exception as error:
                return [(None, error)]
        try:
            return committed(connection, units_cursor, partial(_each_in_a_savepoint, units))
        except Exception as error:
            failed = _BatchFailedError()
            failed.__cause__ = error
            return failed

    def dispose(self) -> None:
        """Close the loop's connections."""
        self._held = threading.local()
        self._reads.dispose()
        self._writes.dispose()
        self._checkpoints.dispose()

    def _held_connection(self, engine: Engine) -> PoolProxiedConnection:
        """The connection of `engine` this thread took from its pool once and keeps.

        Taking one from the pool and handing it back, with the rollback the pool does on
        its return, cost about what a small query does, on every read and write.
        """
        held: dict[int, PoolProxiedConnection] | None = getattr(self._held, "connections", None)
        if held is None:
            held = self._held.connections = {}
        connection = held.get(id(engine))
        if connection is None:
            connection = held[id(engine)] = engine.raw_connection()
        return connection

    async def wal_copied(self) -> None:
        """Wait for a copy of the WAL under way, if any, to end."""
        copying = self._copying
        if copying is not None and copying.get_loop() is asyncio.get_running_loop():
            await asyncio.wait([copying])

    def _after_commit(self, units: int) -> None:
        self._commits += units
        if self._commits < CHECKPOINT_EVERY or self._copying is not None:
            return
        self._commits = 0
        self._copying = asyncio.get_running_loop().create_task(self._copy_wal())
        self._copying.add_done_callback(self._copy_ended)

    async def _copy_wal(self) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, self._checkpoint, False)
        self._writes_wait_for = loop.run_in_executor(None, self._checkpoint, True)
        try:
            await self._writes_wait_for
        finally:
            self._writes_wait_for = None

    def _copy_ended(self, copying: asyncio.Task[None]) -> None:
        self._copying = None
        if not copying.cancelled() and copying.exception() is not None:
            log.error(
                "copying the SQLite WAL into the database failed; retried later",
                exc_info=copying.exception(),
            )

    def _checkpoint(self, alone: bool) -> None:
        """Copy the WAL into the database file; `alone`: with every writer held."""
        with self._one_writer if alone else nullcontext():
            connection = self._checkpoints.raw_connection()
            try:
                mode = "FULL" if alone else "PASSIVE"
                connection.cursor().execute(f"PRAGMA wal_checkpoint({mode})")
            finally:
                connection.close()


class _Unit(NamedTuple):
    """A unit of work waiting to be written, its outcome, when it was queued (monotonic
    seconds), and whether it goes alone.
    """

    write: Callable[[Cursor], Any]
    done: asyncio.Future[Any]
    queued_at: float
    alone: bool = False


class _BatchFailedError(Exception):
    """A batch failed as a whole and was rolled back; its cause says why."""


def _each_in_a_savepoint(units: list[_Unit], cursor: Cursor) -> list[Outcome]:
    """Each unit's result or error, the writes of one that failed taken back alone.

    An error that ended the transaction itself (SQLite rolls back the whole of it on a
    full disk or an I/O error) fails the batch, whose units are then written alone.
    """
    outcomes: list[Outcome] = []
    for unit in units:
        cursor.execute("SAVEPOINT unit")
        try:
            result = unit.write(cursor)
        except Exception as error:
            if not cursor.cursor.connection.in_transaction:
                raise  # ROLLBACK TO would fail too: the batch goes again unit by unit
            cursor.execute("ROLLBACK TO unit")
            cursor.execute("RELEASE unit")
            outcomes.append((None, error))
        else:
            cursor.execute("RELEASE unit")
            outcomes.append((result, None))
    return outcomes


def _no_autocheckpoint(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA wal_autocheckpoint=0")


def _query_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA query_only=ON")


_connection_numbers = itertools.count(1)


def _connection_number(connection: PoolProxiedConnection) -> int:
    """A number of this driver connection's own, for as long as it lives."""
    number: int = connection.info.setdefault("number", next(_connection_numbers))
    return number


def _data_version(connection: PoolProxiedConnection, cursor: Any) -> tuple[int, int]:
    """The version of the database as `connection` sees it, which changes with every
    commit of another connection. data_version counts per connection: the version names
    the connection too.
    """
    cursor.execute("PRAGMA data_version")
    return (_connection_number(connection), cursor.fetchone()[0])
