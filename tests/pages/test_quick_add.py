"""/claims/new, /sources/new and /questions/new: forms writing through the API's own functions."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi.testclient import TestClient
from sqlmodel import col, select

from forecasts.domain import Basis, Role
from forecasts.models import Claim, Question, Source
from forecasts.probability import lookup
from service.database import Database
from tests.factories import make_question, make_source
from tests.intake.conftest import sign_in
from tests.intake.forms import csrf_token


def _editor(client: TestClient, keys: dict[Role, str]) -> str:
    sign_in(client, keys[Role.editor])
    page = client.get("/claims/new")
    assert page.status_code == 200
    return csrf_token(page.text)


def _claims(database: Database) -> list[Claim]:
    with database.reading() as session:
        return list(session.exec(select(Claim).order_by(col(Claim.id))).all())


CLAIM_FORM = {
    "source": "Oleksiy Danilov",
    "new_kind": "person",
    "question_id": "",
    "title": "Will a second mutiny take place in Russia before 2024?",
    "resolution_criteria": "Yes if an armed mutiny against the Russian leadership begins.",
    "deadline": "2024-01-01T00:00",
    "tags": "russia, war",
    "probability": "60%",
    "probability_basis": "",
    "quote": "A second mutiny would not be much delayed.",
    "made_at": "2023-08-01T12:00",
    "citation_url": "https://example.org/danilov",
    "citation_title": "Danilov interview",
}


def test_a_claim_with_a_new_source_and_question_is_recorded_from_the_form(
    client: TestClient, keys: dict[Role, str], database: Database
) -> None:
    token = _editor(client, keys)

    response = client.post(
        "/claims/new", data=CLAIM_FORM | {"csrf_token": token}, follow_redirects=False
    )

    assert response.status_code == 303, response.text
    (claim,) = _claims(database)
    assert response.headers["location"] == f"/questions/{claim.question_id}#claim-{claim.id}"
    assert claim.probability == 0.6
    assert claim.probability_basis is Basis.stated
    assert claim.recorded_by == "test-editor"
    assert claim.made_at == datetime(2023, 8, 1, 12, 0, tzinfo=UTC)
    with database.reading() as session:
        source = session.get(Source, claim.source_id)
        question = session.get(Question, claim.question_id)
    assert source is not None and (source.slug, source.name) == (
        "oleksiy-danilov",
        "Oleksiy Danilov",
    )
    assert question is not None and question.title == CLAIM_FORM["title"]


def test_an_existing_source_is_picked_by_name_and_a_verbal_phrase_reads_the_scale(
    client: TestClient, keys: dict[Role, str], database: Database
) -> None:
    with database.writing() as session:
        source = make_source(session, slug="danilov", name="Oleksiy Danilov")
        question = make_question(session)
        question_id = question.id
    token = _editor(client, keys)
    form = CLAIM_FORM | {
        "csrf_token": token,
        "source": "oleksiy danilov",
        "question_id": str(question_id),
        "title": "",
        "probability": "very likely",
    }

    response = client.post("/claims/new", data=form, follow_redirects=False)

    assert response.status_code == 303, response.text
    (claim,) = _claims(database)
    assert (claim.source_id, claim.question_id) == (source.id, question_id)
    assert claim.probability == lookup("very likely").probability
    assert (claim.probability_basis, claim.verbal_phrase) == (Basis.verbal, "very likely")
    with database.reading() as session:
        assert len(session.exec(select(Source)).all()) == 1


def test_the_forms_name_each_problem_with_the_apis_message_and_store_nothing(
    client: TestClient, keys: dict[Role, str], database: Database
) -> None:
    token = _editor(client, keys)
    api = client.post(
        "/api/v1/claims",
        json={
            "source": "nobody",
            "verbal_phrase": "a sure bet, honestly",
            "quote": "x",
            "made_at": "2023-08-01T12:00:00Z",
            "question_id": 1,
        },
        headers={"Authorization": f"Bearer {keys[Role.editor]}"},
    )
    form = CLAIM_FORM | {"csrf_token": token, "probability": "a sure bet, honestly"}

    response = client.post("/claims/new", data=form)

    assert response.status_code == 422
    assert 'id="probability-error"' in response.text
    # The scale's own refusal, as the API gives it: it lists the phrases it knows.
    assert "almost certain" in response.text
    assert api.status_code == 422
    assert _claims(database) == []
    with database.reading() as session:
        assert session.exec(select(Source)).all() == []

    bad = client.post(
        "/claims/new",
        data=CLAIM_FORM | {"csrf_token": token, "probability": "1.5", "made_at": "someday"},
    )
    assert bad.status_code == 422
    assert 'id="made_at-error"' in bad.text and 'id="probability-error"' in bad.text
    assert "Oleksiy Danilov" in bad.text  # what was typed comes back

    empty = client.post(
        "/claims/new", data=CLAIM_FORM | {"csrf_token": token, "title": "", "deadline": ""}
    )
    assert empty.status_code == 422
    assert "Give the question, e.g." in empty.text
    assert "Give the deadline by which the question is decided (UTC)." in empty.text
    assert "String should have at least 1 character" not in empty.text


def test_sources_and_questions_are_added_from_their_forms(
    client: TestClient, keys: dict[Role, str], database: Database
) -> None:
    token = _editor(client, keys)

    made = client.post(
        "/sources/new",
        data={
            "csrf_token": token,
            "name": "Institute for the Study of War",
            "kind": "organisation",
        },
        follow_redirects=False,
    )
    asked = client.post(
        "/questions/new",
        data={
            "csrf_token": token,
            "title": "Will Kherson be retaken before 2023?",
            "resolution_criteria": "Yes if Ukrainian forces hold the city centre.",
            "deadline": "2023-01-01",
            "tags": "ukraine",
        },
        follow_redirects=False,
    )
    taken = client.post(
        "/sources/new",
        data={
            "csrf_token": token,
            "name": "ISW",
            "slug": "institute-for-the-study-of-war",
            "kind": "organisation",
        },
    )

    assert made.status_code == 303 and made.headers["location"] == (
        "/sources/institute-for-the-study-of-war"
    )
    assert asked.status_code == 303
    with database.reading() as session:
        question = session.exec(select(Question)).one()
        assert asked.headers["location"] == f"/questions/{question.id}"
        assert question.deadline == datetime(2023, 1, 1, tzinfo=UTC)
        assert len(session.exec(select(Source)).all()) == 1
    assert taken.status_code == 422
    assert "already exists" in taken.text


def test_add_a_claim_buttons_prefill_the_question_and_the_source(
    client: TestClient, keys: dict[Role, str], database: Database
) -> None:
    with database.writing() as session:
        make_source(session, slug="danilov", name="Oleksiy Danilov")
        question = make_question(session, title="Will the dam hold?")
    _editor(client, keys)

    question_page = client.get(f"/questions/{question.id}").text
    source_page = client.get("/sources/danilov").text
    from_question = client.get(f"/claims/new?question_id={question.id}").text
    from_source = client.get("/claims/new?source=danilov").text

    assert f'href="/claims/new?question_id={question.id}"' in question_page
    assert 'href="/claims/new?source=danilov"' in source_page
    assert f'<option value="{question.id}" selected>Will the dam hold?' in from_question
    assert 'value="Oleksiy Danilov" list="source-names"' in from_source
    assert '<option value="Oleksiy Danilov">danilov</option>' in from_source


def test_cross_site_and_unsigned_posts_are_refused_and_store_nothing(
    client: TestClient, keys: dict[Role, str], database: Database
) -> None:
    token = _editor(client, keys)
    form = CLAIM_FORM | {"csrf_token": token}

    other_origin = client.post("/claims/new", data=form, headers={"Origin": "https://evil.test"})
    fetch_metadata = client.post("/claims/new", data=form, headers={"Sec-Fetch-Site": "cross-site"})
    wrong_token = client.post("/claims/new", data=form | {"csrf_token": "forged"})
    client.cookies.clear()
    signed_out = client.post("/claims/new", data=form)

    assert other_origin.status_code == 403
    assert fetch_metadata.status_code == 403
    assert wrong_token.status_code == 403
    assert signed_out.status_code == 401
    assert _claims(database) == []


def test_form_pages_are_kept_by_no_shared_cache(client: TestClient, keys: dict[Role, str]) -> None:
    # Forms carry a signed-in person's token: never in a shared cache. The add and extract
    # forms stay in the browser's own history, so that Back from what they recorded
    # returns to them; the sign-in page is not kept at all.
    assert client.get("/login").headers["Cache-Control"] == "no-store"
    sign_in(client, keys[Role.editor])
    for path in ("/claims/new", "/extract", "/inbox"):
        assert client.get(path).headers["Cache-Control"] == "private", path
    assert client.get("/login").headers["Cache-Control"] == "no-store"
