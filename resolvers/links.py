"""Signed, expiring, one-time resolve links: /resolve/<token>.

A token is `<question id>.<reviewer id>.<expiry, Unix seconds>.<MAC>`, signed through
itsdangerous with a key derived from the service's secret key; the MAC is keyed BLAKE2s
with a 128-bit tag. It is checked against the injected clock, not the
wall clock, and it is spent by inserting its digest into resolve_link_use in the same
transaction as the resolution: the insert succeeds once, so a token resolves once however
many requests race, and a failed resolution leaves it unspent.
"""

from __future__ import annotations

import hashlib
from base64 import urlsafe_b64encode
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from hashlib import blake2s

from itsdangerous import BadSignature, Signer
from itsdangerous.signer import SigningAlgorithm
from sqlmodel import Session

from forecasts.domain import DomainError, Status
from forecasts.models import Question, Resolution, ResolveLinkUse, Reviewer
from forecasts.quantities import measured
from forecasts.schemas import ResolutionCreate
from resolvers.dedup import insert_new
from resolvers.resolutions import current_resolution, resolve_question
from resolvers.reviewers import reviewer_actor

SALT = "sooth.resolve-link.v1"
TAG_BYTES = 16


class LinkRefusedError(Exception):
    """A resolve link that cannot be used; `status_code` and `title` are for the page."""

    status_code = 400
    title = "This link cannot be used"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ForgedLinkError(LinkRefusedError):
    """The token was not signed by this service, or was altered."""

    status_code = 400
    title = "This link is not valid"


class ExpiredLinkError(LinkRefusedError):
    """The token's expiry has passed."""

    status_code = 410
    title = "This link has expired"


class UsedLinkError(LinkRefusedError):
    """The token was already used to resolve its question."""

    status_code = 410
    title = "This link was already used"


class ClosedQuestionError(LinkRefusedError):
    """The question was resolved or annulled by other means."""

    status_code = 409
    title = "This question is already resolved"


class InactiveReviewerError(LinkRefusedError):
    """The reviewer the link was made for is gone or no longer active."""

    status_code = 403
    title = "This link's reviewer is no longer active"


class ReassignedQuestionError(LinkRefusedError):
    """The question was assigned to another reviewer after the link was sent."""

    status_code = 403
    title = "This question was reassigned"


@dataclass(frozen=True)
class ResolveLink:
    """What a valid token names."""

    token: str
    question_id: int
    reviewer_id: int
    expires_at: datetime

    @property
    def digest(self) -> str:
        """The token's SHA-256, the key under which its use is recorded."""
        return token_digest(self.token)


