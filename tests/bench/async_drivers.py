"""Which async driver serves Sooth's PostgreSQL reads faster: psycopg with psycopg_pool, or asyncpg.

One app, three ways to the same database, side by side in one run under wrk, each beside
the bare endpoint (tests/bench/bare_app.py):

- asyncpg: service/loop_postgres.py as Sooth runs it: asyncpg's own pool on the event loop,
  each read one statement (a question's four statements read together as arrays of
  records), no transaction;
- asyncpg-sqlalchemy: SQLAlchemy's async engine on asyncpg (AsyncAdaptedQueuePool, the same
  pool size), the read models run in a greenlet, in a read-only snapshot;
- psycopg: psycopg's AsyncConnectionPool in pipeline mode, in a greenlet, in a read-only
  snapshot whose BEGIN goes out with the statements.

Two reads each: GET /key/{id}, one statement by primary key (what every keyed request
does), and GET /question/{id}, the question page's read model (four statements). The
ledger is the scaled one of 100,000 claims (tests/bench/scaled_ledger.py), built into a
database of the run's own.
Run: python tests/bench/async_drivers.py [--duration 5] [--postgres URL].
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from fastapi import FastAPI, Response  # noqa: E402
from psycopg import AsyncCursor  # noqa: E402
from psycopg.conninfo import make_conninfo  # noqa: E402
from psycopg_pool import AsyncConnectionPool  # noqa: E402
from pydantic_core import to_json  # noqa: E402
from sqlalchemy import Dialect, create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.engine.interfaces import IsolationLevel  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402
from sqlalchemy.util import await_, greenlet_spawn  # noqa: E402

from forecasts.prepared import Cursor, Prepared  # noqa: E402
from service.loop_postgres import LoopPostgres  # noqa: E402
from service.views import QUESTION_ROW, question_detail_data  # noqa: E402

T = TypeVar("T")
POOL_SIZE = 16
DRIVERS = ("asyncpg", "asyncpg-sqlalchemy", "psycopg")


class _Asyncpg:
    """Reads through asyncpg's adapter in SQLAlchemy, run in a greenlet as psycopg's are."""

    def __init__(self, url: str) -> None:
        async_url = make_url(url).set(drivername="postgresql+asyncpg")
        self.engine = create_async_engine(async_url, pool_size=POOL_SIZE, max_overflow=0)

    async def read(self, read: Callable[[Cursor], T]) -> T:
        return await greenlet_spawn(self._run, read, "REPEATABLE READ")

    async def read_statement(self, read: Callable[[Cursor], T]) -> T:
        return await greenlet_spawn(self._run, read, "AUTOCOMMIT")

    def _run(self, read: Callable[[Cursor], T], isolation: IsolationLevel) -> T:
        connection = self.engine.sync_engine.raw_connection()
        driver: Any = connection.dbapi_connection
        dialect = self.engine.dialect
        try:
            dialect.set_isolation_level(driver, isolation)
            driver.readonly = isolation != "AUTOCOMMIT"
            try:
                return read(Cursor(connection.cursor(), dialect))
            finally:
                connection.rollback()
        finally:
            dialect.set_isolation_level(driver, "READ COMMITTED")
            driver.readonly = False
            connection.close()


class _Sooth:
    """Sooth's own reads (service/loop_postgres.py): every read is one statement."""

    def __init__(self, url: str) -> None:
        self.loop = LoopPostgres(url=url, pool_size=POOL_SIZE)

    async def read(self, read: Callable[[Cursor], T]) -> T:
        return await self.loop.read(read)

    read_statement = read


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


class _PsycopgAsync:
    """Reads on psycopg's async connections in pipeline mode, in a greenlet."""

    def __init__(self, url: str) -> None:
        self.dialect = create_engine(url).dialect
        self.pool = AsyncConnectionPool(
            conninfo(url), min_size=POOL_SIZE, max_size=POOL_SIZE, open=False
        )

    async def read(self, read: Callable[[Cursor], T]) -> T:
        return await self._run(read, True)

    async def read_statement(self, read: Callable[[Cursor], T]) -> T:
        return await self._run(read, False)

    async def _run(self, read: Callable[[Cursor], T], snapshot: bool) -> T:
        if self.pool.closed:
            await self.pool.open()
        async with self.pool.connection() as connection:
            await connection.set_autocommit(True)
            async with connection.pipeline():
                if snapshot:
                    await connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                try:
                    cursor = PipelinedCursor(
                        lambda: AwaitedCursor(connection.cursor()), self.dialect
                    )
                    return await greenlet_spawn(read, cursor)
                finally:
                    if snapshot:
                        await connection.execute("ROLLBACK")


