"""The guarded fetcher against a local server: schemes, addresses, redirects, size, time."""

from __future__ import annotations

import pytest

from service.fetching import (
    MAX_BYTES,
    MAX_REDIRECTS,
    MAX_SECONDS,
    Fetcher,
    FetchError,
    address_problem,
)
from tests.intake.web import LEVY, Route, serving


def loopback_is_public(address: str) -> str | None:
    """A policy standing in for the internet: 127.0.0.1 counts as public, the rest as usual."""
    return None if address == "127.0.0.1" else address_problem(address)


def refusal(fetcher: Fetcher, url: str) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetcher.get(url)
    return caught.value


def test_limits_are_five_megabytes_ten_seconds_five_redirects() -> None:
    assert (MAX_BYTES, MAX_SECONDS, MAX_REDIRECTS) == (5 * 1024 * 1024, 10.0, 5)


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.7", "private"),
        ("172.16.5.5", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("::ffff:10.0.0.1", "private"),
        ("0.0.0.0", "private"),
        ("93.184.216.34", None),
        ("2606:2800:220:1:248:1893:25c8:1946", None),
    ],
)
def test_address_problems(address: str, problem: str | None) -> None:
    found = address_problem(address)
    assert (found is None) == (problem is None)
    if problem is not None:
        assert found == problem or problem in str(found)


def test_only_http_and_https_are_fetched() -> None:
    with Fetcher(allow_private=True) as fetcher:
        assert refusal(fetcher, "file:///etc/passwd").reason == "scheme"
        assert refusal(fetcher, "ftp://example.org/a").reason == "scheme"


def test_loopback_is_refused_unless_private_fetching_is_allowed() -> None:
    with serving({"/a": Route(LEVY)}) as site:
        with Fetcher() as fetcher:
            refused = refusal(fetcher, site.url("/a"))
        assert refused.reason == "address"
        assert "loopback" in refused.message
        assert site.hits("/a") == 0
        with Fetcher(allow_private=True) as fetcher:
            assert fetcher.get(site.url("/a")).body == LEVY


def test_every_resolved_address_is_checked() -> None:
    def resolve(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "10.0.0.5"]

    with Fetcher(resolve=resolve) as fetcher:
        refused = refusal(fetcher, "http://news.example/a")
    assert refused.reason == "address"
    assert "10.0.0.5" in refused.message and "private" in refused.message


@pytest.mark.parametrize(
    "target", ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://[::1]/"]
)
def test_a_redirect_to_a_private_address_is_refused(target: str) -> None:
    routes = {"/a": Route(status=302, location=target)}
    with serving(routes) as site, Fetcher(check=loopback_is_public) as fetcher:
        refused = refusal(fetcher, site.url("/a"))
    assert refused.reason == "address"
    assert site.hits("/a") == 1


def test_five_redirects_are_followed_and_a_sixth_is_refused() -> None:
    routes = {f"/r{n}": Route(status=302, location=f"/r{n + 1}") for n in range(6)}
    routes["/r6"] = Route(LEVY)
    routes["/r5"] = Route(status=301, location="/r6")
    with serving(routes) as site, Fetcher(check=loopback_is_public) as fetcher:
        fetched = fetcher.get(site.url("/r1"))
        assert fetched.final_url == site.url("/r6")
        assert len(fetched.redirects) == 5
        assert refusal(fetcher, site.url("/r0")).reason == "redirects"


def test_a_body_over_the_limit_is_refused_while_it_streams() -> None:
    routes = {
        "/big": Route(stream_bytes=MAX_BYTES + 100_000),
        "/declared": Route(stream_bytes=MAX_BYTES + 100_000, declared_length=MAX_BYTES + 1),
    }
    with serving(routes) as site, Fetcher(allow_private=True) as fetcher:
        big = refusal(fetcher, site.url("/big"))
        assert big.reason == "too_large" and "5 MB" in big.message
        assert refusal(fetcher, site.url("/declared")).reason == "too_large"


def test_a_slow_page_is_given_up_at_the_time_limit() -> None:
    routes = {"/slow": Route(LEVY, drip_seconds=0.05)}
    with serving(routes) as site, Fetcher(allow_private=True, max_seconds=0.5) as fetcher:
        refused = refusal(fetcher, site.url("/slow"))
    assert refused.reason == "timeout"
    assert "0.5 seconds" in refused.message
