"""The closed vocabularies of the ledger and the rules every value must obey."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from enum import StrEnum


class SourceKind(StrEnum):
    """Who made a claim."""

    person = "person"
    organisation = "organisation"
    outlet = "outlet"
    model = "model"


class Status(StrEnum):
    """Where a question stands: open -> due -> resolved | annulled."""

    open = "open"
    due = "due"
    resolved = "resolved"
    annulled = "annulled"


class Outcome(StrEnum):
    """How a question was resolved."""

    yes = "yes"
    no = "no"
    annulled = "annulled"
    value = "value"
    """A quantity question's measured value, held in the resolution's `value`."""

    @property
    def status(self) -> Status:
        """The question status this outcome leaves behind."""
        return Status.annulled if self is Outcome.annulled else Status.resolved


class QuestionKind(StrEnum):
    """What a question asks for: yes or no, or a measured value in a unit."""

    binary = "binary"
    quantity = "quantity"

    @property
    def outcomes(self) -> tuple[Outcome, ...]:
        """The outcomes a question of this kind may resolve to."""
        if self is QuestionKind.quantity:
            return (Outcome.value, Outcome.annulled)
        return (Outcome.yes, Outcome.no, Outcome.annulled)


class Basis(StrEnum):
    """Where a claim's probability came from."""

    stated = "stated"
    verbal = "verbal"
    assessed = "assessed"


class CandidateStatus(StrEnum):
    """Where a candidate claim stands in the editors' inbox: pending -> accepted | rejected."""

    pending = "pending"
    accepted = "accepted"
    rejected = "rejected"


class Role(StrEnum):
    """What an API key may write; every role may read."""

    admin = "admin"
    editor = "editor"
    reviewer = "reviewer"
    reader = "reader"

    def may(self, needed: Role) -> bool:
        """True when this role grants what `needed` grants; admin grants everything."""
        return self is Role.admin or self is needed


SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TAG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.:-]{0,63}$")


class DomainError(ValueError):
    """A request the ledger refuses; `field` names the input at fault."""

    status_code = 422
    kind = "invalid"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NotFoundError(DomainError):
    """The named entity does not exist."""

    status_code = 404
    kind = "not_found"


class ConflictError(DomainError):
    """The write would break a uniqueness or state rule."""

    status_code = 409
    kind = "conflict"


class RepeatError(ConflictError):
    """The write repeats or imitates a record already stored, found at `path` (e.g. /claims/7)."""

    def __init__(self, field: str, message: str, *, existing: dict[str, object], path: str):
        super().__init__(field, message)
        self.existing = existing
        self.path = path


def utc_now() -> datetime:
    """The current instant, timezone-aware, in UTC."""
    return datetime.now(UTC)


def require_aware(field: str, value: datetime) -> datetime:
    """Return `value` in UTC, refusing a naive datetime with a message naming `field`."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise DomainError(field, "must include a timezone, e.g. 2024-02-01T00:00:00Z or +02:00")
    return value.astimezone(UTC)


def normalise_tags(field: str, tags: list[str]) -> list[str]:
    """Lower-case, de-duplicate and sort tags, refusing ones that are not simple words."""
    cleaned = sorted({tag.strip().lower() for tag in tags})
    for tag in cleaned:
        if not TAG_PATTERN.fullmatch(tag):
            raise DomainError(
                field,
                f"tag {tag!r} must be 1-64 characters of a-z, 0-9, '-', '_', '.' or ':'",
            )
    return cleaned


def probability_from_text(text: str) -> float:
    """A probability as people write it: '0.6', '60%', '60 %' or '0,6'; ValueError otherwise."""
    value = text.strip().replace(",", ".")
    percent = value.endswith("%")
    number = float(value.removesuffix("%").strip())
    number = number / 100 if percent else number
    if not 0 <= number <= 1:
        raise ValueError(f"{text!r} is not a probability from 0 to 1 (or 0% to 100%)")
    return number
