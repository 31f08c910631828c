"""The API docs load with no internet, and two sources compare head to head, in Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.test_pages_browser import DEMO_SOURCE, WIDTHS, page, site  # noqa: F401

pytestmark = pytest.mark.browser


def test_api_docs_render_from_sooth_alone_with_every_other_host_unreachable(
    site: str,  # noqa: F811
    browser: Any,
    artifacts: Path,
) -> None:
    context = browser.new_context(viewport=WIDTHS["desktop"])
    elsewhere: list[str] = []

    def only_loopback(route: Any) -> None:
        if route.request.url.startswith(site):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", only_loopback)
    tab = context.new_page()
    tab.goto(f"{site}/docs")
    tab.wait_for_selector(".opblock-summary-path", timeout=15_000)
    assert tab.locator(".opblock-summary-path", has_text="/api/v1/compare").count() == 1
    assert tab.locator("button.authorize").count() == 1, "the bearer scheme is declared"
    assert elsewhere == []
    tab.screenshot(path=artifacts / "page-docs-desktop.png")
    context.close()


def test_compare_picks_two_sources_without_javascript(
    site: str,  # noqa: F811
    browser: Any,
    artifacts: Path,
) -> None:
    for width, viewport in WIDTHS.items():
        context = browser.new_context(viewport=viewport, java_script_enabled=False)
        tab = context.new_page()
        tab.goto(f"{site}/sources/{DEMO_SOURCE}")
        tab.locator("a", has_text="Compare with…").click()
        tab.wait_for_url(f"**/compare?a={DEMO_SOURCE}")
        assert tab.locator("#compare-a").input_value() == DEMO_SOURCE
        other = tab.locator(
            f"#compare-b option:not([value='']):not([value='{DEMO_SOURCE}'])"
        ).first.get_attribute("value")
        assert other is not None
        tab.select_option("#compare-b", other)
        tab.locator("main button", has_text="Compare").click()
        tab.wait_for_url("**/compare?a=*&b=*")
        assert tab.locator("#verdict").count() == 1
        widths = tab.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], f"the page scrolls sideways at {width}"
        tab.screenshot(path=artifacts / f"page-compare-{width}.png", full_page=True)
        context.close()
