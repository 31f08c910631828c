"""Claim intake from articles: the shapes the API, the CLI and the /extract page share.

Extraction itself is forecasts.extraction; this module bounds its input and gives its
output a documented JSON shape. Recording a candidate goes through the inbox (service.articles).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from typing import Annotated, Final, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from forecasts.deadlines import DeadlineOutOfRangeError
from forecasts.domain import DomainError, SourceKind
from forecasts.extraction import Candidate, extract_candidates
from forecasts.probability import ICD_203, ICD_203_NAME, scale_records
from forecasts.schemas import Instant
from forecasts.schemas import text_problem as storable_problem

# About 8,000 words, and about a second of extraction: longer texts are sent in parts.
MAX_TEXT_CHARS: Final = 50_000

ICD_203_ABOUT: Final = (
    "US Intelligence Community Directive 203, Analytic Standards (2 January 2015): its seven "
    "expressions of likelihood, from 'almost no chance' (1-5%) to 'almost certain' (95-99%), "
    "with Sooth's reading rules for modal verbs, possibility, negations and denials placing "
    "every other phrase inside one of those ranges. Each phrase's note names the rule it "
    "comes from."
)


def text_problem(text: str) -> str | None:
    """What is wrong with an article text given for extraction, or None."""
    if not text.strip():
        return "is empty; paste the article's text"
    if len(text) > MAX_TEXT_CHARS:
        return (
            f"is {len(text):,} characters long; at most {MAX_TEXT_CHARS:,} are read at once, "
            "so send the article in parts"
        )
    return storable_problem(text)


def url_problem(url: str) -> str | None:
    """What is wrong with an article's address, or None for an http(s) URL."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return "must be a web address starting with https:// or http://"
    return None


class ExtractRequest(BaseModel):
    """An article to look for candidate claims in."""

    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=True,
        json_schema_extra={
            "examples": [
                {
                    "text": "Inflation should come close to three percent this year, the "
                    "bank's chief economist said on Tuesday.",
                    "published_at": "2025-03-04T09:00:00Z",
                }
            ]
        },
    )

    text: str = Field(
        description=f"The article's text, as published (at most {MAX_TEXT_CHARS:,} characters)."
    )
    url: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] | None = Field(
        default=None, description="Where the article was published; copied to each candidate."
    )
    published_at: Instant | None = Field(
        default=None,
        description="When it was published, with a timezone; resolves deadline phrases such "
        "as 'by the end of the year'. Without it, deadlines are null.",
    )

    @field_validator("text")
    @classmethod
    def _text_fits(cls, value: str) -> str:
        problem = text_problem(value)
        if problem is not None:
            raise ValueError(problem)
        return value

    @field_validator("url")
    @classmethod
    def _web_url(cls, value: str | None) -> str | None:
        if not value:
            return None
        problem = url_problem(value)
        if problem is not None:
            raise ValueError(problem)
        return value


class QuantityPublic(BaseModel):
    """The number a quantity forecast gives: a point (low == high), a range, or one bound."""

    low: float | None
    high: float | None
    unit: str = Field(description="'%', '$ a barrel', 'barrels a day' ...")


