"""The HTML pages in headless Chromium, on a SQLite file holding the demo ledger.

Each page is loaded at a desktop width (1280 px) and a phone width (375 px), checked for
sideways overflow and screenshotted into test-artifacts/ for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from service.app import create_app
from service.database import Database
from service.demo import load_demo
from service.migrations_runner import migrate
from service.settings import Settings
from tests.e2e.conftest import serving

pytestmark = pytest.mark.browser

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 760}}
DEMO_SOURCE = "oleksiy-danilov"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served by uvicorn on loopback, on a migrated SQLite file with the demo data."""
    directory = tmp_path_factory.mktemp("pages")
    url = f"sqlite:///{directory / 'sooth.db'}"
    migrate(url)
    database = Database(url)
    with database.writing() as session:
        load_demo(session=session, now=NOW)
    settings = Settings(
        var_dir=directory / "var",
        database_url=url,
        secret_key="browser-test-secret",
        scheduler=False,
        # The clock stands still here, so a rate limit's bucket would never refill.
        anon_rate_limit="off",
        _env_file=None,
    )
    with serving(create_app(settings, database=database, clock=lambda: NOW)) as base:
        yield base


@pytest.fixture(params=list(WIDTHS))
def page(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    """A fresh browser page at one of the two widths; its name is page.width_name."""
    context = browser.new_context(viewport=WIDTHS[request.param])
    tab = context.new_page()
    tab.width_name = request.param
    yield tab
    context.close()


def _first_question_id(site: str, browser: Any) -> int:
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(f"{site}/")
    href = tab.locator("#due-heading ~ div a[href^='/questions/']").first.get_attribute("href")
    context.close()
    assert href is not None
    return int(href.rsplit("/", 1)[-1])


def _no_sideways_scroll(page: Any) -> None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths[0]} > {widths[1]} px"


@pytest.mark.parametrize(
    ("name", "path", "status", "heading"),
    [
        ("dashboard", "/", 200, "Dashboard"),
        ("search", "/?q=mutiny", 200, "Dashboard"),
        ("question", "/questions/{question}", 200, None),
        ("resolved-question", "/questions/2", 200, None),
        ("sources", "/sources?sort=brier", 200, "Sources"),
        ("source", f"/sources/{DEMO_SOURCE}", 200, "Oleksiy Danilov"),
        ("not-found", "/questions/999999", 404, "Not found"),
    ],
)
def test_each_page_loads_at_both_widths_and_is_screenshotted(
    site: str,
    browser: Any,
    page: Any,
    artifacts: Path,
    name: str,
    path: str,
    status: int,
    heading: str | None,
) -> None:
    if "{question}" in path:
        path = path.format(question=_first_question_id(site, browser))
    response = page.goto(f"{site}{path}")
    assert response.status == status
    assert page.title().endswith(" · Sooth")
    h1 = page.locator("main h1")
    assert h1.count() == 1
    if heading is not None:
        assert h1.inner_text() == heading
    page.wait_for_load_state("networkidle")
    _no_sideways_scroll(page)
    page.screenshot(path=artifacts / f"page-{name}-{page.width_name}.png", full_page=True)


def test_dashboard_links_lead_to_the_question_and_source_pages(site: str, page: Any) -> None:
    page.goto(f"{site}/")
    question_link = page.locator("#due-heading ~ div a[href^='/questions/']").first
    title = question_link.inner_text()
    question_link.click()
    page.wait_for_url("**/questions/*")
    assert page.locator("main h1").inner_text() == title

    page.goto(f"{site}/")
    resolved_link = page.locator("#resolved-heading ~ div a[href^='/questions/']").first
    title = resolved_link.inner_text()
    resolved_link.click()
    page.wait_for_url("**/questions/*")
    assert page.locator("main h1").inner_text() == title
    assert page.locator(".verdict").is_visible()

    page.goto(f"{site}/")
    source_link = page.locator("#ranking-heading ~ div a[href^='/sources/']").first
    name = source_link.inner_text()
    source_link.click()
    page.wait_for_url("**/sources/*")
    assert page.locator("main h1").inner_text() == name


def test_question_page_links_to_the_sources_of_its_claims(site: str, page: Any) -> None:
    page.goto(f"{site}/questions/2")
    page.locator(".claim a[href^='/sources/']").first.click()
    page.wait_for_url(f"**/sources/{DEMO_SOURCE}")
    assert page.locator("main h1").inner_text() == "Oleksiy Danilov"


def test_source_page_chart_image_has_loaded(site: str, page: Any) -> None:
    page.goto(f"{site}/sources/{DEMO_SOURCE}")
    chart = page.locator("figure.chart img")
    chart.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => { const img = document.querySelector('figure.chart img'); return img.complete; }"
    )
    assert chart.evaluate("img => img.naturalWidth") > 0
    assert "Calibration chart for Oleksiy Danilov" in chart.get_attribute("alt")


def test_tab_reaches_the_skip_link_first_and_it_moves_focus_to_the_content(
    site: str, page: Any
) -> None:
    page.goto(f"{site}/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.className, document.activeElement.textContent]"
    )
    assert focused == ["skip-link", "Skip to content"]
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["y"] >= 0, "the focused skip link is off screen"
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#content"
    page.keyboard.press("Tab")
    inside_main = page.evaluate(
        "() => document.querySelector('main').contains(document.activeElement)"
    )
    assert inside_main, "after the skip link, Tab should continue inside the main content"


def test_focus_is_visible_on_links(site: str, page: Any) -> None:
    page.goto(f"{site}/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert outline[0] != "none" and outline[1] != "0px"


def test_search_and_sorting_work_without_javascript(site: str, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site}/")
    tab.fill("#q", "mutiny")
    tab.press("#q", "Enter")
    tab.wait_for_url("**/?q=mutiny")
    assert "Results for “mutiny”" in tab.locator("#results-heading").inner_text()
    tab.goto(f"{site}/sources")
    tab.locator("th a", has_text="Brier").click()
    tab.wait_for_url("**/sources?sort=brier*")
    assert (tab.locator("th[aria-sort]").text_content() or "").strip().startswith("Brier")
    context.close()
