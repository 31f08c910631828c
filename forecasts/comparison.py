"""Two sources head to head: their Brier scores on the questions both of them forecast.

Scores of two sources over different questions are not comparable: one may have picked
easy questions. On the questions both forecast, the per-question difference of their
Brier scores is paired, so its mean and a paired bootstrap interval say whether one was
more accurate than the other on the same events.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

import numpy as np
import numpy.typing as npt
from sqlmodel import Session

from forecasts.domain import DomainError, NotFoundError
from forecasts.hindsight import DEFAULT_HINDSIGHT, HindsightMode
from forecasts.sources import get_source
from forecasts.track_record import ScoredClaim, source_scored_claims

FloatArray = npt.NDArray[np.float64]

BOOTSTRAP_RESAMPLES: Final = 10_000
# Fixed, so that the same claims always give the same interval.
BOOTSTRAP_SEED: Final = 20_230_801
# Resampled means are drawn in blocks of about this many numbers, to bound memory.
_BLOCK_CELLS: Final = 4_000_000


class Verdict(StrEnum):
    """What the paired interval says about the two sources."""

    no_shared = "no_shared"
    a_better = "a_better"
    b_better = "b_better"
    undecided = "undecided"


@dataclass(frozen=True)
class SharedQuestion:
    """One resolved question both sources forecast, with the claim that counts for each."""

    question_id: int
    title: str
    a: ScoredClaim
    b: ScoredClaim

    @property
    def difference(self) -> float:
        """brier_a - brier_b on this question: below 0, source a was closer."""
        return self.a.brier - self.b.brier


@dataclass(frozen=True)
class Comparison:
    """Sources a and b on their shared resolved questions."""

    a: str
    b: str
    shared: list[SharedQuestion]
    brier_a: float | None
    brier_b: float | None
    difference: float | None
    """mean(brier_a - brier_b) over the shared questions."""
    ci_low: float | None
    ci_high: float | None
    """The 95% paired-bootstrap percentile interval of `difference`."""

    @property
    def n_shared(self) -> int:
        """How many resolved questions both sources forecast."""
        return len(self.shared)

    @property
    def verdict(self) -> Verdict:
        """Whether the interval excludes no difference, and in whose favour."""
        if self.ci_low is None or self.ci_high is None:
            return Verdict.no_shared
        if self.ci_high < 0:
            return Verdict.a_better
        if self.ci_low > 0:
            return Verdict.b_better
        return Verdict.undecided

    def public(self) -> dict[str, Any]:
        """The figures the API returns."""
        return {
            "a": self.a,
            "b": self.b,
            "n_shared": self.n_shared,
            "brier_a": self.brier_a,
            "brier_b": self.brier_b,
            "difference": self.difference,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
        }


def paired_bootstrap_interval(
    differences: FloatArray,
    *,
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
    level: float = 0.95,
) -> tuple[float, float]:
    """Percentile interval of mean(d) over `resamples` resamples of d with replacement."""
    n = len(differences)
    if n == 0:
        raise ValueError("a bootstrap needs at least one difference")
    rng = np.random.default_rng(seed)
    means = np.empty(resamples, dtype=np.float64)
    block = max(1, _BLOCK_CELLS // n)
    for start in range(0, resamples, block):
        stop = min(start + block, resamples)
        picks = rng.integers(0, n, size=(stop - start, n))
        means[start:stop] = differences[picks].mean(axis=1)
    tail = (1 - level) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return float(low), float(high)


def compare_scored(
    *, a: str, b: str, a_claims: list[ScoredClaim], b_claims: list[ScoredClaim]
) -> Comparison:
    """Pair two sources' scored claims by question and compare their Brier scores."""
    by_question = {claim.question_id: claim for claim in b_claims}
    shared = sorted(
        (
            SharedQuestion(
                question_id=claim.question_id,
                title=claim.question_title,
                a=claim,
                b=by_question[claim.question_id],
            )
            for claim in a_claims
            if claim.question_id in by_question
        ),
        key=lambda pair: pair.question_id,
    )
    if not shared:
        return Comparison(
            a=a,
            b=b,
            shared=[],
            brier_a=None,
            brier_b=None,
            difference=None,
            ci_low=None,
            ci_high=None,
        )
    brier_a = np.array([pair.a.brier for pair in shared], dtype=np.float64)
    brier_b = np.array([pair.b.brier for pair in shared], dtype=np.float64)
    low, high = paired_bootstrap_interval(brier_a - brier_b)
    return Comparison(
        a=a,
        b=b,
        shared=shared,
        brier_a=float(brier_a.mean()),
        brier_b=float(brier_b.mean()),
        difference=float((brier_a - brier_b).mean()),
        ci_low=low,
        ci_high=high,
    )


def compare_sources(
    *, session: Session, a: str, b: str, hindsight: HindsightMode = DEFAULT_HINDSIGHT
) -> Comparison:
    """Sources a and b on the resolved questions where both have a claim that counts."""
    if a == b:
        raise DomainError("b", "name a second source: a source compared with itself says nothing")
    for field, slug in (("a", a), ("b", b)):
        try:
            get_source(session=session, slug=slug)
        except NotFoundError as missing:
            raise NotFoundError(field, missing.message) from None
    return compare_scored(
        a=a,
        b=b,
        a_claims=source_scored_claims(session=session, slug=a, hindsight=hindsight),
        b_claims=source_scored_claims(session=session, slug=b, hindsight=hindsight),
    )
