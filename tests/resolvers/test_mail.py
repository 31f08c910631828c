"""Composing mail: names and subjects cannot add header fields; the parts arrive intact."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.headerregistry import Address
from email.message import EmailMessage
from html import unescape

import pytest
from sqlalchemy import update

from forecasts.models import Reviewer
from resolvers.mail import compose, mailbox, message_id_for, one_line, parse_mailbox
from service.database import Database
from tests.factories import make_question
from tests.resolvers.conftest import Rounds, SmtpServer, make_reviewer

SENDER = parse_mailbox("Sooth <sooth@example.org>")
DATE = datetime(2026, 3, 2, 9, tzinfo=UTC)
INJECTIONS = [
    "Eve\r\nBcc: victim@example.org",
    "Eve\nBcc: victim@example.org",
    "Eve\rBcc: victim@example.org",
    "Eve\r\n\r\nInjected body",
    "Eve\u2028Bcc: victim@example.org",
    "Eve\x00\x1b[31m",
]


def _parse(raw: bytes) -> EmailMessage:
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def _compose(name: str, subject: str = "Weekly digest", **parts: str) -> EmailMessage:
    raw = compose(
        sender=SENDER,
        recipient=mailbox(name, "eve@example.org"),
        subject=subject,
        text=parts.get("text", "plain text\n"),
        html=parts.get("html", "<p>html</p>\n"),
        message_id=message_id_for("digest:1:2026-W10", "example.org"),
        date=DATE,
    )
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF throughout
    return _parse(raw)


@pytest.mark.parametrize("hostile", INJECTIONS)
def test_line_breaks_in_names_and_subjects_cannot_add_header_fields(hostile: str) -> None:
    message = _compose(hostile, subject=f"Digest for {hostile}")
    assert message["Bcc"] is None
    assert list(message) == [
        "From",
        "Date",
        "Auto-Submitted",
        "MIME-Version",
        "Content-Type",
        "To",
        "Subject",
        "Message-ID",
    ]
    [address] = message["To"].addresses
    assert address.addr_spec == "eve@example.org"
    assert "\n" not in address.display_name and "\r" not in address.display_name
    assert "\n" not in str(message["Subject"])
    body = message.get_body(preferencelist=("plain",))
    assert body is not None and "Injected body" not in body.get_content()


def test_a_reviewer_name_with_line_breaks_stored_by_other_means_mails_safely(
    database: Database, rounds: Rounds, smtp: SmtpServer
) -> None:
    with database.writing() as session:
        person = make_reviewer(session, email="eve@example.org")
        make_question(session, deadline=DATE - timedelta(days=30), reviewer_id=person.id)
        # The API refuses such a name; a row written around it must still mail safely.
        session.exec(
            update(Reviewer).where(Reviewer.id == person.id).values(name=INJECTIONS[0])  # type: ignore[arg-type]
        )
    rounds(DATE)
    [mail] = smtp.inbox.received
    assert mail.recipients == ["eve@example.org"]
    head = mail.content.split(b"\r\n\r\n", 1)[0]
    assert mail.message["Bcc"] is None
    assert not [line for line in head.split(b"\r\n") if line.lower().startswith(b"bcc")]
    assert "Hello Eve Bcc: victim@example.org," in mail.text


@pytest.mark.parametrize(
    "name",
    [
        "Ada Lovelace",
        "Doe, Jane",
        'Dwayne "The Rock" Johnson',
        "back\\slash",
        "a (comment) b",
        "=?utf-8?q?looks_encoded?=",
        "Zoë Ångström",
        "李雷",
        "Ω" * 80,
        "x" * 280,
        "",
    ],
)
def test_recipient_display_names_arrive_as_email_message_would_send_them(name: str) -> None:
    reference = EmailMessage(policy=policy.SMTP)
    reference["To"] = Address(display_name=name, addr_spec="eve@example.org")
    [expected] = _parse(reference.as_bytes())["To"].addresses
    [address] = _compose(name)["To"].addresses
    assert address == expected
    if name.isascii() and "=?" not in name:
        assert (address.display_name, address.addr_spec) == (name, "eve@example.org")


def test_recipient_header_matches_what_email_message_writes_for_plain_names() -> None:
    for name in ("Ada Lovelace", "Doe, Jane", 'A "quoted" name', "back\\slash"):
        reference = EmailMessage(policy=policy.SMTP)
        reference["To"] = Address(display_name=name, addr_spec="eve@example.org")
        expected = reference.as_bytes().split(b"\r\n")[0]
        raw = compose(
            sender=SENDER,
            recipient=mailbox(name, "eve@example.org"),
            subject="s",
            text="t",
            html="h",
            message_id="<a.b@example.org>",
            date=DATE,
        )
        assert expected in raw.split(b"\r\n")


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("plain ascii\nsecond line\n", "<p>plain</p>\n"),
        ("Zoë said “soon”.\n", "<p>Zoë said “soon”.</p>\n"),
        ("long " * 400 + "\n", "<p>" + "long " * 400 + "</p>\n"),
        ("windows\r\nline\rends\n", "<p>x</p>"),
        ("..leading dots\n.\nFrom the start\n", "<p>.</p>"),
    ],
)
def test_text_and_html_parts_arrive_intact(text: str, html: str) -> None:
    message = _compose("Ada", text=text, html=html)
    plain = message.get_body(preferencelist=("plain",))
    rich = message.get_body(preferencelist=("html",))
    assert plain is not None and rich is not None
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    # The parser keeps the CRLF line ends of the wire in a 7bit part; compare the lines.
    assert plain.get_content().replace("\r\n", "\n").rstrip("\n") == normalised.rstrip("\n")
    received_html = unescape(rich.get_content().replace("\r\n", "\n"))
    assert received_html.rstrip("\n") == html.rstrip("\n")


def test_message_id_keeps_only_safe_characters() -> None:
    assert message_id_for("digest:12:2026-W10", "example.org") == "<digest.12.2026-W10@example.org>"
    assert message_id_for("x y>\r\nBcc:z", "ex ample.org>") == "<x.y.Bcc.z@ex.ample.org>"


def test_one_line_and_address_checks() -> None:
    assert one_line(" a\r\n\tb\x00c ") == "a b c"
    with pytest.raises(ValueError, match="mail address"):
        mailbox("x", "no-at-sign")
    with pytest.raises(ValueError, match="mail address"):
        parse_mailbox("Sooth")
    assert parse_mailbox("sooth@localhost").addr_spec == "sooth@localhost"
