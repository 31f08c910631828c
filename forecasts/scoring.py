"""Scores per group, derived from a tally (see forecasts.tallies) in one vectorised pass.

With N claims in a group, n_k of them in bin k, pbar_k and obar_k the bin's mean
probability and observed frequency, and obar the group's base rate:

    brier                     mean((p - y)^2) = (sum p^2 - 2 sum p*y + sum y) / N
    log_loss                  -mean(y ln p + (1 - y) ln(1 - p)), p clipped to [0.001, 0.999]
    brier_skill               1 - brier / (obar (1 - obar)), NaN when obar is 0 or 1
    reliability               sum_k n_k / N (pbar_k - obar_k)^2
    resolution                sum_k n_k / N (obar_k - obar)^2
    uncertainty               obar (1 - obar)
    ece                       sum_k n_k / N |pbar_k - obar_k|
    calibration_in_the_large  mean p - obar

brier = reliability - resolution + uncertainty exactly when p is constant within each bin;
otherwise two terms join it (Stephenson et al. 2008): the within-bin variance of p, minus
twice the within-bin covariance of p and y, each weighted by n_k / N.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from forecasts.bins import BinScheme
from forecasts.tallies import SUM_COLUMNS, FloatArray, Tally

SCORE_COLUMNS: Final = (
    "group",
    "n",
    "n_annulled",
    "base_rate",
    "mean_probability",
    "brier",
    "log_loss",
    "brier_skill",
    "reliability",
    "resolution",
    "uncertainty",
    "ece",
    "calibration_in_the_large",
)


def score_claims(
    claims: pd.DataFrame,
    scheme: BinScheme,
    n_annulled: pd.Series | None = None,
    *,
    min_n: int = 0,
) -> pd.DataFrame:
    """scores_table(tally of claims, n_annulled, min_n=min_n)."""
    return scores_table(Tally.from_claims(claims, scheme), n_annulled, min_n=min_n)


def scores_table(
    tally: pd.DataFrame | Tally, n_annulled: pd.Series | None = None, *, min_n: int = 0
) -> pd.DataFrame:
    """One row per group with n, n_annulled and the scores defined in this module's doc."""
    t = Tally.from_frame(tally).with_min_n(min_n)
    totals = {name: t.per_group(getattr(t, name)) for name in ("n", *SUM_COLUMNS)}
    n = totals["n"]
    base_rate = totals["sum_y"] / n
    mean_probability = totals["sum_p"] / n
    brier = brier_from_sums(n, totals["sum_p2"], totals["sum_py"], totals["sum_y"])
    gap = (t.sum_p - t.sum_y) / t.n
    spread = t.sum_y / t.n - base_rate[t.codes]
    frame = pd.DataFrame(
        {
            "group": t.groups,
            "n": n.astype(np.int64),
            "n_annulled": 0,
            "base_rate": base_rate,
            "mean_probability": mean_probability,
            "brier": brier,
            "log_loss": totals["sum_log_loss"] / n,
            "brier_skill": brier_skill(brier, base_rate),
            "reliability": bin_weighted_mean(t, gap * gap, n),
            "resolution": bin_weighted_mean(t, spread * spread, n),
            "uncertainty": base_rate * (1.0 - base_rate),
            "ece": bin_weighted_mean(t, np.abs(gap), n),
            "calibration_in_the_large": mean_probability - base_rate,
        },
        columns=list(SCORE_COLUMNS),
    )
    return _sorted_by_group(_with_annulled(frame, n_annulled, min_n=min_n))


def brier_from_sums(
    n: FloatArray, sum_p2: FloatArray, sum_py: FloatArray, sum_y: FloatArray
) -> FloatArray:
    """(sum p^2 - 2 sum p*y + sum y) / n, which is mean((p - y)^2) because y^2 = y."""
    brier = (sum_p2 - 2.0 * sum_py + sum_y) / n
    # The sums cancel when forecasts are near the outcomes; rounding must not make a
    # mean of squares negative.
    return np.clip(brier, 0.0, 1.0)


def brier_skill(brier: FloatArray, base_rate: FloatArray) -> FloatArray:
    """1 - brier / (base_rate (1 - base_rate)); NaN where base_rate is 0 or 1."""
    reference = base_rate * (1.0 - base_rate)
    safe_reference = np.where(reference > 0.0, reference, np.nan)
    return 1.0 - brier / safe_reference


def bin_weighted_mean(tally: Tally, values: FloatArray, n: FloatArray) -> FloatArray:
    """Per group, sum over its bins of n_k * values_k, divided by the group's N."""
    return tally.per_group(tally.n * values) / n


def _with_annulled(
    frame: pd.DataFrame, n_annulled: pd.Series | None, *, min_n: int
) -> pd.DataFrame:
    """Fill n_annulled, adding an empty row for each group with only annulled claims."""
    if n_annulled is None or n_annulled.empty:
        return frame
    counts = n_annulled[n_annulled > 0].astype(np.int64)
    scored = pd.Index(frame["group"])
    frame = frame.assign(n_annulled=counts.reindex(scored).fillna(0).astype(np.int64).to_numpy())
    if min_n > 0:
        return frame
    only_annulled = counts[~counts.index.isin(scored)]
    if only_annulled.empty:
        return frame
    empty = pd.DataFrame(
        {
            "group": only_annulled.index.to_numpy(dtype=object),
            "n": 0,
            "n_annulled": only_annulled.to_numpy(),
        },
        columns=list(SCORE_COLUMNS),
    )
    empty = empty.astype(dict.fromkeys(SCORE_COLUMNS[3:], np.float64))
    return pd.concat([frame, empty], ignore_index=True)


def _sorted_by_group(frame: pd.DataFrame) -> pd.DataFrame:
    if frame["group"].is_monotonic_increasing:
        return frame.reset_index(drop=True)
    return frame.sort_values("group", kind="stable", ignore_index=True)
