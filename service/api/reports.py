"""/api/v1/reports and /api/v1/sources/{slug}/calibration.png: scores and calibration."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Annotated

import pandas as pd
from fastapi import APIRouter, Depends, Query, Response
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel

from forecasts.bins import ACCEPTED_FORMS, DEFAULT_BINS
from forecasts.charts import MAX_WIDTH_PX, MIN_WIDTH_PX, WIDTH_PX
from forecasts.domain import DomainError
from forecasts.hindsight import DEFAULT_HINDSIGHT, HindsightMode
from forecasts.reports import to_csv
from forecasts.schemas import Instant
from forecasts.track_record import (
    GroupBy,
    QuantityRecord,
    ReportQuery,
    calibration_report,
    quantity_report,
    scores_report,
    source_calibration_png,
)
from service.api.deps import Reader, ReadSessionDep

router = APIRouter(tags=["reports"])

DEFINITIONS = """
**Scored claim.** A claim that is not retracted, on a question whose current resolution
(the newest, when a resolution was corrected) is yes or no. A claim is contemporaneous
when the server recorded it before its question's deadline and first resolution, and
otherwise recorded in hindsight; a hindsight claim is evidenced when it has a
`citation_url` and a `published_at` no later than the deadline and the first resolution.
`hindsight=evidenced` (default) scores contemporaneous and evidenced hindsight claims,
`all` every claim, `none` contemporaneous claims only. When a source made several claims
on one question, only one counts (unless `all_claims=true`): a contemporaneous one before
any recorded in hindsight, an evidenced one before an unevidenced one, and among those the
latest made by the deadline (the one recorded last, if two were made at the same
instant). Claims on annulled questions are counted in `n_annulled` and not scored; claims
on open and due questions are not counted at all. `n_hindsight` counts the scored claims
recorded in hindsight, `n_unevidenced` the hindsight claims the mode leaves out. Grouping
by tag, a claim counts once in each tag of its question.

With p the stated probability and y the outcome (1 yes, 0 no), per group of N claims:

- `base_rate` = mean y; `mean_probability` = mean p.
- `brier` = mean((p - y)^2): 0 is perfect, 0.25 is always saying 50%.
- `log_loss` = -mean(y ln p + (1 - y) ln(1 - p)), p clipped to [0.001, 0.999].
- `brier_skill` = 1 - brier / (base_rate (1 - base_rate)): above 0 beats always stating
  the group's own base rate; empty when the base rate is 0 or 1.
- `reliability`, `resolution`, `uncertainty`: Murphy's decomposition over the chosen
  bins; with n_k claims in bin k of mean probability p_k and observed frequency o_k,
  reliability = sum n_k/N (p_k - o_k)^2, resolution = sum n_k/N (o_k - base_rate)^2,
  uncertainty = base_rate (1 - base_rate). brier = reliability - resolution +
  uncertainty when probabilities are constant within bins, and exceeds it otherwise.
- `ece` (expected calibration error) = sum n_k/N |p_k - o_k|.
- `calibration_in_the_large` = mean_probability - base_rate: above 0 is overconfidence
  in yes.

**Bins.** `tenths` (default): eleven bins centred on 0%, 10%, ..., 100%, edges 0.05,
0.15, ..., 0.95, a probability on an edge going to the bin above. `uniform10`: exactly
scikit-learn's `calibration_curve(n_bins=10, strategy="uniform")` bins, [0, 0.1],
(0.1, 0.2], ..., (0.9, 1]. `folded`: p < 0.5 is scored as 1 - p of the opposite
outcome; bins 50%, 60%, 70%, 80%, 90%, 95%+ with edges 0.5, 0.55, 0.65, 0.75, 0.85,
0.925, 1. Explicit edges such as `0,0.2,0.5,1`: bins [0, 0.2), [0.2, 0.5), [0.5, 1].

**Calibration interval.** `ci_lower` and `ci_upper` bound `observed_frequency` with the
95% Wilson score interval (z = 1.96).

**Windows.** `made_after` <= made_at < `made_before` selects claims before the latest
one per source and question is chosen; `resolved_after` <= resolved_at <
`resolved_before` uses the current resolution's time.

