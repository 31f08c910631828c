"""Benchmark: scores and calibration tables for 1,000,000 claims over 10,000 sources.

Prints side by side the in-process time of the vectorised path (tally, then the scores
and calibration tables), the per-source loop a user would otherwise write with
scikit-learn, and the floor: one bare numpy pass over the claim arrays (each claim's
source-and-bin cell, p and y) that writes the per-claim terms the plain way and sums
the tally's six statistics per cell with np.bincount, and nothing else: no validation,
no grouping by name, no tables. The six np.bincount calls alone, terms precomputed, are
printed for reference. Targets from issue 3: at least 100x faster than the loop, within
3x the floor, peak memory of the report under 500 MB. Exits with 1 if one is missed.

Times are CPU seconds of this process, best of several runs taken in turns: on a shared
machine wall-clock time swings with other work, and everything here is single-threaded.

    python tests/bench/bench_scoring.py            # the full scikit-learn loop (minutes)
    python tests/bench/bench_scoring.py --quick    # loop over 1/10 of the sources, x10
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np
import numpy.typing as npt
import pandas as pd
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss, log_loss

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # this checkout, not whichever one is installed

from forecasts.bins import BinScheme, parse_bins  # noqa: E402
from forecasts.calibration import calibration_table  # noqa: E402
from forecasts.scoring import scores_table  # noqa: E402
from forecasts.tallies import LOG_LOSS_CLIP, Tally  # noqa: E402

N_CLAIMS = 1_000_000
N_SOURCES = 10_000
SEED = 20240801
BINS = "uniform10"  # the bins calibration_curve uses, so both sides compute the same table

SPEEDUP_TARGET = 100.0
FLOOR_TARGET = 3.0
MEMORY_TARGET_MB = 500.0

T = TypeVar("T")


def build_claims(
    n_claims: int = N_CLAIMS, n_sources: int = N_SOURCES, seed: int = SEED
) -> pd.DataFrame:
    """Seeded scored claims: heavy-tailed sources, round and arbitrary p, skewed outcomes."""
    rng = np.random.default_rng(seed)
    activity = rng.lognormal(0.0, 1.0, n_sources)
    codes = rng.choice(n_sources, size=n_claims, p=activity / activity.sum())
    stated = rng.choice(np.round(np.arange(0.0, 1.0001, 0.05), 2), size=n_claims)
    probabilities = np.where(rng.random(n_claims) < 0.6, stated, rng.random(n_claims))
    skew = rng.uniform(0.6, 1.6, n_sources)[codes]
    outcomes = (rng.random(n_claims) < probabilities**skew).astype(np.int8)
    names = pd.Index([f"source-{k:05d}" for k in range(n_sources)])
    # As the service builds it: integer source ids from the database, names as categories.
    group = pd.Categorical.from_codes(codes, categories=names)
    return pd.DataFrame({"group": group, "probability": probabilities, "outcome": outcomes})


def sooth_tables(claims: pd.DataFrame, scheme: BinScheme) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The vectorised path: one tally of the claims, then both tables from it."""
    tally = Tally.from_claims(claims, scheme)
    return scores_table(tally), calibration_table(tally, scheme)


def sklearn_loop(claims: pd.DataFrame) -> dict[str, float]:
    """The loop a user would write: per source, brier_score_loss, log_loss, calibration_curve."""
    brier: dict[str, float] = {}
    for source, rows in claims.groupby("group", observed=True):
        y = rows["outcome"].to_numpy()
        p = rows["probability"].to_numpy()
        brier[str(source)] = brier_score_loss(y, p, labels=[0, 1])
        log_loss(y, np.clip(p, *LOG_LOSS_CLIP), labels=[0, 1])
        calibration_curve(y, p, n_bins=10, strategy="uniform")
    return brier


@dataclass(frozen=True)
class FloorInput:
    """The claims as bare arrays, with each claim's (source, bin) cell found beforehand."""

    cells: npt.NDArray[np.intp]
    n_cells: int
    p: npt.NDArray[np.float64]
    y: npt.NDArray[np.float64]


def floor_input(claims: pd.DataFrame, scheme: BinScheme) -> FloorInput:
    """Source codes times bins plus bin index, probabilities and outcomes as float arrays."""
    codes = claims["group"].cat.codes.to_numpy().astype(np.intp)
    p = claims["probability"].to_numpy(dtype=np.float64)
    return FloorInput(
        cells=codes * scheme.n_bins + scheme.assign(p),
        n_cells=len(claims["group"].cat.categories) * scheme.n_bins,
        p=p,
        y=claims["outcome"].to_numpy(dtype=np.float64),
    )


def per_claim_terms(data: FloorInput) -> tuple[npt.NDArray[np.float64], ...]:
    """p, y, p^2, p*y and the clipped log loss of each claim, written the plain way."""
    clipped = np.clip(data.p, *LOG_LOSS_CLIP)
    log_loss_terms = -np.log(np.where(data.y == 1.0, clipped, 1.0 - clipped))
    return data.p, data.y, data.p * data.p, data.p * data.y, log_loss_terms


def bincount_sums(
    data: FloorInput, terms: tuple[npt.NDArray[np.float64], ...]
) -> list[npt.NDArray[np.generic]]:
    """n and the five sums per (source, bin), each one np.bincount."""
    sums: list[npt.NDArray[np.generic]] = [np.bincount(data.cells, minlength=data.n_cells)]
    sums += [np.bincount(data.cells, weights=w, minlength=data.n_cells) for w in terms]
    return sums


