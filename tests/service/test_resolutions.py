"""Resolving questions: append-only history, supersession with a reason, status."""

from __future__ import annotations

from fastapi.testclient import TestClient

from service.database import Database
from tests.conftest import MutableClock
from tests.factories import make_claim, make_question, make_source


def _question(database: Database) -> int:
    with database.writing() as session:
        question = make_question(session)
        make_claim(session, make_source(session), question)
        assert question.id is not None
        return question.id


def test_resolution_history_keeps_every_verdict(
    client: TestClient, database: Database, reviewer: dict[str, str], clock: MutableClock
) -> None:
    question_id = _question(database)
    url = f"/api/v1/questions/{question_id}/resolutions"
    first = client.post(
        url, json={"outcome": "no", "evidence_url": "https://e.org/1"}, headers=reviewer
    )
    assert first.status_code == 201, first.text
    assert client.get(f"/api/v1/questions/{question_id}").json()["status"] == "resolved"

    missing_reason = client.post(url, json={"outcome": "yes"}, headers=reviewer)
    assert missing_reason.status_code == 422
    assert missing_reason.json()["detail"][0]["loc"] == ["body", "reason"]

    second = client.post(
        url, json={"outcome": "annulled", "reason": "criteria were ambiguous"}, headers=reviewer
    )
    assert second.status_code == 201
    detail = client.get(f"/api/v1/questions/{question_id}").json()
    assert detail["status"] == "annulled"
    assert [r["outcome"] for r in detail["resolutions"]] == ["no", "annulled"]
    assert [r["sequence"] for r in detail["resolutions"]] == [1, 2]
    assert detail["current_resolution"]["reason"] == "criteria were ambiguous"
    assert all(r["resolved_by"] == "test-reviewer" for r in detail["resolutions"])
    assert detail["resolutions"][0]["evidence_url"] == "https://e.org/1"


def test_no_cannot_be_decided_before_the_deadline(
    client: TestClient, database: Database, reviewer: dict[str, str], clock: MutableClock
) -> None:
    question_id = _question(database)
    clock.set(clock.now.replace(year=2026, month=1, day=15))
    url = f"/api/v1/questions/{question_id}/resolutions"
    assert client.post(url, json={"outcome": "no"}, headers=reviewer).status_code == 409
    assert client.post(url, json={"outcome": "yes"}, headers=reviewer).status_code == 201


def test_unknown_question_or_outcome_is_refused(
    client: TestClient, reviewer: dict[str, str]
) -> None:
    assert (
        client.post(
            "/api/v1/questions/99/resolutions", json={"outcome": "yes"}, headers=reviewer
        ).status_code
        == 404
    )
    response = client.post(
        "/api/v1/questions/99/resolutions", json={"outcome": "maybe"}, headers=reviewer
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "outcome"]


def test_resolutions_have_no_edit_endpoints(
    client: TestClient, database: Database, admin: dict[str, str]
) -> None:
    question_id = _question(database)
    url = f"/api/v1/questions/{question_id}/resolutions"
    assert client.post(url, json={"outcome": "yes"}, headers=admin).status_code == 201
    for method in ("PATCH", "PUT", "DELETE"):
        assert client.request(method, url, json={}, headers=admin).status_code == 405
        assert client.request(method, f"{url}/1", json={}, headers=admin).status_code in (404, 405)
