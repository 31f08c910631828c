"""Request limits: a rate per client for requests without a key, and a cap on body size.

Both live in one ASGI middleware in front of the app. The rate is a token bucket per client
address, kept in this process's memory: each process of a multi-worker server counts on
its own, so the effective limit is the setting times the number of processes. Requests
that carry a key (`Authorization: Bearer <something>`) are not limited; an empty or
malformed Authorization header carries none and counts as anonymous. A key that turns out
unknown (401) is charged to its address afterwards, to the anonymous bucket and to one of
failed key attempts: an address out of those gets 429 for every keyed request until it
refills, so keys cannot be guessed at the speed of the server. Static files are not
counted, and a refused page is answered with a page. Times come from the app's clock, so
tests move time.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from fastapi import HTTPException, Request, status
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.pages.errors import error_page, is_page

Clock = Callable[[], datetime]

_RATE = re.compile(r"^\s*(\d+)\s*/\s*(second|minute|hour|day)\s*$")
_PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
UNCOUNTED = ("/static/",)
# Buckets that have refilled are forgotten once this many addresses are tracked.
MAX_TRACKED = 10_000


@dataclass(frozen=True)
class Rate:
    """At most `requests` per `seconds`, with bursts of up to `requests`."""

    requests: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Rate | None:
        """'120/minute' -> 120 per 60 s; '' or 'off' -> no limit."""
        if text.strip().lower() in ("", "off"):
            return None
        match = _RATE.fullmatch(text.strip().lower())
        if match is None or int(match.group(1)) < 1:
            raise ValueError(
                f"rate limit {text!r} must look like 120/minute (per second, minute, hour "
                "or day), or be off"
            )
        return cls(requests=int(match.group(1)), seconds=_PERIODS[match.group(2)])


@dataclass
class _Bucket:
    tokens: float
    updated: datetime


class TokenBuckets:
    """One bucket per client, holding up to `rate.requests` tokens, refilled continuously."""

    def __init__(self, rate: Rate, clock: Clock) -> None:
        self.rate = rate
        self.clock = clock
        self._refill = rate.requests / rate.seconds
        self._buckets: dict[str, _Bucket] = {}

    def _bucket(self, client: str) -> _Bucket:
        now = self.clock()
        bucket = self._buckets.get(client)
        if bucket is None:
            if len(self._buckets) >= MAX_TRACKED:
                self._forget_full(now)
            bucket = self._buckets[client] = _Bucket(float(self.rate.requests), now)
            return bucket
        elapsed = max((now - bucket.updated).total_seconds(), 0.0)
        bucket.tokens = min(float(self.rate.requests), bucket.tokens + elapsed * self._refill)
        bucket.updated = now
        return bucket

    def take(self, client: str) -> float:
        """Take a token: 0 when the request may go on, else the seconds until one is free."""
        bucket = self._bucket(client)
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) / self._refill

    def wait(self, client: str) -> float:
        """The seconds until `client` has a token, without taking one: 0 when it has."""
        bucket = self._bucket(client)
        return 0.0 if bucket.tokens >= 1 else (1 - bucket.tokens) / self._refill

    def charge(self, client: str) -> None:
        """Take a token if one is left, for a request found to deserve one afterwards."""
        bucket = self._bucket(client)
        bucket.tokens = max(bucket.tokens - 1, 0.0)

    def _forget_full(self, now: datetime) -> None:
        full_after = self.rate.seconds
        self._buckets = {
            client: bucket
            for client, bucket in self._buckets.items()
            if (now - bucket.updated).total_seconds() < full_after
        }
        if len(self._buckets) >= MAX_TRACKED:
            # Every address is recent: keep the newer half rather than grow without bound.
            recent = sorted(self._buckets.items(), key=lambda item: item[1].updated)
            self._buckets = dict(recent[len(recent) // 2 :])


class BodyTooLargeError(HTTPException):
    """A request body went past the configured size while it was being read."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            status.HTTP_413_CONTENT_TOO_LARGE,
            detail=f"the request body is larger than {limit} bytes (SOOTH_MAX_BODY_BYTES)",
        )


def carries_key(headers: Headers) -> bool:
    """Whether the request names a key at all: `Authorization: Bearer <non-empty>`."""
    scheme, _, value = headers.get("authorization", "").strip().partition(" ")
    return scheme.lower() == "bearer" and bool(value.strip())


class RequestLimits:
    """ASGI middleware refusing anonymous requests over the rate (429) and big bodies (413)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        rate: Rate | None,
        failed_key_rate: Rate | None,
        max_body_bytes: int,
        clock: Clock,
    ) -> None:
        self.app = app
        self.buckets = TokenBuckets(rate, clock) if rate is not None else None
        self.failed_keys = (
            TokenBuckets(failed_key_rate, clock) if failed_key_rate is not None else None
        )
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        keyed = carries_key(headers)
        client = scope["client"][0] if scope.get("client") else "unknown"
        # A page brings its stylesheet along: counting it would halve what a reader sees.
        counted = not scope["path"].startswith(UNCOUNTED)
        wait = 0.0
        if self.buckets is not None and not keyed and counted:
            wait = self.buckets.take(client)
            refusal = "too many requests without an API key"
        elif self.failed_keys is not None and keyed:
            wait = self.failed_keys.wait(client)
            refusal = "too many requests with unknown API keys from this address"
        if wait:
            seconds = max(math.ceil(wait), 1)
            if is_page(Request(scope)):
                await _refuse_page(scope, receive, send, seconds)
                return
            await _refuse(
                send,
                status.HTTP_429_TOO_MANY_REQUESTS,
                f"{refusal}; retry in {seconds} s",
                [(b"retry-after", str(seconds).encode())],
            )
            return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body_bytes:
            error = BodyTooLargeError(self.max_body_bytes)
            await _refuse(send, error.status_code, str(error.detail))
            return

        received = 0
        response_status = 0

        async def counted_receive() -> Message:
            # Chunked bodies have no Content-Length: count them as they arrive.
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise BodyTooLargeError(self.max_body_bytes)
            return message

        async def watched_send(message: Message) -> None:
            nonlocal response_status
            if message["type"] == "http.response.start":
                response_status = message["status"]
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except BodyTooLargeError as error:
            if response_status:
                raise
            await _refuse(send, error.status_code, str(error.detail))
        if keyed and response_status == status.HTTP_401_UNAUTHORIZED:
            if self.buckets is not None:
                self.buckets.charge(client)
            if self.failed_keys is not None:
                self.failed_keys.charge(client)


async def _refuse_page(scope: Scope, receive: Receive, send: Send, seconds: int) -> None:
    page = error_page(
        Request(scope),
        status.HTTP_429_TOO_MANY_REQUESTS,
        [
            f"Too many pages were asked for from your address in a short time. "
            f"Try again in {seconds} seconds."
        ],
        headers={"Retry-After": str(seconds)},
    )
    await page(scope, receive, send)


async def _refuse(
    send: Send, code: int, detail: str, headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": code,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
