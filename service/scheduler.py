"""The reminder jobs on a timer: APScheduler 3 wiring, and the wrapper every job runs in.

The wrapper gives a job a unit of work, which commits once when the job returns, and the
current instant; it logs and times it. One job commits more often, by design: outbox
delivery (resolvers/outbox.py) commits the claim of each batch before it contacts the
mail server and each message's acceptance right after the server's reply, on a
connection of its own, so that a crash forgets at most one sent message rather than a
batch. On PostgreSQL the wrapper runs a job only while holding that job's advisory
lock: another instance holding it means this one skips the round. That saves work;
correctness does not depend on it, since every job's effect is keyed in the database
(several uvicorn workers each start a scheduler, and that is fine).
"""

from __future__ import annotations

import logging
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import text

from forecasts.domain import utc_now
from resolvers.digest import DigestConfig
from resolvers.jobs import Job, JobResult, rehearsed, reminder_jobs
from resolvers.mail import FileTransport, SmtpTransport, Transport, parse_mailbox
from service.database import Database
from service.deps import Clock
from service.feeds import feed_poll
from service.settings import MailTransport, Settings
from service.witness import ledger_jobs

log = logging.getLogger(__name__)

CADENCE = {
    "mark_due": timedelta(hours=1),
    "enqueue_digests": timedelta(hours=1),
    "deliver_outbox": timedelta(minutes=1),
    "snapshot_calibration": timedelta(hours=1),
}
"""How often each job runs; a job not listed runs hourly."""
FEED_POLL = "poll_feeds"
"""The feed-polling job; it runs every SOOTH_FEED_POLL_MINUTES and polls the feeds due."""
MISFIRE_GRACE = timedelta(hours=6)
"""A run late by less than this still happens (APScheduler's default of 1 s skips it)."""


def digest_config(settings: Settings) -> DigestConfig:
    """What digests need from the settings."""
    return DigestConfig(
        base_url=settings.base_url,
        secret_key=settings.resolved_secret_key(),
        link_days=settings.resolve_link_days,
        mail_from=settings.mail_from,
    )


def mail_transport(settings: Settings) -> Transport:
    """The configured transport: SMTP, or .eml files under the mail directory."""
    if settings.mail_transport is MailTransport.smtp:
        return SmtpTransport(
            host=settings.smtp_host,
            port=settings.smtp_port,
            envelope_from=parse_mailbox(settings.mail_from).addr_spec,
            security=settings.smtp_security.value,
            username=settings.smtp_username,
            password=(
                settings.smtp_password.get_secret_value() if settings.smtp_password else None
            ),
        )
    return FileTransport(settings.resolved_mail_dir())


def jobs_for(settings: Settings) -> list[Job]:
    """The reminder jobs configured from the settings, in the order a round runs them."""
    return reminder_jobs(digest=digest_config(settings), transport=mail_transport(settings))


def lock_key(job_name: str) -> int:
    """The PostgreSQL advisory-lock key of a job: stable across processes and releases."""
    return zlib.crc32(f"sooth.job.{job_name}".encode())


class JobRunner:
    """Runs jobs one at a time, each in its own unit of work, as of the clock's instant."""

    def __init__(self, database: Database, clock: Clock = utc_now) -> None:
        self.database = database
        self.clock = clock

    def run(self, job: Job, *, wait: bool = False) -> JobResult | None:
        """Run `job`; None when another instance holds its lock and this round is skipped.

        With `wait`, the job runs once the other instance's run of it has ended, rather than
        being skipped: a round run by hand then sees what that instance's earlier jobs
        stored (a digest it enqueued after this round's delivery found the outbox empty).
        """
        with self._lock(job.name, wait=wait) as held:
            if not held:
                log.info("job %s skipped: another instance is running it", job.name)
                return None
            now = self.clock()
            started = time.perf_counter()
            with self.database.writing() as session:
                result = job.run(session=session, now=now)
            # A round that did nothing is not news: the delivery job runs every minute.
            log.log(
                logging.INFO if result.count or result.trouble else logging.DEBUG,
                "job %s as of %s: %s in %.2f s",
                job.name,
                now.isoformat(),
                result,
                time.perf_counter() - started,
            )
            return result

    def rehearse(self, jobs: list[Job]) -> list[tuple[str, JobResult]]:
        """What a round of `jobs` would do as of the clock's instant; stores and sends nothing."""
        now = self.clock()
        # One transaction, rolled back: each job sees what the ones before it would have done.
        with self.database.reading() as session:
            try:
                return [(job.name, rehearsed(job).run(session=session, now=now)) for job in jobs]
            finally:
                session.rollback()

    def run_io(self, name: str, work: Callable[[datetime], JobResult]) -> JobResult | None:
        """Run a job that fetches over the network and opens its own short transactions."""
        with self._lock(name) as held:
            if not held:
                log.info("job %s skipped: another instance is running it", name)
                return None
            now = self.clock()
            started = time.perf_counter()
            result = work(now)
            log.info(
                "job %s as of %s: %s in %.2f s",
                name,
                now.isoformat(),
                result,
                time.perf_counter() - started,
            )
            return result

    @contextmanager
    def _lock(self, job_name: str, *, wait: bool = False) -> Iterator[bool]:
        if self.database.dialect != "postgresql":
            yield True  # SQLite: one instance, and writers are serialised anyway
            return
        key = lock_key(job_name)
        # A session-level lock on a connection of its own: the job commits as it goes,
        # which would release a transaction-level lock after its first commit.
        with self.database.engine.connect() as connection:
            if wait:
                connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
                held = True
            else:
                taken = connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": key})
                held = bool(taken.scalar())
            connection.commit()
            try:
                yield held
            finally:
                if held:
                    connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
                    connection.commit()


def build_scheduler(
    *, settings: Settings, database: Database, clock: Clock = utc_now
) -> BackgroundScheduler:
    """A scheduler (not started) running every reminder job on its cadence, first at once."""
    # APScheduler announces every job added and run at INFO; the job wrapper logs what
    # each run did. Its warnings (late runs) and errors (failed jobs) still show.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    scheduler = BackgroundScheduler(
        timezone="UTC",
        jobstores={"default": MemoryJobStore()},
        executors={"default": ThreadPoolExecutor(max_workers=4)},
        job_defaults={
            "coalesce": True,
            "max_instances": 1,
            "misfire_grace_time": int(MISFIRE_GRACE.total_seconds()),
        },
    )
    runner = JobRunner(database, clock)
    for job in jobs_for(settings):
        scheduler.add_job(
            runner.run,
            trigger=IntervalTrigger(
                seconds=int(CADENCE.get(job.name, timedelta(hours=1)).total_seconds())
            ),
            args=[job],
            id=job.name,
            name=job.name,
            next_run_time=utc_now(),  # catch up at start: a missed week is sent on return
            replace_existing=True,
        )
    # Off the event loop: signing in the scheduler's threads, verifying in a child process.
    for ledger_job in ledger_jobs(settings, database):
        scheduler.add_job(
            runner.run_io,
            trigger=IntervalTrigger(seconds=int(ledger_job.every.total_seconds())),
            args=[ledger_job.name, ledger_job.run],
            id=ledger_job.name,
            name=ledger_job.name,
            next_run_time=utc_now(),
            replace_existing=True,
        )
    scheduler.add_job(
        runner.run_io,
        trigger=IntervalTrigger(minutes=settings.feed_poll_minutes),
        args=[FEED_POLL, feed_poll(settings, database)],
        id=FEED_POLL,
        name=FEED_POLL,
        next_run_time=utc_now(),
        replace_existing=True,
    )
    return scheduler
