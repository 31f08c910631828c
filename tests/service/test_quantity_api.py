"""Quantity questions through the API, on SQLite and PostgreSQL: record, refuse, resolve, report.

The ledger: a quantity question on full-year inflation in %, deadline 2026-03-01, and its
claims made 2026-02-01: alice 2.7-2.8 (a range), bob 3.0 (a point), carol 2.5-3.0 at 80%,
erin 2.6-2.7 at 90%. It resolves 2.9, then is corrected to 3.1.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
import scoringrules
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from service.database import Database
from service.verification import verify

QUESTION = {
    "title": "Full-year inflation in 2025",
    "resolution_criteria": "The statistics office's first full-year CPI figure, in percent.",
    "deadline": "2026-03-01T00:00:00Z",
    "kind": "quantity",
    "unit": "%",
}
MADE = "2026-02-01T09:00:00Z"
CLAIMS = {
    "alice": {"low": 2.7, "high": 2.8},
    "bob": {"point": 3.0},
    "carol": {"low": 2.5, "high": 3.0, "confidence": 0.8},
    "erin": {"low": 2.6, "high": 2.7, "confidence": 0.9},
}


def _post(client: TestClient, path: str, body: Any, headers: dict[str, str]) -> Any:
    response = client.post(path, json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def _refused(client: TestClient, path: str, body: Any, headers: dict[str, str]) -> list[str]:
    """The location of the 422 that refuses body, without its 'body' prefix."""
    content = body if isinstance(body, str) else json.dumps(body)
    response = client.post(
        path, content=content, headers=headers | {"Content-Type": "application/json"}
    )
    assert response.status_code == 422, response.text
    loc = response.json()["detail"][0]["loc"]
    assert loc[0] == "body"
    return [str(part) for part in loc[1:]]


def _claim(source: str, question_id: int, **fields: Any) -> dict[str, Any]:
    return {"source": source, "question_id": question_id, "quote": "…", "made_at": MADE} | fields


@pytest.fixture
def question_id(client: TestClient, admin: dict[str, str], editor: dict[str, str]) -> int:
    for slug in (*CLAIMS, "dave"):
        _post(client, "/api/v1/sources", {"slug": slug, "name": slug, "kind": "person"}, admin)
    question = _post(client, "/api/v1/questions", QUESTION, editor)
    assert (question["kind"], question["unit"], question["status"]) == ("quantity", "%", "due")
    for slug, quantity in CLAIMS.items():
        claim = _post(
            client, "/api/v1/claims", _claim(slug, question["id"], quantity=quantity), editor
        )
        assert claim["probability"] is None
        assert {k: v for k, v in claim["quantity"].items() if v is not None} == quantity
    return int(question["id"])


def test_claims_on_a_quantity_question_are_listed_with_their_quantity(
    client: TestClient, question_id: int
) -> None:
    detail = client.get(f"/api/v1/questions/{question_id}").json()
    assert detail["kind"] == "quantity" and detail["unit"] == "%"
    assert [claim["quantity"] for claim in detail["claims"]][1] == {
        "point": 3.0,
        "low": None,
        "high": None,
        "confidence": None,
    }
    listed = client.get("/api/v1/claims", params={"source": "carol"}).json()["items"]
    assert listed[0]["quantity"]["confidence"] == 0.8


def test_a_verbal_hedge_is_kept_with_a_quantity(
    client: TestClient, question_id: int, editor: dict[str, str]
) -> None:
    body = _claim(
        "dave", question_id, quantity={"point": 3.0}, verbal_phrase="should come close to"
    )
    claim = _post(client, "/api/v1/claims", body, editor)
    assert claim["verbal_phrase"] == "should come close to" and claim["probability"] is None


@pytest.mark.parametrize(
    ("fields", "loc"),
    [
        ({"probability": 0.7}, ["probability"]),
        ({"probability": 0.7, "quantity": {"point": 3}}, ["probability"]),
        ({}, ["quantity"]),
        ({"quantity": {"low": 2.8, "high": 2.7}}, ["quantity", "high"]),
        ({"quantity": {"point": 3, "confidence": 0.8}}, ["quantity", "confidence"]),
        ({"quantity": {"low": 2, "high": 3, "confidence": 1}}, ["quantity", "confidence"]),
        ({"quantity": {"low": 2, "high": 3, "confidence": 0}}, ["quantity", "confidence"]),
        ({"quantity": {"low": 2}}, ["quantity", "high"]),
        ({"quantity": {"point": 3, "low": 2, "high": 4}}, ["quantity", "point"]),
    ],
)
def test_ill_formed_quantity_claims_are_refused_naming_the_field(
    client: TestClient,
    question_id: int,
    editor: dict[str, str],
    fields: dict[str, Any],
    loc: list[str],
) -> None:
    assert _refused(client, "/api/v1/claims", _claim("dave", question_id, **fields), editor) == loc
    assert client.get("/api/v1/claims", params={"source": "dave"}).json()["total"] == 0


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_non_finite_numbers_are_refused_naming_the_field(
    client: TestClient, question_id: int, editor: dict[str, str], number: str
) -> None:
    body = json.dumps(_claim("dave", question_id, quantity={"low": 1.0, "high": 2.0}))
    body = body.replace('"high": 2.0', f'"high": {number}')
    assert _refused(client, "/api/v1/claims", body, editor)[:2] == ["quantity", "high"]


def test_a_quantity_on_a_yes_or_no_question_is_refused(
    client: TestClient, question_id: int, editor: dict[str, str]
) -> None:
    binary = {k: v for k, v in QUESTION.items() if k not in ("kind", "unit")}
    other = _post(client, "/api/v1/questions", binary, editor)
    body = _claim("dave", other["id"], quantity={"point": 3.0})
    assert _refused(client, "/api/v1/claims", body, editor) == ["quantity"]
    inline = {k: v for k, v in body.items() if k != "question_id"} | {"question": binary}
    assert _refused(client, "/api/v1/claims", inline, editor) == ["quantity"]
    assert client.get("/api/v1/questions").json()["total"] == 2


def test_a_quantity_question_needs_a_unit_and_a_binary_one_has_none(
    client: TestClient, editor: dict[str, str]
) -> None:
    no_unit = {k: v for k, v in QUESTION.items() if k != "unit"}
    assert _refused(client, "/api/v1/questions", no_unit, editor) == ["unit"]
    with_unit = QUESTION | {"kind": "binary"}
    assert _refused(client, "/api/v1/questions", with_unit, editor) == ["unit"]
    assert client.get("/api/v1/questions").json()["total"] == 0


def test_resolution_takes_a_value_and_a_correction_needs_a_reason(
    client: TestClient, question_id: int, reviewer: dict[str, str], database: Database
) -> None:
    path = f"/api/v1/questions/{question_id}/resolutions"
    assert _refused(client, path, {"outcome": "yes"}, reviewer) == ["outcome"]
    assert _refused(client, path, {}, reviewer) == ["value"]
    assert _refused(client, path, {"outcome": "value"}, reviewer) == ["value"]
    assert _refused(client, path, {"value": "NaN"}, reviewer) == ["value"]
    first = _post(
        client, path, {"value": 2.9, "evidence_url": "https://stats.example/cpi"}, reviewer
    )
    assert (first["outcome"], first["value"]) == ("value", 2.9)
    assert _refused(client, path, {"value": 3.1}, reviewer) == ["reason"]
    second = _post(client, path, {"value": 3.1, "reason": "revised figure"}, reviewer)
    assert (second["outcome"], second["value"], second["sequence"]) == ("value", 3.1, 2)
    detail = client.get(f"/api/v1/questions/{question_id}").json()
    assert detail["status"] == "resolved" and detail["current_resolution"]["value"] == 3.1
    annulled = _post(client, path, {"outcome": "annulled", "reason": "series dropped"}, reviewer)
    assert annulled["value"] is None
    assert client.get(f"/api/v1/questions/{question_id}").json()["status"] == "annulled"
    assert verify(database).ok


def test_a_value_on_a_yes_or_no_question_is_refused(
    client: TestClient, question_id: int, editor: dict[str, str], reviewer: dict[str, str]
) -> None:
    binary = {k: v for k, v in QUESTION.items() if k not in ("kind", "unit")}
    other = _post(client, "/api/v1/questions", binary, editor)
    path = f"/api/v1/questions/{other['id']}/resolutions"
    assert _refused(client, path, {"value": 2.9}, reviewer) == ["outcome"]
    assert _refused(client, path, {"outcome": "yes", "value": 2.9}, reviewer) == ["value"]
    assert client.get(f"/api/v1/questions/{other['id']}").json()["resolutions"] == []


def _expected(value: float) -> dict[str, dict[str, Any]]:
    """Each source's figures, from the formulas written out and scoringrules."""
    rows = {}
    for slug, q in CLAIMS.items():
        if "point" in q:
            centre, hit = q["point"], None
        else:
            centre, hit = (q["low"] + q["high"]) / 2, q["low"] <= value <= q["high"]
        interval = None
        if "confidence" in q:
            alpha = 1 - q["confidence"]
            interval = float(scoringrules.interval_score(value, q["low"], q["high"], alpha))
        rows[slug] = {
            "n": 1,
            "n_ranges": 0 if hit is None else 1,
            "hits": int(bool(hit)),
            "median_ape": abs(centre - value) / abs(value),
            "mean_relative_interval_score": None if interval is None else interval / abs(value),
            "mean_confidence": q.get("confidence"),
            "coverage_gap": None if "confidence" not in q else int(bool(hit)) - q["confidence"],
        }
    return rows


