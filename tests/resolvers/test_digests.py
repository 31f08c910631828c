"""Weekly digests: when they go out, what they list, and that each week's goes out once."""

from __future__ import annotations

import base64
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func
from sqlmodel import col, select

from forecasts.domain import Outcome, Status
from forecasts.models import OutboxMessage, Question
from resolvers.digest import DigestConfig, enqueue_digests, latest_digest_moment
from service.database import Database
from service.witness import sign_head
from tests.factories import make_claim, make_question, make_resolution, make_source
from tests.resolvers.conftest import Rounds, SmtpServer, TwoInstances, make_reviewer

MONDAY = datetime(2026, 3, 2, tzinfo=UTC)  # ISO 2026-W10


def at(day: datetime, hour: int, minute: int = 0) -> datetime:
    return day + timedelta(hours=hour, minutes=minute)


def outbox_keys(database: Database) -> list[str]:
    with database.reading() as session:
        return list(session.exec(select(OutboxMessage.key).order_by(col(OutboxMessage.id))).all())


def test_digest_lists_due_questions_oldest_first_with_claims_and_links(
    database: Database, rounds: Rounds, smtp: SmtpServer
) -> None:
    with database.writing() as session:
        reviewer = make_reviewer(session, name="Ada Lovelace", email="ada@example.org")
        source = make_source(session, name="Oleksiy Danilov")
        newer = make_question(
            session,
            title="Will the second march happen?",
            resolution_criteria="Yes if a second armed march on Moscow begins.",
            deadline=datetime(2026, 2, 20, tzinfo=UTC),
            reviewer_id=reviewer.id,
        )
        older = make_question(
            session,
            title="Will the bill pass?",
            deadline=datetime(2026, 2, 10, tzinfo=UTC),
            reviewer_id=reviewer.id,
        )
        make_question(session, deadline=datetime(2026, 4, 1, tzinfo=UTC), reviewer_id=reviewer.id)
        make_claim(session, source, newer, probability=0.8)
        make_claim(session, source, older, probability=0.35)
        reviewer_id = reviewer.id

    results = rounds(at(MONDAY, 9))

    assert results["mark_due"].count == 2
    assert results["enqueue_digests"].count == 1
    assert results["deliver_outbox"].count == 1
    [mail] = smtp.inbox.to("ada@example.org")
    message = mail.message
    assert message["Subject"] == "Sooth: 2 questions to resolve (2026-W10)"
    assert message["To"] == "Ada Lovelace <ada@example.org>"
    assert message["Message-ID"] == f"<digest.{reviewer_id}.2026-W10@example.org>"
    text = mail.text
    assert text.index("Will the bill pass?") < text.index("Will the second march happen?")
    assert "How it resolves: Yes if a second armed march on Moscow begins." in text
    assert "yes if: yes if" not in text.lower() and "yes if: yes if" not in mail.html.lower()
    assert "Oleksiy Danilov: 80%" in text and "Oleksiy Danilov: 35%" in text
    assert "Mon 09 Mar" not in text and "Fri 20 Feb 2026, 00:00 UTC" in text
    links = re.findall(r"http://testserver/resolve/\S+", text)
    assert len(links) == 2
    html = mail.html
    assert "<strong>Will the bill pass?</strong>" in html
    assert all(f'href="{link}"' in html for link in links)


def test_second_run_in_the_same_week_sends_nothing_and_next_week_sends_again(
    database: Database, rounds: Rounds, smtp: SmtpServer
) -> None:
    with database.writing() as session:
        reviewer = make_reviewer(session, created=at(MONDAY, 8))
        make_question(session, deadline=datetime(2026, 2, 1, tzinfo=UTC), reviewer_id=reviewer.id)
        email = reviewer.email

    assert rounds(at(MONDAY, 8, 59))["enqueue_digests"].count == 0  # before their hour
    assert rounds(at(MONDAY, 9))["enqueue_digests"].count == 1
    for later in (at(MONDAY, 10), at(MONDAY, 23, 59), MONDAY + timedelta(days=6, hours=23)):
        assert rounds(later)["enqueue_digests"].count == 0
    assert rounds(MONDAY + timedelta(days=7, hours=9))["enqueue_digests"].count == 1
    assert [m.message["Subject"][-9:-1] for m in smtp.inbox.to(email)] == ["2026-W10", "2026-W11"]