def create_app() -> FastAPI:
    """The two reads through the driver BENCH_DRIVER names, on SOOTH_DATABASE_URL."""
    url = os.environ["SOOTH_DATABASE_URL"]
    reads: Any
    if os.environ["BENCH_DRIVER"] == "asyncpg":
        reads = _Sooth(url)
    elif os.environ["BENCH_DRIVER"] == "asyncpg-sqlalchemy":
        reads = _Asyncpg(url)
    else:
        reads = _PsycopgAsync(url)
    app = FastAPI()

    @app.get("/constant")
    async def constant() -> dict[str, object]:
        return {"id": 1, "title": "Will it happen?", "status": "open", "tags": ["bench"]}

    @app.get("/key/{question_id}")
    async def key(question_id: int) -> Response:
        rows = await reads.read_statement(
            lambda cursor: cursor.rows(QUESTION_ROW, {"question_id": question_id})
        )
        return Response(to_json(rows), media_type="application/json")

    @app.get("/question/{question_id}")
    async def question(question_id: int) -> Response:
        detail = await reads.read(lambda cursor: question_detail_data(cursor, question_id))
        return Response(to_json(detail), media_type="application/json")

    return app


def main() -> int:
    """Serve each driver in turn and print one table of their throughput."""
    from tests.bench import bench_load as load

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="Seconds per measurement.")
    parser.add_argument("--postgres", default=load.POSTGRES_SERVER, help="A server to bench on.")
    parser.add_argument("--database", help="A migrated ledger to use rather than build one.")
    args = parser.parse_args()
    load.BENCH_DIR.mkdir(parents=True, exist_ok=True)
    lines = []
    ledger = (
        load.postgres_ledger(args.postgres) if args.database is None else nullcontext(args.database)
    )
    with ledger as url:
        engine = create_engine(url)
        with engine.connect() as connection:
            low, high = connection.execute(text("SELECT min(id), max(id) FROM question")).one()
        engine.dispose()
        scripts = {}
        for number, (name, path) in enumerate(
            (("key", "/key/"), ("question", "/question/"), ("bare", "/constant"))
        ):
            script = load.BENCH_DIR / f"drivers-{number}.lua"
            body = 'request = function() return wrk.format("GET", "/constant") end\n'
            if name != "bare":
                body = (
                    "math.randomseed(os.time() + math.floor(os.clock() * 1e6))\n"
                    "request = function()\n"
                    f'  return wrk.format("GET", "{path}" .. math.random({low}, {high}))\nend\n'
                )
            script.write_text(body + load.DONE, encoding="utf-8")
            scripts[name] = script
        for driver in DRIVERS:
            env = os.environ | {
                "PYTHONPATH": str(ROOT),
                "SOOTH_DATABASE_URL": url,
                "BENCH_DRIVER": driver,
            }
            port = load.free_port()
            command = load.uvicorn_command("tests.bench.async_drivers:create_app", port, 1)
            with load.served(command, env, port, "/constant") as base_url:
                bare = load.run_wrk(base_url, scripts["bare"], args.duration)
                for name in ("key", "question"):
                    figure = load.run_wrk(base_url, scripts[name], args.duration)
                    lines.append(
                        f"| {driver} | {name} | {figure.requests_per_second:,.0f} | "
                        f"{figure.p99_ms:.1f} | {figure.errors} | "
                        f"{bare.requests_per_second:,.0f} | "
                        f"{figure.requests_per_second / bare.requests_per_second:.0%} |"
                    )
                    print(lines[-1], flush=True)
    print("\n| driver | read | req/s | p99 ms | errors | bare req/s | ratio |")
    print("|---|---|---|---|---|---|---|")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
