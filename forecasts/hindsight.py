"""Hindsight: which of a source's claims count toward its score, and with what standing.

A track record is worth something only if nobody can improve it once the outcome is known.
Each claim has a standing, judged from the server's clock (recorded_at), never the client's:

- contemporaneous: recorded before its question's deadline and before the question's
  first resolution;
- evidenced hindsight: recorded later, but citing where it was made: a citation_url and a
  published_at no later than the deadline and the first resolution;
- unevidenced hindsight: recorded later, without that evidence.

A hindsight mode says which standings count: `evidenced` (the default) counts the first
two, `all` every claim, `none` contemporaneous claims only. Among a source's counted claims
on one question, the one of the best standing counts, so a hindsight claim never
supersedes a contemporaneous one (nor an unevidenced one an evidenced one); among claims of
the same standing, the latest made_at counts (the one recorded last on a tie).

`counting_conditions` is that rule as SQL, the one every score, calibration table, chart,
snapshot, ranking and comparison is computed with; `standing` is the same judgement in
Python, for one claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any, Final, Literal, get_args

from sqlalchemy import Integer, and_, case, literal_column, not_, or_, select, true
from sqlalchemy.sql.elements import ColumnElement


class Standing(IntEnum):
    """How a claim stands for scoring; a lower value supersedes a higher one."""

    contemporaneous = 0
    evidenced = 1
    """Recorded in hindsight, citing an article published before the outcome was known."""
    unevidenced = 2
    """Recorded in hindsight without such evidence."""


HindsightMode = Literal["evidenced", "all", "none"]
HINDSIGHT_MODES: Final[tuple[str, ...]] = get_args(HindsightMode)
DEFAULT_HINDSIGHT: Final[HindsightMode] = "evidenced"

_WIDEST: Final[dict[str, Standing]] = {
    "none": Standing.contemporaneous,
    "evidenced": Standing.evidenced,
    "all": Standing.unevidenced,
}


def widest_standing(mode: HindsightMode) -> Standing:
    """The least standing a claim may have and still count under the mode."""
    return _WIDEST[mode]


def is_hindsight(
    *, recorded_at: datetime, deadline: datetime, first_resolved_at: datetime | None
) -> bool:
    """Whether the claim was recorded at or after its question's deadline or first verdict."""
    return recorded_at >= deadline or (
        first_resolved_at is not None and recorded_at >= first_resolved_at
    )


def is_evidenced(
    *,
    citation_url: str | None,
    published_at: datetime | None,
    deadline: datetime,
    first_resolved_at: datetime | None,
) -> bool:
    """Whether the claim cites a URL published no later than the deadline and first verdict."""
    if not citation_url or published_at is None or published_at > deadline:
        return False
    return first_resolved_at is None or published_at <= first_resolved_at


def standing(
    *,
    recorded_at: datetime,
    citation_url: str | None,
    published_at: datetime | None,
    deadline: datetime,
    first_resolved_at: datetime | None,
) -> Standing:
    """The claim's standing, given its question's deadline and first resolution (if any)."""
    if not is_hindsight(
        recorded_at=recorded_at, deadline=deadline, first_resolved_at=first_resolved_at
    ):
        return Standing.contemporaneous
    evidenced = is_evidenced(
        citation_url=citation_url,
        published_at=published_at,
        deadline=deadline,
        first_resolved_at=first_resolved_at,
    )
    return Standing.evidenced if evidenced else Standing.unevidenced


# --- the same rule in SQL ---------------------------------------------------------------


def hindsight_sql(
    claim: Any, *, deadline: ColumnElement[Any], first_resolved_at: ColumnElement[Any]
) -> ColumnElement[bool]:
    """is_hindsight as SQL, on a claim table (or alias); first_resolved_at may be NULL."""
    return or_(
        claim.c.recorded_at >= deadline,
        and_(first_resolved_at.is_not(None), claim.c.recorded_at >= first_resolved_at),
    )


def evidenced_sql(
    claim: Any, *, deadline: ColumnElement[Any], first_resolved_at: ColumnElement[Any]
) -> ColumnElement[bool]:
    """is_evidenced as SQL, on a claim table (or alias); first_resolved_at may be NULL."""
    return and_(
        claim.c.citation_url.is_not(None),
        claim.c.citation_url != "",
        claim.c.published_at.is_not(None),
        claim.c.published_at <= deadline,
        or_(first_resolved_at.is_(None), claim.c.published_at <= first_resolved_at),
    )


