"""Anonymous requests are rate limited per address (429), and big bodies are refused (413)."""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func
from sqlmodel import select

from forecasts.models import Source
from service.database import Database
from service.limits import Rate
from tests.conftest import MutableClock
from tests.e2e.conftest import serving
from tests.hostile.conftest import AppBuilder, ClientAt

SOURCE = {"slug": "ann", "name": "Ann", "kind": "person"}


def test_anonymous_requests_over_the_rate_get_429_with_retry_after(
    build_app: AppBuilder, client_at: ClientAt, clock: MutableClock
) -> None:
    client = client_at(build_app(anon_rate_limit="3/minute"), "203.0.113.7")
    assert [client.get("/api/v1/sources").status_code for _ in range(3)] == [200] * 3
    refused = client.get("/api/v1/sources")
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == "20"  # one token comes back every 20 s
    assert "API key" in refused.json()["detail"]
    clock.advance(timedelta(seconds=19))
    assert client.get("/api/v1/sources").status_code == 429
    clock.advance(timedelta(seconds=1))
    assert client.get("/api/v1/sources").status_code == 200
    assert client.get("/api/v1/sources").status_code == 429
    clock.advance(timedelta(hours=1))  # a bucket refills only up to its size
    assert [client.get("/api/v1/sources").status_code for _ in range(4)] == [200] * 3 + [429]


def test_each_address_has_its_own_bucket(build_app: AppBuilder, client_at: ClientAt) -> None:
    app = build_app(anon_rate_limit="1/hour")
    first, second = client_at(app, "198.51.100.1"), client_at(app, "198.51.100.2")
    assert first.get("/api/v1/sources").status_code == 200
    assert first.get("/api/v1/sources").status_code == 429
    assert first.get("/api/v1/sources").headers["retry-after"] == "3600"
    assert second.get("/api/v1/sources").status_code == 200


def test_requests_with_a_key_are_not_limited(
    build_app: AppBuilder, client_at: ClientAt, editor: dict[str, str]
) -> None:
    client = client_at(build_app(anon_rate_limit="2/minute"), "203.0.113.8")
    for _ in range(2):
        assert client.get("/api/v1/sources").status_code == 200
    assert client.get("/api/v1/sources").status_code == 429
    for _ in range(20):
        assert client.get("/api/v1/sources", headers=editor).status_code == 200
    assert client.post("/api/v1/sources", json=SOURCE, headers=editor).status_code == 201


def test_an_unknown_key_is_charged_to_its_address(
    build_app: AppBuilder, client_at: ClientAt
) -> None:
    client = client_at(build_app(anon_rate_limit="2/minute"), "203.0.113.9")
    forged = {"Authorization": "Bearer sooth_not-a-key"}
    assert client.get("/api/v1/sources", headers=forged).status_code == 401
    assert client.get("/api/v1/sources", headers=forged).status_code == 401
    assert client.get("/api/v1/sources").status_code == 429


def test_the_limit_can_be_turned_off(build_app: AppBuilder, client_at: ClientAt) -> None:
    client = client_at(build_app(anon_rate_limit="off"), "203.0.113.10")
    assert all(client.get("/api/v1/health").status_code == 200 for _ in range(300))


@pytest.mark.parametrize(
    ("text", "rate"),
    [("120/minute", Rate(120, 60)), (" 5 / second ", Rate(5, 1)), ("OFF", None), ("", None)],
)
def test_rates_are_read_from_settings(text: str, rate: Rate | None) -> None:
    assert Rate.parse(text) == rate


@pytest.mark.parametrize("text", ["120", "120/fortnight", "0/minute", "-1/minute", "x/minute"])
def test_a_malformed_rate_is_refused_with_an_example(text: str) -> None:
    with pytest.raises(ValueError, match="120/minute"):
        Rate.parse(text)


def _sources(database: Database) -> int:
    with database.reading() as session:
        return int(session.exec(select(func.count()).select_from(Source)).one())


def test_a_body_over_the_limit_is_refused_before_it_is_read(
    build_app: AppBuilder, client_at: ClientAt, editor: dict[str, str], database: Database
) -> None:
    client = client_at(build_app(max_body_bytes=2048), "203.0.113.11")
    big = {**SOURCE, "description": "x" * 4096}
    response = client.post("/api/v1/sources", json=big, headers=editor)
    assert response.status_code == 413
    assert "2048 bytes" in response.json()["detail"]
    assert client.post("/api/v1/sources", json=SOURCE, headers=editor).status_code == 201
    assert _sources(database) == 1


