"""The /extract page: paste an article, see its candidate claims marked, record them.

Anyone may preview (GET /extract?text=..., or POST /extract for long texts; neither
writes). Recording (POST /extract/record) needs a signed-in editor and the form's CSRF
token; it creates the source if it is new and records the claim with its inline question
through the claim service, in one transaction, then redirects to the question. Refused
input comes back in the same form, with each problem next to its field.

Times in the forms are UTC: datetime-local inputs carry no zone, so the labels say UTC and
a value without an offset is read as UTC.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated, Any, Final

from fastapi import APIRouter, Form, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup, escape
from pydantic import BaseModel, ValidationError
from sqlalchemy.exc import IntegrityError

from forecasts.deadlines import DeadlineOutOfRangeError, find_deadlines
from forecasts.domain import Basis, ConflictError, DomainError, SourceKind, probability_from_text
from forecasts.extraction import Candidate, extract_candidates, split_sentences
from forecasts.models import Source
from forecasts.schemas import ClaimCreate, QuestionCreate, SourceCreate
from forecasts.sources import list_sources
from service.articles import prepare_text, record_pasted, store_prepared
from service.database import Database
from service.deps import DatabaseDep, NowDep, SettingsDep
from service.intake import (
    MAX_TEXT_CHARS,
    suggested_kind,
    suggested_slug,
    text_problem,
    url_problem,
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

SOURCES_LISTED: Final = 500
GENERAL: Final = "general"
RECORD_FORM: Final = "record"
# The fields of one candidate's record form, in the order they appear.
RECORD_FIELDS: Final = (
    "source",
    "new_name",
    "new_slug",
    "new_kind",
    "quote",
    "probability",
    "probability_basis",
    "verbal_phrase",
    "made_at",
    "citation_title",
    "title",
    "resolution_criteria",
    "deadline",
    "tags",
)
BASIS_WORDS: Final = {
    Basis.stated: "stated by the source",
    Basis.verbal: "read from the words",
    Basis.assessed: "assessed by me",
}
KIND_WORDS: Final = {
    SourceKind.person: "person",
    SourceKind.organisation: "organisation",
    SourceKind.outlet: "outlet",
    SourceKind.model: "model",
}
_INSTANT_EXAMPLE: Final = "2024-02-01 00:00"


# --- times in forms --------------------------------------------------------------------------


def parse_instant(value: str) -> datetime:
    """A form's date and time: an offset if it has one, else UTC; a bare date is 00:00 UTC."""
    text = value.strip()
    if not text:
        raise ValueError("is empty")
    try:
        moment = datetime.fromisoformat(text.replace(" ", "T", 1) if "T" not in text else text)
    except ValueError:
        raise ValueError(
            f"must be a date and time such as {_INSTANT_EXAMPLE} (UTC), or a date"
        ) from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise ValueError("falls outside the years 1 to 9999 once its offset is applied") from None


def form_instant(value: datetime | None) -> str:
    """An instant as a datetime-local input's value, in UTC, to the minute."""
    return "" if value is None else value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M")


# --- the article -----------------------------------------------------------------------------


@dataclass
class Article:
    """What was pasted, as entered, with what is wrong with it."""

    text: str = ""
    url: str = ""
    published_at: str = ""
    moment: datetime | None = None
    problems: dict[str, str] = field(default_factory=dict)

    @classmethod
    def entered(cls, text: str, url: str, published_at: str) -> Article:
        """Check the pasted text, address and publication time."""
        # Browsers send line breaks as CRLF; offsets are counted in the text as pasted.
        text = text.replace("\r\n", "\n")
        article = cls(text=text, url=url.strip(), published_at=published_at.strip())
        problem = text_problem(text)
        if problem is not None:
            article.problems["text"] = f"The text {problem}."
        if article.url and (problem := url_problem(article.url)) is not None:
            article.problems["url"] = f"The address {problem}."
        if article.published_at:
            try:
                article.moment = parse_instant(article.published_at)
                find_deadlines(text, published_at=article.moment)
            except DeadlineOutOfRangeError as error:
                article.problems["published_at"] = (
                    f"The publication time is too late for the text's deadlines: {error}."
                )
            except ValueError as error:
                article.problems["published_at"] = f"The publication time {error}."
        return article

    def published_value(self) -> str:
        """The publication time for a datetime-local input: normalised if it was understood."""
        return form_instant(self.moment) if self.moment else self.published_at

    def title(self) -> str:
        """The article's headline: its first line, when that line reads as one."""
        sentences = split_sentences(self.text)
        return sentences[0].text if sentences and sentences[0].heading else ""


