"""Witnessed heads and stored verifications: signing, /ledger/key and /heads, the jobs,
`sooth ledger sign` and `sooth verify --heads`, on both databases.

Signatures are checked here with cryptography's Ed25519 verification over bytes built
from the published format, not with the service's own code.
"""

from __future__ import annotations

import base64
import json
import re
import stat
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import text
from typer.testing import CliRunner, Result

from forecasts.domain import Outcome
from service.cli import app
from service.database import Database
from service.scheduler import JobRunner
from service.settings import Settings
from service.witness import sign_job, verify_job
from tests.conftest import MutableClock
from tests.factories import make_claim, make_question, make_resolution, make_source

Sooth = Callable[..., Result]
SIGNED_AT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


@pytest.fixture
def ledger(database: Database) -> Database:
    with database.writing() as session:
        question = make_question(session)
        make_claim(session, make_source(session), question)
        make_resolution(session, question, Outcome.yes)
    return database


@pytest.fixture
def sooth(database_url: str, settings: Settings) -> Sooth:
    """Run `sooth` against this test's database and var dir; by default it must succeed."""
    runner = CliRunner()
    env = {"SOOTH_DATABASE_URL": database_url, "SOOTH_VAR_DIR": str(settings.var_dir)}

    def run(*args: str, ok: bool = True, **extra: str) -> Result:
        result = runner.invoke(app, list(args), env=env | extra)
        if ok:
            assert result.exit_code == 0, result.output
        return result

    return run


def _add_source(database: Database, slug: str) -> None:
    with database.writing() as session:
        make_source(session, slug)


def _public_key(client: TestClient) -> Ed25519PublicKey:
    body = client.get("/api/v1/ledger/key").json()
    assert set(body) == {"algorithm", "public_key"} and body["algorithm"] == "ed25519"
    raw = base64.b64decode(body["public_key"], validate=True)
    assert len(raw) == 32
    return Ed25519PublicKey.from_public_bytes(raw)


def _check_signature(key: Ed25519PublicKey, head: dict[str, object]) -> None:
    message = f"sooth-ledger-head\n{head['count']}\n{head['hash']}\n{head['signed_at']}"
    key.verify(base64.b64decode(str(head["signature"])), message.encode("utf-8"))


def test_signed_heads_verify_with_the_published_key(
    client: TestClient, ledger: Database, sooth: Sooth, settings: Settings
) -> None:
    first = sooth("ledger", "sign").stdout
    _add_source(ledger, "later")
    sooth("ledger", "sign")
    head = client.get("/api/v1/ledger/head").json()

    listing = client.get("/api/v1/ledger/heads").json()
    assert set(listing) == {"items", "total", "limit", "offset"} and listing["total"] == 2
    newest, oldest = listing["items"]
    assert set(newest) == {"count", "hash", "signed_at", "signature"}
    assert (newest["count"], newest["hash"]) == (head["count"], head["hash"])
    assert head["count"] == 5
    assert oldest["count"] == 4 and first.startswith(f"4 {oldest['hash']}\n")
    key = _public_key(client)
    for signed in listing["items"]:
        assert SIGNED_AT.match(signed["signed_at"])
        _check_signature(key, signed)
    with pytest.raises(InvalidSignature):
        _check_signature(key, newest | {"count": newest["count"] + 1})
    key_file = settings.var_dir / "ledger_signing_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(settings.var_dir.stat().st_mode) == 0o700


def test_a_signing_key_given_in_the_environment_is_used(
    app_factory: Callable[..., TestClient], ledger: Database, sooth: Sooth, settings: Settings
) -> None:
    private = Ed25519PrivateKey.generate()
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    given = base64.b64encode(raw).decode()
    sooth("ledger", "sign", SOOTH_LEDGER_SIGNING_KEY=given)
    with app_factory(ledger_signing_key=SecretStr(given)) as client:
        published = base64.b64decode(client.get("/api/v1/ledger/key").json()["public_key"])
        [signed] = client.get("/api/v1/ledger/heads").json()["items"]
    expected = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    assert published == expected
    _check_signature(private.public_key(), signed)
    assert not (settings.var_dir / "ledger_signing_key").exists()


