"""`sooth import` and `sooth export`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.progress import Progress

from forecasts.domain import utc_now
from service.cli.app import app, database, fail
from service.transfer import (
    CSV_COLUMNS,
    ImportFailedError,
    import_rows,
    read_rows,
    write_export,
)

IMPORT_HELP = (
    "Import claims (with inline questions) or restore an export: the whole file or "
    "nothing.\n\nA CSV file has a header row naming some of these columns "
    "(docs/import-sample.csv is an example):\n\n"
    + "\n\n".join(f"{name}: {meaning}" for name, meaning in CSV_COLUMNS)
)


@app.command("import", help=IMPORT_HELP)
def import_(
    file: Path = typer.Argument(
        ...,
        exists=True,
        dir_okay=False,
        readable=True,
        help="A .csv file, or JSON lines (an export, or one claim a line).",
    ),
    actor: str = typer.Option("import", help="Recorded as who wrote the imported claims."),
) -> None:
    rows = read_rows(file)
    db = database()
    try:
        with db.writing() as session, Progress(transient=True) as progress:
            task = progress.add_task(f"importing {file.name}", total=len(rows))
            result = import_rows(
                session=session,
                rows=rows,
                actor=actor,
                now=utc_now(),
                progress=lambda n: progress.advance(task, n),
            )
    except ImportFailedError as failure:
        for error in failure.result.errors:
            typer.echo(f"{file}:{error}", err=True)
        fail(f"nothing imported: {len(failure.result.errors)} problem(s) in {file.name}")
    counts = ", ".join(f"{n} {kind}s" for kind, n in sorted(result.counts.items())) or "nothing"
    typer.echo(f"imported {counts} from {file.name}")
    if result.repeated:
        typer.echo(
            f"skipped {result.repeated} claims already on the record "
            "(the same source, question, probability, quote and made_at)"
        )


@app.command()
def export(
    out: Path | None = typer.Option(None, "--out", "-o", help="Write here instead of stdout."),
) -> None:
    """Export the whole ledger as JSON lines, which `sooth import` restores exactly."""
    db = database()
    with db.reading() as session:
        if out is None:
            count = write_export(session=session, out=sys.stdout)
        else:
            with out.open("w", encoding="utf-8") as handle:
                count = write_export(session=session, out=handle)
    typer.echo(f"exported {count} records", err=True)
