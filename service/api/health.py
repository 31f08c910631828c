"""/api/v1/health: is the database reachable and migrated."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError

from service.api.deps import DatabaseDep
from service.database import NotMigratedError

router = APIRouter(tags=["health"])


@router.get("/health")
def health(database: DatabaseDep) -> JSONResponse:
    """200 when the database answers and is at the latest schema, 503 otherwise."""
    try:
        database.check_migrated()
    except NotMigratedError as error:
        return JSONResponse({"status": "error", "database": str(error)}, status_code=503)
    except SQLAlchemyError as error:
        message = f"database unreachable: {type(error).__name__}"
        return JSONResponse({"status": "error", "database": message}, status_code=503)
    return JSONResponse({"status": "ok", "database": database.dialect})
