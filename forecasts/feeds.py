"""Feeds whose entries are fetched as articles: which are due, and how each poll went."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Final

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import func
from sqlmodel import Session, col, select

from forecasts.domain import ConflictError, NotFoundError, normalise_tags
from forecasts.models import Feed
from forecasts.schemas import Tags, Url, _Strict

MAX_BACKOFF: Final = timedelta(days=1)


class FeedCreate(_Strict):
    """A feed to poll, with tags given to the articles of its entries."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"url": "https://example.org/economy/feed.xml", "tags": ["economy"]}]
        }
    )

    url: Url = Field(description="The RSS or Atom feed's http(s) address.")
    tags: Tags
    """Tags given to every article found in the feed."""

    @field_validator("tags")
    @classmethod
    def _tags_shape(cls, value: list[str]) -> list[str]:
        return normalise_tags("tags", value)


class FeedPublic(BaseModel):
    """A feed as the API shows it, with how its last poll went."""

    model_config = {"from_attributes": True}

    id: int
    url: str
    title: str | None
    tags: list[str]
    next_poll_at: datetime
    last_polled_at: datetime | None
    failures: int
    last_error: str | None
    created_at: datetime


def create_feed(*, session: Session, data: FeedCreate, actor: str, now: datetime) -> Feed:
    """Record a feed, due for its first poll at once; its address must be new."""
    if session.exec(select(Feed.id).where(Feed.url == data.url)).first() is not None:
        raise ConflictError("url", f"the feed {data.url} is already polled")
    feed = Feed(
        url=data.url, tags=list(data.tags), next_poll_at=now, created_at=now, created_by=actor
    )
    session.add(feed)
    session.flush()
    return feed


def list_feeds(*, session: Session, limit: int, offset: int) -> tuple[Sequence[Feed], int]:
    """Feeds in the order they were added, with the total."""
    total = session.exec(select(func.count()).select_from(Feed)).one()
    items = session.exec(select(Feed).order_by(col(Feed.id)).limit(limit).offset(offset)).all()
    return items, total


def due_feeds(*, session: Session, now: datetime) -> list[Feed]:
    """Feeds whose next poll is due at `now`, the longest waiting first."""
    return list(
        session.exec(
            select(Feed).where(col(Feed.next_poll_at) <= now).order_by(col(Feed.next_poll_at))
        ).all()
    )


def get_feed(*, session: Session, feed_id: int) -> Feed:
    """The feed with this id, or NotFoundError."""
    feed = session.get(Feed, feed_id)
    if feed is None:
        raise NotFoundError("id", f"no feed with id {feed_id}")
    return feed


def backoff(*, failures: int, interval: timedelta) -> timedelta:
    """The wait after `failures` failed polls in a row: interval * 2**failures, at most a day."""
    wait: timedelta = interval * 2 ** min(failures, 16)
    return min(wait, max(MAX_BACKOFF, interval))


def polled(
    *,
    session: Session,
    feed_id: int,
    now: datetime,
    interval: timedelta,
    title: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    error: str | None = None,
) -> Feed:
    """Record a poll: its validators when it worked, or its error and a longer wait."""
    feed = get_feed(session=session, feed_id=feed_id)
    feed.last_polled_at = now
    if error is None:
        feed.failures = 0
        feed.last_error = None
        feed.title = title or feed.title
        feed.etag = etag if etag is not None else feed.etag
        feed.last_modified = last_modified if last_modified is not None else feed.last_modified
        feed.next_poll_at = now + interval
    else:
        feed.failures += 1
        feed.last_error = error
        feed.next_poll_at = now + backoff(failures=feed.failures, interval=interval)
    session.add(feed)
    session.flush()
    return feed
