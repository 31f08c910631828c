"""Quick add: /claims/new, /sources/new and /questions/new for signed-in editors.

Each form is a tuple of FormField, rendered by one template macro; its values are
checked into the API's own request models (ClaimCreate, SourceCreate, QuestionCreate)
and written through the functions the API routes call, so the messages are the API's.
A new field is a FormField in the tuple and a line in the parse function.

The claim form's source is a text input suggesting existing sources by name (a
<datalist>, no script): a name or slug of an existing source picks it, any other name
creates a source of the chosen kind. Its probability takes 60%, 0.6 or a phrase of the
verbal scale. Times are UTC, as on /extract.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Final, Generic, Protocol, TypeVar

from fastapi import APIRouter, Depends, Form, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from forecasts.claims import record_claim
from forecasts.domain import DomainError, SourceKind, Status, probability_from_text
from forecasts.models import Question, Source
from forecasts.probability import scale_records
from forecasts.questions import QuestionFilters, create_question, list_questions
from forecasts.schemas import ClaimCreate, QuestionCreate, SourceCreate
from forecasts.sources import create_source, list_sources
from service.database import Database
from service.deps import DatabaseDep, NowDep, SettingsDep
from service.intake import suggested_slug
from service.pages.intake import BASIS_WORDS, KIND_WORDS, form_instant, parse_instant
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

ADD_FORM: Final = "quick-add"
GENERAL: Final = "general"
LISTED: Final = 500
"""Sources and questions offered in the pickers."""


@dataclass(frozen=True)
class FormField:
    """One input of a form, as the `field` macro in _form_fields.html renders it."""

    name: str
    label: str
    kind: str = "text"
    """text, textarea, url, datetime, select or hidden."""
    hint: str = ""
    required: bool = False
    options: tuple[tuple[str, str], ...] = ()
    """(value, label) pairs of a select."""
    datalist: str = ""
    """The id of a <datalist> suggesting values."""


_KINDS: Final = tuple((kind.value, word) for kind, word in KIND_WORDS.items())

SOURCE_FIELDS: Final = (
    FormField("name", "Name", required=True, hint="As the source is known, e.g. Oleksiy Danilov."),
    FormField(
        "slug",
        "Slug",
        hint="Lower-case words joined by hyphens, used in addresses; left empty, it is made "
        "from the name.",
    ),
    FormField("kind", "Kind", kind="select", required=True, options=_KINDS),
    FormField("description", "Description", kind="textarea"),
)

QUESTION_FIELDS: Final = (
    FormField(
        "title",
        "Question",
        required=True,
        hint="A yes/no question, e.g. “Will a second mutiny take place in Russia before 2024?”",
    ),
    FormField(
        "resolution_criteria",
        "Resolution criteria",
        kind="textarea",
        required=True,
        hint="What will count as Yes, and what as No.",
    ),
    FormField(
        "deadline", "Deadline (UTC)", kind="datetime", required=True, hint="When it is decided."
    ),
    FormField("tags", "Tags", hint="Separated by commas or spaces, e.g. russia, war."),
)

CLAIM_SOURCE_FIELDS: Final = (
    FormField(
        "source",
        "Who made the claim",
        required=True,
        datalist="source-names",
        hint="Type a name and pick a suggestion; a name not in the list adds a new source.",
    ),
    FormField(
        "new_kind",
        "Kind, if the source is new",
        kind="select",
        options=_KINDS,
    ),
)

CLAIM_FIELDS: Final = (
    FormField(
        "probability",
        "Probability",
        required=True,
        datalist="verbal-phrases",
        hint="60%, 0.6, or a phrase from the verbal scale such as “very likely”.",
    ),
    FormField(
        "probability_basis",
        "Where the probability came from",
        kind="select",
        options=(
            ("", "as given (a figure: stated; a phrase: verbal)"),
            *((basis.value, word) for basis, word in BASIS_WORDS.items()),
        ),
    ),
    FormField("quote", "Quote", kind="textarea", required=True, hint="The words of the claim."),
    FormField("made_at", "Made at (UTC)", kind="datetime", required=True),
    FormField("citation_url", "Article address", kind="url", hint="Where the claim was made."),
    FormField("citation_title", "Article title"),
)

NEW_QUESTION: Final = ""


def _blank(fields: Sequence[FormField]) -> dict[str, str]:
    return {field.name: "" for field in fields}


def _message(text: str) -> str:
    text = text.removeprefix("Value error, ")
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


# What an empty required field is told; the model's own words ("String should have at
# least 1 character") are right for the API, but a form can say what to give.
_MISSING: Final = {
    "name": "Give the source's name.",
    "title": "Give the question, e.g. “Will a second mutiny take place in Russia?”",
    "resolution_criteria": "Say what will count as Yes and what as No.",
    "deadline": "Give the deadline by which the question is decided (UTC).",
    "quote": "Give the words the claim was made in.",
    "made_at": "Give when the claim was made (UTC).",
}


def _field_problems(
    error: ValidationError,
    names: Sequence[str],
    *,
    values: dict[str, str],
    rename: dict[str, str] | None = None,
) -> dict[str, str]:
    """The problems of a request model's validation, by the form field they belong to."""
    problems: dict[str, str] = {}
    for problem in error.errors():
        location = [str(part) for part in problem["loc"]]
        if location and location[0] == "question":
            location = location[1:] or ["title"]
        name = location[0] if location else GENERAL
        name = (rename or {}).get(name, name)
        message = _message(problem["msg"])
        if name in _MISSING and not values.get(name, "").strip():
            message = _MISSING[name]
        problems.setdefault(name if name in names else GENERAL, message)
    return problems


