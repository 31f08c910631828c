"""Fetching web pages and feeds for intake, guarded against what a URL can be made to reach.

Only http(s). Every address a host name resolves to is checked when the connection is
opened (so a redirect's target, and a name that resolves differently the second time, are
checked too): loopback, private, link-local and other non-public addresses are refused
unless private fetching is allowed (tests and local use). At most MAX_BYTES are read,
counted as they stream in; the whole fetch, redirects included, has MAX_SECONDS; at most
MAX_REDIRECTS are followed. Each refusal is a FetchError naming its reason.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpcore
import httpx

MAX_BYTES: Final = 5 * 1024 * 1024
MAX_SECONDS: Final = 10.0
MAX_REDIRECTS: Final = 5
USER_AGENT: Final = "Sooth/1.0 (claim intake; +https://github.com/sooth)"

Resolver = Callable[[str, int], list[str]]
AddressCheck = Callable[[str], "str | None"]


class FetchError(Exception):
    """A fetch that was refused or failed; `reason` is a short code, `message` for people."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message

    def __reduce__(self) -> tuple[type[FetchError], tuple[str, str]]:
        # Rebuilt from both fields: the default would call FetchError(message) alone, and a
        # worker process's error would then break the pool that returns it.
        return FetchError, (self.reason, self.message)


def resolve_host(host: str, port: int) -> list[str]:
    """Every address `host` resolves to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchError("unresolvable", f"the host {host} could not be found") from error
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def address_problem(address: str) -> str | None:
    """Why a fetch may not connect to `address` (loopback, private ...), or None if public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_private:
        return "private"
    if ip.is_multicast or ip.is_reserved or ip.is_unspecified or not ip.is_global:
        return "not public"
    return None


class _GuardedBackend(httpcore.SyncBackend):
    """Opens TCP connections only to addresses the policy allows, checking every one."""

    def __init__(self, *, allow_private: bool, resolve: Resolver, check: AddressCheck) -> None:
        self.allow_private = allow_private
        self.resolve = resolve
        self.check = check

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self.resolve(host, port)
        if not addresses:
            raise FetchError("unresolvable", f"the host {host} could not be found")
        if not self.allow_private:
            for address in addresses:
                problem = self.check(address)
                if problem is not None:
                    raise FetchError(
                        "address",
                        f"{host} resolves to {address}, a {problem} address; only public "
                        "addresses are fetched",
                    )
        # Connect to an address that was checked, not to a fresh lookup of the name.
        return super().connect_tcp(addresses[0], port, timeout, local_address, socket_options)


@dataclass(frozen=True)
class Fetched:
    """A page as fetched: where it ended up, its headers and its body."""

    url: str
    final_url: str
    status_code: int
    headers: Mapping[str, str]
    body: bytes
    redirects: list[str] = field(default_factory=list)

    @property
    def content_type(self) -> str:
        """The media type, lower-case, without parameters."""
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The charset the Content-Type header names, if any."""
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset":
                return value.strip().strip('"') or None
        return None


def url_refusal(url: str) -> FetchError | None:
    """Why `url` cannot be fetched before trying (scheme, no host), or None."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return FetchError(
            "scheme", f"only http and https addresses are fetched, not {parts.scheme or 'none'}"
        )
    if not parts.hostname:
        return FetchError("url", "the address has no host name")
    try:
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError:
        return FetchError("url", "the address's port is not a number")
    return None


def without_fragment(url: str) -> str:
    """`url` without its #fragment, its scheme and host lower-cased."""
    parts = urlsplit(url.strip())
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, "")
    )


class Fetcher:
    """A guarded HTTP client; one may be shared by threads."""

    def __init__(
        self,
        *,
        allow_private: bool = False,
        resolve: Resolver = resolve_host,
        check: AddressCheck = address_problem,
        max_bytes: int = MAX_BYTES,
        max_seconds: float = MAX_SECONDS,
        max_redirects: int = MAX_REDIRECTS,
        connections: int = 16,
    ) -> None:
        self.max_bytes = max_bytes
        self.max_seconds = max_seconds
        self.max_redirects = max_redirects
        transport = httpx.HTTPTransport(limits=httpx.Limits(max_connections=connections))
        # httpx takes no network backend of its own: the pool is rebuilt on the guarded one.
        transport._pool = httpcore.ConnectionPool(
            ssl_context=ssl.create_default_context(),
            max_connections=connections,
            max_keepalive_connections=connections,
            network_backend=_GuardedBackend(
                allow_private=allow_private, resolve=resolve, check=check
            ),
        )
        self._client = httpx.Client(
            transport=transport,
            follow_redirects=False,
            trust_env=False,  # a proxy from the environment would bypass the address check
            headers={"User-Agent": USER_AGENT},
        )

    def close(self) -> None:
        """Close the pooled connections."""
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def get(self, url: str, *, headers: Mapping[str, str] | None = None) -> Fetched:
        """GET `url`, following redirects hop by hop; FetchError when it may not or fails."""
        deadline = time.monotonic() + self.max_seconds
        current = url.strip()
        redirects: list[str] = []
        while True:
            refusal = url_refusal(current)
            if refusal is not None:
                raise refusal
            status, response_headers, body = self._one(current, headers or {}, deadline)
            if status in (301, 302, 303, 307, 308) and "location" in response_headers:
                if len(redirects) >= self.max_redirects:
                    raise FetchError(
                        "redirects", f"more than {self.max_redirects} redirects; gave up"
                    )
                redirects.append(current)
                current = urljoin(current, response_headers["location"])
                continue
            return Fetched(url, current, status, response_headers, body, redirects)

    def _one(
        self, url: str, headers: Mapping[str, str], deadline: float
    ) -> tuple[int, dict[str, str], bytes]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _too_slow(self.max_seconds)
        try:
            with self._client.stream(
                "GET", url, headers=dict(headers), timeout=httpx.Timeout(remaining)
            ) as response:
                response_headers = {k.lower(): v for k, v in response.headers.items()}
                if response.is_redirect:
                    return response.status_code, response_headers, b""
                declared = response_headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise _too_large(self.max_bytes)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise _too_large(self.max_bytes)
                    if time.monotonic() > deadline:
                        raise _too_slow(self.max_seconds)
                    chunks.append(chunk)
                return response.status_code, response_headers, b"".join(chunks)
        except FetchError:
            raise
        except httpx.TimeoutException as error:
            raise _too_slow(self.max_seconds) from error
        except httpx.HTTPError as error:
            host = urlsplit(url).hostname
            raise FetchError("unreachable", f"{host} could not be reached ({error})") from error


def _too_large(limit: int) -> FetchError:
    return FetchError("too_large", f"the page is larger than {limit // (1024 * 1024)} MB")


def _too_slow(limit: float) -> FetchError:
    return FetchError("timeout", f"the page did not arrive within {limit:g} seconds")
