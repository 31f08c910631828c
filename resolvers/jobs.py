"""The reminder jobs: plain functions of a session and the current instant.

Each returns a JobResult saying what it did. Nothing here schedules anything: the service
runs them on a timer (service/scheduler.py) or once (`sooth remind`), each in its own
transaction, and the database decides what was already done.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlmodel import Session

from resolvers.digest import DigestConfig, enqueue_digests
from resolvers.due import mark_due
from resolvers.mail import Transport
from resolvers.outbox import deliver_outbox, deliverable_count
from resolvers.snapshots import take_snapshots

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobResult:
    """How many things a job did, said for people, and any trouble worth a line."""

    count: int
    one: str
    many: str
    trouble: str = ""

    def __str__(self) -> str:
        said = f"{self.count} {self.one if self.count == 1 else self.many}"
        return said + (f" ({self.trouble})" if self.trouble else "")


class JobFunction(Protocol):
    """A job: what it does to the database as of `now`."""

    def __call__(self, *, session: Session, now: datetime) -> JobResult: ...


@dataclass(frozen=True)
class Job:
    """A named job."""

    name: str
    run: JobFunction


def mark_due_job(*, session: Session, now: datetime) -> JobResult:
    """Open questions past their deadline become due."""
    count = mark_due(session=session, now=now)
    return JobResult(count, "question became due", "questions became due")


def digest_job(config: DigestConfig) -> JobFunction:
    """Enqueue the weekly digests whose time has come."""

    def run(*, session: Session, now: datetime) -> JobResult:
        count = enqueue_digests(session=session, now=now, config=config)
        return JobResult(count, "digest enqueued", "digests enqueued")

    return run


def delivery_job(transport: Transport) -> JobFunction:
    """Send what the outbox holds that is due."""

    def run(*, session: Session, now: datetime) -> JobResult:
        report = deliver_outbox(session=session, now=now, transport=transport)
        trouble = ""
        if report.failed or report.gave_up:
            trouble = f"{report.failed} failed and will be retried"
            if report.gave_up:
                trouble += f", {report.gave_up} given up"
            trouble += f"; last error: {report.errors[-1]}"
            log.warning("outbox delivery: %s", trouble)
        return JobResult(report.sent, "message sent", "messages sent", trouble)

    return run


def delivery_rehearsal(*, session: Session, now: datetime) -> JobResult:
    """Count what the outbox would send, sending nothing (delivery commits as it goes)."""
    count = deliverable_count(session=session, now=now)
    return JobResult(count, "message would be sent", "messages would be sent")


def rehearsed(job: Job) -> Job:
    """The job as a rehearsal runs it: delivery only counts; the others run and roll back."""
    return Job(job.name, delivery_rehearsal) if job.name == "deliver_outbox" else job


def snapshot_job(*, session: Session, now: datetime) -> JobResult:
    """Store this week's calibration snapshot of every source, once a week."""
    count = take_snapshots(session=session, now=now)
    return JobResult(count, "calibration snapshot stored", "calibration snapshots stored")


def reminder_jobs(*, digest: DigestConfig, transport: Transport) -> list[Job]:
    """Every reminder job, in the order a round runs them."""
    return [
        Job("mark_due", mark_due_job),
        Job("enqueue_digests", digest_job(digest)),
        Job("deliver_outbox", delivery_job(transport)),
        Job("snapshot_calibration", snapshot_job),
    ]