class CandidatePublic(BaseModel):
    """A sentence that reads as a predictive claim, with what recording it needs.

    Offsets index the submitted text: text[start:end] is the sentence and
    text[span_start:span_end] the predictive part.
    """

    sentence: str = Field(description="The sentence as it stands in the text.")
    start: int
    end: int
    span: str = Field(description="The predictive part of the sentence.")
    span_start: int
    span_end: int
    speaker: str | None = Field(description="Who makes the claim; null when the writer does.")
    verbal_phrase: str | None = Field(description="The hedge phrase, a key of the verbal scale.")
    probability: float | None = Field(
        description="Of the event the span states, negation read in: 'won't' gives 0.05."
    )
    probability_basis: str | None = Field(
        description="stated (an explicit figure such as '35-40%') or verbal (the scale)."
    )
    deadline_phrase: str | None = Field(description="'by the end of the year', 'next year' ...")
    deadline: datetime | None = Field(
        description="The deadline phrase resolved against published_at (UTC), if it can be."
    )
    confidence: float = Field(description="How sure the extractor is, 0 to 1.")
    reason: str = Field(description="The cue that made the sentence a candidate.")
    url: str | None
    kind: Literal["probability", "quantity"] = Field(
        description="probability: an event will or will not happen; quantity: a forecast number."
    )
    quantity: QuantityPublic | None = Field(description="The forecast number, for a quantity.")
    probability_reason: str | None = Field(
        description="Why probability is null: a bare 'will', a quantity, no hedge at all."
    )
    condition: str | None = Field(
        description="The condition a conditional forecast is made on ('if turnout is high')."
    )
    speakers: list[str] = Field(
        description="Every named source, when several make the claim together; speaker is "
        "the first of them."
    )

    @classmethod
    def of(cls, candidate: Candidate) -> CandidatePublic:
        """The public shape of an extracted candidate."""
        return cls(
            sentence=candidate.sentence,
            start=candidate.start,
            end=candidate.end,
            span=candidate.span,
            span_start=candidate.span_start,
            span_end=candidate.span_end,
            speaker=candidate.speaker,
            verbal_phrase=candidate.verbal_phrase,
            probability=candidate.probability,
            probability_basis=candidate.probability_basis,
            deadline_phrase=candidate.deadline_phrase,
            deadline=candidate.deadline,
            confidence=candidate.confidence,
            reason=candidate.reason,
            url=candidate.url,
            kind=candidate.kind,
            quantity=(
                QuantityPublic(
                    low=candidate.quantity.low,
                    high=candidate.quantity.high,
                    unit=candidate.quantity.unit,
                )
                if candidate.quantity
                else None
            ),
            probability_reason=candidate.probability_reason,
            condition=candidate.condition,
            speakers=list(candidate.speakers),
        )


class ExtractResponse(BaseModel):
    """The candidate claims of an article, in text order."""

    candidates: list[CandidatePublic]


def extraction(
    *, text: str, published_at: datetime | None = None, url: str | None = None
) -> ExtractResponse:
    """Candidate claims of an article, in their public shape."""
    try:
        found = extract_candidates(text, published_at=published_at, url=url)
    except DeadlineOutOfRangeError as error:
        raise DomainError(
            "published_at", f"is too late for the text's deadlines: {error}"
        ) from None
    return ExtractResponse(candidates=[CandidatePublic.of(candidate) for candidate in found])


class VerbalPhrasePublic(BaseModel):
    """One phrase of the verbal scale with the probability and range it stands for."""

    phrase: str
    probability: float
    lower: float
    upper: float
    standard: str
    note: str


class VerbalScalePublic(BaseModel):
    """The verbal probability scale: the standard it follows and every phrase it knows."""

    standard: str
    about: str
    phrases: list[VerbalPhrasePublic]


def verbal_scale() -> VerbalScalePublic:
    """The ICD 203 scale, lowest probability first."""
    return VerbalScalePublic(
        standard=ICD_203_NAME,
        about=ICD_203_ABOUT,
        phrases=[VerbalPhrasePublic(**record) for record in scale_records(ICD_203)],
    )


def suggested_slug(name: str) -> str:
    """A source slug for a name: 'Oleksiy Danilov' -> 'oleksiy-danilov'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:120].rstrip("-")


_ORGANISATION_WORDS: Final = frozenset(
    re.findall(
        r"[a-z]+",
        "agency assembly association authority bank board bureau cabinet centre center "
        "commission committee company corporation council court department directorate fund "
        "government group inc institute kremlin league ltd ministry office organisation "
        "organization parliament party plc service treasury union university",
    )
)


def suggested_kind(speaker: str | None) -> SourceKind:
    """The likely kind of a speaker: organisation by its words, person by default, else outlet."""
    if speaker is None:
        return SourceKind.outlet  # nobody is quoted: the writer, i.e. the outlet, speaks
    words = set(re.findall(r"[a-z]+", speaker.lower()))
    return SourceKind.organisation if words & _ORGANISATION_WORDS else SourceKind.person
