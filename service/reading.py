"""Reading a fetched article page: its text and metadata (trafilatura) and its candidates.

What is read is a function of the response alone, so it may run in a worker process
(service.workers): this module imports only what reading needs, and what it returns
pickles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Final

import trafilatura

from service.fetching import Fetched, FetchError
from service.intake import MAX_TEXT_CHARS, extraction

HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml", ""})
_DATE_FORMAT: Final = "%Y-%m-%dT%H:%M:%S%z"


@dataclass(frozen=True)
class ReadPage:
    """What trafilatura found in a page."""

    text: str
    title: str | None
    author: str | None
    publisher: str | None
    published_at: datetime | None


@dataclass(frozen=True)
class Reading:
    """A page read, and the extractor's candidates in its text."""

    page: ReadPage
    candidates: list[Any]


def _instant(value: str | None) -> datetime | None:
    if not value:
        return None
    parsers: tuple[Callable[[str], datetime], ...] = (
        lambda v: datetime.strptime(v, "%Y-%m-%dT%H:%M:%S%z"),
        datetime.fromisoformat,
        lambda v: datetime.combine(date.fromisoformat(v[:10]), datetime.min.time()),
    )
    for parse in parsers:
        try:
            moment = parse(value)
        except ValueError:
            continue
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)
    return None


def read_page(body: bytes | str, *, url: str) -> ReadPage:
    """The main text and metadata of an HTML page; FetchError when it has no text."""
    document = trafilatura.bare_extraction(
        body,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={
            "outputformat": _DATE_FORMAT,
            "original_date": True,
            "extensive_search": False,
        },
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        raise FetchError("no_text", "no article text was found in the page")
    if len(text) > MAX_TEXT_CHARS:
        text = text[:MAX_TEXT_CHARS].rsplit("\n", 1)[0]
    return ReadPage(
        text=text,
        title=getattr(document, "title", None) or None,
        author=getattr(document, "author", None) or None,
        publisher=getattr(document, "sitename", None) or None,
        published_at=_instant(getattr(document, "date", None)),
    )


def page_of(fetched: Fetched) -> ReadPage:
    """Read a fetched response as an article page; FetchError if it is not one."""
    if fetched.status_code != 200:
        raise FetchError("status", f"the page answered HTTP {fetched.status_code}")
    if fetched.content_type not in HTML_TYPES:
        raise FetchError(
            "content_type", f"the address serves {fetched.content_type}, not an HTML page"
        )
    body: bytes | str = fetched.body
    if fetched.charset:
        try:
            body = fetched.body.decode(fetched.charset, errors="replace")
        except LookupError:
            body = fetched.body
    return read_page(body, url=fetched.final_url)


def candidates_of(text: str, *, published_at: datetime | None, url: str | None) -> list[Any]:
    """The extractor's candidates of a text, as JSON-ready dicts in text order."""
    found = extraction(text=text, published_at=published_at, url=url)
    return [candidate.model_dump(mode="json") for candidate in found.candidates]


def read_fetched(fetched: Fetched) -> Reading:
    """Read a fetched article page and extract its candidates; FetchError if it is not one."""
    page = page_of(fetched)
    url = fetched.url.strip()
    return Reading(page, candidates_of(page.text, published_at=page.published_at, url=url))


def read_each(pages: list[Fetched]) -> list[Reading | FetchError]:
    """read_fetched of each page, its FetchError in its place when it is not an article page.

    Several pages in one call: a worker process is handed them, and hands back their
    readings, in one round trip rather than one each.
    """
    readings: list[Reading | FetchError] = []
    for fetched in pages:
        try:
            readings.append(read_fetched(fetched))
        except FetchError as error:
            readings.append(error)
    return readings
