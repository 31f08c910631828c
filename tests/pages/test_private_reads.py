"""With SOOTH_PUBLIC_READ=false, a browser signed in at /login reads the pages and charts."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from forecasts.domain import Outcome, Role, utc_now
from service.database import Database
from service.keys import find_key, revoke_key
from tests.factories import make_claim, make_question, make_resolution, make_source
from tests.intake.conftest import sign_in
from tests.pages.test_verdicts import sign_in_reviewer
from tests.resolvers.conftest import make_reviewer


def test_signed_in_editor_reads_every_page_when_reads_are_private(
    app_factory: Callable[..., TestClient], database: Database, keys: dict[Role, str]
) -> None:
    with database.writing() as session:
        source = make_source(session, "ann", name="Ann Example")
        question = make_question(session)
        make_claim(session, source, question)
        make_resolution(session, question, Outcome.yes)
    addresses = [
        "/",
        f"/questions/{question.id}",
        "/sources",
        "/sources/ann",
        "/api/v1/sources/ann/calibration.png",
        "/api/v1/reports/scores.csv",
    ]
    with app_factory(public_read=False) as browser:
        assert [browser.get(a).status_code for a in addresses] == [401] * len(addresses)
        sign_in(browser, keys[Role.editor])
        for address in addresses:
            page = browser.get(address)
            assert page.status_code == 200, (address, page.text[:300])
        assert "Ann Example" in browser.get("/sources").text
        # A forged cookie is nobody.
        browser.cookies.set("sooth_session", "forged")
        assert browser.get("/").status_code == 401


def test_a_revoked_key_signs_its_page_session_out_of_private_reads(
    app_factory: Callable[..., TestClient], database: Database, keys: dict[Role, str]
) -> None:
    with app_factory(public_read=False) as browser:
        sign_in(browser, keys[Role.editor])
        assert browser.get("/sources").status_code == 200
        with database.writing() as session:
            found = find_key(session=session, clear=keys[Role.editor])
            assert found is not None
            revoke_key(session=session, key_id=found.id, now=utc_now())
        assert browser.get("/sources").status_code == 401


def test_a_reviewer_signed_in_by_a_mailed_link_reads_when_reads_are_private(
    app_factory: Callable[..., TestClient], database: Database
) -> None:
    with database.writing() as session:
        reviewer = make_reviewer(session)
        question = make_question(session)
    assert reviewer.id is not None
    with app_factory(public_read=False) as browser:
        assert browser.get(f"/questions/{question.id}").status_code == 401
        sign_in_reviewer(browser, reviewer_id=reviewer.id, now=utc_now())
        assert browser.get(f"/questions/{question.id}").status_code == 200
        assert browser.get("/review/next").status_code == 200
        assert browser.get(f"/api/v1/questions/{question.id}").status_code == 200
