"""/extract sends every candidate of a paste to the inbox, where several are accepted at once."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import select

from forecasts.models import Article, ClaimCandidate
from service.database import Database
from service.demo import demo_article
from tests.intake.conftest import PUBLISHED
from tests.intake.forms import form_in
from tests.pages.markup import main_of, text_of


def _stored(database: Database) -> tuple[int, int]:
    with database.reading() as session:
        articles = session.exec(select(func.count()).select_from(Article)).one()
        candidates = session.exec(select(func.count()).select_from(ClaimCandidate)).one()
    return int(articles), int(candidates)


def test_every_candidate_of_a_paste_goes_to_the_inbox_once(editor_client, preview, database):
    page = preview(demo_article())
    shown = main_of(page).count('class="candidate-card"')
    action, fields = form_in(page, "send-to-inbox")
    assert action == "/extract/inbox"
    sent = editor_client.post(action, data=fields, follow_redirects=False)
    assert sent.status_code == 303
    assert sent.headers["location"].startswith("/inbox#article-")
    assert _stored(database) == (1, shown)
    inbox = text_of(main_of(editor_client.get("/inbox").text))
    assert "Accept this one" in inbox
    again = editor_client.post(action, data=fields, follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"] == sent.headers["location"]
    assert _stored(database) == (1, shown), "the same paste is stored once"


def test_sending_to_the_inbox_needs_an_editor_and_the_form_token(client, database):
    fields = {"text": demo_article(), "published_at": PUBLISHED, "csrf_token": "forged"}
    signed_out = client.post("/extract/inbox", data=fields, follow_redirects=False)
    assert signed_out.status_code == 401
    assert _stored(database) == (0, 0)


def test_a_forged_token_or_another_site_stores_nothing(editor_client, preview, database):
    page = preview(demo_article())
    action, fields = form_in(page, "send-to-inbox")
    forged = editor_client.post(action, data=fields | {"csrf_token": "x"}, follow_redirects=False)
    assert forged.status_code == 403
    foreign = editor_client.post(
        action,
        data=fields,
        headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
        follow_redirects=False,
    )
    assert foreign.status_code == 403
    assert _stored(database) == (0, 0)