def test_a_chunked_body_is_counted_as_it_streams(
    build_app: AppBuilder, client_at: ClientAt, editor: dict[str, str], database: Database
) -> None:
    client = client_at(build_app(max_body_bytes=2048), "203.0.113.12")

    def chunks(total: int) -> Iterator[bytes]:
        yield b'{"slug": "bob", "name": "Bob", "kind": "person", "description": "'
        for _ in range(total // 512):
            yield b"y" * 512
        yield b'"}'

    headers = {**editor, "Content-Type": "application/json"}
    response = client.post("/api/v1/sources", content=chunks(8192), headers=headers)
    assert response.status_code == 413
    assert _sources(database) == 0
    response = client.post("/api/v1/sources", content=chunks(1024), headers=headers)
    assert response.status_code == 201, response.text


def test_a_chunked_body_over_the_limit_is_refused_by_a_real_server(
    build_app: AppBuilder, editor: dict[str, str], database: Database
) -> None:
    with serving(build_app(max_body_bytes=4096)) as base_url:
        address = urlsplit(base_url)
        connection = http.client.HTTPConnection(address.hostname or "", address.port, timeout=10)
        body = (b'{"slug": "eve", "name": "Eve", "kind": "person", "description": "%s"}') % (
            b"z" * 20000
        )
        connection.putrequest("POST", "/api/v1/sources")
        connection.putheader("Authorization", editor["Authorization"])
        connection.putheader("Content-Type", "application/json")
        connection.putheader("Transfer-Encoding", "chunked")
        connection.endheaders()
        try:
            for start in range(0, len(body), 1000):
                piece = body[start : start + 1000]
                connection.send(b"%x\r\n%s\r\n" % (len(piece), piece))
            connection.send(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may close the connection once it has refused the body
        response = connection.getresponse()
        assert response.status == 413
        connection.close()
    assert _sources(database) == 0


def test_static_files_are_not_counted_and_a_refused_page_is_a_page(
    build_app: AppBuilder, client_at: ClientAt
) -> None:
    client = client_at(build_app(anon_rate_limit="2/minute"), "203.0.113.11")
    for _ in range(2):
        assert client.get("/sources").status_code == 200
        assert client.get("/static/sooth.css").status_code == 200
    refused = client.get("/sources")
    assert refused.status_code == 429 and refused.headers["retry-after"] == "30"
    assert refused.headers["content-type"].startswith("text/html")
    assert "Too many requests" in refused.text and "30 seconds" in refused.text
    assert client.get("/api/v1/sources").json()["detail"].startswith("too many requests")


@pytest.mark.parametrize(
    "authorization",
    [
        "",
        " ",
        "Bearer",
        "Bearer   ",
        "Basic dXNlcjpwYXNz",
        "sooth_no-scheme",
    ],
)
def test_an_empty_or_malformed_key_counts_as_anonymous(
    build_app: AppBuilder, client_at: ClientAt, authorization: str
) -> None:
    client = client_at(build_app(anon_rate_limit="2/minute"), "203.0.113.11")
    headers = {"Authorization": authorization}
    statuses = [client.get("/api/v1/sources", headers=headers).status_code for _ in range(5)]
    assert statuses[2:] == [429] * 3, statuses
    assert client.get("/api/v1/sources").status_code == 429


def test_failed_key_attempts_are_limited_per_address(
    build_app: AppBuilder,
    client_at: ClientAt,
    clock: MutableClock,
    editor: dict[str, str],
) -> None:
    app = build_app(anon_rate_limit="off", failed_key_limit="3/minute")
    guesser, other = client_at(app, "203.0.113.12"), client_at(app, "203.0.113.13")
    guesses = [
        guesser.get("/api/v1/sources", headers={"Authorization": f"Bearer sooth_guess{n}"})
        for n in range(5)
    ]
    assert [r.status_code for r in guesses] == [401, 401, 401, 429, 429]
    assert guesses[-1].headers["retry-after"] == "20"
    assert "unknown API keys" in guesses[-1].json()["detail"]
    # Until a failed attempt has been forgiven, even a good key from there waits.
    assert guesser.get("/api/v1/sources", headers=editor).status_code == 429
    assert other.get("/api/v1/sources", headers=editor).status_code == 200
    assert other.get("/api/v1/sources", headers={"Authorization": "Bearer x"}).status_code == 401
    clock.advance(timedelta(seconds=20))
    assert guesser.get("/api/v1/sources", headers=editor).status_code == 200
    for _ in range(30):  # good keys are never charged
        assert guesser.get("/api/v1/sources", headers=editor).status_code == 200
