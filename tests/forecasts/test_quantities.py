"""Quantity claims: which are well formed, and their figures against independent computations.

The interval score is checked against the scoringrules package, the errors against numpy
written out per claim, and the hit rate's interval against the Wilson formula.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import pytest
import scoringrules
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from forecasts.domain import DomainError
from forecasts.quantities import (
    check_quantity,
    claim_scores,
    error_in_words,
    quantity_table,
)
from forecasts.schemas import Quantity

finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)
not_finite = st.sampled_from([math.inf, -math.inf, math.nan])


def _problem(**fields: float) -> DomainError | ValidationError | None:
    """What refuses these fields, parsed as the API parses them and checked as claims are."""
    try:
        check_quantity(Quantity.model_validate(fields))
    except (DomainError, ValidationError) as error:
        return error
    return None


def _field(error: DomainError | ValidationError | None) -> str:
    assert error is not None
    if isinstance(error, DomainError):
        return error.field.removeprefix("quantity.")
    return ".".join(str(part) for part in error.errors()[0]["loc"])


@given(point=finite)
def test_any_finite_point_is_accepted(point: float) -> None:
    assert _problem(point=point) is None


@given(low=finite, high=finite)
def test_a_range_is_accepted_exactly_when_low_is_not_above_high(low: float, high: float) -> None:
    problem = _problem(low=low, high=high)
    if low <= high:
        assert problem is None
    else:
        assert _field(problem) == "high"


@given(low=finite, width=st.floats(0, 1e6), confidence=st.floats(0, 1))
def test_confidence_is_accepted_strictly_between_0_and_1(
    low: float, width: float, confidence: float
) -> None:
    problem = _problem(low=low, high=low + width, confidence=confidence)
    if 0 < confidence < 1:
        assert problem is None
    else:
        assert _field(problem) == "confidence"


@given(point=finite, confidence=st.floats(0.01, 0.99))
def test_confidence_without_a_range_is_refused(point: float, confidence: float) -> None:
    assert _field(_problem(point=point, confidence=confidence)) == "confidence"
    assert _field(_problem(confidence=confidence)) == "confidence"


@given(bad=not_finite, name=st.sampled_from(["point", "low", "high", "confidence"]))
def test_non_finite_numbers_are_refused_naming_the_field(bad: float, name: str) -> None:
    fields = {"point": 1.0} if name == "point" else {"low": 1.0, "high": 2.0}
    assert _field(_problem(**(fields | {name: bad}))) == name


@given(low=finite, point=finite)
def test_a_point_and_a_range_together_or_half_a_range_are_refused(low: float, point: float) -> None:
    assert _field(_problem(point=point, low=low, high=low)) == "point"
    assert _field(_problem(low=low)) == "high"
    assert _field(_problem(high=low)) == "low"


def test_an_empty_quantity_is_refused() -> None:
    problem = _problem()
    assert isinstance(problem, DomainError) and problem.field == "quantity"


def _claims(rng: np.random.Generator, n: int) -> pd.DataFrame:
    kind = rng.integers(0, 3, n)  # 0 point, 1 range, 2 range with confidence
    centre = rng.normal(3.0, 1.0, n)
    width = rng.uniform(0.0, 1.0, n)
    value = np.where(rng.random(n) < 0.1, 0.0, rng.normal(3.0, 1.0, n))
    return pd.DataFrame(
        {
            "point": np.where(kind == 0, centre, np.nan),
            "low": np.where(kind > 0, centre - width, np.nan),
            "high": np.where(kind > 0, centre + width, np.nan),
            "confidence": np.where(kind == 2, rng.choice([0.5, 0.8, 0.9, 0.95], n), np.nan),
            "value": value,
        }
    )


INPUTS = ("point", "low", "high", "confidence", "value")


def _scores(claims: pd.DataFrame) -> pd.DataFrame:
    return claim_scores(**{name: claims[name].to_numpy(dtype=np.float64) for name in INPUTS})


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(key): value for key, value in row.items()} for row in frame.to_dict("records")]


def test_claim_scores_match_numpy_per_claim_and_scoringrules() -> None:
    claims = _claims(np.random.default_rng(7), 2000)
    scores = _scores(claims)
    for row, got in zip(_records(claims), _records(scores), strict=True):
        v = row["value"]
        if math.isnan(row["low"]):
            assert got["abs_error"] == pytest.approx(np.abs(row["point"] - v), abs=1e-12)
            centre = row["point"]
            assert math.isnan(got["hit"])
        else:
            distance = np.max([row["low"] - v, v - row["high"], 0.0])
            assert got["abs_error"] == pytest.approx(distance, abs=1e-12)
            centre = np.mean([row["low"], row["high"]])
            assert got["hit"] == float(row["low"] <= v <= row["high"])
        if v == 0:
            assert math.isnan(got["ape"]) and math.isnan(got["relative_interval_score"])
        else:
            assert got["ape"] == pytest.approx(np.abs(centre - v) / np.abs(v), rel=1e-12)
    ranged = claims["confidence"].notna().to_numpy()
    # scoringrules reads an array of alphas as several levels for every claim: one call each.
    expected = [
        float(
            scoringrules.interval_score(
                row["value"], row["low"], row["high"], 1.0 - row["confidence"]
            )
        )
        for row in _records(claims[ranged])
    ]
    np.testing.assert_allclose(scores["interval_score"].to_numpy()[ranged], expected, rtol=1e-12)
    assert np.isnan(scores["interval_score"].to_numpy()[~ranged]).all()


def _wilson(k: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    centre = (k + z * z / 2) / (n + z * z)
    half = z / (n + z * z) * math.sqrt(k * (n - k) / n + z * z / 4)
    return centre - half, centre + half


def test_group_figures_match_a_loop_over_groups() -> None:
    rng = np.random.default_rng(11)
    claims = _claims(rng, 3000)
    groups = pd.Series(rng.choice(["a", "b", "c", "=d"], len(claims)), dtype=object)
    table, coverage = quantity_table(claims, groups=groups)
    scores = _scores(claims)
    assert table["group"].tolist() == ["=d", "a", "b", "c"]
    for row in _records(table):
        mine = (groups == row["group"]).to_numpy()
        hits = scores["hit"].to_numpy()[mine]
        ranges = ~np.isnan(hits)
        k, n = int(hits[ranges].sum()), int(ranges.sum())
        assert (row["n"], row["n_ranges"], row["hits"]) == (int(mine.sum()), n, k)
        assert row["hit_rate"] == pytest.approx(k / n, rel=1e-12)
        low, high = _wilson(k, n)
        assert (row["hit_rate_low"], row["hit_rate_high"]) == (
            pytest.approx(low, rel=1e-9),
            pytest.approx(high, rel=1e-9),
        )
        stated = mine & claims["confidence"].notna().to_numpy()
        mean_confidence = claims["confidence"].to_numpy()[stated].mean()
        assert row["mean_confidence"] == pytest.approx(mean_confidence, rel=1e-12)
        gap = scores["hit"].to_numpy()[stated].mean() - mean_confidence
        assert row["coverage_gap"] == pytest.approx(gap, abs=1e-12)
        assert row["median_ape"] == pytest.approx(np.nanmedian(scores["ape"].to_numpy()[mine]))
        relative = scores["relative_interval_score"].to_numpy()[mine]
        assert row["mean_relative_interval_score"] == pytest.approx(np.nanmean(relative), rel=1e-12)
    eighty = coverage[(coverage["group"] == "a") & (coverage["bin"] == "80%")].iloc[0]
    mine = (groups == "a").to_numpy() & (claims["confidence"] == 0.8).to_numpy()
    k, n = int(scores["hit"].to_numpy()[mine].sum()), int(mine.sum())
    assert (eighty["n"], eighty["hits"]) == (n, k)
    assert eighty["ci_lower"] == pytest.approx(_wilson(k, n)[0], rel=1e-9)
    assert eighty["ci_upper"] == pytest.approx(_wilson(k, n)[1], rel=1e-9)
    assert set(coverage["bin"]) == {"50%", "80%", "90%", "95%+"}


def test_min_n_leaves_out_small_groups() -> None:
    claims = _claims(np.random.default_rng(3), 10)
    groups = pd.Series(["a"] * 9 + ["b"], dtype=object)
    table, coverage = quantity_table(claims, groups=groups, min_n=2)
    assert table["group"].tolist() == ["a"]
    assert set(coverage["group"]) <= {"a"}


@pytest.mark.parametrize(
    ("quantity", "value", "unit", "words"),
    [
        (
            Quantity(low=2.7, high=2.8),
            2.9,
            "%",
            "said 2.7–2.8%; it was 2.9%, 0.1 points above the range",
        ),
        (Quantity(low=2.7, high=2.8), 2.75, "%", "said 2.7–2.8%; it was 2.75%, inside the range"),
        (
            Quantity(point=5.0),
            4.5,
            "USD bn",
            "said 5 USD bn; it was 4.5 USD bn, 0.5 USD bn below it",
        ),
        (
            Quantity(low=1, high=2, confidence=0.8),
            0.5,
            "°C",
            "said 1–2°C (80% interval); it was 0.5°C, 0.5 °C below the range",
        ),
    ],
)
def test_errors_in_plain_words(quantity: Quantity, value: float, unit: str, words: str) -> None:
    assert error_in_words(quantity=quantity, value=value, unit=unit) == words


def test_figures_that_overflow_a_double_are_left_empty() -> None:
    claims = pd.DataFrame(
        {
            "point": [np.nan, 1e308],
            "low": [-1e308, np.nan],
            "high": [1e308, np.nan],
            "confidence": [0.999999, np.nan],
            "value": [1e-300, -1e308],
        }
    )
    table, _ = quantity_table(claims, groups=pd.Series(["a", "a"], dtype=object))
    numbers = table.drop(columns="group").to_numpy(dtype=np.float64)
    assert not np.isinf(numbers).any()
    assert math.isnan(float(table["mean_relative_interval_score"].iloc[0]))