def token_digest(token: str) -> str:
    """SHA-256 of a token, hex."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class _Blake2sMac(SigningAlgorithm):
    # Keyed BLAKE2s is a MAC by design and a third of HMAC-SHA256's cost, which matters at
    # 100,000 links a round; 128 bits of tag keep forgery out of reach and links short.
    def get_signature(self, key: bytes, value: bytes) -> bytes:
        return blake2s(value, key=key, digest_size=TAG_BYTES).digest()


class LinkSigner:
    """Issues and reads resolve-link tokens under one secret key."""

    def __init__(self, secret_key: str, *, salt: str = SALT) -> None:
        signer = Signer(
            secret_key,
            salt=salt,
            sep=".",
            key_derivation="hmac",
            digest_method=hashlib.sha256,
            algorithm=_Blake2sMac(),
        )
        self._key = signer.derive_key()
        # Deriving the key is a hash per call in itsdangerous; it never changes, so once.
        signer.derive_key = lambda secret_key=None: self._key  # type: ignore[method-assign]
        self._signer = signer

    def issue(self, *, question_id: int, reviewer_id: int, expires_at: datetime) -> str:
        """A token naming the question and reviewer, valid until `expires_at`."""
        value = f"{question_id}.{reviewer_id}.{int(expires_at.timestamp())}"
        return self._signer.sign(value).decode("ascii")

    def issue_many(
        self, *, question_ids: Sequence[int], reviewer_id: int, expires_at: datetime
    ) -> list[str]:
        """issue() for many questions of one reviewer: the same tokens, made in one pass."""
        # Signer.sign per token costs half a second per 100,000 links in layers of calls;
        # this computes the same MAC and encoding directly (tests hold it to issue()).
        key = self._key
        suffix = f".{reviewer_id}.{int(expires_at.timestamp())}"
        tokens = []
        for question_id in question_ids:
            value = f"{question_id}{suffix}"
            mac = blake2s(value.encode("ascii"), key=key, digest_size=TAG_BYTES).digest()
            tokens.append(f"{value}.{urlsafe_b64encode(mac).rstrip(b'=').decode('ascii')}")
        return tokens

    def sign(self, value: str) -> str:
        """A token carrying `value` (ASCII, without the separator's meaning) and its MAC."""
        return self._signer.sign(value).decode("ascii")

    def unsign(self, token: str) -> str | None:
        """The value of a token this signer issued, spelled exactly as issued; else None."""
        try:
            value = self._signer.unsign(token.encode("utf-8")).decode("ascii")
        except (BadSignature, UnicodeError, ValueError):
            return None
        return value if token == self.sign(value) else None

    def read(self, token: str, *, now: datetime) -> ResolveLink:
        """The link a token names; ForgedLinkError or ExpiredLinkError when it cannot be used."""
        forged = ForgedLinkError(
            "The link is incomplete or was not made by this service. Open it again "
            "from your digest email, copying the whole address."
        )
        try:
            value = self._signer.unsign(token.encode("utf-8")).decode("ascii")
            question, reviewer, expiry = (int(part) for part in value.split("."))
        except (BadSignature, UnicodeError, ValueError):
            raise forged from None
        # Only the exact token issued is accepted: base64 lets a few spellings decode to the
        # same signature (and "007" parses as 7), and each spelling would be a fresh token
        # to the one-time check, which is keyed on the token.
        if token != self._signer.sign(value).decode("ascii") or value != (
            f"{question}.{reviewer}.{expiry}"
        ):
            raise forged
        expires_at = datetime.fromtimestamp(expiry, UTC)
        if now >= expires_at:
            raise ExpiredLinkError(
                f"The link expired on {expires_at:%d %b %Y at %H:%M} UTC. Your next "
                "weekly digest brings a fresh one while the question is still due."
            )
        return ResolveLink(
            token=token, question_id=question, reviewer_id=reviewer, expires_at=expires_at
        )


@dataclass(frozen=True)
class OpenedLink:
    """A usable link with the question and reviewer it names."""

    link: ResolveLink
    question: Question
    reviewer: Reviewer


def open_link(*, session: Session, signer: LinkSigner, token: str, now: datetime) -> OpenedLink:
    """Check a token for showing its page; raises LinkRefusedError. Changes nothing."""
    link = signer.read(token, now=now)
    if session.get(ResolveLinkUse, link.digest) is not None:
        raise UsedLinkError("It has resolved its question already, and each link works once.")
    reviewer = session.get(Reviewer, link.reviewer_id)
    if reviewer is None or not reviewer.active:
        raise InactiveReviewerError(
            "The reviewer this link was sent to is no longer active, so it cannot resolve "
            "questions any more."
        )
    question = session.get(Question, link.question_id)
    if question is None:
        raise ForgedLinkError("The question this link names no longer exists.")
    if question.status in (Status.resolved, Status.annulled):
        raise _closed(session, question)
    if question.reviewer_id is not None and question.reviewer_id != reviewer.id:
        raise ReassignedQuestionError(
            "The question was reassigned to another reviewer after this link was sent, so "
            "it is theirs to resolve now; this link no longer works."
        )
    return OpenedLink(link=link, question=question, reviewer=reviewer)


def resolve_with_link(
    *, session: Session, signer: LinkSigner, token: str, data: ResolutionCreate, now: datetime
) -> Resolution:
    """Spend the token and resolve its question as its reviewer, in the caller's transaction."""
    opened = open_link(session=session, signer=signer, token=token, now=now)
    link = opened.link
    spent = insert_new(
        session,
        ResolveLinkUse.__table__,  # type: ignore[attr-defined]
        [
            {
                "token_digest": link.digest,
                "question_id": link.question_id,
                "reviewer_id": link.reviewer_id,
                "used_at": now,
            }
        ],
        key="token_digest",
    )
    if len(spent) != 1:
        raise UsedLinkError("This link was used a moment ago, and each link works once.")
    try:
        return resolve_question(
            session=session,
            question_id=link.question_id,
            data=data,
            actor=reviewer_actor(opened.reviewer),
            now=now,
        )
    except DomainError as error:
        if error.field == "reason":  # someone else resolved it since the page was opened
            raise _closed(session, opened.question) from None
        raise


def _closed(session: Session, question: Question) -> ClosedQuestionError:
    assert question.id is not None
    current = current_resolution(session=session, question_id=question.id)
    if current is None:
        return ClosedQuestionError("This question is no longer waiting for a resolution.")
    verdict = current.outcome.value
    if current.value is not None:
        verdict = f"at {measured(current.value, question.unit)}"
    return ClosedQuestionError(
        f"It was resolved {verdict} on {current.resolved_at:%d %b %Y} "
        f"by {current.resolved_by}. A correction needs the API, with a reason."
    )
