"""`sooth migrate`, `sooth demo` and `sooth serve`."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import typer
from sqlalchemy.engine import make_url
from sqlmodel import Session

from forecasts.domain import Role, utc_now
from service import serving
from service.cli.app import app, database, settings
from service.demo import load_demo
from service.keyfiles import private_file
from service.keys import create_key, find_key
from service.migrations_runner import migrate as run_migrations

LOCAL_ADMIN = "local-admin"


@app.command()
def migrate() -> None:
    """Create or upgrade the database schema to the latest revision."""
    url = settings().resolved_database_url()
    run_migrations(url)
    typer.echo(
        f"migrated {make_url(url).render_as_string(hide_password=True)} to the latest schema"
    )


@app.command()
def demo() -> None:
    """Load the demo ledger (the seed article's claims) and ensure a local admin key.

    Safe to run again: what is already there is not added twice.
    """
    config = settings()
    db = database()
    with db.writing() as session:
        added = load_demo(session=session, now=utc_now())
        key = _local_admin_key(session, config.var_dir / "local-admin.key")
    typer.echo(
        f"demo data: {added.sources} sources, {added.claims} claims and "
        f"{added.resolutions} resolutions added"
        + (" (already loaded)" if added.claims == 0 else "")
    )
    typer.echo(f"local admin API key (also in {config.var_dir / 'local-admin.key'}): {key}")


def _local_admin_key(session: Session, path: Path) -> str:
    """The local admin key kept in var/, made anew if missing or no longer valid."""
    if path.exists():
        clear = path.read_text(encoding="utf-8").strip()
        if find_key(session=session, clear=clear) is not None:
            return clear
    _, clear = create_key(session=session, name=LOCAL_ADMIN, role=Role.admin, now=utc_now())
    private_file(path)
    path.write_text(clear + "\n", encoding="utf-8")
    return clear


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(1, min=1, help="Worker processes."),
) -> None:
    """Serve the API and pages (and the scheduler, unless SOOTH_SCHEDULER=off)."""
    database().dispose()  # fail here, clearly, if the database is not migrated
    _links_follow(host=host, port=port)
    typer.echo(f"Sooth on http://{host}:{port}/  (API docs: http://{host}:{port}/docs)")
    typer.echo(
        "reminder scheduler: "
        + (
            "on in every worker (the database keeps each digest to once a week)"
            if settings().scheduler
            else "off (SOOTH_SCHEDULER=off); run `sooth scheduler` beside it"
        )
    )
    serving.serve("service.app:create_app", host=host, port=port, workers=workers)


def _links_follow(*, host: str, port: int) -> None:
    """Point links in emails at where Sooth listens, unless SOOTH_BASE_URL says otherwise."""
    config = settings()
    if "base_url" not in config.model_fields_set:
        # Workers build their settings from the environment, so it carries the address.
        shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host  # noqa: S104
        os.environ["SOOTH_BASE_URL"] = f"http://{shown}:{port}"
        return
    base = urlsplit(config.base_url)
    listening = base.port or (443 if base.scheme == "https" else 80)
    if base.hostname in ("127.0.0.1", "localhost", host) and listening != port:
        typer.echo(
            f"warning: SOOTH_BASE_URL is {config.base_url} but Sooth listens on port {port}: "
            "links in emails will point at the other port. Unset SOOTH_BASE_URL to have them "
            "follow --port, or set it to this address.",
            err=True,
        )
