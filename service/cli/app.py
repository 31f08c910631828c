"""The Typer application every command module registers on, and what commands share."""

from __future__ import annotations

import logging

import typer

from service.database import Database
from service.settings import Settings

app = typer.Typer(
    name="sooth",
    help="Sooth: a ledger of public predictions, resolved on schedule and scored per source.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def settings() -> Settings:
    """Settings from the environment and .env."""
    return Settings()


def database() -> Database:
    """The configured database, refusing to go on if it is not migrated."""
    db = Database(settings().resolved_database_url())
    try:
        db.check_migrated()
    except Exception as error:
        db.dispose()
        fail(str(error))
    return db


def fail(message: str, code: int = 1) -> None:
    """Print `message` to stderr and exit non-zero."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@app.callback()
def main(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log more.")) -> None:
    """Sooth: a ledger of public predictions, resolved on schedule and scored per source."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # Alembic announces its dialect on every schema check; only worth seeing when asked.
    logging.getLogger("alembic").setLevel(logging.DEBUG if verbose else logging.WARNING)
