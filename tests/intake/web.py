"""A local web server for intake tests: article pages, RSS and Atom feeds, and bad answers.

Threaded http.server on 127.0.0.1. Each route answers with a fixed page, a redirect, a
304 when the client's ETag matches, a body larger than the fetch limit, or a slow drip.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """What one path answers."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    # Stream this many bytes without a Content-Length (oversized bodies).
    stream_bytes: int = 0
    declared_length: int | None = None
    # Send the body a byte at a time with this pause between bytes.
    drip_seconds: float = 0.0
    # Wait this long before answering at all.
    pause_seconds: float = 0.0


@dataclass
class Site:
    """The served routes and what was asked of them."""

    base: str
    routes: dict[str, Route]
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    # Requests waiting on a route's pause at once, now and at most.
    active: int = 0
    most_active: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        """The full address of `path`."""
        return self.base + path

    def hits(self, path: str) -> int:
        """How often `path` was requested."""
        return sum(1 for asked, _ in self.requests if asked == path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            with site.lock:
                site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            with suppress(BrokenPipeError, ConnectionResetError):
                self._answer()

        def _answer(self) -> None:
            route = site.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if route.pause_seconds:
                # Active while it waits, before any of the answer is sent: once a client has
                # read the answer it may ask again before this handler has returned.
                with site.lock:
                    site.active += 1
                    site.most_active = max(site.most_active, site.active)
                time.sleep(route.pause_seconds)  # a slow server, not a wait in the test
                with site.lock:
                    site.active -= 1
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.send_header("ETag", route.etag)
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            if route.location:
                self.send_header("Location", route.location)
            if route.etag:
                self.send_header("ETag", route.etag)
            if route.last_modified:
                self.send_header("Last-Modified", route.last_modified)
            if route.stream_bytes:
                if route.declared_length is not None:
                    self.send_header("Content-Length", str(route.declared_length))
                self.send_header("Connection", "close")
                self.end_headers()
                chunk = b"x" * 65536
                for _ in range(route.stream_bytes // len(chunk) + 1):
                    self.wfile.write(chunk)
                return
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            if route.drip_seconds:
                for byte in route.body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(route.drip_seconds)  # a slow server, not a wait in the test
                return
            self.wfile.write(route.body)

    return Handler


@contextmanager
def serving(routes: dict[str, Route] | None = None) -> Iterator[Site]:
    """Serve `routes` on a free port of 127.0.0.1 for the duration of the block."""
    site = Site(base="", routes=dict(routes or {}))
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def article_page(
    *, title: str, author: str, published: str, paragraphs: Sequence[str], site_name: str
) -> bytes:
    """An article page as news sites publish them: navigation, the article, a footer."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)} | {escape(site_name)}</title>
<meta property="og:title" content="{escape(title)}">
<meta property="og:site_name" content="{escape(site_name)}">
<meta name="author" content="{escape(author)}">
<meta property="article:published_time" content="{published}">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<main><article><h1>{escape(title)}</h1><p class="byline">By {escape(author)}</p>
{body}</article></main>
<footer><p>Subscribe to our newsletter. All rights reserved.</p></footer>
</body></html>""".encode()


def rss(*, title: str, links: Sequence[str]) -> bytes:
    """An RSS 2.0 feed listing `links`."""
    items = "".join(
        f"<item><title>Entry {n}</title><link>{escape(link)}</link>"
        f"<guid>{escape(link)}</guid></item>"
        for n, link in enumerate(links, start=1)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{escape(title)}</title>'
        f"<link>http://example.org/</link><description>News</description>{items}</channel></rss>"
    ).encode()


def atom(*, title: str, links: Sequence[str]) -> bytes:
    """An Atom feed listing `links`."""
    entries = "".join(
        f'<entry><title>Entry {n}</title><link href="{escape(link)}"/><id>{escape(link)}</id>'
        "<updated>2024-03-01T09:00:00Z</updated></entry>"
        for n, link in enumerate(links, start=1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:feed</id>"
        f"<updated>2024-03-01T09:00:00Z</updated>{entries}</feed>"
    ).encode()


def http_date(moment: datetime) -> str:
    """`moment` as an HTTP date (Last-Modified)."""
    return format_datetime(moment, usegmt=True)


LEVY = article_page(
    title="Council splits over transit levy",
    author="Maria Keane",
    published="2024-03-01T09:00:00+00:00",
    site_name="The Harbour Times",
    paragraphs=[
        "The city council met on Thursday to debate the transit levy for the third time "
        "this winter, with residents filling the public gallery.",
        '"There is a 70% chance that the levy passes by the end of the year," said council '
        "member Ana Ruiz.",
        "The weather was sunny on Tuesday and the council met at noon in the old hall.",
        "Oleksiy Danilov said a second mutiny would not be much delayed.",
    ],
)
RATES = article_page(
    title="Banks brace for a cut",
    author="Tom Iles",
    published="2024-03-02T10:00:00+00:00",
    site_name="The Harbour Times",
    paragraphs=[
        "Lenders spent the week repricing mortgages ahead of the central bank's meeting.",
        "Analysts at Moody's expect the bank will probably cut rates next year.",
        "Branch closures continued across the region, the union said.",
    ],
)
