"""The question page: the question, every claim on it and its resolution history."""

from __future__ import annotations

from datetime import timedelta

from forecasts.claims import retract_claim
from forecasts.domain import Outcome
from tests.factories import T0, make_claim, make_question, make_resolution, make_source
from tests.pages.markup import main_of, text_of


def test_question_page_shows_criteria_deadline_status_and_tags(client, database):
    with database.writing() as session:
        question = make_question(
            session,
            title="Will the levy pass?",
            resolution_criteria="Yes if the council votes it through.",
            tags=["transit", "city"],
        )
    page = client.get(f"/questions/{question.id}")
    assert page.status_code == 200
    text = text_of(main_of(page.text))
    assert "<title>Will the levy pass? · Sooth</title>" in page.text
    assert "Will the levy pass?" in text
    assert "Yes if the council votes it through." in text
    assert "31 Jan 2026, 00:00 UTC" in text
    assert "city, transit" in text
    assert "open" in text
    assert "No claim has been recorded on this question." in text


def test_each_claim_shows_percentage_basis_quote_article_and_source(client, database):
    with database.writing() as session:
        danilov = make_source(session, "oleksiy-danilov", name="Oleksiy Danilov")
        analyst = make_source(session, "an-analyst", name="An Analyst")
        question = make_question(session)
        make_claim(
            session,
            danilov,
            question,
            probability=0.8,
            probability_basis="verbal",
            verbal_phrase="would not be much delayed",
            quote="A second mutiny would not be much delayed",
            citation_url="https://example.org/second-march",
            citation_title="Prepare for a second march",
            publisher="The Paper",
        )
        make_claim(session, analyst, question, probability=0.025, probability_basis="stated")
        make_claim(session, analyst, question, probability=0.4, probability_basis="assessed")
    page = client.get(f"/questions/{question.id}")
    content = main_of(page.text)
    text = text_of(content)
    assert "80%" in text
    assert "read from the words “would not be much delayed”" in text
    assert "A second mutiny would not be much delayed" in text
    assert '<a href="https://example.org/second-march" rel="nofollow noopener">' in content
    assert "Prepare for a second march, The Paper" in text
    assert "Made 1 Jan 2026, 00:00 UTC" in text
    assert '<a href="/sources/oleksiy-danilov">Oleksiy Danilov</a>' in content
    assert "2.5%" in text and "stated by the source" in text
    assert "40%" in text and "assessed by the editor" in text


def test_retracted_claim_is_marked_with_its_reason(client, database):
    with database.writing() as session:
        source = make_source(session)
        question = make_question(session)
        claim = make_claim(session, source, question, quote="Misquoted words")
        assert claim.id is not None
        retract_claim(
            session=session,
            claim_id=claim.id,
            reason="The quote belongs to someone else.",
            actor="editor",
            now=T0 + timedelta(days=1),
        )
    content = main_of(client.get(f"/questions/{question.id}").text)
    assert 'class="claim claim--retracted"' in content
    assert "Retracted 2 Jan 2026, 00:00 UTC: The quote belongs to someone else." in text_of(content)


def test_resolution_history_shows_evidence_who_when_and_highlights_the_current_one(
    client, database
):
    with database.writing() as session:
        question = make_question(session)
        make_resolution(
            session, question, Outcome.no, evidence_url="https://example.org/first", note="None"
        )
        make_resolution(
            session,
            question,
            Outcome.yes,
            now=question.deadline + timedelta(days=3),
            evidence_url="https://example.org/later",
            reason="A later report showed it happened.",
        )
    content = main_of(client.get(f"/questions/{question.id}").text)
    verdict = content[content.index('class="verdict"') : content.index("<h3>History")]
    assert "outcome-yes" in verdict
    assert "https://example.org/later" in verdict
    assert "A later report showed it happened." in verdict
    assert "3 Feb 2026, 00:00 UTC by factory" in text_of(verdict)
    history = text_of(content[content.index("<h3>History") :])
    assert history.index("no") < history.index("(superseded)") < history.index("(current)")
    assert "https://example.org/first" in history


def test_question_awaiting_a_verdict_says_so(client, database, clock):
    with database.writing() as session:
        question = make_question(session, deadline=T0)
    assert question.status.value == "due"
    text = text_of(main_of(client.get(f"/questions/{question.id}").text))
    assert "waiting for a reviewer’s verdict" in text
