"""Cached reads: served while the database is unchanged, never after any commit changed it."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from forecasts.claims import retract_claim
from forecasts.models import Question
from forecasts.prepared import Cursor, Prepared
from service.database import Database
from service.loop_postgres import SNAPSHOT_SQL
from service.read_cache import ReadCache
from tests.factories import JANE_DOE_CLAIM as CLAIM
from tests.factories import claim_on_a_new_question
from tests.own_loop import run_on_own_loop

QUESTIONS = Prepared(select(func.count()).select_from(Question))


def test_a_new_version_starts_the_cache_over() -> None:
    cache = ReadCache(max_bytes=100)
    cache.put("a", 1, b"one")
    assert cache.get("a", 1) == b"one"
    assert cache.get("a", 2) is None and len(cache) == 0
    cache.put("a", 1, b"stale")  # read at an older version than the cache holds now
    assert cache.get("a", 1) == b"stale" and cache.get("a", 2) is None


def test_the_least_recently_used_make_room() -> None:
    cache = ReadCache(max_bytes=10)
    cache.put("a", 1, b"aaaa")
    cache.put("b", 1, b"bbbb")
    assert cache.get("a", 1) == b"aaaa"  # a is now the most recently used
    cache.put("c", 1, b"cccc")
    assert cache.get("b", 1) is None and cache.get("a", 1) and cache.get("c", 1)
    cache.put("huge", 1, b"x" * 11)
    assert cache.get("huge", 1) is None and len(cache) == 2


def _others_finished(database: Database) -> Callable[[], Any]:
    """What tells whether any transaction has finished since: on PostgreSQL, the server's
    snapshot, which moves whenever any transaction of any database on it ends (so another
    test's, too); on SQLite, nothing but this test writes to its file.
    """

    def server_snapshot() -> Any:
        with database.engine.connect() as connection:
            return connection.execute(text(SNAPSHOT_SQL)).scalar_one()

    return server_snapshot if database.dialect == "postgresql" else lambda: None


def test_a_body_is_read_once_and_kept_until_a_commit_changes_the_database(
    database: Database,
) -> None:
    snapshot = _others_finished(database)
    reads: list[int] = []

    def counted(cursor: Cursor) -> dict[str, int]:
        ((count,),) = cursor.rows(QUESTIONS, {})
        reads.append(count)
        return {"questions": count}

    def add_question() -> None:
        with database.writing() as session:  # another connection's commit
            claim_on_a_new_question(session)

    async def kept(key: str) -> tuple[list[bytes], bool]:
        before = await asyncio.to_thread(snapshot)
        bodies = [await database.read_json(key, counted) for _ in range(2)]
        # Asked together: every one is served the kept body.
        bodies += await asyncio.gather(*(database.read_json(key, counted) for _ in range(5)))
        return bodies, before == await asyncio.to_thread(snapshot)

    async def scenario() -> None:
        try:
            for attempt in range(50):
                # Each attempt its own key, so that it starts with nothing kept.
                reads.clear()
                bodies, undisturbed = await kept(f"questions {attempt}")
                assert bodies == [b'{"questions":0}'] * 7
                if undisturbed:
                    assert reads == [0]  # read once, then kept
                    break
            else:
                pytest.fail("other transactions on the server never left 7 reads undisturbed")
            await asyncio.to_thread(add_question)
            after = [await database.read_json("questions after", counted) for _ in range(2)]
            assert after == [b'{"questions":1}'] * 2
            assert reads[-1] == 1
        finally:
            await database.close_loop_pool()

    run_on_own_loop(scenario())


@pytest.fixture
def recorded(client: TestClient, editor: dict[str, str]) -> dict[str, Any]:
    source = {"slug": "jane-doe", "name": "Jane Doe", "kind": "person"}
    assert client.post("/api/v1/sources", json=source, headers=editor).status_code == 201
    claim: dict[str, Any] = client.post("/api/v1/claims", json=CLAIM, headers=editor).json()
    return claim


def _question(client: TestClient, claim: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = client.get(f"/api/v1/questions/{claim['question_id']}").json()
    return body


def _claims(client: TestClient, claim: dict[str, Any]) -> list[dict[str, Any]]:
    params = {"question_id": claim["question_id"]}
    items: list[dict[str, Any]] = client.get("/api/v1/claims", params=params).json()["items"]
    return items


def test_writes_through_the_api_are_seen_at_once(
    client: TestClient, editor: dict[str, str], recorded: dict[str, Any]
) -> None:
    assert len(_claims(client, recorded)) == 1 and len(_question(client, recorded)["claims"]) == 1
    again = CLAIM | {"question_id": recorded["question_id"], "question": None, "probability": 0.2}
    del again["question"]
    assert client.post("/api/v1/claims", json=again, headers=editor).status_code == 201
    assert [c["probability"] for c in _claims(client, recorded)] == [0.2, 0.7]
    assert len(_question(client, recorded)["claims"]) == 2


def test_writes_by_other_connections_are_seen_at_once(
    client: TestClient, database: Database, recorded: dict[str, Any]
) -> None:
    assert _question(client, recorded)["claims"][0]["retracted_at"] is None
    with database.writing() as session:  # a connection of the thread pool's
        retract_claim(
            session=session,
            claim_id=recorded["id"],
            reason="misattributed",
            actor="test",
            now=datetime(2026, 3, 1, tzinfo=UTC),
        )
    assert _question(client, recorded)["claims"][0]["retraction_reason"] == "misattributed"
    assert _claims(client, recorded)[0]["retraction_reason"] == "misattributed"


# Another process's commit can only be shown on SQLite, where it is a file.
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_writes_by_other_processes_are_seen_at_once(
    client: TestClient, database: Database, recorded: dict[str, Any]
) -> None:
    assert _question(client, recorded)["status"] == "open"
    other = sqlite3.connect(str(make_url(database.url).database), isolation_level=None)
    other.execute("UPDATE question SET status = 'due' WHERE id = ?", (recorded["question_id"],))
    other.close()
    assert _question(client, recorded)["status"] == "due"
