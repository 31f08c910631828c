"""Prepared statements: compiled once per dialect and run straight on a DBAPI cursor.

The most used routes (a question, a page of claims, recording a claim) spent most of their
time in the layers between a statement and its rows: a statement compiled or looked up in
the cache on every execute, a result object per statement, the ORM's unit of work. A
Prepared statement is compiled once for each dialect it meets, and keeps only the bind
and result processors of its parameters and columns that have one (datetimes and enums),
so running it is the driver's cursor and a loop over the rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Dialect, Insert, Select, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator, TypeEngine
from sqlmodel import Session

from forecasts.dialects import stores_naive_instants
from forecasts.sqltypes import UTCDateTime

Processors = tuple[tuple[int, Callable[[Any], Any]], ...]
T = TypeVar("T")


@dataclass
class _Compiled:
    sql: str
    names: Sequence[str]  # the parameters, in order for positional paramstyles
    positional: bool
    binds: dict[str, Callable[[Any], Any]]
    defaults: dict[str, Any]  # values the statement carries itself, such as LIMIT 1's
    # Found on the first run: some drivers' processing depends on the column types the
    # cursor reports (PostgreSQL numerics).
    processors: Processors | None = None


class Prepared:
    """A SELECT, or an INSERT ... RETURNING, worked out once per dialect."""

    def __init__(self, statement: Select[Any] | Insert) -> None:
        self.statement = statement
        # By dialect and driver: two drivers of one database may differ in paramstyle and
        # in the values they hand back.
        self._by_dialect: dict[tuple[str, str], _Compiled] = {}

    def compiled(self, dialect: Dialect) -> _Compiled:
        """The statement as `dialect` runs it."""
        found = self._by_dialect.get((dialect.name, dialect.driver))
        if found is None:
            compiled = self.statement.compile(dialect=dialect)
            binds: dict[str, Callable[[Any], Any]] = {}
            for name, bind in compiled.binds.items():
                process = bind.type.dialect_impl(dialect).bind_processor(dialect)
                if process is not None:
                    binds[name] = process
            found = self._by_dialect[dialect.name, dialect.driver] = _Compiled(
                sql=compiled.string,
                names=list(compiled.positiontup or ())
                if compiled.positional
                else [*compiled.binds],
                positional=compiled.positional,
                binds=binds,
                defaults={
                    name: value for name, value in compiled.params.items() if value is not None
                },
            )
        return found

    def processors(self, dialect: Dialect, description: Sequence[Sequence[Any]]) -> Processors:
        """The result processing of the columns that need any, as (index, function)."""
        found = []
        if isinstance(self.statement, Select):
            types = [column.type for column in self.statement.selected_columns]
        else:
            types = [column["type"] for column in self.statement.returning_column_descriptions]
        for index, type_ in enumerate(types):
            process = type_.dialect_impl(dialect).result_processor(dialect, description[index][1])
            if process is not None:
                found.append((index, process))
        return tuple(found)


class Cursor:
    """A DBAPI cursor and its dialect, running Prepared statements."""

    def __init__(self, cursor: Any, dialect: Dialect) -> None:
        self.cursor = cursor
        self.dialect = dialect

    @classmethod
    def of_session(cls, session: Session) -> Cursor:
        """A cursor in the session's transaction, which sees its pending writes too."""
        session.flush()
        connection = session.connection()
        return cls(connection.connection.cursor(), connection.dialect)

    def execute(self, sql: str) -> None:
        """Run a statement that takes no parameters and returns nothing."""
        self.cursor.execute(sql)

    def wait_for(self, lock: str) -> None:
        """Run a statement that takes a lock held to the end of the transaction: it makes
        other writers wait, and writes nothing itself.
        """
        self.execute(lock)

    def rows(self, prepared: Prepared, params: Mapping[str, Any]) -> list[Sequence[Any]]:
        """Every row the statement returns, with its columns' result processing applied."""
        self.send(prepared, params)
        return self.fetched(prepared, self.cursor)

    def rows_together(
        self, *queries: tuple[Prepared, Mapping[str, Any]]
    ) -> list[list[Sequence[Any]]]:
        """The rows of each statement, in order; a pipelining cursor sends them at once."""
        return [self.rows(prepared, params) for prepared, params in queries]

    def send(self, prepared: Prepared, params: Mapping[str, Any], cursor: Any = None) -> None:
        """Run the statement on `cursor` (this one by default) without reading its rows."""
        compiled = prepared.compiled(self.dialect)
        (self.cursor if cursor is None else cursor).execute(
            compiled.sql, self.arguments(prepared, params)
        )

    def send_locked(
        self, prepared: Prepared, lock: Mapping[str, Any], params: Mapping[str, Any]
    ) -> None:
        """Send `prepared` with `lock`, which takes a lock held to the end of the
        transaction and writes nothing, then with `params`: an append to a chain. A cursor
        writing several units of work in one transaction sends all their appends together,
        after the lock once, just before its COMMIT.
        """
        self.send(prepared, lock)
        self.send(prepared, params)

    def arguments(self, prepared: Prepared, params: Mapping[str, Any]) -> Any:
        """The statement's parameters as the driver takes them: bound, and in order for
        positional paramstyles.
        """
        compiled = prepared.compiled(self.dialect)
        if compiled.defaults:
            params = compiled.defaults | dict(params)
        if compiled.binds:
            params = dict(params)
            for name, process in compiled.binds.items():
                params[name] = process(params[name])
        if compiled.positional:
            return tuple(params[name] for name in compiled.names)
        return params

    def fetched(self, prepared: Prepared, cursor: Any) -> list[Sequence[Any]]:
        """The rows `cursor` holds of the statement it ran, processed."""
        rows: list[Sequence[Any]] = cursor.fetchall()
        compiled = prepared.compiled(self.dialect)
        if compiled.processors is None:
            compiled.processors = prepared.processors(self.dialect, cursor.description)
        return processed(rows, compiled.processors)