**CSV.** Text cells beginning with = + - @, a tab, a carriage return or a line feed are
prefixed with a single quote so that spreadsheets show them as text; empty cells are
missing values. Full definitions: docs/scoring.md.
"""


class GroupRow(BaseModel):
    """The columns that name a row's group; source, source_name and tag as the grouping has them."""

    group: str
    source: str | None = None
    source_name: str | None = None
    tag: str | None = None


class BinRow(GroupRow):
    """A group's columns and one of its bins, with the claims in it."""

    bin: str
    bin_lower: float
    bin_upper: float
    n: int


class ScoreRow(GroupRow):
    """One group's scores; source, source_name and tag appear when the grouping has them."""

    n: int
    n_annulled: int
    n_hindsight: int
    n_unevidenced: int
    base_rate: float | None
    mean_probability: float | None
    brier: float | None
    log_loss: float | None
    brier_skill: float | None
    reliability: float | None
    resolution: float | None
    uncertainty: float | None
    ece: float | None
    calibration_in_the_large: float | None


class CalibrationRow(BinRow):
    """One bin of one group's calibration table, with its 95% Wilson interval."""

    mean_probability: float
    observed_frequency: float
    ci_lower: float
    ci_upper: float


def _invalid(error: DomainError) -> RequestValidationError:
    return RequestValidationError(
        [{"loc": ("query", error.field), "msg": error.message, "type": "value_error"}]
    )


BinsParam = Annotated[str, Query(description=f"How probabilities are binned: {ACCEPTED_FORMS}.")]
ChartWidth = Annotated[
    int,
    Query(
        ge=MIN_WIDTH_PX,
        le=MAX_WIDTH_PX,
        description="The chart's width in pixels; under 600 it is laid out for a phone.",
    ),
]
MadeAfter = Annotated[
    Instant | None, Query(description="Only claims made at or after this instant.")
]
MadeBefore = Annotated[
    Instant | None, Query(description="Only claims made strictly before this instant.")
]
ResolvedAfter = Annotated[
    Instant | None,
    Query(description="Only questions whose current resolution is at or after this instant."),
]
ResolvedBefore = Annotated[
    Instant | None,
    Query(description="Only questions whose current resolution is before this instant."),
]
TagParam = Annotated[
    list[str] | None,
    Query(description="Only questions with this tag; repeat for any of several."),
]
AllClaims = Annotated[
    bool,
    Query(description="Score every claim a source made on a question, not only its latest."),
]
HindsightParam = Annotated[
    HindsightMode,
    Query(
        description="Which claims recorded in hindsight count: evidenced (default: those "
        "citing an article published before the outcome), all, or none."
    ),
]


GroupByParam = Annotated[
    GroupBy, Query(description="One row per source, per tag, or per source and tag.")
]
SourceParam = Annotated[list[str] | None, Query(description="Only this source (slug); repeatable.")]
MinNParam = Annotated[int, Query(ge=0, description="Leave out groups with fewer scored claims.")]


def quantity_query(
    group_by: GroupByParam = "source",
    made_after: MadeAfter = None,
    made_before: MadeBefore = None,
    resolved_after: ResolvedAfter = None,
    resolved_before: ResolvedBefore = None,
    tag: TagParam = None,
    source: SourceParam = None,
    min_n: MinNParam = 0,
    hindsight: HindsightParam = DEFAULT_HINDSIGHT,
) -> ReportQuery:
    """The parameters every report takes, checked; a bad one is a 422 naming it."""
    try:
        return ReportQuery(
            group_by=group_by,
            made_after=made_after,
            made_before=made_before,
            resolved_after=resolved_after,
            resolved_before=resolved_before,
            tags=tag or (),
            sources=source or (),
            min_n=min_n,
            hindsight=hindsight,
        )
    except DomainError as error:
        raise _invalid(error) from None


QuantityQueryDep = Annotated[ReportQuery, Depends(quantity_query)]


def report_query(
    common: QuantityQueryDep, bins: BinsParam = DEFAULT_BINS, all_claims: AllClaims = False
) -> ReportQuery:
    """The scores and calibration reports' parameters: every report's, with bins and
    all_claims; a bad one is a 422 naming it."""
    try:
        return replace(common, bins=bins, all_claims=all_claims)
    except DomainError as error:
        raise _invalid(error) from None


