"""The report routes on the known ledger of conftest.py, on SQLite and PostgreSQL.

Expected values are worked out by hand in the comments and checked against scikit-learn.
"""

from __future__ import annotations

import csv
import io
import math
import struct
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sklearn.metrics import brier_score_loss, log_loss

from tests.factories import T0
from tests.reports.conftest import HOSTILE_NAME, Ledger

SCORES = "/api/v1/reports/scores"
CALIBRATION = "/api/v1/reports/calibration"
TOLERANCE = 1e-12

# (p, y) of each source's scored claims under the default rules:
#   alice: q1 latest 0.6 (yes), q2 0.3 (no; her later 0.99 was retracted), q3 0.7 (no: the
#          corrected resolution counts); q4 annulled, q5 open and q6 due are not scored.
#   bob:   q1 0.4 (yes), q2 0.2 (no).  carol: q1 0.9 (yes).
SCORED = {
    "alice": [(0.6, 1), (0.3, 0), (0.7, 0)],
    "bob": [(0.4, 1), (0.2, 0)],
    "carol": [(0.9, 1)],
}


def _rows(client: TestClient, path: str, **params: Any) -> dict[str, dict[str, Any]]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return {row["group"]: row for row in response.json()}


def _sklearn(pairs: list[tuple[float, int]]) -> tuple[float, float]:
    p = [pair[0] for pair in pairs]
    y = [pair[1] for pair in pairs]
    return (
        float(brier_score_loss(y, p, labels=[0, 1])),
        float(log_loss(y, p, labels=[0, 1])),
    )


def test_scores_match_hand_computation_and_sklearn(client: TestClient, ledger: Ledger) -> None:
    rows = _rows(client, SCORES)
    assert sorted(rows) == ["alice", "bob", "carol", "dave"]
    alice = rows["alice"]
    # brier = ((0.6 - 1)^2 + 0.3^2 + 0.7^2) / 3 = (0.16 + 0.09 + 0.49) / 3
    assert alice["n"] == 3 and alice["n_annulled"] == 1
    assert alice["brier"] == pytest.approx(0.74 / 3, abs=TOLERANCE)
    assert alice["log_loss"] == pytest.approx(
        -(math.log(0.6) + math.log(0.7) + math.log(0.3)) / 3, abs=TOLERANCE
    )
    assert alice["base_rate"] == pytest.approx(1 / 3, abs=TOLERANCE)
    assert alice["mean_probability"] == pytest.approx(1.6 / 3, abs=TOLERANCE)
    assert alice["calibration_in_the_large"] == pytest.approx(0.6 / 3, abs=TOLERANCE)
    # brier_skill = 1 - brier / (1/3 * 2/3)
    assert alice["brier_skill"] == pytest.approx(1 - (0.74 / 3) / (2 / 9), abs=TOLERANCE)
    # tenths: 0.6 and 0.3 and 0.7 each alone in their bin, so reliability = brier.
    assert alice["reliability"] == pytest.approx(alice["brier"], abs=TOLERANCE)
    assert alice["ece"] == pytest.approx((0.4 + 0.3 + 0.7) / 3, abs=TOLERANCE)
    for slug, pairs in SCORED.items():
        brier, logloss = _sklearn(pairs)
        assert rows[slug]["n"] == len(pairs)
        assert rows[slug]["brier"] == pytest.approx(brier, abs=TOLERANCE)
        assert rows[slug]["log_loss"] == pytest.approx(logloss, abs=TOLERANCE)


def test_source_rows_carry_slug_and_name(client: TestClient, ledger: Ledger) -> None:
    rows = _rows(client, SCORES)
    assert rows["alice"]["source"] == "alice"
    assert rows["alice"]["source_name"] == "Alice Analyst"
    assert rows["carol"]["source_name"] == HOSTILE_NAME


def test_missing_values_are_json_null(client: TestClient, ledger: Ledger) -> None:
    rows = _rows(client, SCORES)
    # carol's one claim came true: base rate 1, so no skill score.
    assert rows["carol"]["brier_skill"] is None
    # dave's only claim is on an annulled question: counted, nothing scored.
    dave = rows["dave"]
    assert dave["n"] == 0 and dave["n_annulled"] == 1
    assert dave["brier"] is None and dave["log_loss"] is None and dave["ece"] is None


def test_all_claims_scores_every_claim_not_only_the_latest(
    client: TestClient, ledger: Ledger
) -> None:
    rows = _rows(client, SCORES, all_claims="true")
    # alice's earlier q1 claim of 0.8 (yes) joins: n = 4, brier = (0.04 + 0.74) / 4.
    assert rows["alice"]["n"] == 4
    assert rows["alice"]["brier"] == pytest.approx(0.78 / 4, abs=TOLERANCE)
    _, logloss = _sklearn([(0.8, 1), *SCORED["alice"]])
    assert rows["alice"]["log_loss"] == pytest.approx(logloss, abs=TOLERANCE)
    # The retracted 0.99 stays out either way.
    assert rows["bob"]["n"] == 2


