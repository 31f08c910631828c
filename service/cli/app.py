"""The Typer application every command module registers on, and what commands share."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import NoReturn

import typer
from sqlalchemy.engine import make_url

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
    """The configured database, refusing to go on if it is missing or not migrated."""
    config = settings()
    url = config.resolved_database_url()
    missing = missing_sqlite_file(url)
    if missing is not None:
        fail(
            f"no database at {missing} (from "
            + ("SOOTH_DATABASE_URL" if config.database_url else f"SOOTH_VAR_DIR={config.var_dir}")
            + f", in {Path.cwd()}). Run this from the directory that holds Sooth's var/, "
            "point SOOTH_DATABASE_URL or SOOTH_VAR_DIR at it, or create one here with "
            "`sooth migrate`."
        )
    db = Database(url)
    try:
        db.check_migrated()
    except Exception as error:
        db.dispose()
        fail(str(error))
    return db


def missing_sqlite_file(url: str) -> Path | None:
    """The absolute path of a SQLite database file that does not exist, else None."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    path = Path(parsed.database).resolve()
    return None if path.exists() else path


def fail(message: str, code: int = 1) -> NoReturn:
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
