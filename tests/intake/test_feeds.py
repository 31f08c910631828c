"""Feeds: added by editors, polled with validators and backoff, new entries fetched once."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import col, select
from typer.testing import CliRunner

from forecasts.feeds import FeedCreate, backoff, create_feed
from forecasts.models import Article, ClaimCandidate, Feed
from service import feeds
from service.cli import app as cli
from service.database import Database
from service.feeds import PollReport, poll_feeds
from service.fetching import Fetcher
from service.reading import read_fetched
from service.scheduler import FEED_POLL, build_scheduler
from service.settings import Settings
from service.workers import Workers
from tests.intake.web import LEVY, RATES, Route, Site, atom, http_date, rss, serving

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
INTERVAL = timedelta(minutes=30)


@pytest.fixture
def site() -> Iterator[Site]:
    with serving() as served:
        served.routes.update(
            {
                "/a/levy": Route(LEVY),
                "/a/rates": Route(RATES),
                "/rss.xml": Route(
                    rss(title="Harbour Times", links=[served.url("/a/levy")]),
                    content_type="application/rss+xml",
                    etag='"rss-1"',
                    last_modified=http_date(NOW - timedelta(hours=1)),
                ),
                "/atom.xml": Route(
                    atom(title="Harbour Business", links=["/a/rates", "/a/levy"]),
                    content_type="application/atom+xml",
                ),
                "/broken.xml": Route(b"nope", status=500),
            }
        )
        yield served


def add_feed(database: Database, url: str, tags: list[str] | None = None) -> int:
    with database.writing() as session:
        feed = create_feed(
            session=session, data=FeedCreate(url=url, tags=tags or []), actor="test", now=NOW
        )
        assert feed.id is not None
        return feed.id


def poll(database: Database, now: datetime = NOW, concurrency: int = 4) -> PollReport:
    with Fetcher(allow_private=True) as fetcher:
        return poll_feeds(
            database=database, fetcher=fetcher, now=now, interval=INTERVAL, concurrency=concurrency
        )


def articles(database: Database) -> list[Article]:
    with database.reading() as session:
        return list(session.exec(select(Article).order_by(col(Article.id))).all())


def feed_row(database: Database, feed_id: int) -> Feed:
    with database.reading() as session:
        feed = session.get(Feed, feed_id)
        assert feed is not None
        return feed


def test_editors_add_and_list_feeds(client: TestClient, editor: dict[str, str]) -> None:
    created = client.post(
        "/api/v1/feeds", json={"url": "https://news.example/rss", "tags": ["Econ"]}, headers=editor
    )
    assert created.status_code == 201, created.text
    assert created.json()["tags"] == ["econ"]
    assert created.json()["next_poll_at"] == "2026-03-02T12:00:00Z"
    again = client.post("/api/v1/feeds", json={"url": "https://news.example/rss"}, headers=editor)
    assert again.status_code == 409
    listed = client.get("/api/v1/feeds", headers=editor).json()
    assert listed["total"] == 1 and listed["items"][0]["url"] == "https://news.example/rss"
    assert client.get("/api/v1/feeds").status_code == 401


def test_a_feed_that_is_not_http_is_refused(client: TestClient, editor: dict[str, str]) -> None:
    response = client.post("/api/v1/feeds", json={"url": "gopher://x/feed"}, headers=editor)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "url"]
    assert response.json()["detail"][0]["type"] == "scheme"


def test_rss_and_atom_entries_become_articles_each_address_once(
    database: Database, site: Site
) -> None:
    add_feed(database, site.url("/rss.xml"), ["harbour"])
    add_feed(database, site.url("/atom.xml"))
    report = poll(database)
    assert (report.feeds, report.failed, report.articles) == (2, 0, 2)
    stored = {article.url: article for article in articles(database)}
    assert set(stored) == {site.url("/a/levy"), site.url("/a/rates")}
    assert stored[site.url("/a/rates")].title == "Banks brace for a cut"
    assert site.hits("/a/levy") == 1
    with database.reading() as session:
        assert session.exec(select(ClaimCandidate)).all()


def test_an_unchanged_feed_costs_a_304_and_a_seen_entry_adds_nothing(
    database: Database, site: Site
) -> None:
    rss_id = add_feed(database, site.url("/rss.xml"))
    add_feed(database, site.url("/atom.xml"))
    poll(database)
    count = len(articles(database))
    later = NOW + INTERVAL
    report = poll(database, later)
    assert report.not_modified == 1  # the RSS feed, which has an ETag
    assert report.articles == 0
    assert len(articles(database)) == count
    headers = [h for path, h in site.requests if path == "/rss.xml"][-1]
    assert headers["if-none-match"] == '"rss-1"'
    assert headers["if-modified-since"] == http_date(NOW - timedelta(hours=1))
    assert site.hits("/a/levy") == 1 and site.hits("/a/rates") == 1
    assert feed_row(database, rss_id).next_poll_at == later + INTERVAL


def test_a_feed_is_not_polled_before_it_is_due(database: Database, site: Site) -> None:
    add_feed(database, site.url("/atom.xml"))
    poll(database)
    assert poll(database, NOW + INTERVAL - timedelta(seconds=1)).feeds == 0


def test_a_failing_feed_backs_off_doubling_and_recovers(database: Database, site: Site) -> None:
    feed_id = add_feed(database, site.url("/broken.xml"))
    assert poll(database).failed == 1
    first = feed_row(database, feed_id)
    assert first.failures == 1 and "500" in (first.last_error or "")
    assert first.next_poll_at == NOW + 2 * INTERVAL
    assert poll(database, NOW + INTERVAL).feeds == 0  # still waiting
    poll(database, first.next_poll_at)
    second = feed_row(database, feed_id)
    assert second.failures == 2
    assert second.next_poll_at == first.next_poll_at + 4 * INTERVAL
    site.routes["/broken.xml"] = Route(atom(title="Fixed", links=[]), content_type="text/xml")
    poll(database, second.next_poll_at)
    fixed = feed_row(database, feed_id)
    assert (fixed.failures, fixed.last_error, fixed.title) == (0, None, "Fixed")


def test_backoff_is_capped_at_a_day() -> None:
    assert backoff(failures=1, interval=INTERVAL) == timedelta(hours=1)
    assert backoff(failures=30, interval=INTERVAL) == timedelta(days=1)


def test_an_entry_that_failed_is_tried_again_next_poll(database: Database, site: Site) -> None:
    site.routes["/a/rates"] = Route(b"busy", status=503)
    add_feed(database, site.url("/atom.xml"))
    report = poll(database)
    assert (report.articles, report.entry_errors) == (1, 1)
    site.routes["/a/rates"] = Route(RATES)
    assert poll(database, NOW + INTERVAL).articles == 1
    assert {a.url for a in articles(database)} == {site.url("/a/levy"), site.url("/a/rates")}


@pytest.fixture
def workers_started(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many worker processes each round asked for, on two cores."""
    started: list[int] = []

    class CountedWorkers(Workers):
        def __init__(self, *, processes: int) -> None:
            started.append(processes)
            super().__init__(processes=processes)

    monkeypatch.setattr(feeds, "Workers", CountedWorkers)
    monkeypatch.setattr(feeds, "usable_cores", lambda: 2)
    return started


