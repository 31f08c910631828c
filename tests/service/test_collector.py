"""What a started app was built from is left out of the garbage collector's full passes,
and an app that has stopped is freed."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Callable
from typing import Any

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
    collect_in_this_thread()
    assert app() is None


def collect_in_this_thread() -> None:
    """A full collection run by this thread. `gc.collect()` returns at once, having freed
    nothing, while another thread is collecting (the interpreter runs one collection at a
    time), and a worker thread's collection can outlast the app it would have freed when
    a finaliser it runs waits on a connection or a lock.
    """
    this_thread = threading.get_ident()
    ran = threading.Event()

    def note(phase: str, info: dict[str, Any]) -> None:
        if phase == "start" and info["generation"] == 2 and threading.get_ident() == this_thread:
            ran.set()

    gc.callbacks.append(note)
    try:
        gc.collect()
        while not ran.is_set():
            # Let the other thread finish its collection, then run ours.
            ran.wait(0.001)
            gc.collect()
    finally:
        gc.callbacks.remove(note)


def test_a_collection_is_run_even_while_another_thread_is_collecting() -> None:
    finalising, finish = threading.Event(), threading.Event()

    class HeldInFinaliser:
        def __init__(self) -> None:
            self.itself = self  # a cycle: only the collector frees it

        def __del__(self) -> None:
            finalising.set()
            finish.wait()

    def collect_slowly() -> None:
        HeldInFinaliser()
        gc.collect()

    worker = threading.Thread(target=collect_slowly)
    worker.start()
    finalising.wait()
    garbage = Cycle()
    freed = weakref.ref(garbage)
    del garbage
    gc.collect()
    assert freed() is not None  # skipped: the worker is still collecting
    threading.Timer(0.05, finish.set).start()
    collect_in_this_thread()
    worker.join()
    assert freed() is None


class Cycle:
    def __init__(self) -> None:
        self.itself = self
