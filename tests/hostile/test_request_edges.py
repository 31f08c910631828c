"""Every date-time and text field of every route, walked from the OpenAPI document.

Date-times at the ends of the calendar (which overflow once their offset is applied) and
lone surrogates (JSON escapes such as \\ud800 that stand for no character) are thrown at
each one; the answer is a 422 naming the field, never a 5xx.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forecasts.domain import Outcome, Role
from service.app import create_app
from service.database import Database
from service.settings import Settings
from tests.conftest import bearer
from tests.factories import make_claim, make_question, make_resolution, make_source
from tests.hostile.conftest import AppBuilder

EDGE_SETTINGS = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

LOW = "0001-01-01T00:00:00+14:00"
HIGH = "9999-12-31T23:59:59-14:00"


def _offset_text(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


# Instants on the first and last days of the calendar, at any offset a client may send.
edge_instants = st.one_of(
    st.sampled_from([LOW, HIGH, "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"]),
    st.builds(
        lambda day, seconds, minutes: (
            f"{day}T{(datetime.min + timedelta(seconds=seconds)).time().isoformat()}"
            f"{_offset_text(minutes)}"
        ),
        st.sampled_from(["0001-01-01", "0001-01-02", "9999-12-30", "9999-12-31"]),
        st.integers(0, 86399),
        st.integers(-14 * 60, 14 * 60),
    ),
)


def overflows(text: str) -> bool:
    """Whether an ISO 8601 instant leaves years 1-9999 once moved to UTC (computed here)."""
    moment = datetime.fromisoformat(text)
    offset = moment.utcoffset()
    assert offset is not None
    if moment.year == 1:
        return moment.replace(tzinfo=None) - datetime(1, 1, 1) < offset
    return datetime(9999, 12, 31, 23, 59, 59, 999999) - moment.replace(tzinfo=None) < -offset


def _document() -> dict[str, Any]:
    unconnected = Settings(
        database_url="sqlite://", secret_key="unused", scheduler=False, _env_file=None
    )
    return create_app(unconnected).openapi()


DOCUMENT = _document()


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = DOCUMENT["components"]["schemas"][name]
    return schema


def _alternatives(schema: dict[str, Any]) -> Iterator[dict[str, Any]]:
    schema = _resolve(schema)
    for choice in schema.get("anyOf", [schema]):
        yield _resolve(choice)


def _fields(
    schema: dict[str, Any], *, wanted: str, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    """Paths to the fields of a body schema that take `wanted` (date-time or text)."""
    for choice in _alternatives(schema):
        if choice.get("type") == "object":
            for name, inner in choice.get("properties", {}).items():
                yield from _fields(inner, wanted=wanted, prefix=(*prefix, name))
        elif choice.get("type") == "array" and wanted == "text":
            yield from _fields(choice.get("items", {}), wanted=wanted, prefix=(*prefix, "0"))
        elif choice.get("type") == "string":
            is_date_time = choice.get("format") == "date-time"
            if (wanted == "date-time") == is_date_time and "enum" not in choice:
                yield prefix


def _operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, operations in DOCUMENT["paths"].items():
        for method, operation in operations.items():
            yield method, path, operation


def _query_date_times() -> list[tuple[str, str]]:
    found = []
    for method, path, operation in _operations():
        for parameter in operation.get("parameters", []):
            kinds = list(_alternatives(parameter["schema"]))
            if parameter["in"] == "query" and any(k.get("format") == "date-time" for k in kinds):
                found.append((f"{method.upper()} {path}", parameter["name"]))
    return found


def _body_fields(wanted: str) -> list[tuple[str, tuple[str, ...]]]:
    found = []
    for method, path, operation in _operations():
        content = operation.get("requestBody", {}).get("content", {})
        if "application/json" in content:
            schema = content["application/json"]["schema"]
            for field in _fields(schema, wanted=wanted):
                found.append((f"{method.upper()} {path}", field))
    return found


PATH_VALUES = {
    "slug": "ann",
    "question_id": "1",
    "claim_id": "1",
    "reviewer_id": "1",
    "candidate_id": "1",
}
QUESTION: dict[str, Any] = {
    "title": "Will it happen?",
    "resolution_criteria": "Yes if it happens.",
    "deadline": "2026-02-01T00:00:00Z",
    "tags": ["a"],
}
CLAIM: dict[str, Any] = {
    "source": "ann",
    "probability": 0.5,
    "quote": "It will happen.",
    "made_at": "2025-01-01T00:00:00Z",
    "citation_url": "https://example.org/a",
    "citation_title": "A",
    "publisher": "P",
    "published_at": "2025-01-01T00:00:00Z",
    "verbal_phrase": "likely",
    "question": QUESTION,
}
# A body each operation accepts; the walk below fails when an operation has none.
BODIES: dict[str, dict[str, Any]] = {
    "POST /api/v1/claims": CLAIM,
    "POST /api/v1/questions": QUESTION | {"reviewer_id": None},
    "PATCH /api/v1/questions/{question_id}": {"tags": ["a"]},
    "POST /api/v1/questions/{question_id}/resolutions": {
        "outcome": "yes",
        "evidence_url": "https://example.org/e",
        "note": "n",
        "reason": "r",
    },
    "POST /api/v1/claims/{claim_id}/retract": {"reason": "wrong"},
    "POST /api/v1/sources": {"slug": "bob", "name": "Bob", "kind": "person", "description": ""},
    "POST /api/v1/reviewers": {
        "name": "Rev",
        "email": "rev@example.org",
        "timezone": "UTC",
        "tags": ["a"],
    },
    "PATCH /api/v1/reviewers/{reviewer_id}": {
        "name": "Rev",
        "email": "rev@example.org",
        "timezone": "UTC",
        "tags": ["a"],
    },
    # Loopback addresses: the guarded fetcher refuses them, so nothing leaves the machine.
    "POST /api/v1/intake/url": {"url": "http://127.0.0.1:9/article", "tags": ["a"]},
    "POST /api/v1/feeds": {"url": "http://127.0.0.1:9/feed", "tags": ["a"]},
    "POST /api/v1/candidates/{candidate_id}/accept": {
        "source": "ann",
        "question_id": 1,
        "probability": 0.5,
        "verbal_phrase": "likely",
        "quote": "It will happen.",
        "made_at": "2025-01-01T00:00:00Z",
    },
    "POST /api/v1/candidates/{candidate_id}/reject": {"reason": "not a forecast"},
    "POST /api/v1/extract": {
        "text": "Danilov said a second mutiny is likely within a decade.",
        "url": "https://example.org/a",
        "published_at": "2025-01-01T00:00:00Z",
    },
}


def _with(body: dict[str, Any], field: tuple[str, ...], value: object) -> dict[str, Any]:
    copied: Any = json.loads(json.dumps(body))
    target = copied
    for part in field[:-1]:
        target = target[int(part)] if isinstance(target, list) else target.setdefault(part, {})
    if isinstance(target, list):
        target[int(field[-1])] = value
    else:
        target[field[-1]] = value
    return dict(copied)


def _url(operation: str) -> tuple[str, str]:
    method, path = operation.split(" ", 1)
    for name, value in PATH_VALUES.items():
        path = path.replace(f"{{{name}}}", value)
    return method, path


@pytest.fixture
def seeded_app(build_app: AppBuilder, database: Database) -> FastAPI:
    """The app on a database holding a source, questions, a claim and a reviewer."""
    with database.writing() as session:
        source = make_source(session, "ann")
        question = make_question(session)
        make_claim(session, source, question)
        make_resolution(session, question, Outcome.yes)
    return build_app(anon_rate_limit="off")


@pytest.fixture
def edge_client(seeded_app: FastAPI, keys: dict[Role, str]) -> Iterator[TestClient]:
    """An admin's client that reports server errors as responses rather than raising."""
    with TestClient(
        seeded_app, raise_server_exceptions=False, headers=bearer(keys[Role.admin])
    ) as client:
        yield client


