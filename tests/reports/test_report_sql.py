"""The SQL tally agrees with the in-memory core and scikit-learn, bin for bin, on both databases.

Probabilities are drawn to sit on and next to every scheme's cuts (a stated 0.15, 0.45
folded to 0.55, linspace's 0.30000000000000004), where a SQL CASE and numpy's
searchsorted could disagree by one bin.
"""

from __future__ import annotations

import math
import sqlite3
from datetime import timedelta

import numpy as np
import pandas as pd
import pytest
from fastapi.testclient import TestClient
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss, log_loss

from forecasts.bins import parse_bins
from forecasts.calibration import calibrate_claims
from forecasts.domain import Outcome
from forecasts.scoring import score_claims
from forecasts.track_record import source_scored_claims
from service.database import Database, give_ln
from tests.factories import T0, make_claim, make_question, make_resolution, make_source
from tests.reports.conftest import Ledger

TOLERANCE = 1e-12
SCHEMES = ["tenths", "uniform10", "folded", "0,0.2,0.5,1", "0,0.3,0.7,1"]

EDGE_VALUES = np.unique(
    np.concatenate(
        [
            np.linspace(0.0, 1.0, 11),
            np.round(np.linspace(0.0, 1.0, 21), 2),
            [0.075, 0.925, 0.45, 0.55, 0.35, 0.65, 0.2, 0.5, 0.3, 0.7, 0.001, 0.999],
            1.0 - np.array([0.45, 0.35, 0.25, 0.15, 0.075]),
            # Within 1e-12 of a folded cut: the fold rounds these onto the cut.
            np.array([0.45, 0.35, 0.25, 0.15, 0.075]) + 1e-13,
        ]
    )
)


def build_random_ledger(database: Database, seed: int) -> pd.DataFrame:
    """Sources, tagged questions and claims through the services; one row per scored claim.

    Each source claims on about half of the questions, sometimes twice (only the later
    claim counts); a tenth of the questions stay open and a sixth are annulled.
    """
    rng = np.random.default_rng(seed)
    scored: list[dict[str, object]] = []
    with database.writing() as session:
        sources = [make_source(session, f"s{k}", name=f"Source {k}") for k in range(6)]
        for index in range(36):
            count = int(rng.integers(1, 3))
            tags = sorted(str(t) for t in rng.choice(["alpha", "beta", "gamma"], count, False))
            question = make_question(session, tags=tags)
            fate = rng.random()
            outcome = (
                None
                if fate < 0.1
                else Outcome.annulled
                if fate < 0.25
                else Outcome.yes
                if rng.random() < 0.5
                else Outcome.no
            )
            for source in sources:
                if rng.random() < 0.5:
                    continue
                if rng.random() < 0.2:
                    make_claim(session, source, question, float(rng.random()))
                probability = float(rng.choice(EDGE_VALUES) if rng.random() < 0.7 else rng.random())
                made_at = T0 + timedelta(days=1, minutes=index)
                make_claim(session, source, question, probability, made_at=made_at)
                if outcome in (Outcome.yes, Outcome.no):
                    scored.append(
                        {
                            "source": source.slug,
                            "tags": tags,
                            "probability": probability,
                            "outcome": int(outcome is Outcome.yes),
                        }
                    )
            if outcome is not None:
                make_resolution(session, question, outcome)
        # And one source stating every edge value once, so each is sure to be binned.
        edges = make_source(session, "edges", name="Edges")
        for index, probability in enumerate(EDGE_VALUES.tolist()):
            question = make_question(session, tags=["alpha"])
            make_claim(session, edges, question, probability)
            outcome = Outcome.yes if index % 2 else Outcome.no
            make_resolution(session, question, outcome)
            scored.append(
                {
                    "source": edges.slug,
                    "tags": ["alpha"],
                    "probability": probability,
                    "outcome": int(outcome is Outcome.yes),
                }
            )
    return pd.DataFrame(scored)


