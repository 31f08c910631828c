"""Fixtures: a migrated database (SQLite, and PostgreSQL when asked for), the app, keys, time.

Database tests run on SQLite always and on PostgreSQL as well when SOOTH_TEST_POSTGRES_URL
names a server: the suite then creates its own database there, runs the migrations into
it (so they are tested too) and drops it at the end. When that variable is set and the
server cannot be reached, the suite fails rather than skipping.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from forecasts.domain import Role, utc_now
from service.app import create_app
from service.database import Database
from service.keys import create_key
from service.migrations_runner import migrate
from service.settings import Settings

POSTGRES_ENV = "SOOTH_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", "postgres"] if os.environ.get(POSTGRES_ENV) else ["sqlite"]


@dataclass
class MutableClock:
    """A clock tests move by hand; the app and jobs read it instead of the wall clock."""

    now: datetime = field(default_factory=lambda: datetime(2026, 3, 2, 12, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> datetime:
        self.now += delta
        return self.now

    def set(self, instant: datetime) -> datetime:
        assert instant.tzinfo is not None
        self.now = instant
        return self.now


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for each test so migrations run once."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    migrate(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database of this run's own, dropped at the end."""
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        pytest.fail(f"{POSTGRES_ENV} is not set; PostgreSQL tests cannot run")
    base = make_url(server)
    name = f"sooth_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        pytest.fail(f"{POSTGRES_ENV}={server} was given but PostgreSQL is unreachable: {error}")
    url = base.set(database=name).render_as_string(hide_password=False)
    migrate(url)
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate_all(database: Database) -> None:
    with database.engine.begin() as connection:
        tables = connection.execute(
            text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename <> 'alembic_version'"
            )
        ).scalars()
        names = ", ".join(f'"{t}"' for t in tables)
        # The ledger's tables refuse TRUNCATE by trigger; triggers sleep in replica mode.
        connection.execute(text("SET LOCAL session_replication_role = replica"))
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty, migrated database of the parametrised backend."""
    if request.param == "sqlite":
        path = tmp_path / "sooth.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """An empty, migrated database: a copied SQLite file, or a truncated PostgreSQL one."""
    db = Database(database_url)
    if db.dialect == "postgresql":
        _truncate_all(db)
    yield db
    db.dispose()


@pytest.fixture
def clock() -> MutableClock:
    """A clock at 2026-03-02 12:00 UTC (a Monday) that tests move by hand."""
    return MutableClock()


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    """Settings pointing at this test's database and directories, scheduler off."""
    return Settings(
        var_dir=tmp_path / "var",
        database_url=database_url,
        secret_key="test-secret-key-for-signing-only",
        scheduler=False,
        mail_dir=tmp_path / "mail",
        base_url="http://testserver",
        _env_file=None,
    )


@pytest.fixture
def app_factory(
    settings: Settings, database: Database, clock: MutableClock
) -> Callable[..., TestClient]:
    """Build the app with overridden settings; the database and clock are this test's."""

    def build(**overrides: object) -> TestClient:
        app = create_app(settings.model_copy(update=overrides), database=database, clock=clock)
        return TestClient(app)

    return build


@pytest.fixture
def client(app_factory: Callable[..., TestClient]) -> Iterator[TestClient]:
    """A client of the app on this test's database."""
    with app_factory() as test_client:
        yield test_client


@pytest.fixture
def keys(database: Database) -> dict[Role, str]:
    """One clear API key per role."""
    made: dict[Role, str] = {}
    with database.writing() as session:
        for role in Role:
            _, made[role] = create_key(
                session=session, name=f"test-{role.value}", role=role, now=utc_now()
            )
    return made


def bearer(key: str) -> dict[str, str]:
    """The Authorization header for `key`."""
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture
def editor(keys: dict[Role, str]) -> dict[str, str]:
    """Headers of an editor."""
    return bearer(keys[Role.editor])


@pytest.fixture
def admin(keys: dict[Role, str]) -> dict[str, str]:
    """Headers of an admin."""
    return bearer(keys[Role.admin])


@pytest.fixture
def reviewer(keys: dict[Role, str]) -> dict[str, str]:
    """Headers of a reviewer."""
    return bearer(keys[Role.reviewer])
