"""Claims recorded in hindsight: marked, and counted only as the hindsight mode says.

Each ledger here is written through the API with the test's clock, so `recorded_at` is the
server's instant at the time of each POST. Scores are checked against scikit-learn's
brier_score_loss on the claims the rule keeps, worked out by hand.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sklearn.metrics import brier_score_loss
from sqlmodel import select
from typer.testing import CliRunner

from forecasts.hindsight import Standing, standing
from forecasts.models import CalibrationSnapshot
from resolvers.snapshots import take_snapshots
from service.cli import app
from service.database import Database
from service.demo import load_demo
from tests.conftest import MutableClock

SCORES = "/api/v1/reports/scores"
TOLERANCE = 1e-12
ARTICLE = "https://news.example/2026/03/01/forecast"


@dataclass
class Api:
    """Writes through the API at the clock's current instant."""

    client: TestClient
    clock: MutableClock
    editor: dict[str, str]
    reviewer: dict[str, str]

    def source(self, slug: str) -> None:
        body = {"slug": slug, "name": slug.title(), "kind": "person"}
        response = self.client.post("/api/v1/sources", json=body, headers=self.editor)
        assert response.status_code == 201, response.text

    def question(self, deadline: datetime) -> int:
        body = {
            "title": "Will it happen?",
            "resolution_criteria": "Yes if it does.",
            "deadline": deadline.isoformat(),
        }
        response = self.client.post("/api/v1/questions", json=body, headers=self.editor)
        assert response.status_code == 201, response.text
        question_id: int = response.json()["id"]
        return question_id

    def claim(
        self, slug: str, question_id: int, p: float, made_at: datetime, **extra: Any
    ) -> dict[str, Any]:
        body = {
            "source": slug,
            "question_id": question_id,
            "probability": p,
            "quote": f"{p:.0%} likely.",
            "made_at": made_at.isoformat(),
            **extra,
        }
        response = self.client.post("/api/v1/claims", json=body, headers=self.editor)
        assert response.status_code == 201, response.text
        claim: dict[str, Any] = response.json()
        return claim

    def resolve(self, question_id: int, outcome: str) -> None:
        response = self.client.post(
            f"/api/v1/questions/{question_id}/resolutions",
            json={"outcome": outcome},
            headers=self.reviewer,
        )
        assert response.status_code == 201, response.text

    def scores(self, **params: str) -> dict[str, dict[str, Any]]:
        response = self.client.get(SCORES, params=params)
        assert response.status_code == 200, response.text
        return {row["group"]: row for row in response.json()}


@pytest.fixture
def api(
    client: TestClient, clock: MutableClock, editor: dict[str, str], reviewer: dict[str, str]
) -> Api:
    return Api(client, clock, editor, reviewer)


def _brier(pairs: list[tuple[float, int]]) -> float:
    return float(brier_score_loss([y for _, y in pairs], [p for p, _ in pairs], labels=[0, 1]))


@dataclass(frozen=True)
class Attack:
    question_id: int
    honest: dict[str, Any]
    rewrite: dict[str, Any]
    deadline: datetime


def _attack(api: Api) -> Attack:
    """0.9 recorded in time on a question resolved no, then 0.01 posted after the verdict."""
    start = api.clock.now
    deadline = start + timedelta(days=30)
    api.source("pundit")
    question_id = api.question(deadline)
    honest = api.claim("pundit", question_id, 0.9, start - timedelta(days=1))
    api.clock.set(deadline + timedelta(days=1))
    api.resolve(question_id, "no")
    api.clock.advance(timedelta(hours=2))
    rewrite = api.claim("pundit", question_id, 0.01, deadline - timedelta(days=1))
    return Attack(question_id, honest, rewrite, deadline)


def test_claim_posted_after_the_verdict_does_not_rewrite_the_score(api: Api) -> None:
    attack = _attack(api)
    assert attack.honest["hindsight"] is False
    assert attack.rewrite["hindsight"] is True and attack.rewrite["evidenced"] is False
    row = api.scores()["pundit"]
    assert row["brier"] == pytest.approx(0.81, abs=TOLERANCE)
    assert row["brier"] == pytest.approx(_brier([(0.9, 0)]), abs=TOLERANCE)
    assert (row["n"], row["n_hindsight"], row["n_unevidenced"]) == (1, 0, 1)


