"""A source's record over time on its page, and its charts at a phone's width."""

from __future__ import annotations

import io
from datetime import timedelta

from matplotlib.image import imread

from forecasts.domain import Outcome
from resolvers.snapshots import take_snapshots
from tests.factories import T0, make_claim, make_question, make_resolution, make_source
from tests.pages.markup import main_of, text_of


def _size(png: bytes) -> tuple[int, int]:
    height, width = imread(io.BytesIO(png), format="png").shape[:2]
    return width, height


def test_source_page_draws_its_weekly_snapshots(client, database):
    with database.writing() as session:
        source = make_source(session, "pundit", name="A Pundit")
        question = make_question(session)
        make_claim(session, source, question, probability=0.8)
        make_resolution(session, question, Outcome.yes)
        take_snapshots(session=session, now=T0 + timedelta(days=40))
        later = make_question(session)
        make_claim(session, source, later, probability=0.6)
        make_resolution(session, later, Outcome.no)
        take_snapshots(session=session, now=T0 + timedelta(days=47))
    page = client.get("/sources/pundit")
    text = text_of(main_of(page.text))
    assert "Over time" in text
    # 2026-02-10 and 2026-02-17 are in ISO weeks 7 and 8
    assert "2026-W07 1 0.040" in text and "2026-W08 2 0.200" in text
    assert 'srcset="/api/v1/sources/pundit/history.png?width=360"' in page.text
    chart = client.get("/api/v1/sources/pundit/history.png")
    assert chart.headers["content-type"] == "image/png"
    assert _size(chart.content) == (800, 600)
    assert _size(client.get("/api/v1/sources/pundit/history.png?width=360").content) == (360, 342)


def test_source_without_snapshots_shows_no_chart_of_them(client, database):
    with database.writing() as session:
        source = make_source(session, "pundit")
        question = make_question(session)
        make_claim(session, source, question)
        make_resolution(session, question, Outcome.yes)
    assert "Over time" not in client.get("/sources/pundit").text


def test_calibration_chart_comes_at_a_phone_width_and_refuses_silly_widths(client, database):
    with database.writing() as session:
        make_source(session, "pundit")
    narrow = client.get("/api/v1/sources/pundit/calibration.png?width=360")
    assert narrow.status_code == 200 and _size(narrow.content) == (360, 342)
    refused = client.get("/api/v1/sources/pundit/calibration.png?width=100")
    assert refused.status_code == 422 and "width" in refused.text
    assert (
        'srcset="/api/v1/sources/pundit/calibration.png?width=360"'
        not in client.get("/sources/pundit").text
    ), "no chart before anything is scored"