def test_quantity_report_matches_independent_figures(
    client: TestClient, question_id: int, reviewer: dict[str, str]
) -> None:
    path = f"/api/v1/questions/{question_id}/resolutions"
    _post(client, path, {"value": 2.9}, reviewer)
    _post(client, path, {"value": 3.1, "reason": "revised figure"}, reviewer)
    response = client.get("/api/v1/reports/quantities", params={"hindsight": "all"})
    assert response.status_code == 200, response.text
    rows = {row["group"]: row for row in response.json()}
    assert sorted(rows) == sorted(CLAIMS)
    for slug, expected in _expected(3.1).items():
        for name, value in expected.items():
            got = rows[slug][name]
            assert got == (value if value is None else pytest.approx(value, abs=1e-12)), name
    # carol's 2.5-3.0 missed 3.1: 0 of 1, Wilson (0, z^2 / (1 + z^2)).
    z2 = 1.959963984540054**2
    assert rows["carol"]["hit_rate_low"] == 0.0
    assert rows["carol"]["hit_rate_high"] == pytest.approx(z2 / (1 + z2), abs=1e-12)
    assert rows["bob"]["hit_rate"] is None

    # Recorded after the deadline without a dated citation: unevidenced hindsight, scored
    # with hindsight=all and left out by default, where each source keeps a row saying so.
    assert {(r["group"], r["n"], r["n_hindsight"], r["n_unevidenced"]) for r in rows.values()} == {
        (slug, 1, 1, 0) for slug in CLAIMS
    }
    by_default = client.get("/api/v1/reports/quantities").json()
    assert [(r["group"], r["n"], r["n_hindsight"], r["n_unevidenced"]) for r in by_default] == [
        (slug, 0, 0, 1) for slug in sorted(CLAIMS)
    ]
    assert all(r["hits"] == 0 and r["median_ape"] is None for r in by_default)
    assert client.get("/api/v1/reports/quantities", params={"min_n": 1}).json() == []
    text_body = client.get("/api/v1/reports/quantities.csv", params={"hindsight": "all"}).text
    table = list(csv.DictReader(io.StringIO(text_body)))
    assert list(table[0]) == [
        "group",
        "source",
        "source_name",
        "n",
        "n_hindsight",
        "n_unevidenced",
        "n_ranges",
        "hits",
        "hit_rate",
        "hit_rate_low",
        "hit_rate_high",
        "mean_confidence",
        "coverage_gap",
        "median_ape",
        "mean_relative_interval_score",
    ]
    coverage = client.get("/api/v1/reports/coverage", params={"hindsight": "all"}).json()
    assert [(row["group"], row["bin"], row["n"], row["hits"]) for row in coverage] == [
        ("carol", "80%", 1, 0),
        ("erin", "90%", 1, 0),
    ]
    params = {"group_by": "tag", "hindsight": "all"}
    assert client.get("/api/v1/reports/quantities", params=params).json() == []
    binary_scores = client.get("/api/v1/reports/scores", params={"hindsight": "all"}).json()
    assert binary_scores == []


