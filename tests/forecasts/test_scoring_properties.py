"""Invariants of the scores and calibration tables, over generated claims."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forecasts.bins import parse_bins
from forecasts.calibration import calibrate_claims, calibration_table, wilson_interval
from forecasts.scoring import SCORE_COLUMNS, score_claims, scores_table
from forecasts.tallies import TALLY_COLUMNS, Tally, tally_claims

# Timings on a shared machine vary too much for a per-example deadline to mean anything.
untimed = settings(deadline=None)

GROUPS = ("alpha", "beta", "gamma")
SPECS = ("tenths", "uniform10", "folded", "0,0.2,0.5,1")
probabilities = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


@st.composite
def claim_frames(draw: st.DrawFn, p: st.SearchStrategy[float] = probabilities) -> pd.DataFrame:
    rows = draw(
        st.lists(st.tuples(st.sampled_from(GROUPS), p, st.integers(0, 1)), min_size=1, max_size=60)
    )
    return pd.DataFrame(rows, columns=["group", "probability", "outcome"])


@untimed
@given(claims=claim_frames(), spec=st.sampled_from(SPECS))
def test_scores_stay_within_their_ranges(claims: pd.DataFrame, spec: str) -> None:
    scores = score_claims(claims, parse_bins(spec))
    assert scores["brier"].between(0.0, 1.0).all()
    assert scores["log_loss"].between(0.0, -math.log(0.001) + 1e-12).all()
    for column in ("ece", "reliability", "resolution", "base_rate", "mean_probability"):
        assert scores[column].between(0.0, 1.0).all(), column
    assert scores["uncertainty"].between(0.0, 0.25).all()
    assert scores["n"].sum() == len(claims)


@untimed
@given(claims=claim_frames(st.sampled_from([k / 10 for k in range(11)])))
def test_brier_equals_reliability_minus_resolution_plus_uncertainty_for_binned_forecasts(
    claims: pd.DataFrame,
) -> None:
    # Stated tenths are constant within each tenths bin, so the decomposition is exact.
    scores = score_claims(claims, parse_bins("tenths"))
    identity = scores["reliability"] - scores["resolution"] + scores["uncertainty"]
    np.testing.assert_allclose(scores["brier"], identity, rtol=0, atol=1e-12)


@untimed
@given(claims=claim_frames(), spec=st.sampled_from(SPECS))
def test_brier_decomposes_with_within_bin_variance_and_covariance_for_any_forecasts(
    claims: pd.DataFrame, spec: str
) -> None:
    # Stephenson et al. (2008): brier = rel - res + unc + WBV - 2 WBC, where WBV and WBC
    # are the within-bin variance of p and covariance of p and y, weighted by n_k / N.
    scheme = parse_bins(spec)
    scores = score_claims(claims, scheme).set_index("group")
    p, y = scheme.fold(
        claims["probability"].to_numpy(dtype=float), claims["outcome"].to_numpy(dtype=float)
    )
    frame = pd.DataFrame({"group": claims["group"], "bin": scheme.assign(p), "p": p, "y": y})
    cell = frame.groupby(["group", "bin"])
    frame["dp"] = frame["p"] - cell["p"].transform("mean")
    frame["dy"] = frame["y"] - cell["y"].transform("mean")
    per_group = frame.groupby("group")
    wbv = per_group.apply(lambda rows: (rows["dp"] ** 2).mean())
    wbc = per_group.apply(lambda rows: (rows["dp"] * rows["dy"]).mean())
    identity = scores["reliability"] - scores["resolution"] + scores["uncertainty"]
    np.testing.assert_allclose(scores["brier"], identity + wbv - 2 * wbc, rtol=0, atol=1e-12)


@untimed
@given(claims=claim_frames())
def test_folding_leaves_brier_and_log_loss_unchanged(claims: pd.DataFrame) -> None:
    plain = score_claims(claims, parse_bins("tenths"))
    folded = score_claims(claims, parse_bins("folded"))
    np.testing.assert_allclose(folded["brier"], plain["brier"], rtol=0, atol=1e-12)
    np.testing.assert_allclose(folded["log_loss"], plain["log_loss"], rtol=0, atol=1e-12)


@untimed
@given(claims=claim_frames())
def test_folded_table_only_holds_probabilities_of_at_least_one_half(claims: pd.DataFrame) -> None:
    table = calibrate_claims(claims, parse_bins("folded"))
    assert (table["mean_probability"] >= 0.5).all()
    assert table["n"].sum() == len(claims)


def test_perfectly_calibrated_forecaster_has_ece_near_zero_and_a_miscalibrated_one_not() -> None:
    rng = np.random.default_rng(20240801)
    p = rng.choice(np.linspace(0.0, 1.0, 11), size=200_000)
    calibrated = pd.DataFrame(
        {"group": "calibrated", "probability": p, "outcome": (rng.random(p.size) < p).astype(int)}
    )
    overconfident = calibrated.assign(
        group="overconfident", outcome=(rng.random(p.size) < 0.5 + 0.6 * (p - 0.5)).astype(int)
    )
    scores = score_claims(pd.concat([calibrated, overconfident]), parse_bins("tenths"))
    ece = scores.set_index("group")["ece"]
    assert ece["calibrated"] < 0.005
    assert ece["overconfident"] > 0.1


def test_calibrated_continuous_forecasts_have_small_ece_in_uniform_bins() -> None:
    rng = np.random.default_rng(7)
    p = rng.random(400_000)
    claims = pd.DataFrame(
        {"group": "g", "probability": p, "outcome": (rng.random(p.size) < p).astype(int)}
    )
    assert score_claims(claims, parse_bins("uniform10"))["ece"].iloc[0] < 0.005


@untimed
@given(n=st.integers(1, 10**7), share=st.floats(0.0, 1.0))
def test_wilson_interval_contains_the_observed_frequency_and_lies_in_the_unit_interval(
    n: int, share: float
) -> None:
    successes = float(round(share * n))
    lower, upper = wilson_interval(np.array([successes]), np.array([float(n)]))
    observed = successes / n
    assert 0.0 <= lower[0] <= observed <= upper[0] <= 1.0
    assert upper[0] - lower[0] > 0.0


@untimed
@given(claims=claim_frames(), spec=st.sampled_from(SPECS))
def test_tally_sums_equal_a_direct_groupby(claims: pd.DataFrame, spec: str) -> None:
    scheme = parse_bins(spec)
    tally = tally_claims(claims, scheme)
    assert list(tally.columns) == list(TALLY_COLUMNS)
    p, y = scheme.fold(
        claims["probability"].to_numpy(dtype=float), claims["outcome"].to_numpy(dtype=float)
    )
    direct = pd.DataFrame(
        {"group": claims["group"], "bin": scheme.assign(p), "p": p, "y": y, "py": p * y}
    )
    expected = direct.groupby(["group", "bin"]).agg(
        n=("p", "size"), sum_p=("p", "sum"), sum_y=("y", "sum"), sum_py=("py", "sum")
    )
    ours = tally.astype({"group": str}).set_index(["group", "bin"])
    pd.testing.assert_frame_equal(
        ours[["n", "sum_p", "sum_y", "sum_py"]], expected, check_dtype=False, atol=1e-12
    )


@untimed
@given(claims=claim_frames(), seed=st.integers(0, 2**32 - 1))
def test_tables_do_not_depend_on_tally_row_order_or_group_dtype(
    claims: pd.DataFrame, seed: int
) -> None:
    # A tally read back from SQL arrives with plain string groups, in any order.
    scheme = parse_bins("tenths")
    tally = tally_claims(claims, scheme)
    from_sql = tally.astype({"group": object}).sample(frac=1.0, random_state=seed)
    pd.testing.assert_frame_equal(scores_table(from_sql), scores_table(tally))
    pd.testing.assert_frame_equal(
        calibration_table(from_sql, scheme), calibration_table(tally, scheme)
    )


@untimed
@given(claims=claim_frames(), spec=st.sampled_from(SPECS))
def test_tables_from_a_tally_equal_tables_from_its_frame(claims: pd.DataFrame, spec: str) -> None:
    scheme = parse_bins(spec)
    tally = Tally.from_claims(claims, scheme)
    frame = tally.to_frame()
    pd.testing.assert_frame_equal(frame, tally_claims(claims, scheme))
    pd.testing.assert_frame_equal(scores_table(tally), scores_table(frame))
    pd.testing.assert_frame_equal(
        calibration_table(tally, scheme), calibration_table(frame, scheme)
    )


def test_a_tally_from_sql_may_hold_empty_cells_and_unused_categories() -> None:
    scheme = parse_bins("tenths")
    claims = pd.DataFrame({"group": ["a", "a", "b"], "probability": [0.1, 0.9, 0.5], "outcome": 1})
    frame = tally_claims(claims, scheme)
    padded = pd.concat(
        [frame.astype({"group": object}), pd.DataFrame([{"group": "c", "bin": 3, "n": 0}])]
    ).fillna(0.0)
    padded["group"] = padded["group"].astype(pd.CategoricalDtype(["a", "b", "c", "d"]))
    scores = scores_table(padded)
    assert scores["group"].tolist() == ["a", "b"]
    assert calibration_table(padded, scheme)["group"].cat.categories.tolist() == ["a", "b"]


@settings(untimed, max_examples=30)
@given(claims=claim_frames(), spec=st.sampled_from(SPECS))
def test_calibration_table_has_one_row_per_nonempty_bin_in_group_then_bin_order(
    claims: pd.DataFrame, spec: str
) -> None:
    scheme = parse_bins(spec)
    table = calibrate_claims(claims, scheme)
    assert (table["n"] > 0).all()
    assert table["n"].sum() == len(claims)
    position = table["bin"].map({label: k for k, label in enumerate(scheme.labels)})
    assert list(zip(table["group"], position, strict=True)) == sorted(
        zip(table["group"], position, strict=True)
    )
    assert (table["bin_lower"] < table["bin_upper"]).all()


def test_score_table_has_the_documented_columns_in_order() -> None:
    claims = pd.DataFrame({"group": ["a"], "probability": [0.7], "outcome": [1]})
    assert tuple(score_claims(claims, parse_bins("tenths")).columns) == SCORE_COLUMNS


def test_groups_with_only_annulled_claims_get_an_empty_row() -> None:
    claims = pd.DataFrame({"group": ["a", "a"], "probability": [0.7, 0.2], "outcome": [1, 0]})
    annulled = pd.Series({"a": 1, "b": 3})
    scores = score_claims(claims, parse_bins("tenths"), annulled).set_index("group")
    assert scores.loc["a", "n_annulled"] == 1
    assert scores.loc["b", "n"] == 0
    assert scores.loc["b", "n_annulled"] == 3
    assert scores.loc["b", SCORE_COLUMNS[3:]].isna().all()


def test_min_n_leaves_out_groups_with_fewer_scored_claims() -> None:
    claims = pd.DataFrame(
        {
            "group": ["a", "a", "a", "b"],
            "probability": [0.7, 0.2, 0.9, 0.4],
            "outcome": [1, 0, 1, 0],
        }
    )
    scheme = parse_bins("tenths")
    annulled = pd.Series({"a": 1, "b": 3, "c": 2})
    assert score_claims(claims, scheme, annulled, min_n=3)["group"].tolist() == ["a"]
    assert calibrate_claims(claims, scheme, min_n=3)["group"].unique().tolist() == ["a"]


def test_brier_skill_is_empty_when_every_outcome_is_the_same() -> None:
    claims = pd.DataFrame({"group": "a", "probability": [0.7, 0.9], "outcome": [1, 1]})
    scores = score_claims(claims, parse_bins("tenths"))
    assert np.isnan(scores["brier_skill"].iloc[0])
    assert scores["brier"].iloc[0] == pytest.approx((0.3**2 + 0.1**2) / 2)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("probability", 1.5, "probability must be within [0, 1]"),
        ("probability", float("nan"), "probability must be within [0, 1]"),
        ("outcome", 2, "outcome must be 0 (no) or 1 (yes)"),
    ],
)
def test_invalid_claims_are_refused_with_the_reason(
    column: str, value: float, message: str
) -> None:
    claims = pd.DataFrame({"group": ["a", "b"], "probability": [0.2, 0.4], "outcome": [0, 1]})
    claims.loc[1, column] = value
    with pytest.raises(ValueError, match=re.escape(message)):
        score_claims(claims, parse_bins("tenths"))


def test_claims_without_a_required_column_are_refused_naming_it() -> None:
    claims = pd.DataFrame({"source": ["a"], "probability": [0.2], "outcome": [0]})
    with pytest.raises(ValueError, match=r"lack the column.*group"):
        score_claims(claims, parse_bins("tenths"))


def test_no_claims_give_empty_tables_with_the_columns() -> None:
    claims = pd.DataFrame(
        {
            "group": pd.Series([], dtype=str),
            "probability": pd.Series([], dtype=float),
            "outcome": pd.Series([], dtype=int),
        }
    )
    scheme = parse_bins("tenths")
    assert score_claims(claims, scheme).empty
    assert calibrate_claims(claims, scheme).empty
    assert tuple(score_claims(claims, scheme).columns) == SCORE_COLUMNS
