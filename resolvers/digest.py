"""Weekly digests: one email per reviewer per ISO week listing their due questions.

A reviewer's digest for a week falls due at their weekday and hour in their own time
zone. Each run looks at the latest such moment that has passed; if the outbox holds no
message under digest:<reviewer id>:<ISO year>-W<week> for it and the reviewer has due
questions, one is rendered and enqueued. The unique key, not the scheduler, makes it
once a week; a week missed while the service was down is sent when it returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from functools import cache, lru_cache
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, select_autoescape
from sqlalchemy import Table, select
from sqlmodel import Session

from forecasts.models import Claim, Question, Reviewer, Source
from forecasts.quantities import quantity_in_words
from forecasts.schemas import Quantity
from forecasts.witness import latest_signed_head, signed_at_text
from resolvers.access import unsubscribe_token
from resolvers.assignment import assign
from resolvers.due import DueQuestion, due_questions, waiting_clause
from resolvers.links import LinkSigner
from resolvers.mail import Composer, mailbox, message_id_for, one_line, parse_mailbox
from resolvers.outbox import NewMessage, enqueue, stored_keys
from resolvers.reviewers import active_reviewers

KIND = "digest"
TEMPLATES = Path(__file__).parent / "templates"
_CLAIM: Table = Claim.__table__  # type: ignore[attr-defined]
_SOURCE: Table = Source.__table__  # type: ignore[attr-defined]
_QUESTION: Table = Question.__table__  # type: ignore[attr-defined]
_RENDER_CHUNK = 200
"""Reviewers rendered and stored together, bounding the memory a large round needs."""


@dataclass(frozen=True)
class DigestConfig:
    """What digests need from the service's settings."""

    base_url: str
    secret_key: str
    link_days: int
    mail_from: str


ClaimLine = tuple[str, str, str, str]
"""One claim as a digest lists it: (source, probability, html_source, html_probability).

Plain tuples, like DigestItem: a round makes hundreds of thousands of them, and a
NamedTuple's constructor costs several times a tuple's. The templates unpack them.
"""

DigestItem = tuple[str, str, str, Sequence[ClaimLine], str, str, str, str, str, str]
"""One due question as a digest lists it: (title, criteria, deadline, claims, url,
html_title, html_criteria, html_url, unit, html_unit); the html_ fields are HTML-escaped,
and unit is empty for a yes-or-no question, the unit of the value otherwise.

The HTML template renders the items with autoescaping off and uses the html_ fields:
autoescaping costs a Markup object per value, several times the cost of rendering the
rest of the digest. tests/resolvers holds every field to being escaped.
"""


def digest_key(reviewer_id: int, week: str) -> str:
    """The outbox key of a reviewer's digest for an ISO week: digest:12:2026-W10."""
    return f"{KIND}:{reviewer_id}:{week}"


def iso_week(moment: datetime) -> str:
    """The ISO week of an instant's own wall-clock date: 2026-W10."""
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def latest_digest_moment(*, zone: ZoneInfo, weekday: int, hour: int, now: datetime) -> datetime:
    """The latest instant <= now that falls on `weekday` at `hour`:00 local time in `zone`."""
    local = now.astimezone(zone)
    day = local.date() - timedelta(days=local.weekday()) + timedelta(days=weekday)
    # A wall time in a spring-forward gap resolves to the instant the clocks jump.
    moment = datetime.combine(day, time(hour), tzinfo=zone)
    # Compared in UTC: two datetimes sharing a tzinfo compare by wall time, ignoring DST.
    if moment.astimezone(UTC) > now.astimezone(UTC):
        moment = datetime.combine(day - timedelta(days=7), time(hour), tzinfo=zone)
    return moment.astimezone(UTC).astimezone(zone)  # a wall time that exists


def digest_week(reviewer: Reviewer, now: datetime) -> str | None:
    """The ISO week (in the reviewer's zone) of their latest digest moment that has passed.

    None when that moment came before the reviewer was added: a new reviewer's first
    digest goes out at their first digest time, not at once.
    """
    moment = latest_digest_moment(
        zone=_zone(reviewer.timezone),
        weekday=reviewer.digest_weekday,
        hour=reviewer.digest_hour,
        now=now,
    )
    if moment.astimezone(UTC) < reviewer.created_at.astimezone(UTC):
        return None
    return iso_week(moment)


