"""`sooth verify`: recompute the ledger's hash chain and compare the tables with it."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from forecasts.domain import utc_now
from forecasts.witness import NotedHead, parse_heads
from service import witness
from service.cli.app import app, database, fail


@app.command()
def verify(
    head: str | None = typer.Option(
        None, help="A head hash noted earlier (GET /api/v1/ledger/head): check it is still there."
    ),
    count: int | None = typer.Option(
        None, min=1, help="The count noted with --head: the head must still be at that position."
    ),
    heads: Path | None = typer.Option(
        None,
        "--heads",
        exists=True,
        dir_okay=False,
        readable=True,
        help="Saved heads: the JSON of GET /api/v1/ledger/heads, or lines of `count hash`. "
        "Fails naming the first head the chain no longer extends.",
    ),
) -> None:
    """Verify the ledger; print ok, or the first mismatch and exit non-zero.

    A run without noted heads is stored as the latest verification, which readers see.
    """
    if count is not None and head is None:
        fail("--count needs --head")
    kept: list[NotedHead] = []
    if heads is not None:
        try:
            kept = parse_heads(heads.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            fail(f"{heads}: {error}")
    db = database()
    try:
        with Console(stderr=True).status("verifying the ledger"):
            result, _ = witness.run_verification(
                database=db,
                clock=utc_now,
                run_by="sooth verify",
                heads=kept,
                noted_head=head,
                noted_count=count,
                store=head is None and heads is None,
            )
    finally:
        db.dispose()
    if result.problem is not None:
        fail(f"ledger verification failed: {result.problem}")
    where = f"; noted head is entry number {result.noted_position}" if head else ""
    if kept:
        saved = "the saved head" if len(kept) == 1 else f"all {len(kept)} saved heads"
        where += f"; the chain extends {saved}"
    typer.echo(f"ok: {result.count} entries, head {result.head}{where}")