def _tags(text: str) -> list[str]:
    return [tag for tag in re.split(r"[,\s]+", text) if tag]


def _instant(value: str, name: str, problems: dict[str, str]) -> datetime | None:
    if not value.strip():
        return None  # the request model names what is missing
    try:
        return parse_instant(value)
    except ValueError as error:
        problems[name] = f"This {error}."
        return None


# --- parsing ---------------------------------------------------------------------------------


def parse_source(values: dict[str, str]) -> tuple[dict[str, str], SourceCreate | None]:
    """The source a /sources/new form asks for, or what is wrong with it."""
    slug = values["slug"].strip() or suggested_slug(values["name"])
    try:
        data = SourceCreate(
            name=values["name"],
            slug=slug,
            kind=values["kind"],
            description=values["description"].strip(),
        )
    except ValidationError as error:
        return _field_problems(error, [f.name for f in SOURCE_FIELDS], values=values), None
    return {}, data


def parse_question(values: dict[str, str]) -> tuple[dict[str, str], QuestionCreate | None]:
    """The question a /questions/new form (or a claim's new question) asks for, or what is wrong."""
    problems: dict[str, str] = {}
    deadline = _instant(values["deadline"], "deadline", problems)
    try:
        data = QuestionCreate(
            title=values["title"],
            resolution_criteria=values["resolution_criteria"],
            deadline=deadline,
            tags=_tags(values["tags"]),
        )
    except ValidationError as error:
        found = _field_problems(error, [f.name for f in QUESTION_FIELDS], values=values)
        return found | problems, None
    return problems, None if problems else data


_FIGURE: Final = re.compile(r"[-+]?\s*[0-9]*[.,]?[0-9]+\s*%?")


def probability_of(text: str) -> tuple[float | None, str | None]:
    """A probability field's figure (60%, 0.6, 0,6) or, if it is no figure, its verbal phrase.

    A figure out of range is a ValueError, as in CSV imports (the same parser).
    """
    try:
        return probability_from_text(text), None
    except ValueError:
        if _FIGURE.fullmatch(text.strip()):
            raise
    return None, text.strip() or None


@dataclass(frozen=True)
class SourceChoice:
    """The source a claim form names: an existing slug, or a new source to create."""

    slug: str | None
    new: SourceCreate | None


def choose_source(
    values: dict[str, str], sources: Sequence[Source], problems: dict[str, str]
) -> SourceChoice:
    """The existing source a name or slug picks, or the new source it describes."""
    typed = values["source"].strip()
    if not typed:
        problems["source"] = "Give the name of who made the claim."
        return SourceChoice(None, None)
    by_slug = next((s for s in sources if s.slug == typed), None)
    if by_slug is not None:
        return SourceChoice(by_slug.slug, None)
    named = [s for s in sources if s.name.casefold() == typed.casefold()]
    if len(named) == 1:
        return SourceChoice(named[0].slug, None)
    if len(named) > 1:
        slugs = ", ".join(s.slug for s in named)
        problems["source"] = f"Several sources are called {typed}; type the slug you mean: {slugs}."
        return SourceChoice(None, None)
    kind = values["new_kind"] or SourceKind.person.value
    try:
        new = SourceCreate(name=typed, slug=suggested_slug(typed), kind=kind)
    except ValidationError:
        problems["source"] = (
            f"No source is called {typed}, and no slug can be made from that name; add the "
            "source at /sources/new first."
        )
        return SourceChoice(None, None)
    return SourceChoice(new.slug, new)


