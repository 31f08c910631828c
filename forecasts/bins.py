"""Bin schemes: how stated probabilities are grouped for calibration.

A scheme is a partition of [0, 1] (of [0.5, 1] when it folds) into bins, each with a
label and lower and upper edges for display, and a vectorised rule assigning each
probability to a bin. Which side of a cut a probability equal to it falls on is part of
the scheme: sklearn's convention for ``uniform10``, lower-inclusive for the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IndexArray = npt.NDArray[np.intp]

DEFAULT_BINS = "tenths"

ACCEPTED_FORMS = (
    "tenths (the default), uniform10, folded, or explicit edges from 0 to 1 such as 0,0.2,0.5,1"
)

# Folded probabilities are 1 - p: 1 - 0.45 is 0.54999999999999999 while 0.55 parses to
# 0.55000000000000004, so a stated 45% and 55% would land in different bins unless the
# folded scheme rounds before comparing with its cuts.
_FOLD_DECIMALS = 12


@dataclass(frozen=True)
class BinScheme:
    """A partition of the probability scale into labelled bins."""

    name: str
    labels: tuple[str, ...]
    lower: tuple[float, ...]
    upper: tuple[float, ...]
    folds: bool
    cuts: tuple[float, ...]
    """Inner boundaries used for assignment (may differ from the display edges by an ulp)."""
    side: Literal["left", "right"]
    """np.searchsorted side: "right" puts a value equal to a cut in the bin above it."""

    @property
    def n_bins(self) -> int:
        """Number of bins."""
        return len(self.labels)

    def assign(self, probabilities: FloatArray) -> IndexArray:
        """Bin index of each probability: searchsorted(cuts, p, side)."""
        if self.folds:
            probabilities = np.round(probabilities, _FOLD_DECIMALS)
        return np.searchsorted(np.asarray(self.cuts), probabilities, side=self.side)

    def fold(
        self, probabilities: FloatArray, outcomes: FloatArray
    ) -> tuple[FloatArray, FloatArray]:
        """(1 - p, 1 - y) where p < 0.5 when the scheme folds; (p, y) unchanged otherwise."""
        if not self.folds:
            return probabilities, outcomes
        below = probabilities < 0.5
        folded_p = np.where(below, 1.0 - probabilities, probabilities)
        folded_y = np.where(below, 1.0 - outcomes, outcomes)
        return folded_p, folded_y


def parse_bins(spec: str = DEFAULT_BINS) -> BinScheme:
    """The scheme named by spec: tenths, uniform10, folded, or comma-separated edges."""
    text = spec.strip().lower()
    if text == "tenths":
        return tenths()
    if text == "uniform10":
        return uniform10()
    if text == "folded":
        return folded()
    if "," in text:
        return explicit_edges(_parse_edges(spec), spec=spec)
    raise ValueError(f"unknown bins {spec!r}; accepted: {ACCEPTED_FORMS}")


def tenths() -> BinScheme:
    """Eleven bins centred on 0, 0.1, ..., 1 with edges at 0.05, 0.15, ..., 0.95."""
    # (2k + 1) / 20 is the correctly rounded double, the same one "0.15" parses to, so a
    # stated 0.15 falls in the 20% bin as the lower-inclusive convention says.
    cuts = tuple((2 * k + 1) / 20 for k in range(10))
    return BinScheme(
        name="tenths",
        labels=tuple(f"{10 * k}%" for k in range(11)),
        lower=(0.0, *cuts),
        upper=(*cuts, 1.0),
        folds=False,
        cuts=cuts,
        side="right",
    )


def uniform10() -> BinScheme:
    """scikit-learn's calibration_curve(n_bins=10, strategy="uniform") bins, edges included."""
    # sklearn: binids = np.searchsorted(np.linspace(0, 1, 11)[1:-1], y_prob), side "left",
    # so a probability equal to a cut belongs to the bin below: [0, 0.1], (0.1, 0.2], ...
    # The cuts keep linspace's values (0.30000000000000004) to agree number for number.
    edges = np.linspace(0.0, 1.0, 11)
    shown = [round(float(edge), 12) for edge in edges]
    labels = tuple(
        f"{'[' if k == 0 else '('}{_number(shown[k])}, {_number(shown[k + 1])}]" for k in range(10)
    )
    return BinScheme(
        name="uniform10",
        labels=labels,
        lower=tuple(shown[:-1]),
        upper=tuple(shown[1:]),
        folds=False,
        cuts=tuple(float(edge) for edge in edges[1:-1]),
        side="left",
    )


def folded() -> BinScheme:
    """p < 0.5 scored as 1 - p of the opposite outcome; bins 50%, 60%, ..., 90%, 95%+."""
    edges = (0.5, 0.55, 0.65, 0.75, 0.85, 0.925, 1.0)
    return BinScheme(
        name="folded",
        labels=("50%", "60%", "70%", "80%", "90%", "95%+"),
        lower=edges[:-1],
        upper=edges[1:],
        folds=True,
        cuts=edges[1:-1],
        side="right",
    )


def explicit_edges(edges: tuple[float, ...], *, spec: str | None = None) -> BinScheme:
    """Bins [e0, e1), [e1, e2), ..., [e_k-1, e_k] from edges that run from 0 to 1."""
    _check_edges(edges, spec=",".join(map(str, edges)) if spec is None else spec)
    last = len(edges) - 2
    labels = tuple(
        f"[{_number(edges[k])}, {_number(edges[k + 1])}{']' if k == last else ')'}"
        for k in range(len(edges) - 1)
    )
    return BinScheme(
        name=",".join(_number(edge) for edge in edges),
        labels=labels,
        lower=edges[:-1],
        upper=edges[1:],
        folds=False,
        cuts=edges[1:-1],
        side="right",
    )


def _parse_edges(spec: str) -> tuple[float, ...]:
    edges: list[float] = []
    for part in spec.split(","):
        try:
            edges.append(float(part))
        except ValueError:
            raise ValueError(
                f"bins {spec!r}: {part.strip()!r} is not a number; accepted: {ACCEPTED_FORMS}"
            ) from None
    return tuple(edges)


def _check_edges(edges: tuple[float, ...], *, spec: str) -> None:
    if len(edges) < 2:
        raise ValueError(f"bins {spec!r}: need at least two edges; accepted: {ACCEPTED_FORMS}")
    if not all(np.isfinite(edges)):
        raise ValueError(f"bins {spec!r}: edges must be finite; accepted: {ACCEPTED_FORMS}")
    if edges[0] != 0.0 or edges[-1] != 1.0:
        raise ValueError(
            f"bins {spec!r}: edges must start at 0 and end at 1 so that every probability "
            f"has a bin; accepted: {ACCEPTED_FORMS}"
        )
    for before, after in pairwise(edges):
        if after <= before:
            raise ValueError(
                f"bins {spec!r}: edges must increase strictly, but {_number(after)} follows "
                f"{_number(before)}; accepted: {ACCEPTED_FORMS}"
            )


def _number(value: float) -> str:
    return f"{value:.12g}"
