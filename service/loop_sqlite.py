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
  WAL transaction waits again;
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
import time
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager, nullcontext
from typing import Any, TypeVar

from pydantic_core import to_json
from sqlalchemy import Dialect, Engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import PoolProxiedConnection

from forecasts.prepared import Cursor, committed
from service.read_cache import ReadCache

log = logging.getLogger(__name__)

T = TypeVar("T")

# Commits on the event loop between copies of the WAL into the database file: a claim
# writes about twelve pages, so about 100 MB of WAL (SQLite's own default is 4 MB). The
# copy's second step holds writes for about the fsync it ends with, 20 ms here, whatever
# its size: the rarer the better, within the WAL's size.
CHECKPOINT_EVERY = 2000
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
        self._commits = 0
        self._copying: asyncio.Task[None] | None = None
        self._writes_wait_for: asyncio.Future[None] | None = None
        self._held = threading.local()

    def read(self, read: Callable[[Cursor], T]) -> T:
        """A read model, read here on the loop."""
        with sqlite_snapshot(self._held_connection(self._reads), self._reads.dialect) as snapshot:
            return read(snapshot)

    def read_json(self, key: Hashable, read: Callable[[Cursor], object]) -> bytes:
        """The JSON of a read model, kept until the database changes."""
        connection = self._held_connection(self._reads)
        with sqlite_snapshot(connection, self._reads.dialect) as snapshot:
            snapshot.execute("PRAGMA data_version")  # this also starts the snapshot
            # data_version counts per connection: the version names the connection too.
            version = (_connection_number(connection), snapshot.cursor.fetchone()[0])
            body = self._cache.get(key, version)
            if body is None:
                body = to_json(read(snapshot))
                self._cache.put(key, version, body)
            return body

    async def write(self, write: Callable[[Cursor], T]) -> T:
        """Run a unit of work and commit it, once the write lock is free."""
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        pauses = itertools.chain(LOCK_RETRY_PAUSES, itertools.repeat(LOCK_RETRY_PAUSES[-1]))
        while (done := await self._write_on_loop(write)) is None:
            if time.monotonic() > deadline:
                locked = sqlite3.OperationalError("database is locked")
                raise OperationalError("BEGIN IMMEDIATE", None, locked)  # a 503 to the client
            await asyncio.sleep(next(pauses))
        return done[0]

    async def _write_on_loop(self, write: Callable[[Cursor], T]) -> tuple[T] | None:
        wait_for = self._writes_wait_for
        if wait_for is not None and wait_for.get_loop() is asyncio.get_running_loop():
            await asyncio.shield(wait_for)
        if not self._one_writer.acquire(blocking=False):
            return None
        try:
            done = self._write_if_free(write)
        finally:
            self._one_writer.release()
        if done is not None:
            self._after_commit()
        return done

    def dispose(self) -> None:
        """Close the loop's connections."""
        self._held = threading.local()
        self._reads.dispose()
        self._writes.dispose()
        self._checkpoints.dispose()

    def _write_if_free(self, write: Callable[[Cursor], T]) -> tuple[T] | None:
        """The work's result once committed, or None when the write lock was taken."""
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
        return (committed(connection, Cursor(cursor, self._writes.dialect), write),)

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

    def _after_commit(self) -> None:
        self._commits += 1
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


def _no_autocheckpoint(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA wal_autocheckpoint=0")


def _query_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA query_only=ON")


_connection_numbers = itertools.count(1)


def _connection_number(connection: PoolProxiedConnection) -> int:
    """A number of this driver connection's own, for as long as it lives."""
    number: int = connection.info.setdefault("number", next(_connection_numbers))
    return number
