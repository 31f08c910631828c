"""Errors on pages: a 404 page in the layout; API routes keep their JSON errors."""

from __future__ import annotations

import pytest

from tests.pages.markup import main_of, text_of


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/questions/999", "no question with id 999"),
        ("/questions/not-a-number", "There is no page at this address."),
        ("/questions/9223372036854775808", "There is no page at this address."),
        ("/questions/0", "There is no page at this address."),
        ("/sources/nobody-at-all", "no source with slug 'nobody-at-all'"),
        ("/no/such/page", "There is no page at this address."),
    ],
)
def test_unknown_pages_get_the_404_page_in_the_layout(client, path, message):
    page = client.get(path)
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "<title>Not found · Sooth</title>" in page.text
    assert 'class="skip-link"' in page.text and '<nav aria-label="Main">' in page.text
    assert message in text_of(main_of(page.text))


@pytest.mark.parametrize("path", ["/api/v1/questions/999", "/api/v1/sources/nobody", "/api/v1/x"])
def test_api_routes_keep_json_errors(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert "detail" in response.json()


def test_api_validation_errors_stay_json(client):
    response = client.get("/api/v1/questions/abc")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["path", "question_id"]


def test_invalid_page_parameter_gets_an_error_page_naming_it(client):
    page = client.get("/", params={"min_n": "lots"})
    assert page.status_code == 400
    assert page.headers["content-type"].startswith("text/html")
    assert "min_n:" in text_of(main_of(page.text))


def test_pages_say_a_key_is_needed_when_reads_are_private(app_factory):
    with app_factory(public_read=False) as private:
        page = private.get("/")
    assert page.status_code == 401
    assert page.headers["content-type"].startswith("text/html")
    assert "Reading needs an API key" in page.text
