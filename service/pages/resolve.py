"""The resolve page: /resolve/<token> from a digest email.

GET shows the question and the choices and changes nothing (mail scanners open links);
only the POST from that page resolves, as the reviewer the link was made for, and spends
the link. Refused links get a page saying why, with a 4xx status.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError
from sqlmodel import Session

from forecasts.domain import DomainError, Outcome
from forecasts.schemas import ResolutionCreate
from forecasts.sources import get_source
from resolvers.links import LinkRefusedError, LinkSigner, OpenedLink, open_link, resolve_with_link
from service.deps import DatabaseDep, NowDep, ReadSessionDep, SettingsDep
from service.pages.session import refuse_cross_site
from service.pages.templating import templates, web_url
from service.views import question_detail

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

# The token is a capability: keep the page out of caches, search engines and Referer headers.
PRIVATE = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
}
OUTCOME_WORDS = {Outcome.yes: "Yes", Outcome.no: "No", Outcome.annulled: "Annul"}

FormText = Annotated[str, Form(max_length=10_000)]


@router.get("/resolve/{token}")
def resolve_page(
    request: Request, token: str, session: ReadSessionDep, settings: SettingsDep, now: NowDep
) -> Response:
    """The question a resolve link names, with the form that resolves it."""
    signer = LinkSigner(settings.resolved_secret_key())
    try:
        opened = open_link(session=session, signer=signer, token=token, now=now)
    except LinkRefusedError as refusal:
        return _refused(request, refusal)
    return _form(request, session, opened, token)


@router.post("/resolve/{token}")
def resolve_submit(
    request: Request,
    token: str,
    database: DatabaseDep,
    settings: SettingsDep,
    now: NowDep,
    outcome: FormText = "",
    evidence_url: FormText = "",
    note: FormText = "",
    value: FormText = "",
) -> Response:
    """Resolve the question as the link's reviewer; the link then no longer works."""
    refuse_cross_site(request, settings)
    signer = LinkSigner(settings.resolved_secret_key())
    entered = {
        "outcome": outcome,
        "evidence_url": evidence_url.strip(),
        "note": note.strip(),
        "value": value.strip(),
    }
    problems, data = _parse(entered)
    if data is None:
        return _form_again(request, database, signer, token, now, entered, problems)
    try:
        # Its own transaction: a refused or failed resolution rolls back the spent link too.
        with database.writing() as session:
            resolution = resolve_with_link(
                session=session, signer=signer, token=token, data=data, now=now
            )
            detail = question_detail(session=session, question_id=resolution.question_id)
    except LinkRefusedError as refusal:
        return _refused(request, refusal)
    except DomainError as error:
        return _form_again(
            request, database, signer, token, now, entered, [error.message], error.status_code
        )
    return templates.TemplateResponse(
        request,
        "resolve_done.html",
        {"question": detail, "resolution": resolution},
        headers=PRIVATE,
    )


def _parse(entered: dict[str, str]) -> tuple[list[str], ResolutionCreate | None]:
    problems = []
    measured: float | None = None
    if entered["outcome"] not in {o.value for o in Outcome}:
        problems.append("Choose Yes, No or Annul.")
    elif entered["outcome"] == Outcome.value:
        measured = _number(entered["value"])
        if measured is None:
            problems.append("Enter the value as a number, such as 2.9 or -0.4.")
    if entered["evidence_url"] and web_url(entered["evidence_url"]) is None:
        problems.append(
            "The evidence link must be a web address starting with https:// or http://."
        )
    if problems:
        return problems, None
    try:
        data = ResolutionCreate(
            outcome=Outcome(entered["outcome"]),
            value=measured,
            evidence_url=entered["evidence_url"] or None,
            note=entered["note"] or None,
        )
    except ValidationError as error:
        return [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()], None
    return [], data


def _number(text: str) -> float | None:
    """The finite number a reviewer typed, accepting a decimal comma and a thin space; or None."""
    cleaned = text.replace("\u2009", "").replace(" ", "").replace(",", ".").removesuffix("%")
    try:
        number = float(cleaned)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _form(
    request: Request,
    session: Session,
    opened: OpenedLink,
    token: str,
    *,
    entered: dict[str, str] | None = None,
    problems: list[str] | None = None,
    status_code: int = 200,
) -> Response:
    assert opened.question.id is not None
    detail = question_detail(session=session, question_id=opened.question.id)
    names = {
        slug: get_source(session=session, slug=slug).name
        for slug in {claim.source for claim in detail.claims}
    }
    context: dict[str, Any] = {
        "question": detail,
        "source_names": names,
        "reviewer": opened.reviewer,
        "expires_at": opened.link.expires_at,
        "token": token,
        "outcomes": OUTCOME_WORDS,
        "entered": entered or {"outcome": "", "evidence_url": "", "note": "", "value": ""},
        "problems": problems or [],
    }
    return templates.TemplateResponse(
        request, "resolve.html", context, status_code=status_code, headers=PRIVATE
    )


def _form_again(
    request: Request,
    database: DatabaseDep,
    signer: LinkSigner,
    token: str,
    now: NowDep,
    entered: dict[str, str],
    problems: list[str],
    status_code: int = 422,
) -> Response:
    """The form with what was entered and what is wrong with it; nothing was stored."""
    with database.reading() as session:
        try:
            opened = open_link(session=session, signer=signer, token=token, now=now)
        except LinkRefusedError as refusal:
            return _refused(request, refusal)
        return _form(
            request,
            session,
            opened,
            token,
            entered=entered,
            problems=problems,
            status_code=status_code,
        )


def _refused(request: Request, refusal: LinkRefusedError) -> Response:
    return templates.TemplateResponse(
        request,
        "resolve_refused.html",
        {"heading": refusal.title, "message": refusal.message, "status_code": refusal.status_code},
        status_code=refusal.status_code,
        headers=PRIVATE,
    )