def test_recorded_at_is_the_server_clock_and_cannot_be_sent(api: Api) -> None:
    api.source("pundit")
    deadline = api.clock.now + timedelta(days=30)
    question_id = api.question(deadline)
    api.clock.set(deadline + timedelta(days=3))
    body = {
        "source": "pundit",
        "question_id": question_id,
        "probability": 0.2,
        "quote": "Unlikely.",
        "made_at": (deadline - timedelta(days=5)).isoformat(),
        "recorded_at": (deadline - timedelta(days=5)).isoformat(),
    }
    refused = api.client.post("/api/v1/claims", json=body, headers=api.editor)
    assert refused.status_code == 422
    assert "recorded_at" in refused.text
    del body["recorded_at"]
    claim = api.claim("pundit", question_id, 0.2, deadline - timedelta(days=5))
    assert datetime.fromisoformat(claim["recorded_at"]) == api.clock.now
    assert claim["hindsight"] is True
    stored = api.client.get(f"/api/v1/claims/{claim['id']}").json()
    assert stored["recorded_at"] == claim["recorded_at"] and stored["hindsight"] is True


@pytest.mark.parametrize(
    ("mode", "n", "n_hindsight", "n_unevidenced", "pairs"),
    [
        # archivist: an evidenced hindsight claim 0.8 (yes) is all it has.
        ("evidenced", 1, 1, 0, [(0.8, 1)]),
        ("all", 1, 1, 0, [(0.8, 1)]),
        ("none", 0, 0, 1, []),
    ],
)
def test_evidenced_hindsight_counts_unless_the_mode_says_none(
    api: Api,
    mode: str,
    n: int,
    n_hindsight: int,
    n_unevidenced: int,
    pairs: list[tuple[float, int]],
) -> None:
    start = api.clock.now
    deadline = start + timedelta(days=10)
    api.source("archivist")
    question_id = api.question(deadline)
    api.clock.set(deadline + timedelta(days=2))
    api.resolve(question_id, "yes")
    api.clock.set(deadline + timedelta(days=700))
    claim = api.claim(
        "archivist", question_id, 0.8, start, citation_url=ARTICLE, published_at=start.isoformat()
    )
    assert claim["hindsight"] is True and claim["evidenced"] is True
    row = api.scores(hindsight=mode)["archivist"]
    assert (row["n"], row["n_hindsight"], row["n_unevidenced"]) == (n, n_hindsight, n_unevidenced)
    if pairs:
        assert row["brier"] == pytest.approx(_brier(pairs), abs=TOLERANCE)
    else:
        assert row["brier"] is None


def test_article_published_after_the_verdict_is_no_evidence(api: Api) -> None:
    start = api.clock.now
    deadline = start + timedelta(days=10)
    api.source("late")
    question_id = api.question(deadline)
    api.clock.set(deadline - timedelta(days=1))
    api.resolve(question_id, "yes")
    api.clock.set(deadline + timedelta(days=5))
    claim = api.claim(
        "late",
        question_id,
        0.8,
        start,
        citation_url=ARTICLE,
        published_at=(deadline - timedelta(hours=1)).isoformat(),
    )
    # Published before the deadline but after the early verdict: not evidence.
    assert claim["hindsight"] is True and claim["evidenced"] is False
    assert api.scores()["late"]["n_unevidenced"] == 1


@pytest.mark.parametrize("mode", ["evidenced", "all", "none"])
def test_hindsight_never_supersedes_a_contemporaneous_claim(api: Api, mode: str) -> None:
    start = api.clock.now
    deadline = start + timedelta(days=30)
    api.source("steady")
    question_id = api.question(deadline)
    api.claim("steady", question_id, 0.7, start - timedelta(days=3))
    api.clock.set(deadline + timedelta(days=1))
    api.resolve(question_id, "no")
    api.clock.advance(timedelta(days=1))
    # Made later than the contemporaneous claim, and evidenced by an article of the day.
    api.claim(
        "steady", question_id, 0.1, start, citation_url=ARTICLE, published_at=start.isoformat()
    )
    api.claim("steady", question_id, 0.05, start + timedelta(days=1))
    row = api.scores(hindsight=mode)["steady"]
    assert row["n"] == 1 and row["n_hindsight"] == 0
    assert row["brier"] == pytest.approx(_brier([(0.7, 0)]), abs=TOLERANCE)
    assert row["n_unevidenced"] == {"evidenced": 1, "all": 0, "none": 2}[mode]