def test_group_by_tag_counts_a_claim_once_in_each_tag(client: TestClient, ledger: Ledger) -> None:
    rows = _rows(client, SCORES, group_by="tag")
    assert sorted(rows) == ["economy", "politics"]
    # politics: q1 (alice 0.6, bob 0.4, carol 0.9; yes) and q2 (alice 0.3, bob 0.2; no).
    politics = [(0.6, 1), (0.4, 1), (0.9, 1), (0.3, 0), (0.2, 0)]
    # economy: q2 (alice 0.3, bob 0.2; no), q3 (alice 0.7; no), q4 annulled (alice, dave).
    economy = [(0.3, 0), (0.2, 0), (0.7, 0)]
    assert rows["politics"]["n"] == 5 and rows["politics"]["n_annulled"] == 0
    assert rows["economy"]["n"] == 3 and rows["economy"]["n_annulled"] == 2
    assert rows["politics"]["tag"] == "politics"
    assert "source" not in rows["politics"]
    for tag, pairs in (("politics", politics), ("economy", economy)):
        brier, logloss = _sklearn(pairs)
        assert rows[tag]["brier"] == pytest.approx(brier, abs=TOLERANCE)
        assert rows[tag]["log_loss"] == pytest.approx(logloss, abs=TOLERANCE)
    # economy's outcomes are all no: base rate 0, no skill score.
    assert rows["economy"]["brier_skill"] is None


def test_group_by_source_and_tag(client: TestClient, ledger: Ledger) -> None:
    rows = _rows(client, SCORES, group_by="source,tag")
    counts = {group: (row["n"], row["n_annulled"]) for group, row in rows.items()}
    assert counts == {
        "alice/economy": (2, 1),
        "alice/politics": (2, 0),
        "bob/economy": (1, 0),
        "bob/politics": (2, 0),
        "carol/politics": (1, 0),
        "dave/economy": (0, 1),
    }
    row = rows["alice/economy"]
    assert (row["source"], row["source_name"], row["tag"]) == ("alice", "Alice Analyst", "economy")
    # alice in economy: q2 0.3 (no), q3 0.7 (no).
    assert row["brier"] == pytest.approx((0.09 + 0.49) / 2, abs=TOLERANCE)


def test_source_and_tag_filters(client: TestClient, ledger: Ledger) -> None:
    assert sorted(_rows(client, SCORES, source="bob")) == ["bob"]
    two = client.get(SCORES, params=[("source", "bob"), ("source", "carol")])
    assert sorted(row["group"] for row in two.json()) == ["bob", "carol"]
    politics = _rows(client, SCORES, tag="politics")
    assert {g: r["n"] for g, r in politics.items()} == {"alice": 2, "bob": 2, "carol": 1}
    # Grouping by tag with a tag filter shows only the tags asked for.
    only = _rows(client, SCORES, group_by="tag", tag="economy")
    assert sorted(only) == ["economy"] and only["economy"]["n"] == 3


def test_made_window_is_applied_before_the_latest_claim_is_chosen(
    client: TestClient, ledger: Ledger
) -> None:
    before = (T0 + timedelta(days=1)).isoformat()
    rows = _rows(client, SCORES, made_before=before, source="alice")
    # Only claims made at T0: on q1 her 0.8 is then the latest; q2 0.3; q3 0.7.
    assert rows["alice"]["n"] == 3
    assert rows["alice"]["brier"] == pytest.approx((0.04 + 0.09 + 0.49) / 3, abs=TOLERANCE)
    after = _rows(client, SCORES, made_after=(T0 + timedelta(days=1)).isoformat())
    # Only alice's q1 0.6 (T0 + 5 days); the retracted 0.99 does not count.
    assert {g: r["n"] for g, r in after.items()} == {"alice": 1}


def test_resolved_window_uses_the_current_resolution(client: TestClient, ledger: Ledger) -> None:
    after = (ledger.resolved + timedelta(days=1)).isoformat()
    rows = _rows(client, SCORES, resolved_after=after)
    # Only q3, whose current resolution (no) was recorded five days after the others.
    assert {g: r["n"] for g, r in rows.items()} == {"alice": 1}
    assert rows["alice"]["brier"] == pytest.approx(0.49, abs=TOLERANCE)
    before = _rows(client, SCORES, resolved_before=after)
    assert before["alice"]["n"] == 2 and before["alice"]["n_annulled"] == 1


