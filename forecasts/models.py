"""Every table: the ledger, reviewers and their links, the outbox, snapshots, API keys, intake."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel

from forecasts.domain import (
    Basis,
    CandidateStatus,
    Outcome,
    QuestionKind,
    Role,
    SourceKind,
    Status,
    utc_now,
)
from forecasts.sqltypes import UTCDateTime, enum_type

# The ledger: what was claimed, about what, how it resolved, and the chain that records it.


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
    kind: QuestionKind = Field(
        default=QuestionKind.binary,
        sa_column=Column(
            enum_type(QuestionKind), nullable=False, server_default=QuestionKind.binary.value
        ),
    )
    unit: str | None = Field(default=None, sa_column=Column(String(40)))


class QuestionTag(SQLModel, table=True):
    """One tag of one question; a table rather than a list so tag filters use an index."""

    __tablename__ = "question_tag"
    __table_args__ = (Index("ix_question_tag_tag", "tag"),)

    question_id: int = Field(
        sa_column=Column(Integer, ForeignKey("question.id", ondelete="CASCADE"), primary_key=True)
    )
    tag: str = Field(sa_column=Column(String(64), primary_key=True))


class Claim(SQLModel, table=True):
    """A source's probability or quantity for a question, as said; never edited, only retracted.

    A claim on a binary question has a probability; one on a quantity question has a point
    or a range low..high (with, optionally, the confidence stated for the range) instead.
    """

    __table_args__ = (
        Index("ix_claim_source_question", "source_id", "question_id"),
        Index("ix_claim_question", "question_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(sa_column=Column(Integer, ForeignKey("question.id"), nullable=False))
    source_id: int = Field(sa_column=Column(Integer, ForeignKey("source.id"), nullable=False))
    probability: float | None = Field(default=None, sa_column=Column(Float))
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
    point: float | None = Field(default=None, sa_column=Column(Float))
    low: float | None = Field(default=None, sa_column=Column(Float))
    high: float | None = Field(default=None, sa_column=Column(Float))
    confidence: float | None = Field(default=None, sa_column=Column(Float))


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
    value: float | None = Field(default=None, sa_column=Column(Float))
    """The measured value, when the outcome is `value`."""


class LedgerEntry(SQLModel, table=True):
    """One write to the ledger, hashed together with the entry before it."""

    __tablename__ = "ledger_entry"

    id: int | None = Field(default=None, primary_key=True)
    action: str = Field(sa_column=Column(String(40), nullable=False))
    entity: str = Field(sa_column=Column(String(40), nullable=False))
    entity_id: int = Field(sa_column=Column(Integer, nullable=False))
    payload: str = Field(sa_column=Column(Text, nullable=False))
    actor: str = Field(sa_column=Column(String(200), nullable=False))
    created_at: datetime = Field(sa_type=UTCDateTime)
    prev_hash: str = Field(sa_column=Column(String(64), nullable=False, unique=True))
    hash: str = Field(sa_column=Column(String(64), nullable=False, unique=True))


class SignedHead(SQLModel, table=True):
    """A ledger head signed with the service's Ed25519 key, for witnesses to keep."""

    __tablename__ = "signed_head"

    id: int | None = Field(default=None, primary_key=True)
    count: int = Field(sa_column=Column(Integer, nullable=False))
    hash: str = Field(sa_column=Column(String(64), nullable=False))
    signed_at: datetime = Field(sa_type=UTCDateTime)
    signature: str = Field(sa_column=Column(String(100), nullable=False))
    # The signer's public key: heads signed before a key change still say which key to check.
    public_key: str = Field(sa_column=Column(String(100), nullable=False))


class LedgerVerification(SQLModel, table=True):
    """One full verification of the ledger: when it ran, the head it reached, what it found."""

    __tablename__ = "ledger_verification"

    id: int | None = Field(default=None, primary_key=True)
    started_at: datetime = Field(sa_type=UTCDateTime)
    finished_at: datetime = Field(sa_type=UTCDateTime)
    ok: bool
    count: int = Field(sa_column=Column(Integer, nullable=False))
    head: str = Field(sa_column=Column(String(64), nullable=False))
    problem: str | None = Field(default=None, sa_column=Column(Text))
    entry_id: int | None = Field(default=None, sa_column=Column(Integer))
    entity: str | None = Field(default=None, sa_column=Column(String(40)))
    entity_id: int | None = Field(default=None, sa_column=Column(Integer))
    run_by: str = Field(sa_column=Column(String(200), nullable=False))


