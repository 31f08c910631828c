"""How reviewers reach the site without an API key: mailed sign-in links and unsubscribe links.

A sign-in link carries `<reviewer id>.<expiry>` signed as resolve links are
(resolvers/links.py, under a salt of its own); it works for SIGN_IN_MINUTES and once:
signing in inserts the SHA-256 of the token into sign_in_link_use, which succeeds once.
An unsubscribe link (a digest's List-Unsubscribe, RFC 8058) carries the reviewer's id
under a third salt; it does not expire, since all it can do is pause the digest.
At most SIGN_IN_LINKS_PER_WINDOW links go to one reviewer in SIGN_IN_MINUTES, so the form
cannot be used to fill someone's inbox.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from html import escape
from typing import Final

from sqlalchemy import func
from sqlmodel import Session, col, select

from forecasts.models import OutboxMessage, Reviewer, SignInLinkUse
from resolvers.dedup import insert_new
from resolvers.links import (
    ExpiredLinkError,
    ForgedLinkError,
    InactiveReviewerError,
    LinkSigner,
    UsedLinkError,
    token_digest,
)
from resolvers.mail import Composer, mailbox, message_id_for, parse_mailbox
from resolvers.outbox import NewMessage, enqueue
from resolvers.reviewers import ReviewerUpdate, reviewer_by_email, update_reviewer

SIGN_IN_MINUTES: Final = 15
SIGN_IN_SALT: Final = "sooth.sign-in-link.v1"
UNSUBSCRIBE_SALT: Final = "sooth.unsubscribe.v1"
SIGN_IN_KIND: Final = "sign-in"
SIGN_IN_LINKS_PER_WINDOW: Final = 5
"""Links mailed to one reviewer within SIGN_IN_MINUTES; further requests send nothing."""


@dataclass(frozen=True)
class AccessConfig:
    """What access links need from the service's settings."""

    base_url: str
    secret_key: str
    mail_from: str

    def url(self, path: str) -> str:
        """An absolute address on the site."""
        return self.base_url.rstrip("/") + path


def _recent_links(session: Session, reviewer_id: int, now: datetime) -> int:
    """Sign-in links enqueued for the reviewer in the last SIGN_IN_MINUTES."""
    since = now - timedelta(minutes=SIGN_IN_MINUTES)
    query = select(func.count()).where(
        col(OutboxMessage.kind) == SIGN_IN_KIND,
        col(OutboxMessage.key).startswith(f"{SIGN_IN_KIND}:{reviewer_id}:"),
        col(OutboxMessage.created_at) > since,
    )
    return int(session.exec(query).one())


def _sign_in_signer(secret_key: str) -> LinkSigner:
    return LinkSigner(secret_key, salt=SIGN_IN_SALT)


def _unsubscribe_signer(secret_key: str) -> LinkSigner:
    return LinkSigner(secret_key, salt=UNSUBSCRIBE_SALT)


def issue_sign_in_token(*, secret_key: str, reviewer_id: int, expires_at: datetime) -> str:
    """A sign-in token for the reviewer, valid until `expires_at`."""
    value = f"{reviewer_id}.{int(expires_at.timestamp())}"
    return _sign_in_signer(secret_key).sign(value)


def _sign_in_reviewer(
    *, session: Session, secret_key: str, token: str, now: datetime
) -> tuple[Reviewer, str]:
    value = _sign_in_signer(secret_key).unsign(token)
    forged = ForgedLinkError(
        "The link is incomplete or was not made by this service. Open it again from the "
        "email, copying the whole address, or ask for a new one."
    )
    try:
        reviewer_id, expiry = (int(part) for part in (value or "").split("."))
    except ValueError:
        raise forged from None
    if now.timestamp() >= expiry:
        raise ExpiredLinkError(
            f"Sign-in links work for {SIGN_IN_MINUTES} minutes. Ask for a new one below."
        )
    digest = token_digest(token)
    if session.get(SignInLinkUse, digest) is not None:
        raise UsedLinkError("Each sign-in link works once. Ask for a new one below.")
    reviewer = session.get(Reviewer, reviewer_id)
    if reviewer is None or not reviewer.active:
        raise InactiveReviewerError("The reviewer this link was sent to is no longer active.")
    return reviewer, digest


