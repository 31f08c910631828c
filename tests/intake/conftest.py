"""Fixtures for the /extract page: a browser-like client signed in as an editor."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from forecasts.domain import Role

PUBLISHED = "2023-08-01T16:00"


def sign_in(client: TestClient, key: str) -> None:
    """Sign `client` in through the /login form; its cookie jar keeps the session."""
    response = client.post("/login", data={"key": key}, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert client.cookies.get("sooth_session")


@pytest.fixture
def editor_client(client: TestClient, keys: dict[Role, str]) -> TestClient:
    """The test's client, signed in with the editor key."""
    sign_in(client, keys[Role.editor])
    return client


@pytest.fixture
def preview(editor_client: TestClient) -> Callable[..., str]:
    """Paste a text into /extract (as the signed-in editor) and return the page."""

    def run(text: str, published_at: str = PUBLISHED, url: str = "") -> str:
        response = editor_client.post(
            "/extract", data={"text": text, "published_at": published_at, "url": url}
        )
        assert response.status_code == 200, response.text
        page: str = response.text
        return page

    return run
