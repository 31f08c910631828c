"""The people who resolve questions: who they are, where they live, when they want mail."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from email.errors import HeaderParseError
from email.headerregistry import Address
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator
from sqlalchemy import func
from sqlmodel import Session, col, select

from forecasts.domain import DomainError, NotFoundError, normalise_tags
from forecasts.models import Reviewer

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Email = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=320)]
Weekday = Annotated[int, Field(ge=0, le=6, description="0 = Monday ... 6 = Sunday")]
Hour = Annotated[int, Field(ge=0, le=23, description="Local hour of the day, 0-23")]

# A pragmatic addr-spec: something@domain.tld, no spaces, no control characters. The
# header parser below then confirms it is a single address it can write safely.
_EMAIL_SHAPE = re.compile(r"^[^@\s\x00-\x1f\x7f]+@[^@\s\x00-\x1f\x7f]+\.[^@\s\x00-\x1f\x7f]+$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def check_timezone(value: str) -> str:
    """`value` if it names an IANA time zone, else ValueError saying what is expected."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"{value!r} is not an IANA time zone name; use one like Europe/London, "
            "America/New_York or UTC"
        ) from None
    return value


def check_email(value: str) -> str:
    """`value` if it is one plain email address, else ValueError."""
    problem = ValueError(f"{value!r} is not an email address like name@example.org")
    if not _EMAIL_SHAPE.fullmatch(value):
        raise problem
    try:
        address = Address(addr_spec=value)
    except (ValueError, IndexError, HeaderParseError):
        raise problem from None
    if address.addr_spec != value:
        raise problem
    return value


def check_name(value: str) -> str:
    """`value` if it has no control characters (a name ends up in a mail header)."""
    if _CONTROL.search(value):
        raise ValueError("must not contain line breaks or other control characters")
    return value


class ReviewerCreate(BaseModel):
    """A new reviewer."""

    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=True,
        json_schema_extra={
            "examples": [
                {
                    "name": "Ada Reviewer",
                    "email": "ada@example.org",
                    "timezone": "Europe/London",
                    "digest_weekday": 0,
                    "digest_hour": 9,
                    "tags": ["russia"],
                }
            ]
        },
    )

    name: Name
    """The reviewer's name, as their digests address them."""
    email: Email
    """Where their weekly digest and sign-in links are sent."""
    timezone: str = "UTC"
    """An IANA time zone, e.g. Europe/London: the digest's hour is local to it."""
    digest_weekday: Weekday = 0
    """The day their digest goes out: 0 is Monday, 6 Sunday."""
    digest_hour: Hour = 9
    """The local hour their digest goes out, 0 to 23."""
    tags: Annotated[list[str], Field(default_factory=list, max_length=50)]
    """Unassigned due questions with one of these tags go to this reviewer."""
    active: bool = True
    """False to stop sending digests and refuse the reviewer's links."""
    digest_paused: bool = False
    """True to stop the weekly digest while keeping the reviewer active."""

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return check_name(value)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        return check_email(value)

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        return check_timezone(value)

    @field_validator("tags")
    @classmethod
    def _tags_shape(cls, value: list[str]) -> list[str]:
        return normalise_tags("tags", value)


class ReviewerUpdate(BaseModel):
    """The fields of a reviewer to change; those left out stay as they are."""

    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=True,
        json_schema_extra={"examples": [{"digest_hour": 8, "digest_paused": False}]},
    )

    name: Name | None = None
    """The reviewer's new name."""
    email: Email | None = None
    """The reviewer's new address."""
    timezone: str | None = None
    """A new IANA time zone for the digest's hour."""
    digest_weekday: Weekday | None = None
    """A new digest day: 0 is Monday, 6 Sunday."""
    digest_hour: Hour | None = None
    """A new local digest hour, 0 to 23."""
    tags: Annotated[list[str] | None, Field(max_length=50)] = None
    """New tags, replacing the old ones."""
    active: bool | None = None
    """False to deactivate the reviewer, true to bring them back."""
    digest_paused: bool | None = None
    """True to pause the weekly digest, false to resume it."""

    @field_validator("name")
    @classmethod
    def _name(cls, value: str | None) -> str | None:
        return None if value is None else check_name(value)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        return None if value is None else check_email(value)

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str | None) -> str | None:
        return None if value is None else check_timezone(value)

    @field_validator("tags")
    @classmethod
    def _tags_shape(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else normalise_tags("tags", value)


class ReviewerPublic(BaseModel):
    """A reviewer as the API shows it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    email: str
    timezone: str
    digest_weekday: int
    digest_hour: int
    tags: list[str]
    active: bool
    created_at: datetime
    digest_paused: bool


def reviewer_public(reviewer: Reviewer) -> ReviewerPublic:
    """The API shape of a reviewer."""
    return ReviewerPublic.model_validate(reviewer)


def reviewer_actor(reviewer: Reviewer) -> str:
    """The name a reviewer's writes are recorded under in the ledger."""
    return f"reviewer:{reviewer.id} {reviewer.name}"[:200]


def create_reviewer(*, session: Session, data: ReviewerCreate, now: datetime) -> Reviewer:
    """Record a new reviewer."""
    reviewer = Reviewer(**data.model_dump(), created_at=now)
    session.add(reviewer)
    session.flush()
    return reviewer


def get_reviewer(*, session: Session, reviewer_id: int) -> Reviewer:
    """The reviewer with this id, or NotFoundError."""
    reviewer = session.get(Reviewer, reviewer_id)
    if reviewer is None:
        raise NotFoundError("id", f"no reviewer with id {reviewer_id}")
    return reviewer


def update_reviewer(*, session: Session, reviewer_id: int, data: ReviewerUpdate) -> Reviewer:
    """Change the fields `data` sets; a field sent as null is an error, not a reset."""
    reviewer = get_reviewer(session=session, reviewer_id=reviewer_id)
    for name, value in data.model_dump(exclude_unset=True).items():
        if value is None:
            raise DomainError(name, "cannot be null; leave it out to keep it unchanged")
        setattr(reviewer, name, value)
    session.add(reviewer)
    session.flush()
    return reviewer


def list_reviewers(
    *, session: Session, active: bool | None, limit: int, offset: int
) -> tuple[Sequence[Reviewer], int]:
    """Reviewers by id, optionally only the active or inactive ones, with the total."""
    query = select(Reviewer)
    if active is not None:
        query = query.where(Reviewer.active == active)
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    items = session.exec(query.order_by(col(Reviewer.id)).limit(limit).offset(offset)).all()
    return items, total


def reviewer_by_email(*, session: Session, email: str) -> Reviewer | None:
    """The active reviewer with this address (compared without regard to case), or None."""
    return session.exec(
        select(Reviewer)
        .where(func.lower(Reviewer.email) == email.strip().lower(), col(Reviewer.active).is_(True))
        .order_by(col(Reviewer.id))
        .limit(1)
    ).first()


def active_reviewers(*, session: Session) -> Sequence[Reviewer]:
    """Every active reviewer, by id."""
    return session.exec(
        select(Reviewer).where(col(Reviewer.active).is_(True)).order_by(col(Reviewer.id))
    ).all()