def test_min_n_leaves_out_small_groups(client: TestClient, ledger: Ledger) -> None:
    rows = _rows(client, SCORES, min_n=2)
    assert sorted(rows) == ["alice", "bob"]
    assert sorted(_rows(client, CALIBRATION, min_n=3)) == ["alice"]
    assert _rows(client, SCORES, min_n=4) == {}


def test_calibration_table_bins_and_wilson_interval(client: TestClient, ledger: Ledger) -> None:
    response = client.get(CALIBRATION, params={"source": "bob"})
    assert response.status_code == 200
    rows = response.json()
    # bob: 0.2 (no) in the 20% bin, 0.4 (yes) in the 40% bin.
    assert [(r["bin"], r["n"], r["observed_frequency"]) for r in rows] == [
        ("20%", 1, 0.0),
        ("40%", 1, 1.0),
    ]
    assert rows[0]["bin_lower"] == 0.15 and rows[0]["bin_upper"] == 0.25
    # Wilson 95% for 0 of 1: (0, z^2 / (1 + z^2)).
    z2 = 1.959963984540054**2
    assert rows[0]["ci_lower"] == 0.0
    assert rows[0]["ci_upper"] == pytest.approx(z2 / (1 + z2), abs=TOLERANCE)
    assert rows[1]["ci_lower"] == pytest.approx(1 / (1 + z2), abs=TOLERANCE)
    assert rows[0]["source_name"] == "Bob Pundit"


