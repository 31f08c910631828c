"""Bin schemes: how stated probabilities are grouped for calibration.

A scheme is a partition of [0, 1] (of [0.5, 1] when it folds) into bins, each with a
label and lower and upper edges for display, and a vectorised rule assigning each
probability to a bin. Which side of a cut a probability equal to it falls on is part of
the scheme: sklearn's convention for ``uniform10``, lower-inclusive for the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import Any, Final, Literal, TypeVar

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IndexArray = npt.NDArray[np.intp]
Outcome = TypeVar("Outcome", np.int8, np.float64)

DEFAULT_BINS = "tenths"

ACCEPTED_FORMS = (
    "tenths (the default), uniform10, folded, or explicit edges from 0 to 1 such as 0,0.2,0.5,1"
)

# Probabilities are looked up in a table of 2^k equal cells; multiplying by a power of two
# is exact, so floor(p * cells) is exactly the cell holding p.
_MIN_LOOKUP_CELLS: Final = 1024
_MAX_LOOKUP_CELLS: Final = 1 << 20


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
        """Bin index of each probability in [0, 1]: searchsorted(cuts, p, side)."""
        return self._assign_compact(probabilities).astype(np.intp, copy=False)

    def cells(self, codes: npt.NDArray[np.integer[Any]], probabilities: FloatArray) -> IndexArray:
        """codes * n_bins + bin of p: one index per claim for its (group, bin) cell."""
        cells: IndexArray = np.multiply(codes, self.n_bins, dtype=np.intp)
        cells += self._assign_compact(probabilities)
        return cells

    def _assign_compact(self, probabilities: FloatArray) -> npt.NDArray[np.integer[Any]]:
        if self._lookup is None:
            return np.searchsorted(np.asarray(self.cuts), probabilities, side=self.side)
        return self._lookup.assign(probabilities, side=self.side)

    @cached_property
    def _lookup(self) -> _CellLookup | None:
        # A binary search per claim costs several times a table lookup and one comparison.
        return _CellLookup.build(self.cuts)

    def fold(
        self, probabilities: FloatArray, outcomes: npt.NDArray[Outcome]
    ) -> tuple[FloatArray, npt.NDArray[Outcome]]:
        """(1 - p, 1 - y) where p < 0.5 when the scheme folds; (p, y) unchanged otherwise."""
        if not self.folds:
            return probabilities, outcomes
        below = probabilities < 0.5
        folded_p = np.where(below, 1.0 - probabilities, probabilities)
        folded_y = np.where(below, 1 - outcomes, outcomes).astype(outcomes.dtype)
        return folded_p, folded_y


@dataclass(frozen=True)
class _CellLookup:
    """searchsorted over few cuts, done as a table lookup: [0, 1] split into equal cells."""

    cells: int
    below: npt.NDArray[np.integer[Any]]
    """below[i]: how many cuts are smaller than the cell's lower end i / cells."""
    cut_in: FloatArray
    """cut_in[i]: the one cut within [i / cells, (i + 1) / cells), or +inf if none is."""

    @classmethod
    def build(cls, cuts: tuple[float, ...]) -> _CellLookup | None:
        """A table with at most one cut per cell, or None if the cuts are too close for one."""
        values = np.asarray(cuts, dtype=np.float64)
        if values.size == 0 or values.min() < 0.0 or values.max() >= 1.0:
            return None
        gap = float(np.diff(values).min()) if values.size > 1 else 1.0
        cells = _MIN_LOOKUP_CELLS
        while cells * gap <= 1.0:
            cells *= 2
            if cells > _MAX_LOOKUP_CELLS:
                return None
        lower_ends = np.arange(cells + 1, dtype=np.float64) / cells
        # The narrowest type that counts every cut: less memory to write per claim.
        below = np.searchsorted(values, lower_ends, side="left").astype(
            np.min_scalar_type(-(values.size + 1))
        )
        cut_in = np.full(cells + 1, np.inf)
        cut_in[np.floor(values * cells).astype(np.intp)] = values
        return cls(cells=cells, below=below, cut_in=cut_in)

    def assign(
        self, probabilities: FloatArray, *, side: Literal["left", "right"]
    ) -> npt.NDArray[np.integer[Any]]:
        """below[cell] + (p >= cut_in[cell]) for side "right", (p > cut_in[cell]) for "left"."""
        cell = (probabilities * self.cells).astype(np.int32)
        # mode="clip" keeps a p outside [0, 1] in the first or last bin, as searchsorted does.
        cut = np.take(self.cut_in, cell, mode="clip")
        bins = np.take(self.below, cell, mode="clip")
        bins += probabilities >= cut if side == "right" else probabilities > cut
        return bins


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
    """p < 0.5 scored as 1 - p of the opposite outcome; bins 50%, 60%, ..., 90%, 95%+.

    Folding needs no rounding: 1 - p of a stated 0.45, 0.35, 0.25, 0.15 or 0.075 is
    exactly the double its cut parses to, and any other probability stated with up to
    twelve decimals folds at least 1e-12 away from every cut, far beyond the error of a
    double's subtraction (tests/forecasts/test_bin_parsing.py checks both).
    """
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
