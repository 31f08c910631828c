"""Writes run on the event loop only when SQLite's write lock is free, else wait in a thread."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlmodel import col

from forecasts.claims import record_claim_on_question
from forecasts.domain import DomainError
from forecasts.models import Claim
from forecasts.prepared import Cursor
from forecasts.schemas import ClaimCreate
from service.database import Database
from service.loop_sqlite import LOCK_WAIT_SECONDS
from service.verification import verify
from tests.conftest import MutableClock
from tests.factories import JANE_DOE_CLAIM as CLAIM
from tests.factories import make_question, make_source
from tests.own_loop import run_on_own_loop


@pytest.fixture
def source(client: TestClient, editor: dict[str, str]) -> None:
    body = {"slug": "jane-doe", "name": "Jane Doe", "kind": "person"}
    assert client.post("/api/v1/sources", json=body, headers=editor).status_code == 201


@pytest.fixture
def question_id(database: Database) -> int:
    """A question of the ledger, and Jane Doe, whose claims the units of work record."""
    with database.writing() as session:
        make_source(session, "jane-doe")
        question = make_question(session)
    assert question.id is not None
    return question.id


def _claims(database: Database) -> int:
    with database.reading() as session:
        return int(session.execute(select(func.count()).select_from(Claim)).scalar_one())


# The wait for a write lock held by another process: SQLite's alone.
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_write_finding_the_lock_taken_waits_for_it_without_stopping_the_loop(
    client: TestClient, editor: dict[str, str], database: Database, source: None
) -> None:
    # A claim on a question that exists already: the write the loop runs itself.
    first = client.post("/api/v1/claims", json=CLAIM, headers=editor).json()
    again = _on_question(first["question_id"])
    # Another process's writer, as far as this one can tell: the lock at the file.
    other = sqlite3.connect(str(make_url(database.url).database), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(client.post, "/api/v1/claims", json=again, headers=editor)
        # The loop still answers while the write waits for the lock.
        assert client.get("/api/v1/sources/jane-doe").status_code == 200
        assert not pending.done()
        other.execute("ROLLBACK")
        response: Any = pending.result(timeout=60)
    other.close()
    assert response.status_code == 201, response.text
    assert _claims(database) == 2


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_write_whose_lock_stays_taken_is_refused_with_503_and_stores_nothing(
    client: TestClient,
    editor: dict[str, str],
    database: Database,
    source: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = client.post("/api/v1/claims", json=CLAIM, headers=editor).json()
    monkeypatch.setattr("service.loop_sqlite.LOCK_WAIT_SECONDS", 0.05)
    other = sqlite3.connect(str(make_url(database.url).database), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        again = _on_question(first["question_id"])
        refused = client.post("/api/v1/claims", json=again, headers=editor)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert refused.status_code == 503, refused.text
    assert refused.headers["retry-after"] == "1"
    assert "busy" in refused.json()["detail"]
    assert _claims(database) == 1
    assert client.post("/api/v1/claims", json=again, headers=editor).status_code == 201


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_each_write_waits_its_own_full_time_for_the_lock_before_it_is_refused(
    database: Database, question_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [0.0]
    monkeypatch.setattr("service.loop_sqlite.monotonic", lambda: now[0])
    other = sqlite3.connect(
        str(make_url(database.url).database), isolation_level=None, check_same_thread=False
    )
    other.execute("BEGIN IMMEDIATE")

    async def turns() -> None:
        for _ in range(20):
            await asyncio.sleep(0)

    async def early_and_late() -> tuple[object, bool, int]:
        early = asyncio.ensure_future(database.write(_claim_on(question_id, "Early.")))
        await turns()
        now[0] = LOCK_WAIT_SECONDS - 10
        late = asyncio.ensure_future(database.write(_claim_on(question_id, "Late.")))
        await turns()
        # The first has waited its full time; the second, which joined the wait later, has not.
        now[0] = LOCK_WAIT_SECONDS + 1
        refused = await asyncio.wait_for(asyncio.gather(early, return_exceptions=True), 10)
        late_waits = not late.done()
        other.execute("ROLLBACK")
        return refused[0], late_waits, await asyncio.wait_for(late, 10)

    try:
        refused, late_waited, _ = run_on_own_loop(early_and_late())
    finally:
        other.close()
    assert isinstance(refused, OperationalError) and "database is locked" in str(refused)
    assert late_waited
    assert _stored_quotes(database) == {"Late."}


def _on_question(question_id: int) -> dict[str, Any]:
    """CLAIM's source saying more on an existing question rather than a new one."""
    return {name: value for name, value in CLAIM.items() if name != "question"} | {
        "question_id": question_id,
        "quote": "It will pass, I am sure of it.",
    }


