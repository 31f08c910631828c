"""Scores and the uniform10 calibration table agree with scikit-learn, group by group."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss, log_loss

from forecasts.bins import parse_bins
from forecasts.calibration import calibrate_claims
from forecasts.scoring import score_claims

TOLERANCE = 1e-9

# Values on or next to the uniform10 cuts, where an edge convention shows itself.
EDGE_VALUES = np.concatenate(
    [np.linspace(0.0, 1.0, 11), np.round(np.linspace(0.0, 1.0, 11), 1), [0.0, 1.0, 0.3, 0.7]]
)


def random_claims(seed: int, n_groups: int = 80) -> pd.DataFrame:
    """Claims from groups of very different sizes, mixing round, edge and arbitrary p."""
    rng = np.random.default_rng(seed)
    sizes = rng.integers(1, 400, size=n_groups)
    groups = np.repeat([f"source-{k}" for k in range(n_groups)], sizes)
    n = len(groups)
    kind = rng.integers(0, 3, size=n)
    probabilities = np.select(
        [kind == 0, kind == 1],
        [rng.random(n), rng.choice(EDGE_VALUES, size=n)],
        np.round(rng.random(n), 2),
    )
    skew = rng.uniform(0.5, 2.0, size=n_groups)[np.repeat(np.arange(n_groups), sizes)]
    outcomes = (rng.random(n) < probabilities**skew).astype(int)
    frame = pd.DataFrame({"group": groups, "probability": probabilities, "outcome": outcomes})
    return frame.sample(frac=1.0, random_state=seed).reset_index(drop=True)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_brier_and_log_loss_match_sklearn_for_every_group(seed: int) -> None:
    claims = random_claims(seed)
    scores = score_claims(claims, parse_bins("tenths")).set_index("group")
    assert len(scores) == claims["group"].nunique()
    for group, rows in claims.groupby("group"):
        y, p = rows["outcome"].to_numpy(), rows["probability"].to_numpy()
        expected_brier = brier_score_loss(y, p, labels=[0, 1])
        expected_log_loss = log_loss(y, np.clip(p, 0.001, 0.999), labels=[0, 1])
        assert scores.at[group, "n"] == len(rows)
        assert scores.at[group, "brier"] == pytest.approx(expected_brier, abs=TOLERANCE)
        assert scores.at[group, "log_loss"] == pytest.approx(expected_log_loss, abs=TOLERANCE)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_uniform10_table_matches_sklearn_calibration_curve_for_every_group(seed: int) -> None:
    claims = random_claims(seed)
    table = calibrate_claims(claims, parse_bins("uniform10"))
    for group, rows in claims.groupby("group"):
        y, p = rows["outcome"].to_numpy(), rows["probability"].to_numpy()
        observed, predicted = calibration_curve(y, p, n_bins=10, strategy="uniform")
        ours = table[table["group"] == group]
        np.testing.assert_allclose(ours["mean_probability"], predicted, rtol=0, atol=TOLERANCE)
        np.testing.assert_allclose(ours["observed_frequency"], observed, rtol=0, atol=TOLERANCE)
        assert ours["n"].sum() == len(rows)


def test_uniform10_puts_a_probability_on_a_cut_in_the_bin_below_as_sklearn_does() -> None:
    claims = pd.DataFrame({"group": "a", "probability": [0.1, 0.2, 0.30000000000000004, 0.3]})
    claims["outcome"] = 1
    table = calibrate_claims(claims, parse_bins("uniform10"))
    assert table["bin"].tolist() == ["[0, 0.1]", "(0.1, 0.2]", "(0.2, 0.3]"]
    assert table["n"].tolist() == [1, 1, 2]


@pytest.mark.parametrize("seed", [3, 4])
def test_murphy_terms_and_ece_match_a_direct_per_group_computation(seed: int) -> None:
    claims = random_claims(seed, n_groups=30)
    scheme = parse_bins("uniform10")
    scores = score_claims(claims, scheme).set_index("group")
    cuts = np.linspace(0.0, 1.0, 11)[1:-1]
    for group, rows in claims.groupby("group"):
        y, p = rows["outcome"].to_numpy(), rows["probability"].to_numpy()
        observed, predicted = calibration_curve(y, p, n_bins=10, strategy="uniform")
        counts = np.bincount(np.searchsorted(cuts, p), minlength=10)
        weights = counts[counts > 0] / len(p)
        base_rate = y.mean()
        expected = {
            "base_rate": base_rate,
            "mean_probability": p.mean(),
            "reliability": np.sum(weights * (predicted - observed) ** 2),
            "resolution": np.sum(weights * (observed - base_rate) ** 2),
            "uncertainty": base_rate * (1 - base_rate),
            "ece": np.sum(weights * np.abs(predicted - observed)),
            "calibration_in_the_large": p.mean() - base_rate,
        }
        for column, value in expected.items():
            assert scores.at[group, column] == pytest.approx(value, abs=TOLERANCE), column
        if 0 < base_rate < 1:
            skill = 1 - brier_score_loss(y, p) / (base_rate * (1 - base_rate))
            assert scores.at[group, "brier_skill"] == pytest.approx(skill, abs=TOLERANCE)
        else:
            assert scores.loc[[group], "brier_skill"].isna().all()


def test_wilson_interval_matches_scipy() -> None:
    from scipy.stats import binomtest

    table = calibrate_claims(random_claims(5, n_groups=10), parse_bins("tenths"))
    n = table["n"].to_numpy()
    successes = np.rint(table["observed_frequency"].to_numpy() * n).astype(int)
    for k, size, low, high in zip(successes, n, table["ci_lower"], table["ci_upper"], strict=True):
        interval = binomtest(int(k), int(size)).proportion_ci(method="wilson")
        assert low == pytest.approx(interval.low, abs=TOLERANCE)
        assert high == pytest.approx(interval.high, abs=TOLERANCE)