def highlighted(text: str, candidates: Sequence[Candidate]) -> Markup:
    """The text, escaped, with each candidate sentence in <mark> and its span marked inside."""
    parts: list[Markup] = []
    position = 0
    for number, candidate in enumerate(candidates, start=1):
        start, end = candidate.start, candidate.end
        if start < position or end > len(text) or start >= end:
            continue  # overlapping or out of range: show the text plain rather than garble it
        span_start = min(max(candidate.span_start, start), end)
        span_end = min(max(candidate.span_end, span_start), end)
        parts.append(escape(text[position:start]))
        parts.append(Markup('<mark class="candidate" id="sentence-{}">').format(number))
        parts.append(escape(text[start:span_start]))
        if span_end > span_start:
            parts.append(
                Markup('<span class="candidate__span">{}</span>').format(text[span_start:span_end])
            )
        parts.append(escape(text[span_end:end]))
        parts.append(
            Markup(
                '</mark><a class="candidate-ref" href="#candidate-{0}" '
                'aria-label="candidate {0}">{0}</a>'
            ).format(number)
        )
        position = end
    parts.append(escape(text[position:]))
    return Markup("").join(parts)


# --- one candidate's form --------------------------------------------------------------------


@dataclass
class Card:
    """A candidate as the page shows it, with its record form's values and problems."""

    number: int
    candidate: Candidate
    values: dict[str, str]
    problems: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Attempt:
    """A record form that was refused: which candidate, what was entered, what is wrong."""

    number: int
    values: dict[str, str]
    problems: dict[str, str]


def _matching_source(speaker: str | None, sources: Sequence[Source]) -> Source | None:
    # By name only: a source whose slug happens to match may be somebody else.
    if not speaker:
        return None
    name = speaker.casefold()
    return next((source for source in sources if source.name.casefold() == name), None)


def _probability_text(probability: float | None) -> str:
    return "" if probability is None else f"{probability:g}"


def prefilled(
    candidate: Candidate, *, sources: Sequence[Source], article: Article, title: str
) -> dict[str, str]:
    """A candidate's record form as first shown: everything the text says, filled in."""
    source = _matching_source(candidate.speaker, sources)
    speaker = candidate.speaker or ""
    return {
        "source": source.slug if source else "",
        "new_name": "" if source else speaker,
        "new_slug": "" if source else suggested_slug(speaker),
        "new_kind": suggested_kind(candidate.speaker).value,
        "quote": candidate.sentence,
        "probability": _probability_text(candidate.probability),
        "probability_basis": candidate.probability_basis or "",
        "verbal_phrase": candidate.verbal_phrase or "",
        "made_at": form_instant(article.moment),
        "citation_title": title,
        "title": "",
        "resolution_criteria": "",
        "deadline": form_instant(candidate.deadline),
        "tags": "",
    }


_REQUIRED: Final = {
    "quote": "Give the words the claim was made in.",
    "made_at": "Give when the claim was made (UTC).",
    "title": "Give the question a title, e.g. “Will a second mutiny take place in Russia?”",
    "resolution_criteria": "Say what will count as Yes and what as No.",
    "deadline": "Give the deadline by which the question is decided (UTC).",
}