def test_no_due_questions_means_no_email(
    database: Database, rounds: Rounds, smtp: SmtpServer
) -> None:
    with database.writing() as session:
        reviewer = make_reviewer(session)
        make_question(session, deadline=datetime(2026, 5, 1, tzinfo=UTC), reviewer_id=reviewer.id)

    result = rounds(at(MONDAY, 12))
    assert result["enqueue_digests"].count == 0
    assert smtp.inbox.received == [] and outbox_keys(database) == []


def test_a_week_missed_while_the_service_was_down_is_sent_when_it_returns(
    database: Database, rounds: Rounds, smtp: SmtpServer
) -> None:
    with database.writing() as session:
        reviewer = make_reviewer(session)
        make_question(session, deadline=datetime(2026, 2, 1, tzinfo=UTC), reviewer_id=reviewer.id)
        reviewer_id = reviewer.id

    rounds(at(MONDAY, 9))  # W10 sent
    # Down from then until Monday of W12 at 07:00: W11's Monday 09:00 passed unseen.
    back = MONDAY + timedelta(days=14, hours=7)
    assert rounds(back)["enqueue_digests"].count == 1
    assert rounds(back + timedelta(hours=1))["enqueue_digests"].count == 0
    assert rounds(back + timedelta(hours=2))["enqueue_digests"].count == 1  # W12's own
    assert outbox_keys(database) == [
        f"digest:{reviewer_id}:2026-W10",
        f"digest:{reviewer_id}:2026-W11",
        f"digest:{reviewer_id}:2026-W12",
    ]
    assert len(smtp.inbox.received) == 3


def test_digest_hour_is_local_and_follows_daylight_saving_in_new_york(
    database: Database, rounds: Rounds, smtp: SmtpServer
) -> None:
    with database.writing() as session:
        reviewer = make_reviewer(
            session, created=MONDAY, timezone="America/New_York", digest_hour=9
        )
        make_question(session, deadline=datetime(2026, 2, 1, tzinfo=UTC), reviewer_id=reviewer.id)
        email = reviewer.email

    # 09:00 EST is 14:00 UTC; clocks go forward on Sunday 8 March; 09:00 EDT is 13:00 UTC.
    assert rounds(at(MONDAY, 13, 59))["enqueue_digests"].count == 0
    assert rounds(at(MONDAY, 14))["enqueue_digests"].count == 1
    next_monday = MONDAY + timedelta(days=7)
    assert rounds(at(next_monday, 12, 59))["enqueue_digests"].count == 0
    assert rounds(at(next_monday, 13))["enqueue_digests"].count == 1
    subjects = [m.message["Subject"] for m in smtp.inbox.to(email)]
    assert [s[-9:-1] for s in subjects] == ["2026-W10", "2026-W11"]


def test_several_time_zones_each_get_theirs_at_their_own_hour(
    database: Database, rounds: Rounds, smtp: SmtpServer
) -> None:
    zones = {
        "Pacific/Auckland": datetime(2026, 3, 1, 20, tzinfo=UTC),  # Mon 09:00 NZDT (+13)
        "Asia/Tokyo": datetime(2026, 3, 2, 0, tzinfo=UTC),  # Mon 09:00 JST (+9)
        "Europe/London": datetime(2026, 3, 2, 9, tzinfo=UTC),  # Mon 09:00 GMT
        "America/Los_Angeles": datetime(2026, 3, 2, 17, tzinfo=UTC),  # Mon 09:00 PST (-8)
    }
    emails = {}
    with database.writing() as session:
        for zone in zones:
            reviewer = make_reviewer(session, created=MONDAY - timedelta(days=1), timezone=zone)
            make_question(
                session, deadline=datetime(2026, 2, 1, tzinfo=UTC), reviewer_id=reviewer.id
            )
            emails[zone] = reviewer.email
    instant = datetime(2026, 3, 1, 18, tzinfo=UTC)
    sent_at: dict[str, datetime] = {}
    while instant <= datetime(2026, 3, 2, 20, tzinfo=UTC):  # hourly, like the scheduler
        rounds(instant)
        for zone, email in emails.items():
            if zone not in sent_at and smtp.inbox.to(email):
                sent_at[zone] = instant
        instant += timedelta(hours=1)
    assert sent_at == zones
    assert all(len(smtp.inbox.to(e)) == 1 for e in emails.values())
    assert all(m.message["Subject"].endswith("(2026-W10)") for m in smtp.inbox.received)


