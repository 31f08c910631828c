"""The shared layout every page extends, and the stylesheet it links."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from starlette.requests import Request

from service.pages.templating import (
    instant,
    percent,
    percent_range,
    points,
    score,
    templates,
    web_url,
)


def _request(path: str) -> Request:
    return Request(
        {"type": "http", "method": "GET", "path": path, "headers": [], "query_string": b""}
    )


def test_a_page_extending_the_layout_needs_only_title_content_and_the_request():
    child = templates.env.from_string(
        '{% extends "base.html" %}{% block title %}Resolve: {{ name }}{% endblock %}'
        "{% block content %}<h1>{{ name }}</h1>{% endblock %}"
    )
    html = child.render(request=_request("/resolve/token"), name="<b>Q</b>")
    assert "<title>Resolve: &lt;b&gt;Q&lt;/b&gt; · Sooth</title>" in html
    assert '<main id="content" tabindex="-1">\n<h1>&lt;b&gt;Q&lt;/b&gt;</h1>' in html
    assert html.index('class="skip-link" href="#content"') < html.index("<header")
    for href, label in [("/", "Dashboard"), ("/sources", "Sources"), ("/extract", "Extract")]:
        assert f'<a href="{href}">{label}</a>' in html
    assert '<a href="/docs">API docs</a>' in html
    assert "<footer" in html


@pytest.mark.parametrize(("path", "current"), [("/", "Dashboard"), ("/sources", "Sources")])
def test_navigation_marks_the_current_section(client, path, current):
    html = client.get(path).text
    assert html.count('aria-current="page"') == 1
    assert f'aria-current="page">{current}</a>' in html


def test_stylesheet_is_served_with_focus_styles(client):
    response = client.get("/static/sooth.css")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/css")
    assert ":focus-visible" in response.text
    assert ".skip-link:focus" in response.text


def test_display_filters():
    assert instant(datetime(2023, 8, 1, 12, 0, tzinfo=UTC)) == "1 Aug 2023, 12:00 UTC"
    assert percent(0.8) == "80%"
    assert percent(0.025) == "2.5%"
    assert percent(None) == "—"
    assert percent(float("nan")) == "—"
    assert percent_range(0.20655, 1.0) == "20.7–100%"
    assert score(-2.2008) == "−2.201"
    assert score(float("nan")) == "—"
    assert points(0.123) == "+12.3 points"
    assert points(-0.01) == "−1 point"
    assert points(-0.09, signed=False) == "9 points"
    assert web_url(" https://example.org/a ") == "https://example.org/a"
    assert web_url("JavaScript:alert(1)") is None
    assert web_url("//evil.example") is None
    assert web_url(None) is None
