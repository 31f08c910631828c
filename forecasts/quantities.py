"""Claims of a number: which quantities are well formed, their errors and interval scores.

A quantity claim is a point x, a range [l, h], or a range with a stated confidence c that
it holds the value (an interval of level c). Against the resolved value v each claim gets
the figures docs/scoring.md defines; everything here works on arrays, one row per claim,
with NaN where a figure does not apply (no range, no confidence, v = 0).
"""

from __future__ import annotations

import math
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from forecasts.calibration import wilson_interval
from forecasts.domain import DomainError
from forecasts.schemas import Quantity
from forecasts.tallies import group_codes

FloatArray = npt.NDArray[np.float64]

CLAIM_SCORE_COLUMNS: Final = (
    "abs_error",
    "ape",
    "hit",
    "interval_score",
    "relative_interval_score",
)
QUANTITY_COLUMNS: Final = (
    "group",
    "n",
    "n_ranges",
    "hits",
    "hit_rate",
    "hit_rate_low",
    "hit_rate_high",
    "mean_confidence",
    "coverage_gap",
    "median_ape",
    "mean_relative_interval_score",
)
COVERAGE_COLUMNS: Final = (
    "group",
    "bin",
    "bin_lower",
    "bin_upper",
    "n",
    "mean_confidence",
    "hits",
    "hit_rate",
    "ci_lower",
    "ci_upper",
)
COVERAGE_EDGES: Final = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0)
"""Stated confidences are binned [0, 0.5), [0.5, 0.6), ... [0.9, 0.95), [0.95, 1)."""
COVERAGE_LABELS: Final = ("<50%", "50%", "60%", "70%", "80%", "90%", "95%+")


def check_quantity(quantity: Quantity, *, field: str = "quantity") -> None:
    """Refuse what is not a point, a range low <= high, or such a range with a confidence."""
    has_range = quantity.low is not None or quantity.high is not None
    if quantity.confidence is not None and not has_range:
        raise DomainError(
            f"{field}.confidence", "a confidence belongs to a range: give low and high with it"
        )
    if quantity.point is not None and has_range:
        raise DomainError(f"{field}.point", "give either a point or a range low..high, not both")
    if quantity.point is None and not has_range:
        raise DomainError(
            field, 'give a point ({"point": 2.8}) or a range ({"low": 2.7, "high": 2.8})'
        )
    for name in ("point", "low", "high", "confidence"):
        value = getattr(quantity, name)
        if value is not None and not math.isfinite(value):
            raise DomainError(f"{field}.{name}", "must be a finite number")
    if has_range:
        for name in ("low", "high"):
            if getattr(quantity, name) is None:
                raise DomainError(f"{field}.{name}", "a range needs both low and high")
        assert quantity.low is not None and quantity.high is not None
        if quantity.low > quantity.high:
            raise DomainError(
                f"{field}.high",
                f"must be at least low ({quantity.low:g}), not {quantity.high:g}",
            )
    if quantity.confidence is not None and not 0.0 < quantity.confidence < 1.0:
        raise DomainError(
            f"{field}.confidence",
            f"must be between 0 and 1 exclusive, e.g. 0.8 for an 80% interval, "
            f"not {quantity.confidence:g}",
        )


def claim_scores(
    *,
    point: FloatArray,
    low: FloatArray,
    high: FloatArray,
    confidence: FloatArray,
    value: FloatArray,
) -> pd.DataFrame:
    """Per claim: abs_error, ape, hit, interval_score, relative_interval_score (NaN where none)."""
    is_range = ~np.isnan(low)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        below, above = low - value, value - high
        outside = np.maximum(np.maximum(below, above), 0.0)
        abs_error = np.where(is_range, outside, np.abs(point - value))
        centre = np.where(is_range, (low + high) / 2.0, point)
        scale = np.where(value == 0.0, np.nan, np.abs(value))
        ape = np.abs(centre - value) / scale
        hit = np.where(is_range, ((low <= value) & (value <= high)).astype(np.float64), np.nan)
        interval = interval_score(low=low, high=high, confidence=confidence, value=value)
        relative = interval / scale
    return pd.DataFrame(
        {
            "abs_error": _finite(abs_error),
            "ape": _finite(ape),
            "hit": hit,
            "interval_score": _finite(interval),
            "relative_interval_score": _finite(relative),
        }
    )


