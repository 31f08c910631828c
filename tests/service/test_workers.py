"""Worker processes: calls run in them, their errors come back whole, a broken pool is given up."""

from __future__ import annotations

import logging
import os
import pickle
import threading

import pytest

from service.fetching import FetchError
from service.workers import Workers


def _refuse(reason: str) -> None:
    raise FetchError(reason, f"refused: {reason}")


def _die_unless_in(pid: int) -> int:
    # A worker dying mid-call, as one killed for its memory would.
    if os.getpid() != pid:
        os._exit(1)
    return pid


def test_calls_run_in_a_worker_process() -> None:
    with Workers(processes=2) as workers:
        assert workers.run(os.getpid) != os.getpid()


def test_with_one_process_calls_run_in_the_calling_thread() -> None:
    with Workers(processes=1) as workers:
        assert workers.run(threading.get_ident) == threading.get_ident()


def test_a_fetch_error_pickles_with_its_reason_and_message() -> None:
    error = pickle.loads(pickle.dumps(FetchError("no_text", "no article text")))
    assert (error.reason, error.message) == ("no_text", "no article text")


def test_a_workers_error_is_raised_in_the_caller_and_the_pool_goes_on() -> None:
    with Workers(processes=2) as workers:
        with pytest.raises(FetchError) as caught:
            workers.run(_refuse, "no_text")
        assert (caught.value.reason, caught.value.message) == ("no_text", "refused: no_text")
        assert workers.run(os.getpid) != os.getpid()


def test_a_broken_pool_is_given_up_and_calls_run_in_the_calling_thread(
    caplog: pytest.LogCaptureFixture,
) -> None:
    here = os.getpid()
    with (
        caplog.at_level(logging.WARNING, logger="service.workers"),
        Workers(processes=2) as workers,
    ):
        assert workers.run(_die_unless_in, here) == here
        assert workers.run(os.getpid) == here
    assert "going on in threads" in caplog.text
