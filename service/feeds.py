"""Polling feeds: each due feed fetched (conditionally), its new entries fetched as articles.

A round reads which feeds are due, fetches them with bounded concurrency (sending back
the ETag and Last-Modified each last gave, so an unchanged feed costs a 304), parses them
with feedparser, and fetches every entry whose address is not stored yet as in
service.articles, each stored in a short transaction of its own. Reading the pages and
extracting their candidates, most of a round's Python work, runs in worker processes (one
per core, in a round with many pages; service.workers) while threads fetch and store. A
feed that fails waits twice as long before each next try (forecasts.feeds.backoff). A
feed's validators are kept only when all its new entries were stored, so an entry that
failed is tried again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Final
from urllib.parse import urljoin

import feedparser  # type: ignore[import-untyped]

from forecasts.feeds import due_feeds, polled
from forecasts.inbox import insert_article, known_keys
from resolvers.jobs import JobResult
from service.articles import prepare_url
from service.database import Database
from service.fetching import Fetched, Fetcher, FetchError, without_fragment
from service.reading import Reading, read_fetched
from service.settings import Settings
from service.workers import Workers, usable_cores

log = logging.getLogger(__name__)

ACTOR = "feed poll"

# A worker process is started for every this many pages a round reads, up to one per core:
# starting one costs about what reading this many pages does (service.workers).
PAGES_PER_WORKER: Final = 100


@dataclass
class FeedRound:
    """One due feed in a round: what it was, and what its poll found."""

    id: int
    url: str
    tags: list[str]
    etag: str | None
    last_modified: str | None
    title: str | None = None
    new_etag: str | None = None
    new_last_modified: str | None = None
    not_modified: bool = False
    error: str | None = None
    links: list[str] = field(default_factory=list)
    stored: int = 0
    entry_errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PollReport:
    """What a round of polling did."""

    feeds: int
    not_modified: int
    failed: int
    articles: int
    entry_errors: int

    def result(self) -> JobResult:
        """The round as a job's result."""
        trouble = []
        if self.failed:
            trouble.append(f"{self.failed} of {self.feeds} feeds failed")
        if self.entry_errors:
            trouble.append(f"{self.entry_errors} entries could not be fetched")
        return JobResult(self.articles, "article stored", "articles stored", "; ".join(trouble))


def _fetch_feed(fetcher: Fetcher, feed: FeedRound) -> FeedRound:
    headers = {}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    try:
        fetched = fetcher.get(feed.url, headers=headers)
    except FetchError as error:
        feed.error = error.message
        return feed
    if fetched.status_code == 304:
        feed.not_modified = True
        return feed
    if fetched.status_code != 200:
        feed.error = f"the feed answered HTTP {fetched.status_code}"
        return feed
    parsed = feedparser.parse(fetched.body)
    if not parsed.entries and parsed.get("bozo"):
        feed.error = f"not an RSS or Atom feed ({parsed.get('bozo_exception')})"
        return feed
    feed.title = parsed.feed.get("title") or None
    feed.new_etag = fetched.headers.get("etag")
    feed.new_last_modified = fetched.headers.get("last-modified")
    for entry in parsed.entries:
        link = entry.get("link")
        if isinstance(link, str) and link.strip():
            feed.links.append(urljoin(fetched.final_url, link.strip()))
    return feed


def poll_feeds(
    *,
    database: Database,
    fetcher: Fetcher,
    now: datetime,
    interval: timedelta,
    concurrency: int,
) -> PollReport:
    """Poll every due feed once and store the articles of its new entries."""
    with database.reading() as session:
        rounds = [
            FeedRound(feed.id, feed.url, list(feed.tags), feed.etag, feed.last_modified)
            for feed in due_feeds(session=session, now=now)
            if feed.id is not None
        ]
    if not rounds:
        return PollReport(0, 0, 0, 0, 0)
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="feed") as pool:
        list(pool.map(lambda feed: _fetch_feed(fetcher, feed), rounds))
        keys = [without_fragment(link) for feed in rounds for link in feed.links]
        with database.reading() as session:
            known = known_keys(session=session, keys=keys)
        # Each new address once, for the first feed that lists it.
        work: dict[str, tuple[FeedRound, str]] = {}
        for feed in rounds:
            for link in feed.links:
                key = without_fragment(link)
                if key not in known and key not in work:
                    work[key] = (feed, link)

        processes = min(usable_cores(), len(work) // PAGES_PER_WORKER)
        with Workers(processes=processes) as workers:

            def read(fetched: Fetched) -> Reading:
                return workers.run(read_fetched, fetched)

            def take(item: tuple[FeedRound, str]) -> tuple[bool, str | None]:
                # Stored now, and why it could not be fetched; counted by the caller, since
                # threads adding to a feed's count at once could lose one.
                feed, link = item
                try:
                    prepared = prepare_url(fetcher=fetcher, url=link, tags=feed.tags, read=read)
                except FetchError as error:
                    return False, error.message
                with database.writing() as session:
                    created = insert_article(
                        session=session,
                        data=prepared.data,
                        candidates=prepared.candidates,
                        feed_id=feed.id,
                        actor=ACTOR,
                        now=now,
                    )
                return created is not None, None

            items = list(work.values())
            for (feed, link), (created, error) in zip(items, pool.map(take, items), strict=True):
                feed.stored += int(created)
                if error is not None:
                    feed.entry_errors.append(f"{link}: {error}")
    with database.writing() as session:
        for feed in rounds:
            complete = not feed.entry_errors
            polled(
                session=session,
                feed_id=feed.id,
                now=now,
                interval=interval,
                title=feed.title,
                etag=feed.new_etag if complete else None,
                last_modified=feed.new_last_modified if complete else None,
                error=feed.error,
            )
    for feed in rounds:
        if feed.error or feed.entry_errors:
            log.warning("feed %s: %s", feed.url, feed.error or "; ".join(feed.entry_errors[:3]))
    return PollReport(
        feeds=len(rounds),
        not_modified=sum(feed.not_modified for feed in rounds),
        failed=sum(feed.error is not None for feed in rounds),
        articles=sum(feed.stored for feed in rounds),
        entry_errors=sum(len(feed.entry_errors) for feed in rounds),
    )


def feed_poll(settings: Settings, database: Database) -> Callable[[datetime], JobResult]:
    """The feed-polling job: one round as of the instant it is given."""

    def run(now: datetime) -> JobResult:
        with Fetcher(
            allow_private=settings.intake_allow_private, connections=settings.feed_concurrency
        ) as fetcher:
            report = poll_feeds(
                database=database,
                fetcher=fetcher,
                now=now,
                interval=timedelta(minutes=settings.feed_poll_minutes),
                concurrency=settings.feed_concurrency,
            )
        return report.result()

    return run