def test_refused_writes_leave_nothing_and_the_ledger_verifies(
    client: TestClient,
    editor: dict[str, str],
    admin: dict[str, str],
    database: Database,
    source: None,
    clock: MutableClock,
) -> None:
    refused = client.post(
        "/api/v1/claims",
        json=CLAIM | {"question": CLAIM["question"] | {"tags": ["a" * 500]}},
        headers=editor,
    )
    assert refused.status_code == 422
    stored = client.post("/api/v1/claims", json=CLAIM, headers=editor)
    assert stored.status_code == 201
    twice = client.post("/api/v1/claims", json=CLAIM | {"source": "nobody"}, headers=editor)
    assert twice.status_code == 422 and "nobody" in twice.text
    on_question = _on_question(stored.json()["question_id"]) | {"source": "nobody"}
    thrice = client.post("/api/v1/claims", json=on_question, headers=editor)
    assert thrice.status_code == 422 and "nobody" in thrice.text
    # With neither, the source is named first; with the source alone, the question.
    nowhere = on_question | {"question_id": 999_999}
    both = client.post("/api/v1/claims", json=nowhere, headers=editor)
    assert both.status_code == 422 and both.json()["detail"][0]["loc"] == ["body", "source"]
    no_question = client.post(
        "/api/v1/claims", json=nowhere | {"source": "jane-doe"}, headers=editor
    )
    assert no_question.status_code == 422 and "no question with id 999999" in no_question.text
    on_time = _on_question(stored.json()["question_id"])
    clock.set(datetime(2026, 7, 1, tzinfo=UTC))  # after the question's deadline
    too_late = client.post(
        "/api/v1/claims", json=on_time | {"made_at": "2026-06-01T00:00:01Z"}, headers=editor
    )
    assert too_late.status_code == 422 and too_late.json()["detail"][0]["loc"] == [
        "body",
        "made_at",
    ]
    assert "after the question's deadline" in too_late.text
    # The deadline itself, written with another offset, is still on time.
    at_deadline = on_time | {"made_at": "2026-06-01T02:00:00+02:00"}
    assert client.post("/api/v1/claims", json=at_deadline, headers=editor).status_code == 201
    assert _claims(database) == 2
    # An admin's request runs a verification now; others read the last stored one.
    assert client.get("/api/v1/ledger/verify", headers=admin).json()["ok"] is True


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_wal_is_copied_into_the_database_file_off_the_loop(
    database: Database, question_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The event loop's commits leave the WAL alone; every CHECKPOINT_EVERY of them a
    # thread copies it into the database file. A copy of that file alone then holds them.
    monkeypatch.setattr("service.loop_sqlite.CHECKPOINT_EVERY", 5)
    said = count(1)

    def record(cursor: Cursor) -> int:
        # Each a claim of its own: a repeat of one on the record would be refused.
        claim = ClaimCreate(
            source="jane-doe",
            question_id=question_id,
            probability=0.5,
            quote=f"Even odds, said for the {next(said)}th time.",
            made_at=datetime(2026, 1, 1, tzinfo=UTC),
        )
        return record_claim_on_question(
            cursor, data=claim, actor="test", now=datetime(2026, 1, 2, tzinfo=UTC)
        ).id

    async def write_six() -> list[int]:
        # The 5th starts a copy, which the 6th comes before: it copies all six.
        ids = [await database.write(record) for _ in range(6)]
        await database.wal_copied()
        return ids

    ids = run_on_own_loop(write_six())
    alone = tmp_path / "alone.db"
    shutil.copyfile(make_url(database.url).database or "", alone)
    copied = sqlite3.connect(alone)
    try:
        stored = {row[0] for row in copied.execute("SELECT id FROM claim")}
    finally:
        copied.close()
    assert set(ids) <= stored


def _claim_on(question_id: int | None, quote: str) -> Callable[[Cursor], int]:
    """A unit of work recording Jane Doe's claim on the question, with its own quote."""
    claim = ClaimCreate(
        source="jane-doe",
        question_id=question_id,
        probability=0.5,
        quote=quote,
        made_at=datetime(2026, 1, 1, tzinfo=UTC),
    )

    def record(cursor: Cursor) -> int:
        now = datetime(2026, 1, 2, tzinfo=UTC)
        return record_claim_on_question(cursor, data=claim, actor="test", now=now).id

    return record


def _stored_quotes(database: Database) -> set[str]:
    with database.reading() as session:
        return set(session.execute(select(col(Claim.quote))).scalars())


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_writes_of_one_turn_share_a_transaction_and_a_failed_one_takes_back_only_its_own(
    database: Database, question_id: int
) -> None:
    outside: list[int] = []

    def written_then_failed(cursor: Cursor) -> int:
        _claim_on(question_id, "Written, then taken back.")(cursor)
        raise DomainError("quote", "refused after it was written")

    def seen_from_outside(cursor: Cursor) -> int:
        # Another connection does not see the first unit's claim yet: one transaction.
        other = sqlite3.connect(str(make_url(database.url).database))
        try:
            outside.append(other.execute("SELECT count(*) FROM claim").fetchone()[0])
        finally:
            other.close()
        return _claim_on(question_id, "Third.")(cursor)

    async def together() -> list[object]:
        units = [_claim_on(question_id, "First."), written_then_failed, seen_from_outside]
        return await asyncio.gather(*(database.write(u) for u in units), return_exceptions=True)

    first, failed, third = run_on_own_loop(together())
    assert isinstance(first, int) and isinstance(third, int)
    assert isinstance(failed, DomainError) and "after it was written" in str(failed)
    assert _stored_quotes(database) == {"First.", "Third."}
    assert outside == [0]
    assert verify(database).ok


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_batch_whose_transaction_ends_under_it_is_written_again_unit_by_unit(
    database: Database, question_id: int, caplog: pytest.LogCaptureFixture
) -> None:
    def ends_the_transaction(cursor: Cursor) -> int:
        # As SQLite does itself on a full disk or an I/O error: the whole transaction gone.
        cursor.execute("ROLLBACK")
        raise DomainError("quote", "the transaction ended under this unit")

    async def together() -> list[object]:
        units = [
            _claim_on(question_id, "Before it."),
            ends_the_transaction,
            _claim_on(question_id, "After it."),
        ]
        return await asyncio.gather(*(database.write(u) for u in units), return_exceptions=True)

    before, failed, after = run_on_own_loop(together())
    assert isinstance(before, int) and isinstance(after, int)
    assert isinstance(failed, Exception)
    assert _stored_quotes(database) == {"Before it.", "After it."}
    assert "each is written again alone" in caplog.text
    assert verify(database).ok
