"""Writing from the pages in headless Chromium, JavaScript off, at 1280 and 375 px.

An editor adds a source, a question and a claim by form and retracts a claim; a reviewer
signs in by the link mailed to a real SMTP server (aiosmtpd on loopback), resolves a
question after confirming, corrects the verdict, goes on to the next due question,
changes the digest settings, and a digest's one-click unsubscribe pauses the digest.
Screenshots go to test-artifacts/forms-*.png for a person to look at.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlmodel import col, select

from forecasts.domain import Outcome, Role
from forecasts.models import Claim, Question, Resolution, Reviewer, Source
from resolvers.digest import DigestConfig
from resolvers.jobs import reminder_jobs
from service.app import create_app
from service.database import Database
from service.keys import create_key
from service.migrations_runner import migrate
from service.scheduler import JobRunner
from service.settings import MailTransport, Settings
from tests.e2e.conftest import serving
from tests.factories import make_claim, make_question, make_source
from tests.resolvers.conftest import SmtpServer, make_reviewer

pytestmark = pytest.mark.browser

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)  # a Monday, after the reviewers' digest hour
SECRET = "browser-forms-secret"
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 760}}
ADA = "ada@example.org"


@dataclass(frozen=True)
class Site:
    base: str
    editor_key: str
    database: Database
    smtp: SmtpServer
    due: tuple[int, int]


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    """The app on loopback over a SQLite file: an editor key, reviewer Ada, two due questions."""
    url = f"sqlite:///{tmp_path / 'sooth.db'}"
    migrate(url)
    database = Database(url)
    with database.writing() as session:
        _, key = create_key(session=session, name="desk editor", role=Role.editor, now=NOW)
        ada = make_reviewer(session, name="Ada Lovelace", email=ADA)
        danilov = make_source(session, slug="oleksiy-danilov", name="Oleksiy Danilov")
        due = []
        for day, title in (
            (1, "Will a second armed march on Moscow begin?"),
            (2, "Will Prigozhin leave Belarus?"),
        ):
            question = make_question(
                session,
                title=title,
                resolution_criteria="Yes if it is reported by two major outlets.",
                deadline=datetime(2026, 2, day, tzinfo=UTC),
                reviewer_id=ada.id,
            )
            make_claim(session, danilov, question, probability=0.8, quote="It will not be delayed.")
            assert question.id is not None
            due.append(question.id)
    smtp = SmtpServer()
    smtp.start()
    settings = Settings(
        var_dir=tmp_path / "var",
        database_url=url,
        secret_key=SECRET,
        scheduler=False,
        mail_transport=MailTransport.smtp,
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        mail_from="Sooth <sooth@example.org>",
        _env_file=None,
    )
    try:
        with serving(create_app(settings, database=database, clock=lambda: NOW)) as base:
            yield Site(base, key, database, smtp, (due[0], due[1]))
    finally:
        smtp.stop()
        database.dispose()


def _page(browser: Any, width: str) -> Any:
    context = browser.new_context(viewport=WIDTHS[width], java_script_enabled=False)
    return context.new_page()


def _fits(page: Any) -> None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths[0]} > {widths[1]} px"


def _shot(page: Any, artifacts: Path, name: str, width: str) -> None:
    _fits(page)
    page.screenshot(path=str(artifacts / f"forms-{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", list(WIDTHS))
def test_an_editor_adds_a_source_a_question_and_a_claim_and_retracts_one(
    site: Site, browser: Any, artifacts: Path, width: str
) -> None:
    page = _page(browser, width)
    page.goto(f"{site.base}/login?next=/sources/new")
    page.fill("#key", site.editor_key)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_url("**/sources/new")

    page.fill("#name", "Institute for the Study of War")
    page.select_option("#kind", "organisation")
    _shot(page, artifacts, "add-source", width)
    page.click("form.add-form button[type=submit]")
    page.wait_for_url("**/sources/institute-for-the-study-of-war")
    assert page.locator("main h1").inner_text() == "Institute for the Study of War"

    page.goto(f"{site.base}/questions/new")
    page.fill("#title", "Will Kherson be retaken before 2027?")
    page.fill("#resolution_criteria", "Yes if Ukrainian forces hold the city centre.")
    page.fill("#deadline", "2027-01-01T00:00")
    page.fill("#tags", "ukraine")
    page.click("form.add-form button[type=submit]")
    page.wait_for_url(re.compile(r".*/questions/\d+$"))
    question_id = int(page.url.rsplit("/", 1)[1])

    # The question page's button prefills the question; the source is typed by name.
    page.click("text=Add a claim")
    page.wait_for_url(f"**/claims/new?question_id={question_id}")
    assert page.locator("#question_id").input_value() == str(question_id)
    page.fill("#source", "Institute for the Study of War")
    page.fill("#probability", "likely")
    page.fill("#quote", "Kherson will likely be liberated by the end of the year.")
    page.fill("#made_at", "2026-03-01T10:00")
    page.fill("#citation_url", "https://example.org/isw")
    _shot(page, artifacts, "add-claim", width)
    page.click("form.claim-form button[type=submit]")
    page.wait_for_url(re.compile(rf".*/questions/{question_id}#claim-\d+$"))
    claim = page.locator(".claim").first
    assert "Institute for the Study of War" in claim.inner_text()
    assert "read from the words “likely”" in claim.inner_text()

    # A probability out of range comes back next to its field, the rest kept.
    page.goto(f"{site.base}/claims/new?source=oleksiy-danilov")
    assert page.locator("#source").input_value() == "Oleksiy Danilov"
    page.fill("#probability", "140%")
    page.fill("#quote", "Something will happen.")
    page.click("form.claim-form button[type=submit]")
    assert page.locator("#probability-error").is_visible()
    assert page.locator("#quote").input_value() == "Something will happen."
    _shot(page, artifacts, "add-claim-refused", width)

    # Retract one of Danilov's claims, with a reason.
    first = site.due[0]
    page.goto(f"{site.base}/questions/{first}")
    page.click(".retract-panel summary")
    page.fill(".retract-form textarea", "Misattributed: the words are the interviewer's.")
    _shot(page, artifacts, "retract", width)
    page.click(".retract-form button[type=submit]")
    page.wait_for_url(re.compile(rf".*/questions/{first}#claim-\d+$"))
    assert "Misattributed" in page.locator(".retraction").inner_text()
    page.context.close()

    with site.database.reading() as session:
        added = session.exec(select(Claim).order_by(col(Claim.id).desc())).first()
        isw = session.exec(select(Source).where(Source.slug == "institute-for-the-study-of-war"))
        assert isw.one().kind.value == "organisation"
        retracted = session.exec(select(Claim).where(col(Claim.retracted_at).is_not(None))).all()
        question = session.get(Question, question_id)
    assert added is not None and added.question_id == question_id
    assert [c.question_id for c in retracted] == [first]
    assert question is not None and question.created_by == "desk editor"


def _mailed_path(site: Site, subject_word: str, count: int = 1) -> str:
    """The path of the newest sign-in link mailed to Ada, once `count` of them have arrived."""
    deadline = time.monotonic() + 15
    while True:  # the app sends the mail just after answering: wait for it to arrive
        mails = [m for m in site.smtp.inbox.to(ADA) if subject_word in m.message["Subject"]]
        if len(mails) >= count or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert len(mails) >= count, [m.message["Subject"] for m in site.smtp.inbox.to(ADA)]
    match = re.search(r"https?://[^/\s]+(/sign-in/\S+)", mails[-1].text)
    assert match is not None, mails[-1].text
    return match.group(1)


@pytest.mark.parametrize("width", list(WIDTHS))
def test_a_reviewer_signs_in_by_mail_resolves_corrects_and_goes_on(
    site: Site, browser: Any, artifacts: Path, width: str
) -> None:
    page = _page(browser, width)
    page.goto(f"{site.base}/login")
    page.fill("#email", ADA)
    _shot(page, artifacts, "login", width)
    page.click("form[action='/login/link'] button[type=submit]")
    assert "a sign-in link is on its way" in page.locator("#link-sent").inner_text()

    page.goto(site.base + _mailed_path(site, "sign-in"))
    assert page.locator("main h1").inner_text() == "Sign in as Ada Lovelace"
    page.click("main button[type=submit]")
    first, second = site.due
    page.wait_for_url(re.compile(rf".*/questions/{first}#resolution$"))

    page.check("input[name=outcome][value=yes]")
    page.fill("#evidence_url-verdict", "https://example.org/march")
    page.fill("#note-verdict", "Reported by Reuters and the BBC.")
    _shot(page, artifacts, "resolve-form", width)
    page.click(".verdict-form button[type=submit]")
    assert "Resolve as Yes?" in page.locator(".confirm").inner_text()
    _shot(page, artifacts, "resolve-confirm", width)
    with site.database.reading() as session:  # nothing until confirmed
        assert session.exec(select(Resolution)).all() == []
    page.click("text=Confirm: Yes")
    page.wait_for_url(re.compile(rf".*/questions/{first}#resolution$"))
    assert "resolved yes" in page.locator(".verdict").inner_text().lower()

    page.click(".verdict-panel summary")
    page.check("input[name=outcome][value=annulled]")
    page.fill("#reason-verdict", "The march was a staged exercise, not a mutiny.")
    page.click(".verdict-form button[type=submit]")
    page.click("text=Confirm: Annul")
    page.wait_for_url(re.compile(rf".*/questions/{first}#resolution$"))
    assert "staged exercise" in page.locator(".verdict").inner_text()
    _shot(page, artifacts, "corrected", width)

    page.click("text=Next question due →")
    page.wait_for_url(re.compile(rf".*/questions/{second}#resolution$"))
    page.context.close()

    with site.database.reading() as session:
        verdicts = session.exec(select(Resolution).order_by(col(Resolution.sequence))).all()
    assert [r.outcome for r in verdicts] == [Outcome.yes, Outcome.annulled]
    assert {r.resolved_by for r in verdicts} == {"reviewer:1 Ada Lovelace"}


@pytest.mark.parametrize("width", list(WIDTHS))
def test_a_reviewer_changes_settings_and_a_digest_unsubscribes_in_one_click(
    site: Site, browser: Any, artifacts: Path, width: str
) -> None:
    config = DigestConfig(
        base_url=site.base, secret_key=SECRET, link_days=21, mail_from="Sooth <sooth@example.org>"
    )
    for job in reminder_jobs(digest=config, transport=site.smtp.transport()):
        JobRunner(site.database, clock=lambda: NOW).run(job)
    (digest,) = [m for m in site.smtp.inbox.to(ADA) if "to resolve" in m.message["Subject"]]
    unsubscribe = digest.message["List-Unsubscribe"].strip("<>")
    assert digest.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # What a mail provider does on "Unsubscribe" (RFC 8058): a POST, no cookie, no token.
    clicked = httpx.post(unsubscribe, content=b"List-Unsubscribe=One-Click")
    assert clicked.status_code == 200

    page = _page(browser, width)
    page.goto(f"{site.base}/login")
    page.fill("#email", ADA)
    page.click("form[action='/login/link'] button[type=submit]")
    page.goto(site.base + _mailed_path(site, "sign-in"))
    page.click("main button[type=submit]")
    page.goto(f"{site.base}/settings")
    assert page.locator("#digest_paused").is_checked()

    page.select_option("#digest_weekday", "4")
    page.select_option("#digest_hour", "17")
    page.fill("#timezone", "Europe/Kyiv")
    page.uncheck("#digest_paused")
    _shot(page, artifacts, "settings", width)
    page.click(".settings-form button[type=submit]")
    page.wait_for_url("**/settings?saved=1")
    assert page.locator("#saved").is_visible()
    page.context.close()

    with site.database.reading() as session:
        ada = session.exec(select(Reviewer)).one()
    assert (ada.digest_weekday, ada.digest_hour, ada.timezone) == (4, 17, "Europe/Kyiv")
    assert ada.digest_paused is False
