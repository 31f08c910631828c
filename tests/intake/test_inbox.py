"""The candidate inbox: listing, accepting into claims once, rejecting, suggestions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from forecasts.inbox import suggest_sources
from service.database import Database
from tests.factories import make_question, make_source
from tests.intake.web import LEVY, RATES, Route, Site, serving

QUESTION = {
    "title": "Will the transit levy pass before 2025?",
    "resolution_criteria": "Yes if the council adopts the levy before 2025-01-01.",
    "deadline": "2025-01-01T00:00:00Z",
}


@pytest.fixture
def local(app_factory: Any) -> Iterator[TestClient]:
    with app_factory(intake_allow_private=True) as client:
        yield client


@pytest.fixture
def site() -> Iterator[Site]:
    with serving({"/levy": Route(LEVY), "/rates": Route(RATES)}) as served:
        yield served


def take(client: TestClient, headers: dict[str, str], url: str) -> dict[str, Any]:
    response = client.post("/api/v1/intake/url", json={"url": url}, headers=headers)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def candidate(body: dict[str, Any], words: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in body["candidates"] if words in c["sentence"])
    return found


def test_candidates_list_filters_by_status_and_article(
    local: TestClient, editor: dict[str, str], site: Site
) -> None:
    levy = take(local, editor, site.url("/levy"))
    rates = take(local, editor, site.url("/rates"))
    everything = local.get("/api/v1/candidates", headers=editor).json()
    assert set(everything) == {"items", "total", "limit", "offset"}
    assert everything["total"] == len(levy["candidates"]) + len(rates["candidates"])
    # Newest article first, in text order within it.
    assert everything["items"][0]["article_id"] == rates["article"]["id"]
    only = local.get(
        "/api/v1/candidates", params={"article_id": levy["article"]["id"]}, headers=editor
    ).json()
    assert [c["id"] for c in only["items"]] == [c["id"] for c in levy["candidates"]]
    first = levy["candidates"][0]["id"]
    local.post(f"/api/v1/candidates/{first}/reject", json={"reason": "no"}, headers=editor)
    pending = local.get("/api/v1/candidates?status=pending", headers=editor).json()
    rejected = local.get("/api/v1/candidates?status=rejected", headers=editor).json()
    assert first not in [c["id"] for c in pending["items"]]
    assert [c["id"] for c in rejected["items"]] == [first]
    bad = local.get("/api/v1/candidates?status=maybe", headers=editor)
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["query", "status"]


def test_accepting_records_a_claim_with_defaults_from_candidate_and_article(
    local: TestClient, editor: dict[str, str], site: Site
) -> None:
    levy = take(local, editor, site.url("/levy"))
    ruiz = candidate(levy, "70% chance")
    response = local.post(
        f"/api/v1/candidates/{ruiz['id']}/accept",
        json={
            "new_source": {"slug": "ana-ruiz", "name": "Ana Ruiz", "kind": "person"},
            "question": QUESTION,
        },
        headers=editor,
    )
    assert response.status_code == 201, response.text
    claim = response.json()["claim"]
    assert claim["source"] == "ana-ruiz"
    assert claim["quote"] == ruiz["sentence"]
    assert claim["probability"] == 0.7 and claim["probability_basis"] == "stated"
    assert claim["made_at"] == "2024-03-01T09:00:00Z"
    assert claim["published_at"] == "2024-03-01T09:00:00Z"
    assert claim["citation_url"] == site.url("/levy")
    assert claim["citation_title"] == "Council splits over transit levy"
    assert claim["publisher"] == "The Harbour Times"
    stored = local.get(f"/api/v1/claims/{claim['id']}").json()
    assert stored == claim
    after = local.get(f"/api/v1/candidates/{ruiz['id']}", headers=editor).json()
    assert (after["status"], after["claim_id"]) == ("accepted", claim["id"])


def test_a_candidate_is_recorded_once(
    local: TestClient, editor: dict[str, str], site: Site, database: Database
) -> None:
    levy = take(local, editor, site.url("/levy"))
    ruiz = candidate(levy, "70% chance")
    with database.writing() as session:
        make_source(session, "ana-ruiz", name="Ana Ruiz")
    body = {"source": "ana-ruiz", "question": QUESTION}
    first = local.post(f"/api/v1/candidates/{ruiz['id']}/accept", json=body, headers=editor)
    second = local.post(f"/api/v1/candidates/{ruiz['id']}/accept", json=body, headers=editor)
    assert (first.status_code, second.status_code) == (201, 409)
    assert "already recorded as claim" in second.json()["detail"][0]["msg"]
    assert local.get("/api/v1/claims").json()["total"] == 1


def test_overrides_and_an_existing_question(
    local: TestClient, editor: dict[str, str], site: Site, database: Database
) -> None:
    levy = take(local, editor, site.url("/levy"))
    danilov = candidate(levy, "second mutiny")
    with database.writing() as session:
        make_source(session, "oleksiy-danilov", name="Oleksiy Danilov")
        question = make_question(
            session,
            title="Will a second mutiny take place in Russia?",
            deadline="2027-01-01T00:00:00Z",
        )
    response = local.post(
        f"/api/v1/candidates/{danilov['id']}/accept",
        json={
            "source": "oleksiy-danilov",
            "question_id": question.id,
            "probability": 0.6,
            "probability_basis": "assessed",
            "quote": "A second mutiny would not be much delayed.",
            "made_at": "2024-02-28T00:00:00Z",
        },
        headers=editor,
    )
    assert response.status_code == 201, response.text
    claim = response.json()["claim"]
    assert (claim["probability"], claim["probability_basis"]) == (0.6, "assessed")
    assert claim["quote"] == "A second mutiny would not be much delayed."
    assert claim["made_at"] == "2024-02-28T00:00:00Z"
    assert claim["question_id"] == question.id


def test_refused_acceptance_names_the_field_and_leaves_the_candidate_pending(
    local: TestClient, editor: dict[str, str], site: Site
) -> None:
    levy = take(local, editor, site.url("/levy"))
    ruiz = candidate(levy, "70% chance")
    url = f"/api/v1/candidates/{ruiz['id']}/accept"
    unknown = local.post(url, json={"source": "nobody", "question": QUESTION}, headers=editor)
    assert unknown.status_code == 422
    assert unknown.json()["detail"][0]["loc"] == ["body", "source"]
    neither = local.post(url, json={"question": QUESTION}, headers=editor)
    assert neither.status_code == 422
    assert local.get(f"/api/v1/candidates/{ruiz['id']}", headers=editor).json()["status"] == (
        "pending"
    )
    assert local.post(url, json={}, headers={}).status_code == 401


def test_rejecting_keeps_the_reason_and_refuses_a_later_accept(
    local: TestClient, editor: dict[str, str], site: Site
) -> None:
    levy = take(local, editor, site.url("/levy"))
    danilov = candidate(levy, "second mutiny")
    path = f"/api/v1/candidates/{danilov['id']}"
    empty = local.post(f"{path}/reject", json={"reason": " "}, headers=editor)
    assert empty.status_code == 422
    rejected = local.post(f"{path}/reject", json={"reason": "quoted from 2023"}, headers=editor)
    assert rejected.status_code == 200
    assert rejected.json()["status"] == "rejected"
    assert rejected.json()["rejection_reason"] == "quoted from 2023"
    accept = local.post(
        f"{path}/accept", json={"source": "x", "question": QUESTION}, headers=editor
    )
    assert accept.status_code == 409
    assert "rejected (quoted from 2023)" in accept.json()["detail"][0]["msg"]
    assert local.post(f"{path}/reject", json={"reason": "x"}, headers=editor).status_code == 409
    assert (
        local.post(
            "/api/v1/candidates/999/reject", json={"reason": "x"}, headers=editor
        ).status_code
        == 404
    )


def test_sources_are_suggested_by_part_of_their_name(database: Database) -> None:
    with database.writing() as session:
        make_source(session, "oleksiy-danilov", name="Oleksiy Danilov")
        make_source(session, "ana-ruiz", name="Ana Ruiz")
        make_source(session, "danilova-press", name="Danilova Press", kind="outlet")
    with database.reading() as session:
        found = [s.slug for s in suggest_sources(session=session, name="Danilov")]
        assert found[0] == "oleksiy-danilov"
        assert "ana-ruiz" not in found
        titled = suggest_sources(session=session, name="Mr. Oleksiy Danilov")
        assert titled[0].slug == "oleksiy-danilov"
        assert suggest_sources(session=session, name="Al") == []


def test_suggestions_for_a_candidate(
    local: TestClient, editor: dict[str, str], site: Site, database: Database
) -> None:
    levy = take(local, editor, site.url("/levy"))
    danilov = candidate(levy, "second mutiny")
    with database.writing() as session:
        make_source(session, "oleksiy-danilov", name="Oleksiy Danilov")
        close = make_question(session, title="Will a second mutiny take place in Russia?")
        make_question(session, title="Will the levy pass?")
    body = local.get(f"/api/v1/candidates/{danilov['id']}/suggestions", headers=editor).json()
    assert [s["slug"] for s in body["sources"]] == ["oleksiy-danilov"]
    assert [q["id"] for q in body["questions"]] == [close.id]