def chart_query(
    bins: BinsParam = DEFAULT_BINS,
    made_after: MadeAfter = None,
    made_before: MadeBefore = None,
    resolved_after: ResolvedAfter = None,
    resolved_before: ResolvedBefore = None,
    tag: TagParam = None,
    all_claims: AllClaims = False,
    hindsight: HindsightParam = DEFAULT_HINDSIGHT,
) -> ReportQuery:
    """The chart's parameters, checked; a bad one is a 422 naming it."""
    try:
        return ReportQuery(
            bins=bins,
            made_after=made_after,
            made_before=made_before,
            resolved_after=resolved_after,
            resolved_before=resolved_before,
            tags=tag or (),
            all_claims=all_claims,
            hindsight=hindsight,
        )
    except DomainError as error:
        raise _invalid(error) from None


ReportQueryDep = Annotated[ReportQuery, Depends(report_query)]
ChartQueryDep = Annotated[ReportQuery, Depends(chart_query)]


def _report(session: ReadSessionDep, query: ReportQuery, kind: str) -> pd.DataFrame:
    """Run the report, turning a refusal about the source filter into a 422 on source."""
    make = scores_report if kind == "scores" else calibration_report
    try:
        return make(session=session, query=query)
    except DomainError as error:
        raise _invalid(error) from None


