"""Weekly calibration snapshots and GET /api/v1/sources/{slug}/history."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import select

from forecasts.domain import Outcome
from forecasts.models import CalibrationSnapshot
from resolvers.snapshots import snapshot_week, take_snapshots
from service.database import Database
from tests.factories import make_claim, make_question, make_resolution, make_source
from tests.resolvers.conftest import TwoInstances

WEEK_10 = datetime(2026, 3, 2, 0, 30, tzinfo=UTC)  # Monday of 2026-W10, shortly after midnight


def _ledger(database: Database) -> None:
    """Ada: 0.8 on a yes (resolved in February), 0.3 on a no resolved in week 10.
    Bo: 0.6 on an annulled question only."""
    with database.writing() as session:
        ada = make_source(session, "ada", name="Ada")
        bo = make_source(session, "bo", name="Bo")
        early = make_question(session, deadline=datetime(2026, 2, 1, tzinfo=UTC))
        later = make_question(session, deadline=datetime(2026, 2, 10, tzinfo=UTC))
        void = make_question(session, deadline=datetime(2026, 2, 1, tzinfo=UTC))
        make_claim(session, ada, early, probability=0.8)
        make_claim(session, ada, later, probability=0.3)
        make_claim(session, bo, void, probability=0.6)
        make_resolution(session, early, Outcome.yes, now=datetime(2026, 2, 2, tzinfo=UTC))
        make_resolution(session, void, Outcome.annulled, now=datetime(2026, 2, 2, tzinfo=UTC))
        make_resolution(session, later, Outcome.no, now=datetime(2026, 3, 4, tzinfo=UTC))


def test_weekly_snapshots_follow_the_record_and_are_taken_once_a_week(
    database: Database, client: TestClient
) -> None:
    _ledger(database)
    with database.writing() as session:
        assert take_snapshots(session=session, now=WEEK_10) == 2
    with database.writing() as session:  # later the same week: the week has its snapshot
        assert take_snapshots(session=session, now=WEEK_10 + timedelta(days=5)) == 0
    with database.writing() as session:
        assert take_snapshots(session=session, now=WEEK_10 + timedelta(days=7)) == 2

    history = client.get("/api/v1/sources/ada/history")
    assert history.status_code == 200
    body = history.json()
    assert body["source"] == "ada"
    first, second = body["snapshots"]
    assert (first["week"], second["week"]) == ("2026-W10", "2026-W11")
    # W10: only the yes at 0.8 was resolved: Brier (0.8 - 1)^2.
    assert first["n"] == 1 and abs(first["brier"] - 0.04) < 1e-12
    [only_bin] = first["calibration"]
    assert only_bin["bin"] == "80%" and only_bin["n"] == 1
    assert only_bin["observed_frequency"] == 1.0 and only_bin["mean_probability"] == 0.8
    # W11: the no at 0.3 counts too: ((0.2)^2 + (0.3)^2) / 2.
    assert second["n"] == 2 and abs(second["brier"] - 0.065) < 1e-12
    assert sum(b["n"] for b in second["calibration"]) == 2
    assert abs(second["log_loss"] - -(math.log(0.8) + math.log(0.7)) / 2) < 1e-9
    assert second["bins"] == "tenths" and second["ece"] is not None

    bo = client.get("/api/v1/sources/bo/history").json()["snapshots"]
    assert [(s["n"], s["n_annulled"], s["brier"]) for s in bo] == [(0, 1, None), (0, 1, None)]
    assert client.get("/api/v1/sources/nobody/history").status_code == 404


def test_two_instances_taking_the_same_week_store_it_once(
    database: Database, two_instances: TwoInstances
) -> None:
    _ledger(database)
    counts = two_instances.both_succeed(
        lambda session: take_snapshots(session=session, now=WEEK_10)
    )
    assert sorted(counts) == [0, 2]
    with database.reading() as session:
        assert session.exec(select(func.count()).select_from(CalibrationSnapshot)).one() == 2


def test_snapshot_weeks_are_iso_weeks_in_utc() -> None:
    assert snapshot_week(datetime(2027, 1, 1, 12, tzinfo=UTC)) == "2026-W53"
    assert snapshot_week(datetime(2026, 3, 1, 23, 30, tzinfo=UTC)) == "2026-W09"
