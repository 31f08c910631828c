"""The /extract page in headless Chromium: sign in, paste the seed article, record a claim.

Screenshots at 1280 px and 375 px go to test-artifacts/extract-*.png for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from forecasts.domain import Role
from service.app import create_app
from service.database import Database
from service.demo import demo_article
from service.keys import create_key
from service.migrations_runner import migrate
from service.settings import Settings
from tests.e2e.conftest import serving

pytestmark = pytest.mark.browser

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 760}}


@dataclass(frozen=True)
class Site:
    base: str
    editor_key: str


@pytest.fixture
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The app served on loopback over an empty migrated SQLite file, with an editor key."""
    directory = tmp_path_factory.mktemp("extract")
    url = f"sqlite:///{directory / 'sooth.db'}"
    migrate(url)
    database = Database(url)
    with database.writing() as session:
        _, key = create_key(session=session, name="desk editor", role=Role.editor, now=NOW)
    settings = Settings(
        var_dir=directory / "var",
        database_url=url,
        secret_key="browser-test-secret",
        scheduler=False,
        _env_file=None,
    )
    with serving(create_app(settings, database=database, clock=lambda: NOW)) as base:
        yield Site(base, key)


def _no_sideways_scroll(page: Any) -> None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths[0]} > {widths[1]} px"


def _sign_in(page: Any, site: Site, screenshot: Path | None = None) -> None:
    page.goto(f"{site.base}/login?next=/extract")
    page.fill("#key", site.editor_key)
    if screenshot is not None:
        page.screenshot(path=screenshot, full_page=True)
    page.click("main button[type=submit]")
    page.wait_for_url("**/extract")
    assert "Signed in as desk editor" in page.locator("main").inner_text()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_an_editor_records_a_claim_from_the_seed_article(
    site: Site, browser: Any, artifacts: Path, width: str
) -> None:
    # No JavaScript: the page must work as plain HTML forms.
    context = browser.new_context(viewport=WIDTHS[width], java_script_enabled=False)
    page = context.new_page()
    _sign_in(page, site, artifacts / f"extract-login-{width}.png")

    page.fill("#text", demo_article())
    page.fill("#published_at", "2023-08-01T16:00")
    page.click("text=Find claims")
    page.wait_for_selector("#candidates-heading")
    marks = page.locator(".article-text mark.candidate")
    assert marks.count() == 5
    assert "second mutiny" in marks.nth(3).inner_text()
    assert page.locator(".candidate-card").count() == 5
    _no_sideways_scroll(page)
    page.screenshot(path=artifacts / f"extract-candidates-{width}.png", full_page=True)

    card = page.locator("#candidate-4")
    card.locator("summary").click()
    assert card.locator("[name=new_name]").input_value() == "Oleksiy Danilov"
    assert card.locator("[name=new_slug]").input_value() == "oleksiy-danilov"
    assert card.locator("[name=probability]").input_value() == ""
    assert card.locator("[name=made_at]").input_value() == "2023-08-01T16:00"
    title = "Will a second mutiny take place in Russia before 1 Feb 2024?"
    card.locator("[name=title]").fill(title)
    card.locator("[name=resolution_criteria]").fill(
        "Yes if an armed group openly marches against the Russian government before the deadline."
    )
    card.locator("[name=deadline]").fill("2024-02-01T00:00")
    card.screenshot(path=artifacts / f"extract-record-form-{width}.png")
    card.locator("button[type=submit]").click()

    page.wait_for_url(re.compile(r".*/questions/\d+#claim-\d+$"))
    assert page.locator("main h1").inner_text() == title
    claim = page.locator(".claim").first
    assert "80%" in claim.inner_text()
    assert "A second mutiny would “not be much delayed”" in claim.inner_text()
    assert "Oleksiy Danilov" in claim.inner_text()
    _no_sideways_scroll(page)
    page.screenshot(path=artifacts / f"extract-recorded-question-{width}.png", full_page=True)
    context.close()


def test_a_missing_title_is_shown_next_to_the_field_and_nothing_is_lost(
    site: Site, browser: Any, artifacts: Path
) -> None:
    context = browser.new_context(viewport=WIDTHS["phone"])
    page = context.new_page()
    _sign_in(page, site)
    page.fill("#text", demo_article())
    page.click("text=Find claims")
    card = page.locator("#candidate-2")
    card.locator("summary").click()
    card.locator("[name=resolution_criteria]").fill("Yes if a new offensive begins.")
    card.locator("[name=deadline]").fill("2024-02-01T00:00")
    card.locator("[name=made_at]").fill("2023-08-01T12:00")
    # Skip the browser's own check of required fields, as a browser without one would.
    card.locator("form").evaluate("form => { form.noValidate = true; }")
    card.locator("button[type=submit]").click()
    page.wait_for_selector("#c2-title-error")
    card = page.locator("#candidate-2")
    assert "Give the question a title" in card.locator("#c2-title-error").inner_text()
    assert card.locator("[name=resolution_criteria]").input_value() == (
        "Yes if a new offensive begins."
    )
    assert card.locator("[name=deadline]").input_value() == "2024-02-01T00:00"
    assert card.locator("[name=title]").get_attribute("aria-invalid") == "true"
    _no_sideways_scroll(page)
    card.screenshot(path=artifacts / "extract-record-error-phone.png")
    context.close()
