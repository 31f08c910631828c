"""`sooth migrate`, `sooth demo` and `sooth serve`."""

from __future__ import annotations

from pathlib import Path

import typer
from sqlalchemy.engine import make_url
from sqlmodel import Session

from forecasts.domain import utc_now
from service import serving
from service.cli.app import app, database, settings
from service.demo import load_demo
from service.keyfiles import private_file
from service.keys import Role, create_key, find_key
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
