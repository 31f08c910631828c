"""committed(): one commit for a unit of work, or a rollback and the error that caused it."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.dialects import sqlite

from forecasts.prepared import Cursor, committed


class _PipelineAbortedError(Exception):
    """What a pipelined connection raises for a ROLLBACK after a statement failed."""


class _AbortedConnection:
    """A connection whose transaction a failed statement aborted: it refuses to roll back."""

    def __init__(self) -> None:
        self.rollbacks = 0

    def commit(self) -> None:
        raise AssertionError("a failed unit of work is never committed")

    def rollback(self) -> None:
        self.rollbacks += 1
        raise _PipelineAbortedError("pipeline aborted")


def _fails(_: Cursor) -> Any:
    raise ZeroDivisionError("division by zero")


def test_the_error_that_failed_the_work_is_raised_even_when_the_rollback_fails() -> None:
    connection = _AbortedConnection()
    cursor = Cursor(None, sqlite.dialect())
    with pytest.raises(ZeroDivisionError, match="division by zero"):
        committed(connection, cursor, _fails)
    assert connection.rollbacks == 1
