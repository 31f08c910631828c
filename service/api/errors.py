"""Every error as JSON that names the field at fault and says what is wrong."""

from __future__ import annotations

import logging
import math

from fastapi import FastAPI, HTTPException, Request, Response, status
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError, OperationalError

from forecasts.domain import DomainError, NotFoundError, RepeatError

log = logging.getLogger(__name__)


def _detail(location: str, field: str, message: str, kind: str) -> list[dict[str, object]]:
    return [{"loc": [location, *field.split(".")], "msg": message, "type": kind}]


async def _domain_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, DomainError)
    location = "path" if isinstance(error, NotFoundError) else "body"
    detail = _detail(location, error.field, error.message, error.kind)
    if isinstance(error, RepeatError):
        url = str(request.base_url).rstrip("/") + "/api/v1" + error.path
        detail[0]["existing"] = error.existing | {"url": url}
    return JSONResponse({"detail": detail}, status_code=error.status_code)


async def _integrity_error(request: Request, error: Exception) -> JSONResponse:
    # Reached when a concurrent write won a uniqueness race or a trigger refused a change.
    log.warning(
        "write refused by the database on %s %s: %s",
        request.method,
        request.url.path,
        getattr(error, "orig", error),
    )
    return JSONResponse(
        {
            "detail": [
                {
                    "loc": ["body"],
                    "msg": "the database refused this write as conflicting "
                    "with what is stored; reload and try again",
                    "type": "conflict",
                }
            ]
        },
        status_code=status.HTTP_409_CONFLICT,
    )


async def _busy_error(request: Request, error: Exception) -> JSONResponse:
    log.warning("database busy on %s %s: %s", request.method, request.url.path, error)
    return JSONResponse(
        {"detail": "the database is busy; retry shortly"},
        status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
        headers={"Retry-After": "1"},
    )


_UNSTORABLE = (
    "too large to convert to SQLite INTEGER",  # SQLite's driver, past 2**63 - 1
    "integer out of range",  # PostgreSQL, past an INTEGER column's 2**31 - 1
    "cannot contain NUL (0x00) bytes",  # PostgreSQL text
)


async def _unstorable_input(request: Request, error: Exception) -> JSONResponse:
    # Inputs declare their bounds (RowId, PathId, the NUL check on bodies); this catches a
    # value that was not bounded and that the database cannot even compare with. Anything
    # else is a bug and stays a 500.
    reason = str(getattr(error, "orig", None) or error)
    if not any(marker in reason for marker in _UNSTORABLE):
        raise error
    return JSONResponse(
        {
            "detail": [
                {
                    "loc": ["request"],
                    "msg": "this request holds a value the database cannot store: "
                    "a whole number above 2147483647 or text with a NUL character",
                    "type": "out_of_range",
                }
            ]
        },
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
    )


def _json_safe(value: object) -> object:
    """`value` with what UTF-8 JSON cannot carry (NaN, Infinity, lone surrogates) as text."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {key: _json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(item) for item in value]
    return value


def keep_validation_errors_json_safe(app: FastAPI) -> None:
    """Wrap the installed handler of invalid requests so it can echo any input.

    A body may spell NaN or Infinity, or escape half a surrogate pair such as \\ud800
    (Python's JSON reader accepts them); the 422 that refuses it echoes the input, and
    UTF-8 JSON cannot carry those values, so without this the refusal itself fails with a
    500. Call it after every other handler is installed.
    """
    inner = app.exception_handlers.get(RequestValidationError, request_validation_exception_handler)

    async def handler(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        safe = RequestValidationError(_json_safe(error.errors()), body=error.body)  # type: ignore[arg-type]
        response: Response = await inner(request, safe)  # type: ignore[misc]
        return response

    app.add_exception_handler(RequestValidationError, handler)


def field_error(field: str, message: str, kind: str) -> HTTPException:
    """A 422 naming the body's field at fault, in the shape every other 422 has."""
    return HTTPException(
        status.HTTP_422_UNPROCESSABLE_CONTENT, detail=_detail("body", field, message, kind)
    )


def install_error_handlers(app: FastAPI) -> None:
    """Map the ledger's own errors and database refusals onto HTTP responses."""
    app.add_exception_handler(DomainError, _domain_error)
    app.add_exception_handler(IntegrityError, _integrity_error)
    app.add_exception_handler(OperationalError, _busy_error)
    app.add_exception_handler(OverflowError, _unstorable_input)
    app.add_exception_handler(DataError, _unstorable_input)