@pytest.mark.parametrize(
    ("zone", "weekday", "hour", "now", "expected_local"),
    [
        # The ISO week is the reviewer's: Monday 09:00 in Auckland is Sunday in UTC (W01).
        ("Pacific/Auckland", 0, 9, "2026-01-04T20:00Z", "2026-01-05T09:00"),
        # London springs forward at 01:00 on Sunday 29 March: 01:00 does not exist that
        # day, and a digest set for it goes out when the clocks jump (01:00 UTC).
        ("Europe/London", 6, 1, "2026-03-29T01:00Z", "2026-03-29T02:00"),
        ("Europe/London", 6, 1, "2026-03-29T00:59Z", "2026-03-22T01:00"),
        # ...and falls back on 25 October: 01:00 happens twice; the first one counts.
        ("Europe/London", 6, 1, "2026-10-25T00:00Z", "2026-10-25T01:00"),
        ("America/New_York", 0, 9, "2026-03-09T13:00Z", "2026-03-09T09:00"),
        ("America/New_York", 0, 9, "2026-03-09T12:59Z", "2026-03-02T09:00"),
    ],
)
def test_latest_digest_moment_in_the_reviewers_zone(
    zone: str, weekday: int, hour: int, now: str, expected_local: str
) -> None:
    moment = latest_digest_moment(
        zone=ZoneInfo(zone), weekday=weekday, hour=hour, now=datetime.fromisoformat(now)
    )
    assert moment <= datetime.fromisoformat(now)
    assert moment.astimezone(ZoneInfo(zone)).replace(tzinfo=None) == datetime.fromisoformat(
        expected_local
    )


def test_week_key_uses_the_iso_year_at_the_turn_of_the_year(
    database: Database, rounds: Rounds
) -> None:
    with database.writing() as session:
        reviewer = make_reviewer(session, digest_weekday=4, digest_hour=9)  # Fridays
        make_question(session, deadline=datetime(2026, 2, 1, tzinfo=UTC), reviewer_id=reviewer.id)
        reviewer_id = reviewer.id
    rounds(datetime(2027, 1, 1, 9, tzinfo=UTC))  # Friday 1 January 2027 is in 2026-W53
    rounds(datetime(2027, 1, 8, 9, tzinfo=UTC))
    assert outbox_keys(database) == [
        f"digest:{reviewer_id}:2026-W53",
        f"digest:{reviewer_id}:2027-W01",
    ]


def test_weekly_rounds_over_months_send_exactly_one_digest_a_week(
    database: Database, rounds: Rounds, smtp: SmtpServer
) -> None:
    with database.writing() as session:
        reviewers = [
            make_reviewer(session, timezone=zone, digest_weekday=day, digest_hour=hour)
            for zone, day, hour in [
                ("Europe/London", 0, 9),
                ("America/New_York", 2, 17),
                ("Australia/Sydney", 6, 0),
            ]
        ]
        for reviewer in reviewers:
            make_question(
                session, deadline=datetime(2026, 1, 2, tzinfo=UTC), reviewer_id=reviewer.id
            )
    instant = datetime(2026, 1, 5, tzinfo=UTC)
    while instant < datetime(2026, 5, 4, tzinfo=UTC):  # 17 weeks, both DST changes
        rounds(instant)
        instant += timedelta(hours=5)  # a coarse, irregular timer is still once a week
    for reviewer in reviewers:
        weeks = [m.message["Subject"][-9:-1] for m in smtp.inbox.to(reviewer.email)]
        assert len(weeks) == len(set(weeks)) >= 16


def test_resolved_questions_drop_out_of_the_next_digest(
    database: Database, rounds: Rounds, smtp: SmtpServer
) -> None:
    with database.writing() as session:
        person = make_reviewer(session)
        deadline = datetime(2026, 2, 1, tzinfo=UTC)
        first = make_question(session, title="First?", deadline=deadline, reviewer_id=person.id)
        make_question(session, title="Second?", deadline=deadline, reviewer_id=person.id)
        email = person.email
    rounds(at(MONDAY, 9))
    with database.writing() as session:
        make_resolution(session, first, Outcome.yes, now=at(MONDAY, 10))
    rounds(at(MONDAY + timedelta(days=7), 9))
    first_mail, second_mail = smtp.inbox.to(email)
    assert "First?" in first_mail.text and "Second?" in first_mail.text
    assert "First?" not in second_mail.text and "Second?" in second_mail.text


