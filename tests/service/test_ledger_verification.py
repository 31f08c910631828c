"""GET /api/v1/ledger/head and /verify, and `sooth verify`, on both databases."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from typer.testing import CliRunner

from forecasts.domain import Outcome
from service.cli import app
from service.database import Database
from service.verification import verify
from tests.conftest import MutableClock
from tests.factories import make_claim, make_question, make_resolution, make_source


@pytest.fixture
def ledger(database: Database) -> Database:
    with database.writing() as session:
        question = make_question(session)
        make_claim(session, make_source(session), question)
        make_resolution(session, question, Outcome.yes)
    return database


def _forge_quote(database: Database) -> None:
    """Rewrite claim 1's quote as someone with the database credentials could."""
    with database.engine.begin() as connection:
        if database.dialect == "postgresql":
            connection.execute(text("ALTER TABLE claim DISABLE TRIGGER USER"))
            connection.execute(text("UPDATE claim SET quote = 'Forged.'"))
            connection.execute(text("ALTER TABLE claim ENABLE TRIGGER USER"))
        else:
            connection.execute(text("DROP TRIGGER claim_fixed_columns"))
            connection.execute(text("UPDATE claim SET quote = 'Forged.'"))


def test_head_names_the_latest_entry(client: TestClient, ledger: Database) -> None:
    head = client.get("/api/v1/ledger/head").json()
    assert set(head) == {"hash", "count", "id", "created_at"}
    assert head["count"] == 4 and len(head["hash"]) == 64 and head["id"] >= 4
    assert head["created_at"].endswith("Z")


def test_head_of_an_empty_ledger_is_genesis(client: TestClient) -> None:
    assert client.get("/api/v1/ledger/head").json() == {
        "hash": "0" * 64,
        "count": 0,
        "id": None,
        "created_at": None,
    }


def test_verify_answers_ok_then_names_the_first_mismatch(
    client: TestClient, ledger: Database, admin: dict[str, str], clock: MutableClock
) -> None:
    body = client.get("/api/v1/ledger/verify", headers=admin).json()
    head = client.get("/api/v1/ledger/head").json()
    assert body == {
        "ok": True,
        "entries": 4,
        "head": head["hash"],
        "problem": None,
        "noted_position": None,
        "verified_at": "2026-03-02T12:00:00Z",
        "stored": False,
    }
    _forge_quote(ledger)
    clock.advance(timedelta(hours=1))
    response = client.get("/api/v1/ledger/verify", headers=admin)
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is False and body["entries"] == 4
    assert body["problem"]["entity"] == "claim" and body["problem"]["entity_id"] == 1
    assert body["problem"]["message"].endswith("differs from what the ledger recorded in quote")
    assert client.get("/api/v1/ledger/verify").json() == body | {"stored": True}


@pytest.mark.parametrize("who", ["admin", "anonymous"])
def test_a_noted_head_is_checked_at_its_position(
    client: TestClient, ledger: Database, editor: dict[str, str], admin: dict[str, str], who: str
) -> None:
    noted = client.get("/api/v1/ledger/head").json()
    created = client.post(
        "/api/v1/sources", json={"slug": "later", "name": "L", "kind": "model"}, headers=editor
    )
    assert created.status_code == 201
    assert client.get("/api/v1/ledger/verify", headers=admin).json()["ok"] is True
    headers = admin if who == "admin" else {}
    params = {"head": noted["hash"], "count": noted["count"]}
    body = client.get("/api/v1/ledger/verify", params=params, headers=headers).json()
    assert body["ok"] is True and body["entries"] == 5 and body["noted_position"] == 4
    body = client.get(
        "/api/v1/ledger/verify", params={**params, "count": 3}, headers=headers
    ).json()
    assert body["ok"] is False and "not 3 as noted" in body["problem"]["message"]
    body = client.get("/api/v1/ledger/verify", params={"head": "a" * 64}, headers=headers).json()
    assert body["ok"] is False and "not in the chain" in body["problem"]["message"]
    # A mistyped head is the caller's: readers still see the ledger's own latest result.
    assert client.get("/api/v1/ledger/verify").json()["ok"] is True


@pytest.mark.parametrize("bad", ["abc", "G" * 64, "A" * 64, "a" * 65])
def test_a_malformed_noted_head_is_422(client: TestClient, bad: str) -> None:
    response = client.get("/api/v1/ledger/verify", params={"head": bad})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "head"]


def test_ledger_reads_need_a_key_when_reads_are_closed(
    app_factory: Callable[..., TestClient], ledger: Database
) -> None:
    with app_factory(public_read=False) as closed:
        assert closed.get("/api/v1/ledger/head").status_code == 401
        assert closed.get("/api/v1/ledger/verify").status_code == 401


def test_sooth_verify_prints_ok_or_the_first_mismatch(
    database_url: str, ledger: Database, tmp_path: Path
) -> None:
    runner = CliRunner()
    env = {"SOOTH_DATABASE_URL": database_url, "SOOTH_VAR_DIR": str(tmp_path / "var")}
    result = runner.invoke(app, ["verify"], env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok: 4 entries, head ")
    head = result.stdout.split()[-1]
    noted = runner.invoke(app, ["verify", "--head", head, "--count", "4"], env=env)
    assert noted.exit_code == 0 and "noted head is entry number 4" in noted.stdout
    _forge_quote(ledger)
    result = runner.invoke(app, ["verify"], env=env)
    assert result.exit_code == 1
    assert "ledger verification failed: ledger entry 3, claim 1:" in result.stderr
    assert "quote" in result.stderr


def test_entries_hashed_by_the_database_match_the_chain_as_verify_recomputes_it(
    database: Database,
) -> None:
    # On PostgreSQL the insert hashes the entry in SQL; verify hashes it again in Python.
    # Text that JSON escapes or that is not ASCII must come to the same bytes both ways.
    with database.writing() as session:
        question = make_question(session, title='Will "Zürich" say 日本\\n? 🎉')
        source = make_source(session, name="Ève \u2028 O'Neil")
        make_claim(session, source, question, quote='He said: "ça ira" \\ \t 😀')
        make_claim(session, source, question, quote="Second, on the first's hash.")
    result = verify(database)
    assert result.ok, result
    assert result.count == 4  # the question, the source and the two claims
