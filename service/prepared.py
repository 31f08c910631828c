"""Prepared reads: SELECTs compiled once per dialect and run straight on a DBAPI cursor.

The most read routes (a question, a page of claims) spent most of their time in the layers
between a query and its rows: a Session per request, a statement compiled or looked up in
the cache on every execute, a result object per statement. A Prepared statement is
compiled once for each dialect it meets, and keeps only the result processors of its
columns that have one (datetimes, on SQLite), so reading is the driver's cursor and a
loop over the rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Dialect, Select, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator, TypeEngine
from sqlmodel import Session

from forecasts.sqltypes import UTCDateTime


@dataclass
class _Compiled:
    sql: str
    names: Sequence[str] | None  # the parameters in order, for positional paramstyles
    # Found on the first run: some drivers' processing depends on the column types the
    # cursor reports (PostgreSQL numerics).
    processors: tuple[tuple[int, Callable[[Any], Any]], ...] | None = None


class Prepared:
    """A SELECT whose SQL text and result processing are worked out once per dialect.

    Parameters go to the driver as given, so bind only values the driver takes as they are
    (integers, strings).
    """

    def __init__(self, statement: Select[Any]) -> None:
        self.statement = statement
        self._by_dialect: dict[str, _Compiled] = {}

    def compiled(self, dialect: Dialect) -> _Compiled:
        """The statement as `dialect` runs it."""
        found = self._by_dialect.get(dialect.name)
        if found is None:
            compiled = self.statement.compile(dialect=dialect)
            found = self._by_dialect[dialect.name] = _Compiled(
                sql=compiled.string,
                names=compiled.positiontup if compiled.positional else None,
            )
        return found

    def processors(
        self, dialect: Dialect, description: Sequence[Sequence[Any]]
    ) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
        """The result processing of the columns that need any, as (index, function)."""
        found = []
        for index, column in enumerate(self.statement.selected_columns):
            impl = column.type.dialect_impl(dialect)
            process = impl.result_processor(dialect, description[index][1])
            if process is not None:
                found.append((index, process))
        return tuple(found)


class Snapshot:
    """A DBAPI cursor reading one consistent state of the database."""

    def __init__(self, cursor: Any, dialect: Dialect) -> None:
        self.cursor = cursor
        self.dialect = dialect

    @classmethod
    def of_session(cls, session: Session) -> Snapshot:
        """A snapshot inside the session's transaction, seeing its pending writes too."""
        session.flush()
        connection = session.connection()
        return cls(connection.connection.cursor(), connection.dialect)

    def rows(self, prepared: Prepared, params: Mapping[str, Any]) -> list[Sequence[Any]]:
        """Every row the statement returns, with its columns' result processing applied."""
        compiled = prepared.compiled(self.dialect)
        if compiled.names is None:
            self.cursor.execute(compiled.sql, params)
        else:
            self.cursor.execute(compiled.sql, tuple(params[name] for name in compiled.names))
        rows: list[Sequence[Any]] = self.cursor.fetchall()
        processors = compiled.processors
        if processors is None:
            processors = compiled.processors = prepared.processors(
                self.dialect, self.cursor.description
            )
        if not processors:
            return rows
        processed: list[Sequence[Any]] = []
        for row in rows:
            values = list(row)
            for index, process in processors:
                values[index] = process(values[index])
            processed.append(values)
        return processed


class _InstantText(TypeDecorator[Any]):
    """What api_instant reads back: text on SQLite, an aware UTC datetime elsewhere."""

    impl = UTCDateTime
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        return dialect.type_descriptor(String() if dialect.name == "sqlite" else UTCDateTime())


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
