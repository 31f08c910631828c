"""The FastAPI application, built by a factory from a Settings object."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from forecasts.domain import utc_now
from service.api import (
    claims,
    compare,
    feeds,
    health,
    inbox,
    intake,
    ledger,
    questions,
    reports,
    reviewers,
    search,
    snapshots,
    sources,
)
from service.api.docs import complete_openapi_of, install_docs
from service.api.errors import install_error_handlers, keep_validation_errors_json_safe
from service.database import Database
from service.deps import Clock
from service.limits import Rate, RequestLimits
from service.logs import redact_access_log
from service.pages import access, finder, quick_add, reader, resolve, session, verdicts
from service.pages import compare as compare_pages
from service.pages import inbox as inbox_pages
from service.pages import intake as intake_pages
from service.pages.errors import install_page_errors
from service.scheduler import build_scheduler
from service.settings import Settings

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
STATIC_DIR = Path(__file__).resolve().parent / "static"

DESCRIPTION = """
Sooth keeps a ledger of predictive claims made by named sources, gets them resolved when
they fall due, and scores each source's calibration.

Authenticate writes with `Authorization: Bearer <API key>` (`sooth keys create`).
Claims and resolutions are append-only: a wrong claim is retracted and recorded anew, a
wrong resolution is superseded by a new one with a reason.
"""


def create_app(
    settings: Settings | None = None,
    *,
    database: Database | None = None,
    clock: Clock = utc_now,
) -> FastAPI:
    """Build the app; it refuses to start on a database that is not migrated."""
    settings = settings or Settings()
    database = database or Database(
        settings.resolved_database_url(), pool_size=settings.database_pool_size
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database.check_migrated()
        scheduler = None
        if settings.scheduler:
            scheduler = build_scheduler(settings=settings, database=database, clock=clock)
            scheduler.start()
        app.state.scheduler = scheduler
        # What exists once the app has started (modules, routes, models, compiled patterns:
        # a quarter of a million objects) lives as long as the process. Frozen, it is left
        # out of the collector's full passes, each of which otherwise walks all of it and
        # holds up every request in flight for a tenth of a second or more.
        gc.freeze()
        try:
            yield
        finally:
            gc.unfreeze()
            if scheduler is not None:
                scheduler.shutdown(wait=True)
            await database.wal_copied()
            await database.close_loop_pool()
            database.dispose()

    app = FastAPI(
        title="Sooth",
        version="1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # install_docs: Swagger UI from assets Sooth ships, not from a CDN
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.settings = settings
    app.state.database = database
    app.state.clock = clock
    app.state.signed_in_reader = session.signed_in_reader
    install_error_handlers(app)
    app.add_middleware(
        RequestLimits,
        rate=Rate.parse(settings.anon_rate_limit),
        failed_key_rate=Rate.parse(settings.failed_key_limit),
        max_body_bytes=settings.max_body_bytes,
        clock=clock,
    )
    install_page_errors(app)
    keep_validation_errors_json_safe(app)
    redact_access_log()

    # Each router straight under the app, the most read first: routes are matched in
    # order, and every level of nesting is walked again on each request.
    for module in (
        questions,
        claims,
        sources,
        health,
        search,
        ledger,
        reviewers,
        intake,
        reports,
        snapshots,
        compare,
        inbox,
        feeds,
    ):
        app.include_router(module.router, prefix=API_PREFIX)
    # Before the reader's pages: /sources/new and /questions/new would match their {slug} and {id}.
    app.include_router(quick_add.router)
    app.include_router(reader.router)
    app.include_router(resolve.router)
    app.include_router(intake_pages.router)
    app.include_router(inbox_pages.router)
    app.include_router(session.router)
    app.include_router(compare_pages.router)
    app.include_router(finder.router)
    app.include_router(verdicts.router)
    app.include_router(access.router)
    install_docs(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    complete_openapi_of(app)
    return app