def test_folded_bins_flip_forecasts_below_half(client: TestClient, ledger: Ledger) -> None:
    response = client.get(CALIBRATION, params={"source": "bob", "bins": "folded"})
    rows = response.json()
    # 0.2 (no) becomes 0.8 (yes); 0.4 (yes) becomes 0.6 (no).
    assert [(r["bin"], r["mean_probability"], r["observed_frequency"]) for r in rows] == [
        ("60%", pytest.approx(0.6), 0.0),
        ("80%", pytest.approx(0.8), 1.0),
    ]
    folded = _rows(client, SCORES, bins="folded")
    plain = _rows(client, SCORES)
    for slug in SCORED:
        assert folded[slug]["brier"] == pytest.approx(plain[slug]["brier"], abs=TOLERANCE)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"bins": "0,0.5"}, "bins"),
        ({"bins": "0,0.6,0.5,1"}, "bins"),
        ({"bins": "thirds"}, "bins"),
        ({"group_by": "question"}, "group_by"),
        ({"made_after": "2026-01-01T00:00:00"}, "made_after"),
        ({"resolved_before": "not a date"}, "resolved_before"),
        (
            {"made_after": "2026-02-01T00:00:00Z", "made_before": "2026-01-01T00:00:00Z"},
            "made_before",
        ),
        ({"min_n": "-1"}, "min_n"),
        ({"all_claims": "perhaps"}, "all_claims"),
        ({"source": "nobody"}, "source"),
        ({"tag": "Not A Tag!"}, "tag"),
    ],
)
@pytest.mark.parametrize("path", [SCORES, f"{CALIBRATION}.csv"])
def test_bad_parameters_are_422_naming_the_parameter(
    client: TestClient, path: str, params: dict[str, str], field: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    locations = [error["loc"] for error in response.json()["detail"]]
    assert ["query", field] in locations, locations


def test_reports_are_open_to_readers_without_a_key(app_factory: Any, ledger: Ledger) -> None:
    with app_factory(public_read=True) as public:
        assert public.get(SCORES).status_code == 200
    with app_factory(public_read=False) as private:
        assert private.get(SCORES).status_code == 401
        assert private.get("/api/v1/sources/alice/calibration.png").status_code == 401


def test_empty_ledger_gives_empty_reports(client: TestClient) -> None:
    assert client.get(SCORES).json() == []
    assert client.get(CALIBRATION).json() == []
    body = client.get(f"{SCORES}.csv").text
    assert body.splitlines()[0].startswith("group,source,source_name,n,n_annulled,")
    assert len(body.splitlines()) == 1


# --- CSV -------------------------------------------------------------------------------


def _csv(client: TestClient, path: str, **params: Any) -> list[dict[str, str]]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment; filename=") and disposition.endswith('.csv"')
    return list(csv.DictReader(io.StringIO(response.text, newline="")))


def test_csv_holds_the_same_rows_as_json(client: TestClient, ledger: Ledger) -> None:
    for path in (SCORES, CALIBRATION):
        for group_by in ("source", "tag", "source,tag"):
            rows = client.get(path, params={"group_by": group_by}).json()
            table = _csv(client, f"{path}.csv", group_by=group_by)
            assert len(table) == len(rows)
            for json_row, csv_row in zip(rows, table, strict=True):
                assert list(csv_row) == list(json_row)
                for name, value in json_row.items():
                    if value is None:
                        assert csv_row[name] == ""
                    elif isinstance(value, float):
                        # Full precision: the CSV number reads back as the same double.
                        assert float(csv_row[name]) == value
                    elif name != "source_name":
                        assert csv_row[name] == str(value)


def test_csv_makes_a_formula_name_inert_and_keeps_numbers_numbers(
    client: TestClient, ledger: Ledger
) -> None:
    rows = {row["group"]: row for row in _csv(client, f"{SCORES}.csv")}
    assert rows["carol"]["source_name"] == "'" + HOSTILE_NAME
    # bob's calibration_in_the_large is 0.3 - 0.5 = -0.2: a number, not text.
    assert rows["bob"]["calibration_in_the_large"].startswith("-")
    assert float(rows["bob"]["calibration_in_the_large"]) == pytest.approx(-0.2)
    assert rows["carol"]["brier_skill"] == ""
    assert "nan" not in client.get(f"{SCORES}.csv").text.lower()
    calibration = _csv(client, f"{CALIBRATION}.csv", source="carol")
    assert calibration[0]["source_name"] == "'" + HOSTILE_NAME


@pytest.mark.parametrize(
    "name",
    ["+SUM(A1:A9)", "-2+3", "@cmd", "\tTabbed", "\rcarriage", "line\nfeed", 'quote " comma,'],
)
def test_csv_neutralises_every_trigger(
    client: TestClient, editor: dict[str, str], reviewer: dict[str, str], name: str
) -> None:
    response = client.post(
        "/api/v1/sources", json={"slug": "hostile", "name": name, "kind": "person"}, headers=editor
    )
    assert response.status_code == 201, response.text
    stored = response.json()["name"]
    body = {
        "source": "hostile",
        "probability": 0.7,
        "quote": "It will.",
        "made_at": "2026-01-01T00:00:00Z",
        # Recorded after the deadline, so scored on the strength of its article.
        "citation_url": "https://news.example/it-will",
        "published_at": "2026-01-01T00:00:00Z",
        "question": {
            "title": "Will it?",
            "resolution_criteria": "Yes if it does.",
            "deadline": "2026-01-31T00:00:00Z",
        },
    }
    claim = client.post("/api/v1/claims", json=body, headers=editor)
    assert claim.status_code == 201, claim.text
    question_id = claim.json()["question_id"]
    resolved = client.post(
        f"/api/v1/questions/{question_id}/resolutions", json={"outcome": "yes"}, headers=reviewer
    )
    assert resolved.status_code == 201, resolved.text
    (row,) = _csv(client, f"{SCORES}.csv")
    expected = "'" + stored if stored[:1] in ("=", "+", "-", "@", "\t", "\r", "\n") else stored
    assert row["source_name"] == expected
    assert row["n"] == "1"


# --- the chart ---------------------------------------------------------------------------


def _png_size(body: bytes) -> tuple[int, int]:
    assert body[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", body[16:24])
    return width, height


def test_calibration_chart_is_an_800_by_600_png(client: TestClient, ledger: Ledger) -> None:
    for slug in ("alice", "carol", "dave"):
        response = client.get(f"/api/v1/sources/{slug}/calibration.png")
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "image/png"
        assert _png_size(response.content) == (800, 600)
    folded = client.get("/api/v1/sources/alice/calibration.png", params={"bins": "folded"})
    assert folded.status_code == 200 and _png_size(folded.content) == (800, 600)


def test_chart_of_unknown_source_is_404_and_bad_bins_422(
    client: TestClient, ledger: Ledger
) -> None:
    missing = client.get("/api/v1/sources/nobody/calibration.png")
    assert missing.status_code == 404
    assert missing.json()["detail"][0]["loc"][-1] == "slug"
    bad = client.get("/api/v1/sources/alice/calibration.png", params={"bins": "0,1,0.5"})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["query", "bins"]


def test_openapi_documents_the_definitions(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (SCORES, f"{SCORES}.csv", CALIBRATION, f"{CALIBRATION}.csv"):
        text = paths[path]["get"]["description"]
        for term in ("brier", "log_loss", "brier_skill", "reliability", "ece", "Wilson"):
            assert term in text, (path, term)
        for term in ("tenths", "uniform10", "folded", "calibration_in_the_large"):
            assert term in text, (path, term)
    assert (
        "image/png"
        in paths["/api/v1/sources/{slug}/calibration.png"]["get"]["responses"]["200"]["content"]
    )
