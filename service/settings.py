"""Configuration, read from SOOTH_* environment variables and a .env file."""

from __future__ import annotations

import secrets
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from service.keyfiles import read_or_create

# What SOOTH_ANON_RATE_LIMIT accepts: "off", empty, or "<n>/<second|minute|hour|day>".
RATE_PATTERN = r"(?i)^\s*(?:|off|\d+\s*/\s*(?:second|minute|hour|day))\s*$"


class MailTransport(StrEnum):
    """How outgoing mail leaves: an SMTP server, or .eml files for local use."""

    smtp = "smtp"
    file = "file"


class SmtpSecurity(StrEnum):
    """How the SMTP connection is protected."""

    none = "none"
    starttls = "starttls"
    tls = "tls"


class Settings(BaseSettings):
    """Everything Sooth can be told from outside; every field is SOOTH_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="SOOTH_", env_file=".env", extra="ignore")

    var_dir: Path = Path("var")
    database_url: str = ""
    public_read: bool = True
    secret_key: SecretStr | None = None
    base_url: str = "http://127.0.0.1:8000"
    scheduler: bool = True
    resolve_link_days: Annotated[int, Field(ge=1, le=365)] = 21

    mail_transport: MailTransport = MailTransport.file
    mail_dir: Path | None = None
    mail_from: str = "Sooth <sooth@localhost>"
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_security: SmtpSecurity = SmtpSecurity.none

    # Requests without an API key, per client address and process: "120/minute", or "off".
    anon_rate_limit: Annotated[str, Field(pattern=RATE_PATTERN)] = "120/minute"
    # Requests whose API key turned out unknown, per client address and process.
    failed_key_limit: Annotated[str, Field(pattern=RATE_PATTERN)] = "20/minute"
    max_body_bytes: Annotated[int, Field(ge=1024)] = 1024 * 1024
    # Connections each process keeps to PostgreSQL for routes' reads, and as many for writes.
    database_pool_size: Annotated[int, Field(ge=1, le=500)] = 16

    # Signs ledger heads: base64 of a raw 32-byte Ed25519 private key, or PEM (PKCS#8).
    ledger_signing_key: SecretStr | None = None
    # How often the scheduler verifies the whole ledger and stores the result.
    ledger_verify_minutes: Annotated[int, Field(ge=1)] = 60

    # Fetching articles and feeds: loopback, private and link-local addresses are refused
    # unless this is true (tests and local use).
    intake_allow_private: bool = False
    feed_poll_minutes: Annotated[int, Field(ge=1, le=7 * 24 * 60)] = 30
    feed_concurrency: Annotated[int, Field(ge=1, le=64)] = 8

    def resolved_database_url(self) -> str:
        """The database URL, defaulting to SQLite at <var_dir>/sooth.db."""
        return self.database_url or f"sqlite:///{self.var_dir / 'sooth.db'}"

    def resolved_mail_dir(self) -> Path:
        """Where the file transport writes .eml files."""
        return self.mail_dir or self.var_dir / "mail"

    def resolved_secret_key(self) -> str:
        """The signing key; for local use, generated once into <var_dir>/secret_key."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        return read_or_create(self.var_dir / "secret_key", lambda: secrets.token_urlsafe(48))