# Reviewers, and the one-time links that let them sign in and resolve without a key.


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
    # A paused reviewer gets no digest until they resume it (/settings, or the API).
    digest_paused: bool = Field(default=False)


class SignInLinkUse(SQLModel, table=True):
    """A spent sign-in link, keyed by the SHA-256 of its token."""

    __tablename__ = "sign_in_link_use"

    token_digest: str = Field(sa_column=Column(String(64), primary_key=True))
    reviewer_id: int = Field(sa_column=Column(Integer, ForeignKey("reviewer.id"), nullable=False))
    used_at: datetime = Field(sa_type=UTCDateTime)


class ResolveLinkUse(SQLModel, table=True):
    """A spent resolve link, keyed by the SHA-256 of its token."""

    __tablename__ = "resolve_link_use"

    token_digest: str = Field(sa_column=Column(String(64), primary_key=True))
    question_id: int = Field(sa_column=Column(Integer, ForeignKey("question.id"), nullable=False))
    reviewer_id: int = Field(sa_column=Column(Integer, ForeignKey("reviewer.id"), nullable=False))
    used_at: datetime = Field(sa_type=UTCDateTime)


# The outbox: every email, stored before it is sent.


class OutboxMessage(SQLModel, table=True):
    """One email: its bytes as sent, and what delivery has made of it so far."""

    __tablename__ = "outbox_message"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(sa_column=Column(String(200), nullable=False, unique=True))
    kind: str = Field(sa_column=Column(String(40), nullable=False))
    recipient: str = Field(sa_column=Column(String(320), nullable=False))
    subject: str = Field(sa_column=Column(Text, nullable=False))
    message_id: str = Field(sa_column=Column(String(300), nullable=False))
    message: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    """The message as sent, zlib-compressed (see resolvers.outbox.message_bytes): digests are
    text that shrinks sevenfold, and the outbox keeps every message it sent."""
    created_at: datetime = Field(sa_type=UTCDateTime)
    attempts: int = Field(default=0, sa_column=Column(Integer, nullable=False, default=0))
    next_attempt_at: datetime = Field(sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    failed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str | None = Field(default=None, sa_column=Column(Text))


# Snapshots: each source's scores as they stood in a week, kept as history.


class CalibrationSnapshot(SQLModel, table=True):
    """One source's record as of one ISO week."""

    __tablename__ = "calibration_snapshot"
    __table_args__ = (
        UniqueConstraint("source_id", "week", name="uq_calibration_snapshot_source_week"),
    )

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(sa_column=Column(Integer, ForeignKey("source.id"), nullable=False))
    week: str = Field(sa_column=Column(String(10), nullable=False))
    as_of: datetime = Field(sa_type=UTCDateTime)
    bins: str = Field(sa_column=Column(String(40), nullable=False))
    n: int = Field(sa_column=Column(Integer, nullable=False))
    n_annulled: int = Field(sa_column=Column(Integer, nullable=False))
    brier: float | None = Field(default=None, sa_column=Column(Float))
    log_loss: float | None = Field(default=None, sa_column=Column(Float))
    ece: float | None = Field(default=None, sa_column=Column(Float))
    calibration: list[dict[str, Any]] = Field(sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(sa_type=UTCDateTime)


# API keys: only a hash of each key is stored.


class ApiKey(SQLModel, table=True):
    """A key's hash, its role and a recognisable prefix; the key itself is never stored."""

    __tablename__ = "api_key"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(String(200), nullable=False))
    role: Role = Field(sa_column=Column(enum_type(Role), nullable=False))
    prefix: str = Field(sa_column=Column(String(16), nullable=False))
    key_hash: str = Field(sa_column=Column(String(64), nullable=False, unique=True))
    created_at: datetime = Field(sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


# Intake: feeds and articles, and the candidate claims found in them.


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
