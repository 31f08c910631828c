"""The scheduler wiring, the job wrapper's advisory lock, and `sooth remind`."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from apscheduler.jobstores.memory import MemoryJobStore
from fastapi.testclient import TestClient
from sqlalchemy import Connection, func, text
from sqlmodel import select
from typer.testing import CliRunner

from forecasts.domain import Status
from forecasts.models import OutboxMessage, Question
from resolvers.jobs import Job
from service.cli import app as cli
from service.database import Database
from service.scheduler import FEED_POLL, JobRunner, build_scheduler, jobs_for, lock_key
from service.settings import Settings
from tests.conftest import MutableClock
from tests.factories import make_question
from tests.resolvers.conftest import SmtpServer, make_reviewer, requires_postgres


def _due_question_for_a_reviewer(database: Database) -> None:
    with database.writing() as session:
        person = make_reviewer(session, created=datetime(2026, 3, 2, tzinfo=UTC))
        make_question(session, deadline=datetime(2026, 2, 1, tzinfo=UTC), reviewer_id=person.id)


def test_scheduler_is_utc_in_memory_coalescing_one_at_a_time_with_hours_of_grace(
    settings: Settings, database: Database
) -> None:
    scheduler = build_scheduler(settings=settings, database=database)
    scheduler.start(paused=True)  # job defaults apply as jobs reach the job store
    try:
        jobs = {job.id: job for job in scheduler.get_jobs()}
        store = scheduler._jobstores["default"]
    finally:
        scheduler.shutdown(wait=False)
    assert str(scheduler.timezone) == "UTC"
    assert isinstance(store, MemoryJobStore)
    assert set(jobs) == {j.name for j in jobs_for(settings)} | {
        FEED_POLL,
        "sign_head",
        "verify_ledger",
    }
    for job in jobs.values():
        assert job.coalesce is True and job.max_instances == 1
        assert job.misfire_grace_time >= 3600
        assert job.next_run_time is not None  # runs at once on start: a missed week is caught up
    assert jobs["deliver_outbox"].trigger.interval == timedelta(minutes=1)
    assert jobs["enqueue_digests"].trigger.interval == timedelta(hours=1)
    assert jobs["mark_due"].trigger.interval == timedelta(hours=1)
    assert jobs["sign_head"].trigger.interval == timedelta(hours=1)
    assert jobs["verify_ledger"].trigger.interval == timedelta(hours=1)


def test_app_starts_the_scheduler_and_stops_it_on_shutdown(
    app_factory: Callable[..., TestClient], database: Database, clock: MutableClock
) -> None:
    _due_question_for_a_reviewer(database)
    clock.set(datetime(2026, 3, 2, 9, 30, tzinfo=UTC))

    def enqueued() -> int:
        with database.reading() as session:
            return session.exec(select(func.count()).select_from(OutboxMessage)).one()

    with app_factory(scheduler=True) as client:
        scheduler = client.app.state.scheduler  # type: ignore[attr-defined]
        assert scheduler is not None and scheduler.running
        # The jobs run at start, in the scheduler's threads: wait for their work to land.
        deadline = time.monotonic() + 30
        while enqueued() == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
    assert not scheduler.running
    assert enqueued() == 1
    with database.reading() as session:
        assert session.exec(select(Question.status)).one() == Status.due


def test_app_without_scheduler_starts_none(client: TestClient) -> None:
    assert client.app.state.scheduler is None  # type: ignore[attr-defined]


def _digests_due_and_their_job(database: Database, tmp_path: Path) -> tuple[Job, JobRunner]:
    """A reviewer with a digest due, the job that enqueues it and a runner as of then."""
    _due_question_for_a_reviewer(database)
    settings = Settings(var_dir=tmp_path, secret_key="s", _env_file=None)
    [job] = [j for j in jobs_for(settings) if j.name == "enqueue_digests"]
    return job, JobRunner(database, clock=lambda: datetime(2026, 3, 2, 10, tzinfo=UTC))


@pytest.mark.postgres
@requires_postgres
def test_a_job_is_skipped_while_another_instance_holds_its_lock(
    pg_database: Database, tmp_path: Path
) -> None:
    job, runner = _digests_due_and_their_job(pg_database, tmp_path)
    other = Database(pg_database.url)
    try:
        with other.engine.connect() as holder:
            holder.execute(text("SELECT pg_advisory_lock(:k)"), {"k": lock_key(job.name)})
            assert runner.run(job) is None
            holder.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": lock_key(job.name)})
        result = runner.run(job)
        assert result is not None and result.count == 1
    finally:
        other.dispose()


@pytest.mark.postgres
@requires_postgres
def test_a_job_run_by_hand_waits_for_another_instance_and_then_runs(
    pg_database: Database, tmp_path: Path
) -> None:
    # `sooth remind` in two processes: one's delivery may start before the other's digests
    # are committed; waiting, not skipping, lets the second delivery send them.
    job, runner = _digests_due_and_their_job(pg_database, tmp_path)
    other = Database(pg_database.url)
    try:
        with other.engine.connect() as holder, ThreadPoolExecutor(max_workers=1) as pool:
            holder.execute(text("SELECT pg_advisory_lock(:k)"), {"k": lock_key(job.name)})
            holder.commit()
            waiting = pool.submit(runner.run, job, wait=True)
            _until_a_session_waits_for_an_advisory_lock(holder)
            assert not waiting.done()
            holder.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": lock_key(job.name)})
            holder.commit()
            result = waiting.result(timeout=30)
        assert result is not None and result.count == 1
    finally:
        other.dispose()


def _until_a_session_waits_for_an_advisory_lock(connection: Connection) -> None:
    waiting = text(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        " AND wait_event_type = 'Lock' AND wait_event = 'advisory'"
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = connection.execute(waiting).scalar_one()
        connection.commit()
        if found:
            return
    raise AssertionError("no session came to wait for the job's lock")


def test_remind_runs_every_job_once_as_of_the_given_instant(
    database: Database, database_url: str, smtp: SmtpServer, tmp_path: Path
) -> None:
    _due_question_for_a_reviewer(database)
    env = {
        "SOOTH_DATABASE_URL": database_url,
        "SOOTH_VAR_DIR": str(tmp_path / "var"),
        "SOOTH_SECRET_KEY": "cli-secret",
        "SOOTH_MAIL_TRANSPORT": "smtp",
        "SOOTH_SMTP_HOST": "127.0.0.1",
        "SOOTH_SMTP_PORT": str(smtp.port),
        "SOOTH_MAIL_FROM": "Sooth <sooth@example.org>",
    }
    runner = CliRunner()
    early = runner.invoke(cli, ["remind", "--as-of", "2026-03-02T08:00:00Z"], env=env)
    assert early.exit_code == 0, early.output
    assert "mark_due: 1 question became due" in early.output
    assert "enqueue_digests: 0 digests enqueued" in early.output
    result = runner.invoke(cli, ["remind", "--as-of", "2026-03-02T10:00:00+01:00"], env=env)
    assert result.exit_code == 0, result.output
    assert "enqueue_digests: 1 digest enqueued" in result.output
    assert "deliver_outbox: 1 message sent" in result.output
    assert len(smtp.inbox.received) == 1
    again = runner.invoke(cli, ["remind", "--as-of", "2026-03-02T11:00:00Z"], env=env)
    assert "enqueue_digests: 0 digests enqueued" in again.output
    assert "deliver_outbox: 0 messages sent" in again.output


@pytest.mark.parametrize(
    ("as_of", "message"),
    [("2026-03-02T10:00:00", "must include a timezone"), ("next monday", "not an ISO-8601")],
)
def test_remind_refuses_an_unclear_instant(
    database_url: str, tmp_path: Path, as_of: str, message: str
) -> None:
    env = {"SOOTH_DATABASE_URL": database_url, "SOOTH_VAR_DIR": str(tmp_path)}
    result = CliRunner().invoke(cli, ["remind", "--as-of", as_of], env=env)
    assert result.exit_code != 0
    assert message in result.output
