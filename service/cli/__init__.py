"""The `sooth` command line."""

from __future__ import annotations

from service.cli import keys, ledger, server, verify  # noqa: F401  (each registers its commands)
from service.cli.app import app

__all__ = ["app"]
