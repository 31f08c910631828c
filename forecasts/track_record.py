"""Track records: each source's scores and calibration, computed from the ledger.

A scored claim is one that counts under forecasts.hindsight's rule (not retracted, made
no later than the question's deadline, of a standing the hindsight mode admits and,
unless all_claims is asked for, the best such claim of its source on that question), on
a question whose current resolution (the one with the highest sequence) is yes or no.
Claims that would count but for their question being annulled are counted in n_annulled;
hindsight claims the mode leaves out, on questions resolved yes or no, in n_unevidenced;
open and due questions count nowhere.

The one pass over every claim is a single SQL GROUP BY returning the sufficient statistics
per (group, bin) that forecasts.tallies defines; the scores and calibration tables are then
derived from at most groups x bins rows, so the database does the heavy work in C on
SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property
from typing import Any, Final, Literal, get_args

import numpy as np
import pandas as pd
from sqlalchemy import (
    Float,
    Integer,
    and_,
    case,
    func,
    literal,
    literal_column,
    not_,
    or_,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import Join, Select
from sqlmodel import Session

from forecasts.bins import DEFAULT_BINS, BinScheme, parse_bins
from forecasts.calibration import calibration_table
from forecasts.charts import WIDTH_PX, calibration_chart_png, chart_title
from forecasts.domain import DomainError, Outcome, QuestionKind, normalise_tags, require_aware
from forecasts.hindsight import (
    DEFAULT_HINDSIGHT,
    HINDSIGHT_MODES,
    HindsightMode,
    Standing,
    counting_conditions,
    standing_sql,
    widest_standing,
)
from forecasts.models import Claim, Question, QuestionTag, Resolution, Source
from forecasts.quantities import claim_scores, quantity_table
from forecasts.schemas import Quantity
from forecasts.scoring import scores_table
from forecasts.sources import get_source
from forecasts.tallies import LOG_LOSS_CLIP, SUM_COLUMNS, Tally, group_codes

GroupBy = Literal["source", "tag", "source,tag"]
GROUP_BY_CHOICES: Final[tuple[str, ...]] = get_args(GroupBy)

GROUP_SEPARATOR: Final = "/"
"""Joins slug and tag in a source,tag group name; neither slugs nor tags may contain it."""

ANNULLED_BIN: Final = -1
"""The bin the tally query gives claims on annulled questions, which are counted only."""

LEFT_OUT_BIN: Final = -2
"""The bin the tally query gives hindsight claims the mode leaves out, counted only."""

_claim = Claim.__table__.alias("c")  # type: ignore[attr-defined]
_later = Claim.__table__.alias("later")  # type: ignore[attr-defined]
_question = Question.__table__.alias("q")  # type: ignore[attr-defined]
_resolution = Resolution.__table__.alias("r")  # type: ignore[attr-defined]
_newer = Resolution.__table__.alias("newer")  # type: ignore[attr-defined]
_first = Resolution.__table__.alias("first")  # type: ignore[attr-defined]
_tag = QuestionTag.__table__.alias("qt")  # type: ignore[attr-defined]
_source = Source.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ReportQuery:
    """What a report covers and how it groups and bins; invalid values raise DomainError."""

    group_by: GroupBy = "source"
    bins: str = DEFAULT_BINS
    made_after: datetime | None = None
    """Claims made at or after this instant."""
    made_before: datetime | None = None
    """Claims made strictly before this instant."""
    resolved_after: datetime | None = None
    """Questions whose current resolution was recorded at or after this instant."""
    resolved_before: datetime | None = None
    """Questions whose current resolution was recorded strictly before this instant."""
    tags: Sequence[str] = ()
    """Only questions carrying one of these tags (and, grouping by tag, only these tags)."""
    sources: Sequence[str] = ()
    """Only these sources, by slug."""
    min_n: int = 0
    """Leave out groups with fewer scored claims."""
    all_claims: bool = False
    """Score every claim a source made on a question, not only its latest."""
    hindsight: HindsightMode = DEFAULT_HINDSIGHT
    """Which claims recorded in hindsight count: evidenced ones, all, or none."""
    _scheme: BinScheme = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.group_by not in GROUP_BY_CHOICES:
            raise DomainError(
                "group_by", f"must be one of {', '.join(GROUP_BY_CHOICES)}, not {self.group_by!r}"
            )
        try:
            scheme = parse_bins(self.bins)
        except ValueError as error:
            raise DomainError("bins", str(error)) from None
        object.__setattr__(self, "_scheme", scheme)
        for name in ("made_after", "made_before", "resolved_after", "resolved_before"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, require_aware(name, value))
        _check_window("made", self.made_after, self.made_before)
        _check_window("resolved", self.resolved_after, self.resolved_before)
        object.__setattr__(self, "tags", tuple(normalise_tags("tag", list(self.tags))))
        object.__setattr__(self, "sources", tuple(sorted({s.strip() for s in self.sources})))
        if self.min_n < 0:
            raise DomainError("min_n", f"must be 0 or more, not {self.min_n}")
        if self.hindsight not in HINDSIGHT_MODES:
            raise DomainError(
                "hindsight",
                f"must be one of {', '.join(HINDSIGHT_MODES)}, not {self.hindsight!r}",
            )

    @property
    def scheme(self) -> BinScheme:
        """The bin scheme named by bins."""
        return self._scheme

    @property
    def by_source(self) -> bool:
        """Whether groups are (or include) sources."""
        return self.group_by in ("source", "source,tag")

    @property
    def by_tag(self) -> bool:
        """Whether groups are (or include) tags."""
        return self.group_by in ("tag", "source,tag")


def _check_window(what: str, after: datetime | None, before: datetime | None) -> None:
    if after is not None and before is not None and before <= after:
        raise DomainError(
            f"{what}_before",
            f"must be later than {what}_after ({after.isoformat()}), "
            f"not {before.isoformat()}: the window {what}_after <= t < {what}_before is empty",
        )


@dataclass(frozen=True)
class TrackRecord:
    """The scores table and the calibration table of one report query."""

    query: ReportQuery
    tally: Tally
    """The sufficient statistics per (group, bin), as forecasts.tallies describes them."""
    n_annulled: pd.Series
    """Per group name, its claims on annulled questions."""
    n_hindsight: pd.Series
    """Per group name, its scored claims that were recorded in hindsight."""
    n_unevidenced: pd.Series
    """Per group name, its hindsight claims the query's mode leaves out."""
    keys: pd.DataFrame
    """Per group name (the index), the columns it is made of: source, source_name, tag."""

    @cached_property
    def scores(self) -> pd.DataFrame:
        """One row per group: group, its key columns, then forecasts.scoring.SCORE_COLUMNS
        with n_hindsight and n_unevidenced after n_annulled."""
        table = scores_table(self.tally, self.n_annulled, min_n=self.query.min_n)
        table = _with_hindsight(table, self.n_hindsight, self.n_unevidenced, min_n=self.query.min_n)
        return _with_keys(table, self.keys)

    @cached_property
    def calibration(self) -> pd.DataFrame:
        """One row per group and non-empty bin: group, its key columns, then the bin's figures."""
        table = calibration_table(self.tally, self.query.scheme, min_n=self.query.min_n)
        return _with_keys(table, self.keys)


