"""`sooth remind --as-of` an instant in the future rehearses a round and stores nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import SQLModel, col, select
from typer.testing import CliRunner

from forecasts.domain import Outcome, utc_now
from forecasts.models import CalibrationSnapshot, OutboxMessage, Question
from resolvers.due import mark_due
from service.cli import app as cli
from service.database import Database
from tests.conftest import MutableClock
from tests.factories import make_claim, make_question, make_resolution, make_source
from tests.resolvers.conftest import SmtpServer, make_reviewer


def _count(database: Database, model: type[SQLModel]) -> int:
    with database.reading() as session:
        return int(session.exec(select(func.count()).select_from(model)).one())


def _statuses(database: Database) -> list[str]:
    with database.reading() as session:
        return list(session.exec(select(Question.status).order_by(col(Question.id))).all())


def test_remind_as_of_the_future_prints_what_it_would_do_and_stores_nothing(
    database: Database, database_url: str, smtp: SmtpServer, tmp_path: Path
) -> None:
    now = utc_now()
    with database.writing() as session:
        person = make_reviewer(session, created=now - timedelta(days=30))
        # Due only in the future, and one already past its deadline with an unsent digest.
        make_question(session, deadline=now + timedelta(days=20), reviewer_id=person.id)
        scored = make_question(session, deadline=now - timedelta(days=2), reviewer_id=person.id)
        source = make_source(session, "ann")
        make_claim(session, source, scored, made_at=now - timedelta(days=10))
        make_resolution(session, scored, Outcome.yes, now=now - timedelta(days=1))
    env = {
        "SOOTH_DATABASE_URL": database_url,
        "SOOTH_VAR_DIR": str(tmp_path / "var"),
        "SOOTH_SECRET_KEY": "cli-secret",
        "SOOTH_MAIL_TRANSPORT": "smtp",
        "SOOTH_SMTP_HOST": "127.0.0.1",
        "SOOTH_SMTP_PORT": str(smtp.port),
    }
    before = (_statuses(database), _count(database, OutboxMessage))
    assert _count(database, CalibrationSnapshot) == 0
    future = (now + timedelta(days=37)).isoformat()
    result = CliRunner().invoke(cli, ["remind", "--as-of", future], env=env)
    assert result.exit_code == 0, result.output
    assert "is in the future; nothing is stored or sent" in result.output
    assert "mark_due: 1 question became due" in result.output
    assert "enqueue_digests: 1 digest enqueued" in result.output
    assert "deliver_outbox: 1 message would be sent" in result.output
    assert "snapshot_calibration: 1 calibration snapshot stored" in result.output
    assert (_statuses(database), _count(database, OutboxMessage)) == before
    assert _count(database, CalibrationSnapshot) == 0
    assert smtp.inbox.received == []


def test_the_dashboard_never_shows_a_negative_wait(
    client: TestClient, database: Database, clock: MutableClock
) -> None:
    # A question marked due ahead of its deadline, as a future --as-of once did.
    with database.writing() as session:
        make_question(
            session, title="Early bird?", deadline=clock.now + timedelta(days=37, hours=1)
        )
        assert mark_due(session=session, now=datetime(2030, 1, 1, tzinfo=UTC)) == 1
    page = client.get("/")
    assert page.status_code == 200
    assert "Early bird?" in page.text
    assert "-37 days" not in page.text and "-38 days" not in page.text
    assert '<td class="num">0 days</td>' in page.text
