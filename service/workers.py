"""Worker processes, for Python work that would otherwise hold the interpreter's lock.

Workers are forked from one server process (multiprocessing's fork server), started once
per process: no fork copies a process running threads (the service's hold locks and
connections, and a child forked amid them can hang), and each worker starts with the
modules in PRELOAD imported. The fork server takes its list when it starts, so every
module whose functions run in workers is named here. Before Python 3.13.8 and 3.14.1 the
fork server does not preload the main script (CPython gh-126631), so each worker runs the
main script's imports again: about a second for `sooth`.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import ForkServerContext
from typing import Final, ParamSpec, TypeVar

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

PRELOAD: Final = ("__main__", "service.verification", "service.reading")


def worker_context() -> ForkServerContext:
    """The multiprocessing context for worker processes."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(PRELOAD))
    return context


def usable_cores() -> int:
    """How many cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not offered on every platform
        return os.cpu_count() or 1


class Workers:
    """Runs functions of picklable arguments in worker processes, for Python work that would
    otherwise hold the interpreter's lock; one may be shared by threads, each waiting for its
    own call.

    With fewer than two processes calls run in the calling thread. A pool that breaks (a
    worker killed) is given up: the calls it had, and every later one, run in the calling
    thread instead.
    """

    def __init__(self, *, processes: int) -> None:
        self._pool = (
            ProcessPoolExecutor(processes, mp_context=worker_context()) if processes > 1 else None
        )
        self._lock = threading.Lock()

    def run(self, function: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """`function(*args, **kwargs)`, in a worker if there is one; its exceptions are raised."""
        pool = self._pool
        if pool is not None:
            try:
                return pool.submit(function, *args, **kwargs).result()
            except BrokenProcessPool as error:
                self._give_up(pool, error)
        return function(*args, **kwargs)

    def _give_up(self, pool: ProcessPoolExecutor, error: BrokenProcessPool) -> None:
        with self._lock:
            if self._pool is not pool:
                return
            self._pool = None
        log.warning("worker processes failed (%s); going on in threads", error)
        pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stop the worker processes, waiting for the calls under way."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
