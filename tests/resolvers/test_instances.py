"""Two scheduler instances sharing PostgreSQL over many weeks: one digest a reviewer a week.

Each instance has its own engine and connections, runs the same jobs at the same
simulated instants (the second a few minutes behind, as real clocks are), and takes the
jobs' advisory locks as the scheduler does. Then the same with `sooth remind` in two
processes at once.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import select

from forecasts.models import OutboxMessage
from resolvers.digest import DigestConfig
from resolvers.jobs import reminder_jobs
from service.database import Database
from service.scheduler import JobRunner
from tests.factories import make_question
from tests.resolvers.conftest import (
    BASE_URL,
    MAIL_FROM,
    SECRET,
    SmtpServer,
    make_reviewer,
    requires_postgres,
)

pytestmark = [pytest.mark.postgres, requires_postgres]

SCHEDULES = [  # (zone, weekday, hour): DST changes in both directions, both hemispheres
    ("UTC", 0, 9),
    ("America/New_York", 0, 9),
    ("Europe/London", 6, 1),
    ("Asia/Tokyo", 2, 18),
    ("Australia/Sydney", 4, 7),
    ("America/Los_Angeles", 3, 23),
]
START = datetime(2026, 3, 2, tzinfo=UTC)


def _reviewers(database: Database) -> dict[str, str]:
    """Reviewers on SCHEDULES, each with due questions; email -> zone."""
    emails = {}
    with database.writing() as session:
        for zone, weekday, hour in SCHEDULES:
            person = make_reviewer(
                session,
                created=START - timedelta(days=1),
                timezone=zone,
                digest_weekday=weekday,
                digest_hour=hour,
            )
            for day in (1, 2):
                make_question(
                    session, deadline=datetime(2026, 2, day, tzinfo=UTC), reviewer_id=person.id
                )
            emails[person.email] = zone
    return emails


def _weeks_received(smtp: SmtpServer, email: str) -> list[str]:
    return [str(m.message["Subject"])[-9:-1] for m in smtp.inbox.to(email)]


def test_two_instances_over_twelve_weeks_send_one_digest_per_reviewer_per_week(
    pg_database: Database, smtp: SmtpServer
) -> None:
    emails = _reviewers(pg_database)
    digest = DigestConfig(base_url=BASE_URL, secret_key=SECRET, link_days=21, mail_from=MAIL_FROM)
    transport = smtp.transport()
    instances = [Database(pg_database.url), Database(pg_database.url)]
    skipped = Counter[str]()
    failures: list[BaseException] = []
    instant = START
    try:
        while instant < START + timedelta(weeks=12):
            start = threading.Barrier(2)

            def run(index: int, now: datetime, start: threading.Barrier) -> None:
                try:
                    runner = JobRunner(instances[index], clock=lambda: now)
                    start.wait()
                    for job in reminder_jobs(digest=digest, transport=transport):
                        if runner.run(job) is None:
                            skipped[job.name] += 1
                except BaseException as error:  # surfaced below, in the test's thread
                    failures.append(error)

            threads = [
                threading.Thread(target=run, args=(0, instant, start)),
                threading.Thread(target=run, args=(1, instant + timedelta(minutes=3), start)),
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert not failures, failures
            instant += timedelta(hours=7)  # coprime with a week: every hour of day is visited
    finally:
        for instance in instances:
            instance.dispose()

    for email in emails:
        weeks = _weeks_received(smtp, email)
        assert len(weeks) == len(set(weeks)), f"{emails[email]} got a week twice: {weeks}"
        assert len(weeks) >= 11, f"{emails[email]} missed weeks: {weeks}"
    with pg_database.reading() as session:
        stored = session.exec(select(func.count()).select_from(OutboxMessage)).one()
    assert stored == len(smtp.inbox.received)
    assert sum(skipped.values()) > 0  # the advisory locks did turn the other instance away


def test_sooth_remind_in_two_processes_at_once_sends_each_digest_once(
    pg_database: Database, smtp: SmtpServer, tmp_path: Path
) -> None:
    emails = _reviewers(pg_database)
    sooth = Path(sys.executable).with_name("sooth")
    env = {
        "PATH": str(sooth.parent),
        "SOOTH_DATABASE_URL": pg_database.url,
        "SOOTH_VAR_DIR": str(tmp_path / "var"),
        "SOOTH_SECRET_KEY": SECRET,
        "SOOTH_BASE_URL": BASE_URL,
        "SOOTH_MAIL_FROM": MAIL_FROM,
        "SOOTH_MAIL_TRANSPORT": "smtp",
        "SOOTH_SMTP_HOST": "127.0.0.1",
        "SOOTH_SMTP_PORT": str(smtp.port),
    }
    for instant in (START + timedelta(days=6, hours=23), START + timedelta(days=13, hours=23)):
        processes = [
            subprocess.Popen(
                [str(sooth), "remind", "--as-of", instant.isoformat()],
                env=env,
                cwd=tmp_path,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for _ in range(2)
        ]
        outputs = [p.communicate(timeout=120)[0] for p in processes]
        assert [p.returncode for p in processes] == [0, 0], outputs
    for email in emails:
        assert sorted(_weeks_received(smtp, email)) == ["2026-W10", "2026-W11"], emails[email]
