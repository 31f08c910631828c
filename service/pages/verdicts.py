"""Resolving, correcting and retracting on the question page, and going on to the next due.

A signed-in reviewer (or admin) resolves a question Yes, No or Annul from its page: the
form leads to a confirmation page, and only the confirmation's POST resolves, through the
same resolve_question as POST /api/v1/questions/{id}/resolutions. A question already
resolved shows a correction form that needs a reason. An editor (or admin) retracts a
claim with a reason, through retract_claim as the API does. Refused input comes back on a
page of its own with the form, the values entered and what is wrong; nothing is stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Final

from fastapi import APIRouter, Form, Path, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError

from forecasts.claims import get_claim, retract_claim
from forecasts.domain import DomainError, Outcome, Role
from forecasts.questions import get_question
from forecasts.schemas import QuestionDetail, ResolutionCreate, Retraction
from resolvers.assignment import assign
from resolvers.due import due_questions
from resolvers.resolutions import resolve_question
from resolvers.reviewers import active_reviewers
from service.deps import DatabaseDep, NowDep, SettingsDep
from service.pages.resolve import OUTCOME_WORDS
from service.pages.session import (
    PageSession,
    SignedIn,
    login_page_response,
    refuse_cross_site,
    stale_form_page,
)
from service.pages.templating import form_page, templates, web_url
from service.views import question_detail

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

RESOLVE_FORM: Final = "resolve"
RETRACT_FORM: Final = "retract"
# Ids are 32-bit integers on PostgreSQL; a larger number names nothing.
PageId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@dataclass(frozen=True)
class QuestionActions:
    """What the signed-in session may do on a question page, with its forms' tokens."""

    may_resolve: bool
    may_retract: bool
    resolve_token: str
    retract_token: str
    outcomes: dict[Outcome, str]


def question_actions(signed_in: PageSession | None) -> QuestionActions | None:
    """The question page's forms for this session, or None when nobody is signed in."""
    if signed_in is None:
        return None
    return QuestionActions(
        may_resolve=signed_in.may(Role.reviewer),
        may_retract=signed_in.may(Role.editor),
        resolve_token=signed_in.csrf_token(RESOLVE_FORM),
        retract_token=signed_in.csrf_token(RETRACT_FORM),
        outcomes=OUTCOME_WORDS,
    )


def _refusal(request: Request, heading: str, message: str, status_code: int) -> Response:
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status_code": status_code, "heading": heading, "messages": [message]},
        status_code=status_code,
    )


def _gate(
    request: Request, signed_in: PageSession | None, *, role: Role, form: str, token: str, back: str
) -> Response | None:
    """The page refusing this POST, or None when the session may send it."""
    if signed_in is None:
        return login_page_response(
            request,
            signed_in=None,
            next_path=back,
            problem="Your session has ended. Nothing was changed; sign in and try again.",
            status_code=status.HTTP_401_UNAUTHORIZED,
        )
    if not signed_in.may(role):
        doing = "Resolving questions" if role is Role.reviewer else "Retracting claims"
        return _refusal(
            request,
            "Not allowed",
            f"{doing} needs the {role.value} role (or admin); you are signed in with the "
            f"{signed_in.role.value} role. Nothing was changed.",
            status.HTTP_403_FORBIDDEN,
        )
    if not signed_in.csrf_ok(form, token):
        return stale_form_page(request, nothing="changed")
    return None


# --- resolving and correcting ----------------------------------------------------------------


class VerdictForm(BaseModel):
    """The resolve (or correct) form as posted."""

    csrf_token: str = ""
    outcome: str = ""
    evidence_url: str = ""
    note: str = ""
    reason: str = ""
    confirmed: str = ""


def parse_verdict(
    form: VerdictForm, *, correcting: bool
) -> tuple[dict[str, str], ResolutionCreate | None]:
    """The resolution a form asks for, or what is wrong with it, by field."""
    problems: dict[str, str] = {}
    if form.outcome not in {o.value for o in Outcome}:
        problems["outcome"] = "Choose Yes, No or Annul."
    evidence = form.evidence_url.strip()
    if evidence and web_url(evidence) is None:
        problems["evidence_url"] = (
            "The evidence link must be a web address starting with https:// or http://."
        )
    if correcting and not form.reason.strip():
        problems["reason"] = "Say why this verdict replaces the current one."
    if problems:
        return problems, None
    try:
        data = ResolutionCreate(
            outcome=Outcome(form.outcome),
            evidence_url=evidence or None,
            note=form.note.strip() or None,
            reason=form.reason.strip() or None,
        )
    except ValidationError as error:
        for problem in error.errors():
            name = str(problem["loc"][0]) if problem["loc"] else "outcome"
            problems[name] = problem["msg"].removeprefix("Value error, ") + "."
        return problems, None
    return problems, data


