"""Benchmark: one poll of 100 feeds of 50 entries each, from a local server, on SQLite.

A separate process serves 100 RSS feeds, each listing 50 articles of its own (5,000 in
all, about 400 words each: a headline, a byline, eleven paragraphs of which three carry
forecasts). One poll round fetches every feed, fetches and reads every article
(trafilatura), extracts its candidates and stores each article with its candidates in a
transaction of its own. Target: the round under 30 s. A second round, every feed
answering 304 to its ETag, is printed for reference.

Run with `python tests/bench/bench_feeds.py [--feeds N --entries M]`; exits non-zero when
the target is missed.
"""

from __future__ import annotations

import argparse
import multiprocessing
import socket
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func  # noqa: E402
from sqlmodel import select  # noqa: E402

from forecasts.feeds import FeedCreate, create_feed  # noqa: E402
from forecasts.models import Article, ClaimCandidate  # noqa: E402
from service.database import Database  # noqa: E402
from service.feeds import poll_feeds  # noqa: E402
from service.fetching import Fetcher  # noqa: E402
from service.migrations_runner import migrate  # noqa: E402
from tests.intake.web import article_page, rss  # noqa: E402

TARGET_SECONDS = 30.0
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
CONCURRENCY = 8

FILLER = [
    "The council met on Thursday in the old hall, where residents filled the public gallery "
    "and several speakers asked for the meeting to be moved to a larger room next month.",
    "Ticket prices rose by four percent in January, the operator said in its annual report, "
    "which also listed the routes that carried the most passengers last year.",
    "Construction of the new depot began in the spring and employs about 300 workers, most of "
    "them from the surrounding districts, according to the city's planning office.",
    "Opposition members walked out of the session after the chair refused a motion to delay "
    "the vote, and returned an hour later to a round of applause from the gallery.",
    "The mayor's office published the figures on its website on Friday evening, along with a "
    "summary of the consultation that drew more than 12,000 responses from residents.",
    "Local businesses along the main corridor have complained about the roadworks, which have "
    "closed two lanes since March and forced buses onto side streets.",
    "The levy would be collected through property tax bills and ring-fenced for transit, "
    "under a draft ordinance circulated to members of the finance committee this week.",
    "Union representatives met the operator's management twice last month, and a third "
    "meeting is scheduled for the week after the council's vote.",
]
FORECASTS = [
    '"There is a 70% chance that the levy passes by the end of the year," said council '
    "member Ana Ruiz.",
    "Analysts at Moody's expect the bank will probably cut rates next year.",
    "Oleksiy Danilov said a second mutiny would not be much delayed.",
]


def article(feed: int, entry: int) -> bytes:
    """Article `entry` of feed `feed`: eleven paragraphs, three of them forecasts."""
    paragraphs = [f"{text} (Report {feed}-{entry}.)" for text in FILLER]
    for slot, forecast in zip((1, 4, 8), FORECASTS, strict=True):
        paragraphs.insert(slot, forecast)
    return article_page(
        title=f"Transit levy report {feed}-{entry}",
        author="Maria Keane",
        published="2024-03-01T09:00:00+00:00",
        site_name="The Harbour Times",
        paragraphs=paragraphs,
    )


def serve(port: int, entries: int) -> None:
    """Serve /feed/<f>.xml and /a/<f>/<e> on 127.0.0.1:port until terminated."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # The headers and the body go out in two writes; with Nagle's algorithm the body
        # waits for the client's delayed ACK of the headers, 40 ms on a kept-alive
        # connection. Web servers set TCP_NODELAY (nginx's tcp_nodelay is on by default).
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            parts = self.path.strip("/").split("/")
            etag = None
            if parts[0] == "feed":
                feed = int(parts[1].removesuffix(".xml"))
                etag = f'"feed-{feed}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                base = f"http://127.0.0.1:{port}"
                body = rss(
                    title=f"Feed {feed}", links=[f"{base}/a/{feed}/{e}" for e in range(entries)]
                )
                kind = "application/rss+xml"
            else:
                body = article(int(parts[1]), int(parts[2]))
                kind = "text/html; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    server.serve_forever()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--entries", type=int, default=50)
    options = parser.parse_args()
    port = free_port()
    server = multiprocessing.Process(target=serve, args=(port, options.entries), daemon=True)
    server.start()
    try:
        with tempfile.TemporaryDirectory() as directory:
            url = f"sqlite:///{Path(directory) / 'bench.db'}"
            migrate(url)
            database = Database(url)
            with database.writing() as session:
                for feed in range(options.feeds):
                    create_feed(
                        session=session,
                        data=FeedCreate(url=f"http://127.0.0.1:{port}/feed/{feed}.xml", tags=[]),
                        actor="bench",
                        now=NOW,
                    )
            for _ in range(100):  # wait for the server's socket to open
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                    break
                except OSError:
                    time.sleep(0.05)
            interval = timedelta(minutes=30)
            with Fetcher(allow_private=True, connections=CONCURRENCY) as fetcher:
                started = time.perf_counter()
                report = poll_feeds(
                    database=database,
                    fetcher=fetcher,
                    now=NOW,
                    interval=interval,
                    concurrency=CONCURRENCY,
                )
                first = time.perf_counter() - started
                started = time.perf_counter()
                again = poll_feeds(
                    database=database,
                    fetcher=fetcher,
                    now=NOW + interval,
                    interval=interval,
                    concurrency=CONCURRENCY,
                )
                second = time.perf_counter() - started
            with database.reading() as session:
                articles = session.exec(select(func.count()).select_from(Article)).one()
                candidates = session.exec(select(func.count()).select_from(ClaimCandidate)).one()
            database.dispose()
    finally:
        server.terminate()
    expected = options.feeds * options.entries
    print(f"feeds {options.feeds} x entries {options.entries}, concurrency {CONCURRENCY}")
    print(f"first poll:  {first:6.1f} s  {report}")
    print(f"             {articles} articles, {candidates} candidates stored")
    print(f"second poll: {second:6.1f} s  {again.not_modified} feeds unchanged (304)")
    ok = first < TARGET_SECONDS and articles == expected and report.entry_errors == 0
    verdict = "met" if ok else "MISSED"
    print(f"target: under {TARGET_SECONDS:.0f} s for all {expected} articles: {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