def parse_claim(
    values: dict[str, str], *, sources: Sequence[Source]
) -> tuple[dict[str, str], SourceCreate | None, ClaimCreate | None]:
    """The new source (if any) and the claim a /claims/new form asks for, or what is wrong."""
    problems: dict[str, str] = {}
    choice = choose_source(values, sources, problems)
    try:
        probability, phrase = probability_of(values["probability"])
    except ValueError as error:
        probability, phrase = None, None
        problems["probability"] = _message(str(error))
    if probability is None and phrase is None and "probability" not in problems:
        problems["probability"] = "Give a probability such as 60% or 0.6, or a verbal phrase."
    made_at = _instant(values["made_at"], "made_at", problems)
    question_id: int | None = None
    question: QuestionCreate | None = None
    if values["question_id"].strip():
        if not values["question_id"].strip().isdigit():
            problems["question_id"] = "Choose a question from the list, or a new one."
        else:
            question_id = int(values["question_id"])
    else:
        found, question = parse_question(values)
        problems |= found
    try:
        claim = ClaimCreate(
            source=choice.slug or "-",
            question_id=question_id,
            question=question,
            probability=probability,
            probability_basis=values["probability_basis"] or None,
            verbal_phrase=phrase,
            quote=values["quote"],
            made_at=made_at,
            citation_url=values["citation_url"].strip() or None,
            citation_title=values["citation_title"].strip() or None,
        )
    except ValidationError as error:
        names = [f.name for f in (*CLAIM_SOURCE_FIELDS, *CLAIM_FIELDS, *QUESTION_FIELDS)]
        found = _field_problems(
            error, names, values=values, rename={"verbal_phrase": "probability"}
        )
        if question_id is None and question is None:
            found.pop(GENERAL, None)  # the missing question: its own fields say what is wrong
        problems = found | problems
        return problems, None, None
    if problems:
        return problems, None, None
    return problems, choice.new, claim


# --- rendering -------------------------------------------------------------------------------


def _sources(session: Session) -> list[Source]:
    found, _ = list_sources(session=session, kind=None, limit=LISTED, offset=0)
    return list(found)


def _open_questions(session: Session) -> list[Question]:
    waiting: list[Question] = []
    for wanted in (Status.open, Status.due):
        found, _ = list_questions(
            session=session, filters=QuestionFilters(status=wanted), limit=LISTED, offset=0
        )
        waiting.extend(found)
    return sorted(waiting, key=lambda q: (q.deadline, q.id or 0))[:LISTED]


def _render(
    request: Request,
    template: str,
    *,
    signed_in: PageSession | None,
    values: dict[str, str],
    problems: dict[str, str] | None = None,
    status_code: int = status.HTTP_200_OK,
    extra: dict[str, Any] | None = None,
) -> Response:
    context: dict[str, Any] = {
        "signed_in": signed_in,
        "csrf_token": signed_in.csrf_token(ADD_FORM) if signed_in else "",
        "values": values,
        "problems": problems or {},
        "general": GENERAL,
        "source_fields": SOURCE_FIELDS,
        "question_fields": QUESTION_FIELDS,
        "claim_source_fields": CLAIM_SOURCE_FIELDS,
        "claim_fields": CLAIM_FIELDS,
        **(extra or {}),
    }
    code = status.HTTP_401_UNAUTHORIZED if signed_in is None else status_code
    return form_page(request, template, context, status_code=code, back_returns=True)


def _editor(
    request: Request, signed_in: PageSession | None, settings: Settings, *, token: str, back: str
) -> PageSession | Response:
    """The editor who posted an add form, or the page that refuses it: signed out, or a
    stale token. A post from another site is refused (403) before either.
    """
    refuse_cross_site(request, settings)
    if signed_in is None:
        return login_page_response(
            request,
            signed_in=None,
            next_path=back,
            problem="Adding needs a signed-in editor: your session has ended or is not an "
            "editor's. Nothing was recorded; sign in and submit again.",
            status_code=status.HTTP_401_UNAUTHORIZED,
        )
    if not signed_in.csrf_ok(ADD_FORM, token):
        return stale_form_page(request)
    return signed_in


