"""Handing a waiting caller the outcome of work done for it on the event loop."""

from __future__ import annotations

import asyncio
from typing import Any, Protocol, TypeVar

# What a unit of work of a batch came to: its result, or the error it failed with.
Outcome = tuple[Any, Exception | None]


def settle(done: asyncio.Future[Any], *, result: Any = None, error: Any = None) -> None:
    """Give a waiting write its outcome, unless its caller has gone."""
    if done.done():
        return
    if error is not None:
        done.set_exception(error)
    else:
        done.set_result(result)


class Waiting(Protocol):
    """Work queued for a writer, with the future its caller waits on."""

    @property
    def done(self) -> asyncio.Future[Any]: ...


W = TypeVar("W", bound=Waiting)


def fail_queued(queued: list[W], error: BaseException) -> None:
    """Fail and forget every unit of work still queued for a writer that stopped with
    `error`: nothing may be left waiting for it.
    """
    stopped = error if isinstance(error, Exception) else RuntimeError("shutting down")
    for unit in queued:
        settle(unit.done, error=stopped)
    queued.clear()