def _json(frame: pd.DataFrame) -> Response:
    """The rows as a JSON list, numbers at full precision; missing values (NaN) are null."""
    cells = frame.astype(object).where(frame.notna(), None)
    records = cells.to_dict("records")
    body = json.dumps(records, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return Response(content=body.encode(), media_type="application/json")


def _csv(frame: pd.DataFrame, *, kind: str, query: ReportQuery) -> Response:
    grouping = query.group_by.replace(",", "-")
    filename = f"sooth-{kind}-by-{grouping}.csv"
    return Response(
        content=to_csv(frame),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get(
    "/reports/scores",
    response_model=list[ScoreRow],
    description="One row per group (source by default): n, n_annulled and the scores.\n"
    + DEFINITIONS,
)
def get_scores(session: ReadSessionDep, query: ReportQueryDep, _: Reader) -> Response:
    """Scores per group as JSON."""
    return _json(_report(session, query, "scores"))


@router.get(
    "/reports/scores.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "The scores as CSV."}},
    description="The scores report as a CSV download, one row per group.\n" + DEFINITIONS,
)
def get_scores_csv(session: ReadSessionDep, query: ReportQueryDep, _: Reader) -> Response:
    """Scores per group as CSV."""
    return _csv(_report(session, query, "scores"), kind="scores", query=query)


@router.get(
    "/reports/calibration",
    response_model=list[CalibrationRow],
    description="One row per group and non-empty bin: the calibration table.\n" + DEFINITIONS,
)
def get_calibration(session: ReadSessionDep, query: ReportQueryDep, _: Reader) -> Response:
    """Calibration tables per group as JSON."""
    return _json(_report(session, query, "calibration"))


@router.get(
    "/reports/calibration.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "The table as CSV."}},
    description="The calibration table as a CSV download, one row per group and bin.\n"
    + DEFINITIONS,
)
def get_calibration_csv(session: ReadSessionDep, query: ReportQueryDep, _: Reader) -> Response:
    """Calibration tables per group as CSV."""
    return _csv(_report(session, query, "calibration"), kind="calibration", query=query)


@router.get(
    "/sources/{slug}/calibration.png",
    response_class=Response,
    responses={
        200: {
            "content": {"image/png": {}},
            "description": "A PNG, 800 x 600 by default; under 600 pixels wide, laid out for "
            "a phone.",
        }
    },
    description="The source's calibration chart: the diagonal, one point per non-empty bin "
    "(area by number of claims) with its 95% Wilson interval, and the source's name, n and "
    "Brier score in the title.\n" + DEFINITIONS,
)
def get_calibration_chart(
    slug: str,
    session: ReadSessionDep,
    query: ChartQueryDep,
    _: Reader,
    width: ChartWidth = WIDTH_PX,
) -> Response:
    """The source's calibration chart as a PNG, 800 x 600 unless another width is asked for."""
    png = source_calibration_png(session=session, slug=slug, query=query, width=width)
    return Response(content=png, media_type="image/png")


QUANTITY_DEFINITIONS = """
**Scored quantity claim.** A claim on a quantity question whose current resolution is a
measured value v, chosen by the same rule as for probabilities: not retracted, made by
the deadline, the latest of its source on the question, and `hindsight` deciding which
claims recorded after the fact count. Annulled, open and due questions are left out.

Per claim: a point x, a range [l, h], or a range with a stated confidence c.

- `abs_error`: |x - v|; for a range 0 inside it, else the distance to the nearer end.
- `ape`: |m - v| / |v|, m the point or the range's midpoint; empty when v = 0.
- `hit`: l <= v <= h, for ranges.
- `interval_score`: (h - l) + (2/a)(l - v)[v < l] + (2/a)(v - h)[v > h], a = 1 - c, for
  ranges with a confidence (Gneiting and Raftery 2007); `relative_interval_score` is
  it divided by |v| (empty when v = 0).

Per group: `n` scored quantity claims, `n_hindsight` of them recorded in hindsight,
`n_unevidenced` hindsight claims the mode leaves out (a group whose claims are all left out
has a row with n = 0), `n_ranges` of the scored claims ranges, `hits`, `hit_rate` =
hits / n_ranges with its 95% Wilson interval `hit_rate_low`..`hit_rate_high`;
`mean_confidence` over the ranges with a confidence and `coverage_gap` = their hit rate
minus their mean confidence (below 0: intervals too narrow for the confidence stated);
`median_ape`; `mean_relative_interval_score`. Full definitions: docs/scoring.md.
"""


class QuantityRow(GroupRow):
    """One group's quantity figures; source, source_name and tag appear with the grouping."""

    n: int
    n_hindsight: int
    n_unevidenced: int
    n_ranges: int
    hits: int
    hit_rate: float | None
    hit_rate_low: float | None
    hit_rate_high: float | None
    mean_confidence: float | None
    coverage_gap: float | None
    median_ape: float | None
    mean_relative_interval_score: float | None


class CoverageRow(BinRow):
    """One bin of stated confidence of one group: how often its ranges held the value."""

    mean_confidence: float
    hits: int
    hit_rate: float
    ci_lower: float
    ci_upper: float


def _quantities(session: ReadSessionDep, query: ReportQuery) -> QuantityRecord:
    try:
        return quantity_report(session=session, query=query)
    except DomainError as error:
        raise _invalid(error) from None


@router.get(
    "/reports/quantities",
    response_model=list[QuantityRow],
    description="One row per group (source by default) of quantity claims.\n"
    + QUANTITY_DEFINITIONS,
)
def get_quantities(session: ReadSessionDep, query: QuantityQueryDep, _: Reader) -> Response:
    """Quantity figures per group as JSON."""
    return _json(_quantities(session, query).scores)


@router.get(
    "/reports/quantities.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "The figures as CSV."}},
    description="The quantity report as a CSV download, one row per group.\n"
    + QUANTITY_DEFINITIONS,
)
def get_quantities_csv(session: ReadSessionDep, query: QuantityQueryDep, _: Reader) -> Response:
    """Quantity figures per group as CSV."""
    return _csv(_quantities(session, query).scores, kind="quantities", query=query)


@router.get(
    "/reports/coverage",
    response_model=list[CoverageRow],
    description="Per group and bin of stated confidence (<50%, 50%, 60%, 70%, 80%, 90%, "
    "95%+; each bin from its edge to the next): the ranges, how many held the value, and "
    "the 95% Wilson interval on that rate. The counterpart of the calibration table.\n"
    + QUANTITY_DEFINITIONS,
)
def get_coverage(session: ReadSessionDep, query: QuantityQueryDep, _: Reader) -> Response:
    """Coverage by stated confidence as JSON."""
    return _json(_quantities(session, query).coverage)


@router.get(
    "/reports/coverage.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "The table as CSV."}},
    description="The coverage table as a CSV download, one row per group and bin.\n"
    + QUANTITY_DEFINITIONS,
)
def get_coverage_csv(session: ReadSessionDep, query: QuantityQueryDep, _: Reader) -> Response:
    """Coverage by stated confidence as CSV."""
    return _csv(_quantities(session, query).coverage, kind="coverage", query=query)
