"""Every error as JSON that names the field at fault and says what is wrong."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request, status
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError, OperationalError

from forecasts.domain import DomainError, NotFoundError

log = logging.getLogger(__name__)


def _detail(location: str, field: str, message: str, kind: str) -> list[dict[str, object]]:
    return [{"loc": [location, *field.split(".")], "msg": message, "type": kind}]


async def _domain_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, DomainError)
    location = "path" if isinstance(error, NotFoundError) else "body"
    return JSONResponse(
        {"detail": _detail(location, error.field, error.message, error.kind)},
        status_code=error.status_code,
    )


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


def install_error_handlers(app: FastAPI) -> None:
    """Map the ledger's own errors and database refusals onto HTTP responses."""
    app.add_exception_handler(DomainError, _domain_error)
    app.add_exception_handler(IntegrityError, _integrity_error)
    app.add_exception_handler(OperationalError, _busy_error)
