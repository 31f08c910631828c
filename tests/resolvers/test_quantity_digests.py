"""Digests of quantity questions: the value asked for in its unit, claims as points and ranges."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlmodel import select

from forecasts.domain import Outcome, QuestionKind
from forecasts.models import Resolution
from service.database import Database
from tests.factories import make_claim, make_question, make_source
from tests.resolvers.conftest import Rounds, SmtpServer, make_reviewer

MONDAY_9 = datetime(2026, 3, 2, 9, tzinfo=UTC)


def test_digest_asks_for_the_value_and_its_form_resolves_the_question(
    database: Database, rounds: Rounds, smtp: SmtpServer, client: TestClient
) -> None:
    with database.writing() as session:
        reviewer = make_reviewer(session, name="Ada Lovelace", email="ada@example.org")
        bank = make_source(session, name="Central Bank")
        inflation = make_question(
            session,
            title="Full-year inflation in 2025",
            resolution_criteria="The statistics office's first full-year CPI figure.",
            deadline=MONDAY_9 - timedelta(days=10),
            reviewer_id=reviewer.id,
            kind=QuestionKind.quantity,
            unit="%",
        )
        binary = make_question(
            session, deadline=MONDAY_9 - timedelta(days=5), reviewer_id=reviewer.id
        )
        make_claim(session, bank, inflation, probability=None, quantity={"low": 2.7, "high": 2.8})
        make_claim(
            session,
            bank,
            inflation,
            probability=None,
            quantity={"point": 3.0},
            verbal_phrase="should come close to",
        )
        make_claim(session, bank, binary, probability=0.35)

    assert rounds(MONDAY_9)["enqueue_digests"].count == 1
    [mail] = smtp.inbox.to("ada@example.org")
    text = mail.text
    assert "Value, in %, read as: The statistics office's first full-year CPI figure." in text
    assert "Central Bank: 2.7–2.8%" in text
    assert 'Central Bank: 3% ("should come close to")' in text
    assert "Central Bank: 35%" in text and "How it resolves: Yes if it happens." in text
    [value_link] = re.findall(r"Enter the value: (http://testserver/resolve/\S+)", text)
    html = mail.html
    form = re.search(r'<form method="post" action="([^"]+)">(.*?)</form>', html, flags=re.S)
    assert form is not None and form.group(1) == value_link
    assert 'name="value"' in form.group(2) and 'name="outcome" value="value"' in form.group(2)
    assert html.count("<form") == 1

    token_path = value_link.removeprefix("http://testserver")
    assert client.get(token_path).status_code == 200
    response = client.post(token_path, data={"outcome": "value", "value": "2.9"})
    assert response.status_code == 200, response.text
    with database.reading() as session:
        [resolution] = session.exec(select(Resolution)).all()
    assert (resolution.outcome, resolution.value) == (Outcome.value, 2.9)