@pytest.mark.parametrize(
    ("mode", "expected"),
    # Evidenced 0.6 made first, evidenced 0.3 made later, unevidenced 0.9 made last.
    [("evidenced", 0.3), ("all", 0.3), ("none", None)],
)
def test_among_hindsight_claims_evidence_then_the_latest_made_counts(
    api: Api, mode: str, expected: float | None
) -> None:
    start = api.clock.now
    deadline = start + timedelta(days=30)
    api.source("archive")
    question_id = api.question(deadline)
    api.clock.set(deadline + timedelta(days=1))
    api.resolve(question_id, "yes")
    api.clock.advance(timedelta(days=1))
    for p, made in ((0.6, 1), (0.3, 2)):
        api.claim(
            "archive",
            question_id,
            p,
            start + timedelta(days=made),
            citation_url=ARTICLE,
            published_at=(start + timedelta(days=made)).isoformat(),
        )
    api.claim("archive", question_id, 0.9, start + timedelta(days=3))
    all_claims = api.scores(hindsight=mode, all_claims="true")["archive"]
    row = api.scores(hindsight=mode)["archive"]
    if expected is None:
        assert row["n"] == 0 and row["n_unevidenced"] == 3
        return
    assert row["n"] == 1 and row["n_hindsight"] == 1
    assert row["brier"] == pytest.approx(_brier([(expected, 1)]), abs=TOLERANCE)
    kept = [(0.6, 1), (0.3, 1)] + ([(0.9, 1)] if mode == "all" else [])
    assert all_claims["n"] == len(kept)
    assert all_claims["brier"] == pytest.approx(_brier(kept), abs=TOLERANCE)


def _csv(client: TestClient, path: str, **params: str) -> list[dict[str, str]]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return list(csv.DictReader(io.StringIO(response.text)))


def test_every_report_route_takes_the_mode(api: Api) -> None:
    _attack(api)
    # A second source whose only claim is evidenced hindsight, so that modes differ.
    start = api.clock.now
    deadline = start + timedelta(days=10)
    api.source("archivist")
    question_id = api.question(deadline)
    api.clock.set(deadline + timedelta(days=1))
    api.resolve(question_id, "yes")
    api.claim(
        "archivist", question_id, 0.8, start, citation_url=ARTICLE, published_at=start.isoformat()
    )
    client = api.client
    for mode, n in (("evidenced", "1"), ("all", "1"), ("none", "0")):
        (row,) = [
            r for r in _csv(client, f"{SCORES}.csv", hindsight=mode) if r["group"] == "archivist"
        ]
        assert row["n"] == n
        assert row["n_unevidenced"] == ("1" if mode == "none" else "0")
        calibration = client.get("/api/v1/reports/calibration", params={"hindsight": mode})
        assert calibration.status_code == 200
        shown = [r for r in calibration.json() if r["group"] == "archivist"]
        assert len(shown) == int(n)
        table = _csv(client, "/api/v1/reports/calibration.csv", hindsight=mode)
        assert len([r for r in table if r["group"] == "archivist"]) == int(n)
    charts = {
        mode: client.get("/api/v1/sources/archivist/calibration.png", params={"hindsight": mode})
        for mode in ("evidenced", "none")
    }
    assert all(chart.status_code == 200 for chart in charts.values())
    assert charts["evidenced"].content != charts["none"].content
    for path in (
        SCORES,
        f"{SCORES}.csv",
        "/api/v1/reports/calibration",
        "/api/v1/reports/calibration.csv",
        "/api/v1/sources/archivist/calibration.png",
    ):
        refused = client.get(path, params={"hindsight": "some"})
        assert refused.status_code == 422, path
        assert "hindsight" in refused.text


