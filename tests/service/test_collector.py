"""What a started app was built from is left out of the garbage collector's full passes,
and an app that has stopped is freed."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable

from fastapi.testclient import TestClient


def test_a_started_app_freezes_what_it_was_built_from_and_thaws_it_at_shutdown(
    app_factory: Callable[..., TestClient],
) -> None:
    assert gc.get_freeze_count() == 0
    with app_factory() as client:
        frozen = gc.get_freeze_count()
        assert client.get("/api/v1/health").status_code == 200
    # Every module, route and model of the process, not a handful of objects.
    assert frozen > 50_000
    assert gc.get_freeze_count() == 0


def test_an_app_that_has_served_every_kind_of_page_and_stopped_is_freed(
    app_factory: Callable[..., TestClient],
) -> None:
    # FastAPI keeps every endpoint it has looked at in caches of its own, for the life of
    # the process: an endpoint made for one app alone would keep that app alive.
    with app_factory() as client:
        for path in ("/api/v1/health", "/docs", "/docs/oauth2-redirect", "/", "/inbox"):
            client.get(path)
        app = weakref.ref(client.app)
    del client
    gc.collect()
    assert app() is None
