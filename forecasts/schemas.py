"""The shapes the ledger accepts and returns: one family of models per entity."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Generic, TypeVar

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    FiniteFloat,
    StringConstraints,
    field_validator,
)

from forecasts.domain import (
    SLUG_PATTERN,
    Basis,
    Outcome,
    QuestionKind,
    SourceKind,
    Status,
    normalise_tags,
)
from forecasts.lookalikes import invisible_character

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Url = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
Tags = Annotated[list[str], Field(default_factory=list, max_length=20)]
# The largest value of an INTEGER column on PostgreSQL; a larger id would fail in the
# database (or overflow SQLite's driver past 2**63 - 1) instead of being refused as input.
MAX_ROW_ID = 2**31 - 1
RowId = Annotated[int, Field(ge=1, le=MAX_ROW_ID)]
Unit = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]


def representable(value: datetime) -> datetime:
    """`value` if it stays within years 1 to 9999 once its offset is applied."""
    try:
        value.astimezone(UTC)
    except OverflowError:
        raise ValueError(
            "falls outside the years 1 to 9999 once its offset is applied; "
            "give an instant such as 2024-02-01T00:00:00Z"
        ) from None
    return value


# Every date-time a request may carry: with an offset, and an instant UTC can hold.
Instant = Annotated[AwareDatetime, AfterValidator(representable)]


def text_problem(value: str) -> str | None:
    """Why `value` cannot be stored as text, or None when it can."""
    if "\x00" in value:
        return "must not contain the NUL character (\\u0000)"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # A JSON escape such as \ud800 outside a pair stands for no character at all.
        return "must not contain a lone surrogate (\\ud800-\\udfff): it is no character"
    return None


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list, with the total the filters matched."""

    items: list[T]
    total: int
    limit: int
    offset: int


class _Strict(BaseModel):
    # A field's docstring is its description in the OpenAPI document.
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    @field_validator("*")
    @classmethod
    def _storable_text(cls, value: object) -> object:
        # Neither database stores NUL or lone surrogates: refuse them where the field is named.
        texts = value if isinstance(value, list) else [value]
        for text in texts:
            problem = text_problem(text) if isinstance(text, str) else None
            if problem is not None:
                raise ValueError(problem)
        return value


class SourceCreate(_Strict):
    """A new source."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "slug": "oleksiy-danilov",
                    "name": "Oleksiy Danilov",
                    "kind": "person",
                    "description": "Secretary of Ukraine's National Security and Defense Council.",
                }
            ]
        }
    )

    slug: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    """The source's address in Sooth: lower-case words joined by hyphens, unique."""
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
    """The source's name as people know it, e.g. Oleksiy Danilov."""
    kind: SourceKind
    """person, organisation, outlet or model."""
    description: str = ""
    """Who the source is, in a sentence: role, affiliation, why they are tracked."""
    confirm_distinct: bool = False
    """True to record a source whose name looks like an existing one's (two people may
    share a name); without it such a name is refused with a 409 naming that source."""

    @field_validator("name")
    @classmethod
    def _name_visible(cls, value: str) -> str:
        found = invisible_character(value)
        if found is not None:
            raise ValueError(
                f"must not contain invisible or direction-changing characters; found {found}"
            )
        return value

    @field_validator("slug")
    @classmethod
    def _slug_shape(cls, value: str) -> str:
        found = invisible_character(value)
        if found is not None:
            raise ValueError(
                f"must not contain invisible or direction-changing characters; found {found}"
            )
        if not SLUG_PATTERN.fullmatch(value):
            raise ValueError(
                "must be lower-case words of a-z and 0-9 joined by single hyphens, "
                "e.g. oleksiy-danilov"
            )
        return value


class SourcePublic(BaseModel):
    """A source as the API shows it."""

    model_config = ConfigDict(from_attributes=True)

    slug: str
    name: str
    kind: SourceKind
    description: str
    created_at: datetime


