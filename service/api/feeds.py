"""/api/v1/feeds: RSS and Atom feeds whose new entries come into the inbox on a schedule."""

from __future__ import annotations

from fastapi import APIRouter, status

from forecasts.feeds import FeedCreate, FeedPublic, create_feed, list_feeds
from forecasts.schemas import Page
from service.api.deps import Editor, Limit, NowDep, Offset, ReadSessionDep, WriteSessionDep
from service.api.errors import field_error
from service.fetching import url_refusal

router = APIRouter(prefix="/feeds", tags=["intake"])


@router.post("", status_code=status.HTTP_201_CREATED)
def post_feed(
    data: FeedCreate, session: WriteSessionDep, caller: Editor, now: NowDep
) -> FeedPublic:
    """Add a feed; it is polled at once and then every SOOTH_FEED_POLL_MINUTES."""
    refusal = url_refusal(data.url)
    if refusal is not None:
        raise field_error("url", refusal.message, refusal.reason)
    feed = create_feed(session=session, data=data, actor=caller.actor, now=now)
    return FeedPublic.model_validate(feed)


@router.get("")
def get_feeds(
    session: ReadSessionDep, _: Editor, limit: Limit = 50, offset: Offset = 0
) -> Page[FeedPublic]:
    """Feeds, in the order they were added, with how each one's last poll went."""
    items, total = list_feeds(session=session, limit=limit, offset=offset)
    return Page(
        items=[FeedPublic.model_validate(feed) for feed in items],
        total=total,
        limit=limit,
        offset=offset,
    )
