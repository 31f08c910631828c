"""The /extract page and signing in, through the HTTP client, on both databases."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import timedelta

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import SQLModel, select

from forecasts.domain import Role, utc_now
from forecasts.models import Claim, Question, Source
from service.database import Database
from service.demo import demo_article
from service.keys import find_key, revoke_key
from service.pages.session import COOKIE
from tests.factories import make_source
from tests.intake.conftest import PUBLISHED, sign_in
from tests.intake.forms import csrf_token, form_in
from tests.pages.markup import main_of, text_of

Preview = Callable[..., str]
SCRIPT = "<script>alert('owned')</script>"
QUESTION = {
    "title": "Will a second mutiny take place in Russia before 1 Feb 2024?",
    "resolution_criteria": "Yes if an armed group openly marches against the government.",
    "deadline": "2024-02-01T00:00",
}


def _count(database: Database, model: type[SQLModel]) -> int:
    with database.reading() as session:
        return int(session.exec(select(func.count()).select_from(model)).one())


def _record(client: TestClient, page: str, number: int, **changes: str) -> httpx.Response:
    """Submit candidate `number`'s form as shown on `page`, with some fields changed."""
    action, fields = form_in(page, f"candidate-{number}")
    response: httpx.Response = client.post(action, data=fields | changes, follow_redirects=False)
    return response


# --- previewing ----------------------------------------------------------------------------


def test_the_page_offers_the_paste_form_to_anyone(client):
    response = client.get("/extract")
    assert response.status_code == 200
    content = main_of(response.text)
    assert '<textarea id="text" name="text"' in content
    assert 'action="/extract"' in content
    assert '<a href="/login">Sign in</a>' in response.text
    assert 'aria-current="page">Extract</a>' in response.text


def test_anyone_may_preview_the_candidates_but_not_record_them(client):
    page = client.post("/extract", data={"text": demo_article(), "published_at": PUBLISHED})
    assert page.status_code == 200
    content = main_of(page.text)
    assert content.count('<mark class="candidate"') == 5
    assert content.count('class="candidate-card"') == 5
    assert "/extract/record" not in content
    assert 'href="/login?next=/extract">Sign in</a> as an editor to record' in content
    by_query = client.get("/extract", params={"text": "He said it will certainly rain."})
    assert by_query.status_code == 200
    assert main_of(by_query.text).count('<mark class="candidate"') == 1


def test_candidates_are_marked_in_the_text_with_their_spans(client):
    text = demo_article()
    content = main_of(client.post("/extract", data={"text": text}).text)
    article = content[content.index('<div class="article-text">') :]
    article = article[: article.index("</div>")]
    marked = re.findall(r'<mark class="candidate" id="sentence-(\d)">(.*?)</mark>', article, re.S)
    assert [number for number, _ in marked] == ["1", "2", "3", "4", "5"]
    assert text_of(marked[3][1]) == (
        "A second mutiny would “not be much delayed”, he concluded in his statement on Tuesday."
    )
    assert (
        '<span class="candidate__span">A second mutiny would “not be much delayed”</span>'
        in (marked[3][1])
    )
    # The text around the marks is the article itself, in order, nothing dropped.
    plain = re.sub(r'<a class="candidate-ref"[^>]*>\d</a>', "", article)
    inner = plain.removeprefix('<div class="article-text">')
    assert html.unescape(re.sub(r"<[^>]+>", "", inner)) == text


def test_problems_with_the_pasted_text_are_shown_next_to_its_fields_and_it_is_kept(client):
    long_text = "It will rain. " * 4000
    response = client.post(
        "/extract", data={"text": long_text, "url": "ftp://x", "published_at": "soon"}
    )
    assert response.status_code == 422
    content = main_of(response.text)
    assert 'id="text-error">The text is 56,000 characters long' in content
    assert 'id="url-error">The address must be a web address' in content
    assert 'id="published_at-error">The publication time must be a date and time' in content
    assert long_text.strip() in content
    assert "candidates-heading" not in content


def test_a_text_without_predictions_says_so(client):
    response = client.post("/extract", data={"text": "The council met on Tuesday."})
    assert "No sentence of this text reads as a prediction" in response.text


# --- signing in ----------------------------------------------------------------------------


def test_signing_in_sets_a_signed_strict_http_only_cookie_with_the_key_id_only(client, keys):
    response = client.post("/login", data={"key": keys[Role.editor]}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/extract"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}=")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Max-Age=43200" in cookie
    assert "Secure" not in cookie  # plain http here; see the https test
    assert keys[Role.editor] not in cookie
    page = client.get("/extract").text
    assert "Signed in as <strong>test-editor</strong> (editor)" in page
    assert '<a href="/login">Account</a>' in page