def _domain_problem(error: DomainError, names: Sequence[str]) -> dict[str, str]:
    field = error.field.split(".")[-1]
    field = {"verbal_phrase": "probability", "slug": "slug"}.get(field, field)
    return {field if field in names else GENERAL: _message(error.message)}


_CONFLICT: Final = {
    GENERAL: "The database refused this as conflicting with what is stored (perhaps the same "
    "thing was just added); submit again."
}

# --- /sources/new and /questions/new ---------------------------------------------------------


_Asked = TypeVar("_Asked", SourceCreate, QuestionCreate)
_AskedIn = TypeVar("_AskedIn", SourceCreate, QuestionCreate, contravariant=True)


class _Write(Protocol[_AskedIn]):
    def __call__(self, *, session: Session, data: _AskedIn, actor: str, now: datetime) -> str:
        """Write what the form asked for and name the page that shows it."""
        ...


@dataclass(frozen=True)
class _Adding(Generic[_Asked]):
    """What the source and question forms differ in: their page, their fields, and how a
    post is read and written.
    """

    path: str
    template: str
    fields: tuple[FormField, ...]
    parse: Callable[[dict[str, str]], tuple[dict[str, str], _Asked | None]]
    write: _Write[_Asked]


def _write_source(*, session: Session, data: SourceCreate, actor: str, now: datetime) -> str:
    create_source(session=session, data=data, actor=actor, now=now)
    return f"/sources/{data.slug}"


def _write_question(*, session: Session, data: QuestionCreate, actor: str, now: datetime) -> str:
    question = create_question(session=session, data=data, actor=actor, now=now)
    return f"/questions/{question.id}"


ADDING_SOURCE: Final = _Adding(
    "/sources/new", "add_source.html", SOURCE_FIELDS, parse_source, _write_source
)
ADDING_QUESTION: Final = _Adding(
    "/questions/new", "add_question.html", QUESTION_FIELDS, parse_question, _write_question
)


@dataclass(frozen=True)
class _Posted:
    """What a POST of the source or question form comes with, besides the form."""

    request: Request
    signed_in: PageSession | None
    database: Database
    settings: Settings
    now: datetime


def _posted(
    request: Request,
    signed_in: SignedInEditor,
    database: DatabaseDep,
    settings: SettingsDep,
    now: NowDep,
) -> _Posted:
    return _Posted(request, signed_in, database, settings, now)


PostedDep = Annotated[_Posted, Depends(_posted)]


def _add(adding: _Adding[_Asked], posted: _Posted, form: SourceForm | QuestionForm) -> Response:
    """Write what a source or question form asks for and go to its page; or show the form
    again with what was wrong (422) when it had problems or the write was refused.
    """
    request = posted.request
    editor = _editor(
        request, posted.signed_in, posted.settings, token=form.csrf_token, back=adding.path
    )
    if isinstance(editor, Response):
        return editor
    values = form.model_dump(exclude={"csrf_token"})
    problems, data = adding.parse(values)
    if data is not None:
        try:
            with posted.database.writing() as session:
                page = adding.write(session=session, data=data, actor=editor.actor, now=posted.now)
        except DomainError as error:
            problems = _domain_problem(error, [field.name for field in adding.fields])
        except IntegrityError:
            problems = dict(_CONFLICT)
        else:
            return RedirectResponse(page, status.HTTP_303_SEE_OTHER)
    return _render(
        request,
        adding.template,
        signed_in=editor,
        values=values,
        problems=problems,
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
    )


class SourceForm(BaseModel):
    """The /sources/new form as posted."""

    csrf_token: str = ""
    name: str = ""
    slug: str = ""
    kind: str = ""
    description: str = ""


@router.get("/sources/new")
def new_source_page(request: Request, signed_in: SignedInEditor, name: str = "") -> Response:
    """The form that adds a source."""
    values = _blank(SOURCE_FIELDS) | {"name": name, "kind": SourceKind.person.value}
    return _render(request, "add_source.html", signed_in=signed_in, values=values)


