"""API keys and roles: who may write what, and reads open or closed by a setting."""

from __future__ import annotations

import re
from collections.abc import Callable
from inspect import getclosurevars

import pytest
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient
from sqlalchemy import func, text
from sqlmodel import select

from forecasts.domain import Role
from forecasts.models import LedgerEntry
from service.database import Database
from tests.conftest import bearer

SOURCE = {"slug": "ann", "name": "Ann", "kind": "person"}
QUESTION = {"title": "Q?", "resolution_criteria": "Yes if.", "deadline": "2026-01-01T00:00:00Z"}

CLAIM = {
    "source": "ann",
    "question_id": 1,
    "probability": 0.5,
    "quote": "Maybe.",
    "made_at": "2025-06-01T00:00:00Z",
}

# (method, path, body, the role that grants it)
WRITES = [
    ("POST", "/api/v1/sources", {**SOURCE, "slug": "bob", "name": "Bob"}, Role.editor),
    ("POST", "/api/v1/questions", QUESTION, Role.editor),
    ("PATCH", "/api/v1/questions/1", {"tags": ["x"]}, Role.editor),
    ("POST", "/api/v1/claims", CLAIM, Role.editor),
    ("POST", "/api/v1/claims/1/retract", {"reason": "wrong"}, Role.editor),
    ("POST", "/api/v1/questions/1/resolutions", {"outcome": "yes"}, Role.reviewer),
]


@pytest.fixture
def seeded(client: TestClient, keys: dict[Role, str]) -> TestClient:
    admin = bearer(keys[Role.admin])
    assert client.post("/api/v1/sources", json=SOURCE, headers=admin).status_code == 201
    assert client.post("/api/v1/questions", json=QUESTION, headers=admin).status_code == 201
    claim = CLAIM | {"quote": "Seeded."}  # the writes below must not repeat it
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
        if path == "/api/v1/claims":
            body = CLAIM | {"quote": "The admin's."}
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


# Every route that is not a read, and what it takes to use it: a key's role, or for the
# HTML pages a signed-in session or a signed resolve link. A new write route fails
# test_every_write_route_is_declared until it is added here with what it needs.
SESSION = "a signed-in page session: an editor's or admin's key, or a reviewer's link"
SIGNED_LINK = "a reviewer's signed link: resolve, sign in or unsubscribe"
OPEN = "nothing: it records nothing, or only signs in or out"
WRITE_ROUTES: dict[tuple[str, str], Role | str] = {
    ("POST", "/api/v1/sources"): Role.editor,
    ("POST", "/api/v1/questions"): Role.editor,
    ("PATCH", "/api/v1/questions/{question_id}"): Role.editor,
    ("POST", "/api/v1/questions/{question_id}/resolutions"): Role.reviewer,
    ("POST", "/api/v1/claims"): Role.editor,
    ("POST", "/api/v1/claims/{claim_id}/retract"): Role.editor,
    ("POST", "/api/v1/reviewers"): Role.admin,
    ("PATCH", "/api/v1/reviewers/{reviewer_id}"): Role.admin,
    ("POST", "/api/v1/extract"): Role.editor,
    ("POST", "/resolve/{token}"): SIGNED_LINK,
    ("POST", "/extract"): OPEN,
    ("POST", "/extract/record"): SESSION,
    ("POST", "/extract/inbox"): SESSION,
    ("POST", "/login"): OPEN,
    ("POST", "/logout"): OPEN,
    ("POST", "/claims/new"): SESSION,
    ("POST", "/sources/new"): SESSION,
    ("POST", "/questions/new"): SESSION,
    ("POST", "/questions/{question_id}/resolution"): SESSION,
    ("POST", "/claims/{claim_id}/retract"): SESSION,
    ("POST", "/settings"): SESSION,
    ("POST", "/login/link"): OPEN,
    ("POST", "/sign-in/{token}"): SIGNED_LINK,
    ("POST", "/unsubscribe/{token}"): SIGNED_LINK,
    ("POST", "/api/v1/intake/url"): Role.editor,
    ("POST", "/api/v1/feeds"): Role.editor,
    ("POST", "/api/v1/candidates/{candidate_id}/accept"): Role.editor,
    ("POST", "/api/v1/candidates/{candidate_id}/reject"): Role.editor,
    ("POST", "/inbox/accept"): SESSION,
    ("POST", "/inbox/{candidate_id}/reject"): SESSION,
}
KEYED = sorted((route, role) for route, role in WRITE_ROUTES.items() if isinstance(role, Role))
GUARDED_PAGES = sorted(
    route for route, need in WRITE_ROUTES.items() if need in (SESSION, SIGNED_LINK)
)


