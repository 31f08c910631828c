"""What a started app was built from is left out of the garbage collector's full passes."""

from __future__ import annotations

import gc
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
