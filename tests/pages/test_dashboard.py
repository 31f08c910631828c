"""The dashboard: questions due for resolution, recent verdicts and the search."""

from __future__ import annotations

from datetime import timedelta

from forecasts.domain import Outcome
from tests.factories import T0, make_claim, make_question, make_resolution, make_source
from tests.pages.markup import main_of, text_of


def _section(page: str, heading_id: str) -> str:
    content = main_of(page)
    start = content.index(f'id="{heading_id}"')
    return content[start : content.index("</section>", start)]


def test_due_questions_are_listed_oldest_deadline_first(client, database, clock):
    with database.writing() as session:
        newer = make_question(session, title="Newer due question", deadline=T0 + timedelta(days=5))
        older = make_question(session, title="Older due question", deadline=T0 + timedelta(days=2))
        make_question(session, title="Still open question", deadline=clock.now + timedelta(days=9))
    assert newer.status.value == older.status.value == "open"  # past deadline, not yet marked
    section = text_of(_section(client.get("/").text, "due-heading"))
    assert section.index("Older due question") < section.index("Newer due question")
    assert "Still open question" not in section


def test_recently_resolved_lists_newest_verdicts_first_with_their_outcome(client, database):
    with database.writing() as session:
        first = make_question(session, title="Decided first")
        second = make_question(session, title="Decided second")
        make_resolution(session, first, Outcome.yes, now=T0 + timedelta(days=40))
        make_resolution(session, second, Outcome.no, now=T0 + timedelta(days=41))
        make_resolution(
            session, first, Outcome.annulled, now=T0 + timedelta(days=42), reason="Criteria unclear"
        )
    section = _section(client.get("/").text, "resolved-heading")
    text = text_of(section)
    assert text.index("Decided first") < text.index("Decided second")
    assert "annulled corrected" in text
    assert "outcome-no" in section


def test_empty_ledger_says_nothing_is_waiting(client):
    page = client.get("/")
    assert page.status_code == 200
    assert "<title>Dashboard · Sooth</title>" in page.text
    text = text_of(main_of(page.text))
    assert "Nothing is waiting for a verdict." in text
    assert "No question has been resolved yet." in text


def test_search_finds_question_titles_quotes_and_sources(client, database):
    with database.writing() as session:
        danilov = make_source(session, "oleksiy-danilov", name="Oleksiy Danilov")
        other = make_source(session, "someone-else", name="Someone Else")
        mutiny = make_question(session, title="Will a second MUTINY happen?")
        march = make_question(session, title="Will there be a march on Moscow?")
        make_claim(session, danilov, march, quote="A second mutiny would not be much delayed")
        make_claim(session, other, mutiny, quote="Nothing of the kind.")
    page = client.get("/", params={"q": "mutiny"})
    results = _section(page.text, "results-heading")
    text = text_of(results)
    assert "<title>Search: mutiny · Sooth</title>" in page.text
    assert f'href="/questions/{mutiny.id}"' in results
    assert "A second mutiny would not be much delayed" in text
    assert "Nothing of the kind." not in text
    assert "Questions (1)" in text and "Quotes (1)" in text

    by_source = text_of(_section(client.get("/", params={"q": "Danilov"}).text, "results-heading"))
    assert "Sources (1)" in by_source and "Oleksiy Danilov" in by_source
    by_slug = text_of(_section(client.get("/", params={"q": "someone-el"}).text, "results-heading"))
    assert "Someone Else" in by_slug


def test_search_takes_percent_and_underscore_literally(client, database):
    with database.writing() as session:
        make_question(session, title="Will inflation pass 5% by June?")
        make_question(session, title="Will inflation pass 50 by June?")
    text = text_of(_section(client.get("/", params={"q": "5%"}).text, "results-heading"))
    assert "pass 5% by June" in text
    assert "pass 50 by June" not in text
    nothing = text_of(_section(client.get("/", params={"q": "_"}).text, "results-heading"))
    assert "Nothing matched." in nothing


def test_blank_search_shows_the_plain_dashboard(client):
    content = main_of(client.get("/", params={"q": "   "}).text)
    assert 'id="results-heading"' not in content
