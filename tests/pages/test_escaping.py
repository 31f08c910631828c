"""Every piece of user text is escaped: markup in the ledger shows as text."""

from __future__ import annotations

from forecasts.domain import Outcome
from tests.factories import make_claim, make_question, make_resolution, make_source
from tests.pages.markup import main_of, text_of

SCRIPT = "<script>alert('owned')</script>"


def test_markup_in_quotes_titles_names_and_notes_shows_as_text(client, database):
    with database.writing() as session:
        source = make_source(session, "hostile", name=f"Mallory {SCRIPT}", description=SCRIPT)
        question = make_question(
            session, title=f"Will {SCRIPT} run?", resolution_criteria=f"Yes if {SCRIPT}"
        )
        make_claim(
            session,
            source,
            question,
            quote=f"It will {SCRIPT}",
            citation_title=f"<b>{SCRIPT}</b>",
            publisher=SCRIPT,
        )
        make_resolution(session, question, Outcome.yes, note=SCRIPT)
    pages = [
        client.get(f"/questions/{question.id}").text,
        client.get("/").text,
        client.get("/", params={"q": "script"}).text,
        client.get("/", params={"q": SCRIPT}).text,
        client.get("/sources/hostile").text,
        client.get("/sources").text,
    ]
    for page in pages:
        assert "<script>" not in page
        assert "&lt;script&gt;" in page
    question_page = pages[0]
    assert f"It will {SCRIPT}" in text_of(main_of(question_page))
    assert "<title>Will &lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; run? · Sooth" in (
        question_page
    )
    assert f"Mallory {SCRIPT}" in text_of(main_of(pages[4]))


def test_only_web_links_become_links(client, database):
    with database.writing() as session:
        source = make_source(session)
        question = make_question(session)
        make_claim(session, source, question, citation_url="javascript:alert(1)")
        make_resolution(session, question, Outcome.no, evidence_url="data:text/html,<b>x</b>")
    content = main_of(client.get(f"/questions/{question.id}").text)
    assert 'href="javascript:' not in content
    assert 'href="data:' not in content
    assert "javascript:alert(1)" in text_of(content)  # shown, not linked