@dataclass(frozen=True)
class ScoredClaim:
    """One claim that counts in a source's track record, with what it scored."""

    claim_id: int
    question_id: int
    question_title: str
    deadline: datetime
    probability: float
    made_at: datetime
    quote: str
    citation_url: str | None
    recorded_at: datetime
    standing: Standing
    outcome: Outcome
    resolved_at: datetime
    brier: float
    """(p - y)^2, this claim's contribution to the mean that is the Brier score."""
    log_loss: float
    """-(y ln p + (1 - y) ln(1 - p)) with p clipped to [0.001, 0.999]."""

    @property
    def hindsight(self) -> bool:
        """Whether the claim was recorded after its question's deadline or first verdict."""
        return self.standing is not Standing.contemporaneous


def scores_report(*, session: Session, query: ReportQuery) -> pd.DataFrame:
    """One row per group: n, n_annulled and the scores of forecasts.scoring."""
    return track_record(session=session, query=query).scores


def calibration_report(*, session: Session, query: ReportQuery) -> pd.DataFrame:
    """One row per group and non-empty bin: n, mean probability, frequency, Wilson 95%."""
    return track_record(session=session, query=query).calibration


def track_record(*, session: Session, query: ReportQuery) -> TrackRecord:
    """Tally the scored claims the query selects in one SQL pass; tables derive from it."""
    source_ids = _source_ids(session, query.sources)
    statement = _tally_statement(query, source_ids)
    # Plain tuples: pandas probes each SQLAlchemy Row for namedtuple fields, which is slow.
    rows = [tuple(row) for row in session.execute(statement).all()]
    raw = pd.DataFrame.from_records(
        rows,
        columns=[*_key_columns(query), "bin", "n", *SUM_COLUMNS, "n_hindsight"],
        coerce_float=True,
    )
    keys, labels = _group_keys(session, query, raw)
    bins = raw["bin"].to_numpy(dtype=np.intp)
    n = raw["n"].to_numpy(dtype=np.float64)
    annulled = bins == ANNULLED_BIN
    left_out = bins == LEFT_OUT_BIN
    scored = bins >= 0
    n_annulled = _per_label(n, labels, annulled)
    n_unevidenced = _per_label(n, labels, left_out)
    n_hindsight = _per_label(raw["n_hindsight"].to_numpy(dtype=np.float64), labels, scored)
    codes, groups = group_codes(pd.Series(labels[scored], dtype=object))
    tally = Tally(
        groups=groups,
        codes=codes.astype(np.intp, copy=False),
        bins=bins[scored],
        n=n[scored],
        **{name: raw[name].to_numpy(dtype=np.float64)[scored] for name in SUM_COLUMNS},
    )
    return TrackRecord(
        query=query,
        tally=tally,
        n_annulled=n_annulled,
        n_hindsight=n_hindsight,
        n_unevidenced=n_unevidenced,
        keys=keys,
    )