def test_quantity_report_refuses_bad_filters_naming_them(client: TestClient) -> None:
    for params, name in [
        ({"hindsight": "sometimes"}, "hindsight"),
        ({"group_by": "week"}, "group_by"),
        ({"source": "nobody"}, "source"),
    ]:
        response = client.get("/api/v1/reports/quantities", params=params)
        assert response.status_code == 422, response.text
        assert response.json()["detail"][0]["loc"][-1] == name


def test_annulled_quantity_questions_are_not_scored_anywhere(
    client: TestClient, question_id: int, reviewer: dict[str, str]
) -> None:
    path = f"/api/v1/questions/{question_id}/resolutions"
    _post(client, path, {"outcome": "annulled"}, reviewer)
    every = {"hindsight": "all"}
    assert client.get("/api/v1/reports/quantities", params=every).json() == []
    # Nor counted among a binary record's annulled claims.
    assert client.get("/api/v1/reports/scores", params=every).json() == []


def test_binary_payloads_in_the_ledger_are_as_before(
    client: TestClient, editor: dict[str, str], admin: dict[str, str], database: Database
) -> None:
    _post(client, "/api/v1/sources", {"slug": "zoe", "name": "Zoe", "kind": "person"}, admin)
    binary = {k: v for k, v in QUESTION.items() if k not in ("kind", "unit")}
    body = {"source": "zoe", "probability": 0.7, "quote": "…", "made_at": MADE, "question": binary}
    _post(client, "/api/v1/claims", body, editor)
    with database.reading() as session:
        payloads = session.execute(
            text("SELECT entity, payload FROM ledger_entry ORDER BY id")
        ).all()
    recorded = {entity: json.loads(payload) for entity, payload in payloads}
    assert "quantity" not in recorded["claim"]
    assert "kind" not in recorded["question"] and "unit" not in recorded["question"]


