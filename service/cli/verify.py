"""`sooth verify`: recompute the ledger's hash chain and compare the tables with it."""

from __future__ import annotations

import typer
from rich.console import Console

from service import verification
from service.cli.app import app, database, fail


@app.command()
def verify(
    head: str | None = typer.Option(
        None, help="A head hash noted earlier (GET /api/v1/ledger/head): check it is still there."
    ),
    count: int | None = typer.Option(
        None, min=1, help="The count noted with --head: the head must still be at that position."
    ),
) -> None:
    """Verify the ledger; print ok, or the first mismatch and exit non-zero."""
    if count is not None and head is None:
        fail("--count needs --head")
    db = database()
    try:
        with Console(stderr=True).status("verifying the ledger"):
            result = verification.verify(db, noted_head=head, noted_count=count)
    finally:
        db.dispose()
    if result.problem is not None:
        fail(f"ledger verification failed: {result.problem}")
    where = f"; noted head is entry number {result.noted_position}" if head else ""
    typer.echo(f"ok: {result.count} entries, head {result.head}{where}")