def _per_label(
    values: np.ndarray[Any, Any], labels: np.ndarray[Any, Any], rows: np.ndarray[Any, Any]
) -> pd.Series:
    """Per group name, the sum of values over the chosen tally rows."""
    series = pd.Series(values[rows].astype(np.int64), index=pd.Index(labels[rows], dtype=object))
    return series.groupby(level=0, sort=False).sum() if series.index.has_duplicates else series


def source_calibration_png(
    *, session: Session, slug: str, query: ReportQuery | None = None, width: int = WIDTH_PX
) -> bytes:
    """The source's calibration chart, `width` pixels wide (800 x 600 by default), titled
    with its name, n and Brier score."""
    source = get_source(session=session, slug=slug)
    query = replace(query or ReportQuery(), group_by="source", sources=(slug,), min_n=0)
    record = track_record(session=session, query=query)
    scores = record.scores[record.scores["n"] > 0]
    if scores.empty:
        title = f"{source.name} — no scored claims yet"
    else:
        row = scores.iloc[0]
        title = chart_title(name=source.name, n=int(row["n"]), brier=float(row["brier"]))
    return calibration_chart_png(record.calibration, title=title, scheme=query.scheme, width=width)


def source_scored_claims(
    *,
    session: Session,
    slug: str,
    all_claims: bool = False,
    hindsight: HindsightMode = DEFAULT_HINDSIGHT,
) -> list[ScoredClaim]:
    """The source's scored claims, newest first, each with its question, outcome and scores."""
    source = get_source(session=session, slug=slug)
    assert source.id is not None
    query = ReportQuery(sources=(slug,), all_claims=all_claims, hindsight=hindsight)
    c, q, r = _claim, _question, _resolution
    statement = (
        _scored_claims_from(query, [source.id], left_out=False)
        .where(r.c.outcome.in_([Outcome.yes, Outcome.no]))
        .with_only_columns(
            c.c.id,
            q.c.id,
            q.c.title,
            q.c.deadline,
            c.c.probability,
            c.c.made_at,
            c.c.quote,
            c.c.citation_url,
            r.c.outcome,
            r.c.resolved_at,
            c.c.recorded_at,
            _standing(c),
        )
        .order_by(c.c.made_at.desc(), c.c.id.desc())
    )
    rows = session.execute(statement).all()
    low, high = LOG_LOSS_CLIP
    claims = []
    for row in rows:
        probability = float(row[4])
        outcome = Outcome(row[8])
        y = 1.0 if outcome is Outcome.yes else 0.0
        clipped = min(max(probability, low), high)
        claims.append(
            ScoredClaim(
                claim_id=row[0],
                question_id=row[1],
                question_title=row[2],
                deadline=row[3],
                probability=probability,
                made_at=row[5],
                quote=row[6],
                citation_url=row[7],
                recorded_at=row[10],
                standing=Standing(row[11]),
                outcome=outcome,
                resolved_at=row[9],
                brier=(probability - y) ** 2,
                log_loss=-math.log(clipped if y == 1.0 else 1.0 - clipped),
            )
        )
    return claims