def test_quantity_fields_are_in_the_ledger_and_verified(
    question_id: int, database: Database
) -> None:
    with database.reading() as session:
        payloads = session.execute(
            text("SELECT entity, payload FROM ledger_entry WHERE entity IN ('claim', 'question')")
        ).all()
    claims = [json.loads(p) for entity, p in payloads if entity == "claim"]
    question = next(json.loads(p) for entity, p in payloads if entity == "question")
    assert (question["kind"], question["unit"]) == ("quantity", "%")
    assert claims[2]["quantity"] == {"point": None, "low": 2.5, "high": 3.0, "confidence": 0.8}
    assert verify(database).ok
    with database.engine.begin() as connection:
        if database.dialect == "postgresql":
            connection.execute(text("ALTER TABLE claim DISABLE TRIGGER USER"))
            connection.execute(text("UPDATE claim SET high = 3.5 WHERE high = 3.0"))
            connection.execute(text("ALTER TABLE claim ENABLE TRIGGER USER"))
        else:
            connection.execute(text("DROP TRIGGER claim_fixed_columns"))
            connection.execute(text("UPDATE claim SET high = 3.5 WHERE high = 3.0"))
    problem = verify(database).problem
    assert problem is not None and "quantity" in problem.message


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE claim SET point = 2.0 WHERE point IS NOT NULL",
        "UPDATE claim SET low = 0.5 WHERE low IS NOT NULL",
        "UPDATE claim SET high = 9 WHERE high IS NOT NULL",
        "UPDATE claim SET confidence = 0.5 WHERE confidence IS NOT NULL",
    ],
)
def test_raw_sql_rewriting_a_quantity_is_refused(
    question_id: int, database: Database, statement: str
) -> None:
    with pytest.raises(DatabaseError, match="append-only"), database.writing() as session:
        session.execute(text(statement))


def test_the_database_refuses_a_claim_of_both_kinds(question_id: int, database: Database) -> None:
    with pytest.raises(DatabaseError), database.writing() as session:
        session.execute(
            text(
                "INSERT INTO claim (question_id, source_id, probability, point, "
                "probability_basis, quote, made_at, recorded_at, recorded_by) "
                "SELECT question_id, source_id, 0.5, 1.0, 'stated', 'q', made_at, "
                "recorded_at, 'x' FROM claim LIMIT 1"
            )
        )


def test_a_quantity_claim_with_its_question_inline_is_recorded_in_one_request(
    client: TestClient, admin: dict[str, str], editor: dict[str, str], database: Database
) -> None:
    # An accepted extraction candidate of kind quantity ({"low", "high", "unit"}) becomes
    # this body: the unit goes to the new question, the numbers to the claim.
    _post(client, "/api/v1/sources", {"slug": "ifo", "name": "ifo", "kind": "organisation"}, admin)
    body = {
        "source": "ifo",
        "quote": "Smartphone sales will drop 3.2% this year.",
        "made_at": MADE,
        "quantity": {"point": -3.2},
        "question": QUESTION | {"title": "Smartphone sales change in 2026"},
    }
    claim = _post(client, "/api/v1/claims", body, editor)
    question = client.get(f"/api/v1/questions/{claim['question_id']}").json()
    assert (question["kind"], question["unit"]) == ("quantity", "%")
    assert question["claims"][0]["quantity"]["point"] == -3.2
    assert verify(database).ok
