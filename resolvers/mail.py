"""Outgoing mail: composing a message safely, and the transports that carry it.

Messages are built with email.message.EmailMessage under the SMTP policy, with addresses
as Address objects; names and subjects are reduced to one line first, so no value taken
from the database can start a header of its own. Two transports: SMTP (one connection for
a batch) and .eml files in a directory, the local default.
"""

from __future__ import annotations

import binascii
import os
import re
import secrets
import smtplib
import ssl
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from functools import lru_cache
from pathlib import Path
from typing import Literal, Protocol

_LINE_BREAKS = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")
_MESSAGE_ID_UNSAFE = re.compile(r"[^A-Za-z0-9.-]+")
_FILE_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MESSAGE_ID = re.compile(r"<[A-Za-z0-9.-]+@[A-Za-z0-9.-]+>")
_MAX_LINE = 998
"""RFC 5322's limit on a line, in octets, without its CRLF."""
_SHORT_HEADER = 900


class DeliveryError(Exception):
    """A message could not be handed over."""


class MessageRejectedError(DeliveryError):
    """The server refused this one message; the connection can carry the next."""


class TransportUnavailableError(DeliveryError):
    """The server cannot be reached or dropped the connection; nothing more goes this round."""


def one_line(value: str) -> str:
    """`value` with line breaks and control characters collapsed to single spaces."""
    return _LINE_BREAKS.sub(" ", value).strip()


def mailbox(name: str, address: str) -> Address:
    """An address for a header, its display name reduced to one line."""
    username, at, domain = address.strip().rpartition("@")
    if not (at and username and domain):
        raise ValueError(f"{address!r} is not a mail address like name@example.org")
    # Given as parts, not as addr_spec: the Address then skips a slow parse of its own.
    return Address(display_name=one_line(name), username=username, domain=domain)


def parse_mailbox(value: str) -> Address:
    """'Name <user@host>' or 'user@host' as an Address; ValueError when it is neither."""
    name, address = parseaddr(one_line(value))
    if "@" not in address:
        raise ValueError(f"{value!r} is not a mail address like 'Sooth <sooth@example.org>'")
    return mailbox(name, address)


def message_id_for(key: str, domain: str) -> str:
    """A Message-ID from an outbox key: digest:12:2026-W10 -> <digest.12.2026-W10@domain>."""
    left = _MESSAGE_ID_UNSAFE.sub(".", key).strip(".") or "message"
    right = _MESSAGE_ID_UNSAFE.sub(".", domain).strip(".") or "localhost"
    return f"<{left}@{right}>"


class Composer:
    """Composes the messages of one round: one sender and one date, many recipients.

    The header fields carrying names and subjects go through EmailMessage under the SMTP
    policy, as Address objects. The email package parses and refolds every field it is
    given, a millisecond a message, so what a round shares (From, Date, the MIME
    structure) is rendered once, repeated subjects are cached, and a plain ASCII
    recipient is written as its Address renders itself (what the policy writes for it);
    anything else takes the full path. The two parts are written as 7bit when they are
    ASCII with short lines, as base64 otherwise.
    """

    def __init__(self, *, sender: Address, date: datetime) -> None:
        self._boundary = f"=_sooth_{secrets.token_hex(12)}"
        self._shared = header_lines([("From", sender)]) + (
            f"Date: {format_datetime(date)}\r\n"
            "Auto-Submitted: auto-generated\r\n"
            "MIME-Version: 1.0\r\n"
            f'Content-Type: multipart/alternative; boundary="{self._boundary}"\r\n'
        ).encode("ascii")

    def compose(
        self,
        *,
        recipient: Address,
        subject: str,
        text: str,
        html: str,
        message_id: str,
        extra_headers: Sequence[tuple[str, str]] = (),
    ) -> bytes:
        """The message as it goes on the wire: text and HTML alternatives, CRLF line ends.

        `extra_headers` are ASCII fields written as given (List-Unsubscribe and the like).
        """
        if not _MESSAGE_ID.fullmatch(message_id):
            raise ValueError(f"{message_id!r} is not a Message-ID made by message_id_for")
        boundary = self._boundary.encode("ascii")
        extra = b"".join(
            f"{name}: {one_line(value)}\r\n".encode("ascii") for name, value in extra_headers
        )
        return b"".join(
            (
                self._shared,
                _recipient_header(recipient),
                _subject_header(one_line(subject)),
                b"Message-ID: " + message_id.encode("ascii") + b"\r\n",
                extra,
                b"\r\n--" + boundary + b"\r\n",
                _part("text/plain", text.encode("utf-8")),
                b"\r\n--" + boundary + b"\r\n",
                # Character references keep the HTML part ASCII, so it can travel as 7bit.
                _part("text/html", html.encode("ascii", "xmlcharrefreplace")),
                b"\r\n--" + boundary + b"--\r\n",
            )
        )


def compose(
    *,
    sender: Address,
    recipient: Address,
    subject: str,
    text: str,
    html: str,
    message_id: str,
    date: datetime,
) -> bytes:
    """One message with text and HTML alternatives (see Composer)."""
    return Composer(sender=sender, date=date).compose(
        recipient=recipient, subject=subject, text=text, html=html, message_id=message_id
    )


