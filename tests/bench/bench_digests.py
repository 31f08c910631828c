"""Benchmark: weekly digests for 100,000 due questions over 2,000 reviewers, on SQLite.

Prints, from one run on one fresh SQLite file:

- the time to enqueue every digest (query the due questions, their claims and the
  outbox, assign, sign 100,000 links, render text and HTML, compose, store): target
  under 5 s;
- the delivery rate of the outbox to a local aiosmtpd server (claim, send over one
  connection, mark each sent), against a bare smtplib loop sending the very same message
  bytes over one connection to the same server in the same run (run before and after,
  the faster counts): target at least half the bare rate.

Run with `python tests/bench/bench_digests.py`; exits non-zero when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import smtplib
import socket
import sqlite3
import sys
import tempfile
import time
import zlib
from datetime import UTC, datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlmodel import select  # noqa: E402

from forecasts.models import OutboxMessage  # noqa: E402
from resolvers.digest import DigestConfig, enqueue_digests  # noqa: E402
from resolvers.mail import SmtpTransport  # noqa: E402
from resolvers.outbox import deliver_outbox  # noqa: E402
from service.database import Database  # noqa: E402
from service.migrations_runner import migrate  # noqa: E402

ENQUEUE_TARGET_S = 5.0
DELIVERY_TARGET_RATIO = 0.5
ZONES = ["UTC", "Europe/London", "America/New_York", "Asia/Tokyo", "Pacific/Auckland"]
NOW = datetime(2026, 3, 11, 12, 0, tzinfo=UTC)  # a Wednesday: every Monday digest has passed
STAMP = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores a DateTime on SQLite


class CountingHandler:
    """An SMTP sink that accepts everything and counts what it accepted."""

    def __init__(self) -> None:
        self.accepted = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.accepted += 1
        return "250 Message accepted"


def smtp_server(port: int, commands: Connection) -> None:
    """aiosmtpd on 127.0.0.1:port in this process until told to stop; answers 'count'."""
    handler = CountingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=port, data_size_limit=0)
    controller.start()
    commands.send("ready")
    while (command := commands.recv()) != "stop":
        if command == "count":
            commands.send(handler.accepted)
    controller.stop()


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def build_ledger(path: Path, *, questions: int, reviewers: int, sources: int) -> None:
    """Reviewers, sources, due questions (spread evenly over reviewers) and their claims."""
    rng = random.Random(20260311)
    connection = sqlite3.connect(path)
    created = (NOW - timedelta(days=400)).strftime(STAMP)
    connection.executemany(
        "INSERT INTO reviewer (id, name, email, timezone, digest_weekday, digest_hour, tags, "
        "active, created_at) VALUES (?, ?, ?, ?, 0, 9, '[]', 1, ?)",
        [
            (i, f"Reviewer {i}", f"reviewer{i}@example.org", ZONES[i % len(ZONES)], created)
            for i in range(1, reviewers + 1)
        ],
    )
    connection.executemany(
        "INSERT INTO source (id, slug, name, kind, description, created_at, created_by) "
        "VALUES (?, ?, ?, 'person', '', ?, 'bench')",
        [(i, f"source-{i}", f"Source Number {i}", created) for i in range(1, sources + 1)],
    )
    question_rows = []
    claim_rows = []
    for i in range(1, questions + 1):
        deadline = NOW - timedelta(days=rng.randint(1, 300), minutes=rng.randint(0, 1440))
        question_rows.append(
            (
                i,
                f"Will policy measure number {i} be adopted by the national parliament?",
                f"Yes if the parliament passes measure {i} in a final vote before the "
                "deadline, as reported by its official record.",
                deadline.strftime(STAMP),
                (i - 1) % reviewers + 1,
                created,
            )
        )
        made = (deadline - timedelta(days=60)).strftime(STAMP)
        for _ in range(1 + (i % 2)):  # one or two claims per question
            claim_rows.append(
                (
                    i,
                    rng.randint(1, sources),
                    round(rng.random(), 2),
                    "It will very likely pass.",
                    made,
                    created,
                )
            )
    connection.executemany(
        "INSERT INTO question (id, title, resolution_criteria, deadline, reviewer_id, status, "
        "created_at, created_by) VALUES (?, ?, ?, ?, ?, 'due', ?, 'bench')",
        question_rows,
    )
    connection.executemany(
        "INSERT INTO claim (question_id, source_id, probability, probability_basis, quote, "
        "made_at, recorded_at, recorded_by) VALUES (?, ?, ?, 'stated', ?, ?, ?, 'bench')",
        claim_rows,
    )
    connection.commit()
    connection.close()


def reference_seconds() -> float:
    """Seconds for a fixed pure-Python workload: how fast this machine is right now."""
    started = time.perf_counter()
    total = 0
    for i in range(3_000_000):
        total += i * i
    assert total > 0
    return time.perf_counter() - started


def bare_loop(port: int, messages: list[tuple[str, bytes]]) -> float:
    """Seconds for plain smtplib to send `messages` over one connection."""
    start = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for recipient, message in messages:
            smtp.sendmail("sooth@example.org", [recipient], message)
    return time.perf_counter() - start


def main() -> int:
    """Build the ledger, enqueue and deliver the digests, print figures and PASS/FAIL."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=100_000)
    parser.add_argument("--reviewers", type=int, default=2_000)
    parser.add_argument("--sources", type=int, default=500)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sooth-bench-") as tmp:
        path = Path(tmp) / "bench.db"
        url = f"sqlite:///{path}"
        migrate(url)
        started = time.perf_counter()
        build_ledger(path, questions=args.questions, reviewers=args.reviewers, sources=args.sources)
        print(
            f"ledger: {args.questions:,} due questions, {args.reviewers:,} reviewers, "
            f"{args.sources} sources (built in {time.perf_counter() - started:.1f} s)"
        )
        reference = reference_seconds()
        print(
            f"machine: load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; "
            f"a 3,000,000-step Python loop takes {reference:.2f} s"
        )
        database = Database(url)
        config = DigestConfig(
            base_url="https://sooth.example.org",
            secret_key="bench-secret-key-" + "x" * 32,
            link_days=21,
            mail_from="Sooth <sooth@example.org>",
        )

        started, cpu_started = time.perf_counter(), time.process_time()
        with database.writing() as session:
            enqueued = enqueue_digests(session=session, now=NOW, config=config)
        enqueue_s = time.perf_counter() - started
        # CPU time too: on a shared machine the wall clock also counts other people's work.
        enqueue_cpu_s = time.process_time() - cpu_started
        with database.reading() as session:
            rows = session.exec(
                select(OutboxMessage.recipient, OutboxMessage.message).order_by(
                    OutboxMessage.id  # type: ignore[arg-type]
                )
            ).all()
        messages = [(recipient, zlib.decompress(message)) for recipient, message in rows]
        size_mb = sum(len(m) for _, m in messages) / 1e6
        enqueue_ok = enqueued == args.reviewers and enqueue_s < ENQUEUE_TARGET_S
        print(
            f"enqueue: {enqueued:,} digests ({size_mb:.0f} MB of mail, stored compressed) "
            f"in {enqueue_s:.2f} s, {enqueue_cpu_s:.2f} s of CPU "
            f"(target < {ENQUEUE_TARGET_S:.0f} s): {'PASS' if enqueue_ok else 'FAIL'}"
        )

        # The server runs in a process of its own, as a mail server would: the client
        # side (the bare loop, or the outbox with its database work) is what differs.
        port = free_port()
        ours, theirs = multiprocessing.Pipe()
        server = multiprocessing.get_context("spawn").Process(
            target=smtp_server, args=(port, theirs), daemon=True
        )
        server.start()
        try:
            assert ours.recv() == "ready"
            bare_before = bare_loop(port, messages)
            transport = SmtpTransport(
                host="127.0.0.1", port=port, envelope_from="sooth@example.org"
            )
            started = time.perf_counter()
            with database.writing() as session:
                report = deliver_outbox(session=session, now=NOW, transport=transport)
            deliver_s = time.perf_counter() - started
            bare_after = bare_loop(port, messages)
            ours.send("count")
            accepted = ours.recv()
        finally:
            ours.send("stop")
            server.join(timeout=30)
        bare_s = min(bare_before, bare_after)
        bare_rate = len(messages) / bare_s
        rate = report.sent / deliver_s
        ratio = rate / bare_rate
        delivery_ok = (
            report.sent == enqueued and accepted == 3 * enqueued and ratio >= DELIVERY_TARGET_RATIO
        )
        print(
            f"bare smtplib loop: {len(messages):,} messages in {bare_before:.2f} s and "
            f"{bare_after:.2f} s -> {bare_rate:,.0f} msg/s (the faster)"
        )
        print(
            f"outbox delivery: {report.sent:,} sent in {deliver_s:.2f} s -> {rate:,.0f} msg/s, "
            f"{ratio:.2f} of the bare rate (target >= {DELIVERY_TARGET_RATIO}): "
            f"{'PASS' if delivery_ok else 'FAIL'}"
        )
        database.dispose()
        print(
            json.dumps(
                {
                    "enqueue_s": round(enqueue_s, 3),
                    "enqueue_cpu_s": round(enqueue_cpu_s, 3),
                    "digests": enqueued,
                    "mail_mb": round(size_mb, 1),
                    "bare_msgs_per_s": round(bare_rate, 1),
                    "delivery_msgs_per_s": round(rate, 1),
                    "delivery_ratio": round(ratio, 3),
                    "reference_loop_s": round(reference, 3),
                    "load_average": round(os.getloadavg()[0], 1),
                }
            )
        )
        return 0 if enqueue_ok and delivery_ok else 1


if __name__ == "__main__":
    sys.exit(main())