def _instant(values: dict[str, str], name: str, problems: dict[str, str]) -> datetime | None:
    if not values[name].strip():
        problems[name] = _REQUIRED[name]
        return None
    try:
        return parse_instant(values[name])
    except ValueError as error:
        problems[name] = f"This {error}."
        return None


def _new_source(values: dict[str, str], problems: dict[str, str]) -> SourceCreate | None:
    name, slug, kind = values["new_name"].strip(), values["new_slug"].strip(), values["new_kind"]
    if not name:
        problems["new_name"] = "Give the new source's name, or choose an existing source."
    if not slug:
        problems["new_slug"] = "Give the new source a slug, e.g. oleksiy-danilov."
    if kind not in {k.value for k in SourceKind}:
        problems["new_kind"] = "Choose what kind of source this is."
    if not (name and slug) or "new_kind" in problems:
        return None
    try:
        return SourceCreate(slug=slug, name=name, kind=SourceKind(kind))
    except ValidationError as error:
        for problem in error.errors():
            where = f"new_{problem['loc'][0]}"
            problems[where] = f"This {problem['msg'].removeprefix('Value error, ')}."
        return None


def parse_record(
    values: dict[str, str], *, article: Article
) -> tuple[dict[str, str], SourceCreate | None, ClaimCreate | None]:
    """The new source (if any) and the claim a record form asks for, or what is wrong."""
    problems: dict[str, str] = {}
    slug = values["source"].strip()
    new_source = None if slug else _new_source(values, problems)
    if new_source is not None:
        slug = new_source.slug
    if not values["quote"].strip():
        problems["quote"] = _REQUIRED["quote"]
    probability = None
    if values["probability"].strip():
        try:
            probability = probability_from_text(values["probability"])
        except ValueError:
            problems["probability"] = "Give a number from 0 to 1, or a percentage such as 35%."
    elif not values["verbal_phrase"].strip():
        problems["probability"] = "Give a probability, or a verbal phrase to read it from."
    basis = values["probability_basis"]
    if basis and basis not in {b.value for b in Basis}:
        problems["probability_basis"] = "Choose where the probability came from."
    made_at = _instant(values, "made_at", problems)
    for name in ("title", "resolution_criteria"):
        if not values[name].strip():
            problems[name] = _REQUIRED[name]
    deadline = _instant(values, "deadline", problems)
    if problems or made_at is None or deadline is None:
        return problems, None, None
    try:
        claim = ClaimCreate(
            source=slug,
            quote=values["quote"],
            probability=probability,
            probability_basis=Basis(basis) if basis else None,
            verbal_phrase=values["verbal_phrase"].strip() or None,
            made_at=made_at,
            citation_url=article.url or None,
            citation_title=values["citation_title"].strip() or None,
            published_at=article.moment,
            question=QuestionCreate(
                title=values["title"],
                resolution_criteria=values["resolution_criteria"],
                deadline=deadline,
                tags=[tag for tag in re.split(r"[,\s]+", values["tags"]) if tag],
            ),
        )
    except ValidationError as error:
        for problem in error.errors():
            message = problem["msg"].removeprefix("Value error, ")
            problems[_field_of(tuple(str(part) for part in problem["loc"]))] = f"{message}."
        return problems, None, None
    return problems, new_source, claim


def _field_of(location: tuple[str, ...]) -> str:
    """The form field an error location of ClaimCreate, or a service's error field, names."""
    if location and location[0] == "question":
        location = location[1:] or ("title",)
    name = location[0] if location else ""
    if name in ("slug", "name", "kind"):
        return f"new_{name}"
    return name if name in RECORD_FIELDS else GENERAL


# --- rendering -------------------------------------------------------------------------------


def _sources(database: Database) -> list[Source]:
    with database.reading() as session:
        found, _ = list_sources(session=session, kind=None, limit=SOURCES_LISTED, offset=0)
    return list(found)


