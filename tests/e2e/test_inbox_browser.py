"""Intake in headless Chromium: a feed polled from a local server, its candidates accepted
and rejected on /inbox without JavaScript.

Screenshots go to test-artifacts/inbox-*.png for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from forecasts.domain import CandidateStatus, Role
from forecasts.feeds import FeedCreate, create_feed
from forecasts.models import Claim, ClaimCandidate
from service.app import create_app
from service.database import Database
from service.feeds import feed_poll
from service.keys import create_key
from service.migrations_runner import migrate
from service.scheduler import FEED_POLL, JobRunner
from service.settings import Settings
from tests.e2e.conftest import serving
from tests.intake.web import LEVY, RATES, Route, atom, rss
from tests.intake.web import serving as serving_pages

pytestmark = pytest.mark.browser

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 760}}


@dataclass(frozen=True)
class Site:
    base: str
    editor_key: str
    database: Database


@pytest.fixture
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The app on loopback, with a feed of two articles from a local server already polled."""
    directory = tmp_path_factory.mktemp("inbox")
    url = f"sqlite:///{directory / 'sooth.db'}"
    migrate(url)
    database = Database(url)
    settings = Settings(
        var_dir=directory / "var",
        database_url=url,
        secret_key="browser-test-secret",
        scheduler=False,
        intake_allow_private=True,
        _env_file=None,
    )
    with serving_pages() as pages:
        pages.routes.update(
            {
                "/levy": Route(LEVY),
                "/rates": Route(RATES),
                "/rss": Route(rss(title="Harbour", links=[pages.url("/levy")])),
                "/atom": Route(atom(title="Business", links=[pages.url("/rates")])),
            }
        )
        with database.writing() as session:
            _, key = create_key(session=session, name="desk editor", role=Role.editor, now=NOW)
            for path in ("/rss", "/atom"):
                create_feed(
                    session=session,
                    data=FeedCreate(url=pages.url(path), tags=[]),
                    actor="test",
                    now=NOW,
                )
        result = JobRunner(database, clock=lambda: NOW).run_io(
            FEED_POLL, feed_poll(settings, database)
        )
        assert result is not None and result.count == 2
    with serving(create_app(settings, database=database, clock=lambda: NOW)) as base:
        yield Site(base, key, database)


def _no_sideways_scroll(page: Any) -> None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths[0]} > {widths[1]} px"


@pytest.mark.parametrize("width", list(WIDTHS))
def test_feed_candidates_are_accepted_and_rejected_in_the_inbox(
    site: Site, browser: Any, artifacts: Path, width: str
) -> None:
    context = browser.new_context(viewport=WIDTHS[width], java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site.base}/login?next=/inbox")
    page.fill("#key", site.editor_key)
    page.click("main button[type=submit]")
    page.wait_for_url("**/inbox")
    assert page.locator(".inbox-article").count() == 2
    assert "Council splits over transit levy" in page.locator("main").inner_text()
    _no_sideways_scroll(page)
    page.screenshot(path=artifacts / f"inbox-{width}.png", full_page=True)

    card = page.locator(".candidate-card", has_text="70% chance")
    card.locator("summary").click()
    number = card.get_attribute("id").removeprefix("candidate-")
    assert card.locator(f"[name=c{number}-new_name]").input_value() == "Ana Ruiz"
    assert card.locator(f"[name=c{number}-probability]").input_value() == "0.7"
    card.locator(f"[name=c{number}-title]").fill("Will the transit levy pass before 2025?")
    card.locator(f"[name=c{number}-resolution_criteria]").fill("Yes if the council adopts it.")
    card.locator(f"[name=c{number}-deadline]").fill("2025-01-01T00:00")
    card.screenshot(path=artifacts / f"inbox-accept-form-{width}.png")
    card.locator("button", has_text="Accept this one").click()
    page.wait_for_url("**/inbox?accepted=1*")
    assert "Recorded 1 claim." in page.locator("main").inner_text()
    assert page.locator(".candidate-card", has_text="70% chance").count() == 0

    other = page.locator(".candidate-card", has_text="Moody's")
    other.locator("input[name=reason]").fill("an analysts' expectation we do not track")
    other.locator("button", has_text="Reject").click()
    page.wait_for_url("**/inbox?rejected=1*")
    assert page.locator(".candidate-card", has_text="Moody's").count() == 0
    _no_sideways_scroll(page)
    page.screenshot(path=artifacts / f"inbox-after-{width}.png", full_page=True)
    context.close()

    with site.database.reading() as session:
        (claim,) = session.exec(select(Claim)).all()
        assert claim.quote.startswith('"There is a 70% chance')
        assert claim.publisher == "The Harbour Times"
        decided = {
            c.status
            for c in session.exec(select(ClaimCandidate)).all()
            if c.status is not CandidateStatus.pending
        }
        assert decided == {CandidateStatus.accepted, CandidateStatus.rejected}
