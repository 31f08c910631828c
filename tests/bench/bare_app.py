"""The baseline of the load benchmark: a FastAPI app with one route returning constant JSON.

Served by uvicorn exactly as `sooth serve` serves Sooth, so the ratio of the two measures
what Sooth adds to a request beyond the framework and the server.
"""

from __future__ import annotations

from fastapi import FastAPI


def create_app() -> FastAPI:
    """An app answering GET /constant with a fixed JSON object."""
    app = FastAPI()

    @app.get("/constant")
    async def constant() -> dict[str, object]:
        return {"id": 1, "title": "Will it happen?", "status": "open", "tags": ["bench"]}

    return app
