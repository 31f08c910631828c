"""Signing in to the pages: a signed session cookie, CSRF tokens, /login.

Editors and admins sign in with their API key; reviewers with a mailed one-time link
(service/pages/access.py), which starts a session naming the reviewer instead of a key.

The cookie holds the key's id (never the key) or the reviewer's id, a random nonce and
the time, signed with itsdangerous under the settings' secret key; HttpOnly,
SameSite=Strict, Secure over https. Every request looks the key up again, so revoking it
(`sooth keys revoke`) signs out every browser using it at once; deactivating a reviewer
does the same for theirs. Forms that act as the signed-in person carry a token derived
from the session's nonce and the form's purpose, checked on POST; SameSite=Strict already
keeps the cookie off cross-site requests, so the token is the second wall. Page POSTs whose
Origin header names another site, or whose Sec-Fetch-Site says cross-site, are refused too,
which covers the sign-in forms themselves.

base.html reads the cookie's name (COOKIE) only to label the nav link, never to trust it.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from typing import Annotated, Any, Final
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from itsdangerous import BadSignature, TimestampSigner, URLSafeTimedSerializer

from forecasts.domain import Role
from forecasts.models import ApiKey, Reviewer
from service.database import Database
from service.deps import Caller, Clock, DatabaseDep, SettingsDep
from service.keys import LiveKey, find_key
from service.pages.templating import form_page, templates
from service.settings import Settings

log = logging.getLogger(__name__)

COOKIE: Final = "sooth_session"
MAX_AGE_SECONDS: Final = 12 * 3600
_SALT: Final = "sooth.page-session"
_CSRF_CONTEXT: Final = b"sooth.page-form"
NEEDED_ROLE: Final = Role.editor

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@dataclass(frozen=True)
class SignedInReviewer:
    """The reviewer a sign-in link signed in."""

    id: int
    name: str
    email: str


@dataclass(frozen=True)
class PageSession:
    """A browser signed in with a live editor (or admin) key, or as an active reviewer."""

    key: LiveKey | None
    nonce: str
    secret: str
    reviewer: SignedInReviewer | None = None

    @property
    def role(self) -> Role:
        """What this session may do: its key's role, or reviewer."""
        return self.key.role if self.key is not None else Role.reviewer

    @property
    def name(self) -> str:
        """Who is signed in, for the pages."""
        if self.key is not None:
            return self.key.name
        assert self.reviewer is not None
        return self.reviewer.name

    @property
    def actor(self) -> str:
        """The name recorded against what this session writes (the key's, or the reviewer's)."""
        if self.key is not None:
            return self.key.name
        assert self.reviewer is not None
        return f"reviewer:{self.reviewer.id} {self.reviewer.name}"[:200]

    def may(self, needed: Role) -> bool:
        """Whether this session's role grants `needed` (admin grants everything)."""
        return self.role.may(needed)

    def csrf_token(self, form: str) -> str:
        """The token a form for `form` (e.g. "record", "logout") must send back."""
        who = (
            f"k{self.key.id}" if self.key is not None else f"r{self.reviewer and self.reviewer.id}"
        )
        message = f"{form}:{who}:{self.nonce}".encode()
        key = hmac.new(self.secret.encode(), _CSRF_CONTEXT, hashlib.sha256).digest()
        return hmac.new(key, message, hashlib.sha256).hexdigest()

    def csrf_ok(self, form: str, token: str) -> bool:
        """Whether `token` is this session's token for `form`."""
        return hmac.compare_digest(self.csrf_token(form), token)


def _serializer(request: Request, settings: Settings) -> URLSafeTimedSerializer:
    clock: Clock = request.app.state.clock

    class AppClockSigner(TimestampSigner):
        """Stamps and ages cookies by the app's clock, so tests move time instead of waiting."""

        def get_timestamp(self) -> int:
            return int(clock().timestamp())

    return URLSafeTimedSerializer(settings.resolved_secret_key(), salt=_SALT, signer=AppClockSigner)


def _https(request: Request, settings: Settings) -> bool:
    return request.url.scheme == "https" or settings.base_url.startswith("https://")


