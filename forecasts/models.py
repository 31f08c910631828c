"""The ledger's tables: sources, questions, claims and resolutions; articles, candidates, feeds."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from forecasts.domain import Basis, CandidateStatus, Outcome, SourceKind, Status, utc_now
from forecasts.sqltypes import UTCDateTime, enum_type


class Source(SQLModel, table=True):
    """A person, organisation, outlet or model whose predictions are tracked."""

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(sa_column=Column(String(120), nullable=False, unique=True))
    name: str = Field(sa_column=Column(String(300), nullable=False))
    kind: SourceKind = Field(sa_column=Column(enum_type(SourceKind), nullable=False))
    description: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    created_by: str = Field(default="", sa_column=Column(String(200), nullable=False))


class Question(SQLModel, table=True):
    """A proposition that will be resolved yes, no or annulled after its deadline."""

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(sa_column=Column(Text, nullable=False))
    resolution_criteria: str = Field(sa_column=Column(Text, nullable=False))
    deadline: datetime = Field(sa_type=UTCDateTime, index=True)
    reviewer_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("reviewer.id"), nullable=True, index=True),
    )
    status: Status = Field(default=Status.open, sa_column=Column(enum_type(Status), nullable=False))
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    created_by: str = Field(default="", sa_column=Column(String(200), nullable=False))


class QuestionTag(SQLModel, table=True):
    """One tag of one question; a table rather than a list so tag filters use an index."""

    __tablename__ = "question_tag"
    __table_args__ = (Index("ix_question_tag_tag", "tag"),)

    question_id: int = Field(
        sa_column=Column(Integer, ForeignKey("question.id", ondelete="CASCADE"), primary_key=True)
    )
    tag: str = Field(sa_column=Column(String(64), primary_key=True))


class Claim(SQLModel, table=True):
    """A source's probability for a question, as it was said; never edited, only retracted."""

    __table_args__ = (
        Index("ix_claim_source_question", "source_id", "question_id"),
        Index("ix_claim_question", "question_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(sa_column=Column(Integer, ForeignKey("question.id"), nullable=False))
    source_id: int = Field(sa_column=Column(Integer, ForeignKey("source.id"), nullable=False))
    probability: float
    probability_basis: Basis = Field(sa_column=Column(enum_type(Basis), nullable=False))
    verbal_phrase: str | None = Field(default=None, sa_column=Column(String(200)))
    quote: str = Field(sa_column=Column(Text, nullable=False))
    made_at: datetime = Field(sa_type=UTCDateTime)
    citation_url: str | None = Field(default=None, sa_column=Column(Text))
    citation_title: str | None = Field(default=None, sa_column=Column(Text))
    publisher: str | None = Field(default=None, sa_column=Column(String(300)))
    published_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    recorded_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    recorded_by: str = Field(default="", sa_column=Column(String(200), nullable=False))
    retracted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    retraction_reason: str | None = Field(default=None, sa_column=Column(Text))


class Resolution(SQLModel, table=True):
    """One verdict on a question; append-only, the newest row is the current resolution."""

    __table_args__ = (UniqueConstraint("question_id", "sequence"),)

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(
        sa_column=Column(Integer, ForeignKey("question.id"), nullable=False, index=True)
    )
    # Position in the question's history; unique so two concurrent resolutions cannot
    # both claim to be the newest.
    sequence: int = Field(sa_column=Column(Integer, nullable=False))
    outcome: Outcome = Field(sa_column=Column(enum_type(Outcome), nullable=False))
    evidence_url: str | None = Field(default=None, sa_column=Column(Text))
    note: str | None = Field(default=None, sa_column=Column(Text))
    reason: str | None = Field(default=None, sa_column=Column(Text))
    resolved_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    resolved_by: str = Field(default="", sa_column=Column(String(200), nullable=False))


class Reviewer(SQLModel, table=True):
    """A person who resolves questions, with when they want their weekly digest."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(String(300), nullable=False))
    email: str = Field(sa_column=Column(String(320), nullable=False))
    timezone: str = Field(default="UTC", sa_column=Column(String(64), nullable=False))
    digest_weekday: int = Field(default=0, sa_column=Column(Integer, nullable=False))
    digest_hour: int = Field(default=9, sa_column=Column(Integer, nullable=False))
    # Unassigned due questions carrying one of these tags go to this reviewer.
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    active: bool = Field(default=True)
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)


class Feed(SQLModel, table=True):
    """An RSS or Atom feed whose new entries are fetched as articles on a schedule."""

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    title: str | None = Field(default=None, sa_column=Column(Text))
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # Validators the server gave with its last answer, sent back so it can answer 304.
    etag: str | None = Field(default=None, sa_column=Column(Text))
    last_modified: str | None = Field(default=None, sa_column=Column(Text))
    next_poll_at: datetime = Field(sa_type=UTCDateTime, index=True)
    last_polled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Polls that failed in a row: each doubles the wait before the next one.
    failures: int = Field(default=0, sa_column=Column(Integer, nullable=False, default=0))
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    created_by: str = Field(default="", sa_column=Column(String(200), nullable=False))


class Article(SQLModel, table=True):
    """A fetched or pasted article, stored once, whose candidate claims wait in the inbox."""

    id: int | None = Field(default=None, primary_key=True)
    # The address it was asked for without its fragment, or sha256:<digest> of pasted text.
    key: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    url: str | None = Field(default=None, sa_column=Column(Text))
    title: str | None = Field(default=None, sa_column=Column(Text))
    author: str | None = Field(default=None, sa_column=Column(Text))
    publisher: str | None = Field(default=None, sa_column=Column(String(300)))
    published_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    fetched_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    text: str = Field(sa_column=Column(Text, nullable=False))
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    feed_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("feed.id"), nullable=True, index=True)
    )
    created_by: str = Field(default="", sa_column=Column(String(200), nullable=False))


class ClaimCandidate(SQLModel, table=True):
    """A sentence of an article that reads as a claim, until an editor accepts or rejects it."""

    __tablename__ = "candidate"
    __table_args__ = (
        UniqueConstraint("article_id", "position", name="uq_candidate_article_position"),
        Index("ix_candidate_status_article", "status", "article_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("article.id"), nullable=False, index=True)
    )
    # Its place among the article's candidates, from 1, in text order.
    position: int = Field(sa_column=Column(Integer, nullable=False))
    status: CandidateStatus = Field(
        default=CandidateStatus.pending,
        sa_column=Column(enum_type(CandidateStatus), nullable=False),
    )
    speaker: str | None = Field(default=None, sa_column=Column(Text))
    # The extractor's public candidate as JSON: fields it gains are kept without a migration.
    extraction: dict[str, object] = Field(sa_column=Column(JSON, nullable=False))
    # Unique: one candidate is recorded as one claim, never twice.
    claim_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("claim.id"), nullable=True, unique=True)
    )
    reason: str | None = Field(default=None, sa_column=Column(Text))
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    decided_by: str | None = Field(default=None, sa_column=Column(String(200)))
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