def test_pages_read_in_worker_processes_are_stored_as_read_in_a_thread(
    database: Database,
    site: Site,
    workers_started: list[int],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(feeds, "PAGES_PER_WORKER", 1)
    site.routes["/a/paper.pdf"] = Route(b"%PDF-1.4", content_type="application/pdf")
    site.routes["/more.xml"] = Route(
        atom(title="More", links=["/a/rates", "/a/paper.pdf"]), content_type="text/xml"
    )
    add_feed(database, site.url("/atom.xml"), ["harbour"])
    add_feed(database, site.url("/more.xml"), ["harbour"])
    with caplog.at_level(logging.WARNING, logger="service.feeds"):
        report = poll(database)
    assert (report.articles, report.entry_errors) == (2, 1)
    assert workers_started == [2]
    # The page's error, raised in a worker, names its reason as in a thread.
    assert "paper.pdf: the address serves application/pdf, not an HTML page" in caplog.text
    with database.reading() as session, Fetcher(allow_private=True) as fetcher:
        for article in session.exec(select(Article)).all():
            assert article.url is not None
            reading = read_fetched(fetcher.get(article.url))
            page = reading.page
            assert (article.title, article.author, article.publisher) == (
                page.title,
                page.author,
                page.publisher,
            )
            assert (article.published_at, article.text) == (page.published_at, page.text)
            assert article.tags == ["harbour"]
            stored = session.exec(
                select(ClaimCandidate)
                .where(ClaimCandidate.article_id == article.id)
                .order_by(col(ClaimCandidate.position))
            ).all()
            assert [candidate.extraction for candidate in stored] == reading.candidates
            assert reading.candidates


def test_a_small_round_reads_its_pages_in_threads(
    database: Database, site: Site, workers_started: list[int]
) -> None:
    add_feed(database, site.url("/atom.xml"))
    assert poll(database).articles == 2
    assert workers_started == [0]


def test_fetches_run_at_most_concurrency_at_once(database: Database, site: Site) -> None:
    for n in range(12):
        path = f"/feed{n}.xml"
        page = f"/p/{n}"
        body = LEVY.replace(b"third time", f"time {n}".encode())
        site.routes[page] = Route(body, pause_seconds=0.2)
        feed = atom(title=f"F{n}", links=[page])
        site.routes[path] = Route(feed, content_type="text/xml", pause_seconds=0.2)
        add_feed(database, site.url(path))
    report = poll(database, concurrency=3)
    assert report.articles == 12
    assert site.most_active == 3


def test_sooth_intake_poll_runs_one_round(
    database_url: str,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    site: Site,
) -> None:
    add_feed(database, site.url("/atom.xml"))
    monkeypatch.setenv("SOOTH_DATABASE_URL", database_url)
    monkeypatch.setenv("SOOTH_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("SOOTH_INTAKE_ALLOW_PRIVATE", "true")
    result = CliRunner().invoke(cli, ["intake", "poll"])
    assert result.exit_code == 0, result.output
    assert "1 feeds polled (0 unchanged, 0 failed); 2 articles stored" in result.output


def test_the_scheduler_polls_feeds(settings: Settings, database: Database) -> None:
    scheduler = build_scheduler(settings=settings, database=database)
    job = scheduler.get_job(FEED_POLL)
    assert job is not None
    assert job.trigger.interval == timedelta(minutes=settings.feed_poll_minutes)


def test_the_feed_job_runs_under_the_runner(
    settings: Settings, database: Database, site: Site
) -> None:
    from service.feeds import feed_poll
    from service.scheduler import JobRunner

    add_feed(database, site.url("/atom.xml"))
    local = settings.model_copy(update={"intake_allow_private": True})
    result = JobRunner(database, clock=lambda: NOW).run_io(FEED_POLL, feed_poll(local, database))
    assert result is not None and result.count == 2
