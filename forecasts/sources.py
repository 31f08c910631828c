"""Recording and reading sources."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from forecasts.chain import Action, append_entry
from forecasts.domain import ConflictError, NotFoundError, RepeatError, SourceKind, Status
from forecasts.lookalikes import skeleton
from forecasts.models import Claim, Question, Source
from forecasts.prepared import Cursor
from forecasts.schemas import SourceCreate, SourcePublic


def source_public(source: Source) -> SourcePublic:
    """The API shape of a source."""
    return SourcePublic.model_validate(source)


def create_source(*, session: Session, data: SourceCreate, actor: str, now: datetime) -> Source:
    """Record a new source; its slug must be unused."""
    if session.exec(select(Source.id).where(Source.slug == data.slug)).first() is not None:
        raise ConflictError("slug", f"a source with slug {data.slug!r} already exists")
    if not data.confirm_distinct:
        _refuse_lookalike(session, data.name)
    source = Source(
        **data.model_dump(exclude={"confirm_distinct"}), created_at=now, created_by=actor
    )
    session.add(source)
    session.flush()
    assert source.id is not None
    append_entry(
        Cursor.of_session(session),
        action=Action.source_created,
        entity="source",
        entity_id=source.id,
        payload=source_public(source).model_dump(mode="json"),
        actor=actor,
        now=now,
    )
    return source


def _refuse_lookalike(session: Session, name: str) -> None:
    """Refuse a name that displays like an existing source's (TR39 skeletons match)."""
    wanted = skeleton(name)
    for slug, existing in session.exec(select(Source.slug, Source.name)).all():
        if skeleton(existing) == wanted:
            raise RepeatError(
                "name",
                f"looks like the name of the existing source {slug!r} ({existing!r}); "
                'send "confirm_distinct": true if this is another source of that name',
                existing={"slug": slug, "name": existing},
                path=f"/sources/{slug}",
            )


def get_source(*, session: Session, slug: str) -> Source:
    """The source with this slug, or NotFoundError."""
    source = session.exec(select(Source).where(Source.slug == slug)).first()
    if source is None:
        raise NotFoundError("slug", f"no source with slug {slug!r}")
    return source


def list_sources(
    *, session: Session, kind: SourceKind | None, limit: int, offset: int
) -> tuple[Sequence[Source], int]:
    """Sources by slug, optionally of one kind, with the total that matched."""
    query = select(Source)
    if kind is not None:
        query = query.where(Source.kind == kind)
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    items = session.exec(query.order_by(col(Source.slug)).limit(limit).offset(offset)).all()
    return items, total


def slugs_by_id(*, session: Session, ids: Iterable[int]) -> dict[int, str]:
    """Map source ids to slugs in one query."""
    wanted = set(ids)
    if not wanted:
        return {}
    rows = session.exec(select(Source.id, Source.slug).where(col(Source.id).in_(wanted))).all()
    return {source_id: slug for source_id, slug in rows if source_id is not None}


def open_claim_counts(*, session: Session) -> dict[str, int]:
    """Per source slug, how many of its claims (not retracted) await an outcome."""
    rows = session.exec(
        select(Source.slug, func.count(col(Claim.id)))
        .join(Claim, col(Claim.source_id) == col(Source.id))
        .join(Question, col(Question.id) == col(Claim.question_id))
        .where(
            col(Claim.retracted_at).is_(None),
            col(Question.status).in_([Status.open, Status.due]),
        )
        .group_by(col(Source.slug))
    ).all()
    return {slug: int(count) for slug, count in rows}