def test_the_cookie_is_secure_when_the_site_is_served_over_https(app_factory, keys):
    with app_factory(base_url="https://sooth.example") as client:
        response = client.post("/login", data={"key": keys[Role.editor]}, follow_redirects=False)
    assert "Secure" in response.headers["set-cookie"]


@pytest.mark.parametrize(
    ("role", "typed", "status", "words"),
    [
        (None, "", 422, "Enter your API key."),
        (None, "sooth_not-a-key", 401, "That key is unknown or was revoked."),
        (Role.reviewer, None, 403, "needs an editor or admin key; this key has the reviewer"),
        (Role.reader, None, 403, "this key has the reader role"),
    ],
)
def test_signing_in_refuses_keys_that_cannot_write(client, keys, role, typed, status, words):
    key = keys[role] if role is not None else typed
    response = client.post("/login", data={"key": key}, follow_redirects=False)
    assert response.status_code == status
    assert words in response.text
    assert 'aria-invalid="true"' in response.text
    assert "set-cookie" not in response.headers


def test_an_admin_may_sign_in_and_goes_back_where_they_were(client, keys):
    response = client.post(
        "/login", data={"key": keys[Role.admin], "next": "/sources"}, follow_redirects=False
    )
    assert response.headers["location"] == "/sources"


@pytest.mark.parametrize("elsewhere", ["//evil.example/x", "https://evil.example/", "/\\evil"])
def test_after_signing_in_only_local_paths_are_followed(client, keys, elsewhere):
    response = client.post(
        "/login", data={"key": keys[Role.editor], "next": elsewhere}, follow_redirects=False
    )
    assert response.headers["location"] == "/extract"


def test_signing_out_needs_the_form_token_and_removes_the_cookie(editor_client):
    page = editor_client.get("/login").text
    assert "You are signed in as <strong>test-editor</strong>" in page
    refused = editor_client.post("/logout", data={"csrf_token": "forged"}, follow_redirects=False)
    assert refused.status_code == 403
    response = editor_client.post(
        "/logout", data={"csrf_token": csrf_token(page)}, follow_redirects=False
    )
    assert response.status_code == 303
    assert f'{COOKIE}=""' in response.headers["set-cookie"]
    assert not editor_client.cookies.get(COOKIE)
    assert "Signed in as" not in editor_client.get("/extract").text


def test_a_tampered_cookie_signs_nobody_in(client, keys):
    sign_in(client, keys[Role.editor])
    value = client.cookies[COOKIE]
    client.cookies.set(COOKIE, value[:-2] + ("AA" if not value.endswith("AA") else "BB"))
    assert "Signed in as" not in client.get("/extract").text


# --- recording -----------------------------------------------------------------------------


def test_an_editor_records_a_candidate_and_lands_on_its_question(editor_client, preview, database):
    url = "https://example.com/second-march"
    page = preview(demo_article(), url=url)
    _, fields = form_in(page, "candidate-4")
    assert fields["new_name"] == "Oleksiy Danilov" and fields["new_slug"] == "oleksiy-danilov"
    assert fields["new_kind"] == "person" and fields["source"] == ""
    assert fields["quote"].startswith("A second mutiny would “not be much delayed”")
    assert (fields["probability"], fields["probability_basis"]) == ("", "")
    assert fields["verbal_phrase"] == "would not be much delayed"
    assert fields["made_at"] == PUBLISHED
    assert fields["citation_title"].startswith("Putin in trouble as Russia must")
    assert fields["title"] == fields["resolution_criteria"] == fields["deadline"] == ""

    response = _record(editor_client, page, 4, **QUESTION, tags="russia-ukraine, military")
    assert response.status_code == 303
    location = response.headers["location"]
    assert re.fullmatch(r"/questions/\d+#claim-\d+", location)

    question_page = editor_client.get(location.split("#")[0])
    assert question_page.status_code == 200
    content = text_of(main_of(question_page.text))
    assert QUESTION["title"] in content
    assert "80% Oleksiy Danilov — read from the words “would not be much delayed”" in content
    assert "A second mutiny would “not be much delayed”, he concluded" in content
    assert "Recorded by test-editor" in content
    claim_id = int(location.rsplit("-", 1)[1])
    claim = editor_client.get(f"/api/v1/claims/{claim_id}").json()
    assert claim["source"] == "oleksiy-danilov"
    assert claim["citation_url"] == url
    assert claim["published_at"] == "2023-08-01T16:00:00Z"
    assert claim["made_at"] == "2023-08-01T16:00:00Z"
    question = editor_client.get(f"/api/v1/questions/{claim['question_id']}").json()
    assert question["tags"] == ["military", "russia-ukraine"]
    assert question["deadline"] == "2024-02-01T00:00:00Z"
    assert _count(database, Source) == 1


