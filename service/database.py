"""The database engine and the transactions requests and jobs run in."""

from __future__ import annotations

import logging
import math
import sqlite3
import threading
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, TypeVar

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from anyio import to_thread
from sqlalchemy import Dialect, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import SingletonThreadPool
from sqlmodel import Session

from forecasts.dialects import one_state_options
from forecasts.prepared import Cursor
from service.keyfiles import private_file
from service.loop_postgres import LoopPostgres
from service.loop_sqlite import CHECKPOINT_LOCK_WAIT_SECONDS, LoopSQLite
from service.migrations_runner import alembic_config

log = logging.getLogger(__name__)

# SQLite's default deferred BEGIN lets two read-then-write transactions both read and
# then fail to upgrade their lock; writers take the write lock up front instead.
_SQLITE_BEGIN = "sqlite_begin"


T = TypeVar("T")

# SQLite reads the database file through a memory map of up to this size rather than a
# read() per page into each connection's cache; a connection's cache starts over whenever
# another one commits, so under writes every read fetched its pages again. The map is
# address space; the pages are the kernel's file cache, shared by every connection.
SQLITE_MMAP_BYTES = 1 << 30


class NotMigratedError(RuntimeError):
    """The database schema is missing or behind the code."""


def make_engine(url: str, *, lock_wait_seconds: float = 30, **options: Any) -> Engine:
    """An engine for `url`, configured for concurrent use of SQLite or PostgreSQL.

    On SQLite a statement that finds the database locked by another connection retries
    for up to `lock_wait_seconds`, then fails.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            # Before SQLite creates it (0644 by the umask); its WAL takes the same mode.
            private_file(Path(parsed.database))
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": lock_wait_seconds},
            **options,
        )
        _configure_sqlite(engine, lock_wait_seconds)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


def _configure_sqlite(engine: Engine, lock_wait_seconds: float) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Hand transaction control to SQLAlchemy's begin event below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={round(lock_wait_seconds * 1000)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
        # The savepoints of a batch of writes (service/loop_sqlite.py) keep their journal
        # in memory rather than in a temporary file.
        cursor.execute("PRAGMA temp_store=MEMORY")
        cursor.close()
        give_ln(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(_SQLITE_BEGIN, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def give_ln(connection: sqlite3.Connection) -> None:
    """Give a SQLite connection a natural logarithm (the reports' log loss), where SQLite
    was built without its math functions: Python's math.log, NULL for x <= 0.
    """
    try:
        connection.execute("SELECT ln(2)").fetchone()
    except sqlite3.OperationalError:
        connection.create_function("ln", 1, _ln, deterministic=True)


def _ln(value: float | None) -> float | None:
    if value is None or value <= 0:
        return None
    return math.log(value)


class Database:
    """One engine, and the two kinds of transaction the service runs."""

    def __init__(self, url: str, *, pool_size: int = 16) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._writer = self.engine.execution_options(**{_SQLITE_BEGIN: "IMMEDIATE"})
        # On PostgreSQL each statement of a READ COMMITTED transaction reads a state of
        # its own; SQLite in WAL mode keeps one per read transaction (forecasts/dialects.py).
        self._one_state = self.engine.execution_options(**one_state_options(self.engine.dialect))
        # SQLite has one writer at a time. Threads of this process queue for it here,
        # handing over at once, rather than in SQLite's busy handler, which sleeps and
        # retries (up to 100 ms a time): under load that left the write lock idle.
        self._one_writer = threading.RLock()
        # On SQLite routes read and write on the event loop (service/loop_sqlite.py).
        self._loop: LoopSQLite | None = None
        if self.dialect == "sqlite":
            self._loop = LoopSQLite(
                reads=make_engine(url, poolclass=SingletonThreadPool, pool_size=64),
                writes=make_engine(
                    url, lock_wait_seconds=0, poolclass=SingletonThreadPool, pool_size=64
                ),
                one_writer=self._one_writer,
                checkpoints=make_engine(url, lock_wait_seconds=CHECKPOINT_LOCK_WAIT_SECONDS),
            )
        # On PostgreSQL, on the event loop (service/loop_postgres.py), on pools of
        # `pool_size` connections per process, through asyncpg.
        self._postgres: LoopPostgres | None = None
        if self.dialect == "postgresql":
            self._postgres = LoopPostgres(url=url, pool_size=pool_size)

    @property
    def dialect(self) -> str:
        """The database's name: sqlite or postgresql."""
        return self.engine.dialect.name

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A unit of work that only reads, and sees one committed state, as it was at its
        first query, to its end; what it loaded stays readable after it ends.
        """
        with Session(self._one_state) as session:
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

    async def write(
        self, write: Callable[[Cursor], T], locks: Callable[[Dialect], Iterable[str]] | None = None
    ) -> T:
        """Run a unit of work on prepared statements from a route, on the event loop
        (service/loop_sqlite.py, service/loop_postgres.py), and commit it once.

        `locks` names, for the database's dialect, the locks the unit will wait for
        (Cursor.wait_for): on PostgreSQL they are taken ahead, with its transaction's BEGIN,
        and the unit's own waits cost nothing. SQLite's write lock makes every writer wait
        already.
        """
        if self._loop is not None:
            return await self._loop.write(write)
        ahead = () if locks is None else locks(self.engine.dialect)
        return await self._on_postgres().write(write, ahead)

    async def write_with_session(self, write: Callable[[Session], T]) -> T:
        """Run a unit of work that needs the ORM from a route, in a thread."""
        return await to_thread.run_sync(self._write_session_in_thread, write)

    def _write_session_in_thread(self, write: Callable[[Session], T]) -> T:
        with self.writing() as session:
            return write(session)

    async def read(self, read: Callable[[Cursor], T]) -> T:
        """Run a route's read model on one committed state, on the event loop: on SQLite in
        a snapshot on the loop's connection; on PostgreSQL as one statement
        (service/loop_postgres.py), so the model reads with `rows` or `rows_together`, once.
        """
        if self._loop is not None:
            return self._loop.read(read)
        return await self._on_postgres().read(read)

    async def read_json(self, key: Hashable, read: Callable[[Cursor], object]) -> bytes:
        """The JSON of a read model, read as `read` reads, and kept until the database
        changes (service/read_cache.py). `key` must name everything the result depends on.
        """
        if self._loop is not None:
            return self._loop.read_json(key, read)
        return await self._on_postgres().read_json(key, read)

    def _on_postgres(self) -> LoopPostgres:
        if self._postgres is None:
            raise RuntimeError(f"no event-loop connections for {self.dialect}")
        return self._postgres

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

    async def wal_copied(self) -> None:
        """On SQLite, wait for a copy of the WAL into the database file under way to end."""
        if self._loop is not None:
            await self._loop.wal_copied()

    async def close_loop_pool(self) -> None:
        """Close the running event loop's pool of PostgreSQL connections, if any."""
        if self._postgres is not None:
            await self._postgres.close()

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
        if self._loop is not None:
            self._loop.dispose()
        if self._postgres is not None:
            self._postgres.dispose()