def test_sql_tally_matches_the_in_memory_core_for_every_scheme_and_grouping(
    client: TestClient, database: Database
) -> None:
    claims = build_random_ledger(database, seed=3)
    tagged = claims.explode("tags")
    inputs = {
        "source": claims.assign(group=claims["source"]),
        "tag": tagged.assign(group=tagged["tags"]),
        "source,tag": tagged.assign(group=tagged["source"] + "/" + tagged["tags"]),
    }
    for bins in SCHEMES:
        scheme = parse_bins(bins)
        for group_by, frame in inputs.items():
            params = {"bins": bins, "group_by": group_by}
            frame = frame[["group", "probability", "outcome"]]
            expected_scores = score_claims(frame, scheme).set_index("group")
            expected_table = calibrate_claims(frame, scheme)
            got = pd.DataFrame(client.get("/api/v1/reports/scores", params=params).json())
            got = got[got["n"] > 0].set_index("group")
            assert list(got.index) == list(expected_scores.index), (bins, group_by)
            assert list(got["n"]) == list(expected_scores["n"]), (bins, group_by)
            for column in expected_scores.columns.drop(["n", "n_annulled"]):
                assert np.allclose(
                    got[column].astype(float),
                    expected_scores[column].astype(float),
                    rtol=0,
                    atol=TOLERANCE,
                    equal_nan=True,
                ), (bins, group_by, column)
            table = pd.DataFrame(client.get("/api/v1/reports/calibration", params=params).json())
            # The same claims in the same bins: a CASE in SQL and searchsorted agree exactly.
            assert list(zip(table["group"], table["bin"], table["n"], strict=True)) == list(
                zip(
                    expected_table["group"].astype(str),
                    expected_table["bin"].astype(str),
                    expected_table["n"],
                    strict=True,
                )
            ), (bins, group_by)
            for column in ("mean_probability", "observed_frequency", "ci_lower", "ci_upper"):
                assert np.allclose(table[column], expected_table[column], rtol=0, atol=TOLERANCE), (
                    bins,
                    group_by,
                    column,
                )


def test_scores_and_uniform10_table_match_sklearn_per_source(
    client: TestClient, database: Database
) -> None:
    claims = build_random_ledger(database, seed=11)
    scores = {
        row["group"]: row
        for row in client.get("/api/v1/reports/scores", params={"bins": "uniform10"}).json()
    }
    table = pd.DataFrame(
        client.get("/api/v1/reports/calibration", params={"bins": "uniform10"}).json()
    )
    for slug, rows in claims.groupby("source"):
        y, p = rows["outcome"].to_numpy(), rows["probability"].to_numpy()
        assert scores[slug]["n"] == len(rows)
        assert scores[slug]["brier"] == pytest.approx(
            brier_score_loss(y, p, labels=[0, 1]), abs=1e-9
        )
        assert scores[slug]["log_loss"] == pytest.approx(
            log_loss(y, np.clip(p, 0.001, 0.999), labels=[0, 1]), abs=1e-9
        )
        frequency, mean_p = calibration_curve(y, p, n_bins=10, strategy="uniform")
        mine = table[table["group"] == slug]
        assert np.allclose(mine["observed_frequency"], frequency, rtol=0, atol=1e-9)
        assert np.allclose(mine["mean_probability"], mean_p, rtol=0, atol=1e-9)


def test_source_scored_claims_lists_what_counts_with_each_brier_term(
    database: Database, ledger: Ledger
) -> None:
    with database.reading() as session:
        claims = source_scored_claims(session=session, slug="alice")
    assert [(c.question_id, c.probability, c.outcome) for c in claims] == [
        (ledger.questions["q1"], 0.6, Outcome.yes),
        (ledger.questions["q3"], 0.7, Outcome.no),
        (ledger.questions["q2"], 0.3, Outcome.no),
    ]
    assert [c.brier for c in claims] == pytest.approx([0.16, 0.49, 0.09])
    assert claims[0].log_loss == pytest.approx(-math.log(0.6))
    assert claims[1].resolved_at == ledger.corrected
    assert claims[0].question_title.startswith("Will event")
    with database.reading() as session:
        every = source_scored_claims(session=session, slug="alice", all_claims=True)
    assert len(every) == 4


def test_ln_can_be_given_to_a_sqlite_built_without_math_functions() -> None:
    connection = sqlite3.connect(":memory:")
    give_ln(connection)
    value, nothing = connection.execute("SELECT ln(2.0), ln(0.0)").fetchone()
    assert value == math.log(2.0) and nothing is None
