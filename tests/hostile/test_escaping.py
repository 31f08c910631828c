"""Hostile text written through the API stays text: in pages, CSV reports and email.

The pages' own tests escape what factories write; these send the payloads the way an
attacker with an editor's key would, then read every surface a reader or reviewer sees.
"""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from fastapi.testclient import TestClient

from resolvers.digest import DigestConfig
from resolvers.jobs import reminder_jobs
from service.database import Database
from service.scheduler import JobRunner
from tests.conftest import MutableClock
from tests.resolvers.conftest import SmtpServer

SCRIPT = "<script>alert('x')</script>"
IMG = '"><img src=x onerror=alert(1)>'
TEMPLATE = "{{ 7*7 }}{% if true %}yes{% endif %}"
HOSTILE = f"{SCRIPT} {IMG} {TEMPLATE}"
FORMULAS = ['=HYPERLINK("http://evil","x")', "+1+cmd|'/C calc'!A0", "-2+3", "@SUM(A1:A9)"]


def _record(client: TestClient, editor: dict[str, str], reviewer: dict[str, str]) -> None:
    """Sources, questions, claims and verdicts whose every text field is hostile."""
    for number, name in enumerate([HOSTILE, *FORMULAS]):
        slug = f"source-{number}"
        response = client.post(
            "/api/v1/sources",
            json={"slug": slug, "name": name, "kind": "person", "description": HOSTILE},
            headers=editor,
        )
        assert response.status_code == 201, response.text
        claim = client.post(
            "/api/v1/claims",
            headers=editor,
            json={
                "source": slug,
                "probability": 0.6,
                "quote": f"{HOSTILE} {name}",
                "made_at": "2026-01-02T00:00:00Z",
                "citation_url": "javascript:alert(1)",
                "published_at": "2026-01-02T00:00:00Z",
                "citation_title": HOSTILE,
                "publisher": IMG,
                "question": {
                    "title": f"{name} {HOSTILE}?",
                    "resolution_criteria": HOSTILE,
                    "deadline": "2026-02-01T00:00:00Z",
                    "tags": ["hostile"],
                },
            },
        )
        assert claim.status_code == 201, claim.text
        verdict = client.post(
            f"/api/v1/questions/{claim.json()['question_id']}/resolutions",
            json={"outcome": "yes", "note": HOSTILE, "evidence_url": "javascript:alert(2)"},
            headers=reviewer,
        )
        assert verdict.status_code == 201, verdict.text


def _assert_inert(html: str, where: str) -> None:
    assert "<script>alert" not in html, where
    assert "<img src=x" not in html, where
    assert 'href="javascript:' not in html.lower(), where
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html, where


def test_pages_show_hostile_text_as_text(
    client: TestClient, editor: dict[str, str], reviewer: dict[str, str]
) -> None:
    _record(client, editor, reviewer)
    pages = {
        "dashboard": "/",
        "search": "/?q=script",
        "question": "/questions/1",
        "sources": "/sources",
        "source": "/sources/source-0",
    }
    for where, path in pages.items():
        response = client.get(path)
        assert response.status_code == 200, (where, response.status_code)
        _assert_inert(response.text, where)
    # Text is never rendered as a template: the braces arrive as typed.
    assert TEMPLATE.replace("'", "&#39;") in client.get("/questions/1").text
    searched = client.get("/", params={"q": IMG}).text
    assert "<img src=x" not in searched and "&lt;img src=x" in searched


@pytest.mark.parametrize("report", ["scores.csv", "calibration.csv"])
def test_csv_reports_make_formulas_inert(
    client: TestClient, editor: dict[str, str], reviewer: dict[str, str], report: str
) -> None:
    _record(client, editor, reviewer)
    for group_by in ("source", "tag"):
        response = client.get(f"/api/v1/reports/{report}", params={"group_by": group_by})
        assert response.status_code == 200, response.text
        rows = list(csv.reader(io.StringIO(response.text, newline="")))
        assert len(rows) > 1
        cells = [cell for row in rows for cell in row]
        for cell in cells:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                float(cell)  # only a number may start so; text would be a formula
        if report == "scores.csv" and group_by == "source":
            assert any(cell.endswith(FORMULAS[0]) for cell in cells), rows


@pytest.mark.parametrize(
    "name",
    ["Eve\r\nBcc: victim@example.org", "Eve\nSubject: forged", "Eve\u2028Bcc: v@example.org"],
)
def test_a_reviewer_name_cannot_add_email_headers(
    client: TestClient,
    admin: dict[str, str],
    editor: dict[str, str],
    reviewer: dict[str, str],
    database: Database,
    clock: MutableClock,
    name: str,
) -> None:
    _record(client, editor, reviewer)
    response = client.post(
        "/api/v1/reviewers",
        json={"name": name, "email": "eve@example.org", "digest_hour": 9},
        headers=admin,
    )
    if response.status_code == 422:
        return  # refused at the door, naming the field
    assert response.status_code == 201, response.text
    waiting = client.post(
        "/api/v1/questions",
        json={
            "title": f"Still open {HOSTILE}\r\nBcc: victim@example.org",
            "resolution_criteria": "Yes if.",
            "deadline": "2026-02-01T00:00:00Z",
        },
        headers=editor,
    )
    assert waiting.status_code == 201, waiting.text
    server = SmtpServer()
    server.start()
    try:
        clock.advance(timedelta(days=7))
        config = DigestConfig(
            base_url="http://testserver", secret_key="s", link_days=21, mail_from="s@example.org"
        )
        runner = JobRunner(database, clock=clock)
        for job in reminder_jobs(digest=config, transport=server.transport()):
            runner.run(job)
        sent = server.inbox.received
    finally:
        server.stop()
    assert sent, "no digest was sent"
    for received in sent:
        assert received.recipients == ["eve@example.org"]
        message = message_from_bytes(received.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        assert "Bcc" not in message and "forged" not in str(message["Subject"])
        assert len(message.get_all("Subject") or []) == 1
        html = message.get_body(preferencelist=("html",))
        assert html is not None and "<script>alert" not in html.get_content()
