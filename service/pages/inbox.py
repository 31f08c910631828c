"""The /inbox page: pending candidate claims grouped by article, accepted or rejected.

Each article is one form: every candidate has its fields (prefilled from the candidate
and its article, with suggested sources and questions) and a box to tick, so several
can be accepted in one go, all or none; a candidate's own button accepts just it. Each
candidate's reject button belongs to a small form of its own (the form= attribute), so
the page needs no JavaScript. Forms carry the signed-in session's CSRF token.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Final

from fastapi import APIRouter, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from pydantic import ValidationError
from sqlmodel import Session, col, func, select
from starlette.datastructures import FormData

from forecasts.domain import Basis, CandidateStatus, DomainError, probability_from_text
from forecasts.inbox import (
    Acceptance,
    accept_candidate,
    reject_candidate,
    suggest_questions,
    suggest_sources,
)
from forecasts.models import Article, ClaimCandidate, Question, Source
from forecasts.schemas import QuestionCreate
from service.deps import DatabaseDep, NowDep, SettingsDep
from service.intake import suggested_kind, suggested_slug
from service.pages.intake import (
    GENERAL,
    KIND_WORDS,
    _new_source,
    form_instant,
    parse_instant,
)
from service.pages.session import (
    PageSession,
    SignedInEditor,
    login_page_response,
    refuse_cross_site,
    stale_form_page,
)
from service.pages.templating import form_page
from service.settings import Settings

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

INBOX_FORM: Final = "inbox"
ARTICLES_SHOWN: Final = 20
FIELDS: Final = (
    "source",
    "new_name",
    "new_slug",
    "new_kind",
    "quote",
    "probability",
    "verbal_phrase",
    "made_at",
    "question_id",
    "title",
    "resolution_criteria",
    "deadline",
    "tags",
)


@dataclass
class Entry:
    """One pending candidate as the page shows it, with its form values and problems."""

    candidate: ClaimCandidate
    values: dict[str, str]
    sources: list[Source]
    questions: list[Question]
    problems: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> int:
        """The candidate's id."""
        assert self.candidate.id is not None
        return self.candidate.id

    @property
    def found(self) -> dict[str, Any]:
        """The extractor's fields."""
        return self.candidate.extraction

    def sentence(self) -> Markup:
        """The sentence, escaped, with its predictive span marked."""
        sentence = str(self.found.get("sentence", ""))
        start = int(self.found.get("start", 0) or 0)
        span_start = int(self.found.get("span_start", start) or start) - start
        span_end = int(self.found.get("span_end", start) or start) - start
        if not 0 <= span_start < span_end <= len(sentence):
            return Markup('<mark class="candidate">{}</mark>').format(sentence)
        return Markup(
            '<mark class="candidate">{}<span class="candidate__span">{}</span>{}</mark>'
        ).format(sentence[:span_start], sentence[span_start:span_end], sentence[span_end:])


@dataclass
class Group:
    """An article and its pending candidates."""

    article: Article
    entries: list[Entry]
    problem: str | None = None


@dataclass
class Shelf:
    """One page of the inbox: the articles shown, how many wait in all, and the article id
    the next page of older ones starts below, if there are more.
    """

    groups: list[Group]
    waiting: int
    older_than: int | None


def _number(value: object) -> str:
    return f"{value:g}" if isinstance(value, int | float) else ""


def prefilled(candidate: ClaimCandidate, article: Article, sources: list[Source]) -> dict[str, str]:
    """A candidate's fields as first shown: what the candidate and its article say."""
    found = candidate.extraction
    speaker = candidate.speaker or ""
    exact = next((s for s in sources if s.name.casefold() == speaker.casefold()), None)
    deadline = found.get("deadline")
    return {
        "source": exact.slug if exact else "",
        "new_name": "" if exact else speaker,
        "new_slug": "" if exact else suggested_slug(speaker),
        "new_kind": suggested_kind(candidate.speaker).value,
        "quote": str(found.get("sentence") or ""),
        "probability": _number(found.get("probability")),
        "verbal_phrase": str(found.get("verbal_phrase") or ""),
        "made_at": form_instant(article.published_at),
        "question_id": "",
        "title": "",
        "resolution_criteria": "",
        "deadline": deadline[:16] if isinstance(deadline, str) else "",
        "tags": ", ".join(article.tags),
    }


def _shelf(
    session: Session,
    *,
    posted: dict[int, dict[str, str]],
    problems: dict[int, dict[str, str]],
    before: int | None = None,
) -> Shelf:
    """The newest ARTICLES_SHOWN articles with pending candidates, below `before` if given."""
    pending = ClaimCandidate.status == CandidateStatus.pending
    waiting = session.exec(
        select(func.count(func.distinct(ClaimCandidate.article_id))).where(pending)
    ).one()
    shown = (
        select(ClaimCandidate.article_id)
        .where(pending)
        .group_by(col(ClaimCandidate.article_id))
        .order_by(col(ClaimCandidate.article_id).desc())
        .limit(ARTICLES_SHOWN + 1)  # one more tells whether there is a page of older ones
    )
    if before is not None:
        shown = shown.where(col(ClaimCandidate.article_id) < before)
    article_ids = session.exec(shown).all()
    older_than = article_ids[ARTICLES_SHOWN - 1] if len(article_ids) > ARTICLES_SHOWN else None
    groups = _groups(session, article_ids[:ARTICLES_SHOWN], posted=posted, problems=problems)
    return Shelf(groups, waiting, older_than)