class QuestionCreate(_Strict):
    """A new question, on its own or inline in a claim."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "title": "Will a second armed march on Moscow begin before 1 February 2024?",
                    "resolution_criteria": "Yes if an armed group openly marches on Moscow "
                    "against the government, as two major outlets report.",
                    "deadline": "2024-02-01T00:00:00Z",
                    "tags": ["russia", "military"],
                },
                {
                    "title": "What will euro-area inflation be in 2025?",
                    "resolution_criteria": "Eurostat's annual average HICP inflation for "
                    "2025, first release.",
                    "deadline": "2026-01-31T00:00:00Z",
                    "tags": ["economy"],
                    "kind": "quantity",
                    "unit": "%",
                },
            ]
        }
    )

    title: NonEmpty
    """The question, answerable yes or no (or by a number, for a quantity question)."""
    resolution_criteria: NonEmpty
    """How a reviewer will decide it: what counts, and where to look."""
    deadline: Instant
    """When the question closes, with a time zone; claims must be made before it."""
    tags: Tags
    """Up to 20 tags of a-z, 0-9, '-', '_', '.' or ':', for filtering and reports."""
    reviewer_id: RowId | None = None
    """The reviewer who resolves it; unassigned questions go by tag rules."""
    kind: QuestionKind = QuestionKind.binary
    """binary (yes or no, the default) or quantity (a measured value in a unit)."""
    unit: Unit | None = None
    """The unit a quantity question's value is read in, e.g. "%", "USD bn" or "°C"."""

    @field_validator("tags")
    @classmethod
    def _tags_shape(cls, value: list[str]) -> list[str]:
        return normalise_tags("tags", value)