def header_lines(fields: list[tuple[str, object]]) -> bytes:
    """Header fields as the SMTP policy of EmailMessage writes them, CRLF-terminated."""
    message = EmailMessage(policy=policy.SMTP)
    for name, value in fields:
        message[name] = value
    return message.as_bytes()[: -len(b"\r\n")]  # without the blank line ending the block


def _recipient_header(recipient: Address) -> bytes:
    rendered = str(recipient)
    plain = rendered.isascii() and rendered.isprintable() and "=?" not in rendered
    if plain and len(rendered) <= _SHORT_HEADER:
        return b"To: " + rendered.encode("ascii") + b"\r\n"
    return header_lines([("To", recipient)])


@lru_cache(maxsize=4096)
def _subject_header(subject: str) -> bytes:
    return header_lines([("Subject", subject)])


def _part(content_type: str, body: bytes) -> bytes:
    if b"\r" in body:
        body = body.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    if body.isascii() and max(map(len, body.split(b"\n"))) <= _MAX_LINE:
        encoding, payload = "7bit", body.replace(b"\n", b"\r\n")
    else:
        encoding, payload = "base64", _base64(body.replace(b"\n", b"\r\n"))
    head = (
        f'Content-Type: {content_type}; charset="utf-8"\r\n'
        f"Content-Transfer-Encoding: {encoding}\r\n\r\n"
    )
    return head.encode("ascii") + payload


def _base64(body: bytes) -> bytes:
    encoded = binascii.b2a_base64(body, newline=False)
    return b"\r\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76))


class Connection(Protocol):
    """An open channel to hand messages over one at a time."""

    def send(self, *, key: str, recipient: str, message: bytes) -> None:
        """Hand one message over, or raise MessageRejectedError or TransportUnavailableError."""


class Transport(Protocol):
    """Where outgoing mail goes."""

    def connect(self) -> AbstractContextManager[Connection]:
        """Open a connection for a batch of messages; TransportUnavailableError when it cannot."""


SmtpSecurity = Literal["none", "starttls", "tls"]


@dataclass(frozen=True)
class SmtpTransport:
    """An SMTP server: one connection per batch, optionally TLS and login."""

    host: str
    port: int
    envelope_from: str
    security: SmtpSecurity = "none"
    username: str | None = None
    password: str | None = None
    timeout: float = 30.0

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A logged-in SMTP session, closed politely at the end."""
        try:
            smtp = self._open()
        except (OSError, smtplib.SMTPException) as error:
            raise TransportUnavailableError(
                f"cannot connect to SMTP server {self.host}:{self.port}: {error}"
            ) from error
        try:
            yield _SmtpConnection(smtp, self.envelope_from)
        finally:
            try:
                smtp.quit()
            except (OSError, smtplib.SMTPException):
                smtp.close()

    def _open(self) -> smtplib.SMTP:
        smtp: smtplib.SMTP
        if self.security == "tls":
            context = ssl.create_default_context()
            smtp = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        else:
            smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        try:
            if self.security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if self.username:
                smtp.login(self.username, self.password or "")
        except BaseException:
            smtp.close()
            raise
        return smtp


class _SmtpConnection:
    def __init__(self, smtp: smtplib.SMTP, envelope_from: str) -> None:
        self._smtp = smtp
        self._envelope_from = envelope_from

    def send(self, *, key: str, recipient: str, message: bytes) -> None:
        try:
            refused = self._smtp.sendmail(self._envelope_from, [recipient], message)
        except smtplib.SMTPServerDisconnected as error:
            raise TransportUnavailableError(f"SMTP server disconnected: {error}") from error
        except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused) as error:
            raise MessageRejectedError(f"SMTP server refused the message: {error}") from error
        except smtplib.SMTPResponseException as error:
            reply = error.smtp_error
            detail = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
            if error.smtp_code == 421:  # the server is closing the channel
                raise TransportUnavailableError(f"SMTP {error.smtp_code}: {detail}") from error
            raise MessageRejectedError(f"SMTP {error.smtp_code}: {detail}") from error
        except (OSError, smtplib.SMTPException) as error:
            raise TransportUnavailableError(f"SMTP connection failed: {error}") from error
        if refused:
            raise MessageRejectedError(f"SMTP server refused {recipient}: {refused}")


@dataclass(frozen=True)
class FileTransport:
    """Writes each message as <key>.eml in a directory, so local use needs no mail server."""

    directory: Path

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """The directory, created if missing."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise TransportUnavailableError(f"cannot create {self.directory}: {error}") from error
        yield _FileConnection(self.directory)


class _FileConnection:
    def __init__(self, directory: Path) -> None:
        self._directory = directory

    def send(self, *, key: str, recipient: str, message: bytes) -> None:
        target = self._directory / f"{_FILE_NAME_UNSAFE.sub('-', key)}.eml"
        try:
            # Written aside and renamed, so a reader never sees half a message.
            handle, temporary = tempfile.mkstemp(dir=self._directory, suffix=".part")
            with os.fdopen(handle, "wb") as out:
                out.write(message)
            Path(temporary).replace(target)
        except OSError as error:
            raise TransportUnavailableError(f"cannot write {target}: {error}") from error
