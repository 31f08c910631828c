"""Reviewers' own pages: a sign-in link by mail, /settings for the digest, one-click unsubscribe.

POST /login/link answers the same whatever the address: a link goes out only when it is
an active reviewer's, and the page never says whether it was. The mail is enqueued in the
outbox like a digest, and the outbox is sent right after the answer has gone. Opening
/sign-in/<token> changes nothing (mail scanners open links); its button spends the link
and starts the session. /unsubscribe/<token> is a digest's List-Unsubscribe address: its
POST, from a mail client (RFC 8058) or from the page's button, pauses the digest.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Final
from zoneinfo import available_timezones

from fastapi import APIRouter, BackgroundTasks, Form, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError

from forecasts.domain import DomainError
from forecasts.models import Reviewer
from resolvers.access import (
    SIGN_IN_MINUTES,
    AccessConfig,
    check_sign_in,
    pause_digest,
    send_sign_in_link,
    spend_sign_in,
    unsubscribe_reviewer,
)
from resolvers.jobs import Job, delivery_job
from resolvers.links import LinkRefusedError
from resolvers.reviewers import ReviewerUpdate, check_email, get_reviewer, update_reviewer
from service.database import Database
from service.deps import Clock, DatabaseDep, NowDep, SettingsDep
from service.pages.resolve import PRIVATE
from service.pages.session import (
    PageSession,
    SignedIn,
    login_page_response,
    refuse_cross_site,
    stale_form_page,
    start_reviewer_session,
)
from service.pages.templating import form_page, templates
from service.scheduler import JobRunner, mail_transport
from service.settings import Settings

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

# As the resolve page's, but Referer is kept within the site: under no-referrer, browsers
# send "Origin: null" with the page's own form, which the cross-site check refuses.
LINK_PAGE = PRIVATE | {"Referrer-Policy": "same-origin"}

SETTINGS_FORM: Final = "settings"
WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TIMEZONES: Final = tuple(sorted(available_timezones()))

FormText = Annotated[str, Form(max_length=2000)]


def access_config(settings: Settings) -> AccessConfig:
    """What sign-in and unsubscribe links need from the settings."""
    return AccessConfig(
        base_url=settings.base_url,
        secret_key=settings.resolved_secret_key(),
        mail_from=settings.mail_from,
    )


def _send_outbox(database: Database, settings: Settings, clock: Clock) -> None:
    JobRunner(database, clock=clock).run(
        Job("deliver_outbox", delivery_job(mail_transport(settings)))
    )


@router.post("/login/link")
def request_sign_in_link(
    request: Request,
    background: BackgroundTasks,
    database: DatabaseDep,
    settings: SettingsDep,
    now: NowDep,
    email: FormText = "",
) -> Response:
    """Mail a one-time sign-in link to a reviewer; the answer is the same for any address."""
    refuse_cross_site(request, settings)
    address = email.strip()
    try:
        check_email(address)
    except ValueError as error:
        return login_page_response(
            request,
            signed_in=None,
            next_path="/extract",
            email=address,
            email_problem=f"{error}.",
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    with database.writing() as session:
        send_sign_in_link(session=session, config=access_config(settings), email=address, now=now)
    # Sent after the answer, known address or not, so its timing tells nothing either.
    background.add_task(_send_outbox, database, settings, request.app.state.clock)
    return login_page_response(
        request, signed_in=None, next_path="/extract", email=address, link_sent=True
    )


def _refused(request: Request, refusal: LinkRefusedError) -> Response:
    return templates.TemplateResponse(
        request,
        "resolve_refused.html",
        {
            "heading": refusal.title,
            "message": refusal.message,
            "status_code": refusal.status_code,
            "sign_in_again": True,
        },
        status_code=refusal.status_code,
        headers=LINK_PAGE,
    )


def _link_page(
    request: Request, *, template: str, reviewer_of: Callable[[], Reviewer], shown: dict[str, Any]
) -> Response:
    """The page a mailed link opens, about the reviewer `reviewer_of` finds it names; the
    refusal page when it names nobody (or is spent, or out of date).
    """
    try:
        reviewer = reviewer_of()
    except LinkRefusedError as refusal:
        return _refused(request, refusal)
    return templates.TemplateResponse(
        request, template, {"reviewer": reviewer, **shown}, headers=LINK_PAGE
    )


@router.get("/sign-in/{token}")
def sign_in_page(
    request: Request, token: str, database: DatabaseDep, settings: SettingsDep, now: NowDep
) -> Response:
    """The page a mailed sign-in link opens: whose it is, and the button that signs in."""

    def reviewer_of() -> Reviewer:
        with database.reading() as session:
            return check_sign_in(
                session=session, secret_key=settings.resolved_secret_key(), token=token, now=now
            )

    shown = {"token": token, "minutes": SIGN_IN_MINUTES}
    return _link_page(request, template="sign_in.html", reviewer_of=reviewer_of, shown=shown)


@router.post("/sign-in/{token}")
def sign_in(
    request: Request, token: str, database: DatabaseDep, settings: SettingsDep, now: NowDep
) -> Response:
    """Spend the link and sign its reviewer in; then on to the next question due."""
    refuse_cross_site(request, settings)
    try:
        with database.writing() as session:
            reviewer = spend_sign_in(
                session=session, secret_key=settings.resolved_secret_key(), token=token, now=now
            )
            reviewer_id = reviewer.id
    except LinkRefusedError as refusal:
        return _refused(request, refusal)
    assert reviewer_id is not None
    response = RedirectResponse("/review/next", status_code=status.HTTP_303_SEE_OTHER)
    start_reviewer_session(response, request=request, settings=settings, reviewer_id=reviewer_id)
    return response


# --- /settings -------------------------------------------------------------------------------


class SettingsForm(BaseModel):
    """The digest settings form as posted."""

    csrf_token: str = ""
    digest_weekday: str = ""
    digest_hour: str = ""
    timezone: str = ""
    digest_paused: str = ""


def _settings_page(
    request: Request,
    *,
    signed_in: PageSession | None,
    reviewer: Reviewer | None,
    values: dict[str, str] | None = None,
    problems: dict[str, str] | None = None,
    saved: bool = False,
    status_code: int = status.HTTP_200_OK,
) -> Response:
    if values is None and reviewer is not None:
        values = {
            "digest_weekday": str(reviewer.digest_weekday),
            "digest_hour": str(reviewer.digest_hour),
            "timezone": reviewer.timezone,
            "digest_paused": "on" if reviewer.digest_paused else "",
        }
    context: dict[str, Any] = {
        "signed_in": signed_in,
        "reviewer": reviewer,
        "values": values or {},
        "problems": problems or {},
        "saved": saved,
        "weekdays": WEEKDAYS,
        "timezones": TIMEZONES,
        "csrf_token": signed_in.csrf_token(SETTINGS_FORM) if signed_in else "",
    }
    return form_page(request, "settings.html", context, status_code=status_code)


def _signed_in_reviewer(database: Database, signed_in: PageSession | None) -> Reviewer | None:
    if signed_in is None or signed_in.reviewer is None:
        return None
    with database.reading() as session:
        return get_reviewer(session=session, reviewer_id=signed_in.reviewer.id)


@router.get("/settings")
def settings_page(
    request: Request, signed_in: SignedIn, database: DatabaseDep, saved: int = 0
) -> Response:
    """A signed-in reviewer's digest settings: weekday, hour, time zone, paused or not."""
    reviewer = _signed_in_reviewer(database, signed_in)
    code = status.HTTP_200_OK if reviewer else status.HTTP_401_UNAUTHORIZED
    return _settings_page(
        request, signed_in=signed_in, reviewer=reviewer, saved=bool(saved), status_code=code
    )


