"""Polling feeds: each due feed fetched (conditionally), its new entries fetched as articles.

A round reads which feeds are due, fetches them with bounded concurrency (sending back
the ETag and Last-Modified each last gave, so an unchanged feed costs a 304), parses them
with feedparser, and fetches every entry whose address is not stored yet as in
service.articles, each stored in a short transaction of its own. Reading the pages and
extracting their candidates, most of a round's Python work, runs in worker processes (one
per core, in a round with many pages; service.workers) while threads fetch and store, each
thread a batch of pages at a time. A feed that fails waits twice as long before each next
try (forecasts.feeds.backoff). A feed's validators are kept only when all its new entries
were stored, so an entry that failed is tried again.
"""

from __future__ import annotations

import logging
import math
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
from service.articles import prepared_reading
from service.database import Database
from service.fetching import Fetched, Fetcher, FetchError, without_fragment
from service.reading import read_each
from service.settings import Settings
from service.workers import Workers, usable_cores

log = logging.getLogger(__name__)

ACTOR = "feed poll"

# A worker process is started for every this many pages a round reads, up to one per core:
# starting one costs about what reading this many pages does (service.workers).
PAGES_PER_WORKER: Final = 100
# A thread fetches this many pages, then has them read in one call to a worker: each call
# costs the polling process a round trip between processes and hand-offs between threads.
PAGES_PER_READ: Final = 10


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

            def take(batch: list[tuple[FeedRound, str]]) -> list[tuple[bool, str | None]]:
                # Each entry stored now, and why it could not be fetched; counted by the
                # caller, since threads adding to a feed's count at once could lose one.
                fetched: list[Fetched | FetchError] = []
                for _, link in batch:
                    try:
                        fetched.append(fetcher.get(link))
                    except FetchError as error:
                        fetched.append(error)
                pages = [page for page in fetched if isinstance(page, Fetched)]
                readings = iter(workers.run(read_each, pages))
                outcomes: list[tuple[bool, str | None]] = []
                for (feed, link), page in zip(batch, fetched, strict=True):
                    reading = next(readings) if isinstance(page, Fetched) else page
                    if isinstance(reading, FetchError):
                        outcomes.append((False, reading.message))
                        continue
                    prepared = prepared_reading(url=link, tags=feed.tags, reading=reading)
                    with database.writing() as session:
                        created = insert_article(
                            session=session,
                            data=prepared.data,
                            candidates=prepared.candidates,
                            feed_id=feed.id,
                            actor=ACTOR,
                            now=now,
                        )
                    outcomes.append((created is not None, None))
                return outcomes

            items = list(work.values())
            # Enough batches for every thread, each at most PAGES_PER_READ pages.
            size = max(1, min(PAGES_PER_READ, math.ceil(len(items) / concurrency)))
            batches = [items[start : start + size] for start in range(0, len(items), size)]
            outcomes = [outcome for taken in pool.map(take, batches) for outcome in taken]
            for (feed, link), (created, error) in zip(items, outcomes, strict=True):
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
