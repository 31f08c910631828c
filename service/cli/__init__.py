"""The `sooth` command line."""

from __future__ import annotations

from service.cli import (  # noqa: F401  (each registers its commands)
    extract,
    intake,
    keys,
    ledger,
    reminders,
    report,
    server,
    verify,
)
from service.cli.app import app

__all__ = ["app"]
