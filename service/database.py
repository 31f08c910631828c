"""The database engine and the transactions requests and jobs run in."""

from __future__ import annotations

import asyncio
import itertools
import logging
import sqlite3
import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, TypeVar

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from anyio import to_thread
from psycopg import IsolationLevel
from pydantic_core import to_json
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import PoolProxiedConnection, SingletonThreadPool
from sqlmodel import Session

from forecasts.prepared import Cursor
from service.migrations_runner import alembic_config
from service.read_cache import ReadCache

log = logging.getLogger(__name__)

# SQLite's default deferred BEGIN lets two read-then-write transactions both read and
# then fail to upgrade their lock; writers take the write lock up front instead.
_SQLITE_BEGIN = "sqlite_begin"


T = TypeVar("T")


# Commits on the event loop between copies of the WAL into the database file: a claim
# writes about nine pages, so about 18 MB of WAL (SQLite's own default is 4 MB).
CHECKPOINT_EVERY = 500


class NotMigratedError(RuntimeError):
    """The database schema is missing or behind the code."""


def make_engine(url: str, *, lock_wait_seconds: int = 30, **options: Any) -> Engine:
    """An engine for `url`, configured for concurrent use of SQLite or PostgreSQL.

    On SQLite a statement that finds the database locked by another connection retries
    for up to `lock_wait_seconds`, then fails.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": lock_wait_seconds},
            **options,
        )
        _configure_sqlite(engine, lock_wait_seconds)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


def _configure_sqlite(engine: Engine, lock_wait_seconds: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Hand transaction control to SQLAlchemy's begin event below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={lock_wait_seconds * 1000}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(_SQLITE_BEGIN, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def _no_autocheckpoint(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA wal_autocheckpoint=0")


def _query_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA query_only=ON")


_connection_numbers = itertools.count(1)


def _connection_number(connection: PoolProxiedConnection) -> int:
    """A number of this driver connection's own, for as long as it lives."""
    number: int = connection.info.setdefault("number", next(_connection_numbers))
    return number


