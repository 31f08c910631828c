"""The API's documentation: Swagger UI at /docs, and the OpenAPI document's parts FastAPI
cannot infer (the bearer scheme, each operation's security, the errors each operation can
answer with).

Swagger UI is served from the assets fastapi-offline ships, under /docs-assets, so that
it renders on a host without internet. Its routes are this module's own functions, which
read the app from the request: FastAPI keeps the endpoints it has looked at in caches of
its own for the life of the process, and an endpoint made for each app (as
fastapi-offline's FastAPIOffline makes them) would keep every app alive with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import fastapi_offline
from fastapi import APIRouter, FastAPI, Request
from fastapi.dependencies.models import Dependant
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute, RouteContext, iter_route_contexts
from fastapi.staticfiles import StaticFiles

from service.api.deps import may_read, require

DOCS_ASSETS = "/docs-assets"
_ASSETS_DIRECTORY = Path(fastapi_offline.__file__).parent / "static"

router = APIRouter(include_in_schema=False)


@router.get("/docs")
async def swagger_ui(request: Request) -> HTMLResponse:
    """Swagger UI on the app's OpenAPI document, with its scripts from /docs-assets."""
    app: FastAPI = request.app
    root = request.scope.get("root_path", "")
    assets = f"{root}{DOCS_ASSETS}"
    return get_swagger_ui_html(
        openapi_url=f"{root}{app.openapi_url}",
        title=f"{app.title} - Swagger UI",
        oauth2_redirect_url=app.swagger_ui_oauth2_redirect_url,
        swagger_js_url=f"{assets}/swagger-ui-bundle.js",
        swagger_css_url=f"{assets}/swagger-ui.css",
        swagger_favicon_url=f"{assets}/favicon.png",
        swagger_ui_parameters=app.swagger_ui_parameters,
    )


@router.get("/docs/oauth2-redirect")
async def swagger_ui_redirect() -> HTMLResponse:
    """Where Swagger UI's OAuth2 sign-in comes back to."""
    return get_swagger_ui_oauth2_redirect_html()


def install_docs(app: FastAPI) -> None:
    """Swagger UI at /docs and its assets under /docs-assets."""
    app.include_router(router)
    app.mount(DOCS_ASSETS, StaticFiles(directory=_ASSETS_DIRECTORY), name="docs-assets")


BEARER = "bearer"
# The qualified name of the dependencies require() builds, one per role.
_ROLE_DEPENDENCY = require.__qualname__ + ".<locals>.dependency"
# Writes that store nothing, so cannot conflict with what is stored.
_NO_CONFLICT = {"/api/v1/extract"}

ERROR_SCHEMA: dict[str, Any] = {
    "title": "Error",
    "type": "object",
    "description": "What went wrong: a sentence, or one entry per field at fault.",
    "properties": {
        "detail": {
            "anyOf": [
                {"type": "string"},
                {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "loc": {"type": "array", "items": {"type": "string"}},
                            "msg": {"type": "string"},
                            "type": {"type": "string"},
                        },
                    },
                },
            ]
        }
    },
    "required": ["detail"],
}

ERRORS: dict[int, str] = {
    401: "No API key where one is needed, or a key that is unknown or revoked.",
    403: "The key's role does not allow this.",
    404: "Nothing has the id or slug in the path.",
    409: "The write conflicts with what is stored (a taken slug, a repeat, a state that "
    "does not allow it); the message names what.",
    413: "The request body is larger than SOOTH_MAX_BODY_BYTES.",
    429: "Too many requests from this address without a valid key; Retry-After says when "
    "to try again.",
}


def complete_openapi_of(app: FastAPI) -> None:
    """Make the app's OpenAPI document the completed one, built once."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            app.openapi_schema = complete_openapi(document, app.routes)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def complete_openapi(document: dict[str, Any], routes: list[Any]) -> dict[str, Any]:
    """Add the bearer scheme, each operation's security and the errors it can answer with."""
    components = document.setdefault("components", {})
    components.setdefault("securitySchemes", {})[BEARER] = {
        "type": "http",
        "scheme": "bearer",
        "description": "An API key from `sooth keys create`, as `Authorization: Bearer <key>`.",
    }
    components.setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    # Routers included in the app are not flattened into app.routes: walk them as
    # FastAPI's own get_openapi does.
    for route in iter_route_contexts(routes):
        if not isinstance(route.original_route, APIRoute) or not route.include_in_schema:
            continue
        path_format = route.path_format or ""
        path = document["paths"].get(path_format, {})
        for method in route.methods or ():
            operation = path.get(method.lower())
            if operation is not None:
                _complete_operation(operation, route=route, path=path_format, method=method)
    return document


def _complete_operation(
    operation: dict[str, Any], *, route: RouteContext, path: str, method: str
) -> None:
    calls = list(_dependency_calls(route.dependant))
    needs_role = any(call.__qualname__ == _ROLE_DEPENDENCY for call in calls)
    reads = any(call is may_read for call in calls)
    codes = {429}
    if needs_role:
        operation["security"] = [{BEARER: []}]
        codes |= {401, 403}
    elif reads:
        # Public when SOOTH_PUBLIC_READ is on; any valid key otherwise.
        operation["security"] = [{}, {BEARER: []}]
        codes |= {401}
    if "{" in path:
        codes.add(404)
    if "requestBody" in operation:
        codes.add(413)
    if method in {"POST", "PUT", "PATCH", "DELETE"} and path not in _NO_CONFLICT:
        codes.add(409)
    responses = operation.setdefault("responses", {})
    for code in sorted(codes):
        responses.setdefault(
            str(code),
            {
                "description": ERRORS[code],
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            },
        )


def _dependency_calls(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for dependency in dependant.dependencies:
        if dependency.call is not None:
            yield dependency.call
        yield from _dependency_calls(dependency)