def floor(data: FloorInput) -> list[npt.NDArray[np.generic]]:
    """The floor: one bare numpy pass computing the tally's sums with np.bincount."""
    return bincount_sums(data, per_claim_terms(data))


@dataclass(frozen=True)
class Timing:
    """Seconds of this process's CPU time and of wall-clock time, each the best seen."""

    cpu: float
    wall: float


def timed(run: Callable[[], T]) -> tuple[Timing, T]:
    """One run of run(), timed."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = run()
    return Timing(time.process_time() - cpu, time.perf_counter() - wall), result


def race(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, Timing]:
    """Best times of each run over repeat rounds, taking turns so that all see the same load."""
    best = {name: Timing(float("inf"), float("inf")) for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            timing, _ = timed(run)
            best[name] = Timing(min(best[name].cpu, timing.cpu), min(best[name].wall, timing.wall))
    return best


def peak_memory_mb(run: Callable[[], object]) -> float:
    """Peak memory allocated while run executes, numpy buffers included (tracemalloc)."""
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def verdict(passed: bool) -> str:
    return "PASS" if passed else "FAIL"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the figures and return 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="time the scikit-learn loop on 1/10 of the sources"
    )
    parser.add_argument("--repeat", type=int, default=7, help="runs of the fast paths (best)")
    args = parser.parse_args(argv)

    scheme = parse_bins(BINS)
    claims = build_claims()
    print(
        f"scoring benchmark: {len(claims):,} claims over {N_SOURCES:,} sources, "
        f"bins={BINS}, seed {SEED}"
    )

    scores, table = sooth_tables(claims, scheme)  # warms up caches and imports, too
    data = floor_input(claims, scheme)
    terms = per_claim_terms(data)
    fast = race(
        {
            "sooth": lambda: sooth_tables(claims, scheme),
            "floor": lambda: floor(data),
            "bincount only": lambda: bincount_sums(data, terms),
        },
        args.repeat,
    )
    ours, bare, bincount_only = fast["sooth"], fast["floor"], fast["bincount only"]

    looped, loop_brier, loop_note = time_sklearn_loop(claims, quick=args.quick)
    ours_brier = scores.set_index("group")["brier"]
    disagreement = max(abs(ours_brier[source] - value) for source, value in loop_brier.items())
    memory = peak_memory_mb(lambda: sooth_tables(claims, scheme))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    speedup, over_floor = looped.cpu / ours.cpu, ours.cpu / bare.cpu
    passed = {
        f">= {SPEEDUP_TARGET:.0f}x faster than the scikit-learn loop": (
            f"{speedup:.0f}x",
            speedup >= SPEEDUP_TARGET,
        ),
        f"within {FLOOR_TARGET:.0f}x the bincount floor": (
            f"{over_floor:.2f}x",
            over_floor <= FLOOR_TARGET,
        ),
        f"peak memory of the report < {MEMORY_TARGET_MB:.0f} MB": (
            f"{memory:.0f} MB",
            memory < MEMORY_TARGET_MB,
        ),
    }
    rows = [
        ("sooth: tally, scores table, calibration table", ours, f"best of {args.repeat}"),
        ("scikit-learn loop over sources", looped, loop_note),
        ("floor: n and 5 sums per (source, bin) by np.bincount", bare, f"best of {args.repeat}"),
        ("  of which np.bincount alone, terms precomputed", bincount_only, "for reference"),
    ]
    print(f"\n  {'path':<54}{'cpu s':>9}{'wall s':>9}")
    for label, timing, note in rows:
        print(f"  {label:<54}{timing.cpu:>9.3f}{timing.wall:>9.3f}  {note}")
    print(f"\n  {'target (on cpu time)':<54}{'measured':>9}  result")
    for label, (measured, ok) in passed.items():
        print(f"  {label:<54}{measured:>9}  {verdict(ok)}")
    wall_speedup, wall_over_floor = looped.wall / ours.wall, ours.wall / bare.wall
    print(f"\n  on wall-clock time: {wall_speedup:.0f}x the loop, {wall_over_floor:.2f}x the floor")
    print(f"  sooth is {ours.cpu / bincount_only.cpu:.2f}x the six np.bincount calls alone (cpu)")
    print(f"  tables: {len(scores):,} score rows, {len(table):,} calibration rows")
    print(f"  largest |brier - sklearn brier_score_loss| over looped sources: {disagreement:.1e}")
    print(f"  process peak RSS (data, scikit-learn and all): {rss_mb:.0f} MB")
    return 0 if all(ok for _, ok in passed.values()) else 1


def time_sklearn_loop(claims: pd.DataFrame, *, quick: bool) -> tuple[Timing, dict[str, float], str]:
    """The loop's time over all sources, or over every tenth one scaled up when quick."""
    if quick:
        sampled = claims["group"].cat.codes.to_numpy() % 10 == 0
        claims = claims[sampled]
        claims = claims.assign(group=claims["group"].cat.remove_unused_categories())
    share = claims["group"].nunique() / N_SOURCES
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        timing, brier = timed(lambda: sklearn_loop(claims))
    if not quick:
        return timing, brier, f"measured on all {N_SOURCES:,} sources"
    note = (
        f"measured on {claims['group'].nunique():,} sources ({len(claims):,} claims): "
        f"{timing.cpu:.2f} s cpu, extrapolated linearly x{1 / share:.0f}"
    )
    return Timing(timing.cpu / share, timing.wall / share), brier, note


if __name__ == "__main__":
    raise SystemExit(main())
