"""Signed one-time resolve links and the page they open: GET shows, only the POST resolves."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import col, select

from forecasts.domain import Outcome, Status
from forecasts.models import LedgerEntry, Question, Resolution, ResolveLinkUse
from forecasts.schemas import ResolutionCreate
from resolvers.links import (
    ClosedQuestionError,
    ExpiredLinkError,
    ForgedLinkError,
    LinkSigner,
    UsedLinkError,
    resolve_with_link,
)
from service.database import Database
from tests.conftest import MutableClock
from tests.factories import make_claim, make_question, make_resolution, make_source
from tests.resolvers.conftest import SECRET, Rounds, SmtpServer, TwoInstances, make_reviewer

DEADLINE = datetime(2026, 2, 20, tzinfo=UTC)


def _setup(database: Database, clock: MutableClock, **reviewer: Any) -> tuple[int, int, str]:
    """A due question with a claim, its reviewer, and a link for them valid 21 days."""
    with database.writing() as session:
        person = make_reviewer(session, name="Ada Lovelace", **reviewer)
        source = make_source(session, name="Oleksiy Danilov")
        question = make_question(
            session,
            title="Will a second march begin?",
            resolution_criteria="Yes if a second armed march on Moscow begins.",
            deadline=DEADLINE,
            reviewer_id=person.id,
        )
        make_claim(session, source, question, probability=0.8)
        assert question.id is not None and person.id is not None
        question_id, reviewer_id = question.id, person.id
    token = LinkSigner(SECRET).issue(
        question_id=question_id, reviewer_id=reviewer_id, expires_at=clock.now + timedelta(days=21)
    )
    return question_id, reviewer_id, token


def _counts(database: Database) -> tuple[int, int, int]:
    """Resolutions, ledger entries and spent links: what a GET must never change."""
    with database.reading() as session:
        return tuple(  # type: ignore[return-value]
            session.exec(select(func.count()).select_from(table)).one()
            for table in (Resolution, LedgerEntry, ResolveLinkUse)
        )


def test_get_shows_the_question_and_the_form_and_changes_nothing(
    client: TestClient, database: Database, clock: MutableClock
) -> None:
    _, _, token = _setup(database, clock)
    before = _counts(database)
    for _ in range(3):  # a mail scanner, a preview, the person: all only look
        page = client.get(f"/resolve/{token}")
        assert page.status_code == 200
    html = page.text
    assert "Will a second march begin?" in html
    assert "Yes if a second armed march on Moscow begins." in html
    assert "Oleksiy Danilov" in html and "80%" in html
    assert f'<form class="resolve-form" method="post" action="/resolve/{token}">' in html
    for value, word in (("yes", "Yes"), ("no", "No"), ("annulled", "Annul")):
        assert f'<button type="submit" name="outcome" value="{value}">{word}</button>' in html
    assert 'name="evidence_url"' in html and 'name="note"' in html
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert _counts(database) == before


def test_post_resolves_as_the_reviewer_once_and_the_link_is_then_spent(
    client: TestClient, database: Database, clock: MutableClock
) -> None:
    question_id, reviewer_id, token = _setup(database, clock)
    entries_before = _counts(database)[1]
    response = client.post(
        f"/resolve/{token}",
        data={"outcome": "yes", "evidence_url": "https://example.org/news", "note": "It began."},
    )
    assert response.status_code == 200, response.text
    assert "the question is resolved" in response.text
    with database.reading() as session:
        [resolution] = session.exec(select(Resolution)).all()
        question = session.get(Question, question_id)
        entry = session.exec(select(LedgerEntry).order_by(col(LedgerEntry.id).desc())).first()
    assert resolution.outcome is Outcome.yes and resolution.resolved_at == clock.now
    assert resolution.resolved_by == f"reviewer:{reviewer_id} Ada Lovelace"
    assert resolution.evidence_url == "https://example.org/news" and resolution.note == "It began."
    assert question is not None and question.status is Status.resolved
    assert entry is not None and entry.action == "question.resolved"
    assert entry.actor == resolution.resolved_by
    assert _counts(database) == (1, entries_before + 1, 1)

    again = client.get(f"/resolve/{token}")
    assert again.status_code == 410 and "already used" in again.text
    replay = client.post(f"/resolve/{token}", data={"outcome": "no"})
    assert replay.status_code == 410 and "Nothing was changed" in replay.text
    assert _counts(database) == (1, entries_before + 1, 1)


def test_expired_link_is_refused_with_410_and_changes_nothing(
    client: TestClient, database: Database, clock: MutableClock
) -> None:
    _, _, token = _setup(database, clock)
    clock.advance(timedelta(days=21))
    before = _counts(database)
    page = client.get(f"/resolve/{token}")
    assert page.status_code == 410 and "expired" in page.text
    assert client.post(f"/resolve/{token}", data={"outcome": "yes"}).status_code == 410
    assert _counts(database) == before


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # signature's last character
        lambda t: t[:-3] + ("x" if t[-3] != "x" else "y") + t[-2:],  # signature altered
        lambda t: "0" + t,  # the same question id, spelled differently
        lambda t: "9" + t,  # question id altered
        lambda t: t.split(".", 1)[0],  # truncated
        lambda t: "garbage",
        lambda t: LinkSigner("another-secret").issue(
            question_id=int(t.split(".")[0]),
            reviewer_id=int(t.split(".")[1]),
            expires_at=datetime(2030, 1, 1, tzinfo=UTC),
        ),
    ],
)
def test_forged_links_are_refused_with_400_and_change_nothing(
    client: TestClient, database: Database, clock: MutableClock, mangle: object
) -> None:
    _, _, token = _setup(database, clock)
    forged = mangle(token)  # type: ignore[operator]
    before = _counts(database)
    page = client.get(f"/resolve/{forged}")
    assert page.status_code == 400 and "not valid" in page.text
    assert client.post(f"/resolve/{forged}", data={"outcome": "yes"}).status_code == 400
    assert _counts(database) == before


def test_question_resolved_meanwhile_is_refused_with_409(
    client: TestClient, database: Database, clock: MutableClock
) -> None:
    question_id, _, token = _setup(database, clock)
    with database.writing() as session:
        question = session.get(Question, question_id)
        assert question is not None
        make_resolution(session, question, Outcome.no, now=clock.now)
    before = _counts(database)
    page = client.get(f"/resolve/{token}")
    assert page.status_code == 409 and "resolved no" in page.text
    assert client.post(f"/resolve/{token}", data={"outcome": "yes"}).status_code == 409
    assert _counts(database) == before


def test_inactive_reviewer_link_is_refused_with_403(
    client: TestClient, database: Database, clock: MutableClock
) -> None:
    _, _, token = _setup(database, clock, active=False)
    assert client.get(f"/resolve/{token}").status_code == 403


@pytest.mark.parametrize(
    ("form", "problem"),
    [
        ({}, "Choose Yes, No or Annul"),
        ({"outcome": "maybe"}, "Choose Yes, No or Annul"),
        ({"outcome": "yes", "evidence_url": "javascript:alert(1)"}, "https://"),
    ],
)
def test_invalid_form_is_shown_again_with_the_problem_and_the_link_stays_usable(
    client: TestClient, database: Database, clock: MutableClock, form: dict[str, str], problem: str
) -> None:
    _, _, token = _setup(database, clock)
    before = _counts(database)
    response = client.post(f"/resolve/{token}", data=form | {"note": "kept <b>as typed</b>"})
    assert response.status_code == 422
    assert problem in response.text
    assert "kept &lt;b&gt;as typed&lt;/b&gt;" in response.text
    assert _counts(database) == before
    assert client.post(f"/resolve/{token}", data={"outcome": "annulled"}).status_code == 200


def test_two_simultaneous_posts_of_one_link_resolve_once(
    database: Database, two_instances: TwoInstances, clock: MutableClock
) -> None:
    _, _, token = _setup(database, clock)
    ended = two_instances.race(
        lambda session: resolve_with_link(
            session=session,
            signer=LinkSigner(SECRET),
            token=token,
            data=ResolutionCreate(outcome=Outcome.yes),
            now=clock.now,
        )
    )
    resolved = [r for r in ended if isinstance(r, Resolution)]
    refused = [r for r in ended if isinstance(r, Exception)]
    assert len(resolved) == len(refused) == 1, ended
    assert type(refused[0]) in {UsedLinkError, ClosedQuestionError}, refused
    assert _counts(database)[0] == 1


def test_tokens_name_question_and_reviewer_and_expire_by_the_given_clock() -> None:
    signer = LinkSigner(SECRET)
    expires = datetime(2026, 3, 23, 12, tzinfo=UTC)
    token = signer.issue(question_id=7, reviewer_id=3, expires_at=expires)
    link = signer.read(token, now=expires - timedelta(seconds=1))
    assert (link.question_id, link.reviewer_id, link.expires_at) == (7, 3, expires)
    with pytest.raises(ExpiredLinkError):
        signer.read(token, now=expires)
    with pytest.raises(ForgedLinkError):
        LinkSigner("other").read(token, now=expires - timedelta(days=1))
    assert signer.issue_many(question_ids=[7, 8], reviewer_id=3, expires_at=expires) == [
        token,
        signer.issue(question_id=8, reviewer_id=3, expires_at=expires),
    ]


def test_link_from_a_received_digest_opens_its_page(
    client: TestClient, database: Database, clock: MutableClock, rounds: Rounds, smtp: SmtpServer
) -> None:
    _setup(database, clock)
    rounds(clock.now)
    [mail] = smtp.inbox.received
    [link] = re.findall(r"http://testserver(/resolve/\S+)", mail.text)
    page = client.get(link)
    assert page.status_code == 200 and "Will a second march begin?" in page.text
    assert client.post(link, data={"outcome": "no"}).status_code == 200
    assert client.get(link).status_code == 410


def test_used_link_error_is_raised_for_a_spent_token(
    database: Database, clock: MutableClock
) -> None:
    _, _, token = _setup(database, clock)
    data = ResolutionCreate(outcome=Outcome.annulled)
    with database.writing() as session:
        resolve_with_link(
            session=session, signer=LinkSigner(SECRET), token=token, data=data, now=clock.now
        )
    with pytest.raises(UsedLinkError), database.writing() as session:
        resolve_with_link(
            session=session, signer=LinkSigner(SECRET), token=token, data=data, now=clock.now
        )


def test_link_of_a_question_reassigned_to_another_reviewer_is_refused_with_403(
    client: TestClient, database: Database, clock: MutableClock, admin: dict[str, str]
) -> None:
    question_id, _, token = _setup(database, clock)
    with database.writing() as session:
        other = make_reviewer(session, name="Grace Hopper", email="grace@example.org")
    patched = client.patch(
        f"/api/v1/questions/{question_id}", json={"reviewer_id": other.id}, headers=admin
    )
    assert patched.status_code == 200, patched.text
    before = _counts(database)
    page = client.get(f"/resolve/{token}")
    assert page.status_code == 403
    assert "reassigned" in page.text
    refused = client.post(f"/resolve/{token}", data={"outcome": "yes"})
    assert refused.status_code == 403 and "reassigned" in refused.text
    assert _counts(database) == before


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
    ],
)
def test_cross_site_post_of_a_resolve_link_is_refused_and_the_link_stays_usable(
    client: TestClient, database: Database, clock: MutableClock, headers: dict[str, str]
) -> None:
    _, _, token = _setup(database, clock)
    before = _counts(database)
    refused = client.post(f"/resolve/{token}", data={"outcome": "yes"}, headers=headers)
    assert refused.status_code == 403
    assert "another site" in refused.text
    assert _counts(database) == before
    same_site = {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}
    accepted = client.post(f"/resolve/{token}", data={"outcome": "no"}, headers=same_site)
    assert accepted.status_code == 200
