"""`sooth report scores|calibration`: the report CSVs the API serves, to a file or stdout."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, NoReturn, cast

import pandas as pd
import typer
from rich.console import Console

from forecasts.bins import ACCEPTED_FORMS, DEFAULT_BINS
from forecasts.domain import DomainError
from forecasts.hindsight import DEFAULT_HINDSIGHT, HINDSIGHT_MODES, HindsightMode
from forecasts.reports import to_csv
from forecasts.track_record import (
    GROUP_BY_CHOICES,
    GroupBy,
    ReportQuery,
    calibration_report,
    scores_report,
)
from service.cli.app import app, database, fail

report_app = typer.Typer(
    help="Scores and calibration tables per source, tag or both, as CSV (see docs/scoring.md).",
    no_args_is_help=True,
)
app.add_typer(report_app, name="report")

Out = Annotated[
    Path | None,
    typer.Option("--out", "-o", dir_okay=False, help="Write the CSV here instead of stdout."),
]
GroupByOption = Annotated[
    str, typer.Option("--group-by", help=f"One of {', '.join(GROUP_BY_CHOICES)}.")
]
Bins = Annotated[str, typer.Option("--bins", help=f"How to bin probabilities: {ACCEPTED_FORMS}.")]
MadeAfter = Annotated[
    str | None, typer.Option(help="Claims made at or after this instant, e.g. 2025-01-01T00:00Z.")
]
MadeBefore = Annotated[str | None, typer.Option(help="Claims made before this instant.")]
ResolvedAfter = Annotated[
    str | None, typer.Option(help="Questions resolved (currently) at or after this instant.")
]
ResolvedBefore = Annotated[
    str | None, typer.Option(help="Questions resolved (currently) before this instant.")
]
Tags = Annotated[
    list[str] | None, typer.Option("--tag", help="Only questions with this tag; repeatable.")
]
Sources = Annotated[
    list[str] | None, typer.Option("--source", help="Only this source (slug); repeatable.")
]
MinN = Annotated[
    int, typer.Option("--min-n", min=0, help="Leave out groups with fewer scored claims.")
]
AllClaims = Annotated[
    bool,
    typer.Option(
        "--all-claims", help="Score every claim a source made on a question, not only its latest."
    ),
]


Hindsight = Annotated[
    str,
    typer.Option(
        "--hindsight",
        help=f"Which claims recorded in hindsight count: {', '.join(HINDSIGHT_MODES)} "
        "(evidenced: those citing an article published before the outcome).",
    ),
]


def _report_command(kind: str, summary: str) -> Callable[..., None]:
    """A `sooth report <kind>` command; both kinds take the same options as the API."""

    def command(
        out: Out = None,
        group_by: GroupByOption = "source",
        bins: Bins = DEFAULT_BINS,
        made_after: MadeAfter = None,
        made_before: MadeBefore = None,
        resolved_after: ResolvedAfter = None,
        resolved_before: ResolvedBefore = None,
        tag: Tags = None,
        source: Sources = None,
        min_n: MinN = 0,
        all_claims: AllClaims = False,
        hindsight: Hindsight = DEFAULT_HINDSIGHT,
    ) -> None:
        query = _query(
            group_by=group_by,
            bins=bins,
            instants={
                "made_after": made_after,
                "made_before": made_before,
                "resolved_after": resolved_after,
                "resolved_before": resolved_before,
            },
            tags=tag,
            sources=source,
            min_n=min_n,
            all_claims=all_claims,
            hindsight=hindsight,
        )
        _write(kind, query, out)

    command.__doc__ = summary
    return command


report_app.command("scores")(
    _report_command(
        "scores", "One row per group: n, n_annulled, brier, log_loss, decomposition, ece and more."
    )
)
report_app.command("calibration")(
    _report_command(
        "calibration",
        "One row per group and non-empty bin, with the 95% Wilson interval on its frequency.",
    )
)


def _query(
    *,
    group_by: str,
    bins: str,
    instants: dict[str, str | None],
    tags: list[str] | None,
    sources: list[str] | None,
    min_n: int,
    all_claims: bool,
    hindsight: str,
) -> ReportQuery:
    """The options as a checked ReportQuery; a bad one ends the command naming its option."""
    try:
        return ReportQuery(
            group_by=cast(GroupBy, group_by),  # ReportQuery checks it
            bins=bins,
            tags=tags or (),
            sources=sources or (),
            min_n=min_n,
            all_claims=all_claims,
            hindsight=cast(HindsightMode, hindsight),  # ReportQuery checks it
            **{field: _instant(field, text) for field, text in instants.items()},
        )
    except DomainError as error:
        _refuse(error)


def _instant(field: str, text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise DomainError(
            field, f"{text!r} is not an ISO 8601 instant, e.g. 2025-01-01T00:00:00Z"
        ) from None


def _refuse(error: DomainError) -> NoReturn:
    """End the command with the refusal, naming the option at fault."""
    fail(f"--{error.field.replace('_', '-')}: {error.message}")
    raise typer.Exit(1)  # fail() has already exited; this tells the type checker so


def _write(kind: str, query: ReportQuery, out: Path | None) -> None:
    """Compute the report and write its CSV, exactly the bytes the API serves."""
    db = database()
    make = scores_report if kind == "scores" else calibration_report
    try:
        with db.reading() as session, Console(stderr=True).status(f"computing the {kind} report"):
            frame: pd.DataFrame = make(session=session, query=query)
    except DomainError as error:
        _refuse(error)
    finally:
        db.dispose()
    text = to_csv(frame)
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        out.write_text(text, encoding="utf-8", newline="")
        typer.echo(f"wrote {len(frame)} rows to {out}", err=True)