def _finite(values: FloatArray) -> FloatArray:
    """values with what overflowed a double (a huge range over a value near 0) as NaN."""
    return np.where(np.isfinite(values), values, np.nan)


def interval_score(
    *, low: FloatArray, high: FloatArray, confidence: FloatArray, value: FloatArray
) -> FloatArray:
    """(h - l) + (2/a)(l - v)[v < l] + (2/a)(v - h)[v > h], a = 1 - c (Gneiting, Raftery 2007)."""
    alpha = 1.0 - confidence
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        penalty = np.where(value < low, low - value, 0.0) + np.where(
            value > high, value - high, 0.0
        )
        score: FloatArray = (high - low) + (2.0 / alpha) * penalty
    return score


def quantity_table(
    claims: pd.DataFrame, *, groups: pd.Series, min_n: int = 0
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(one row per group of QUANTITY_COLUMNS, the coverage table of COVERAGE_COLUMNS).

    `claims` holds point, low, high, confidence and value per scored claim (NaN where a
    claim has none); `groups` names each claim's group.
    """
    codes, names = group_codes(groups.reset_index(drop=True))
    scores = claim_scores(**{name: _floats(claims, name) for name in _INPUTS})
    n_groups = len(names)
    n = np.bincount(codes, minlength=n_groups).astype(np.float64)
    hit = scores["hit"].to_numpy()
    is_range = ~np.isnan(hit)
    n_ranges = _sums(codes, weights=is_range, minlength=n_groups)
    hits = _sums(codes, weights=np.nan_to_num(hit), minlength=n_groups)
    confidence = _floats(claims, "confidence")
    stated = ~np.isnan(confidence)
    n_stated = _sums(codes, weights=stated, minlength=n_groups)
    sum_confidence = _sums(codes, weights=np.nan_to_num(confidence), minlength=n_groups)
    stated_hits = np.bincount(
        codes, weights=np.where(stated, np.nan_to_num(hit), 0.0), minlength=n_groups
    )
    relative = scores["relative_interval_score"].to_numpy()
    has_relative = ~np.isnan(relative)
    n_relative = _sums(codes, weights=has_relative, minlength=n_groups)
    sum_relative = _sums(codes, weights=np.nan_to_num(relative), minlength=n_groups)
    median_ape = (
        pd.Series(scores["ape"].to_numpy())
        .groupby(codes)
        .median()
        .reindex(range(n_groups))
        .to_numpy(dtype=np.float64)
    )
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        hit_rate = np.where(n_ranges > 0, hits / n_ranges, np.nan)
        ci_low, ci_high = wilson_interval(hits, n_ranges)
        mean_confidence = np.where(n_stated > 0, sum_confidence / n_stated, np.nan)
        coverage_gap = np.where(n_stated > 0, stated_hits / n_stated - mean_confidence, np.nan)
        mean_relative = np.where(n_relative > 0, sum_relative / n_relative, np.nan)
    no_ranges = n_ranges == 0
    table = pd.DataFrame(
        {
            "group": names.to_numpy(dtype=object),
            "n": n.astype(np.int64),
            "n_ranges": n_ranges.astype(np.int64),
            "hits": hits.astype(np.int64),
            "hit_rate": hit_rate,
            "hit_rate_low": np.where(no_ranges, np.nan, ci_low),
            "hit_rate_high": np.where(no_ranges, np.nan, ci_high),
            "mean_confidence": mean_confidence,
            "coverage_gap": coverage_gap,
            "median_ape": median_ape,
            "mean_relative_interval_score": mean_relative,
        },
        columns=list(QUANTITY_COLUMNS),
    )
    figures = table.columns[4:]
    table[figures] = table[figures].where(np.isfinite(table[figures]))
    kept = table[table["n"] >= max(min_n, 1)].reset_index(drop=True)
    coverage = _coverage(codes[stated], names, confidence[stated], hit[stated])
    coverage = coverage[coverage["group"].isin(kept["group"])].reset_index(drop=True)
    return kept, coverage


_INPUTS: Final = ("point", "low", "high", "confidence", "value")


def _sums(
    codes: npt.NDArray[np.integer[Any]], *, weights: npt.NDArray[Any], minlength: int
) -> FloatArray:
    """Per code in 0 .. minlength - 1, the sum of its weights."""
    return np.bincount(codes, weights=weights, minlength=minlength).astype(np.float64)


def _floats(claims: pd.DataFrame, name: str) -> FloatArray:
    return claims[name].to_numpy(dtype=np.float64, na_value=np.nan)


def _coverage(
    codes: npt.NDArray[np.integer[Any]],
    names: pd.Index,
    confidence: FloatArray,
    hit: FloatArray,
) -> pd.DataFrame:
    """Per group and bin of stated confidence: n, mean confidence, hits and Wilson 95%."""
    n_bins = len(COVERAGE_LABELS)
    bins = np.searchsorted(np.asarray(COVERAGE_EDGES[1:-1]), confidence, side="right")
    cells = codes.astype(np.int64) * n_bins + bins
    size = len(names) * n_bins
    n = np.bincount(cells, minlength=size).astype(np.float64)
    hits = _sums(cells, weights=hit, minlength=size)
    sum_confidence = _sums(cells, weights=confidence, minlength=size)
    filled = np.flatnonzero(n)
    n, hits, sum_confidence = n[filled], hits[filled], sum_confidence[filled]
    lower, upper = wilson_interval(hits, n)
    bin_index = filled % n_bins
    edges = np.asarray(COVERAGE_EDGES)
    return pd.DataFrame(
        {
            "group": names.to_numpy(dtype=object)[filled // n_bins],
            "bin": np.asarray(COVERAGE_LABELS, dtype=object)[bin_index],
            "bin_lower": edges[bin_index],
            "bin_upper": edges[bin_index + 1],
            "n": n.astype(np.int64),
            "mean_confidence": sum_confidence / n,
            "hits": hits.astype(np.int64),
            "hit_rate": hits / n,
            "ci_lower": lower,
            "ci_upper": upper,
        },
        columns=list(COVERAGE_COLUMNS),
    )


def error_in_words(*, quantity: Quantity, value: float, unit: str | None) -> str:
    """'said 2.7–2.8%; it was 2.9%, 0.1 points above the range', and the like."""
    said = quantity_in_words(quantity, unit)
    was = f"it was {measured(value, unit)}"
    distance_unit = "points" if unit == "%" else (unit or "")
    if quantity.low is not None and quantity.high is not None:
        if value < quantity.low:
            gap, where = quantity.low - value, "below the range"
        elif value > quantity.high:
            gap, where = value - quantity.high, "above the range"
        else:
            return f"said {said}; {was}, inside the range"
    else:
        assert quantity.point is not None
        if value == quantity.point:
            return f"said {said}; {was}, exactly"
        gap = abs(value - quantity.point)
        where = "below it" if value < quantity.point else "above it"
    distance = f"{_plain(gap)} {distance_unit}".strip()
    return f"said {said}; {was}, {distance} {where}"


def quantity_in_words(quantity: Quantity, unit: str | None) -> str:
    """A point or range as a reader writes it: '2.8%', '2.7–2.8%', '2.7–2.8% (80% interval)'."""
    if quantity.low is not None and quantity.high is not None:
        text = f"{_plain(quantity.low)}–{measured(quantity.high, unit)}"
        if quantity.confidence is not None:
            text += f" ({_plain(quantity.confidence * 100)}% interval)"
        return text
    assert quantity.point is not None
    return measured(quantity.point, unit)


def _plain(number: float) -> str:
    """The number with up to six significant digits, no trailing zeros."""
    return f"{number:.6g}"


def measured(number: float, unit: str | None) -> str:
    """A number in its unit as a reader writes it: '2.9%', '4.5 USD bn', '1.2°C'."""
    if not unit:
        return _plain(number)
    joiner = "" if unit in ("%", "°C", "°F") else " "
    return f"{_plain(number)}{joiner}{unit}"