def _whole(text: str, field: str, problems: dict[str, str], message: str) -> int | None:
    if not text.strip().isdigit():
        problems[field] = message
        return None
    return int(text)


@router.post("/settings")
def save_settings(
    request: Request,
    signed_in: SignedIn,
    database: DatabaseDep,
    settings: SettingsDep,
    form: Annotated[SettingsForm, Form()],
) -> Response:
    """Change the signed-in reviewer's digest settings, as PATCH /api/v1/reviewers/{id} does."""
    refuse_cross_site(request, settings)
    reviewer = _signed_in_reviewer(database, signed_in)
    if signed_in is None or reviewer is None or reviewer.id is None:
        return _settings_page(
            request,
            signed_in=signed_in,
            reviewer=None,
            status_code=status.HTTP_401_UNAUTHORIZED,
        )
    if not signed_in.csrf_ok(SETTINGS_FORM, form.csrf_token):
        return stale_form_page(request, nothing="changed")
    values = form.model_dump(exclude={"csrf_token"})
    problems: dict[str, str] = {}
    weekday = _whole(form.digest_weekday, "digest_weekday", problems, "Choose a weekday.")
    hour = _whole(form.digest_hour, "digest_hour", problems, "Choose an hour from 0 to 23.")
    if not problems:
        try:
            update = ReviewerUpdate(
                digest_weekday=weekday,
                digest_hour=hour,
                timezone=form.timezone.strip(),
                digest_paused=bool(form.digest_paused),
            )
            with database.writing() as session:
                update_reviewer(session=session, reviewer_id=reviewer.id, data=update)
        except ValidationError as error:
            for problem in error.errors():
                name = str(problem["loc"][0]) if problem["loc"] else "timezone"
                problems[name] = problem["msg"].removeprefix("Value error, ") + "."
        except DomainError as error:
            problems[error.field] = error.message
    if problems:
        return _settings_page(
            request,
            signed_in=signed_in,
            reviewer=reviewer,
            values=values,
            problems=problems,
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    return RedirectResponse("/settings?saved=1", status_code=status.HTTP_303_SEE_OTHER)


# --- one-click unsubscribe -------------------------------------------------------------------


def _unsubscribe_page(
    request: Request, *, token: str, database: Database, settings: Settings, pause: bool
) -> Response:
    """The page of an unsubscribe link: a button that pauses the digest, or, once `pause`
    has paused it, word that it is paused.
    """

    def reviewer_of() -> Reviewer:
        find = pause_digest if pause else unsubscribe_reviewer
        with database.writing() if pause else database.reading() as session:
            return find(session=session, secret_key=settings.resolved_secret_key(), token=token)

    shown = {"token": token, "paused": pause}
    return _link_page(request, template="unsubscribe.html", reviewer_of=reviewer_of, shown=shown)


@router.get("/unsubscribe/{token}")
def unsubscribe_page(
    request: Request, token: str, database: DatabaseDep, settings: SettingsDep
) -> Response:
    """What the digest's unsubscribe link opens: a button that pauses the digest."""
    return _unsubscribe_page(
        request, token=token, database=database, settings=settings, pause=False
    )


@router.post("/unsubscribe/{token}")
def unsubscribe(
    request: Request, token: str, database: DatabaseDep, settings: SettingsDep
) -> Response:
    """Pause the digest (RFC 8058 one-click: no session and no form token, the link is the key)."""
    # No Origin check: RFC 8058 POSTs come from mail providers, and all this can do is pause.
    return _unsubscribe_page(request, token=token, database=database, settings=settings, pause=True)
