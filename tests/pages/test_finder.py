"""Finding things: /questions with filters and orders, /tags/{tag}, tags in search, /sources."""

from __future__ import annotations

from datetime import timedelta

from forecasts.domain import Outcome
from service.database import Database
from tests.conftest import MutableClock
from tests.factories import T0, make_claim, make_question, make_resolution, make_source
from tests.pages.markup import main_of, text_of


def _titles(page: str) -> list[str]:
    body = main_of(page)
    start = body.index("<tbody>")
    rows = body[start : body.index("</tbody>", start)]
    import re

    return [text_of(m) for m in re.findall(r'<a href="/questions/\d+">(.*?)</a>', rows)]


def _ledger(database: Database, clock: MutableClock) -> None:
    """Three questions: one open, one past its deadline (due), one resolved; two sources."""
    with database.writing() as session:
        alice = make_source(session, "alice", name="Alice")
        bob = make_source(session, "bob", name="Bob")
        soon = make_question(
            session, title="Bravo soon?", tags=["economy"], deadline=T0 + timedelta(days=10)
        )
        later = make_question(
            session, title="Alpha later?", tags=["politics"], deadline=T0 + timedelta(days=400)
        )
        done = make_question(
            session,
            title="Charlie done?",
            tags=["economy", "rates"],
            deadline=T0 + timedelta(days=5),
        )
        make_claim(session, alice, soon, probability=0.6)
        make_claim(session, alice, later, probability=0.3)
        make_claim(session, bob, done, probability=0.8)
        make_claim(session, alice, done, probability=0.4)
        make_resolution(session, done, Outcome.yes)
    clock.set(T0 + timedelta(days=20))


def test_questions_page_filters_by_status_including_open_questions_past_their_deadline(
    client, database, clock
):
    _ledger(database, clock)
    assert _titles(client.get("/questions").text) == [
        "Charlie done?",
        "Bravo soon?",
        "Alpha later?",
    ]
    # The hourly job has not moved "Bravo soon?" to due, but its deadline has passed.
    assert _titles(client.get("/questions?status=due").text) == ["Bravo soon?"]
    assert _titles(client.get("/questions?status=resolved").text) == ["Charlie done?"]
    assert _titles(client.get("/questions?status=open").text) == ["Bravo soon?", "Alpha later?"]


def test_questions_page_filters_by_tag_source_and_deadline_window_and_sorts(
    client, database, clock
):
    _ledger(database, clock)
    assert _titles(client.get("/questions?tag=economy").text) == ["Charlie done?", "Bravo soon?"]
    assert _titles(client.get("/questions?source=bob").text) == ["Charlie done?"]
    window = client.get("/questions", params={"after": "2026-01-11", "before": "2026-01-11"})
    assert _titles(window.text) == ["Bravo soon?"]  # the deadline is 2026-01-11 00:00 UTC
    assert _titles(client.get("/questions?sort=title").text) == [
        "Alpha later?",
        "Bravo soon?",
        "Charlie done?",
    ]
    assert _titles(client.get("/questions?sort=-deadline").text) == [
        "Alpha later?",
        "Bravo soon?",
        "Charlie done?",
    ]
    text = text_of(main_of(client.get("/questions?tag=economy&sort=title").text))
    assert "2 questions, title, A to Z." in text


def test_questions_page_names_a_filter_it_cannot_read_and_looks_nothing_up(client, database):
    page = client.get("/questions", params={"after": "31/12/2026", "tag": "Not a tag!"})
    assert page.status_code == 422
    text = text_of(main_of(page.text))
    assert "“31/12/2026” is not a date; give one as YYYY-MM-DD" in text
    assert "A tag is 1-64 characters" in text
    assert "2 filters need correcting" in text


def test_tag_page_lists_its_questions_and_its_calibration_across_sources(client, database, clock):
    _ledger(database, clock)
    page = client.get("/tags/economy")
    assert page.status_code == 200
    text = text_of(main_of(page.text))
    # On "Charlie done?" (yes): bob 0.8 and alice 0.4 -> Brier ((0.2)^2 + (0.6)^2) / 2 = 0.2
    assert "Brier 0.200 over 2 scored claims by every source" in text
    assert "Bravo soon?" in text and "Charlie done?" in text and "Alpha later?" not in text
    by_source = page.text[page.text.index('id="by-source"') :]
    assert by_source.index("Bob") < by_source.index("Alice"), "best Brier score first"
    assert client.get("/tags/nothing-here").status_code == 200
    assert "No question carries this tag" in client.get("/tags/nothing-here").text


def test_tags_link_to_their_page_and_search_finds_them(client, database, clock):
    _ledger(database, clock)
    question = client.get("/questions/3").text
    assert '<a class="tag" href="/tags/economy">economy</a>' in question
    assert '<a class="tag" href="/tags/rates">rates</a>' in question
    results = client.get("/?q=rate").text
    assert '<a class="tag" href="/tags/rates">rates</a>' in results
    assert "Charlie done?" in text_of(main_of(results)), "questions match by tag too"
    api = client.get("/api/v1/search", params={"q": "econ"}).json()
    assert api["tags"] == ["economy"] and api["tags_total"] == 1
    assert {q["title"] for q in api["questions"]} == {"Bravo soon?", "Charlie done?"}


def test_sources_page_shows_each_sources_open_and_scored_claims(client, database, clock):
    _ledger(database, clock)
    rows = text_of(main_of(client.get("/sources").text))
    # alice: two claims awaiting an outcome, one scored; bob: none open, one scored
    assert "Alice person 2 1 0.360" in rows
    assert "Bob person 0 1 0.040" in rows
