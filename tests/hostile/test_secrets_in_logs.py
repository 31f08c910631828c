"""Secrets never reach the logs: API keys, the signing secret, the SMTP password.

One run does what an operator and its users do: keys created on the command line, the
service serving real HTTP with access logs on, writes with keys, a page sign-in, a wrong
key, a digest mailed through an SMTP server that wants a password, and a question resolved
through the mailed link and through the API. Every log record of it, at DEBUG, is searched
for those and for the resolve link's token, which is as good as a reviewer's key.
"""

from __future__ import annotations

import logging
import re
import secrets
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sqlmodel import select
from typer.testing import CliRunner

from forecasts.models import LedgerEntry
from service.app import create_app
from service.cli import app as cli
from service.database import Database
from service.scheduler import JobRunner, jobs_for
from service.settings import Settings
from tests.conftest import MutableClock
from tests.e2e.conftest import free_port
from tests.resolvers.conftest import Inbox

SMTP_USER = "sooth-mailer"
# Loggers of the test's own SMTP server and HTTP client, which are not Sooth.
NOT_SOOTH = ("mail.log", "httpx", "httpcore")


@contextmanager
def smtp_server(password: str) -> Iterator[tuple[int, Inbox]]:
    """aiosmtpd on loopback that accepts mail only after AUTH with `password`."""

    def authenticate(
        server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and auth_data.password == password.encode()
        return AuthResult(success=ok)

    inbox, port = Inbox(), free_port()
    warnings.filterwarnings("ignore", "Requiring AUTH while not requiring TLS", UserWarning)
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=authenticate,
        auth_required=True,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield port, inbox
    finally:
        controller.stop()


@contextmanager
def served(app: Any, port: int) -> Iterator[str]:
    """uvicorn with its access log on and its records going to the root logger."""
    server = uvicorn.Server(
        uvicorn.Config(
            app, host="127.0.0.1", port=port, log_config=None, log_level="debug", access_log=True
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)  # waiting for a socket to open, not for a schedule
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def _create_key(env: dict[str, str], role: str) -> str:
    result = CliRunner().invoke(cli, ["keys", "create", "--role", role, "--name", role], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout.strip().splitlines()[-1]


def test_a_working_day_logs_no_secret(
    database_url: str,
    database: Database,
    tmp_path: Path,
    clock: MutableClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    secret_key = "signing-" + secrets.token_urlsafe(24)
    smtp_password = "smtp-" + secrets.token_urlsafe(24)
    port = free_port()
    env = {"SOOTH_DATABASE_URL": database_url, "SOOTH_VAR_DIR": str(tmp_path / "var")}
    caplog.set_level(logging.DEBUG)

    keys = {role: _create_key(env, role) for role in ("admin", "editor", "reviewer")}
    with smtp_server(smtp_password) as (smtp_port, inbox):
        settings = Settings(
            var_dir=tmp_path / "var",
            database_url=database_url,
            secret_key=secret_key,
            scheduler=False,
            base_url=f"http://127.0.0.1:{port}",
            mail_transport="smtp",
            smtp_host="127.0.0.1",
            smtp_port=smtp_port,
            smtp_username=SMTP_USER,
            smtp_password=smtp_password,
            _env_file=None,
        )
        app = create_app(settings, database=database, clock=clock)
        with served(app, port) as base_url, httpx.Client(base_url=base_url) as web:
            admin = {"Authorization": f"Bearer {keys['admin']}"}
            editor = {"Authorization": f"Bearer {keys['editor']}"}
            assert web.post(
                "/api/v1/sources",
                json={"slug": "ann", "name": "Ann", "kind": "person"},
                headers=editor,
            ).is_success
            for title in ("First?", "Second?"):
                claim = web.post(
                    "/api/v1/claims",
                    headers=editor,
                    json={
                        "source": "ann",
                        "probability": 0.7,
                        "quote": "Surely.",
                        "made_at": "2026-01-05T00:00:00Z",
                        "question": {
                            "title": title,
                            "resolution_criteria": "Yes if so.",
                            "deadline": "2026-02-01T00:00:00Z",
                        },
                    },
                )
                assert claim.status_code == 201, claim.text
            reviewer = web.post(
                "/api/v1/reviewers",
                headers=admin,
                json={"name": "Rita", "email": "rita@example.org", "digest_hour": 9},
            )
            assert reviewer.status_code == 201, reviewer.text
            # A wrong key, a malformed header and a page sign-in with a real key.
            wrong = {"Authorization": f"Bearer {keys['editor']}x"}
            assert web.post("/api/v1/sources", json={}, headers=wrong).status_code == 401
            sloppy = {"Authorization": f"Token {keys['editor']}"}
            assert web.get("/api/v1/sources", headers=sloppy).status_code == 401
            signed_in = web.post(
                "/login",
                data={"key": keys["editor"], "next": "/extract"},
                headers={"Origin": base_url},
            )
            assert signed_in.status_code < 400, signed_in.text

            # Next Monday's round: the digest goes out through the password-protected server.
            clock.advance(timedelta(days=7))
            runner = JobRunner(database, clock=clock)
            for job in jobs_for(settings):
                runner.run(job)
            assert inbox.received, "the digest was not delivered"
            links = re.findall(rf"{re.escape(base_url)}/resolve/[\w.\-]+", inbox.received[0].text)
            assert links, inbox.received[0].text
            token_path = links[0].removeprefix(base_url)
            token = token_path.removeprefix("/resolve/")
            assert web.get(token_path).status_code == 200
            resolved = web.post(token_path, data={"outcome": "yes"}, headers={"Origin": base_url})
            assert resolved.status_code < 400, resolved.text
            clock.advance(timedelta(minutes=1))
            by_api = web.post(
                "/api/v1/questions/2/resolutions",
                json={"outcome": "no"},
                headers={"Authorization": f"Bearer {keys['reviewer']}"},
            )
            assert by_api.status_code == 201, by_api.text

    with database.reading() as session:
        assert len(session.exec(select(LedgerEntry.id)).all()) >= 6
    records = [record for record in caplog.records if not record.name.startswith(NOT_SOOTH)]
    assert any(record.name == "uvicorn.access" for record in records), "access log not captured"
    logged = "\n".join(
        f"{record.name} {record.getMessage()} {record.exc_text or ''} {record.stack_info or ''}"
        for record in records
    )
    secrets_seen = {
        name: value
        for name, value in {
            "secret key": secret_key,
            "SMTP password": smtp_password,
            **{f"{role} key": key for role, key in keys.items()},
            **{f"{role} key's random part": key[len("sooth_") :] for role, key in keys.items()},
            "resolve link's token": token,
        }.items()
        if value in logged
    }
    assert not secrets_seen, f"logged: {sorted(secrets_seen)}"
    assert "/resolve/[redacted]" in logged