@router.post("/sources/new")
def add_source(posted: PostedDep, form: Annotated[SourceForm, Form()]) -> Response:
    """Add a source as POST /api/v1/sources does, then show its page."""
    return _add(ADDING_SOURCE, posted, form)


class QuestionForm(BaseModel):
    """The /questions/new form as posted."""

    csrf_token: str = ""
    title: str = ""
    resolution_criteria: str = ""
    deadline: str = ""
    tags: str = ""


@router.get("/questions/new")
def new_question_page(request: Request, signed_in: SignedInEditor) -> Response:
    """The form that adds a question."""
    return _render(
        request, "add_question.html", signed_in=signed_in, values=_blank(QUESTION_FIELDS)
    )


@router.post("/questions/new")
def add_question(posted: PostedDep, form: Annotated[QuestionForm, Form()]) -> Response:
    """Add a question as POST /api/v1/questions does, then show its page."""
    return _add(ADDING_QUESTION, posted, form)


# --- /claims/new -----------------------------------------------------------------------------


class ClaimForm(BaseModel):
    """The /claims/new form as posted."""

    csrf_token: str = ""
    source: str = ""
    new_kind: str = ""
    question_id: str = ""
    title: str = ""
    resolution_criteria: str = ""
    deadline: str = ""
    tags: str = ""
    probability: str = ""
    probability_basis: str = ""
    quote: str = ""
    made_at: str = ""
    citation_url: str = ""
    citation_title: str = ""


def _claim_page(
    request: Request,
    database: Database,
    *,
    signed_in: PageSession | None,
    values: dict[str, str],
    problems: dict[str, str] | None = None,
    status_code: int = status.HTTP_200_OK,
) -> Response:
    with database.reading() as session:
        sources = _sources(session) if signed_in else []
        questions = _open_questions(session) if signed_in else []
    return _render(
        request,
        "add_claim.html",
        signed_in=signed_in,
        values=values,
        problems=problems,
        status_code=status_code,
        extra={
            "sources": sources,
            "questions": questions,
            "phrases": [record["phrase"] for record in scale_records()],
        },
    )


@router.get("/claims/new")
def new_claim_page(
    request: Request,
    signed_in: SignedInEditor,
    database: DatabaseDep,
    now: NowDep,
    source: str = "",
    question_id: str = "",
) -> Response:
    """The quick-add form; ?source=<slug> and ?question_id=<id> fill those in."""
    values = {name: "" for name in ClaimForm.model_fields if name != "csrf_token"}
    values |= {"new_kind": SourceKind.person.value, "made_at": form_instant(now)}
    if source:
        with database.reading() as session:
            known = next((s for s in _sources(session) if s.slug == source), None)
        values["source"] = known.name if known else source
    if question_id.isdigit():
        values["question_id"] = question_id
    return _claim_page(request, database, signed_in=signed_in, values=values)


@router.post("/claims/new")
def add_claim(
    request: Request,
    signed_in: SignedInEditor,
    database: DatabaseDep,
    settings: SettingsDep,
    now: NowDep,
    form: Annotated[ClaimForm, Form()],
) -> Response:
    """Record a claim (and its new source or question) as the API does, then show its question."""
    editor = _editor(request, signed_in, settings, token=form.csrf_token, back="/claims/new")
    if isinstance(editor, Response):
        return editor
    values = form.model_dump(exclude={"csrf_token"})
    with database.reading() as session:
        sources = _sources(session)
    problems, new_source, claim = parse_claim(values, sources=sources)
    if claim is not None:
        names = [*ClaimForm.model_fields]
        try:
            with database.writing() as session:
                # The API's two writes, POST /sources and POST /claims, in one transaction.
                if new_source is not None:
                    create_source(session=session, data=new_source, actor=editor.actor, now=now)
                recorded = record_claim(session=session, data=claim, actor=editor.actor, now=now)
        except DomainError as error:
            problems = _domain_problem(error, names)
            if error.field == "slug":
                problems = {"source": _message(error.message)}
        except IntegrityError:
            problems = dict(_CONFLICT)
        else:
            return RedirectResponse(
                f"/questions/{recorded.question_id}#claim-{recorded.id}",
                status_code=status.HTTP_303_SEE_OTHER,
            )
    return _claim_page(
        request,
        database,
        signed_in=editor,
        values=values,
        problems=problems,
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
    )