def enqueue_digests(*, session: Session, now: datetime, config: DigestConfig) -> int:
    """Enqueue each active reviewer's digest whose time has passed and is not yet stored."""
    reviewers = active_reviewers(session=session)
    weeks = {r.id: digest_week(r, now) for r in reviewers}
    # Paused reviewers still count for who reviews what; they only get no mail.
    keyed = {
        digest_key(i, w): r
        for r in reviewers
        if (i := r.id) and (w := weeks[i]) and not r.digest_paused
    }
    stored = stored_keys(session=session, keys=keyed)
    waiting = {key: r for key, r in keyed.items() if key not in stored}
    if not waiting:
        return 0
    assigned = assign(due_questions(session=session, now=now), reviewers)
    waiting = {key: r for key, r in waiting.items() if assigned.get(r.id or 0)}
    if not waiting:
        return 0
    renderer = _Renderer(
        config=config,
        now=now,
        claims=claims_on_due_questions(session=session, now=now),
        head=footer_head(session=session),
    )
    batch = list(waiting.items())
    enqueued = 0
    for start in range(0, len(batch), _RENDER_CHUNK):
        messages = [
            renderer.message(key, reviewer, assigned[reviewer.id or 0])
            for key, reviewer in batch[start : start + _RENDER_CHUNK]
        ]
        enqueued += len(enqueue(session=session, messages=messages, now=now))
    return enqueued


def claims_on_due_questions(*, session: Session, now: datetime) -> dict[int, list[ClaimLine]]:
    """The standing (unretracted) claims on every due question, oldest first, with sources."""
    # One query selecting the due questions in a subquery, not an IN list per chunk of
    # ids: a large round wants nearly all of them. (A join on question instead makes
    # SQLite sort the whole result; this walks claims by question id.)
    waiting = select(_QUESTION.c.id).where(waiting_clause(now))
    connection = session.connection()
    # Sources by id, each name escaped once: far fewer sources than claims.
    sources = {
        source_id: (name, escape(name, quote=True))
        for source_id, name in connection.execute(select(_SOURCE.c.id, _SOURCE.c.name))
    }
    units: dict[int, str] = dict(
        connection.execute(
            select(_QUESTION.c.id, _QUESTION.c.unit).where(
                waiting_clause(now), _QUESTION.c.unit.is_not(None)
            )
        ).all()
    )
    rows = connection.execute(
        select(
            _CLAIM.c.question_id,
            _CLAIM.c.source_id,
            _CLAIM.c.probability,
            _CLAIM.c.verbal_phrase,
            _CLAIM.c.point,
            _CLAIM.c.low,
            _CLAIM.c.high,
            _CLAIM.c.confidence,
        )
        .where(_CLAIM.c.question_id.in_(waiting), _CLAIM.c.retracted_at.is_(None))
        .order_by(_CLAIM.c.question_id, _CLAIM.c.made_at, _CLAIM.c.id)
    ).all()
    lines: dict[int, list[ClaimLine]] = {}
    figure = _figure
    current, bucket = None, []
    for question_id, source_id, probability, phrase, point, low, high, confidence in rows:
        if probability is None:
            quantity = Quantity(point=point, low=low, high=high, confidence=confidence)
            text, html = _quantity_figure(quantity, units.get(question_id), phrase)
        else:
            text, html = figure(probability, phrase)
        name, html_name = sources[source_id]
        line = (name, text, html_name, html)
        if question_id == current:
            bucket.append(line)
        else:  # rows come by question: a new question starts a new list
            current, bucket = question_id, [line]
            lines[question_id] = bucket
    return lines


# Probabilities repeat across claims: each is formatted and escaped once.
@lru_cache(maxsize=8192)
def _figure(probability: float, phrase: str | None) -> tuple[str, str]:
    figure = percent(probability, phrase)
    return figure, escape(figure, quote=True)


def _quantity_figure(quantity: Quantity, unit: str | None, phrase: str | None) -> tuple[str, str]:
    said = quantity_in_words(quantity, unit)
    figure = f'{said} ("{phrase}")' if phrase else said
    return figure, escape(figure, quote=True)