def _guard(dependant: Dependant) -> Role | None:
    """The role a route's require(role) dependency demands, found anywhere in its tree."""
    for dependency in dependant.dependencies:
        call = dependency.call
        if call is not None and getattr(call, "__qualname__", "") == "require.<locals>.dependency":
            role: Role = getclosurevars(call).nonlocals["role"]
            return role
        found = _guard(dependency)
        if found is not None:
            return found
    return None


def _write_routes(app: FastAPI) -> dict[tuple[str, str], Role | None]:
    """Every route of the app that is not GET or HEAD, with the role it guards itself with."""
    routes: dict[tuple[str, str], Role | None] = {}
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if not isinstance(route, APIRoute) or context.path is None:
            continue
        for method in sorted((route.methods or set()) - {"GET", "HEAD", "OPTIONS"}):
            routes[(method, context.path)] = _guard(route.dependant)
    return routes


def _concrete(path: str) -> str:
    """The path with each {parameter} filled in: ids by 1, a token by one that is not."""
    return re.sub(r"\{(\w+)\}", lambda m: "not-a-token" if m[1] == "token" else "1", path)


def _entries(database: Database) -> int:
    with database.reading() as session:
        return int(session.exec(select(func.count()).select_from(LedgerEntry)).one())


def test_every_write_route_is_declared(client: TestClient) -> None:
    routes = _write_routes(client.app)  # type: ignore[arg-type]
    undeclared = sorted(set(routes) - set(WRITE_ROUTES))
    gone = sorted(set(WRITE_ROUTES) - set(routes))
    assert not undeclared, f"declare what these write routes need in WRITE_ROUTES: {undeclared}"
    assert not gone, f"these declared routes no longer exist: {gone}"


def test_declared_roles_are_the_roles_the_routes_require(client: TestClient) -> None:
    for route, guard in _write_routes(client.app).items():  # type: ignore[arg-type]
        declared = WRITE_ROUTES[route]
        assert guard == (declared if isinstance(declared, Role) else None), route


@pytest.mark.parametrize(("route", "needed"), KEYED, ids=[" ".join(r) for r, _ in KEYED])
def test_every_keyed_write_refuses_every_other_role(
    seeded: TestClient, keys: dict[Role, str], route: tuple[str, str], needed: Role
) -> None:
    method, template = route
    path = _concrete(template)
    assert seeded.request(method, path, json={}).status_code == 401
    forged = bearer("sooth_" + "x" * 43)
    assert seeded.request(method, path, json={}, headers=forged).status_code == 401
    for role in Role:
        response = seeded.request(method, path, json={}, headers=bearer(keys[role]))
        if role.may(needed):
            assert response.status_code not in (401, 403), (role, response.text)
        else:
            assert response.status_code == 403, (role, response.text)
            assert needed.value in response.json()["detail"]


@pytest.mark.parametrize("route", GUARDED_PAGES, ids=[" ".join(r) for r in GUARDED_PAGES])
def test_page_writes_refuse_callers_without_a_session_or_link(
    seeded: TestClient, database: Database, keys: dict[Role, str], route: tuple[str, str]
) -> None:
    method, template = route
    before = _entries(database)
    form = {"outcome": "yes", "question_id": "1", "source": "ann", "quote": "Forged."}
    headers = {"Origin": "http://testserver"}
    for extra in ({}, bearer(keys[Role.admin])):
        response = seeded.request(
            method, _concrete(template), data=form, headers=headers | extra, follow_redirects=False
        )
        assert 400 <= response.status_code < 500, response.text
    assert _entries(database) == before