def _named(response: Any, field: str) -> bool:
    return any(problem["loc"][-1] == field for problem in response.json()["detail"])


def test_the_walk_finds_every_date_time_and_has_a_body_for_each_operation() -> None:
    queries = _query_date_times()
    assert ("GET /api/v1/questions", "deadline_before") in queries
    assert ("GET /api/v1/sources/{slug}/calibration.png", "resolved_before") in queries
    assert ("GET /api/v1/reports/quantities.csv", "made_after") in queries
    # The questions list's deadline window, then the made and resolved windows of the nine
    # report routes: scores, calibration, quantities and coverage (JSON and CSV), the chart.
    assert len(queries) == 2 + 9 * 4
    body_fields = _body_fields("date-time")
    assert ("POST /api/v1/claims", ("question", "deadline")) in body_fields
    assert ("POST /api/v1/extract", ("published_at",)) in body_fields
    assert {operation for operation, _ in _body_fields("text")} <= set(BODIES)


@pytest.mark.parametrize(("operation", "name"), _query_date_times())
@EDGE_SETTINGS
@given(value=edge_instants)
def test_edge_instants_in_query_parameters_are_refused_naming_them(
    edge_client: TestClient, operation: str, name: str, value: str
) -> None:
    method, path = _url(operation)
    response = edge_client.request(method, path, params={name: value})
    assert response.status_code < 500, response.text
    if overflows(value):
        assert response.status_code == 422, response.text
        assert _named(response, name)


