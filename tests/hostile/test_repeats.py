"""A claim already on the record is not recorded twice: by the API (409) or by an import."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import select
from typer.testing import CliRunner

from forecasts.models import Claim, Question
from service.cli import app
from service.database import Database
from tests.factories import JANE_DOE_CLAIM, make_question, make_source

T1 = "2025-12-02T09:00:00Z"


def _count(database: Database, model: type[Claim] | type[Question]) -> int:
    with database.reading() as session:
        return int(session.exec(select(func.count()).select_from(model)).one())


def test_an_exact_repeat_of_a_claim_is_a_409_pointing_at_the_existing_claim(
    client: TestClient, database: Database, editor: dict[str, str]
) -> None:
    with database.writing() as session:
        make_source(session, "jane-doe")
        question_id = make_question(session).id
    body = JANE_DOE_CLAIM | {"question_id": question_id, "made_at": "2025-12-01T09:00:00Z"}
    del body["question"]
    first = client.post("/api/v1/claims", json=body, headers=editor)
    assert first.status_code == 201, first.text
    for _ in range(2):
        repeat = client.post("/api/v1/claims", json=body, headers=editor)
        assert repeat.status_code == 409, repeat.text
        [problem] = repeat.json()["detail"]
        assert problem["type"] == "conflict"
        assert f"repeats claim {first.json()['id']}" in problem["msg"]
        assert problem["existing"] == {
            "id": first.json()["id"],
            "url": f"http://testserver/api/v1/claims/{first.json()['id']}",
        }
        assert client.get(problem["existing"]["url"]).json() == first.json()
    assert _count(database, Claim) == 1
    # The same time at another offset is the same instant, so the same claim.
    shifted = body | {"made_at": "2025-12-01T11:00:00+02:00"}
    assert client.post("/api/v1/claims", json=shifted, headers=editor).status_code == 409
    # Anything else differing is another claim.
    for change in ({"probability": 0.71}, {"quote": "It will pass!"}, {"made_at": T1}):
        other = client.post("/api/v1/claims", json=body | change, headers=editor)
        assert other.status_code == 201, (change, other.text)
    assert _count(database, Claim) == 4


def test_a_repeat_with_its_question_inline_adds_neither_question_nor_claim(
    client: TestClient, database: Database, editor: dict[str, str]
) -> None:
    with database.writing() as session:
        make_source(session, "jane-doe")
    first = client.post("/api/v1/claims", json=JANE_DOE_CLAIM, headers=editor)
    assert first.status_code == 201, first.text
    repeat = client.post("/api/v1/claims", json=JANE_DOE_CLAIM, headers=editor)
    assert repeat.status_code == 409
    assert repeat.json()["detail"][0]["existing"]["id"] == first.json()["id"]
    assert (_count(database, Claim), _count(database, Question)) == (1, 1)


def test_a_retracted_claim_may_be_recorded_again(
    client: TestClient, database: Database, editor: dict[str, str]
) -> None:
    with database.writing() as session:
        make_source(session, "jane-doe")
    first = client.post("/api/v1/claims", json=JANE_DOE_CLAIM, headers=editor).json()
    retracted = client.post(
        f"/api/v1/claims/{first['id']}/retract",
        json={"reason": "recorded by mistake"},
        headers=editor,
    )
    assert retracted.status_code == 200, retracted.text
    body = JANE_DOE_CLAIM | {"question_id": first["question_id"]}
    del body["question"]
    assert client.post("/api/v1/claims", json=body, headers=editor).status_code == 201


def test_importing_a_file_again_adds_nothing_and_says_so(
    database_url: str, database: Database, tmp_path: Path
) -> None:
    with database.writing() as session:
        make_source(session, "jane-doe")
    lines = tmp_path / "claims.jsonl"
    second = JANE_DOE_CLAIM | {"quote": "It may well pass.", "probability": 0.6}
    lines.write_text(
        "".join(json.dumps(claim) + "\n" for claim in (JANE_DOE_CLAIM, second)), encoding="utf-8"
    )
    runner = CliRunner()
    env = {"SOOTH_DATABASE_URL": database_url, "SOOTH_VAR_DIR": str(tmp_path / "var")}
    first = runner.invoke(app, ["import", str(lines)], env=env)
    assert first.exit_code == 0, first.output
    assert "imported 2 claims" in first.stdout
    counts = _count(database, Claim), _count(database, Question)
    assert counts == (2, 2)
    again = runner.invoke(app, ["import", str(lines)], env=env)
    assert again.exit_code == 0, again.output
    assert "imported nothing" in again.stdout
    assert "skipped 2 claims already on the record" in again.stdout
    assert (_count(database, Claim), _count(database, Question)) == counts