def _verdict_page(
    request: Request,
    *,
    question: QuestionDetail,
    signed_in: PageSession,
    form: VerdictForm,
    problems: dict[str, str],
    status_code: int,
) -> Response:
    context: dict[str, Any] = {
        "question": question,
        "entered": form,
        "problems": problems,
        "correcting": question.current_resolution is not None,
        "outcomes": OUTCOME_WORDS,
        "csrf_token": signed_in.csrf_token(RESOLVE_FORM),
        "confirming": not problems,
    }
    return form_page(request, "verdict.html", context, status_code=status_code)


@router.post("/questions/{question_id}/resolution")
def resolve_on_page(
    request: Request,
    question_id: PageId,
    signed_in: SignedIn,
    database: DatabaseDep,
    settings: SettingsDep,
    now: NowDep,
    form: Annotated[VerdictForm, Form()],
) -> Response:
    """Check a verdict and ask to confirm it; the confirmed POST resolves (or corrects)."""
    refuse_cross_site(request, settings)
    back = f"/questions/{question_id}"
    refused = _gate(
        request, signed_in, role=Role.reviewer, form=RESOLVE_FORM, token=form.csrf_token, back=back
    )
    if refused is not None:
        return refused
    assert signed_in is not None
    with database.reading() as session:
        question = question_detail(session=session, question_id=question_id)
    problems, data = parse_verdict(form, correcting=question.current_resolution is not None)
    if data is None or form.confirmed != "yes":
        code = status.HTTP_422_UNPROCESSABLE_CONTENT if problems else status.HTTP_200_OK
        return _verdict_page(
            request,
            question=question,
            signed_in=signed_in,
            form=form,
            problems=problems,
            status_code=code,
        )
    try:
        with database.writing() as session:
            resolve_question(
                session=session, question_id=question_id, data=data, actor=signed_in.actor, now=now
            )
    except DomainError as error:
        with database.reading() as session:
            question = question_detail(session=session, question_id=question_id)
        return _verdict_page(
            request,
            question=question,
            signed_in=signed_in,
            form=form,
            problems={error.field: error.message[:1].upper() + error.message[1:] + "."},
            status_code=error.status_code,
        )
    return RedirectResponse(f"{back}#resolution", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/review/next")
def next_due(request: Request, signed_in: SignedIn, database: DatabaseDep, now: NowDep) -> Response:
    """On to the oldest question waiting for this reviewer's verdict (any, for an admin)."""
    if signed_in is None or not signed_in.may(Role.reviewer):
        return RedirectResponse("/login?next=/review/next", status_code=status.HTTP_303_SEE_OTHER)
    with database.reading() as session:
        waiting = due_questions(session=session, now=now)
        if signed_in.reviewer is not None:
            mine = assign(waiting, active_reviewers(session=session))
            waiting = mine.get(signed_in.reviewer.id, [])
    if waiting:
        return RedirectResponse(
            f"/questions/{waiting[0].id}#resolution", status_code=status.HTTP_303_SEE_OTHER
        )
    return form_page(request, "nothing_due.html", {"signed_in": signed_in})


# --- retracting ------------------------------------------------------------------------------


class RetractForm(BaseModel):
    """The retract form as posted."""

    csrf_token: str = ""
    reason: str = ""


@router.post("/claims/{claim_id}/retract")
def retract_on_page(
    request: Request,
    claim_id: PageId,
    signed_in: SignedIn,
    database: DatabaseDep,
    settings: SettingsDep,
    now: NowDep,
    form: Annotated[RetractForm, Form()],
) -> Response:
    """Retract a claim with a reason, as POST /api/v1/claims/{id}/retract does."""
    refuse_cross_site(request, settings)
    with database.reading() as session:
        claim = get_claim(session=session, claim_id=claim_id)
        question = get_question(session=session, question_id=claim.question_id)
    back = f"/questions/{question.id}"
    refused = _gate(
        request, signed_in, role=Role.editor, form=RETRACT_FORM, token=form.csrf_token, back=back
    )
    if refused is not None:
        return refused
    assert signed_in is not None
    problem = ""
    try:
        data = Retraction(reason=form.reason)
        with database.writing() as session:
            retract_claim(
                session=session,
                claim_id=claim_id,
                reason=data.reason,
                actor=signed_in.actor,
                now=now,
            )
    except ValidationError:
        problem, code = "Say why the claim is retracted.", status.HTTP_422_UNPROCESSABLE_CONTENT
    except DomainError as error:
        problem, code = error.message[:1].upper() + error.message[1:] + ".", error.status_code
    if not problem:
        return RedirectResponse(f"{back}#claim-{claim_id}", status_code=status.HTTP_303_SEE_OTHER)
    return form_page(
        request,
        "retract.html",
        {
            "claim": claim,
            "question": question,
            "reason": form.reason,
            "problem": problem,
            "csrf_token": signed_in.csrf_token(RETRACT_FORM),
        },
        status_code=code,
    )
