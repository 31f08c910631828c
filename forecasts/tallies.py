"""Sufficient statistics of scored claims per (group, bin): the layer SQL can compute.

Every score and calibration figure Sooth reports is a function of a handful of sums per
group and bin, so the aggregation over claims happens once, here or in a SQL GROUP BY
returning the same columns, and the tables are derived from at most groups x bins rows.

A tally frame has one row per non-empty (group, bin):

    group         the group's name (str or categorical)
    bin           the bin's index in its BinScheme, 0 .. n_bins - 1
    n             number of scored claims
    sum_p         sum of p
    sum_y         sum of y (outcomes are 0 or 1)
    sum_p2        sum of p^2
    sum_py        sum of p * y
    sum_log_loss  sum of -(y ln p + (1 - y) ln(1 - p)), p clipped to [0.001, 0.999]

When the scheme folds, p and y are those after folding.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from forecasts.bins import BinScheme

CLAIM_COLUMNS: Final = ("group", "probability", "outcome")
TALLY_COLUMNS: Final = ("group", "bin", "n", "sum_p", "sum_y", "sum_p2", "sum_py", "sum_log_loss")
SUM_COLUMNS: Final = ("sum_p", "sum_y", "sum_p2", "sum_py", "sum_log_loss")

LOG_LOSS_CLIP: Final = (0.001, 0.999)

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]
ObjectArray = npt.NDArray[np.object_]


def tally_claims(claims: pd.DataFrame, scheme: BinScheme) -> pd.DataFrame:
    """Per (group, bin): n, sum p, sum y, sum p^2, sum p*y, sum of clipped log loss."""
    _require_columns(claims, CLAIM_COLUMNS, what="claims")
    probabilities = _probabilities(claims["probability"])
    outcomes = _outcomes(claims["outcome"])
    probabilities, outcomes = scheme.fold(probabilities, outcomes)
    codes, groups = group_codes(claims["group"])
    bins = scheme.assign(probabilities)
    cells = codes * scheme.n_bins + bins
    size = len(groups) * scheme.n_bins
    counts = np.bincount(cells, minlength=size)
    occupied = np.flatnonzero(counts)
    sums = {
        "sum_p": probabilities,
        "sum_y": outcomes,
        "sum_p2": probabilities * probabilities,
        "sum_py": probabilities * outcomes,
        "sum_log_loss": claim_log_loss(probabilities, outcomes),
    }
    frame: dict[str, object] = {
        "group": pd.Categorical.from_codes(occupied // scheme.n_bins, categories=pd.Index(groups)),
        "bin": occupied % scheme.n_bins,
        "n": counts[occupied],
    }
    for name, values in sums.items():
        frame[name] = sum_by(cells, values, size)[occupied]
    return pd.DataFrame(frame, columns=list(TALLY_COLUMNS))


def claim_log_loss(probabilities: FloatArray, outcomes: FloatArray) -> FloatArray:
    """Per claim -(y ln p + (1 - y) ln(1 - p)) with p clipped to [0.001, 0.999]."""
    clipped = np.clip(probabilities, *LOG_LOSS_CLIP)
    # y is 0 or 1, so one logarithm of the probability given to what happened suffices.
    return -np.log(np.where(outcomes == 1.0, clipped, 1.0 - clipped))


def drop_small_groups(tally: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """The tally without the groups having fewer than min_n scored claims in all."""
    if min_n <= 0:
        return tally
    codes, groups = group_codes(tally["group"])
    totals = sum_by(codes, tally["n"].to_numpy(dtype=np.float64), len(groups))
    return tally[totals[codes] >= min_n].reset_index(drop=True)


def sum_by(codes: IntArray, values: FloatArray, size: int) -> FloatArray:
    """sums[c] = sum of values[i] over i with codes[i] == c, for c in 0 .. size - 1."""
    return np.bincount(codes, weights=values, minlength=size).astype(np.float64, copy=False)


def nonempty_cells(tally: pd.DataFrame) -> pd.DataFrame:
    """The tally without rows of n = 0, which an outer join in SQL may produce."""
    empty = tally["n"].to_numpy() == 0
    return tally[~empty].reset_index(drop=True) if empty.any() else tally


def group_codes(column: pd.Series) -> tuple[IntArray, ObjectArray]:
    """(codes, names) with names[codes] == column; categorical columns keep their codes."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy().astype(np.intp)
        names = column.cat.categories.to_numpy(dtype=object)
    else:
        raw_codes, uniques = pd.factorize(column, sort=True)
        codes = raw_codes.astype(np.intp, copy=False)
        names = np.asarray(uniques, dtype=object)
    if codes.size and codes.min() < 0:
        raise ValueError("group is missing for some claims; every claim needs a group name")
    return codes, names


def _require_columns(frame: pd.DataFrame, required: tuple[str, ...], *, what: str) -> None:
    missing = [name for name in required if name not in frame.columns]
    if missing:
        raise ValueError(
            f"{what} lack the column(s) {', '.join(missing)}; "
            f"expected {', '.join(required)}, found {', '.join(map(str, frame.columns))}"
        )


def _probabilities(column: pd.Series) -> FloatArray:
    values = column.to_numpy(dtype=np.float64, na_value=np.nan)
    # Written as "not within" so that NaN, which fails every comparison, is caught too.
    bad = ~((values >= 0.0) & (values <= 1.0))
    if bad.any():
        first = values[np.flatnonzero(bad)[0]]
        raise ValueError(
            f"probability must be within [0, 1]: {int(bad.sum())} claim(s) are not, e.g. {first}"
        )
    return values


def _outcomes(column: pd.Series) -> FloatArray:
    values = column.to_numpy(dtype=np.float64, na_value=np.nan)
    bad = ~((values == 0.0) | (values == 1.0))
    if bad.any():
        first = values[np.flatnonzero(bad)[0]]
        raise ValueError(
            f"outcome must be 0 (no) or 1 (yes): {int(bad.sum())} claim(s) are not, e.g. {first}"
        )
    return values
