"""/api/v1/scales/verbal and /api/v1/extract: turning an article's words into claims."""

from __future__ import annotations

from fastapi import APIRouter

from service.api.deps import Editor, Reader
from service.intake import (
    MAX_TEXT_CHARS,
    ExtractRequest,
    ExtractResponse,
    VerbalScalePublic,
    extraction,
    verbal_scale,
)

router = APIRouter(tags=["intake"])


@router.get("/scales/verbal")
def get_verbal_scale(_: Reader) -> VerbalScalePublic:
    """The verbal probability scale (ICD 203): each hedge phrase, its probability and range.

    A claim recorded with a verbal_phrase and no probability takes the phrase's probability
    from this scale, with probability_basis verbal; an unknown phrase is refused.
    """
    return verbal_scale()


@router.post(
    "/extract",
    responses={
        413: {"description": "The request body is larger than SOOTH_MAX_BODY_BYTES."},
        422: {"description": f"No text, text over {MAX_TEXT_CHARS:,} characters, or bad input."},
    },
)
def post_extract(data: ExtractRequest, _: Editor) -> ExtractResponse:
    """Find the sentences of an article that carry predictive claims; nothing is recorded.

    Each candidate has the sentence and its predictive span (with offsets into the text),
    the speaker, the verbal phrase or explicit figure and its probability, and the deadline
    phrase, resolved against published_at when that is given.
    """
    return extraction(text=data.text, published_at=data.published_at, url=data.url)