def check_sign_in(*, session: Session, secret_key: str, token: str, now: datetime) -> Reviewer:
    """The reviewer a usable sign-in token names; LinkRefusedError otherwise. Changes nothing."""
    reviewer, _ = _sign_in_reviewer(session=session, secret_key=secret_key, token=token, now=now)
    return reviewer


def spend_sign_in(*, session: Session, secret_key: str, token: str, now: datetime) -> Reviewer:
    """Spend a sign-in token in the caller's transaction; the reviewer it signs in."""
    reviewer, digest = _sign_in_reviewer(
        session=session, secret_key=secret_key, token=token, now=now
    )
    assert reviewer.id is not None
    spent = insert_new(
        session,
        SignInLinkUse.__table__,  # type: ignore[attr-defined]
        [{"token_digest": digest, "reviewer_id": reviewer.id, "used_at": now}],
        key="token_digest",
    )
    if len(spent) != 1:
        raise UsedLinkError("This link was used a moment ago, and each link works once.")
    return reviewer


def send_sign_in_link(*, session: Session, config: AccessConfig, email: str, now: datetime) -> bool:
    """Enqueue a sign-in link for the active reviewer with this address; False if there is none.

    Callers must answer the same either way: the answer must not tell whether an address
    belongs to a reviewer.
    """
    reviewer = reviewer_by_email(session=session, email=email)
    if reviewer is None or reviewer.id is None:
        return False
    if _recent_links(session, reviewer.id, now) >= SIGN_IN_LINKS_PER_WINDOW:
        return False  # someone is filling the reviewer's inbox; the links sent still work
    expires_at = now + timedelta(minutes=SIGN_IN_MINUTES)
    token = issue_sign_in_token(
        secret_key=config.secret_key, reviewer_id=reviewer.id, expires_at=expires_at
    )
    link = config.url(f"/sign-in/{token}")
    key = f"{SIGN_IN_KIND}:{reviewer.id}:{token_digest(token)[:32]}"
    sender = parse_mailbox(config.mail_from)
    message_id = message_id_for(key, sender.domain)
    subject = "Your Sooth sign-in link"
    text = (
        f"Hello {reviewer.name},\n\n"
        f"Open this link to sign in to Sooth as a reviewer:\n\n{link}\n\n"
        f"It works once, for {SIGN_IN_MINUTES} minutes. Opening it shows a button; "
        "nothing happens until you press it.\n"
        "If you did not ask for it, ignore this message: nobody can sign in without it.\n"
    )
    html = (
        f"<p>Hello {escape(reviewer.name)},</p>"
        f'<p><a href="{escape(link)}">Sign in to Sooth as a reviewer</a></p>'
        f"<p>The link works once, for {SIGN_IN_MINUTES} minutes. If you did not ask for "
        "it, ignore this message: nobody can sign in without it.</p>"
    )
    enqueue(
        session=session,
        messages=[
            NewMessage(
                key=key,
                kind=SIGN_IN_KIND,
                recipient=reviewer.email,
                subject=subject,
                message_id=message_id,
                message=Composer(sender=sender, date=now).compose(
                    recipient=mailbox(reviewer.name, reviewer.email),
                    subject=subject,
                    text=text,
                    html=html,
                    message_id=message_id,
                ),
            )
        ],
        now=now,
    )
    return True


def unsubscribe_token(*, secret_key: str, reviewer_id: int) -> str:
    """The token of a reviewer's one-click unsubscribe link."""
    return _unsubscribe_signer(secret_key).sign(str(reviewer_id))


def unsubscribe_reviewer(*, session: Session, secret_key: str, token: str) -> Reviewer:
    """The reviewer an unsubscribe token names; LinkRefusedError when it names none."""
    value = _unsubscribe_signer(secret_key).unsign(token)
    reviewer = session.get(Reviewer, int(value)) if value and value.isdigit() else None
    if reviewer is None:
        raise ForgedLinkError(
            "The link is incomplete or was not made by this service. Open it again from "
            "your digest email, copying the whole address."
        )
    return reviewer


def pause_digest(*, session: Session, secret_key: str, token: str) -> Reviewer:
    """Pause the digest of the reviewer an unsubscribe token names (again is harmless)."""
    reviewer = unsubscribe_reviewer(session=session, secret_key=secret_key, token=token)
    assert reviewer.id is not None
    return update_reviewer(
        session=session, reviewer_id=reviewer.id, data=ReviewerUpdate(digest_paused=True)
    )
