"""Weekly calibration snapshots: each source's scores as they stood, kept as history.

The first run in an ISO week (UTC) stores, per source with a track record, its n, Brier
score, log loss, ECE and calibration table under the default bins, keyed by (source,
week) so a re-run or a second instance adds nothing. Reports still compute fresh from the
ledger; a snapshot is what the record was then, never a cache of what it is now.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import pandas as pd
from pydantic import BaseModel
from sqlalchemy import (
    Table,
    func,
)
from sqlmodel import Session, col, select

from forecasts.bins import DEFAULT_BINS
from forecasts.models import CalibrationSnapshot, Source
from forecasts.track_record import ReportQuery, track_record
from resolvers.dedup import insert_new

CALIBRATION_FIELDS = (
    "bin",
    "bin_lower",
    "bin_upper",
    "n",
    "mean_probability",
    "observed_frequency",
    "ci_lower",
    "ci_upper",
)

_SNAPSHOT: Table = CalibrationSnapshot.__table__  # type: ignore[attr-defined]


class CalibrationBin(BaseModel):
    """One bin of a snapshot's calibration table."""

    bin: str
    bin_lower: float
    bin_upper: float
    n: int
    mean_probability: float
    observed_frequency: float
    ci_lower: float
    ci_upper: float


class SnapshotPublic(BaseModel):
    """A source's record as of one week, as the API shows it."""

    week: str
    as_of: datetime
    bins: str
    n: int
    n_annulled: int
    brier: float | None
    log_loss: float | None
    ece: float | None
    calibration: list[CalibrationBin]


def snapshot_week(now: datetime) -> str:
    """The ISO week of an instant in UTC: 2026-W10."""
    year, week, _ = now.astimezone(UTC).isocalendar()
    return f"{year}-W{week:02d}"


def take_snapshots(*, session: Session, now: datetime) -> int:
    """Store this week's snapshot of every source with a record, unless the week has one."""
    week = snapshot_week(now)
    taken = session.exec(
        select(func.count()).select_from(_SNAPSHOT).where(_SNAPSHOT.c.week == week)
    ).one()
    if taken:
        return 0
    # As the ledger stood at `now`: claims made and verdicts recorded before it, so that
    # `sooth remind --as-of` in the past records the past.
    record = track_record(
        session=session,
        query=ReportQuery(
            group_by="source", bins=DEFAULT_BINS, made_before=now, resolved_before=now
        ),
    )
    scores = record.scores
    if scores.empty:
        return 0
    ids = _source_ids(session, scores["group"].astype(str).tolist())
    tables = {
        str(group): rows for group, rows in record.calibration.groupby("group", observed=True)
    }
    rows = [
        {
            "source_id": ids[slug],
            "week": week,
            "as_of": now,
            "bins": DEFAULT_BINS,
            "n": int(row["n"]),
            "n_annulled": int(row["n_annulled"]),
            "brier": _number(row["brier"]),
            "log_loss": _number(row["log_loss"]),
            "ece": _number(row["ece"]),
            "calibration": _bins(tables.get(slug)),
            "created_at": now,
        }
        for row in scores.to_dict("records")
        if (slug := str(row["group"])) in ids
    ]
    return len(insert_new(session, _SNAPSHOT, rows, key="id"))


def source_history(*, session: Session, source_id: int) -> list[SnapshotPublic]:
    """A source's weekly snapshots, oldest first."""
    snapshots = session.exec(
        select(CalibrationSnapshot)
        .where(CalibrationSnapshot.source_id == source_id)
        .order_by(col(CalibrationSnapshot.as_of), col(CalibrationSnapshot.id))
    ).all()
    return [SnapshotPublic.model_validate(s, from_attributes=True) for s in snapshots]


def _source_ids(session: Session, slugs: Sequence[str]) -> dict[str, int]:
    rows = session.exec(select(Source.slug, Source.id).where(col(Source.slug).in_(slugs))).all()
    return {slug: source_id for slug, source_id in rows if source_id is not None}


def _bins(table: pd.DataFrame | None) -> list[dict[str, Any]]:
    if table is None:
        return []
    return [
        {name: _cell(row[name]) for name in CALIBRATION_FIELDS} for row in table.to_dict("records")
    ]


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) or hasattr(value, "item"):
        number = value.item() if hasattr(value, "item") else value
        if isinstance(number, float):
            return _number(number)
        return number
    return str(value)


def _number(value: Any) -> float | None:
    """A float for JSON and the database; NaN (no score for this source yet) as None."""
    number = float(value)
    return None if math.isnan(number) else number