@dataclass(frozen=True)
class QuantityRecord:
    """The quantity report of one query: a row per group and the coverage table."""

    scores: pd.DataFrame
    """One row per group: group, its key columns, then forecasts.quantities.QUANTITY_COLUMNS
    with n_hindsight and n_unevidenced after n."""
    coverage: pd.DataFrame
    """One row per group and bin of stated confidence with ranges in it."""


_QUANTITY_INPUTS: Final = ("point", "low", "high", "confidence", "value")
_QUANTITY_BATCH: Final = 50_000


def quantity_report(*, session: Session, query: ReportQuery) -> QuantityRecord:
    """Errors, range hits and interval scores of the scored quantity claims, per group.

    Which claims count is decided by the same rule as for probabilities (_scored_claims_from);
    annulled questions are left out, and so are open and due ones. As in the scores table,
    n_hindsight counts the scored claims recorded in hindsight and n_unevidenced the
    hindsight claims the mode leaves out.
    """
    source_ids = _source_ids(session, query.sources)
    c, r = _claim, _resolution
    keys: list[ColumnElement[Any]] = []
    if query.by_source:
        keys.append(c.c.source_id.label("source_id"))
    if query.by_tag:
        keys.append(_tag.c.tag.label("tag"))
    standing = _standing(c)
    left_out: ColumnElement[bool] = standing > _int(widest_standing(query.hindsight))
    statement = (
        _scored_claims_from(query, source_ids, QuestionKind.quantity)
        .where(r.c.outcome == Outcome.value)
        .with_only_columns(
            *keys,
            c.c.point,
            c.c.low,
            c.c.high,
            c.c.confidence,
            r.c.value,
            case((standing > _int(Standing.contemporaneous), _int(1)), else_=_int(0)),
            case((left_out, _int(1)), else_=_int(0)),
        )
    )
    columns = [*_key_columns(query), *_QUANTITY_INPUTS, "hindsight", "left_out"]
    # Streamed in batches, each made a frame at once: half a million claims held as Python
    # rows would take several hundred MB, as columns of doubles a few tens.
    result = session.execute(statement.execution_options(yield_per=_QUANTITY_BATCH))
    parts = [
        pd.DataFrame.from_records([tuple(row) for row in part], columns=columns, coerce_float=True)
        for part in result.partitions()
    ]
    raw = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    keys_frame, labels = _group_keys(session, query, raw)
    left_out_rows = raw["left_out"].to_numpy(dtype=np.int64) == 1
    scored = ~left_out_rows
    hindsight = raw["hindsight"].to_numpy(dtype=np.int64)
    scores, coverage = quantity_table(
        raw[scored].reset_index(drop=True),
        groups=pd.Series(labels[scored], dtype=object),
        min_n=query.min_n,
    )
    scores = _with_hindsight(
        scores,
        _per_label(hindsight, labels, scored),
        _per_label(np.ones(len(raw), dtype=np.int64), labels, left_out_rows),
        min_n=query.min_n,
        after="n",
    )
    return QuantityRecord(
        scores=_with_keys(scores, keys_frame), coverage=_with_keys(coverage, keys_frame)
    )


