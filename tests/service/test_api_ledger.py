"""Recording and reading sources, questions and claims through the API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import select

from forecasts.models import Claim, Question
from service.database import Database

DEADLINE = "2026-06-01T00:00:00Z"


def _source(client: TestClient, editor: dict[str, str], slug: str = "jane-doe") -> dict[str, Any]:
    # Named after the slug: a name that looks like another source's is refused.
    name = slug.replace("-", " ").title()
    response = client.post(
        "/api/v1/sources",
        json={"slug": slug, "name": name, "kind": "person", "description": "analyst"},
        headers=editor,
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def _claim(**overrides: Any) -> dict[str, Any]:
    body = {
        "source": "jane-doe",
        "probability": 0.8,
        "quote": "It is very likely to pass.",
        "made_at": "2026-02-01T09:00:00Z",
        "citation_url": "https://example.org/article",
        "question": {
            "title": "Will the bill pass before June?",
            "resolution_criteria": "Yes if it is signed into law before 2026-06-01.",
            "deadline": DEADLINE,
            "tags": ["Politics", "law"],
        },
    }
    return body | overrides


def _errors(response: Any) -> list[tuple[str, str]]:
    return [(".".join(map(str, e["loc"])), e["msg"]) for e in response.json()["detail"]]


def test_source_is_created_and_read_back(client: TestClient, editor: dict[str, str]) -> None:
    created = _source(client, editor)
    assert created["slug"] == "jane-doe"
    assert client.get("/api/v1/sources/jane-doe").json()["name"] == "Jane Doe"
    listing = client.get("/api/v1/sources", params={"kind": "person"}).json()
    assert listing["total"] == 1 and listing["limit"] == 50 and listing["offset"] == 0
    assert client.get("/api/v1/sources", params={"kind": "outlet"}).json()["total"] == 0


def test_duplicate_slug_is_a_conflict_naming_the_slug(
    client: TestClient, editor: dict[str, str]
) -> None:
    _source(client, editor)
    response = client.post(
        "/api/v1/sources",
        json={"slug": "jane-doe", "name": "X", "kind": "person"},
        headers=editor,
    )
    assert response.status_code == 409
    assert _errors(response)[0][0] == "body.slug"


def test_bad_slug_and_unknown_kind_are_422(client: TestClient, editor: dict[str, str]) -> None:
    response = client.post(
        "/api/v1/sources",
        json={"slug": "Jane Doe!", "name": "X", "kind": "pundit"},
        headers=editor,
    )
    assert response.status_code == 422
    fields = {loc for loc, _ in _errors(response)}
    assert {"body.slug", "body.kind"} <= fields


def test_unknown_source_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/sources/nobody")
    assert response.status_code == 404
    assert "nobody" in response.json()["detail"][0]["msg"]


def test_claim_with_inline_question_stores_both(client: TestClient, editor: dict[str, str]) -> None:
    _source(client, editor)
    response = client.post("/api/v1/claims", json=_claim(), headers=editor)
    assert response.status_code == 201, response.text
    claim = response.json()
    assert claim["source"] == "jane-doe"
    assert claim["probability_basis"] == "stated"
    assert claim["recorded_by"] == "test-editor"
    question = client.get(f"/api/v1/questions/{claim['question_id']}").json()
    assert question["tags"] == ["law", "politics"]
    assert question["status"] == "open"
    assert [c["id"] for c in question["claims"]] == [claim["id"]]
    assert question["resolutions"] == [] and question["current_resolution"] is None


def test_claim_on_existing_question(client: TestClient, editor: dict[str, str]) -> None:
    _source(client, editor)
    first = client.post("/api/v1/claims", json=_claim(), headers=editor).json()
    second = client.post(
        "/api/v1/claims",
        json=_claim(question=None, question_id=first["question_id"], probability=0.6),
        headers=editor,
    )
    assert second.status_code == 201, second.text
    listing = client.get("/api/v1/claims", params={"question_id": first["question_id"]}).json()
    assert listing["total"] == 2


def test_bad_claims_name_the_field_and_store_nothing(
    client: TestClient, editor: dict[str, str], database: Database
) -> None:
    _source(client, editor)
    cases: list[tuple[dict[str, Any], str, int]] = [
        (_claim(probability=1.5), "body.probability", 422),
        (_claim(probability=-0.1), "body.probability", 422),
        (_claim(made_at="2026-02-01T09:00:00"), "body.made_at", 422),
        (_claim(quote="   "), "body.quote", 422),
        (_claim(source="nobody"), "body.source", 422),
        (_claim(question=None, question_id=999), "body.question_id", 422),
        (_claim(made_at="2027-01-01T00:00:00Z"), "body.made_at", 422),
        (
            _claim(
                made_at="2026-02-01T09:00:00Z",
                question={**_claim()["question"], "deadline": "2026-01-01T00:00:00Z"},
            ),
            "body.made_at",
            422,
        ),
        (
            _claim(question={**_claim()["question"], "deadline": "2026-06-01T00:00:00"}),
            "body.question.deadline",
            422,
        ),
        (_claim(question={**_claim()["question"], "title": ""}), "body.question.title", 422),
        (
            _claim(question={**_claim()["question"], "reviewer_id": 42}),
            "body.question.reviewer_id",
            422,
        ),
        (_claim(question_id=1), "body.question_id", 422),
    ]
    for body, field, status in cases:
        response = client.post("/api/v1/claims", json=body, headers=editor)
        assert response.status_code == status, (body, response.text)
        assert field in {loc for loc, _ in _errors(response)}, (field, response.json())
    with database.reading() as session:
        assert session.exec(select(func.count()).select_from(Claim)).one() == 0
        assert session.exec(select(func.count()).select_from(Question)).one() == 0


def test_naive_datetime_error_says_how_to_fix_it(
    client: TestClient, editor: dict[str, str]
) -> None:
    _source(client, editor)
    response = client.post(
        "/api/v1/claims", json=_claim(made_at="2026-02-01T09:00:00"), headers=editor
    )
    assert "timezone" in response.json()["detail"][0]["msg"]


def test_question_lists_filter_by_status_tag_source_and_deadline(
    client: TestClient, editor: dict[str, str]
) -> None:
    _source(client, editor)
    _source(client, editor, slug="john-roe")
    client.post("/api/v1/claims", json=_claim(), headers=editor)
    late = _claim(source="john-roe")
    late["question"] = {
        **late["question"],
        "title": "Later?",
        "deadline": "2027-01-01T00:00:00Z",
        "tags": ["economy"],
    }
    client.post("/api/v1/claims", json=late, headers=editor)

    def ids(**params: str) -> list[str]:
        return [q["title"] for q in client.get("/api/v1/questions", params=params).json()["items"]]

    assert ids() == ["Will the bill pass before June?", "Later?"]
    assert ids(tag="economy") == ["Later?"]
    assert ids(source="jane-doe") == ["Will the bill pass before June?"]
    assert ids(deadline_before="2026-12-01T00:00:00Z") == ["Will the bill pass before June?"]
    assert ids(deadline_after="2026-12-01T00:00:00Z") == ["Later?"]
    assert ids(status="open") == ["Will the bill pass before June?", "Later?"]
    assert ids(status="due") == []
    bad = client.get("/api/v1/questions", params={"deadline_before": "2026-12-01T00:00:00"})
    assert bad.status_code == 422


def test_claim_list_filters_and_pagination(client: TestClient, editor: dict[str, str]) -> None:
    _source(client, editor)
    for index in range(5):
        body = _claim(quote=f"Quote {index}")
        body["question"] = {**body["question"], "tags": ["even" if index % 2 == 0 else "odd"]}
        assert client.post("/api/v1/claims", json=body, headers=editor).status_code == 201
    page = client.get("/api/v1/claims", params={"limit": 2, "offset": 1}).json()
    assert page["total"] == 5 and len(page["items"]) == 2 and page["limit"] == 2
    assert client.get("/api/v1/claims", params={"tag": "even"}).json()["total"] == 3
    assert client.get("/api/v1/claims", params={"source": "jane-doe"}).json()["total"] == 5
    assert client.get("/api/v1/claims", params={"source": "nobody"}).json()["total"] == 0
    assert client.get("/api/v1/claims", params={"limit": 501}).status_code == 422
    assert client.get("/api/v1/claims", params={"limit": 500}).status_code == 200


def test_patch_changes_tags_and_reviewer_only(client: TestClient, editor: dict[str, str]) -> None:
    _source(client, editor)
    claim = client.post("/api/v1/claims", json=_claim(), headers=editor).json()
    url = f"/api/v1/questions/{claim['question_id']}"
    response = client.patch(url, json={"tags": ["Economy"]}, headers=editor)
    assert response.status_code == 200 and response.json()["tags"] == ["economy"]
    refused = client.patch(url, json={"title": "Something else"}, headers=editor)
    assert refused.status_code == 422
    assert client.get(url).json()["title"] == "Will the bill pass before June?"
    unknown = client.patch(url, json={"reviewer_id": 77}, headers=editor)
    assert unknown.status_code == 422


def test_claims_and_resolutions_have_no_edit_endpoints(
    client: TestClient, editor: dict[str, str], admin: dict[str, str]
) -> None:
    _source(client, editor)
    claim = client.post("/api/v1/claims", json=_claim(), headers=editor).json()
    for method in ("PATCH", "PUT", "DELETE"):
        response = client.request(
            method, f"/api/v1/claims/{claim['id']}", json={"probability": 0.1}, headers=admin
        )
        assert response.status_code == 405
    assert client.get(f"/api/v1/claims/{claim['id']}").json()["probability"] == 0.8


def test_retraction_keeps_the_claim_visible_with_its_reason(
    client: TestClient, editor: dict[str, str]
) -> None:
    _source(client, editor)
    claim = client.post("/api/v1/claims", json=_claim(), headers=editor).json()
    url = f"/api/v1/claims/{claim['id']}/retract"
    assert client.post(url, json={"reason": ""}, headers=editor).status_code == 422
    response = client.post(url, json={"reason": "misattributed quote"}, headers=editor)
    assert response.status_code == 200
    shown = client.get(f"/api/v1/claims/{claim['id']}").json()
    assert shown["retraction_reason"] == "misattributed quote"
    assert shown["retracted_at"] is not None and shown["probability"] == 0.8
    assert client.post(url, json={"reason": "again"}, headers=editor).status_code == 409


def test_datetimes_come_back_aware_in_utc(client: TestClient, editor: dict[str, str]) -> None:
    _source(client, editor)
    body = _claim(made_at="2026-02-01T11:00:00+02:00")
    claim = client.post("/api/v1/claims", json=body, headers=editor).json()
    shown = client.get(f"/api/v1/claims/{claim['id']}").json()
    assert datetime.fromisoformat(shown["made_at"]) == datetime(2026, 2, 1, 9, tzinfo=UTC)
    assert datetime.fromisoformat(shown["made_at"]).utcoffset() == timedelta(0)


def test_question_past_its_deadline_starts_due(client: TestClient, editor: dict[str, str]) -> None:
    response = client.post(
        "/api/v1/questions",
        json={
            "title": "Past?",
            "resolution_criteria": "Yes if.",
            "deadline": "2025-01-01T00:00:00Z",
        },
        headers=editor,
    )
    assert response.status_code == 201 and response.json()["status"] == "due"


def test_openapi_documents_the_api(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/claims/{claim_id}/retract" in schema["paths"]
    assert client.get("/docs").status_code == 200


def test_verbal_phrase_without_probability_takes_the_scale(
    client: TestClient, editor: dict[str, str]
) -> None:
    _source(client, editor)
    body = _claim(probability=None, verbal_phrase="will likely")
    response = client.post("/api/v1/claims", json=body, headers=editor)
    assert response.status_code == 201, response.text
    assert response.json()["probability"] == 0.7
    assert response.json()["probability_basis"] == "verbal"


def test_unknown_verbal_phrase_lists_the_known_ones(
    client: TestClient, editor: dict[str, str]
) -> None:
    _source(client, editor)
    body = _claim(probability=None, verbal_phrase="as sure as eggs")
    response = client.post("/api/v1/claims", json=body, headers=editor)
    assert response.status_code == 422
    loc, message = _errors(response)[0]
    assert loc == "body.verbal_phrase"
    assert "almost certain" in message


def test_claim_without_probability_or_phrase_is_refused(
    client: TestClient, editor: dict[str, str]
) -> None:
    _source(client, editor)
    response = client.post("/api/v1/claims", json=_claim(probability=None), headers=editor)
    assert response.status_code == 422
    assert _errors(response)[0][0] == "body.probability"
