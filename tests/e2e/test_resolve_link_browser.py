"""A reviewer's round trip in headless Chromium: from the digest email to a resolved question.

The digest is sent by the real jobs to a real SMTP server (aiosmtpd on loopback); the link
is taken from the received email and opened in the browser against the app served by
uvicorn on a SQLite file. Clicking Yes resolves the question; the link then is refused.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from forecasts.domain import Outcome, Status
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
SECRET = "browser-resolve-secret"


def test_reviewer_resolves_from_the_emailed_link_and_the_link_then_is_refused(
    browser: Any, smtp: SmtpServer, tmp_path: Path, artifacts: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'sooth.db'}"
    migrate(url)
    database = Database(url)
    with database.writing() as session:
        person = make_reviewer(session, name="Ada Lovelace", email="ada@example.org")
        source = make_source(session, name="Oleksiy Danilov")
        question = make_question(
            session,
            title="Will a second armed march on Moscow begin before 2026-02-01?",
            resolution_criteria="Yes if a second armed march on Moscow begins before the deadline.",
            deadline=datetime(2026, 2, 1, tzinfo=UTC),
            reviewer_id=person.id,
        )
        make_claim(
            session,
            source,
            question,
            probability=0.8,
            quote="A second mutiny would not be much delayed.",
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
        [link] = re.findall(rf"{re.escape(base)}/resolve/\S+", mail.text)
        assert f'href="{link}"' in mail.html

        context = browser.new_context(viewport={"width": 1000, "height": 900})
        page = context.new_page()
        opened = page.goto(link)
        assert opened is not None and opened.status == 200
        assert page.get_by_role("heading", level=1).inner_text().startswith("Will a second")
        assert page.get_by_text("A second mutiny would not be much delayed.").is_visible()
        page.fill("#evidence_url", "https://example.org/no-march")
        page.screenshot(path=str(artifacts / "resolve-link-form.png"), full_page=True)
        with database.reading() as session:  # opening the page changed nothing
            assert session.exec(select(Resolution)).all() == []

        page.get_by_role("button", name="Yes", exact=True).click()
        page.wait_for_load_state()
        assert "the question is resolved" in page.get_by_role("heading", level=1).inner_text()
        assert "resolved yes" in page.locator(".verdict").inner_text().lower()
        page.screenshot(path=str(artifacts / "resolve-link-done.png"), full_page=True)

        again = page.goto(link)
        assert again is not None and again.status == 410
        assert "already used" in page.get_by_role("heading", level=1).inner_text()
        assert page.get_by_text("Nothing was changed.").is_visible()
        page.screenshot(path=str(artifacts / "resolve-link-used.png"), full_page=True)
        context.close()

    with database.reading() as session:
        [resolution] = session.exec(select(Resolution)).all()
        stored = session.get(Question, question_id)
    database.dispose()
    assert resolution.outcome is Outcome.yes
    assert resolution.resolved_by.endswith("Ada Lovelace")
    assert resolution.evidence_url == "https://example.org/no-march"
    assert stored is not None and stored.status is Status.resolved