def test_the_signing_job_signs_hourly_when_the_head_moved(
    client: TestClient, ledger: Database, settings: Settings, clock: MutableClock
) -> None:
    runner = JobRunner(ledger, clock)
    job = sign_job(settings, ledger)

    def signed() -> int:
        result = runner.run_io(job.name, job.run)
        assert result is not None
        return result.count

    assert signed() == 1
    clock.advance(timedelta(minutes=30))
    _add_source(ledger, "later")
    assert signed() == 0  # signed within the hour
    clock.advance(timedelta(minutes=30))
    assert signed() == 1
    clock.advance(timedelta(hours=1))
    assert signed() == 0  # nothing new to witness
    listing = client.get("/api/v1/ledger/heads").json()["items"]
    assert [(h["count"], h["signed_at"]) for h in listing] == [
        (5, "2026-03-02T13:00:00Z"),
        (4, "2026-03-02T12:00:00Z"),
    ]
    key = _public_key(client)
    for head in listing:
        _check_signature(key, head)


def test_readers_get_the_stored_verification_and_the_job_runs_it_hourly(
    client: TestClient, ledger: Database, settings: Settings, clock: MutableClock
) -> None:
    missing = client.get("/api/v1/ledger/verify")
    assert missing.status_code == 404
    assert "hourly" in missing.json()["detail"][0]["msg"]
    runner = JobRunner(ledger, clock)
    job = verify_job(settings, ledger)
    assert job.every == timedelta(hours=1)

    def ran() -> int:
        result = runner.run_io(job.name, job.run)
        assert result is not None
        return result.count

    assert ran() == 1
    stored = client.get("/api/v1/ledger/verify").json()
    assert stored["ok"] is True and stored["stored"] is True and stored["entries"] == 4
    assert stored["verified_at"] == "2026-03-02T12:00:00Z"

    # A rewrite shows once a verification has run again, not on a reader's request.
    with ledger.engine.begin() as connection:
        connection.execute(text("UPDATE question SET title = 'Rewritten'"))
    clock.advance(timedelta(minutes=30))
    assert ran() == 0
    assert client.get("/api/v1/ledger/verify").json() == stored
    clock.advance(timedelta(minutes=30))
    assert ran() == 1
    body = client.get("/api/v1/ledger/verify").json()
    assert body["ok"] is False and body["verified_at"] == "2026-03-02T13:00:00Z"
    assert body["problem"]["entity"] == "question" and "title" in body["problem"]["message"]


def test_sooth_verify_stores_its_result_for_readers(
    client: TestClient, ledger: Database, sooth: Sooth
) -> None:
    assert client.get("/api/v1/ledger/verify").status_code == 404
    sooth("verify")
    body = client.get("/api/v1/ledger/verify").json()
    assert body["ok"] is True and body["entries"] == 4 and body["stored"] is True


def test_reader_keys_get_the_stored_result_and_admins_run_one(
    client: TestClient, ledger: Database, keys: dict[object, str], admin: dict[str, str]
) -> None:
    from forecasts.domain import Role

    reader = {"Authorization": f"Bearer {keys[Role.reader]}"}
    assert client.get("/api/v1/ledger/verify", headers=reader).status_code == 404
    fresh = client.get("/api/v1/ledger/verify", headers=admin).json()
    assert fresh["ok"] is True and fresh["stored"] is False
    assert client.get("/api/v1/ledger/verify", headers=reader).json() == fresh | {"stored": True}


