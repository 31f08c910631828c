"""GET /api/v1/scales/verbal and POST /api/v1/extract, on both databases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forecasts.domain import Role
from forecasts.probability import known_phrases
from service.demo import demo_article
from service.intake import MAX_TEXT_CHARS
from tests.conftest import bearer

SEED_LABELS = (
    Path(__file__).resolve().parents[1]
    / "extraction"
    / "corpus"
    / "dev"
    / "article-2023-08-01-second-march.labels.json"
)
PUBLISHED = "2023-08-01T16:00:00Z"


def _seed_positives() -> dict[str, str | None]:
    labels = json.loads(SEED_LABELS.read_text(encoding="utf-8"))
    return {entry["sentence"]: entry["speaker"] for entry in labels["positives"]}


def test_verbal_scale_names_its_standard_and_lists_every_phrase(client):
    response = client.get("/api/v1/scales/verbal")
    assert response.status_code == 200
    scale = response.json()
    assert scale["standard"] == "ICD 203 (2015)"
    assert "Intelligence Community Directive 203" in scale["about"]
    phrases = {entry["phrase"]: entry for entry in scale["phrases"]}
    assert sorted(phrases) == known_phrases()
    assert phrases["not possible"]["probability"] == 0.02
    assert phrases["would not be much delayed"]["probability"] == 0.8
    likely = phrases["likely"]
    assert (likely["lower"], likely["probability"], likely["upper"]) == (0.55, 0.7, 0.8)
    probabilities = [entry["probability"] for entry in scale["phrases"]]
    assert probabilities == sorted(probabilities)


def test_verbal_scale_is_open_to_readers_but_not_to_strangers_when_reads_are_private(
    app_factory, keys
):
    with app_factory(public_read=False) as private:
        assert private.get("/api/v1/scales/verbal").status_code == 401
        reader = bearer(keys[Role.reader])
        assert private.get("/api/v1/scales/verbal", headers=reader).status_code == 200


def test_extract_on_the_seed_article_returns_its_labelled_claims_with_speakers(client, editor):
    text = demo_article()
    url = "https://example.com/second-march"
    response = client.post(
        "/api/v1/extract",
        json={"text": text, "url": url, "published_at": PUBLISHED},
        headers=editor,
    )
    assert response.status_code == 200, response.text
    candidates = response.json()["candidates"]
    assert {c["sentence"]: c["speaker"] for c in candidates} == _seed_positives()
    for candidate in candidates:
        assert text[candidate["start"] : candidate["end"]] == candidate["sentence"]
        assert text[candidate["span_start"] : candidate["span_end"]] == candidate["span"]
        assert candidate["url"] == url
        assert 0 < candidate["confidence"] <= 1
    by_phrase = {c["verbal_phrase"]: c for c in candidates}
    assert by_phrase["not possible"]["probability"] == 0.02
    assert by_phrase["not possible"]["probability_basis"] == "verbal"
    assert by_phrase["cannot be pushed back"]["probability"] == 0.95


def test_extract_adds_kind_quantity_condition_speakers_and_why_a_probability_is_missing(
    client, editor
):
    text = (
        "Ama Reyes, Ben Ode and Cy Lam all agreed that sales would fall 3.2-3.5% next year. "
        "Tom Ruiz said the party would likely win if turnout was high. "
        'Mr. Okia said: "I put the odds of a recession around 35-40% over the next year, '
        'but the odds of a slowdown are close to 100%."'
    )
    response = client.post(
        "/api/v1/extract",
        json={"text": text, "published_at": "2024-05-20T09:00:00Z"},
        headers=editor,
    )
    assert response.status_code == 200, response.text
    sales, party, odds = response.json()["candidates"]
    assert (sales["kind"], sales["quantity"]) == (
        "quantity",
        {"low": -3.5, "high": -3.2, "unit": "% change"},
    )
    assert sales["probability"] is None and "number" in sales["probability_reason"]
    assert sales["speaker"] == "Ama Reyes"
    assert sales["speakers"] == ["Ama Reyes", "Ben Ode", "Cy Lam"]
    assert sales["deadline"] == "2026-01-01T00:00:00Z"
    assert (party["kind"], party["probability"], party["condition"]) == (
        "probability",
        0.7,
        "if turnout was high",
    )
    assert party["speakers"] == [] and party["probability_reason"] is None
    assert (odds["probability"], odds["speaker"]) == (0.375, "Okia")


def test_extract_resolves_deadlines_against_the_publication_time(client, editor):
    text = "Ana Ruiz said the central bank will almost certainly cut rates by the end of the year."
    dated = client.post(
        "/api/v1/extract",
        json={"text": text, "published_at": "2024-05-20T09:00:00+02:00"},
        headers=editor,
    ).json()["candidates"]
    assert len(dated) == 1
    assert dated[0]["deadline_phrase"] == "by the end of the year"
    assert dated[0]["deadline"] == "2025-01-01T00:00:00Z"
    undated = client.post("/api/v1/extract", json={"text": text}, headers=editor).json()
    assert undated["candidates"][0]["deadline"] is None


def test_extract_needs_an_editor(client, keys):
    body = {"text": demo_article()}
    assert client.post("/api/v1/extract", json=body).status_code == 401
    reviewer = bearer(keys[Role.reviewer])
    assert client.post("/api/v1/extract", json=body, headers=reviewer).status_code == 403
    admin = bearer(keys[Role.admin])
    assert client.post("/api/v1/extract", json=body, headers=admin).status_code == 200


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({}, "text", "Field required"),
        ({"text": "   \n"}, "text", "is empty"),
        ({"text": "x" * (MAX_TEXT_CHARS + 1)}, "text", "send the article in parts"),
        ({"text": 42}, "text", "valid string"),
        (
            {"text": "It will rain.", "published_at": "2024-05-20T09:00:00"},
            "published_at",
            "timezone",
        ),
        ({"text": "It will rain.", "published_at": "yesterday"}, "published_at", "datetime"),
        ({"text": "It will rain.", "url": "javascript:alert(1)"}, "url", "https://"),
        ({"text": "It will rain.", "author": "me"}, "author", "Extra inputs"),
    ],
)
def test_extract_refuses_bad_input_naming_the_field(client, editor, body, field, words):
    response = client.post("/api/v1/extract", json=body, headers=editor)
    assert response.status_code == 422, response.text
    problems = response.json()["detail"]
    assert any(p["loc"] == ["body", field] and words in p["msg"] for p in problems), problems


def test_extract_refuses_a_body_over_the_size_limit_with_413(app_factory, editor):
    with app_factory(max_body_bytes=64 * 1024) as small:
        response = small.post(
            "/api/v1/extract", json={"text": "It will rain. " * 10_000}, headers=editor
        )
    assert response.status_code == 413
    assert "SOOTH_MAX_BODY_BYTES" in response.json()["detail"]


def test_extract_is_documented_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    post = paths["/api/v1/extract"]["post"]
    assert post["summary"] and "nothing is recorded" in post["description"]
    assert "413" in post["responses"]
    assert "ICD 203" in paths["/api/v1/scales/verbal"]["get"]["description"]
