"""Schemathesis against the app's own OpenAPI schema: no 5xx, no response off its schema.

Every operation in the schema is generated for, valid and invalid input alike, once with an
editor's key and once without one, on a database holding a little of everything so that
ids in paths sometimes exist. Examples are bounded to keep the whole run near a minute
or two; the boundary-value (coverage) phase runs on SQLite only.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from forecasts.domain import Outcome, Role
from service.app import create_app
from service.database import Database
from service.settings import Settings
from service.verification import verify
from tests.conftest import bearer
from tests.factories import make_claim, make_question, make_resolution, make_source
from tests.hostile.conftest import AppBuilder
from tests.hostile.test_request_edges import edge_instants

# Date-times anywhere in the calendar at any offset, and often at its very ends, where an
# offset carries them out of the years 1-9999.
schemathesis.openapi.format(
    "date-time",
    st.one_of(
        edge_instants,
        st.datetimes(
            timezones=st.integers(-14 * 60, 14 * 60).map(
                lambda minutes: timezone(timedelta(minutes=minutes))
            )
        ).map(datetime.isoformat),
    ),
)

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture
def fuzzed_app(build_app: AppBuilder, database: Database) -> Iterator[FastAPI]:
    """The app on a seeded database, without the anonymous rate limit (fuzzing is a flood).

    Whatever the fuzzer managed to write, the ledger must still verify afterwards.
    """
    with database.writing() as session:
        source = make_source(session, "ann")
        question = make_question(session)
        make_claim(session, source, question)
        make_resolution(session, question, Outcome.yes)
        make_question(session, tags=["open"])
    yield build_app(anon_rate_limit="off")
    result = verify(database)
    assert result.ok, result.problem


def _published_schema() -> dict[str, Any]:
    """The OpenAPI document the app serves; building it needs no database connection."""
    unconnected = Settings(
        database_url="sqlite://", secret_key="unused", scheduler=False, _env_file=None
    )
    return create_app(unconnected).openapi()


# Collected once from the code; each test sends its cases to its own app on its own database.
# With a key every operation also gets the coverage phase (boundary values, wrong types);
# without one, writes stop at 401 before their input is read, so a few examples suffice.
schema = schemathesis.openapi.from_dict(_published_schema())
anonymous_schema = schemathesis.openapi.from_dict(
    _published_schema(),
    config=schemathesis.Config.from_dict({"phases": {"coverage": {"enabled": False}}}),
)

FUZZ_SETTINGS = settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)


@anonymous_schema.parametrize()
@settings(FUZZ_SETTINGS, max_examples=5)
def test_anonymous_requests_never_break_the_server_or_the_schema(
    case: schemathesis.Case[Any], fuzzed_app: FastAPI
) -> None:
    case.call_and_validate(app=fuzzed_app, checks=CHECKS)


@schema.parametrize()
@FUZZ_SETTINGS
def test_editor_requests_never_break_the_server_or_the_schema(
    case: schemathesis.Case[Any], fuzzed_app: FastAPI, keys: dict[Role, str], database: Database
) -> None:
    if database.dialect == "postgresql" and case.meta and case.meta.phase.name == "coverage":
        # The ~2,000 boundary cases run on SQLite; PostgreSQL gets the random ones, so
        # both backends fit the time budget.
        return
    case.call_and_validate(app=fuzzed_app, headers=bearer(keys[Role.editor]), checks=CHECKS)
