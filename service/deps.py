"""What the API, pages and scheduler ask for: database, clock, settings and the caller."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Query, Request, status
from fastapi.concurrency import run_in_threadpool
from sqlmodel import Session

from forecasts.domain import Role
from forecasts.schemas import MAX_ROW_ID
from service.database import Database
from service.keys import LiveKey, live_key
from service.settings import Settings

Clock = Callable[[], datetime]


# The cheap dependencies are `async def`: FastAPI runs a plain `def` dependency in its
# thread pool, and a hop there and back per dependency cost more than the queries. The
# ones every request meets take the request itself rather than other dependencies:
# FastAPI's resolution of each nested dependency costs about what a small query does.


async def get_database(request: Request) -> Database:
    """The app's database."""
    database: Database = request.app.state.database
    return database


async def get_settings(request: Request) -> Settings:
    """The app's settings."""
    settings: Settings = request.app.state.settings
    return settings


async def get_now(request: Request) -> datetime:
    """The current instant, from the app's clock so tests can move it."""
    clock: Clock = request.app.state.clock
    return clock()


def reading_session(database: Annotated[Database, Depends(get_database)]) -> Iterator[Session]:
    """A session for a request that only reads."""
    with database.reading() as session:
        yield session


def writing_session(database: Annotated[Database, Depends(get_database)]) -> Iterator[Session]:
    """A session whose transaction commits when the route returns, before the response."""
    with database.writing() as session:
        yield session


DatabaseDep = Annotated[Database, Depends(get_database)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
NowDep = Annotated[datetime, Depends(get_now)]
ReadSessionDep = Annotated[Session, Depends(reading_session)]
# scope="function": commit before the response is sent, so a 201 means it is stored.
WriteSessionDep = Annotated[Session, Depends(writing_session, scope="function")]


@dataclass(frozen=True)
class Caller:
    """Who is calling: their key, or nobody."""

    key: LiveKey | None

    @property
    def actor(self) -> str:
        """The name recorded against what this caller writes."""
        return self.key.name if self.key is not None else "anonymous"


ANONYMOUS = Caller(key=None)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        raise _unauthorised("the Authorization header must be 'Bearer <API key>'")
    return value.strip()


def _unauthorised(message: str) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail=message, headers={"WWW-Authenticate": "Bearer"}
    )


async def get_caller(request: Request) -> Caller:
    """The caller's key, if the request carries one; an unknown or revoked key is a 401."""
    clear = _bearer(request)
    if clear is None:
        return ANONYMOUS
    database: Database = request.app.state.database
    key = await database.read(lambda cursor: live_key(cursor, clear))
    if key is None:
        raise _unauthorised("this API key is unknown or was revoked")
    request.state.api_key_id = key.id
    return Caller(key=key)


CallerDep = Annotated[Caller, Depends(get_caller)]


async def may_read(request: Request) -> Caller:
    """Let the caller read: anyone when reads are public, otherwise a key or a signed-in page."""
    caller = await get_caller(request)
    if caller.key is None and not request.app.state.settings.public_read:
        # The pages' session cookie, set by /login or a reviewer's mailed sign-in link; the
        # app supplies how to read it.
        signed_in: Callable[[Request], Caller | None] | None = getattr(
            request.app.state, "signed_in_reader", None
        )
        reader = await run_in_threadpool(signed_in, request) if signed_in is not None else None
        if reader is None:
            raise _unauthorised(
                "reading needs an API key, or signing in at /login (SOOTH_PUBLIC_READ is off)"
            )
        return reader
    return caller


def require(role: Role) -> Callable[[Request], Awaitable[Caller]]:
    """A dependency that admits only keys whose role grants `role`."""

    async def dependency(request: Request) -> Caller:
        caller = await get_caller(request)
        if caller.key is None:
            raise _unauthorised(f"this needs an API key with the {role.value} role")
        if not caller.key.role.may(role):
            raise HTTPException(
                status.HTTP_403_FORBIDDEN,
                detail=f"this needs the {role.value} role; this key has {caller.key.role.value}",
            )
        return caller

    return dependency


Reader = Annotated[Caller, Depends(may_read)]
Editor = Annotated[Caller, Depends(require(Role.editor))]
ReviewerRole = Annotated[Caller, Depends(require(Role.reviewer))]
Admin = Annotated[Caller, Depends(require(Role.admin))]

Limit = Annotated[int, Query(ge=1, le=500, description="Page size (at most 500).")]
Offset = Annotated[int, Query(ge=0, le=MAX_ROW_ID, description="How many matching items to skip.")]
PathId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="The id, from 1.")]
QueryId = Annotated[int, Query(ge=1, le=MAX_ROW_ID)]
