"""Fixtures for the hostile-input tests: the app built once, reached from chosen addresses."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from service.app import create_app
from service.database import Database
from service.settings import Settings
from tests.conftest import MutableClock

AppBuilder = Callable[..., FastAPI]
ClientAt = Callable[[FastAPI, str], TestClient]


@pytest.fixture
def build_app(settings: Settings, database: Database, clock: MutableClock) -> AppBuilder:
    """Build the app with overridden settings on this test's database and clock."""

    def build(**overrides: object) -> FastAPI:
        return create_app(settings.model_copy(update=overrides), database=database, clock=clock)

    return build


@pytest.fixture
def client_at() -> Iterator[ClientAt]:
    """A client of `app` whose requests come from the address `ip`; all closed at the end."""
    with ExitStack() as stack:

        def at(app: FastAPI, ip: str) -> TestClient:
            return stack.enter_context(TestClient(app, client=(ip, 40000)))

        yield at
