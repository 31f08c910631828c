"""Finding questions in Chromium: the filters of /questions and a tag's page, without JavaScript."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.test_pages_browser import WIDTHS, site  # noqa: F401

pytestmark = pytest.mark.browser


def _no_sideways_scroll(tab: Any, width: str) -> None:
    widths = tab.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page scrolls sideways at {width}"


@pytest.mark.parametrize("width", list(WIDTHS))
def test_filters_narrow_the_questions_and_tags_lead_to_their_page(
    site: str,  # noqa: F811
    browser: Any,
    artifacts: Path,
    width: str,
) -> None:
    context = browser.new_context(viewport=WIDTHS[width], java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site}/")
    tab.locator("nav a", has_text="Questions").click()
    tab.wait_for_url("**/questions")
    everything = tab.locator("main tbody tr").count()
    assert everything > 1

    tab.select_option("#status", "resolved")
    tab.select_option("#sort", "title")
    tab.locator("main form button", has_text="Show").click()
    tab.wait_for_url("**/questions?status=resolved*sort=title*")
    resolved = tab.locator("main tbody tr")
    assert 0 < resolved.count() < everything
    assert all(
        badge.strip().lower() == "resolved"
        for badge in tab.locator("main tbody .badge").all_inner_texts()
    )
    _no_sideways_scroll(tab, width)
    tab.screenshot(path=artifacts / f"page-questions-filtered-{width}.png", full_page=True)

    tag = tab.locator("main tbody a.tag").first
    name = tag.inner_text()
    tag.click()
    tab.wait_for_url(f"**/tags/{name}")
    assert tab.locator("main h1").inner_text() == name
    assert tab.locator("#questions ~ ul li").count() >= 1
    _no_sideways_scroll(tab, width)
    tab.screenshot(path=artifacts / f"page-tag-{width}.png", full_page=True)
    context.close()


def test_a_bad_filter_comes_back_named_on_the_page(site: str, browser: Any) -> None:  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    response = tab.goto(f"{site}/questions?tag=Not%20a%20tag")
    assert response.status == 422
    assert "A tag is 1-64 characters" in tab.locator("#tag-problem").inner_text()
    assert tab.locator("#tag").get_attribute("aria-invalid") == "true"
    context.close()