def _rewrite_from_scratch(database: Database) -> None:
    """Empty every ledger table and record a different history, rehashed from genesis."""
    tables = ("resolution", "claim", "question_tag", "question", "source", "ledger_entry")
    with database.engine.begin() as connection:
        if database.dialect == "postgresql":
            connection.execute(text("SET LOCAL session_replication_role = replica"))
        else:
            for trigger in ("claim_no_delete", "resolution_no_delete", "ledger_entry_no_delete"):
                connection.execute(text(f"DROP TRIGGER {trigger}"))
        for table in tables:
            connection.execute(text(f"DELETE FROM {table}"))
    with database.writing() as session:
        question = make_question(session)
        make_claim(session, make_source(session), question, probability=0.01)
        make_resolution(session, question, Outcome.yes)


def test_verify_heads_fails_naming_the_first_head_a_rewritten_chain_does_not_extend(
    client: TestClient, ledger: Database, sooth: Sooth, tmp_path: Path
) -> None:
    sooth("ledger", "sign")
    _add_source(ledger, "later")
    sooth("ledger", "sign")
    saved = tmp_path / "heads.json"
    saved.write_text(client.get("/api/v1/ledger/heads").text, encoding="utf-8")
    lines = tmp_path / "heads.txt"
    heads = client.get("/api/v1/ledger/heads").json()["items"]
    lines.write_text(
        "# kept from digests\n" + "".join(f"{h['count']} {h['hash']}\n" for h in heads),
        encoding="utf-8",
    )
    assert "extends all 2 saved heads" in sooth("verify", "--heads", str(saved)).stdout
    assert "extends all 2 saved heads" in sooth("verify", "--heads", str(lines)).stdout

    _rewrite_from_scratch(ledger)
    # Rehashed from genesis, the chain and tables agree with each other.
    with ledger.engine.begin() as connection:
        if ledger.dialect == "postgresql":
            connection.execute(text("SET LOCAL session_replication_role = replica"))
        else:
            connection.execute(text("DROP TRIGGER signed_head_no_delete"))
        connection.execute(text("DELETE FROM signed_head"))
    assert sooth("verify").stdout.startswith("ok: 4 entries")

    failed = sooth("verify", "--heads", str(saved), ok=False)
    assert failed.exit_code == 1
    oldest = heads[1]
    assert f"does not extend item 2 signed {oldest['signed_at']} (count 4, hash " in failed.stderr
    assert "rewritten at or before that entry" in failed.stderr
    failed = sooth("verify", "--heads", str(lines), ok=False)
    assert "does not extend line 3 (count 4" in failed.stderr


def test_verify_checks_the_stored_signed_heads_too(ledger: Database, sooth: Sooth) -> None:
    sooth("ledger", "sign")
    _rewrite_from_scratch(ledger)
    failed = sooth("verify", ok=False)
    assert "does not extend signed head 1 (count 4" in failed.stderr


def test_verify_heads_refuses_a_file_that_holds_no_heads(
    ledger: Database, sooth: Sooth, tmp_path: Path
) -> None:
    for content, said in [
        ("3 nothex\n", "line 1: hash must be 64 lowercase hex digits"),
        ('{"items": [{"count": "x", "hash": "' + "a" * 64 + '"}]}', "item 1: count"),
        ("\n", "no heads in it"),
        (json.dumps({"items": []}), "expected"),
    ]:
        bad = tmp_path / "bad.txt"
        bad.write_text(content, encoding="utf-8")
        failed = sooth("verify", "--heads", str(bad), ok=False)
        assert failed.exit_code == 1 and said in failed.stderr, failed.stderr


def test_a_head_beyond_the_chain_means_entries_were_removed(
    ledger: Database, sooth: Sooth, tmp_path: Path
) -> None:
    ahead = tmp_path / "heads.txt"
    ahead.write_text(f"9 {'a' * 64}\n", encoding="utf-8")
    failed = sooth("verify", "--heads", str(ahead), ok=False)
    assert "does not extend line 1 (count 9" in failed.stderr and "fewer entries" in failed.stderr
