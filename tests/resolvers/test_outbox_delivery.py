"""Delivering the outbox: sent only once accepted, retried with backoff, nothing lost."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from pathlib import Path

from sqlmodel import col, select

from forecasts.models import OutboxMessage
from resolvers.digest import DigestConfig
from resolvers.mail import FileTransport
from resolvers.outbox import (
    MAX_ATTEMPTS,
    NewMessage,
    backoff,
    deliver_outbox,
    enqueue,
    message_bytes,
)
from service.database import Database
from tests.factories import make_question
from tests.resolvers.conftest import Rounds, SmtpServer, TwoInstances, make_reviewer

MONDAY_9 = datetime(2026, 3, 2, 9, tzinfo=UTC)


def _reviewers_with_due_questions(database: Database, n: int) -> list[str]:
    emails = []
    with database.writing() as session:
        for _ in range(n):
            person = make_reviewer(session)
            make_question(session, deadline=datetime(2026, 2, 1, tzinfo=UTC), reviewer_id=person.id)
            emails.append(person.email)
    return emails


def _rows(database: Database) -> list[OutboxMessage]:
    with database.reading() as session:
        return list(session.exec(select(OutboxMessage).order_by(col(OutboxMessage.id))).all())


def test_server_down_then_back_every_digest_arrives_once(
    database: Database, rounds: Rounds, smtp: SmtpServer
) -> None:
    emails = _reviewers_with_due_questions(database, 5)
    smtp.stop()

    first = rounds(MONDAY_9)
    assert first["enqueue_digests"].count == 5
    assert (
        first["deliver_outbox"].count == 0 and "will be retried" in first["deliver_outbox"].trouble
    )
    rows = _rows(database)
    assert all(r.sent_at is None and r.attempts == 1 for r in rows)
    assert all("cannot connect to SMTP server" in (r.last_error or "") for r in rows)
    assert {r.next_attempt_at for r in rows} == {MONDAY_9 + timedelta(minutes=1)}

    # Down for an hour: rounds every minute keep failing and back off, nothing is lost.
    instant = MONDAY_9
    while instant < MONDAY_9 + timedelta(hours=1):
        instant += timedelta(minutes=1)
        rounds(instant)
    attempts = {r.attempts for r in _rows(database)}
    assert attempts == {6}  # at 0, 1, 3, 7, 15 and 31 minutes: backoff, not every minute

    smtp.start()
    instant += timedelta(minutes=30)  # by now the next retry is due
    assert rounds(instant)["deliver_outbox"].count == 5
    for _ in range(3):
        instant += timedelta(minutes=5)
        assert rounds(instant)["deliver_outbox"].count == 0
    assert sorted(m.recipients[0] for m in smtp.inbox.received) == sorted(emails)
    rows = _rows(database)
    assert all(r.sent_at == instant - timedelta(minutes=15) for r in rows)
    assert all("cannot connect" in (r.last_error or "") for r in rows)  # history kept


def test_a_refused_recipient_is_retried_while_the_rest_go_over_one_connection(
    database: Database, rounds: Rounds, smtp: SmtpServer
) -> None:
    emails = _reviewers_with_due_questions(database, 4)
    smtp.inbox.refuse.add(emails[1])
    result = rounds(MONDAY_9)["deliver_outbox"]
    assert result.count == 3 and "1 failed" in result.trouble
    refused = next(r for r in _rows(database) if r.recipient == emails[1])
    assert refused.sent_at is None and "550" in (refused.last_error or "")
    assert refused.next_attempt_at == MONDAY_9 + timedelta(minutes=1)
    smtp.inbox.refuse.clear()
    assert rounds(MONDAY_9 + timedelta(minutes=1))["deliver_outbox"].count == 1
    assert sorted(m.recipients[0] for m in smtp.inbox.received) == sorted(emails)


def test_message_id_derives_from_the_outbox_key(
    database: Database, rounds: Rounds, smtp: SmtpServer
) -> None:
    _reviewers_with_due_questions(database, 2)
    rounds(MONDAY_9)
    for row in _rows(database):
        expected = "<" + row.key.replace(":", ".") + "@example.org>"
        assert row.message_id == expected
        [mail] = smtp.inbox.to(row.recipient)
        assert mail.message["Message-ID"] == expected


def test_backoff_doubles_from_a_minute_and_stops_at_six_hours() -> None:
    assert [backoff(n) for n in (1, 2, 3, 4)] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert backoff(9) == timedelta(minutes=256)
    assert backoff(10) == backoff(50) == timedelta(hours=6)


def test_a_message_is_given_up_after_the_last_attempt(database: Database, smtp: SmtpServer) -> None:
    smtp.stop()
    with database.writing() as session:
        enqueue(
            session=session,
            messages=[NewMessage("test:1", "test", "x@example.org", "s", "<t.1@e>", b"x")],
            now=MONDAY_9,
        )
    instant = MONDAY_9
    for _ in range(MAX_ATTEMPTS):
        with database.writing() as session:
            report = deliver_outbox(session=session, now=instant, transport=smtp.transport())
        instant += timedelta(days=1)
    assert report.gave_up == 1
    [row] = _rows(database)
    assert row.failed_at is not None and row.attempts == MAX_ATTEMPTS and row.sent_at is None
    with database.writing() as session:  # given up: not tried again
        assert deliver_outbox(session=session, now=instant, transport=smtp.transport()).failed == 0


def test_file_transport_writes_one_eml_per_message(
    database: Database, digest_config: DigestConfig, tmp_path: Path
) -> None:
    emails = _reviewers_with_due_questions(database, 3)
    rounds = Rounds(database, digest_config, FileTransport(tmp_path / "mail"))
    assert rounds(MONDAY_9)["deliver_outbox"].count == 3
    rounds(MONDAY_9 + timedelta(hours=1))
    files = sorted((tmp_path / "mail").iterdir())
    assert [f.suffix for f in files] == [".eml"] * 3
    assert all(f.name.startswith("digest-") and "2026-W10" in f.name for f in files)
    recipients = sorted(
        str(message_from_bytes(f.read_bytes(), policy=policy.default)["To"]).split("<")[1][:-1]
        for f in files
    )
    assert recipients == sorted(emails)


def test_the_message_bytes_sent_are_those_stored(
    database: Database, rounds: Rounds, smtp: SmtpServer
) -> None:
    _reviewers_with_due_questions(database, 1)
    rounds(MONDAY_9)
    [row] = _rows(database)
    [mail] = smtp.inbox.received
    # aiosmtpd hands over the data with line ends as received; compare the messages.
    assert mail.content.replace(b"\r\n", b"\n") == message_bytes(row).replace(b"\r\n", b"\n")
    assert len(row.message) < len(message_bytes(row)) / 2  # stored compressed


def test_one_connection_carries_a_whole_round(
    database: Database, rounds: Rounds, smtp: SmtpServer
) -> None:
    _reviewers_with_due_questions(database, 250)  # more than one claimed batch
    assert rounds(MONDAY_9)["deliver_outbox"].count == 250
    assert smtp.inbox.greetings == 1


def test_two_dispatchers_at_once_send_each_message_once(
    database: Database, two_instances: TwoInstances, smtp: SmtpServer
) -> None:
    with database.writing() as session:
        enqueue(
            session=session,
            messages=[
                NewMessage(f"test:{i}", "test", f"r{i}@example.org", "s", f"<t.{i}@e>", b"x\r\n")
                for i in range(60)
            ],
            now=MONDAY_9,
        )
    reports = two_instances.both_succeed(
        lambda session: deliver_outbox(
            session=session, now=MONDAY_9, transport=smtp.transport(), batch_size=7
        )
    )
    # A message the server did not take is retried later, not lost; name why, if any was.
    assert [report.errors for report in reports] == [[], []]
    assert sum(report.sent for report in reports) == 60
    recipients = [m.recipients[0] for m in smtp.inbox.received]
    assert len(recipients) == len(set(recipients)) == 60
