"""A reviewer resolves a quantity question in headless Chromium, from the digest's link.

The digest goes out through the real jobs to aiosmtpd on loopback; the link from the
email is opened against the app served by uvicorn on a SQLite file. The page asks for the
value in the question's unit; a word instead of a number is asked again with nothing
stored; the value then resolves the question, the question page says how far each claim
was off, and the link is refused.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from forecasts.domain import Outcome, QuestionKind, Status
from forecasts.models import Question, Resolution
from resolvers.digest import DigestConfig
from resolvers.jobs import reminder_jobs
from service.app import create_app
from service.database import Database
from service.migrations_runner import migrate
from service.scheduler import JobRunner
from service.settings import Settings
from tests.e2e.conftest import serving
from tests.factories import make_claim, make_question, make_source
from tests.resolvers.conftest import SmtpServer, make_reviewer

pytestmark = pytest.mark.browser

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)  # Monday: the reviewers' digests are due
SECRET = "browser-quantity-secret"


def test_reviewer_enters_the_value_from_the_emailed_link(
    browser: Any, smtp: SmtpServer, tmp_path: Path, artifacts: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'sooth.db'}"
    migrate(url)
    database = Database(url)
    with database.writing() as session:
        person = make_reviewer(session, name="Ada Lovelace", email="ada@example.org")
        bank = make_source(session, name="Central Bank")
        question = make_question(
            session,
            title="Full-year inflation in 2025",
            resolution_criteria="The statistics office's first full-year CPI figure, in percent.",
            deadline=datetime(2026, 2, 1, tzinfo=UTC),
            reviewer_id=person.id,
            kind=QuestionKind.quantity,
            unit="%",
        )
        make_claim(
            session,
            bank,
            question,
            probability=None,
            quantity={"low": 2.7, "high": 2.8},
            quote="Inflation should come in at 2.7 to 2.8 percent this year.",
        )
        question_id = question.id
    settings = Settings(
        var_dir=tmp_path / "var",
        database_url=url,
        secret_key=SECRET,
        scheduler=False,
        _env_file=None,
    )
    with serving(create_app(settings, database=database, clock=lambda: NOW)) as base:
        config = DigestConfig(
            base_url=base, secret_key=SECRET, link_days=21, mail_from="Sooth <sooth@example.org>"
        )
        runner = JobRunner(database, clock=lambda: NOW)
        for job in reminder_jobs(digest=config, transport=smtp.transport()):
            runner.run(job)
        [mail] = smtp.inbox.to("ada@example.org")
        assert "Value, in %" in mail.text
        [link] = re.findall(rf"{re.escape(base)}/resolve/\S+", mail.text)

        context = browser.new_context(viewport={"width": 1000, "height": 900})
        page = context.new_page()
        opened = page.goto(link)
        assert opened is not None and opened.status == 200
        assert page.get_by_text("Value, in %").is_visible()
        assert page.get_by_text("2.7–2.8%").is_visible()
        assert page.get_by_role("button", name="Yes", exact=True).count() == 0
        page.screenshot(path=str(artifacts / "quantity-resolve-form.png"), full_page=True)
        with database.reading() as session:  # opening the page changed nothing
            assert session.exec(select(Resolution)).all() == []

        page.fill("#value", "about three")
        page.get_by_role("button", name="Record the value").click()
        page.wait_for_load_state()
        assert page.get_by_text("Enter the value as a number").is_visible()
        with database.reading() as session:
            assert session.exec(select(Resolution)).all() == []

        page.fill("#value", "2.9")
        page.fill("#evidence_url", "https://stats.example/cpi-2025")
        page.get_by_role("button", name="Record the value").click()
        page.wait_for_load_state()
        assert "the question is resolved" in page.get_by_role("heading", level=1).inner_text()
        assert "2.9%" in page.locator(".verdict").inner_text()
        page.screenshot(path=str(artifacts / "quantity-resolve-done.png"), full_page=True)

        page.get_by_role("link", name="See the question with its claims and history").click()
        page.wait_for_load_state()
        assert page.get_by_text(
            "said 2.7–2.8%; it was 2.9%, 0.1 points above the range"
        ).is_visible()
        page.screenshot(path=str(artifacts / "quantity-question.png"), full_page=True)

        again = page.goto(link)
        assert again is not None and again.status == 410
        context.close()

    with database.reading() as session:
        [resolution] = session.exec(select(Resolution)).all()
        stored = session.get(Question, question_id)
    database.dispose()
    assert (resolution.outcome, resolution.value) == (Outcome.value, 2.9)
    assert resolution.evidence_url == "https://stats.example/cpi-2025"
    assert stored is not None and stored.status is Status.resolved
