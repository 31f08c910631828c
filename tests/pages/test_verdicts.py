"""Resolving, correcting and retracting on /questions/{id}, and /review/next."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlmodel import col, select

from forecasts.domain import Outcome, Role, Status
from forecasts.models import Claim, Question, Resolution
from resolvers.access import issue_sign_in_token
from service.database import Database
from tests.conftest import MutableClock
from tests.factories import T0, make_claim, make_question, make_source
from tests.intake.conftest import sign_in
from tests.resolvers.conftest import SECRET, make_reviewer


def sign_in_reviewer(client: TestClient, *, reviewer_id: int, now: datetime) -> None:
    """Sign `client` in as a reviewer through a sign-in link, as the mailed one would."""
    token = issue_sign_in_token(
        secret_key=SECRET, reviewer_id=reviewer_id, expires_at=now + timedelta(minutes=15)
    )
    response = client.post(f"/sign-in/{token}", follow_redirects=False)
    assert response.status_code == 303, response.text


def _token(page: str, action: str) -> str:
    start = page.index(f'action="{action}')
    marker = 'name="csrf_token" value="'
    at = page.index(marker, start) + len(marker)
    return page[at : page.index('"', at)]


def _resolutions(database: Database, question_id: int) -> list[Resolution]:
    with database.reading() as session:
        return list(
            session.exec(
                select(Resolution)
                .where(Resolution.question_id == question_id)
                .order_by(col(Resolution.sequence))
            ).all()
        )


def _due(database: Database, *, reviewer_id: int, count: int) -> list[int]:
    with database.writing() as session:
        source = make_source(session)
        ids = []
        for day in range(count):
            question = make_question(
                session, deadline=T0 + timedelta(days=10 + day), reviewer_id=reviewer_id
            )
            make_claim(session, source, question, probability=0.7)
            assert question.id is not None
            ids.append(question.id)
    return ids


def test_a_reviewer_resolves_after_confirming_corrects_with_a_reason_and_goes_on(
    client: TestClient, database: Database, clock: MutableClock
) -> None:
    with database.writing() as session:
        person = make_reviewer(session, name="Ada Lovelace")
    assert person.id is not None
    first, second = _due(database, reviewer_id=person.id, count=2)
    sign_in_reviewer(client, reviewer_id=person.id, now=clock())

    page = client.get(f"/questions/{first}").text
    token = _token(page, f"/questions/{first}/resolution")
    verdict = {"csrf_token": token, "outcome": "yes", "evidence_url": "https://example.org/e"}
    asked = client.post(f"/questions/{first}/resolution", data=verdict | {"note": "Reported."})

    assert asked.status_code == 200
    assert "Confirm: Yes" in asked.text
    assert _resolutions(database, first) == []  # the confirmation step stores nothing

    done = client.post(
        f"/questions/{first}/resolution",
        data=verdict | {"note": "Reported.", "confirmed": "yes"},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert done.headers["location"] == f"/questions/{first}#resolution"
    (resolution,) = _resolutions(database, first)
    assert resolution.outcome is Outcome.yes
    assert resolution.resolved_by == f"reviewer:{person.id} Ada Lovelace"
    assert (resolution.evidence_url, resolution.note) == ("https://example.org/e", "Reported.")

    # A correction needs a reason, like the API's.
    page = client.get(f"/questions/{first}").text
    assert "Correct this verdict" in page
    no_reason = client.post(
        f"/questions/{first}/resolution",
        data={"csrf_token": token, "outcome": "no", "confirmed": "yes"},
    )
    assert no_reason.status_code == 422
    assert "Say why this verdict replaces the current one." in no_reason.text
    corrected = client.post(
        f"/questions/{first}/resolution",
        data={"csrf_token": token, "outcome": "no", "reason": "Misread.", "confirmed": "yes"},
        follow_redirects=False,
    )
    assert corrected.status_code == 303
    assert [r.outcome for r in _resolutions(database, first)] == [Outcome.yes, Outcome.no]
    assert _resolutions(database, first)[-1].reason == "Misread."

    onward = client.get("/review/next", follow_redirects=False)
    assert onward.headers["location"] == f"/questions/{second}#resolution"
    client.post(
        f"/questions/{second}/resolution",
        data={"csrf_token": token, "outcome": "annulled", "confirmed": "yes"},
    )
    nothing = client.get("/review/next")
    assert "Nothing waits for your verdict" in nothing.text


def test_the_domain_refusal_comes_back_with_the_apis_message(
    client: TestClient, database: Database, clock: MutableClock
) -> None:
    with database.writing() as session:
        person = make_reviewer(session)
        question = make_question(session, deadline=datetime(2027, 1, 1, tzinfo=UTC))
    assert person.id is not None and question.id is not None
    sign_in_reviewer(client, reviewer_id=person.id, now=clock())
    token = _token(client.get(f"/questions/{question.id}").text, f"/questions/{question.id}/")

    early_no = client.post(
        f"/questions/{question.id}/resolution",
        data={"csrf_token": token, "outcome": "no", "confirmed": "yes"},
    )

    assert early_no.status_code == 409
    assert "cannot resolve no before its deadline" in early_no.text
    assert _resolutions(database, question.id) == []


def test_an_editor_cannot_resolve_but_an_admin_can(
    client: TestClient, keys: dict[Role, str], database: Database
) -> None:
    (question_id,) = _due(database, reviewer_id=_reviewer_id(database), count=1)
    sign_in(client, keys[Role.editor])
    page = client.get(f"/questions/{question_id}").text
    assert "Resolve this question" not in page
    token = _token(page, "/claims/")  # the editor's retract form's token

    editor = client.post(
        f"/questions/{question_id}/resolution",
        data={"csrf_token": token, "outcome": "yes", "confirmed": "yes"},
    )
    assert editor.status_code == 403
    assert "needs the reviewer role" in editor.text
    assert _resolutions(database, question_id) == []

    sign_in(client, keys[Role.admin])
    page = client.get(f"/questions/{question_id}").text
    admin = client.post(
        f"/questions/{question_id}/resolution",
        data={
            "csrf_token": _token(page, f"/questions/{question_id}/resolution"),
            "outcome": "yes",
            "confirmed": "yes",
        },
        follow_redirects=False,
    )
    assert admin.status_code == 303
    (resolution,) = _resolutions(database, question_id)
    assert resolution.resolved_by == "test-admin"


def _reviewer_id(database: Database) -> int:
    with database.writing() as session:
        person = make_reviewer(session)
    assert person.id is not None
    return person.id


def test_an_editor_retracts_with_a_reason_and_a_reviewer_cannot(
    client: TestClient, keys: dict[Role, str], database: Database, clock: MutableClock
) -> None:
    person_id = _reviewer_id(database)
    (question_id,) = _due(database, reviewer_id=person_id, count=1)
    with database.reading() as session:
        claim = session.exec(select(Claim)).one()
    sign_in_reviewer(client, reviewer_id=person_id, now=clock())
    page = client.get(f"/questions/{question_id}").text
    assert "Retract this claim" not in page
    reviewer_token = _token(page, f"/questions/{question_id}/resolution")

    refused = client.post(
        f"/claims/{claim.id}/retract", data={"csrf_token": reviewer_token, "reason": "Wrong."}
    )
    assert refused.status_code == 403
    assert "needs the editor role" in refused.text

    sign_in(client, keys[Role.editor])
    page = client.get(f"/questions/{question_id}").text
    token = _token(page, f"/claims/{claim.id}/retract")
    empty = client.post(f"/claims/{claim.id}/retract", data={"csrf_token": token, "reason": " "})
    assert empty.status_code == 422
    retracted = client.post(
        f"/claims/{claim.id}/retract",
        data={"csrf_token": token, "reason": "Misattributed: the quote is the interviewer's."},
        follow_redirects=False,
    )
    assert retracted.status_code == 303
    assert retracted.headers["location"] == f"/questions/{question_id}#claim-{claim.id}"
    with database.reading() as session:
        stored = session.get(Claim, claim.id)
        assert stored is not None and stored.retraction_reason == (
            "Misattributed: the quote is the interviewer's."
        )
        assert stored.retracted_at is not None
    again = client.post(f"/claims/{claim.id}/retract", data={"csrf_token": token, "reason": "x"})
    assert again.status_code == 409


def test_cross_site_verdicts_and_retractions_are_refused(
    client: TestClient, keys: dict[Role, str], database: Database
) -> None:
    (question_id,) = _due(database, reviewer_id=_reviewer_id(database), count=1)
    sign_in(client, keys[Role.admin])
    page = client.get(f"/questions/{question_id}").text
    verdict = {
        "csrf_token": _token(page, f"/questions/{question_id}/resolution"),
        "outcome": "yes",
        "confirmed": "yes",
    }
    with database.reading() as session:
        claim = session.exec(select(Claim)).one()

    posts = [
        client.post(
            f"/questions/{question_id}/resolution",
            data=verdict,
            headers={"Origin": "https://x.test"},
        ),
        client.post(
            f"/questions/{question_id}/resolution",
            data=verdict,
            headers={"Sec-Fetch-Site": "cross-site"},
        ),
        client.post(
            f"/claims/{claim.id}/retract",
            data={"csrf_token": _token(page, "/claims/"), "reason": "x"},
            headers={"Origin": "https://x.test"},
        ),
        client.post(
            f"/questions/{question_id}/resolution", data=verdict | {"csrf_token": "forged"}
        ),
    ]

    assert [post.status_code for post in posts] == [403, 403, 403, 403]
    assert _resolutions(database, question_id) == []
    with database.reading() as session:
        assert session.get(Claim, claim.id).retracted_at is None  # type: ignore[union-attr]
        assert session.get(Question, question_id).status is not Status.resolved  # type: ignore[union-attr]
