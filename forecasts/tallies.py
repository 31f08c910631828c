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

When the scheme folds, p and y are those after folding. In memory the same rows are a
Tally of arrays, which the scores and calibration tables read without a DataFrame between.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Final, Self

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
CodeArray = npt.NDArray[np.integer[Any]]
"""Group codes, -1 for a missing group; categoricals keep their narrow integer type."""
OutcomeArray = npt.NDArray[np.int8]
"""Outcomes as 0 (no) and 1 (yes)."""


@dataclass(frozen=True)
class Tally:
    """A tally as arrays: row i is group groups[codes[i]], bin bins[i], with its sums."""

    groups: pd.Index
    """Names of the groups that have rows; codes index into it."""
    codes: IntArray
    bins: IntArray
    n: FloatArray
    sum_p: FloatArray
    sum_y: FloatArray
    sum_p2: FloatArray
    sum_py: FloatArray
    sum_log_loss: FloatArray

    @classmethod
    def from_claims(cls, claims: pd.DataFrame, scheme: BinScheme) -> Self:
        """Per (group, bin): n, sum p, sum y, sum p^2, sum p*y, sum of clipped log loss."""
        _require_columns(claims, CLAIM_COLUMNS, what="claims")
        probabilities, outcomes = scheme.fold(
            _probabilities(claims["probability"]), _outcomes(claims["outcome"])
        )
        codes, groups = group_codes(claims["group"])
        n_bins = scheme.n_bins
        sums = _cell_sums(
            scheme.cells(codes, probabilities), probabilities, outcomes, len(groups) * n_bins
        )
        occupied = np.flatnonzero(sums["n"])
        tally = cls(
            groups=groups,
            codes=occupied // n_bins,
            bins=occupied % n_bins,
            **{name: values[occupied] for name, values in sums.items()},
        )
        return tally.without_unused_groups()

    @classmethod
    def from_frame(cls, frame: pd.DataFrame | Tally) -> Tally:
        """The Tally of a tally frame, from tally_claims or SQL; rows of n = 0 are left out."""
        if isinstance(frame, Tally):
            return frame
        _require_columns(frame, TALLY_COLUMNS, what="tally")
        frame = frame[frame["n"].to_numpy() > 0]
        raw_codes, groups = group_codes(frame["group"])
        codes = raw_codes.astype(np.intp, copy=False)
        sums = {name: frame[name].to_numpy(dtype=np.float64) for name in ("n", *SUM_COLUMNS)}
        bins = frame["bin"].to_numpy().astype(np.intp, copy=False)
        if bins.size and bins.min() < 0:
            raise ValueError(
                "tally bins must be bin indices, 0 or more; claims on annulled questions "
                "are counted in n_annulled, not in the tally"
            )
        return cls(groups=groups, codes=codes, bins=bins, **sums).without_unused_groups()

    def to_frame(self) -> pd.DataFrame:
        """The tally frame: one row per non-empty (group, bin), columns TALLY_COLUMNS."""
        return pd.DataFrame(
            {
                "group": pd.Categorical.from_codes(self.codes, categories=self.groups),
                "bin": self.bins,
                "n": self.n.astype(np.int64),
                **{name: getattr(self, name) for name in SUM_COLUMNS},
            },
            columns=list(TALLY_COLUMNS),
        )

    def per_group(self, values: FloatArray) -> FloatArray:
        """totals[g] = sum of values over the rows of group g."""
        return sum_by(self.codes, values, len(self.groups))

    def with_min_n(self, min_n: int) -> Tally:
        """The tally without the groups having fewer than min_n scored claims in all."""
        if min_n <= 0:
            return self
        keep = self.per_group(self.n)[self.codes] >= min_n
        return self._rows(keep).without_unused_groups()

    def without_unused_groups(self) -> Self:
        """The same rows, with groups renumbered to leave out names that have none."""
        used = np.bincount(self.codes, minlength=len(self.groups)) > 0
        if used.all():
            return self
        renumbered = np.cumsum(used) - 1
        return replace(self, groups=self.groups[used], codes=renumbered[self.codes])

    def _rows(self, keep: npt.NDArray[np.bool_]) -> Tally:
        arrays = {name: getattr(self, name)[keep] for name in ("codes", "bins", "n", *SUM_COLUMNS)}
        return replace(self, **arrays)


def tally_claims(claims: pd.DataFrame, scheme: BinScheme) -> pd.DataFrame:
    """Per (group, bin): n, sum p, sum y, sum p^2, sum p*y, sum of clipped log loss."""
    return Tally.from_claims(claims, scheme).to_frame()