@dataclass(frozen=True)
class ScoredQuantity:
    """One quantity claim that counts in a source's record, with its figures."""

    claim_id: int
    question_id: int
    question_title: str
    unit: str | None
    quantity: Quantity
    made_at: datetime
    value: float
    resolved_at: datetime
    abs_error: float
    ape: float | None
    hit: bool | None
    interval_score: float | None


def source_scored_quantities(*, session: Session, slug: str) -> list[ScoredQuantity]:
    """The source's scored quantity claims, newest first, each with its value and errors."""
    source = get_source(session=session, slug=slug)
    assert source.id is not None
    c, q, r = _claim, _question, _resolution
    statement = (
        _scored_claims_from(
            ReportQuery(sources=(slug,)), [source.id], QuestionKind.quantity, left_out=False
        )
        .where(r.c.outcome == Outcome.value)
        .with_only_columns(
            c.c.id,
            q.c.id,
            q.c.title,
            q.c.unit,
            c.c.made_at,
            r.c.resolved_at,
            *(c.c[name] for name in _QUANTITY_INPUTS[:-1]),
            r.c.value,
        )
        .order_by(c.c.made_at.desc(), c.c.id.desc())
    )
    rows = [tuple(row) for row in session.execute(statement).all()]
    numbers = np.array([row[6:] for row in rows], dtype=np.float64).reshape(-1, 5)
    scores = claim_scores(**{name: numbers[:, i] for i, name in enumerate(_QUANTITY_INPUTS)})
    figures = zip(
        *(scores[name].to_numpy(dtype=np.float64).tolist() for name in scores.columns),
        strict=True,
    )
    return [
        ScoredQuantity(
            claim_id=row[0],
            question_id=row[1],
            question_title=row[2],
            unit=row[3],
            made_at=row[4],
            resolved_at=row[5],
            quantity=Quantity(point=row[6], low=row[7], high=row[8], confidence=row[9]),
            value=float(row[10]),
            abs_error=abs_error,
            ape=_number_or_none(ape),
            hit=None if math.isnan(hit) else bool(hit),
            interval_score=_number_or_none(interval),
        )
        for row, (abs_error, ape, hit, interval, _) in zip(rows, figures, strict=True)
    ]