def _groups(
    session: Session,
    article_ids: Sequence[int],
    *,
    posted: dict[int, dict[str, str]],
    problems: dict[int, dict[str, str]],
) -> list[Group]:
    groups = []
    for article_id in article_ids:
        article = session.get(Article, article_id)
        assert article is not None
        pending = session.exec(
            select(ClaimCandidate)
            .where(
                ClaimCandidate.article_id == article_id,
                ClaimCandidate.status == CandidateStatus.pending,
            )
            .order_by(col(ClaimCandidate.position))
        ).all()
        entries = []
        for candidate in pending:
            assert candidate.id is not None
            sources = suggest_sources(session=session, name=candidate.speaker or "")
            about = str(candidate.extraction.get("span") or candidate.extraction.get("sentence"))
            questions = suggest_questions(session=session, text=about)
            values = posted.get(candidate.id) or prefilled(candidate, article, sources)
            entries.append(
                Entry(candidate, values, sources, questions, problems.get(candidate.id, {}))
            )
        groups.append(Group(article, entries))
    return groups


def _render(
    request: Request,
    *,
    session: Session,
    signed_in: PageSession | None,
    posted: dict[int, dict[str, str]] | None = None,
    problems: dict[int, dict[str, str]] | None = None,
    general: str | None = None,
    notice: str | None = None,
    status_code: int = status.HTTP_200_OK,
    before: int | None = None,
) -> Response:
    shelf = (
        _shelf(session, posted=posted or {}, problems=problems or {}, before=before)
        if signed_in
        else Shelf([], 0, None)
    )
    context = {
        "signed_in": signed_in,
        "csrf_token": signed_in.csrf_token(INBOX_FORM) if signed_in else "",
        "logout_token": signed_in.csrf_token("logout") if signed_in else "",
        "groups": shelf.groups,
        "waiting": shelf.waiting,
        "older_than": shelf.older_than,
        "before": before,
        "general": general,
        "notice": notice,
        "kind_words": KIND_WORDS,
    }
    return form_page(request, "inbox.html", context, status_code=status_code, back_returns=True)


@router.get("/inbox")
def inbox_page(
    request: Request,
    signed_in: SignedInEditor,
    database: DatabaseDep,
    accepted: int = 0,
    rejected: int = 0,
    before: Annotated[
        int | None, Query(ge=1, description="Show articles older than this id.")
    ] = None,
) -> Response:
    """Pending candidate claims, grouped by article, newest first, a page at a time."""
    notice = None
    if accepted:
        notice = f"Recorded {accepted} claim{'s' if accepted != 1 else ''}."
    elif rejected:
        notice = "Rejected; the reason is kept with the candidate."
    with database.reading() as session:
        return _render(request, session=session, signed_in=signed_in, notice=notice, before=before)


def _signed_out(request: Request) -> Response:
    return login_page_response(
        request,
        signed_in=None,
        next_path="/inbox",
        problem="The inbox needs a signed-in editor: your session has ended or its key "
        "was revoked. Nothing was recorded. Sign in and submit again.",
        status_code=status.HTTP_401_UNAUTHORIZED,
    )


def acceptance_of(
    values: dict[str, str], *, probability: object
) -> tuple[Acceptance | None, dict[str, str]]:
    """What one candidate's fields ask for, or what is wrong with them."""
    problems: dict[str, str] = {}
    slug = values["source"].strip()
    new_source = None if slug else _new_source(values, problems)
    given: float | None = None
    if values["probability"].strip():
        try:
            given = probability_from_text(values["probability"])
        except ValueError:
            problems["probability"] = "Give a number from 0 to 1, or a percentage such as 35%."
    made_at = None
    if values["made_at"].strip():
        try:
            made_at = parse_instant(values["made_at"])
        except ValueError as error:
            problems["made_at"] = f"This {error}."
    question_id = values["question_id"].strip()
    question = None
    if not question_id:
        for name, message in (
            ("title", "Give the question a title, or choose an existing question."),
            ("resolution_criteria", "Say what will count as Yes and what as No."),
            ("deadline", "Give the deadline by which the question is decided (UTC)."),
        ):
            if not values[name].strip():
                problems[name] = message
        if not problems:
            try:
                question = QuestionCreate(
                    title=values["title"],
                    resolution_criteria=values["resolution_criteria"],
                    deadline=parse_instant(values["deadline"]),
                    tags=[tag for tag in re.split(r"[,\s]+", values["tags"]) if tag],
                )
            except ValueError as error:
                problems["deadline" if "deadline" in str(error) else "title"] = str(error)
    if problems:
        return None, problems
    # A probability the editor changed is their own assessment.
    changed = given is not None and not (
        isinstance(probability, int | float) and abs(given - float(probability)) < 1e-9
    )
    try:
        acceptance = Acceptance(
            source=slug or None,
            new_source=new_source,
            question_id=int(question_id) if question_id.isdigit() else None,
            question=question,
            probability=given,
            probability_basis=Basis.assessed if changed else None,
            verbal_phrase=values["verbal_phrase"].strip() or None,
            quote=values["quote"].strip() or None,
            made_at=made_at,
        )
    except ValidationError as error:
        for problem in error.errors():
            where = str(problem["loc"][0]) if problem["loc"] else GENERAL
            problems[where if where in FIELDS else GENERAL] = problem["msg"].removeprefix(
                "Value error, "
            )
        return None, problems
    if given is not None and not changed:
        # Unchanged: the candidate's own basis (stated or verbal) is kept.
        acceptance.probability = None
        acceptance.verbal_phrase = None
    return acceptance, problems