def start_session(
    response: Response, *, request: Request, settings: Settings, key: LiveKey
) -> None:
    """Set the signed session cookie for `key` on `response`."""
    value = _serializer(request, settings).dumps(
        {"key": key.id, "prefix": key.prefix, "nonce": secrets.token_urlsafe(16)}
    )
    response.set_cookie(
        COOKIE,
        value,
        max_age=MAX_AGE_SECONDS,
        path="/",
        secure=_https(request, settings),
        httponly=True,
        samesite="strict",
    )


def start_reviewer_session(
    response: Response, *, request: Request, settings: Settings, reviewer_id: int
) -> None:
    """Set the signed session cookie for a reviewer signed in by a mailed link."""
    value = _serializer(request, settings).dumps(
        {"reviewer": reviewer_id, "nonce": secrets.token_urlsafe(16)}
    )
    response.set_cookie(
        COOKIE,
        value,
        max_age=MAX_AGE_SECONDS,
        path="/",
        secure=_https(request, settings),
        httponly=True,
        samesite="strict",
    )


def end_session(response: Response, *, request: Request, settings: Settings) -> None:
    """Remove the session cookie."""
    response.delete_cookie(
        COOKIE, path="/", secure=_https(request, settings), httponly=True, samesite="strict"
    )


def read_session(request: Request, *, database: Database, settings: Settings) -> PageSession | None:
    """The request's session if its cookie is genuine and fresh, and its key live and an
    editor's (or its reviewer active)."""
    raw = request.cookies.get(COOKIE)
    if not raw:
        return None
    secret = settings.resolved_secret_key()
    try:
        data: Any = _serializer(request, settings).loads(raw, max_age=MAX_AGE_SECONDS)
        if "reviewer" in data:
            return _reviewer_session(
                database, int(data["reviewer"]), nonce=str(data["nonce"]), secret=secret
            )
        key_id, prefix, nonce = int(data["key"]), str(data["prefix"]), str(data["nonce"])
    except (BadSignature, KeyError, TypeError, ValueError):
        return None
    with database.reading() as session:
        key = session.get(ApiKey, key_id)
    if key is None or key.revoked_at is not None or key.prefix != prefix:
        return None
    if not key.role.may(NEEDED_ROLE):
        return None
    return PageSession(key=LiveKey.of(key), nonce=nonce, secret=secret)


def _reviewer_session(
    database: Database, reviewer_id: int, *, nonce: str, secret: str
) -> PageSession | None:
    with database.reading() as session:
        reviewer = session.get(Reviewer, reviewer_id)
    if reviewer is None or not reviewer.active or reviewer.id is None:
        return None
    signed_in = SignedInReviewer(id=reviewer.id, name=reviewer.name, email=reviewer.email)
    return PageSession(key=None, nonce=nonce, secret=secret, reviewer=signed_in)


def signed_in_reader(request: Request) -> Caller | None:
    """Who reads through the browser's signed-in session: the holder of its live key, or a
    reviewer signed in by a mailed link; None when the request carries no live session.
    """
    signed_in = read_session(
        request, database=request.app.state.database, settings=request.app.state.settings
    )
    return Caller(key=signed_in.key) if signed_in is not None else None


def current_session(
    request: Request, database: DatabaseDep, settings: SettingsDep
) -> PageSession | None:
    """The signed-in session of this request, or None."""
    return read_session(request, database=database, settings=settings)


SignedIn = Annotated[PageSession | None, Depends(current_session)]


def editor_session(
    request: Request, database: DatabaseDep, settings: SettingsDep
) -> PageSession | None:
    """The signed-in session of this request if it may write as an editor, or None."""
    found = read_session(request, database=database, settings=settings)
    return found if found is not None and found.may(Role.editor) else None


SignedInEditor = Annotated[PageSession | None, Depends(editor_session)]


def same_origin(request: Request, settings: Settings) -> bool:
    """False when a browser says the form was sent from another site (Origin, Sec-Fetch-Site)."""
    fetch_site = request.headers.get("sec-fetch-site", "").lower()
    # "same-site" includes sibling subdomains, which need not be ours.
    if fetch_site in ("cross-site", "same-site"):
        return False
    if fetch_site == "same-origin":
        # The browser vouches for it (no page script can set this header), and it sends
        # "Origin: null" from pages whose Referrer-Policy is no-referrer, as resolve pages'.
        return True
    origin = request.headers.get("origin")
    if origin is None:
        return True  # not a browser form post, or an old browser: the token still applies
    sent_from = urlsplit(origin).netloc.lower()
    ours = {request.headers.get("host", "").lower(), urlsplit(settings.base_url).netloc.lower()}
    return bool(sent_from) and sent_from in ours


