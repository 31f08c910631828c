"""The prepared read models write exactly what pydantic would write of the public models."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.pool import QueuePool

from forecasts.claims import ClaimFilters, retract_claim
from forecasts.prepared import Cursor
from forecasts.schemas import ClaimPublic, Page, QuestionDetail
from service.database import Database
from service.views import claim_page_data, question_detail, question_detail_data
from tests.conftest import MutableClock
from tests.own_loop import run_on_own_loop

# Instants with and without microseconds, and one with only a few: pydantic writes
# 2026-02-01T09:00:00Z, 2026-02-01T09:00:00.000005Z and 2026-02-01T09:00:00.390000Z.
WHOLE = "2026-02-01T09:00:00Z"
TINY = "2026-02-01T09:00:00.000005Z"
PARTIAL = "2026-01-31T10:30:15.39Z"


@pytest.fixture
def recorded(
    client: TestClient, editor: dict[str, str], reviewer: dict[str, str], clock: MutableClock
) -> dict[str, Any]:
    """A question with three claims (one retracted) and two resolutions."""
    clock.set(datetime(2026, 3, 2, 12, 0, 0, 123456, tzinfo=UTC))
    for slug in ("jane-doe", "rob-roe"):
        source = {"slug": slug, "name": slug.title(), "kind": "person"}
        assert client.post("/api/v1/sources", json=source, headers=editor).status_code == 201
    question = {
        "title": "Will the bill pass before March?",
        "resolution_criteria": "Yes if it is signed into law before 2026-03-01.",
        "deadline": "2026-03-01T00:00:00Z",
        "tags": ["Politics", "law"],
    }
    first = client.post(
        "/api/v1/claims",
        json={
            "source": "jane-doe",
            "probability": 1 / 3,
            "quote": 'She said "unlikely" — then <b>hedged</b>.',
            "made_at": WHOLE,
            "question": question,
        },
        headers=editor,
    ).json()
    question_id = first["question_id"]
    for made_at, probability in ((TINY, 0.8), (PARTIAL, 0.05)):
        claim = {
            "source": "rob-roe",
            "question_id": question_id,
            "probability": probability,
            "quote": "Quite likely.",
            "made_at": made_at,
            "published_at": made_at,
            "citation_url": "https://example.org/a?b=1&c=2",
        }
        response = client.post("/api/v1/claims", json=claim, headers=editor)
        assert response.status_code == 201, response.text
    retract = {"reason": "misattributed"}
    retracted = client.post(f"/api/v1/claims/{first['id']}/retract", json=retract, headers=editor)
    assert retracted.status_code == 200
    url = f"/api/v1/questions/{question_id}/resolutions"
    assert client.post(url, json={"outcome": "no"}, headers=reviewer).status_code == 201
    clock.advance(timedelta(seconds=1, microseconds=5))
    correction = {"outcome": "yes", "reason": "the signing was found", "note": "see the gazette"}
    assert client.post(url, json=correction, headers=reviewer).status_code == 201
    return {"question_id": question_id}


def test_question_json_is_what_pydantic_writes(
    client: TestClient, recorded: dict[str, Any]
) -> None:
    body = client.get(f"/api/v1/questions/{recorded['question_id']}").content
    model = QuestionDetail.model_validate_json(body)
    assert body == model.model_dump_json().encode()
    assert [claim.made_at.isoformat() for claim in model.claims] == [
        "2026-01-31T10:30:15.390000+00:00",
        "2026-02-01T09:00:00+00:00",
        "2026-02-01T09:00:00.000005+00:00",
    ]
    assert model.claims[1].probability == 1 / 3 and model.claims[1].retracted_at is not None
    assert model.current_resolution is not None and model.current_resolution.sequence == 2
    assert model.tags == ["law", "politics"] and model.status == "resolved"


def test_claim_page_json_is_what_pydantic_writes(
    client: TestClient, recorded: dict[str, Any]
) -> None:
    for params in (
        {"source": "rob-roe"},
        {"question_id": recorded["question_id"], "limit": 2, "offset": 1},
        {"tag": "POLITICS"},
        {"source": "nobody"},
    ):
        body = client.get("/api/v1/claims", params=params).content
        page = Page[ClaimPublic].model_validate_json(body)
        assert body == page.model_dump_json().encode(), params
    newest_first = client.get("/api/v1/claims", params={"tag": "law"}).json()["items"]
    assert [c["made_at"] for c in newest_first] == [TINY, WHOLE, "2026-01-31T10:30:15.390000Z"]


def test_pages_and_api_read_the_same_model(database: Database, recorded: dict[str, Any]) -> None:
    question_id = recorded["question_id"]
    with database.reading() as session:
        for_pages = question_detail(session=session, question_id=question_id)
    with database.reading() as session:
        snapshot = Cursor.of_session(session)
        for_api = QuestionDetail.model_validate(question_detail_data(snapshot, question_id))
        page = claim_page_data(snapshot, ClaimFilters(question_id=question_id), 50, 0)
    assert for_pages == for_api
    assert sorted(claim.id for claim in for_pages.claims) == sorted(c["id"] for c in page["items"])


def test_a_reading_unit_of_work_sees_one_committed_state(
    database: Database, recorded: dict[str, Any]
) -> None:
    question_id = recorded["question_id"]
    with database.reading() as session:
        snapshot = Cursor.of_session(session)
        before = question_detail_data(snapshot, question_id)
        with database.writing() as session:
            standing = next(c for c in before["claims"] if c["retracted_at"] is None)
            retract_claim(
                session=session,
                claim_id=standing["id"],
                reason="withdrawn",
                actor="test",
                now=datetime(2026, 3, 3, tzinfo=UTC),
            )
        assert question_detail_data(snapshot, question_id) == before
    with database.reading() as session:
        assert question_detail_data(Cursor.of_session(session), question_id) != before


def test_reads_on_the_event_loop_never_wait_for_the_shared_pool(
    sqlite_template: Path, tmp_path: Path
) -> None:
    # Requests in the thread pool may hold every pooled connection while they wait for the
    # event loop; a read run on the loop that waited for one of them would never end.
    path = tmp_path / "sooth.db"
    shutil.copyfile(sqlite_template, path)
    database = Database(f"sqlite:///{path}")
    pool = database.engine.pool
    assert isinstance(pool, QueuePool)
    held = [database.engine.raw_connection() for _ in range(pool.size() + pool._max_overflow)]
    try:
        page = run_on_own_loop(database.read(lambda s: claim_page_data(s, ClaimFilters(), 50, 0)))
        assert page["total"] == 0
    finally:
        for connection in held:
            connection.close()
        database.dispose()
