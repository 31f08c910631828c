"""Errors on HTML routes as pages in the site's layout; API routes keep their JSON errors."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

from fastapi import FastAPI, Request, status
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import Response

from forecasts.domain import DomainError, NotFoundError
from service.pages.templating import templates

Handler = Callable[[Request, Exception], Awaitable[Response]]

# Paths whose clients expect JSON (or a file), never an HTML page.
NOT_PAGES = ("/api/", "/docs", "/static/")

TITLES = {
    status.HTTP_400_BAD_REQUEST: "That request could not be understood",
    status.HTTP_401_UNAUTHORIZED: "Reading needs an API key",
    status.HTTP_403_FORBIDDEN: "Not allowed",
    status.HTTP_405_METHOD_NOT_ALLOWED: "That is not something this page does",
    status.HTTP_422_UNPROCESSABLE_CONTENT: "Some of the input was not valid",
    status.HTTP_429_TOO_MANY_REQUESTS: "Too many requests",
}


def is_page(request: Request) -> bool:
    """Whether the request is for an HTML page rather than the API, docs or a static file."""
    return not request.url.path.startswith(NOT_PAGES)


def not_found_page(request: Request, message: str) -> Response:
    """The 404 page, saying what was not found."""
    return templates.TemplateResponse(
        request, "404.html", {"message": message}, status_code=status.HTTP_404_NOT_FOUND
    )


def error_page(
    request: Request,
    status_code: int,
    messages: list[str],
    headers: Mapping[str, str] | None = None,
) -> Response:
    """A page for any other error status, in the site's layout."""
    title = TITLES.get(status_code, "Something went wrong")
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status_code": status_code, "heading": title, "messages": messages},
        status_code=status_code,
        headers=headers,
    )


def _validation_messages(error: RequestValidationError) -> list[str]:
    messages = []
    for problem in error.errors():
        name = ".".join(str(part) for part in problem.get("loc", ())[1:]) or "input"
        messages.append(f"{name}: {problem.get('msg', 'is not valid')}")
    return messages


def install_page_errors(app: FastAPI) -> None:
    """Render 404s and other errors of HTML routes as pages; call after the API's handlers."""
    domain_handler: Handler | None = app.exception_handlers.get(DomainError)  # type: ignore[assignment]

    async def on_not_found(request: Request, error: Exception) -> Response:
        assert isinstance(error, NotFoundError)
        if is_page(request):
            return not_found_page(request, error.message)
        if domain_handler is None:
            raise error
        return await domain_handler(request, error)

    async def on_http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        if not is_page(request):
            return await http_exception_handler(request, error)
        if error.status_code == status.HTTP_404_NOT_FOUND:
            return not_found_page(request, "There is no page at this address.")
        detail = error.detail if isinstance(error.detail, str) else str(error.detail)
        return error_page(request, error.status_code, [detail], headers=error.headers)

    async def on_invalid_request(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        if not is_page(request):
            return await request_validation_exception_handler(request, error)
        # /questions/abc names no question: that is a missing page, not a bad form.
        if any(problem.get("loc", ("",))[0] == "path" for problem in error.errors()):
            return not_found_page(request, "There is no page at this address.")
        return error_page(request, status.HTTP_400_BAD_REQUEST, _validation_messages(error))

    app.add_exception_handler(NotFoundError, on_not_found)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_invalid_request)
