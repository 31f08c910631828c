"""Which page form posts count as sent from Sooth's own pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.requests import Request

from service.pages.session import same_origin
from service.settings import Settings


def _post(headers: dict[str, str]) -> Request:
    raw = [(b"host", b"sooth.example.org")] + [
        (name.lower().encode(), value.encode()) for name, value in headers.items()
    ]
    return Request({"type": "http", "method": "POST", "path": "/resolve/x", "headers": raw})


@pytest.mark.parametrize(
    ("headers", "ours"),
    [
        ({"Origin": "https://sooth.example.org"}, True),
        ({"Origin": "https://evil.example"}, False),
        ({"Origin": "null"}, False),
        # A page with Referrer-Policy no-referrer makes Chromium send Origin: null; its
        # Sec-Fetch-Site, which no script can set, still says where the post came from.
        ({"Origin": "null", "Sec-Fetch-Site": "same-origin"}, True),
        ({"Origin": "null", "Sec-Fetch-Site": "cross-site"}, False),
        ({"Origin": "https://sooth.example.org", "Sec-Fetch-Site": "same-site"}, False),
        ({}, True),
    ],
)
def test_same_origin_believes_the_browsers_own_headers(
    headers: dict[str, str], ours: bool, tmp_path: Path
) -> None:
    settings = Settings(base_url="https://sooth.example.org", var_dir=tmp_path, _env_file=None)
    assert same_origin(_post(headers), settings) is ours