def processed(rows: Sequence[Sequence[Any]], processors: Processors) -> list[Sequence[Any]]:
    """The rows with each column's result processing applied."""
    if not processors:
        return list(rows)
    done: list[Sequence[Any]] = []
    for row in rows:
        values = list(row)
        for index, process in processors:
            values[index] = process(values[index])
        done.append(values)
    return done


def committed(connection: Any, cursor: Cursor, write: Callable[[Cursor], T]) -> T:
    """What `write` returns once its statements on `cursor` are committed on the DBAPI
    `connection`; on any error, all of them are rolled back.
    """
    try:
        result = write(cursor)
        connection.commit()
    except BaseException as error:
        try:
            connection.rollback()
        except Exception:
            # A connection the error broke refuses the ROLLBACK too, and is rolled back
            # or closed as it goes back to its pool. The error that says what went wrong
            # is the first.
            raise error from None
        raise
    return result


class _InstantText(TypeDecorator[Any]):
    """What api_instant reads back: text on SQLite, an aware UTC datetime elsewhere."""

    impl = UTCDateTime
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        naive = stores_naive_instants(dialect)
        return dialect.type_descriptor(String() if naive else UTCDateTime())


class api_instant(FunctionElement[Any]):  # noqa: N801 - used like a SQL function
    """An instant column as the API writes it out, for reads that skip building models.

    pydantic writes an aware UTC datetime as 2026-03-01T09:30:00Z, with six digits of
    microseconds when there are any. SQLite keeps instants as '2026-03-01 09:30:00.000000'
    text, so there the rewrite happens in SQL and no datetime is built per value; other
    databases hand back datetimes, which pydantic formats itself.
    """

    name = "api_instant"
    type = _InstantText()
    inherit_cache = True


@compiles(api_instant)
def _instant_as_is(element: api_instant, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(api_instant, "sqlite")
def _instant_on_sqlite(element: api_instant, compiler: SQLCompiler, **kw: Any) -> str:
    text = compiler.process(element.clauses, **kw)
    return f"replace(replace({text}, ' ', 'T'), '.000000', '') || 'Z'"