class Database:
    """One engine, and the two kinds of transaction the service runs."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._writer = self.engine.execution_options(**{_SQLITE_BEGIN: "IMMEDIATE"})
        # SQLite has one writer at a time. Threads of this process queue for it here,
        # handing over at once, rather than in SQLite's busy handler, which sleeps and
        # retries (up to 100 ms a time): under load that left the write lock idle.
        self._one_writer = threading.RLock()
        # Reads run on the event loop (see read) get a connection of the loop's thread's
        # own, never one from the shared pool: waiting there for a connection that a
        # request in the thread pool holds would stop the loop that request needs to end.
        self._loop_reads = self._loop_writes = None
        if self.dialect == "sqlite":
            self._loop_reads = make_engine(url, poolclass=SingletonThreadPool, pool_size=64)
            # Never writing keeps its data_version a measure of everyone else's commits.
            event.listen(self._loop_reads, "connect", _query_only)
            # Writes try the loop first (see write), on a connection that never waits for
            # the write lock: finding it taken, they go to a thread that does.
            self._loop_writes = make_engine(
                url, lock_wait_seconds=0, poolclass=SingletonThreadPool, pool_size=64
            )
            # Their commits leave the WAL to _checkpoint: see _after_loop_commit.
            event.listen(self._loop_writes, "connect", _no_autocheckpoint)
        self._cache = ReadCache()
        self._loop_commits = 0
        self._checkpoint: asyncio.Future[None] | None = None

    @property
    def dialect(self) -> str:
        """The database's name: sqlite or postgresql."""
        return self.engine.dialect.name

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A unit of work that only reads; what it loaded stays readable after it ends."""
        with Session(self.engine) as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A unit of work that commits at the end, or rolls back everything on error."""
        queue = self._one_writer if self.dialect == "sqlite" else nullcontext()
        with queue, Session(self._writer, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    async def write(self, write: Callable[[Session], T]) -> T:
        """Run a unit of work from a route: on SQLite here when the write lock is free.

        A SQLite write of a few rows takes a few hundred microseconds, less than a trip to
        the thread pool and back costs under load; but waiting for the write lock would
        stop the event loop. So the loop only ever tries for the lock: when a thread of
        this process or another process holds it, the work goes to a thread that waits.
        Once taken, nothing in a WAL transaction waits again, and copying the WAL into
        the database file is left to a thread (_after_loop_commit). PostgreSQL writes
        wait on the network: always a thread.
        """
        checkpoint = self._checkpoint
        if checkpoint is not None and checkpoint.get_loop() is asyncio.get_running_loop():
            await asyncio.shield(checkpoint)
        if self._loop_writes is not None and self._one_writer.acquire(blocking=False):
            try:
                done = self._write_if_free(self._loop_writes, write)
            finally:
                self._one_writer.release()
            if done is not None:
                self._after_loop_commit()
                return done[0]
        return await to_thread.run_sync(self._write_in_thread, write)

    def _after_loop_commit(self) -> None:
        """Every CHECKPOINT_EVERY commits, copy the WAL into the database file in a thread.

        SQLite would do it in the commit that crosses 1,000 pages, and with the fsync
        that ends it (about ten milliseconds here) stop the loop and every request on it.
        In a thread the loop goes on; the writes arriving meanwhile wait for it to end
        (write), so that it catches up with the end of the WAL and SQLite can start the
        WAL over rather than let it grow.
        """
        self._loop_commits += 1
        running = self._checkpoint is not None and not self._checkpoint.done()
        if self._loop_commits < CHECKPOINT_EVERY or running:
            return
        self._loop_commits = 0
        checkpoint = asyncio.get_running_loop().run_in_executor(None, self._copy_wal)
        checkpoint.add_done_callback(self._checkpoint_ended)
        self._checkpoint = checkpoint

    def _checkpoint_ended(self, checkpoint: asyncio.Future[None]) -> None:
        if self._checkpoint is checkpoint:
            self._checkpoint = None
        if not checkpoint.cancelled() and checkpoint.exception() is not None:
            log.error(
                "copying the SQLite WAL into the database failed; retried later",
                exc_info=checkpoint.exception(),
            )

    def _copy_wal(self) -> None:
        with self._one_writer:
            connection = self.engine.raw_connection()
            try:
                connection.cursor().execute("PRAGMA wal_checkpoint(PASSIVE)")
            finally:
                connection.close()

    def _write_if_free(self, engine: Engine, write: Callable[[Session], T]) -> tuple[T] | None:
        """The work's result, or None when another connection holds the write lock."""
        with Session(engine, expire_on_commit=False) as session:
            try:
                # BEGIN IMMEDIATE: the write lock now, or refused at once.
                session.connection(execution_options={_SQLITE_BEGIN: "IMMEDIATE"})
            except OperationalError as error:
                if getattr(error.orig, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY:
                    return None
                raise
            try:
                result = write(session)
                session.commit()
            except BaseException:
                session.rollback()
                raise
            return (result,)

    def _write_in_thread(self, write: Callable[[Session], T]) -> T:
        with self.writing() as session:
            return write(session)

    @contextmanager
    def snapshot(self, engine: Engine | None = None) -> Iterator[Cursor]:
        """A read-only view of one committed state, on a driver connection of `engine`."""
        with self._snapshot(engine or self.engine) as (_, cursor):
            yield cursor

    @contextmanager
    def _snapshot(self, engine: Engine) -> Iterator[tuple[PoolProxiedConnection, Cursor]]:
        connection = engine.raw_connection()
        driver: Any = connection.dbapi_connection
        try:
            # Without this each SELECT would see the state of its own moment. SQLite's
            # driver runs in autocommit (see _configure_sqlite), and its transactions read
            # one state; PostgreSQL's opens a transaction with the first statement, which
            # reads one state only at REPEATABLE READ (set here on the driver's connection,
            # so that its BEGIN says so rather than a statement of its own).
            if self.dialect == "sqlite":
                cursor = connection.cursor()
                cursor.execute("BEGIN")
            else:
                driver.isolation_level = IsolationLevel.REPEATABLE_READ
                driver.read_only = True
                cursor = connection.cursor()
            yield connection, Cursor(cursor, self.engine.dialect)
        finally:
            if self.dialect != "sqlite":
                driver.rollback()
                driver.isolation_level = driver.read_only = None
            connection.close()  # back to the pool, which rolls a SQLite snapshot back

    async def read(self, read: Callable[[Cursor], T]) -> T:
        """Run a read model from a route: on SQLite right here, on PostgreSQL in a thread.

        A SQLite read of a few indexed rows takes tens of microseconds, several times less
        than a trip to the thread pool and back costs under load, and WAL readers never
        wait for a lock. A PostgreSQL read waits on the network, which the event loop
        must not.
        """
        if self._loop_reads is not None:
            with self.snapshot(self._loop_reads) as snapshot:
                return read(snapshot)
        return await to_thread.run_sync(self._read_in_snapshot, read)

    async def read_json(self, key: Hashable, read: Callable[[Cursor], object]) -> bytes:
        """The JSON of a read model; on SQLite kept until the database changes (ReadCache).

        `key` must name everything the result depends on.
        """
        if self._loop_reads is None:
            return await to_thread.run_sync(self._json_in_snapshot, read)
        with self._snapshot(self._loop_reads) as (connection, snapshot):
            snapshot.execute("PRAGMA data_version")  # this also starts the snapshot
            # data_version counts per connection: the version names the connection too.
            version = (_connection_number(connection), snapshot.cursor.fetchone()[0])
            body = self._cache.get(key, version)
            if body is None:
                body = to_json(read(snapshot))
                self._cache.put(key, version, body)
            return body

    def _json_in_snapshot(self, read: Callable[[Cursor], object]) -> bytes:
        with self.snapshot() as snapshot:
            return to_json(read(snapshot))

    def _read_in_snapshot(self, read: Callable[[Cursor], T]) -> T:
        with self.snapshot() as snapshot:
            return read(snapshot)

    def check_migrated(self) -> None:
        """Refuse to go on with a database the migrations have not brought up to date."""
        script = ScriptDirectory.from_config(alembic_config(self.url))
        heads = set(script.get_heads())
        with self.engine.connect() as connection:
            current = set(MigrationContext.configure(connection).get_current_heads())
        if current != heads:
            state = "empty" if not current else f"at revision {', '.join(sorted(current))}"
            raise NotMigratedError(
                f"the database at {make_url(self.url).render_as_string(hide_password=True)} "
                f"is {state}, not at the latest schema ({', '.join(sorted(heads))}); "
                "run `sooth migrate` first"
            )

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
        for engine in (self._loop_reads, self._loop_writes):
            if engine is not None:
                engine.dispose()
