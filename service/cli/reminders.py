"""`sooth remind` (one round of the reminder jobs) and `sooth scheduler` (them on a timer)."""

from __future__ import annotations

import signal
import threading
from datetime import UTC, datetime
from types import FrameType

import typer

from forecasts.domain import utc_now
from service.cli.app import app, database, fail, settings
from service.scheduler import JobRunner, build_scheduler, jobs_for


def _instant(value: str | None) -> datetime:
    if value is None:
        return utc_now()
    try:
        instant = datetime.fromisoformat(value)
    except ValueError:
        fail(f"--as-of {value!r} is not an ISO-8601 instant, e.g. 2026-03-09T10:00:00Z")
        raise  # unreachable: fail() exits
    if instant.tzinfo is None or instant.utcoffset() is None:
        fail(f"--as-of {value!r} must include a timezone, e.g. 2026-03-09T10:00:00Z or +01:00")
    try:
        instant.astimezone(UTC)
    except OverflowError:
        fail(f"--as-of {value!r} falls outside the years 1 to 9999 once its offset is applied")
    return instant


@app.command()
def remind(
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        help="Run as of this instant (ISO-8601 with a timezone); default: now.",
    ),
) -> None:
    """Run the reminder jobs once: mark due, enqueue digests, deliver mail, snapshot scores.

    An instant in the future stores nothing: it prints what a round would do then.
    """
    now = _instant(as_of)
    db = database()
    runner = JobRunner(db, clock=lambda: now)
    if now > utc_now():
        # A future round would mark questions due early, spend coming weeks' digest and
        # snapshot slots and date snapshots ahead of their data.
        typer.echo(f"--as-of {now.isoformat()} is in the future; nothing is stored or sent.")
        typer.echo("A round then would do this:")
        try:
            for name, rehearsal in runner.rehearse(jobs_for(settings())):
                typer.echo(f"{name}: {rehearsal}")
        finally:
            db.dispose()
        return
    try:
        for job in jobs_for(settings()):
            # A job another instance is running is run again after it, not skipped: its
            # earlier jobs may store what this round's later ones must see.
            typer.echo(f"{job.name}: {runner.run(job, wait=True)}")
    finally:
        db.dispose()


@app.command()
def scheduler() -> None:
    """Run the reminder jobs on their timers, without serving the app (Ctrl-C stops)."""
    config = settings()
    db = database()
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    timer = build_scheduler(settings=config, database=db)
    timer.start()
    typer.echo("scheduler running: digests hourly, mail every minute; Ctrl-C stops it")
    try:
        stop.wait()
    finally:
        timer.shutdown(wait=True)
        db.dispose()
    typer.echo("scheduler stopped")
