"""/api/v1/reviewers: admins manage reviewers; their addresses are not public."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

ADA = {
    "name": "Ada Lovelace",
    "email": "ada@example.org",
    "timezone": "Europe/London",
    "digest_weekday": 4,
    "digest_hour": 8,
    "tags": ["Economy", "elections"],
}


def _errors(response: Any) -> dict[str, str]:
    return {".".join(map(str, e["loc"])): e["msg"] for e in response.json()["detail"]}


def test_admin_creates_reads_and_updates_a_reviewer(
    client: TestClient, admin: dict[str, str], reviewer: dict[str, str]
) -> None:
    created = client.post("/api/v1/reviewers", json=ADA, headers=admin)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["tags"] == ["economy", "elections"] and body["active"] is True
    url = f"/api/v1/reviewers/{body['id']}"
    assert client.get(url, headers=reviewer).json()["timezone"] == "Europe/London"
    patched = client.patch(url, json={"active": False, "digest_hour": 17}, headers=admin)
    assert patched.status_code == 200
    assert patched.json()["active"] is False and patched.json()["digest_hour"] == 17
    assert patched.json()["name"] == "Ada Lovelace"
    listing = client.get("/api/v1/reviewers", params={"active": "false"}, headers=admin).json()
    assert listing["total"] == 1 and listing["items"][0]["id"] == body["id"]


def test_only_admins_write_and_anonymous_callers_cannot_read_addresses(
    client: TestClient, editor: dict[str, str], admin: dict[str, str]
) -> None:
    assert client.post("/api/v1/reviewers", json=ADA, headers=editor).status_code == 403
    assert client.post("/api/v1/reviewers", json=ADA).status_code == 401
    created = client.post("/api/v1/reviewers", json=ADA, headers=admin).json()
    assert client.get("/api/v1/reviewers").status_code == 401
    assert client.get(f"/api/v1/reviewers/{created['id']}").status_code == 401
    assert (
        client.patch(
            f"/api/v1/reviewers/{created['id']}", json={"active": False}, headers=editor
        ).status_code
        == 403
    )


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("timezone", "Mars/Olympus_Mons", "IANA time zone"),
        ("timezone", "../../etc/passwd", "IANA time zone"),
        ("email", "not-an-address", "email address"),
        ("email", "ada@example.org\r\nBcc: eve@example.org", "email address"),
        ("name", "Ada\r\nBcc: eve@example.org", "line breaks"),
        ("digest_weekday", 7, "less than or equal to 6"),
        ("digest_hour", 24, "less than or equal to 23"),
        ("tags", ["no spaces allowed"], "tag"),
    ],
)
def test_invalid_reviewer_fields_are_422_naming_the_field(
    client: TestClient, admin: dict[str, str], field: str, value: object, fragment: str
) -> None:
    response = client.post("/api/v1/reviewers", json=ADA | {field: value}, headers=admin)
    assert response.status_code == 422
    errors = _errors(response)
    assert f"body.{field}" in errors or f"body.{field}.0" in errors, errors
    assert fragment in " ".join(errors.values())


def test_patch_refuses_null_and_unknown_reviewer(client: TestClient, admin: dict[str, str]) -> None:
    created = client.post("/api/v1/reviewers", json=ADA, headers=admin).json()
    url = f"/api/v1/reviewers/{created['id']}"
    response = client.patch(url, json={"timezone": None}, headers=admin)
    assert response.status_code == 422
    assert "cannot be null" in _errors(response)["body.timezone"]
    missing = client.patch("/api/v1/reviewers/999", json={"active": True}, headers=admin)
    assert missing.status_code == 404
    moved = client.patch(url, json={"timezone": "Asia/Tokyo"}, headers=admin)
    assert moved.json()["timezone"] == "Asia/Tokyo"


def test_ids_outside_the_database_s_range_are_422_naming_the_id(
    client: TestClient, admin: dict[str, str]
) -> None:
    for reviewer_id in ("0", str(2**63)):
        url = f"/api/v1/reviewers/{reviewer_id}"
        for response in (
            client.get(url, headers=admin),
            client.patch(url, json={"active": True}, headers=admin),
        ):
            assert response.status_code == 422, response.text
            assert "path.reviewer_id" in _errors(response)
