"""A source's track record page, the sources list and the dashboard's ranking."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from sqlmodel import Session

from forecasts.claims import retract_claim
from forecasts.domain import Outcome
from forecasts.models import Question, Source
from tests.factories import T0, make_claim, make_question, make_resolution, make_source
from tests.pages.markup import main_of, text_of


def _scored(
    session: Session, source: Source, probability: float, outcome: Outcome, **fields: Any
) -> Question:
    question = make_question(session, **fields)
    make_claim(session, source, question, probability=probability)
    make_resolution(session, question, outcome)
    return question


def _rows(content: str, caption_id: str) -> list[str]:
    start = content.index(f'id="{caption_id}"')
    body = content[content.index("<tbody>", start) : content.index("</tbody>", start)]
    return [text_of(row) for row in re.findall(r"<tr>.*?</tr>", body, flags=re.S)]


def test_source_page_explains_its_scores_in_plain_words(client, database):
    with database.writing() as session:
        source = make_source(session, "pundit", name="A Pundit")
        _scored(session, source, 0.8, Outcome.yes)
        _scored(session, source, 0.8, Outcome.no)
        _scored(session, source, 0.3, Outcome.no)
    page = client.get("/sources/pundit")
    assert page.status_code == 200
    assert "<title>A Pundit: track record · Sooth</title>" in page.text
    text = text_of(main_of(page.text))
    # brier = (0.2² + 0.8² + 0.3²) / 3; mean p 63.3% against a base rate of 33.3%
    assert (
        "Brier 0.257 over 3 resolved claims: lower is better; 0.25 is what always saying 50% earns"
        in text
    )
    assert "Log loss" in text and "always saying 50% earns 0.693" in text
    assert "Calibration +30 points" in text
    assert "It says things are 30 points more likely than they turn out" in text
    assert "it gave them 63.3% on average, and 33.3% of them happened" in text
    assert "ECE" in text
    assert "Only 3 claims are scored so far" in text


def test_source_page_shows_chart_calibration_table_claims_and_downloads(client, database):
    with database.writing() as session:
        source = make_source(session, "pundit", name="A Pundit")
        first = _scored(session, source, 0.8, Outcome.yes, title="First question?")
        _scored(session, source, 0.8, Outcome.no, title="Second question?")
        _scored(session, source, 0.3, Outcome.no, title="Third question?")
    content = main_of(client.get("/sources/pundit").text)
    assert '<img src="/api/v1/sources/pundit/calibration.png"' in content
    assert 'alt="Calibration chart for A Pundit:' in content
    assert 'href="/api/v1/reports/scores.csv?source=pundit"' in content
    assert 'href="/api/v1/reports/calibration.csv?source=pundit"' in content

    bands = _rows(content, "calibration-caption")
    assert bands == [
        "30% 25–35% 1 30% 0% 0–79.3%",
        "80% 75–85% 2 80% 50% 9.5–90.5%",
    ]  # band and its range, claims, said, happened, 95% interval
    claims = _rows(content, "scored-caption")
    assert len(claims) == 3
    assert any("First question?" in row and row.endswith("80% yes 0.040") for row in claims)
    assert any("Second question?" in row and row.endswith("80% no 0.640") for row in claims)
    assert any("Third question?" in row and row.endswith("30% no 0.090") for row in claims)
    assert f'href="/questions/{first.id}#claim-' in content


def test_claims_that_do_not_count_are_listed_with_why(client, database, clock):
    with database.writing() as session:
        source = make_source(session, "pundit", name="A Pundit")
        _scored(session, source, 0.6, Outcome.yes, title="Scored question?")
        annulled = make_question(session, title="Annulled question?")
        make_claim(session, source, annulled, probability=0.4)
        make_resolution(session, annulled, Outcome.annulled)
        waiting = make_question(session, title="Waiting question?")
        make_claim(session, source, waiting, probability=0.5)
        later = make_question(
            session, title="Open question?", deadline=clock.now + timedelta(days=9)
        )
        make_claim(session, source, later, probability=0.55)
        withdrawn = make_question(session, title="Withdrawn question?")
        claim = make_claim(session, source, withdrawn, probability=0.9)
        assert claim.id is not None
        retract_claim(session=session, claim_id=claim.id, reason="misquoted", actor="e", now=T0)
        make_resolution(session, withdrawn, Outcome.yes)
    content = main_of(client.get("/sources/pundit").text)
    unscored = {
        row.split("?")[0]: row.rsplit("%", 1)[-1].strip()
        for row in _rows(content, "unscored-caption")
    }
    assert unscored == {
        "Annulled question": "question annulled",
        "Waiting question": "awaiting a verdict",
        "Open question": "question still open",
        "Withdrawn question": "retracted",
    }
    assert "1 more claim was on annulled questions and is not scored." in text_of(content)
    assert "4 claims do not count." in text_of(content)


def test_source_without_resolved_claims_says_so_plainly(client, database):
    with database.writing() as session:
        source = make_source(session, "newcomer", name="A Newcomer")
        make_claim(session, source, make_question(session), probability=0.7)
    content = main_of(client.get("/sources/newcomer").text)
    assert "No claim by A Newcomer has been resolved yet, so there is nothing to score." in text_of(
        content
    )
    assert "<img" not in content
    assert "Brier" not in text_of(content)


def _sources_for_sorting(session: Session) -> None:
    best = make_source(session, "best", name="Zed Best")
    worst = make_source(session, "worst", name="Amy Worst")
    make_source(session, "silent", name="Mo Silent")
    _scored(session, best, 0.9, Outcome.yes)
    for _ in range(3):
        _scored(session, worst, 0.9, Outcome.no)


def _order(page: str) -> list[str]:
    return re.findall(r'<td class="wide"><a href="/sources/([a-z-]+)">', main_of(page))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["worst", "silent", "best"]),
        ("?sort=name&order=desc", ["best", "silent", "worst"]),
        ("?sort=n", ["worst", "best", "silent"]),
        ("?sort=n&order=asc", ["silent", "best", "worst"]),
        ("?sort=brier", ["best", "worst", "silent"]),
        ("?sort=brier&order=desc", ["worst", "best", "silent"]),
    ],
)
def test_sources_list_sorts_by_name_n_and_brier(client, database, query, expected):
    with database.writing() as session:
        _sources_for_sorting(session)
    page = client.get(f"/sources{query}")
    assert page.status_code == 200
    assert _order(page.text) == expected


def test_sources_list_shows_n_and_brier_and_marks_the_sorted_column(client, database):
    with database.writing() as session:
        _sources_for_sorting(session)
    content = main_of(client.get("/sources?sort=n").text)
    rows = _rows(content, "sources-caption")
    assert rows[0] == "Amy Worst person 0 3 0.810"
    assert rows[2] == "Mo Silent person 0 0 —"
    assert 'aria-sort="descending"' in content
    # The active column's link turns the order around; the others start at their default.
    assert 'href="/sources?sort=n&amp;order=asc"' in content
    assert 'href="/sources?sort=brier&amp;order=asc"' in content


def test_sources_list_pages(client, database, monkeypatch):
    monkeypatch.setattr("service.pages.reader.SOURCES_PER_PAGE", 2)
    with database.writing() as session:
        _sources_for_sorting(session)
    second = client.get("/sources?sort=name&page=2").text
    assert _order(second) == ["best"]
    assert "Sources, 3–3 of 3" in second
    assert 'rel="prev"' in second


def test_sources_list_refuses_an_unknown_sort(client):
    page = client.get("/sources?sort=shoe-size")
    assert page.status_code == 400
    assert "sort:" in text_of(main_of(page.text))


def test_dashboard_ranks_sources_by_brier_above_a_minimum_n(client, database):
    with database.writing() as session:
        _sources_for_sorting(session)

    def ranked(query: str) -> list[str]:
        content = main_of(client.get(f"/{query}").text)
        section = content[content.index('id="ranking-heading"') :]
        return re.findall(r'<td><a href="/sources/([a-z-]+)">', section)

    assert ranked("") == ["best", "worst"]
    assert ranked("?min_n=2") == ["worst"]
    text = text_of(main_of(client.get("/?min_n=4").text))
    assert "No source has 4 or more resolved claims yet." in text
    assert 'value="2"' in client.get("/?min_n=2").text