def test_cli_report_takes_the_mode(api: Api, database_url: str, tmp_path: Any) -> None:
    _attack(api)
    env = {"SOOTH_DATABASE_URL": database_url, "SOOTH_VAR_DIR": str(tmp_path / "var")}
    for mode in ("evidenced", "all", "none"):
        expected = api.client.get(f"{SCORES}.csv", params={"hindsight": mode})
        result = CliRunner().invoke(app, ["report", "scores", "--hindsight", mode], env=env)
        assert result.exit_code == 0, result.output
        assert result.stdout_bytes == expected.content
    refused = CliRunner().invoke(app, ["report", "scores", "--hindsight", "some"], env=env)
    assert refused.exit_code != 0 and "--hindsight" in refused.output


def test_snapshots_use_the_default_rule(api: Api, database: Database) -> None:
    _attack(api)
    with database.writing() as session:
        assert take_snapshots(session=session, now=api.clock.now) == 1
    with database.reading() as session:
        (snapshot,) = session.exec(select(CalibrationSnapshot)).all()
        assert snapshot.n == 1
        assert snapshot.brier == pytest.approx(0.81, abs=TOLERANCE)


def test_question_and_source_pages_mark_hindsight_claims(api: Api) -> None:
    start = api.clock.now
    deadline = start + timedelta(days=10)
    api.source("archivist")
    question_id = api.question(deadline)
    api.clock.set(deadline + timedelta(days=1))
    api.resolve(question_id, "yes")
    api.clock.set(start + timedelta(days=2 * 365 + 20))
    api.claim(
        "archivist", question_id, 0.8, start, citation_url=ARTICLE, published_at=start.isoformat()
    )
    api.claim("archivist", question_id, 0.3, start + timedelta(days=1))
    question = api.client.get(f"/questions/{question_id}")
    assert question.status_code == 200
    text = question.text
    assert text.count("recorded in hindsight</span>") == 2
    assert "recorded 2 years after it was made" in text
    assert "evidenced by an article published before the outcome" in text
    assert "not scored by default" in text
    source = api.client.get("/sources/archivist")
    assert source.status_code == 200
    assert "100% of its scored claims (1 of 1) was recorded in hindsight" in source.text
    assert "recorded 2 years after it was made" in source.text
    assert "1 more claim was recorded in hindsight without an article" in source.text
    assert "recorded in hindsight without an article published before the outcome" in source.text


def test_source_page_says_when_no_scored_claim_was_hindsight(api: Api) -> None:
    _attack(api)
    page = api.client.get("/sources/pundit")
    assert "All of its scored claims were recorded before the outcome could be known" in page.text
    assert "1 more claim was recorded in hindsight" in page.text


@pytest.mark.parametrize(
    ("recorded", "published", "first", "expected"),
    [
        (-1, None, None, Standing.contemporaneous),
        (0, None, None, Standing.unevidenced),
        (-5, None, -6, Standing.unevidenced),
        (3, -20, 1, Standing.evidenced),
        (3, 0, 1, Standing.evidenced),
        (3, 1, 1, Standing.unevidenced),
        (3, -1, -2, Standing.unevidenced),
    ],
)
def test_standing_follows_the_deadline_and_first_resolution(
    recorded: int, published: int | None, first: int | None, expected: Standing
) -> None:
    deadline = datetime.fromisoformat("2026-01-31T00:00:00+00:00")
    day: Callable[[int], datetime] = lambda n: deadline + timedelta(days=n)  # noqa: E731
    assert (
        standing(
            recorded_at=day(recorded),
            citation_url=ARTICLE,
            published_at=None if published is None else day(published),
            deadline=deadline,
            first_resolved_at=None if first is None else day(first),
        )
        is expected
    )


def test_demo_claims_are_evidenced_hindsight_and_scored(
    client: TestClient, database: Database, clock: MutableClock
) -> None:
    with database.writing() as session:
        load_demo(session=session, now=clock.now)
    claims = client.get("/api/v1/claims", params={"limit": 100}).json()["items"]
    assert claims and all(c["hindsight"] and c["evidenced"] for c in claims)
    rows = {row["group"]: row for row in client.get(SCORES).json()}
    danilov = rows["oleksiy-danilov"]
    assert danilov["n"] == 2 and danilov["n_hindsight"] == 2 and danilov["n_unevidenced"] == 0
