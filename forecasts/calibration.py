"""Calibration tables per group and bin, derived from a tally (see forecasts.tallies).

Each non-empty bin of a group gives its stated probabilities' mean, the frequency with
which those claims came true, and the 95% Wilson score interval on that frequency
(Wilson rather than the normal approximation because bins are often small and their
frequencies often 0 or 1, where the normal interval collapses to a point).
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from forecasts.bins import BinScheme
from forecasts.tallies import (
    FloatArray,
    IntArray,
    ObjectArray,
    drop_small_groups,
    group_codes,
    nonempty_cells,
    tally_claims,
)

CALIBRATION_COLUMNS: Final = (
    "group",
    "bin",
    "bin_lower",
    "bin_upper",
    "n",
    "mean_probability",
    "observed_frequency",
    "ci_lower",
    "ci_upper",
)

Z_95: Final = 1.959963984540054
"""The standard normal quantile at 0.975."""


def calibrate_claims(claims: pd.DataFrame, scheme: BinScheme, *, min_n: int = 0) -> pd.DataFrame:
    """calibration_table(tally_claims(claims, scheme), scheme, min_n=min_n)."""
    return calibration_table(tally_claims(claims, scheme), scheme, min_n=min_n)


def calibration_table(tally: pd.DataFrame, scheme: BinScheme, *, min_n: int = 0) -> pd.DataFrame:
    """Per group and non-empty bin: n, mean p = sum_p / n, frequency = sum_y / n, Wilson 95%."""
    tally = nonempty_cells(drop_small_groups(tally, min_n))
    bins = _bin_indices(tally, scheme)
    codes, groups = group_codes(tally["group"])
    order = _group_then_bin_order(codes, groups, bins, scheme.n_bins)
    codes, bins = codes[order], bins[order]
    n = tally["n"].to_numpy(dtype=np.float64)[order]
    successes = tally["sum_y"].to_numpy(dtype=np.float64)[order]
    observed = successes / n
    ci_lower, ci_upper = wilson_interval(successes, n)
    return pd.DataFrame(
        {
            "group": groups[codes],
            "bin": np.asarray(scheme.labels, dtype=object)[bins],
            "bin_lower": np.asarray(scheme.lower)[bins],
            "bin_upper": np.asarray(scheme.upper)[bins],
            "n": n.astype(np.int64),
            "mean_probability": tally["sum_p"].to_numpy(dtype=np.float64)[order] / n,
            "observed_frequency": observed,
            "ci_lower": ci_lower,
            "ci_upper": ci_upper,
        },
        columns=list(CALIBRATION_COLUMNS),
    )


def wilson_interval(
    successes: FloatArray, n: FloatArray, z: float = Z_95
) -> tuple[FloatArray, FloatArray]:
    """(k + z^2/2 -/+ z sqrt(k (n - k) / n + z^2/4)) / (n + z^2) for k successes in n."""
    z2 = z * z
    centre = (successes + z2 / 2.0) / (n + z2)
    half = z * np.sqrt(successes * (n - successes) / n + z2 / 4.0) / (n + z2)
    observed = successes / n
    # Exact arithmetic puts k / n inside the interval and the interval inside [0, 1];
    # clamping removes the last-bit rounding (at k = 0, centre - half is +-1e-17).
    lower = np.clip(centre - half, 0.0, observed)
    upper = np.clip(centre + half, observed, 1.0)
    return lower, upper


def _bin_indices(tally: pd.DataFrame, scheme: BinScheme) -> IntArray:
    bins = tally["bin"].to_numpy()
    if bins.size and (bins.min() < 0 or bins.max() >= scheme.n_bins):
        raise ValueError(
            f"tally has bin indices from {bins.min()} to {bins.max()}, but scheme "
            f"{scheme.name} has bins 0 to {scheme.n_bins - 1}: was it tallied with another scheme?"
        )
    return bins.astype(np.intp, copy=False)


def _group_then_bin_order(
    codes: IntArray, groups: ObjectArray, bins: IntArray, n_bins: int
) -> IntArray:
    """Row order sorting by group name, then bin; the identity when already so sorted."""
    names_sorted = bool(np.all(groups[:-1] < groups[1:])) if len(groups) > 1 else True
    rank = codes if names_sorted else np.argsort(np.argsort(groups, kind="stable"))[codes]
    cells = rank * n_bins + bins
    if cells.size < 2 or bool(np.all(cells[1:] > cells[:-1])):
        return np.arange(cells.size)
    return np.argsort(cells, kind="stable")
