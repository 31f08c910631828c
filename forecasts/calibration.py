"""Calibration tables per group and bin, derived from a tally (see forecasts.tallies).

Each non-empty bin of a group gives its stated probabilities' mean, the frequency with
which those claims came true, and the 95% Wilson score interval on that frequency
(Wilson rather than the normal approximation because bins are often small and their
frequencies often 0 or 1, where the normal interval collapses to a point).
"""

from __future__ import annotations

from typing import Final, TypeVar

import numpy as np
import numpy.typing as npt
import pandas as pd

from forecasts.bins import BinScheme
from forecasts.tallies import FloatArray, IntArray, Tally

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

T = TypeVar("T", bound=np.generic)

Z_95: Final = 1.959963984540054
"""The standard normal quantile at 0.975."""


def calibrate_claims(claims: pd.DataFrame, scheme: BinScheme, *, min_n: int = 0) -> pd.DataFrame:
    """calibration_table(tally of claims, scheme, min_n=min_n)."""
    return calibration_table(Tally.from_claims(claims, scheme), scheme, min_n=min_n)


def calibration_table(
    tally: pd.DataFrame | Tally, scheme: BinScheme, *, min_n: int = 0
) -> pd.DataFrame:
    """Per group and non-empty bin: n, mean p = sum_p / n, frequency = sum_y / n, Wilson 95%."""
    t = Tally.from_frame(tally).with_min_n(min_n)
    _check_bins(t.bins, scheme)
    order = _group_then_bin_order(t, scheme.n_bins)

    def column(values: npt.NDArray[T]) -> npt.NDArray[T]:
        return values if order is None else values[order]

    codes, bins, n, successes = column(t.codes), column(t.bins), column(t.n), column(t.sum_y)
    ci_lower, ci_upper = wilson_interval(successes, n)
    # Categoricals: a hundred thousand rows share a few thousand names and a dozen labels.
    return pd.DataFrame(
        {
            "group": pd.Categorical.from_codes(codes, categories=t.groups),
            "bin": pd.Categorical.from_codes(
                bins, categories=pd.Index(scheme.labels), ordered=True
            ),
            "bin_lower": np.asarray(scheme.lower)[bins],
            "bin_upper": np.asarray(scheme.upper)[bins],
            "n": n.astype(np.int64),
            "mean_probability": column(t.sum_p) / n,
            "observed_frequency": successes / n,
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


def _check_bins(bins: IntArray, scheme: BinScheme) -> None:
    if bins.size and (bins.min() < 0 or bins.max() >= scheme.n_bins):
        raise ValueError(
            f"tally has bin indices from {bins.min()} to {bins.max()}, but scheme "
            f"{scheme.name} has bins 0 to {scheme.n_bins - 1}: was it tallied with another scheme?"
        )


def _group_then_bin_order(tally: Tally, n_bins: int) -> IntArray | None:
    """Row order sorting by group name, then bin; None when the rows are already so sorted."""
    codes = tally.codes
    if not tally.groups.is_monotonic_increasing:
        codes = np.argsort(np.argsort(tally.groups.to_numpy(), kind="stable"))[codes]
    cells = codes * n_bins + tally.bins
    if cells.size < 2 or bool(np.all(cells[1:] > cells[:-1])):
        return None
    return np.argsort(cells, kind="stable")