def _number_or_none(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


# --- the SQL ---------------------------------------------------------------------------


def _source_ids(session: Session, slugs: Sequence[str]) -> list[int] | None:
    """The ids of the named sources, or None when the report is not limited to some."""
    if not slugs:
        return None
    rows = session.execute(select(_source.c.slug, _source.c.id).where(_source.c.slug.in_(slugs)))
    found: dict[str, int] = {row.slug: row.id for row in rows}
    missing = [slug for slug in slugs if slug not in found]
    if missing:
        raise DomainError("source", f"no source with slug {', '.join(map(repr, missing))}")
    return [found[slug] for slug in slugs]


def _standing(claim: Any) -> ColumnElement[int]:
    """The claim's standing (forecasts.hindsight) within the scoring join."""
    return standing_sql(
        claim, deadline=_question.c.deadline, first_resolved_at=_first.c.resolved_at
    )


def _scored_claims_from(
    query: ReportQuery,
    source_ids: list[int] | None,
    kind: QuestionKind = QuestionKind.binary,
    *,
    left_out: bool = True,
) -> Select[Any]:
    """Claims that count (or would, were their question not annulled) and, with left_out,
    hindsight claims the mode leaves out on questions resolved, joined to their question,
    current and first resolution and (grouping by tag) tags; no columns chosen.

    Only claims on questions of `kind`: binary ones are scored by probability, quantity
    ones by error and interval (see quantity_report).
    """
    c, q, r = _claim, _question, _resolution
    counting = counting_conditions(
        c,
        _later,
        deadline=q.c.deadline,
        first_resolved_at=_first.c.resolved_at,
        mode=query.hindsight,
        latest_only=not query.all_claims,
        made_after=query.made_after,
        made_before=query.made_before,
    )
    selected = counting.admitted
    if left_out and counting.left_out is not None:
        resolved = r.c.outcome.in_([o for o in kind.outcomes if o is not Outcome.annulled])
        selected = or_(selected, and_(counting.left_out, resolved))
    conditions = [
        *counting.eligible,
        q.c.kind == kind.value,
        r.c.outcome.in_(kind.outcomes),
        # The current resolution is the one no other of the question's outranks.
        not_(_exists(_newer.c.question_id == r.c.question_id, _newer.c.sequence > r.c.sequence)),
        selected,
    ]
    if query.resolved_after is not None:
        conditions.append(r.c.resolved_at >= query.resolved_after)
    if query.resolved_before is not None:
        conditions.append(r.c.resolved_at < query.resolved_before)
    if query.tags and not query.by_tag:
        tagged = select(_tag.c.question_id).where(_tag.c.tag.in_(query.tags))
        conditions.append(r.c.question_id.in_(tagged))
    # The join order is fixed (see _StraightJoin): without statistics SQLite's planner
    # prefers to walk claims in source order, to save sorting for GROUP BY, and then pays
    # a random lookup per claim, several times slower on a large ledger.
    if source_ids is None:
        # Every resolved question, then its claims through ix_claim_scoring.
        joined = _StraightJoin(r, q, q.c.id == r.c.question_id)
        joined = _StraightJoin(joined, _first, _first_of(r))
        joined = _StraightJoin(joined, c, c.c.question_id == r.c.question_id)
    else:
        # Only the named sources' claims, through ix_claim_source_question.
        conditions.append(c.c.source_id.in_(source_ids))
        joined = _StraightJoin(c, q, q.c.id == c.c.question_id)
        joined = _StraightJoin(joined, r, r.c.question_id == c.c.question_id)
        joined = _StraightJoin(joined, _first, _first_of(r))
    if query.by_tag:
        on_tag = _tag.c.question_id == c.c.question_id
        if query.tags:
            on_tag = and_(on_tag, _tag.c.tag.in_(query.tags))
        joined = _StraightJoin(joined, _tag, on_tag)
    return select(c.c.id).select_from(joined).where(*conditions)


def _first_of(resolution: Any) -> ColumnElement[bool]:
    """The question's first resolution: the one of sequence 1."""
    return and_(_first.c.question_id == resolution.c.question_id, _first.c.sequence == _int(1))


def _exists(*conditions: ColumnElement[bool]) -> ColumnElement[bool]:
    """EXISTS (SELECT 1 ...): with SELECT *, SQLite would not answer it from an index alone."""
    return select(literal_column("1")).where(*conditions).exists()


class _StraightJoin(Join):
    """An inner join whose left side is the outer loop: CROSS JOIN on SQLite, JOIN elsewhere.

    SQLite documents CROSS JOIN as the way to fix the order of a join; PostgreSQL's
    planner, which has statistics and hash joins, is left to choose.
    """

    inherit_cache = True

    def __init__(self, left: Any, right: Any, onclause: ColumnElement[bool]) -> None:
        super().__init__(left, right, onclause)


@compiles(_StraightJoin, "sqlite")
def _straight_join_sqlite(element: _StraightJoin, compiler: Any, **kw: Any) -> str:
    # Not reported to the FROM linter, which only warns about cartesian products: every
    # one of these joins has its ON clause.
    kw.pop("asfrom", None)
    kw.pop("from_linter", None)
    left = compiler.process(element.left, asfrom=True, **kw)
    right = compiler.process(element.right, asfrom=True, **kw)
    onclause = compiler.process(element.onclause, **kw)
    return f"{left} CROSS JOIN {right} ON {onclause}"


def _key_columns(query: ReportQuery) -> list[str]:
    return (["source_id"] if query.by_source else []) + (["tag"] if query.by_tag else [])


def _tally_statement(query: ReportQuery, source_ids: list[int] | None) -> Select[Any]:
    """Per (group key, bin): n and the sums of forecasts.tallies; bin -1 for annulled."""
    c, r = _claim, _resolution
    scheme = query.scheme
    probability: ColumnElement[float] = c.c.probability
    happened = r.c.outcome == Outcome.yes
    if scheme.folds:
        below = probability < _float(0.5)
        p: ColumnElement[float] = case((below, 1 - probability), else_=probability)
        # Folded, a claim below one half came true when its question resolved no.
        came_true = or_(and_(below, not_(happened)), and_(not_(below), happened))
    else:
        p, came_true = probability, happened
    annulled = r.c.outcome == Outcome.annulled
    keys: list[ColumnElement[Any]] = []
    if query.by_source:
        keys.append(c.c.source_id.label("source_id"))
    if query.by_tag:
        keys.append(_tag.c.tag.label("tag"))
    leaves_out = widest_standing(query.hindsight) < Standing.unevidenced
    standing = _standing(c)
    left_out = standing > _int(widest_standing(query.hindsight)) if leaves_out else None
    bin_index = _bin_case(p, scheme, annulled, left_out).label("bin")
    low, high = LOG_LOSS_CLIP
    clipped = case((p < _float(low), _float(low)), (p > _float(high), _float(high)), else_=p)
    given_to_outcome = case((came_true, clipped), else_=1 - clipped)
    columns = [
        *keys,
        bin_index,
        func.count().label("n"),
        func.sum(p).label("sum_p"),
        func.sum(case((came_true, _int(1)), else_=_int(0))).label("sum_y"),
        func.sum(p * p).label("sum_p2"),
        func.sum(case((came_true, p), else_=_float(0.0))).label("sum_py"),
        func.sum(-func.ln(given_to_outcome)).label("sum_log_loss"),
        func.sum(case((standing > _int(Standing.contemporaneous), _int(1)), else_=_int(0))).label(
            "n_hindsight"
        ),
    ]
    return (
        _scored_claims_from(query, source_ids)
        .with_only_columns(*columns)
        # By the bin's alias: its CASE holds bound cuts, and PostgreSQL would not see that
        # the same CASE repeated in GROUP BY, with parameters of its own, is the same one.
        .group_by(*[column.element for column in keys], literal_column("bin"))
    )


def _bin_case(
    value: ColumnElement[float],
    scheme: BinScheme,
    annulled: ColumnElement[bool],
    left_out: ColumnElement[bool] | None,
) -> ColumnElement[int]:
    """searchsorted(scheme.cuts, value, scheme.side) as a CASE; claims left out by the
    hindsight mode get -2, annulled claims -1."""
    whens: list[tuple[ColumnElement[bool], ColumnElement[int]]] = []
    if left_out is not None:
        whens.append((left_out, _int(LEFT_OUT_BIN)))
    whens.append((annulled, _int(ANNULLED_BIN)))
    for index, cut in enumerate(scheme.cuts):
        # side "right": a value equal to a cut belongs above it, so the bin below ends
        # strictly before the cut; side "left" (sklearn's) keeps it in the bin below.
        below = value < _float(cut) if scheme.side == "right" else value <= _float(cut)
        whens.append((below, _int(index)))
    return case(*whens, else_=_int(len(scheme.cuts)))


def _int(value: int) -> ColumnElement[int]:
    """An integer written into the SQL: its digits read back exactly, and it costs no binding."""
    return literal_column(str(int(value)), Integer())


def _float(value: float) -> ColumnElement[float]:
    """A bound double: bound rather than inlined, so no SQL parser re-reads its digits."""
    return literal(value, Float())


# --- naming the groups -----------------------------------------------------------------


def _group_keys(
    session: Session, query: ReportQuery, raw: pd.DataFrame
) -> tuple[pd.DataFrame, np.ndarray[Any, np.dtype[np.object_]]]:
    """(keys per group name, each tally row's group name) from the SQL key columns."""
    parts: dict[str, np.ndarray[Any, np.dtype[np.object_]]] = {}
    if query.by_source:
        ids = raw["source_id"].to_numpy()
        names = _source_names(session, np.unique(ids))
        parts["source"] = names["slug"].reindex(ids).to_numpy(dtype=object)
        parts["source_name"] = names["name"].reindex(ids).to_numpy(dtype=object)
    if query.by_tag:
        parts["tag"] = raw["tag"].to_numpy(dtype=object)
    if query.group_by == "source":
        labels = parts["source"]
    elif query.group_by == "tag":
        labels = parts["tag"]
    else:
        labels = np.asarray(
            pd.Series(parts["source"], dtype=object) + GROUP_SEPARATOR + parts["tag"],
            dtype=object,
        )
    keys = pd.DataFrame(parts, index=pd.Index(labels, name="group", dtype=object))
    keys = keys[~keys.index.duplicated()]
    return keys, labels


def _source_names(session: Session, ids: np.ndarray[Any, Any]) -> pd.DataFrame:
    """slug and name per source id, for the ids given."""
    if ids.size == 0:
        return pd.DataFrame({"slug": [], "name": []}, index=pd.Index([], dtype=np.int64))
    statement = select(_source.c.id, _source.c.slug, _source.c.name)
    if ids.size <= 500:
        statement = statement.where(_source.c.id.in_([int(i) for i in ids]))
    rows = [tuple(row) for row in session.execute(statement).all()]
    return pd.DataFrame.from_records(rows, columns=["id", "slug", "name"]).set_index("id")


def _with_hindsight(
    table: pd.DataFrame,
    n_hindsight: pd.Series,
    n_unevidenced: pd.Series,
    *,
    min_n: int,
    after: str = "n_annulled",
) -> pd.DataFrame:
    """n_hindsight and n_unevidenced after the column `after`, with an empty row for each
    group whose only claims were left out (unless min_n leaves out groups with few claims)."""
    counted = n_unevidenced[n_unevidenced > 0]
    only_left_out = counted.index.difference(pd.Index(table["group"], dtype=object))
    if min_n <= 0 and not only_left_out.empty:
        empty = pd.DataFrame({"group": only_left_out.to_numpy(dtype=object)})
        empty = empty.reindex(columns=table.columns)
        # The counts of a group with no scored claim are 0; its figures are missing.
        counts = [name for name in table.columns if pd.api.types.is_integer_dtype(table[name])]
        empty[counts] = 0
        table = pd.concat([table, empty.astype(table.dtypes.to_dict())], ignore_index=True)
        table = table.sort_values("group", kind="stable", ignore_index=True)
    groups = table["group"].to_numpy()
    at = list(table.columns).index(after) + 1
    table.insert(
        at, "n_hindsight", n_hindsight.reindex(groups).fillna(0).astype(np.int64).to_numpy()
    )
    table.insert(
        at + 1,
        "n_unevidenced",
        n_unevidenced.reindex(groups).fillna(0).astype(np.int64).to_numpy(),
    )
    return table


def _with_keys(table: pd.DataFrame, keys: pd.DataFrame) -> pd.DataFrame:
    """table with the group's key columns inserted right after its group column."""
    parts = keys.reindex(table["group"].to_numpy())
    for offset, name in enumerate(keys.columns, start=1):
        table.insert(offset, name, parts[name].to_numpy(dtype=object))
    return table


__all__ = [
    "ANNULLED_BIN",
    "GROUP_BY_CHOICES",
    "GROUP_SEPARATOR",
    "LEFT_OUT_BIN",
    "QuantityRecord",
    "ReportQuery",
    "ScoredClaim",
    "ScoredQuantity",
    "TrackRecord",
    "calibration_report",
    "quantity_report",
    "scores_report",
    "source_calibration_png",
    "source_scored_claims",
    "source_scored_quantities",
    "track_record",
]
