"""Writes run on the event loop only when SQLite's write lock is free, else wait in a thread."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from forecasts.models import Claim
from service.database import Database

CLAIM: dict[str, Any] = {
    "source": "jane-doe",
    "probability": 0.7,
    "quote": "It will pass.",
    "made_at": "2026-02-01T09:00:00Z",
    "question": {
        "title": "Will the bill pass before June?",
        "resolution_criteria": "Yes if it is signed into law before 2026-06-01.",
        "deadline": "2026-06-01T00:00:00Z",
    },
}


@pytest.fixture
def source(client: TestClient, editor: dict[str, str]) -> None:
    body = {"slug": "jane-doe", "name": "Jane Doe", "kind": "person"}
    assert client.post("/api/v1/sources", json=body, headers=editor).status_code == 201


def _claims(database: Database) -> int:
    with database.reading() as session:
        return int(session.execute(select(func.count()).select_from(Claim)).scalar_one())


# PostgreSQL writes always run in the thread pool: this is SQLite's alone.
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_write_finding_the_lock_taken_waits_for_it_without_stopping_the_loop(
    client: TestClient, editor: dict[str, str], database: Database, source: None
) -> None:
    # Another process's writer, as far as this one can tell: the lock at the file.
    other = sqlite3.connect(str(make_url(database.url).database), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(client.post, "/api/v1/claims", json=CLAIM, headers=editor)
        # The loop still answers while the write waits for the lock.
        assert client.get("/api/v1/sources/jane-doe").status_code == 200
        assert not pending.done()
        other.execute("ROLLBACK")
        response: Any = pending.result(timeout=60)
    other.close()
    assert response.status_code == 201, response.text
    assert _claims(database) == 1


def test_refused_writes_leave_nothing_and_the_ledger_verifies(
    client: TestClient, editor: dict[str, str], database: Database, source: None
) -> None:
    refused = client.post(
        "/api/v1/claims",
        json=CLAIM | {"question": CLAIM["question"] | {"tags": ["a" * 500]}},
        headers=editor,
    )
    assert refused.status_code == 422
    assert client.post("/api/v1/claims", json=CLAIM, headers=editor).status_code == 201
    twice = client.post("/api/v1/claims", json=CLAIM | {"source": "nobody"}, headers=editor)
    assert twice.status_code == 422 and "nobody" in twice.text
    assert _claims(database) == 1
    assert client.get("/api/v1/ledger/verify").json()["ok"] is True