class QuestionUpdate(_Strict):
    """The only fields of a question that may change after it is created."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"tags": ["russia", "military"], "reviewer_id": 1}]}
    )

    tags: list[str] | None = Field(default=None, max_length=20)
    """The question's new tags, replacing the old ones."""
    reviewer_id: RowId | None = None
    """The reviewer now responsible for resolving it, or null for none."""

    @field_validator("tags")
    @classmethod
    def _tags_shape(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else normalise_tags("tags", value)


class QuestionPublic(BaseModel):
    """A question as lists show it."""

    id: int
    title: str
    resolution_criteria: str
    deadline: datetime
    tags: list[str]
    reviewer_id: int | None
    status: Status
    created_at: datetime
    created_by: str
    kind: QuestionKind = QuestionKind.binary
    unit: str | None = None


class Quantity(_Strict):
    """A number claimed for a quantity question: a point, or a range low..high.

    A range may state the confidence that it holds the value (0.8 for an 80% interval).
    Which of the fields go together is checked by forecasts.quantities.check_quantity.
    """

    point: FiniteFloat | None = None
    """A single forecast value, in the question's unit."""
    low: FiniteFloat | None = None
    """The low end of a forecast range, in the question's unit."""
    high: FiniteFloat | None = None
    """The high end of a forecast range, no lower than low."""
    confidence: Annotated[FiniteFloat, Field(gt=0.0, lt=1.0)] | None = None
    """How likely the source said the value is to fall in the range (0 to 1)."""


class ClaimCreate(_Strict):
    """A new claim: a source's probability for an existing question or an inline new one."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "source": "oleksiy-danilov",
                    "question_id": 1,
                    "probability": 0.8,
                    "quote": "A second march on Moscow would not be much delayed.",
                    "made_at": "2023-08-01T12:00:00Z",
                    "citation_url": "https://example.org/news/second-march",
                    "publisher": "Example News",
                    "published_at": "2023-08-01T16:00:00Z",
                },
                {
                    "source": "fiona-gallagher",
                    "question_id": 2,
                    "quantity": {"low": 2.7, "high": 2.8},
                    "verbal_phrase": "we expect",
                    "quote": "We expect full-year inflation at 2.7-2.8 percent.",
                    "made_at": "2025-03-04T09:00:00Z",
                },
            ]
        }
    )

    question_id: RowId | None = None
    """The existing question the claim is about; or give question instead."""
    question: QuestionCreate | None = None
    """A new question to record with the claim, in the same transaction."""
    source: NonEmpty
    """The slug of the source who made the claim."""
    probability: Annotated[float, Field(ge=0.0, le=1.0)] | None = None
    """The probability the source gave the question's yes, from 0 to 1."""
    probability_basis: Basis | None = None
    """stated (the source gave it), verbal (read from a hedge) or assessed."""
    verbal_phrase: (
        Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None
    ) = None
    """The hedge the claim was made in, e.g. 'very likely'; from the verbal scale."""
    quote: NonEmpty
    """The words the claim was made in, as published."""
    made_at: Instant
    """When the source made the claim, with a time zone."""
    citation_url: Url | None = None
    """Where the claim was published; with published_at, evidence for hindsight."""
    citation_title: str | None = None
    """The title of the article or document cited."""
    publisher: str | None = None
    """Who published it, e.g. a newspaper or agency."""
    published_at: Instant | None = None
    """When the cited article was published, with a time zone."""
    quantity: Quantity | None = None
    """Instead of a probability, on a quantity question."""


class ClaimRecord(BaseModel):
    """A claim as it was recorded, retracted or not: the ledger's payload for it."""

    id: int
    question_id: int
    source: str
    probability: float | None
    probability_basis: Basis
    verbal_phrase: str | None
    quote: str
    made_at: datetime
    citation_url: str | None
    citation_title: str | None
    publisher: str | None
    published_at: datetime | None
    recorded_at: datetime
    recorded_by: str
    retracted_at: datetime | None
    retraction_reason: str | None
    quantity: Quantity | None = None


class ClaimPublic(ClaimRecord):
    """A claim as the API shows it: as recorded, and how it stands for scoring."""

    hindsight: bool
    """Recorded (server clock) at or after its question's deadline or first resolution."""
    evidenced: bool
    """Cites a URL published no later than its question's deadline and first resolution."""


class Retraction(_Strict):
    """Why a claim is withdrawn from the record."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"reason": "The quote was by another speaker in the same article."}]
        }
    )

    reason: NonEmpty
    """Why the claim is withdrawn; kept on the record with it."""


class ResolutionCreate(_Strict):
    """A verdict on a question; `reason` is required when it corrects an earlier one.

    A quantity question is resolved with its measured `value` (the outcome is then `value`,
    which may be left out) or annulled.
    """

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "outcome": "no",
                    "evidence_url": "https://example.org/news/no-march",
                    "note": "No march began before the deadline.",
                },
                {"value": 2.9, "evidence_url": "https://example.org/stats/hicp-2025"},
                {"outcome": "yes", "reason": "The first verdict misread the report."},
            ]
        }
    )

    outcome: Outcome | None = None
    """yes, no or annulled; for a quantity question, give value instead (or annulled)."""
    value: FiniteFloat | None = None
    """The measured value of a quantity question, in its unit."""
    evidence_url: Url | None = None
    """Where the outcome can be checked."""
    note: str | None = None
    """Anything a reader should know about the verdict."""
    reason: str | None = None
    """Why an earlier verdict is corrected; required for a correction."""


class ResolutionPublic(BaseModel):
    """One entry of a question's resolution history."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    question_id: int
    sequence: int
    outcome: Outcome
    evidence_url: str | None
    note: str | None
    reason: str | None
    resolved_at: datetime
    resolved_by: str
    value: float | None = None


def resolution_payload(resolution: ResolutionPublic) -> dict[str, Any]:
    """What the ledger records of a resolution: its public shape, `value` only when measured.

    A yes, no or annulled resolution's payload is left as it was before resolutions could
    carry a value, so entries written then still verify.
    """
    payload = resolution.model_dump(mode="json")
    if payload["value"] is None:
        del payload["value"]
    return payload


class QuestionDetail(QuestionPublic):
    """A question with every claim on it and its whole resolution history, oldest first."""

    claims: list[ClaimPublic]
    resolutions: list[ResolutionPublic]
    current_resolution: ResolutionPublic | None
