"""Reviewers sign in by a mailed link, change their digest in /settings and pause it in one click.

Mail goes through the outbox to a real SMTP server on loopback (aiosmtpd).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from forecasts.models import OutboxMessage, Reviewer
from resolvers.digest import DigestConfig
from service.database import Database
from service.settings import MailTransport
from tests.conftest import MutableClock
from tests.factories import T0, make_claim, make_question, make_source
from tests.resolvers.conftest import (
    BASE_URL,
    MAIL_FROM,
    SECRET,
    Rounds,
    SmtpServer,
    make_reviewer,
)

ADDRESS = "ada@example.org"
LINK = re.compile(r"http://testserver(/sign-in/[A-Za-z0-9._-]+)")


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    """A running SMTP server on loopback that keeps what it receives."""
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def mailing_client(
    app_factory: Callable[..., TestClient], smtp: SmtpServer
) -> Iterator[TestClient]:
    """A client of the app sending its mail to the test's SMTP server."""
    with app_factory(
        mail_transport=MailTransport.smtp, smtp_host="127.0.0.1", smtp_port=smtp.port
    ) as test_client:
        yield test_client


@pytest.fixture
def ada(database: Database) -> Reviewer:
    """An active reviewer."""
    with database.writing() as session:
        return make_reviewer(session, name="Ada Lovelace", email=ADDRESS)


def _ask(client: TestClient, email: str) -> str:
    response = client.post("/login/link", data={"email": email})
    assert response.status_code == 200, response.text
    page: str = response.text
    return page.replace(email, "ADDRESS")


def _mailed_link(smtp: SmtpServer) -> str:
    (received,) = smtp.inbox.to(ADDRESS)
    match = LINK.search(received.text)
    assert match is not None, received.text
    return match.group(1)


def test_a_reviewer_signs_in_by_the_mailed_link_once(
    mailing_client: TestClient, smtp: SmtpServer, ada: Reviewer
) -> None:
    _ask(mailing_client, "ADA@example.org")
    path = _mailed_link(smtp)

    shown = mailing_client.get(path)
    assert "Sign in as Ada Lovelace" in shown.text
    assert "sooth_session" not in mailing_client.cookies  # opening the link changes nothing
    signed = mailing_client.post(path, follow_redirects=False)
    assert signed.status_code == 303
    assert signed.headers["location"] == "/review/next"
    assert "Ada Lovelace" in mailing_client.get("/login").text

    mailing_client.cookies.clear()
    again = mailing_client.post(path)
    assert again.status_code == 410
    assert "works once" in again.text
    assert "sooth_session" not in mailing_client.cookies


def test_a_sign_in_link_expires_after_15_minutes(
    mailing_client: TestClient, smtp: SmtpServer, ada: Reviewer, clock: MutableClock
) -> None:
    _ask(mailing_client, ADDRESS)
    path = _mailed_link(smtp)
    clock.advance(timedelta(minutes=15))

    shown = mailing_client.get(path)
    used = mailing_client.post(path)

    assert (shown.status_code, used.status_code) == (410, 410)
    assert "15 minutes" in used.text
    assert "sooth_session" not in mailing_client.cookies


def test_a_forged_or_altered_link_is_refused(mailing_client: TestClient, ada: Reviewer) -> None:
    assert mailing_client.post(f"/sign-in/{ada.id}.9999999999.AAAA").status_code == 400
    assert mailing_client.get("/sign-in/nonsense").status_code == 400


def test_an_unknown_address_gets_the_same_answer_and_no_mail(
    mailing_client: TestClient, smtp: SmtpServer, ada: Reviewer, database: Database
) -> None:
    known = _ask(mailing_client, ADDRESS)
    unknown = _ask(mailing_client, "nobody@example.org")

    assert known == unknown
    assert "a sign-in link is on its way" in known
    assert [m.recipients for m in smtp.inbox.received] == [[ADDRESS]]
    with database.reading() as session:
        assert [m.recipient for m in session.exec(select(OutboxMessage)).all()] == [ADDRESS]