def percent(probability: float, phrase: str | None = None) -> str:
    """0.8 -> '80%'; with the words it was said in: '80% ("very likely")'."""
    figure = f"{probability * 100:.3g}%"
    return f'{figure} ("{phrase}")' if phrase else figure


def footer_head(*, session: Session) -> dict[str, str | int] | None:
    """The latest signed ledger head, as a digest's footer prints it for reviewers to keep."""
    head = latest_signed_head(session=session)
    if head is None:
        return None
    return {
        "count": head.count,
        "hash": head.hash,
        "signed_at": signed_at_text(head.signed_at),
        "signature": head.signature,
    }


class _Renderer:
    """Renders digests for one round: one clock, one signer, compiled templates."""

    def __init__(
        self,
        *,
        config: DigestConfig,
        now: datetime,
        claims: dict[int, list[ClaimLine]],
        head: dict[str, str | int] | None,
    ) -> None:
        self._claims = claims
        self._head = head
        self._signer = LinkSigner(config.secret_key)
        self._expires_at = now + timedelta(days=config.link_days)
        self._secret_key = config.secret_key
        self._settings_url = config.base_url.rstrip("/") + "/settings"
        self._unsubscribe_url = config.base_url.rstrip("/") + "/unsubscribe/"
        self._resolve_url = config.base_url.rstrip("/") + "/resolve/"
        self._html_resolve_url = escape(self._resolve_url, quote=True)
        self._sender = parse_mailbox(config.mail_from)
        self._composer = Composer(sender=self._sender, date=now)
        self._text, self._html = _templates()

    def message(self, key: str, reviewer: Reviewer, questions: list[DueQuestion]) -> NewMessage:
        assert reviewer.id is not None
        zone = _zone(reviewer.timezone)
        tokens = self._signer.issue_many(
            question_ids=[q.id for q in questions],
            reviewer_id=reviewer.id,
            expires_at=self._expires_at,
        )
        no_claims: list[ClaimLine] = []
        html_url = self._html_resolve_url
        items: list[DigestItem] = [
            (
                question.title,
                question.resolution_criteria,
                _local_time(question.deadline, zone),
                self._claims.get(question.id, no_claims),
                self._resolve_url + token,
                escape(question.title, quote=True),
                escape(question.resolution_criteria, quote=True),
                html_url + token,  # tokens are URL-safe: nothing to escape
                question.unit or "",
                escape(question.unit or "", quote=True),
            )
            for question, token in zip(questions, tokens, strict=True)
        ]
        count = len(items)
        week = key.rpartition(":")[2]
        subject = f"Sooth: {count} question{'s' if count != 1 else ''} to resolve ({week})"
        context = {
            "reviewer": one_line(reviewer.name),
            "items": items,
            "count": count,
            "week": week,
            "subject": subject,
            "expires": _local_time(self._expires_at, zone),
            "head": self._head,
            "settings_url": self._settings_url,
        }
        unsubscribe = self._unsubscribe_url + unsubscribe_token(
            secret_key=self._secret_key, reviewer_id=reviewer.id
        )
        message_id = message_id_for(key, self._sender.domain)
        return NewMessage(
            key=key,
            kind=KIND,
            recipient=reviewer.email,
            subject=subject,
            message_id=message_id,
            message=self._composer.compose(
                recipient=mailbox(reviewer.name, reviewer.email),
                subject=subject,
                text=self._text.render(context),
                html=self._html.render(context),
                message_id=message_id,
                # RFC 8058: a mail client's one-click unsubscribe POSTs to the link.
                extra_headers=(
                    ("List-Unsubscribe", f"<{unsubscribe}>"),
                    ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                ),
            ),
        )


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _local_time(instant: datetime, zone: ZoneInfo) -> str:
    """'Mon 02 Mar 2026, 09:00 GMT', in English whatever the process locale."""
    t = instant.astimezone(zone)
    return (
        f"{_DAYS[t.weekday()]} {t.day:02d} {_MONTHS[t.month]} {t.year}, "
        f"{t.hour:02d}:{t.minute:02d} {t.tzname()}"
    )


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


@cache
def _templates() -> tuple[Template, Template]:
    """The text and HTML digest templates, compiled once per process."""
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    return environment.get_template("digest.txt"), environment.get_template("digest.html")
