"""Fixtures for the reminder tests: a real SMTP server on loopback, reviewers, rounds of jobs."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from itertools import count
from typing import Any, TypeVar

import pytest
from aiosmtpd.controller import Controller
from sqlmodel import Session

from forecasts.models import Reviewer
from resolvers.digest import DigestConfig
from resolvers.jobs import JobResult, reminder_jobs
from resolvers.mail import SmtpTransport, Transport
from resolvers.reviewers import ReviewerCreate, create_reviewer
from service.database import Database
from service.scheduler import JobRunner
from tests.conftest import POSTGRES_ENV
from tests.conftest import _truncate_all as truncate_all
from tests.factories import T0

T = TypeVar("T")
SECRET = "test-secret-key-for-signing-only"
# Tests of several instances sharing PostgreSQL run when the suite is given a server; when
# it is given one that cannot be reached, the postgres_url fixture fails them.
requires_postgres = pytest.mark.skipif(
    not os.environ.get(POSTGRES_ENV), reason=f"{POSTGRES_ENV} is not set"
)
BASE_URL = "http://testserver"
MAIL_FROM = "Sooth <sooth@example.org>"


def free_port() -> int:
    """A TCP port on loopback nobody is listening on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Received:
    """One message as the SMTP server accepted it."""

    mail_from: str
    recipients: list[str]
    content: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = message_from_bytes(self.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed

    @property
    def text(self) -> str:
        part = self.message.get_body(preferencelist=("plain",))
        assert part is not None
        content: str = part.get_content()
        return content

    @property
    def html(self) -> str:
        part = self.message.get_body(preferencelist=("html",))
        assert part is not None
        content: str = part.get_content()
        return content


@dataclass
class Inbox:
    """An aiosmtpd handler keeping every accepted message; it can refuse chosen recipients."""

    received: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)
    greetings: int = 0
    """EHLOs seen: one per SMTP session a client opened."""

    async def handle_EHLO(
        self, server: Any, session: Any, envelope: Any, hostname: str, responses: list[str]
    ) -> list[str]:
        session.host_name = hostname
        with self.lock:
            self.greetings += 1
        return responses

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.received.append(
                Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.content))
            )
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[Received]:
        """The messages delivered to one address, in arrival order."""
        with self.lock:
            return [m for m in self.received if address in m.recipients]


class SmtpServer:
    """aiosmtpd on 127.0.0.1 at a fixed port, which a test may stop and start again."""

    def __init__(self) -> None:
        self.port = free_port()
        self.inbox = Inbox()
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def transport(self) -> SmtpTransport:
        """A transport sending to this server.

        With the transport's own timeout: a reply late by seconds on a loaded machine, as
        once in CI (one of two dispatchers timed out after 5 s while the other sent on), is
        slow, not lost; a server that stops answering is what the stop() tests look at.
        """
        return SmtpTransport(host="127.0.0.1", port=self.port, envelope_from="sooth@example.org")


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    """A running SMTP server on loopback that keeps what it receives."""
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def pg_database(postgres_url: str) -> Iterator[Database]:
    """An empty, migrated PostgreSQL database (the suite's own, truncated)."""
    database = Database(postgres_url)
    truncate_all(database)
    yield database
    database.dispose()


@pytest.fixture
def digest_config() -> DigestConfig:
    """Digest settings matching the test app's (same secret and base URL)."""
    return DigestConfig(base_url=BASE_URL, secret_key=SECRET, link_days=21, mail_from=MAIL_FROM)


@dataclass
class Rounds:
    """Runs the reminder jobs as the scheduler would, as of chosen instants."""

    database: Database
    config: DigestConfig
    transport: Transport

    def __call__(self, now: datetime) -> dict[str, JobResult]:
        """One round (mark due, enqueue digests, deliver) as of `now`."""
        runner = JobRunner(self.database, clock=lambda: now)
        results = {}
        for job in reminder_jobs(digest=self.config, transport=self.transport):
            result = runner.run(job)
            assert result is not None
            results[job.name] = result
        return results


@pytest.fixture
def rounds(database: Database, digest_config: DigestConfig, smtp: SmtpServer) -> Rounds:
    """Rounds of the reminder jobs against this test's database and SMTP server."""
    return Rounds(database, digest_config, smtp.transport())


class TwoInstances:
    """Two instances of Sooth on one database: this test's, and one with its own engine."""

    def __init__(self, database: Database, other: Database) -> None:
        self.databases = (database, other)

    def race(self, work: Callable[[Session], T]) -> list[T | Exception]:
        """Run `work` in a unit of work on both at once; each result or error, as they end."""
        start = threading.Barrier(2)
        ended: list[T | Exception] = []

        def instance(database: Database) -> None:
            start.wait()
            try:
                with database.writing() as session:
                    ended.append(work(session))
            except Exception as error:  # the loser's refusal is what the test looks at
                ended.append(error)

        threads = [threading.Thread(target=instance, args=(db,)) for db in self.databases]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return ended

    def both_succeed(self, work: Callable[[Session], T]) -> list[T]:
        """race, where neither may fail: the two results, or the first error raised."""
        ended = self.race(work)
        for outcome in ended:
            if isinstance(outcome, Exception):
                raise outcome
        return [outcome for outcome in ended if not isinstance(outcome, Exception)]


@pytest.fixture
def two_instances(database: Database, database_url: str) -> Iterator[TwoInstances]:
    """This test's database and a second instance on it, to race units of work."""
    other = Database(database_url)
    try:
        yield TwoInstances(database, other)
    finally:
        other.dispose()


_numbers = count(1)


def make_reviewer(session: Session, created: datetime = T0, **fields: Any) -> Reviewer:
    """An active reviewer with a Monday 09:00 UTC digest, unless told otherwise."""
    number = next(_numbers)
    data = {"name": f"Reviewer {number}", "email": f"reviewer{number}@example.org"} | fields
    return create_reviewer(session=session, data=ReviewerCreate(**data), now=created)