def _render(
    request: Request,
    *,
    database: Database,
    signed_in: PageSession | None,
    article: Article,
    failed: Attempt | None = None,
    status_code: int = status.HTTP_200_OK,
) -> Response:
    candidates: list[Candidate] | None = None
    cards: list[Card] = []
    sources: list[Source] = []
    if article.text and not article.problems:
        candidates = extract_candidates(
            article.text, published_at=article.moment, url=article.url or None
        )
        sources = _sources(database) if signed_in else []
        title = article.title()
        for number, candidate in enumerate(candidates, start=1):
            if failed is not None and failed.number == number:
                cards.append(Card(number, candidate, failed.values, failed.problems))
            else:
                values = prefilled(candidate, sources=sources, article=article, title=title)
                cards.append(Card(number, candidate, values))
    context: dict[str, Any] = {
        "signed_in": signed_in,
        "csrf_token": signed_in.csrf_token(RECORD_FORM) if signed_in else "",
        "logout_token": signed_in.csrf_token("logout") if signed_in else "",
        "article": article,
        "text_hint": f"At most {MAX_TEXT_CHARS:,} characters; paste a longer article in parts.",
        "candidates": candidates,
        "highlighted": highlighted(article.text, candidates) if candidates else None,
        "cards": cards,
        "lost": failed is not None and not 1 <= failed.number <= len(cards),
        "failed": failed,
        "sources": sources,
        "basis_words": BASIS_WORDS,
        "kind_words": KIND_WORDS,
    }
    # Back from the question page a record leads to returns here.
    return form_page(request, "extract.html", context, status_code=status_code, back_returns=True)


# --- routes ----------------------------------------------------------------------------------

ArticleText = Annotated[str, Form()]
ShortText = Annotated[str, Form(max_length=2000)]


@router.get("/extract")
def extract_page(
    request: Request,
    signed_in: SignedInEditor,
    database: DatabaseDep,
    text: str = "",
    url: str = "",
    published_at: str = "",
) -> Response:
    """The paste form; with text in the query, its candidate claims too."""
    article = Article.entered(text, url, published_at) if text else Article()
    code = status.HTTP_422_UNPROCESSABLE_CONTENT if article.problems else status.HTTP_200_OK
    return _render(
        request, database=database, signed_in=signed_in, article=article, status_code=code
    )


@router.post("/extract")
def extract_preview(
    request: Request,
    signed_in: SignedInEditor,
    database: DatabaseDep,
    settings: SettingsDep,
    text: ArticleText = "",
    url: ShortText = "",
    published_at: ShortText = "",
) -> Response:
    """The candidate claims of the pasted text; nothing is recorded."""
    refuse_cross_site(request, settings)
    article = Article.entered(text, url, published_at)
    code = status.HTTP_422_UNPROCESSABLE_CONTENT if article.problems else status.HTTP_200_OK
    return _render(
        request, database=database, signed_in=signed_in, article=article, status_code=code
    )


def _refusal_without_session(request: Request) -> Response:
    return login_page_response(
        request,
        signed_in=None,
        next_path="/extract",
        problem="Recording needs a signed-in editor: your session has ended or its "
        "key was revoked. Nothing was recorded. Sign in and submit again.",
        status_code=status.HTTP_401_UNAUTHORIZED,
    )


class ArticleForm(BaseModel):
    """The pasted article a form of this page posts back, with the form's token."""

    csrf_token: str = ""
    text: str = ""
    url: str = ""
    published_at: str = ""


def _posted_article(
    request: Request, signed_in: PageSession | None, settings: Settings, form: ArticleForm
) -> tuple[PageSession, Article] | Response:
    """The editor and the article they posted with a recording form, or the page that
    refuses the post: signed out, or a stale token. A post from another site is refused
    (403) before either.
    """
    refuse_cross_site(request, settings)
    if signed_in is None:
        return _refusal_without_session(request)
    if not signed_in.csrf_ok(RECORD_FORM, form.csrf_token):
        return stale_form_page(request)
    return signed_in, Article.entered(form.text, form.url, form.published_at)


