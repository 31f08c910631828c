"""POST /api/v1/intake/url and `sooth intake url`: a page fetched, read, stored once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from service.cli import app as cli
from service.database import Database
from tests.intake.web import LEVY, Route, Site, serving

ROUTES = {
    "/news/levy": Route(LEVY),
    "/moved": Route(status=302, location="/news/levy"),
    "/feed.xml": Route(b"<rss/>", content_type="application/rss+xml"),
    "/gone": Route(b"gone", status=404),
}


@pytest.fixture
def site() -> Iterator[Site]:
    with serving(ROUTES) as served:
        yield served


@pytest.fixture
def local(app_factory: Callable[..., TestClient]) -> Iterator[TestClient]:
    """The app allowed to fetch from loopback, as for local use."""
    with app_factory(intake_allow_private=True) as client:
        yield client


def test_url_intake_stores_the_article_and_its_candidates(
    local: TestClient, editor: dict[str, str], site: Site
) -> None:
    url = site.url("/news/levy")
    response = local.post(
        "/api/v1/intake/url", json={"url": url, "tags": ["Transit"]}, headers=editor
    )
    assert response.status_code == 201, response.text
    body = response.json()
    article = body["article"]
    assert article["url"] == url
    assert article["title"] == "Council splits over transit levy"
    assert article["author"] == "Maria Keane"
    assert article["publisher"] == "The Harbour Times"
    assert article["published_at"] == "2024-03-01T09:00:00Z"
    assert article["fetched_at"] == "2026-03-02T12:00:00Z"
    assert article["tags"] == ["transit"]
    sentences = [c["sentence"] for c in body["candidates"]]
    assert any("70% chance that the levy passes" in s for s in sentences)
    assert any("second mutiny" in s for s in sentences)
    assert not any("weather was sunny" in s for s in sentences)
    first = body["candidates"][0]
    assert first["status"] == "pending"
    assert first["article_id"] == article["id"]
    assert {"id", "speaker", "probability", "deadline", "confidence", "span"} <= first.keys()


def test_the_same_url_again_answers_200_with_what_is_stored_and_adds_nothing(
    local: TestClient, editor: dict[str, str], site: Site
) -> None:
    url = site.url("/news/levy")
    first = local.post("/api/v1/intake/url", json={"url": url}, headers=editor)
    again = local.post("/api/v1/intake/url", json={"url": url + "#comments"}, headers=editor)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert site.hits("/news/levy") == 1
    listed = local.get("/api/v1/candidates", headers=editor).json()
    assert listed["total"] == len(first.json()["candidates"])


def test_a_redirected_url_is_read_where_it_ends(
    local: TestClient, editor: dict[str, str], site: Site
) -> None:
    response = local.post("/api/v1/intake/url", json={"url": site.url("/moved")}, headers=editor)
    assert response.status_code == 201, response.text
    assert response.json()["article"]["url"] == site.url("/moved")


@pytest.mark.parametrize(("path", "reason"), [("/feed.xml", "content_type"), ("/gone", "status")])
def test_what_is_not_an_article_page_is_a_422_naming_why(
    local: TestClient, editor: dict[str, str], site: Site, path: str, reason: str
) -> None:
    response = local.post("/api/v1/intake/url", json={"url": site.url(path)}, headers=editor)
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == reason
    assert response.json()["detail"][0]["loc"] == ["body", "url"]


def test_loopback_is_refused_by_default_with_the_reason(
    client: TestClient, editor: dict[str, str], site: Site
) -> None:
    response = client.post(
        "/api/v1/intake/url", json={"url": site.url("/news/levy")}, headers=editor
    )
    assert response.status_code == 422
    problem = response.json()["detail"][0]
    assert problem["type"] == "address"
    assert "loopback" in problem["msg"]
    assert site.hits("/news/levy") == 0
    assert client.get("/api/v1/candidates", headers=editor).json()["total"] == 0


def test_a_non_web_scheme_is_refused(local: TestClient, editor: dict[str, str]) -> None:
    response = local.post("/api/v1/intake/url", json={"url": "file:///etc/passwd"}, headers=editor)
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "scheme"


def test_url_intake_needs_an_editor(
    local: TestClient, reviewer: dict[str, str], site: Site
) -> None:
    url = site.url("/news/levy")
    assert local.post("/api/v1/intake/url", json={"url": url}).status_code == 401
    assert local.post("/api/v1/intake/url", json={"url": url}, headers=reviewer).status_code == 403


def test_cli_intake_url_stores_the_article(
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    site: Site,
    database: Database,
) -> None:
    monkeypatch.setenv("SOOTH_DATABASE_URL", database_url)
    monkeypatch.setenv("SOOTH_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("SOOTH_INTAKE_ALLOW_PRIVATE", "true")
    runner = CliRunner()
    first = runner.invoke(cli, ["intake", "url", site.url("/news/levy")])
    assert first.exit_code == 0, first.output
    assert "stored: Council splits over transit levy" in first.output
    again = runner.invoke(cli, ["intake", "url", site.url("/news/levy")])
    assert "already stored" in again.output
    monkeypatch.setenv("SOOTH_INTAKE_ALLOW_PRIVATE", "false")
    refused = runner.invoke(cli, ["intake", "url", site.url("/moved")])
    assert refused.exit_code == 1
    assert "loopback" in refused.output
