"""/api/v1/compare: two sources head to head on the questions both forecast."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from forecasts.comparison import compare_sources
from forecasts.hindsight import DEFAULT_HINDSIGHT
from service.api.deps import Reader, ReadSessionDep
from service.api.reports import HindsightParam

router = APIRouter(tags=["reports"])

Slug = Annotated[str, Query(min_length=1, max_length=120, description="A source's slug.")]


class ComparisonPublic(BaseModel):
    """Sources a and b on the resolved questions both forecast."""

    a: str = Field(description="The first source's slug.")
    b: str = Field(description="The second source's slug.")
    n_shared: int = Field(description="Resolved questions on which both have a scored claim.")
    brier_a: float | None = Field(description="a's mean Brier score on those questions.")
    brier_b: float | None = Field(description="b's mean Brier score on those questions.")
    difference: float | None = Field(
        description="brier_a - brier_b, the mean of the per-question differences: "
        "below 0, a was more accurate."
    )
    ci_low: float | None = Field(description="Lower end of the 95% paired-bootstrap interval.")
    ci_high: float | None = Field(description="Upper end of the 95% paired-bootstrap interval.")


@router.get("/compare")
def get_comparison(
    a: Slug,
    b: Slug,
    session: ReadSessionDep,
    _: Reader,
    hindsight: HindsightParam = DEFAULT_HINDSIGHT,
) -> ComparisonPublic:
    """Compare two sources' Brier scores on the resolved questions both forecast.

    Each source's claim on a question is the one that counts in its scores report, under
    the same `hindsight` rule (contemporaneous and evidenced hindsight claims by default). The
    interval is a percentile interval from 10,000 paired bootstrap resamples of the
    per-question differences, seeded, so the same data gives the same interval. When it
    excludes 0 the data can tell the two apart; the figures are empty (null) when the
    sources share no resolved question.
    """
    comparison = compare_sources(session=session, a=a, b=b, hindsight=hindsight)
    return ComparisonPublic(**comparison.public())