def test_a_recorded_source_is_chosen_for_its_speaker(editor_client, preview, database):
    with database.writing() as session:
        make_source(session, "danilov", name="Oleksiy Danilov")
    page = preview(demo_article())
    _, fields = form_in(page, "candidate-2")
    assert fields["source"] == "danilov"
    assert '<option value="danilov" selected>Oleksiy Danilov (danilov)</option>' in page
    response = _record(editor_client, page, 2, **QUESTION)
    assert response.status_code == 303
    assert _count(database, Source) == 1


def test_without_a_probability_the_verbal_phrase_gives_it(editor_client, preview):
    page = preview(demo_article())
    response = _record(editor_client, page, 5, probability="", **QUESTION)
    assert response.status_code == 303
    claim_id = response.headers["location"].rsplit("-", 1)[1]
    claim = editor_client.get(f"/api/v1/claims/{claim_id}").json()
    assert (claim["probability"], claim["probability_basis"]) == (0.95, "verbal")
    assert claim["verbal_phrase"] == "cannot be pushed back"


def test_missing_title_criteria_and_deadline_are_shown_by_their_fields_and_nothing_is_lost(
    editor_client, preview, database
):
    page = preview(demo_article())
    entered = {"quote": "A second mutiny would not be much delayed.", "tags": "mutiny"}
    response = _record(editor_client, page, 4, **entered)
    assert response.status_code == 422
    assert _count(database, Claim) == _count(database, Source) == 0
    content = main_of(response.text)
    for field, words in [
        ("title", "Give the question a title"),
        ("resolution_criteria", "Say what will count as Yes"),
        ("deadline", "Give the deadline"),
    ]:
        assert f'<p class="field-error" id="c4-{field}-error">{words}' in content
        assert re.search(rf'id="c4-{field}"[^>]*aria-invalid="true"', content)
    _, kept = form_in(response.text, "candidate-4")
    assert kept["quote"] == entered["quote"] and kept["tags"] == "mutiny"
    assert kept["new_name"] == "Oleksiy Danilov" and kept["probability"] == ""
    assert 'action="/extract/record#candidate-4"' in content
    assert "Nothing was recorded yet." in content
    # The other candidates are shown as before, and the text is marked as before.
    assert content.count('<mark class="candidate"') == 5
    assert "c2-title-error" not in content
    # Fixing the form from the page that showed the errors records it.
    fixed = _record(editor_client, response.text, 4, **QUESTION)
    assert fixed.status_code == 303


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"probability": "150%"}, "probability", "from 0 to 1, or a percentage"),
        ({"probability": "", "verbal_phrase": ""}, "probability", "or a verbal phrase"),
        ({"probability": "", "verbal_phrase": "perchance"}, "verbal_phrase", "known phrases:"),
        ({"deadline": "1 Feb"}, "deadline", "must be a date and time"),
        ({"made_at": "2030-01-01T00:00"}, "made_at", "is in the future"),
        ({"made_at": "2024-03-01T00:00"}, "made_at", "after the question's deadline"),
        ({"new_slug": "Oleksiy Danilov"}, "new_slug", "lower-case words"),
        ({"new_name": ""}, "new_name", "Give the new source's name"),
        ({"source": "nobody"}, "source", "no source with slug 'nobody'"),
        ({"tags": "no/slashes"}, "tags", "must be 1-64 characters"),
        ({"quote": "  "}, "quote", "Give the words"),
    ],
)
def test_refused_fields_are_named_and_nothing_is_stored(
    editor_client, preview, database, changes, field, words
):
    page = preview(demo_article())
    response = _record(editor_client, page, 4, **(QUESTION | changes))
    assert response.status_code == 422
    content = main_of(response.text)
    error = re.search(rf'<p class="field-error" id="c4-{field}-error">([^<]*)</p>', content)
    assert error is not None, text_of(content)[:2000]
    assert words in html.unescape(error.group(1))
    # A new source is not created when its claim is refused: one transaction.
    assert _count(database, Claim) == _count(database, Source) == _count(database, Question) == 0


def test_a_taken_slug_for_a_new_source_is_refused_by_the_slug(editor_client, preview, database):
    with database.writing() as session:
        make_source(session, "oleksiy-danilov", name="Somebody Else")
    page = preview(demo_article())
    response = _record(editor_client, page, 4, source="", **QUESTION)
    assert response.status_code == 422
    assert "already exists" in main_of(response.text).split('id="c4-new_slug-error">')[1]
    assert _count(database, Claim) == 0


def test_recording_without_the_form_token_is_refused(editor_client, preview, database):
    page = preview(demo_article())
    for token in ("", "forged", csrf_token(page)[:-1] + "0"):
        response = _record(editor_client, page, 4, csrf_token=token, **QUESTION)
        assert response.status_code == 403
        assert "This form could not be accepted" in response.text
    assert _count(database, Claim) == 0