def standing_sql(
    claim: Any, *, deadline: ColumnElement[Any], first_resolved_at: ColumnElement[Any]
) -> ColumnElement[int]:
    """standing as SQL: 0 contemporaneous, 1 evidenced hindsight, 2 unevidenced hindsight."""
    when = {"deadline": deadline, "first_resolved_at": first_resolved_at}
    return case(
        (not_(hindsight_sql(claim, **when)), _int(Standing.contemporaneous)),
        (evidenced_sql(claim, **when), _int(Standing.evidenced)),
        else_=_int(Standing.unevidenced),
    )


@dataclass(frozen=True)
class Counting:
    """The counting rule for one claim alias, as SQL conditions of the enclosing query."""

    eligible: list[ColumnElement[bool]]
    """Not retracted, made by the deadline and within the made window: may count."""
    admitted: ColumnElement[bool]
    """With eligible: the claim counts (its standing is admitted and nothing outranks it)."""
    left_out: ColumnElement[bool] | None
    """With eligible: a hindsight claim the mode leaves out; None when it leaves none out."""

    @property
    def counts(self) -> ColumnElement[bool]:
        """The claim counts toward its source's score."""
        return and_(*self.eligible, self.admitted)


def counting_conditions(
    claim: Any,
    later: Any,
    *,
    deadline: ColumnElement[Any],
    first_resolved_at: ColumnElement[Any],
    mode: HindsightMode,
    latest_only: bool = True,
    made_after: datetime | None = None,
    made_before: datetime | None = None,
) -> Counting:
    """The rule of which claims count, for `claim` in a query that joins its question.

    `claim` and `later` are two aliases of the claim table; `deadline` and
    `first_resolved_at` are the claim's question's, as columns of the enclosing query (the
    first resolution is the one of sequence 1). A claim counts when it is eligible, its
    standing is one the mode admits and, with latest_only, no other eligible claim of its
    source on the question that the mode admits has a better standing, or the same standing
    and a later made_at (or the same made_at and a higher id).
    """
    when = {"deadline": deadline, "first_resolved_at": first_resolved_at}
    widest = widest_standing(mode)
    own = standing_sql(claim, **when)
    admitted: list[ColumnElement[bool]] = []
    if widest < Standing.unevidenced:
        admitted.append(own <= _int(widest))
    if latest_only:
        theirs = standing_sql(later, **when)
        made_later = or_(
            later.c.made_at > claim.c.made_at,
            and_(later.c.made_at == claim.c.made_at, later.c.id > claim.c.id),
        )
        # Written so that a contemporaneous claim, the common case, is settled from the
        # index columns of `later` alone: its standing is read only for a claim made later.
        outranks = or_(
            and_(made_later, theirs <= own),
            and_(own > _int(Standing.contemporaneous), theirs < own),
        )
        better = [
            later.c.question_id == claim.c.question_id,
            later.c.source_id == claim.c.source_id,
            *eligible(later, deadline=deadline, made_after=made_after, made_before=made_before),
            outranks,
        ]
        if widest < Standing.unevidenced:
            better.append(theirs <= _int(widest))
        admitted.append(not_(select(literal_column("1")).where(*better).exists()))
    return Counting(
        eligible=eligible(claim, deadline=deadline, made_after=made_after, made_before=made_before),
        admitted=and_(true(), *admitted),
        left_out=own > _int(widest) if widest < Standing.unevidenced else None,
    )


def eligible(
    claim: Any,
    *,
    deadline: ColumnElement[Any],
    made_after: datetime | None = None,
    made_before: datetime | None = None,
) -> list[ColumnElement[bool]]:
    """A claim that may count, before standings and supersession: not retracted, made by
    the deadline, and within [made_after, made_before)."""
    conditions: list[ColumnElement[bool]] = [
        claim.c.retracted_at.is_(None),
        claim.c.made_at <= deadline,
    ]
    if made_after is not None:
        conditions.append(claim.c.made_at >= made_after)
    if made_before is not None:
        conditions.append(claim.c.made_at < made_before)
    return conditions


def _int(value: int) -> ColumnElement[int]:
    """An integer written into the SQL, so that PostgreSQL compares it without a cast."""
    return literal_column(str(int(value)), Integer())


__all__ = [
    "DEFAULT_HINDSIGHT",
    "HINDSIGHT_MODES",
    "Counting",
    "HindsightMode",
    "Standing",
    "counting_conditions",
    "eligible",
    "evidenced_sql",
    "hindsight_sql",
    "is_evidenced",
    "is_hindsight",
    "standing",
    "standing_sql",
    "widest_standing",
]