def refuse_cross_site(request: Request, settings: Settings) -> None:
    """Raise 403 for a page POST sent from another site."""
    if not same_origin(request, settings):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, detail="This form was sent from another site; refused."
        )


def safe_next(value: str) -> str:
    """A local path to go to after signing in; anything else (other sites) becomes /extract."""
    if value.startswith("/") and not value.startswith(("//", "/\\")):
        return value
    return "/extract"


FormText = Annotated[str, Form(max_length=2000)]


def stale_form_page(request: Request, *, nothing: str = "recorded") -> Response:
    """The 403 page for a form whose token is out of date or was sent from another site."""
    return templates.TemplateResponse(
        request,
        "error.html",
        {
            "status_code": status.HTTP_403_FORBIDDEN,
            "heading": "This form could not be accepted",
            "messages": [
                "It is out of date (you signed in again since it was shown) or it was sent "
                f"from another site. Nothing was {nothing}; reload the page and try again."
            ],
        },
        status_code=status.HTTP_403_FORBIDDEN,
    )


def login_page_response(
    request: Request,
    *,
    signed_in: PageSession | None,
    next_path: str,
    problem: str | None = None,
    email: str = "",
    email_problem: str | None = None,
    link_sent: bool = False,
    status_code: int = status.HTTP_200_OK,
) -> Response:
    """The /login page: the key form, the reviewers' sign-in link form, or who is signed in."""
    context = {
        "signed_in": signed_in,
        "logout_token": signed_in.csrf_token("logout") if signed_in else "",
        "next_path": next_path,
        "problem": problem,
        "email": email,
        "email_problem": email_problem,
        "link_sent": link_sent,
    }
    return form_page(request, "login.html", context, status_code=status_code)


@router.get("/login")
def login_page(
    request: Request, signed_in: SignedIn, settings: SettingsDep, next: str = "/extract"
) -> Response:
    """The sign-in form, or who is signed in and a sign-out button."""
    response = login_page_response(request, signed_in=signed_in, next_path=safe_next(next))
    if signed_in is None and COOKIE in request.cookies:
        end_session(response, request=request, settings=settings)  # stale or revoked
    return response


@router.post("/login")
def login(
    request: Request,
    database: DatabaseDep,
    settings: SettingsDep,
    key: FormText = "",
    next: FormText = "/extract",
) -> Response:
    """Sign in with an editor or admin API key; the cookie carries the key's id, not the key."""
    refuse_cross_site(request, settings)
    next_path = safe_next(next)
    clear = key.strip()
    if not clear:
        return login_page_response(
            request,
            signed_in=None,
            next_path=next_path,
            problem="Enter your API key.",
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    with database.reading() as session:
        found = find_key(session=session, clear=clear)
    if found is None:
        return login_page_response(
            request,
            signed_in=None,
            next_path=next_path,
            problem="That key is unknown or was revoked.",
            status_code=status.HTTP_401_UNAUTHORIZED,
        )
    if not found.role.may(NEEDED_ROLE):
        return login_page_response(
            request,
            signed_in=None,
            next_path=next_path,
            problem=f"Signing in needs an editor or admin key; this key has the "
            f"{found.role.value} role.",
            status_code=status.HTTP_403_FORBIDDEN,
        )
    response = RedirectResponse(next_path, status_code=status.HTTP_303_SEE_OTHER)
    start_session(response, request=request, settings=settings, key=found)
    log.info("page session started for key %s (%s)", found.id, found.role.value)
    return response


@router.post("/logout")
def logout(
    request: Request, signed_in: SignedIn, settings: SettingsDep, csrf_token: FormText = ""
) -> Response:
    """Sign out: the session cookie is removed."""
    refuse_cross_site(request, settings)
    if signed_in is not None and not signed_in.csrf_ok("logout", csrf_token):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            detail="This sign-out form is out of date or came from another site; reload the "
            "page and try again.",
        )
    response = RedirectResponse("/", status_code=status.HTTP_303_SEE_OTHER)
    end_session(response, request=request, settings=settings)
    return response