def test_two_instances_enqueueing_at_once_store_one_digest_each(
    database: Database, two_instances: TwoInstances, digest_config: DigestConfig
) -> None:
    with database.writing() as session:
        for _ in range(20):
            person = make_reviewer(session)
            make_question(session, deadline=datetime(2026, 2, 1, tzinfo=UTC), reviewer_id=person.id)
    counts = two_instances.both_succeed(
        lambda session: enqueue_digests(session=session, now=at(MONDAY, 9), config=digest_config)
    )
    assert sorted(counts) == [0, 20]
    with database.reading() as session:
        assert session.exec(select(func.count()).select_from(OutboxMessage)).one() == 20
        assert (
            session.exec(
                select(func.count()).select_from(Question).where(Question.status == Status.open)
            ).one()
            == 20  # enqueueing does not depend on mark_due having run
        )


def test_digest_html_escapes_everything_taken_from_the_ledger(
    database: Database, rounds: Rounds, smtp: SmtpServer
) -> None:
    hostile = '<script>alert("x")</script> & <b>'
    with database.writing() as session:
        person = make_reviewer(session, name="Eve <img src=x onerror=alert(1)>")
        source = make_source(session, name=f"Source {hostile}")
        question = make_question(
            session,
            title=f"Title {hostile}",
            resolution_criteria=f"Criteria {hostile}",
            deadline=datetime(2026, 2, 1, tzinfo=UTC),
            reviewer_id=person.id,
        )
        verbal: dict[str, object] = {"probability": None, "probability_basis": "verbal"}
        make_claim(session, source, question, verbal_phrase="likely", **verbal)  # type: ignore[arg-type]
    rounds(at(MONDAY, 9))
    [mail] = smtp.inbox.received
    html = mail.html
    assert "<script>" not in html and "<b>" not in html and "<img" not in html
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;"
    for field in ("Title", "Criteria", "Source"):
        assert f"{field} {escaped}" in html
    assert "Eve &lt;img src=x onerror=alert(1)&gt;" in html
    assert f"Title {hostile}" in mail.text  # the text part shows it as written


def test_every_digest_carries_the_latest_signed_head_in_its_footer(
    database: Database, rounds: Rounds, smtp: SmtpServer
) -> None:
    with database.writing() as session:
        reviewer = make_reviewer(session, email="ada@example.org")
        question = make_question(
            session, deadline=datetime(2026, 2, 20, tzinfo=UTC), reviewer_id=reviewer.id
        )
        make_claim(session, make_source(session), question)
    key = Ed25519PrivateKey.generate()
    sign_head(database=database, key=key, now=at(MONDAY, 8, 15))
    with database.writing() as session:
        make_source(session)
    signed = sign_head(database=database, key=key, now=at(MONDAY, 8, 30))
    rounds(at(MONDAY, 9))

    [mail] = smtp.inbox.to("ada@example.org")
    line = f"{signed.count} {signed.hash}"
    assert signed.count == 4
    text, html = mail.text.replace("\r\n", "\n"), mail.html
    found = re.search(
        r"signed by Sooth at (\S+);.*\n.*\n(\d+) ([0-9a-f]{64})\nEd25519 signature: (\S+)",
        text,
    )
    assert found is not None, text
    signed_at, count, hash_, signature = found.groups()
    assert (signed_at, f"{count} {hash_}") == ("2026-03-02T08:30:00Z", line)
    message = f"sooth-ledger-head\n{count}\n{hash_}\n{signed_at}".encode()
    key.public_key().verify(base64.b64decode(signature), message)
    assert f"<code>{line}</code>" in html and f"<code>{signature}</code>" in html
    assert "2026-03-02T08:30:00Z" in html


def test_a_digest_before_any_signed_head_has_no_head_footer(
    database: Database, rounds: Rounds, smtp: SmtpServer
) -> None:
    with database.writing() as session:
        reviewer = make_reviewer(session, email="ada@example.org")
        make_question(session, deadline=datetime(2026, 2, 20, tzinfo=UTC), reviewer_id=reviewer.id)
    rounds(at(MONDAY, 9))
    [mail] = smtp.inbox.to("ada@example.org")
    assert "Ledger head" not in mail.text and "Ledger head" not in mail.html