def drop_small_groups(tally: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """The tally frame without the groups having fewer than min_n scored claims in all."""
    return tally if min_n <= 0 else Tally.from_frame(tally).with_min_n(min_n).to_frame()


def claim_log_loss(probabilities: FloatArray, outcomes: OutcomeArray) -> FloatArray:
    """Per claim -(y ln p + (1 - y) ln(1 - p)) with p clipped to [0.001, 0.999]."""
    return -_log_probability_of_outcome(probabilities, outcomes)


def sum_by(codes: IntArray, values: FloatArray, size: int) -> FloatArray:
    """sums[c] = sum of values[i] over i with codes[i] == c, for c in 0 .. size - 1."""
    return np.bincount(codes, weights=values, minlength=size).astype(np.float64, copy=False)


def group_codes(column: pd.Series) -> tuple[CodeArray, pd.Index]:
    """(codes, names) with names[codes] == column, names sorted unless column is categorical."""
    codes: CodeArray
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy()
        names = pd.Index(column.cat.categories)
    else:
        # Hashing unsorted and then sorting the few distinct names is much faster than
        # factorize(sort=True) on a million strings.
        raw_codes, uniques = pd.factorize(column.to_numpy(dtype=object), sort=False)
        order = np.argsort(uniques, kind="stable")
        rank = np.empty_like(order)
        rank[order] = np.arange(order.size)
        names = pd.Index(np.asarray(uniques, dtype=object)[order])
        codes = np.where(raw_codes < 0, -1, rank[raw_codes])
    if codes.size and codes.min() < 0:
        raise ValueError("group is missing for some claims; every claim needs a group name")
    return codes, names


def _cell_sums(
    cells: IntArray, probabilities: FloatArray, outcomes: OutcomeArray, n_cells: int
) -> dict[str, FloatArray]:
    """n and the five sums for every cell index in 0 .. n_cells - 1, empty cells included."""
    # Splitting each cell by outcome gives n, sum y, sum p and sum p*y from two bincounts:
    # sum y is the count of the outcome-1 half, sum p*y the sum of p over that half.
    halves = cells * 2
    halves += outcomes
    counts = np.bincount(halves, minlength=2 * n_cells).astype(np.float64)
    p_sums = sum_by(halves, probabilities, 2 * n_cells)
    log_p_outcome = _log_probability_of_outcome(probabilities, outcomes)
    return {
        "n": counts[0::2] + counts[1::2],
        "sum_p": p_sums[0::2] + p_sums[1::2],
        "sum_y": counts[1::2],
        "sum_p2": sum_by(cells, probabilities * probabilities, n_cells),
        "sum_py": p_sums[1::2],
        "sum_log_loss": -sum_by(cells, log_p_outcome, n_cells),
    }


def _log_probability_of_outcome(probabilities: FloatArray, outcomes: OutcomeArray) -> FloatArray:
    # ln p_y, the log of the probability given to what happened: y is 0 or 1, so
    # |p + (y - 1)| is p when y = 1 and 1 - p when y = 0, both exactly (p - 1 rounds as
    # -(1 - p) does), without the cost of a branch per claim.
    given = np.add(outcomes - 1, probabilities)
    np.abs(given, out=given)
    np.clip(given, *LOG_LOSS_CLIP, out=given)
    return np.log(given, out=given)


def _require_columns(frame: pd.DataFrame, required: tuple[str, ...], *, what: str) -> None:
    missing = [name for name in required if name not in frame.columns]
    if missing:
        raise ValueError(
            f"{what} lack the column(s) {', '.join(missing)}; "
            f"expected {', '.join(required)}, found {', '.join(map(str, frame.columns))}"
        )


def _probabilities(column: pd.Series) -> FloatArray:
    values = column.to_numpy(dtype=np.float64, na_value=np.nan)
    # min and max are NaN if any value is, and NaN fails both comparisons.
    if values.size and not (values.min() >= 0.0 and values.max() <= 1.0):
        bad = ~((values >= 0.0) & (values <= 1.0))
        raise ValueError(
            f"probability must be within [0, 1]: {int(bad.sum())} claim(s) are not, "
            f"e.g. {values[np.flatnonzero(bad)[0]]}"
        )
    return values


def _outcomes(column: pd.Series) -> OutcomeArray:
    if column.dtype.kind in "iub":
        values = column.to_numpy()
        if values.size == 0 or (values.min() >= 0 and values.max() <= 1):
            return values.astype(np.int8, copy=False)
    values = column.to_numpy(dtype=np.float64, na_value=np.nan)
    bad = ~((values == 0.0) | (values == 1.0))
    if bad.any():
        raise ValueError(
            f"outcome must be 0 (no) or 1 (yes): {int(bad.sum())} claim(s) are not, "
            f"e.g. {values[np.flatnonzero(bad)[0]]}"
        )
    return values.astype(np.int8)
