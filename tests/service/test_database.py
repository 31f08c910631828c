"""The database layer: migrations, SQLite's configuration, and refusing unmigrated schemas."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import select, text
from sqlmodel import col

from forecasts.models import Question
from forecasts.prepared import Cursor, Prepared
from service.app import create_app
from service.database import Database, NotMigratedError
from service.migrations_runner import alembic_config, migrate
from service.settings import Settings
from tests.factories import make_question
from tests.own_loop import run_on_own_loop

T = TypeVar("T")


def test_app_refuses_to_start_on_an_unmigrated_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    app = create_app(Settings(database_url=url, var_dir=tmp_path, _env_file=None))
    with pytest.raises(NotMigratedError, match="sooth migrate"), TestClient(app):
        pass


def test_health_reports_ok_when_migrated(client: TestClient, database: Database) -> None:
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": database.dialect}


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'wal.db'}"
    migrate(url)
    database = Database(url)
    with database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 30000
    database.dispose()


def test_datetimes_are_aware_after_a_round_trip(database: Database) -> None:
    deadline = datetime(2026, 5, 1, 8, 30, tzinfo=UTC)
    with database.writing() as session:
        question_id = make_question(session, deadline=deadline).id
    with database.reading() as session:
        stored = session.get(Question, question_id)
        assert stored is not None
        assert stored.deadline == deadline and stored.deadline.tzinfo is not None


def test_migrations_downgrade_and_upgrade_again(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'roundtrip.db'}"
    migrate(url)
    command.downgrade(alembic_config(url), "base")
    with pytest.raises(NotMigratedError):
        Database(url).check_migrated()
    migrate(url)
    Database(url).check_migrated()


def test_a_read_sees_what_was_committed_and_leaves_units_of_work_as_they_were(
    database: Database,
) -> None:
    with database.writing() as session:
        make_question(session, title="Stored before.")
    titles = run_on_own_loop(_read(database, _titles))
    assert titles == ["Stored before."]
    with pytest.raises(RuntimeError), database.writing() as session:
        make_question(session, title="Rolled back.")
        raise RuntimeError("the unit of work fails")
    with database.reading() as session:
        stored = session.execute(text("SELECT title FROM question")).scalars().all()
    assert stored == ["Stored before."]


def test_a_read_is_one_statement_on_either_database(database: Database) -> None:
    # PostgreSQL reads it as one statement; SQLite runs one alone, without a transaction.
    with database.writing() as session:
        make_question(session, title="Only one.")

    def two_statements(cursor: Cursor) -> None:
        _titles(cursor)
        _titles(cursor)

    with pytest.raises(RuntimeError, match="one statement; ask for several with rows_together"):
        run_on_own_loop(_read(database, two_statements))


async def _read(database: Database, read: Callable[[Cursor], T]) -> T:
    try:
        return await database.read(read)
    finally:
        await database.close_loop_pool()


_TITLES = Prepared(select(col(Question.title)).order_by(col(Question.id)))


def _titles(cursor: Cursor) -> list[str]:
    return [row[0] for row in cursor.rows(_TITLES, {})]