def test_a_form_from_an_earlier_session_is_refused(editor_client, preview, keys, database):
    page = preview(demo_article())
    sign_in(editor_client, keys[Role.editor])  # a new session, with a new nonce
    response = _record(editor_client, page, 4, **QUESTION)
    assert response.status_code == 403
    assert _count(database, Claim) == 0


def test_recording_from_another_site_is_refused(editor_client, preview, database):
    page = preview(demo_article())
    action, fields = form_in(page, "candidate-4")
    response = editor_client.post(
        action,
        data=fields | QUESTION,
        headers={"Origin": "https://evil.example"},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert _count(database, Claim) == 0
    login = editor_client.post(
        "/login", data={"key": "x"}, headers={"Origin": "https://evil.example"}
    )
    assert login.status_code == 403
    same_site = editor_client.post(
        action,
        data=fields | QUESTION,
        headers={"Origin": "http://testserver"},
        follow_redirects=False,
    )
    assert same_site.status_code == 303


def test_recording_needs_a_signed_in_editor(client, keys, database):
    page = client.post("/extract", data={"text": demo_article()}).text
    sign_in(client, keys[Role.editor])
    signed_in_page = client.post("/extract", data={"text": demo_article()}).text
    client.cookies.clear()
    response = _record(client, signed_in_page, 3, **QUESTION)
    assert response.status_code == 401
    assert "Recording needs a signed-in editor" in response.text
    assert "/extract/record" not in page
    assert _count(database, Claim) == 0


def test_a_revoked_key_s_cookie_is_refused_at_once(editor_client, preview, keys, database):
    page = preview(demo_article())
    with database.writing() as session:
        key = find_key(session=session, clear=keys[Role.editor])
        assert key is not None
        revoke_key(session=session, key_id=key.id, now=utc_now())
    response = _record(editor_client, page, 4, **QUESTION)
    assert response.status_code == 401
    assert _count(database, Claim) == 0
    assert "Signed in as" not in editor_client.get("/extract").text
    login_page = editor_client.get("/login")
    assert "Sign in</h1>" in login_page.text and "You are signed in" not in login_page.text
    assert f'{COOKIE}=""' in login_page.headers["set-cookie"]  # the stale cookie is cleared


# --- escaping ------------------------------------------------------------------------------


def test_markup_in_pasted_text_is_shown_as_text_everywhere(editor_client, preview):
    text = f"Prices {SCRIPT} will almost certainly rise by the end of the year, {SCRIPT} said."
    page = preview(text, url="https://example.com/a?x=<b>")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;" in page
    content = main_of(page)
    marked = re.search(r'<mark class="candidate" id="sentence-1">(.*?)</mark>', content, re.S)
    assert marked is not None and SCRIPT in text_of(marked.group(1))
    _, fields = form_in(page, "candidate-1")
    assert fields["text"] == text and fields["quote"] == text  # round-trips intact
    response = _record(editor_client, page, 1, **QUESTION, new_name="Mallory", new_slug="mallory")
    assert response.status_code == 303
    question_page = editor_client.get(response.headers["location"].split("#")[0]).text
    assert "<script>" not in question_page
    assert SCRIPT in text_of(main_of(question_page))


def test_markup_in_a_refused_form_is_escaped_when_shown_again(editor_client, preview):
    page = preview(demo_article())
    response = _record(editor_client, page, 4, title=SCRIPT, resolution_criteria=SCRIPT)
    assert response.status_code == 422
    assert "<script>" not in response.text
    _, kept = form_in(response.text, "candidate-4")
    assert kept["title"] == SCRIPT and kept["resolution_criteria"] == SCRIPT


def test_a_form_for_a_candidate_the_text_no_longer_has_says_so(editor_client, preview, database):
    page = preview(demo_article())
    response = _record(editor_client, page, 4, candidate="9", **QUESTION | {"title": ""})
    assert response.status_code == 422
    assert "the candidate that form was for is not in this text any more" in response.text
    assert "Give the question a title" in response.text
    assert _count(database, Claim) == 0


def test_a_session_ends_after_twelve_hours(editor_client, clock):
    assert "Signed in as" in editor_client.get("/extract").text
    clock.advance(timedelta(hours=11, minutes=59))
    assert "Signed in as" in editor_client.get("/extract").text
    clock.advance(timedelta(minutes=2))
    assert "Signed in as" not in editor_client.get("/extract").text


def test_a_candidate_without_a_probability_says_why(preview):
    page = text_of(main_of(preview("The minister said the bill will pass next month.")))
    assert "none found: 'will' states no likelihood" in page