def _where(field: str) -> str:
    name = field.split(".")[-1] if field.startswith("question") else field
    if name in ("slug", "name", "kind"):
        return f"new_{name}"
    return name if name in FIELDS else GENERAL


async def _inbox_form(
    request: Request, signed_in: PageSession | None, settings: Settings
) -> tuple[PageSession, FormData] | Response:
    """The editor and the inbox form they posted, or the page that refuses it: signed out,
    or a stale token.
    """
    refuse_cross_site(request, settings)
    form = await request.form()
    if signed_in is None:
        return _signed_out(request)
    if not signed_in.csrf_ok(INBOX_FORM, str(form.get("csrf_token", ""))):
        return stale_form_page(request)
    return signed_in, form


class _BatchRefusedError(Exception):
    """Leaves the unit of work so that nothing of a refused batch is recorded."""


@router.post("/inbox/accept")
async def accept(
    request: Request,
    signed_in: SignedInEditor,
    database: DatabaseDep,
    settings: SettingsDep,
    now: NowDep,
) -> Response:
    """Accept the ticked candidates of one article (or the one whose button was pressed)."""
    checked = await _inbox_form(request, signed_in, settings)
    if isinstance(checked, Response):
        return checked
    editor, form = checked
    only = str(form.get("only", ""))
    chosen = [only] if only else [str(value) for value in form.getlist("accept")]
    ids = [int(value) for value in chosen if value.isdigit()]
    listed = [int(str(value)) for value in form.getlist("listed") if str(value).isdigit()]
    posted = {
        number: {name: str(form.get(f"c{number}-{name}", "")) for name in FIELDS}
        for number in listed
    }
    if not ids:
        with database.reading() as session:
            return _render(
                request,
                session=session,
                signed_in=editor,
                posted=posted,
                general="Tick the candidates to accept, or use a candidate's own button.",
                status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
            )
    problems: dict[int, dict[str, str]] = {}
    general = None
    try:
        with database.writing() as session:
            for number in ids:
                candidate = session.get(ClaimCandidate, number)
                values = posted.get(number)
                if candidate is None or values is None:
                    general = "A candidate of that form is no longer in the inbox."
                    raise _BatchRefusedError
                acceptance, found = acceptance_of(
                    values, probability=candidate.extraction.get("probability")
                )
                if acceptance is None:
                    problems[number] = found
                    continue
                try:
                    with session.begin_nested():
                        accept_candidate(
                            session=session,
                            candidate_id=number,
                            acceptance=acceptance,
                            actor=editor.actor,
                            now=now,
                        )
                except DomainError as error:
                    problems[number] = {_where(error.field): error.message}
            if problems:
                raise _BatchRefusedError
    except _BatchRefusedError:
        with database.reading() as session:
            return _render(
                request,
                session=session,
                signed_in=editor,
                posted=posted,
                problems=problems,
                general=general
                or "Nothing was recorded: correct the marked fields and accept again.",
                status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
            )
    return RedirectResponse(f"/inbox?accepted={len(ids)}", status_code=status.HTTP_303_SEE_OTHER)


@router.post("/inbox/{candidate_id}/reject")
async def reject(
    candidate_id: int,
    request: Request,
    signed_in: SignedInEditor,
    database: DatabaseDep,
    settings: SettingsDep,
    now: NowDep,
) -> Response:
    """Reject a candidate with the reason given."""
    checked = await _inbox_form(request, signed_in, settings)
    if isinstance(checked, Response):
        return checked
    editor, form = checked
    reason = str(form.get("reason", "")).strip()
    problem = None
    if not reason:
        problem = "Say why this is not a claim worth recording."
    else:
        try:
            with database.writing() as session:
                reject_candidate(
                    session=session,
                    candidate_id=candidate_id,
                    reason=reason,
                    actor=editor.actor,
                    now=now,
                )
        except DomainError as error:
            problem = error.message
    if problem is None:
        return RedirectResponse("/inbox?rejected=1", status_code=status.HTTP_303_SEE_OTHER)
    with database.reading() as session:
        return _render(
            request,
            session=session,
            signed_in=editor,
            problems={candidate_id: {"reason": problem}},
            general=f"Nothing was rejected: {problem}",
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
