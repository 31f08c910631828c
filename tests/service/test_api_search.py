"""GET /api/v1/search: the same search the dashboard shows, as JSON."""

from __future__ import annotations

from tests.factories import make_claim, make_question, make_source


def test_search_returns_matching_questions_claims_and_sources(client, database):
    with database.writing() as session:
        source = make_source(session, "oleksiy-danilov", name="Oleksiy Danilov")
        question = make_question(session, title="Will a second mutiny happen?")
        make_claim(session, source, question, quote="A mutiny would not be much delayed")
        make_question(session, title="Unrelated")
    body = client.get("/api/v1/search", params={"q": "Mutiny"}).json()
    assert [q["id"] for q in body["questions"]] == [question.id]
    assert body["questions_total"] == 1
    assert body["claims"][0]["claim"]["quote"] == "A mutiny would not be much delayed"
    assert body["claims"][0]["question_title"] == "Will a second mutiny happen?"
    assert body["claims"][0]["source_name"] == "Oleksiy Danilov"
    assert body["sources"] == []
    assert client.get("/api/v1/search", params={"q": "danilov"}).json()["sources_total"] == 1


def test_search_caps_each_kind_at_the_limit_and_reports_the_total(client, database):
    with database.writing() as session:
        for _ in range(3):
            make_question(session, title="Will rates fall?")
    body = client.get("/api/v1/search", params={"q": "rates", "limit": 2}).json()
    assert len(body["questions"]) == 2
    assert body["questions_total"] == 3


def test_search_needs_words(client):
    response = client.get("/api/v1/search", params={"q": ""})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "q"]