class InboxForm(ArticleForm):
    """A pasted article sent whole to the inbox."""


@router.post("/extract/inbox")
def send_to_inbox(
    request: Request,
    signed_in: SignedInEditor,
    database: DatabaseDep,
    settings: SettingsDep,
    now: NowDep,
    form: Annotated[InboxForm, Form()],
) -> Response:
    """Store the pasted article and every candidate in it, then open them in the inbox.

    There several can be accepted at once, each with a new question or an existing one.
    """
    posted = _posted_article(request, signed_in, settings, form)
    if isinstance(posted, Response):
        return posted
    editor, article = posted
    if article.problems:
        return _render(
            request,
            database=database,
            signed_in=editor,
            article=article,
            failed=None,
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    prepared = prepare_text(
        text=article.text, url=article.url or None, title=None, published_at=article.moment
    )
    with database.writing() as session:
        result, _ = store_prepared(
            session=session, prepared=prepared, feed_id=None, actor=editor.actor, now=now
        )
    return RedirectResponse(
        f"/inbox#article-{result.article.id}", status_code=status.HTTP_303_SEE_OTHER
    )


class RecordForm(ArticleForm):
    """One candidate's record form as posted: the article, the candidate's number, its fields."""

    candidate: str = ""
    source: str = ""
    new_name: str = ""
    new_slug: str = ""
    new_kind: str = ""
    quote: str = ""
    probability: str = ""
    probability_basis: str = ""
    verbal_phrase: str = ""
    made_at: str = ""
    citation_title: str = ""
    title: str = ""
    resolution_criteria: str = ""
    deadline: str = ""
    tags: str = ""


@router.post("/extract/record")
def record(
    request: Request,
    signed_in: SignedInEditor,
    database: DatabaseDep,
    settings: SettingsDep,
    now: NowDep,
    form: Annotated[RecordForm, Form()],
) -> Response:
    """Record a candidate as a question and a claim (and a new source), then show the question."""
    posted = _posted_article(request, signed_in, settings, form)
    if isinstance(posted, Response):
        return posted
    editor, article = posted
    number = int(form.candidate) if form.candidate.isdigit() else 0
    values = {name: getattr(form, name) for name in RECORD_FIELDS}
    if article.problems:
        problems = {GENERAL: "The article's text, address or date is not valid; see above."}
    else:
        problems, new_source, claim = parse_record(values, article=article)
        if claim is not None:
            # Through the inbox: the pasted article is stored once, each candidate once.
            prepared = prepare_text(
                text=article.text,
                url=article.url or None,
                title=values["citation_title"].strip() or None,
                published_at=article.moment,
            )
            try:
                with database.writing() as session:
                    recorded = record_pasted(
                        session=session,
                        prepared=prepared,
                        position=number,
                        claim=claim,
                        new_source=new_source,
                        actor=editor.actor,
                        now=now,
                    )
            except ConflictError as error:
                if error.field == "id":  # the candidate, recorded or rejected before
                    problems = {GENERAL: f"Nothing was recorded: {error.message}."}
                else:
                    problems = {
                        _field_of((error.field,)): f"{error.message}: choose that source under "
                        "“Who made the claim”, or give another slug."
                    }
            except DomainError as error:
                problems = {_field_of(tuple(error.field.split("."))): error.message}
            except IntegrityError:
                problems = {
                    GENERAL: "The database refused this as conflicting with what is stored "
                    "(perhaps the same source was just created); submit again."
                }
            else:
                # The fragment is the new claim's: without one, browsers keep the form's.
                return RedirectResponse(
                    f"/questions/{recorded.question_id}#claim-{recorded.id}",
                    status_code=status.HTTP_303_SEE_OTHER,
                )
    failed = Attempt(number, values, problems)
    return _render(
        request,
        database=database,
        signed_in=editor,
        article=article,
        failed=failed,
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
    )