@pytest.mark.parametrize(("operation", "field"), _body_fields("date-time"))
@EDGE_SETTINGS
@given(value=edge_instants)
def test_edge_instants_in_bodies_are_refused_naming_them(
    edge_client: TestClient, operation: str, field: tuple[str, ...], value: str
) -> None:
    method, path = _url(operation)
    response = edge_client.request(method, path, json=_with(BODIES[operation], field, value))
    assert response.status_code < 500, response.text
    if overflows(value):
        assert response.status_code == 422, response.text
        assert _named(response, field[-1])


@pytest.mark.parametrize(("operation", "field"), _body_fields("text"))
def test_a_lone_surrogate_in_any_text_field_is_a_422_that_can_be_read(
    edge_client: TestClient, operation: str, field: tuple[str, ...]
) -> None:
    method, path = _url(operation)
    body = json.dumps(_with(BODIES[operation], field, "a\ud800b"))
    response = edge_client.request(
        method, path, content=body.encode(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 422, response.text
    # A list's item may be named by the list itself (tags) rather than by its index.
    named = [part for part in field if not part.isdigit()][-1]
    assert any(named in problem["loc"] for problem in response.json()["detail"])


@pytest.mark.parametrize(
    "text",
    [
        "Danilov said a second mutiny is likely within a decade.",
        "Danilov said a second mutiny is likely by the end of the year.",
    ],
)
def test_a_deadline_phrase_running_past_year_9999_is_refused_naming_published_at(
    edge_client: TestClient, text: str
) -> None:
    body = {"text": text, "published_at": "9999-06-01T00:00:00Z"}
    response = edge_client.post("/api/v1/extract", json=body)
    assert response.status_code == 422, response.text
    assert _named(response, "published_at")
    page = edge_client.get("/extract", params={"text": text, "published_at": "9999-12-31"})
    assert page.status_code == 422
    assert "publication time" in page.text
    assert "9999" in page.text


def test_the_extract_page_refuses_a_publication_time_past_the_calendar(
    edge_client: TestClient,
) -> None:
    page = edge_client.get("/extract", params={"text": "It will rain.", "published_at": HIGH})
    assert page.status_code == 422
    assert "years 1 to 9999" in page.text


def test_the_independent_overflow_check_agrees_with_python() -> None:
    for text in (LOW, HIGH, "0001-01-01T14:00:00+14:00", "9999-12-31T09:59:59-14:00"):
        moment = datetime.fromisoformat(text)
        try:
            moment.astimezone(UTC)
        except OverflowError:
            assert overflows(text)
        else:
            assert not overflows(text)
    assert timezone(timedelta(hours=14)).utcoffset(None) == timedelta(hours=14)