def test_sign_in_link_requests_from_another_site_are_refused(
    mailing_client: TestClient, smtp: SmtpServer, ada: Reviewer
) -> None:
    refused = mailing_client.post(
        "/login/link", data={"email": ADDRESS}, headers={"Origin": "https://evil.test"}
    )
    assert refused.status_code == 403
    assert smtp.inbox.received == []


def test_a_reviewer_changes_and_pauses_the_digest_in_settings(
    mailing_client: TestClient, smtp: SmtpServer, ada: Reviewer, database: Database
) -> None:
    assert mailing_client.get("/settings").status_code == 401
    _ask(mailing_client, ADDRESS)
    mailing_client.post(_mailed_link(smtp))
    page = mailing_client.get("/settings").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    form = {"csrf_token": token, "digest_weekday": "4", "digest_hour": "17"}

    bad = mailing_client.post("/settings", data=form | {"timezone": "Mars/Olympus"})
    saved = mailing_client.post(
        "/settings",
        data=form | {"timezone": "Europe/Kyiv", "digest_paused": "on"},
        follow_redirects=False,
    )
    cross = mailing_client.post(
        "/settings",
        data=form | {"timezone": "UTC"},
        headers={"Sec-Fetch-Site": "cross-site"},
    )

    assert bad.status_code == 422
    assert "is not an IANA time zone name" in bad.text
    assert saved.status_code == 303
    assert cross.status_code == 403
    with database.reading() as session:
        stored = session.get(Reviewer, ada.id)
    assert stored is not None
    assert (stored.digest_weekday, stored.digest_hour, stored.timezone) == (4, 17, "Europe/Kyiv")
    assert stored.digest_paused is True


def test_each_digest_links_to_settings_and_unsubscribes_in_one_click(
    client: TestClient, database: Database, smtp: SmtpServer
) -> None:
    digest_config = DigestConfig(
        base_url=BASE_URL, secret_key=SECRET, link_days=21, mail_from=MAIL_FROM
    )
    with database.writing() as session:
        person = make_reviewer(session, email=ADDRESS)
        question = make_question(session, deadline=T0 + timedelta(days=3), reviewer_id=person.id)
        make_claim(session, make_source(session), question, probability=0.4)
    rounds = Rounds(database, digest_config, smtp.transport())
    monday = T0 + timedelta(days=4, hours=10)  # 2026-01-05, a Monday, after 09:00 UTC
    rounds(monday)

    (digest,) = smtp.inbox.to(ADDRESS)
    header = digest.message["List-Unsubscribe"]
    assert digest.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"{BASE_URL}/settings" in digest.text and f"{BASE_URL}/settings" in digest.html
    match = re.fullmatch(rf"<{BASE_URL}(/unsubscribe/[A-Za-z0-9._-]+)>", header)
    assert match is not None, header

    # What a mail provider sends (RFC 8058): a POST with this body, no cookie, no token.
    clicked = client.post(
        match.group(1),
        content=b"List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert clicked.status_code == 200
    with database.reading() as session:
        paused = session.get(Reviewer, person.id)
        assert paused is not None and paused.digest_paused

    rounds(monday + timedelta(days=7))
    assert len(smtp.inbox.to(ADDRESS)) == 1  # a paused reviewer gets no digest
    assert client.post("/unsubscribe/1.forged").status_code == 400


def test_at_most_five_links_a_quarter_hour_are_mailed_to_one_reviewer(
    mailing_client: TestClient, smtp: SmtpServer, ada: Reviewer, clock: MutableClock
) -> None:
    answers = set()
    for _ in range(7):
        answers.add(_ask(mailing_client, ADDRESS))
        clock.advance(timedelta(minutes=1))
    assert len(smtp.inbox.to(ADDRESS)) == 5
    assert len(answers) == 1  # the page does not say that some were held back

    clock.advance(timedelta(minutes=15))
    _ask(mailing_client, ADDRESS)
    assert len(smtp.inbox.to(ADDRESS)) == 6
