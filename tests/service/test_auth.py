"""API keys and roles: who may write what, and reads open or closed by a setting."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from service.database import Database
from service.keys import Role
from tests.conftest import bearer

SOURCE = {"slug": "ann", "name": "Ann", "kind": "person"}
QUESTION = {"title": "Q?", "resolution_criteria": "Yes if.", "deadline": "2026-01-01T00:00:00Z"}

# (method, path, body, the role that grants it)
WRITES = [
    ("POST", "/api/v1/sources", {**SOURCE, "slug": "bob"}, Role.editor),
    ("POST", "/api/v1/questions", QUESTION, Role.editor),
    ("PATCH", "/api/v1/questions/1", {"tags": ["x"]}, Role.editor),
    (
        "POST",
        "/api/v1/claims",
        {
            "source": "ann",
            "question_id": 1,
            "probability": 0.5,
            "quote": "Maybe.",
            "made_at": "2025-06-01T00:00:00Z",
        },
        Role.editor,
    ),
    ("POST", "/api/v1/claims/1/retract", {"reason": "wrong"}, Role.editor),
    ("POST", "/api/v1/questions/1/resolutions", {"outcome": "yes"}, Role.reviewer),
]


@pytest.fixture
def seeded(client: TestClient, keys: dict[Role, str]) -> TestClient:
    admin = bearer(keys[Role.admin])
    assert client.post("/api/v1/sources", json=SOURCE, headers=admin).status_code == 201
    assert client.post("/api/v1/questions", json=QUESTION, headers=admin).status_code == 201
    claim = WRITES[3][2]
    assert client.post("/api/v1/claims", json=claim, headers=admin).status_code == 201
    return client


@pytest.mark.parametrize(("method", "path", "body", "needed"), WRITES)
def test_every_write_needs_its_role(
    seeded: TestClient,
    keys: dict[Role, str],
    method: str,
    path: str,
    body: dict[str, object],
    needed: Role,
) -> None:
    assert seeded.request(method, path, json=body).status_code == 401
    assert (
        seeded.request(method, path, json=body, headers=bearer("sooth_not-a-key")).status_code
        == 401
    )
    for role in Role:
        if role in (needed, Role.admin):
            continue
        response = seeded.request(method, path, json=body, headers=bearer(keys[role]))
        assert response.status_code == 403, (role, response.text)
        assert needed.value in response.json()["detail"]
    response = seeded.request(method, path, json=body, headers=bearer(keys[needed]))
    assert response.status_code in (200, 201), response.text


def test_admin_may_write_everything(seeded: TestClient, keys: dict[Role, str]) -> None:
    for method, path, body, _ in WRITES:
        if path.endswith("/retract"):
            body = {"reason": "admin retracts"}
        response = seeded.request(method, path, json=body, headers=bearer(keys[Role.admin]))
        assert response.status_code in (200, 201), (path, response.text)


def test_reads_are_public_by_default_and_closed_when_configured(
    app_factory: Callable[..., TestClient], keys: dict[Role, str]
) -> None:
    with app_factory() as open_client:
        assert open_client.get("/api/v1/sources").status_code == 200
    with app_factory(public_read=False) as closed:
        assert closed.get("/api/v1/sources").status_code == 401
        assert closed.get("/api/v1/claims").status_code == 401
        assert closed.get("/api/v1/sources", headers=bearer(keys[Role.reader])).status_code == 200
        assert closed.get("/api/v1/health").status_code == 200


def test_revoked_key_stops_working(
    client: TestClient, database: Database, keys: dict[Role, str]
) -> None:
    headers = bearer(keys[Role.editor])
    assert client.post("/api/v1/sources", json=SOURCE, headers=headers).status_code == 201
    with database.writing() as session:
        session.execute(
            text("UPDATE api_key SET revoked_at = created_at WHERE name = 'test-editor'")
        )
    response = client.post("/api/v1/sources", json={**SOURCE, "slug": "x"}, headers=headers)
    assert response.status_code == 401


def test_keys_are_stored_only_as_hashes(database: Database, keys: dict[Role, str]) -> None:
    with database.reading() as session:
        stored = " ".join(
            " ".join(str(value) for value in row)
            for row in session.execute(text("SELECT * FROM api_key")).all()
        )
    for clear in keys.values():
        assert clear not in stored
        assert clear[len("sooth_") :] not in stored


def test_malformed_authorization_header_is_explained(client: TestClient) -> None:
    response = client.post("/api/v1/sources", json=SOURCE, headers={"Authorization": "Token x"})
    assert response.status_code == 401
    assert "Bearer" in response.json()["detail"]
