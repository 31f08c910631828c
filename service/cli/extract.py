"""`sooth extract FILE`: the candidate claims of an article, as text or JSON."""

from __future__ import annotations

import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import typer

from service.cli.app import app
from service.intake import CandidatePublic, ExtractResponse, extraction, url_problem

WIDTH = 88
INDENT = "   "


def _published_at(value: str | None) -> datetime | None:
    if value is None:
        return None
    hint = "'--published-at'"
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date and time; use e.g. 2023-08-01T16:00:00Z", param_hint=hint
        ) from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise typer.BadParameter(
            "must include a timezone, e.g. 2023-08-01T16:00:00Z or 2023-08-01T18:00:00+02:00",
            param_hint=hint,
        )
    return moment.astimezone(UTC)


def _read(file: str) -> str:
    if file == "-":
        return sys.stdin.read()
    try:
        return Path(file).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        problem = "there is no such file"
    except IsADirectoryError:
        problem = "is a directory; give an article's text file"
    except UnicodeDecodeError:
        problem = "is not UTF-8 text"
    raise typer.BadParameter(f"{file}: {problem}", param_hint="'FILE'")


def _percent(probability: float) -> str:
    return f"{probability * 100:.1f}".removesuffix(".0") + "%"


def _describe(number: int, candidate: CandidatePublic) -> str:
    speaker = candidate.speaker or "the writer"
    if candidate.probability is None:
        how_sure = "no probability"
    elif candidate.probability_basis == "verbal":
        how_sure = f"{_percent(candidate.probability)} from “{candidate.verbal_phrase}”"
    else:
        how_sure = f"{_percent(candidate.probability)} stated"
    if candidate.deadline_phrase and candidate.deadline:
        by_when = f"“{candidate.deadline_phrase}” = {candidate.deadline:%Y-%m-%d %H:%M} UTC"
    elif candidate.deadline_phrase:
        by_when = f"“{candidate.deadline_phrase}” (no date worked out)"
    else:
        by_when = "no deadline phrase"
    wrap = textwrap.TextWrapper(width=WIDTH, initial_indent=INDENT, subsequent_indent=INDENT)
    return "\n".join(
        [
            f"{number}. {speaker}: {how_sure}; {by_when}",
            wrap.fill(candidate.sentence),
            wrap.fill(f"predicts: {candidate.span}"),
            f"{INDENT}confidence {candidate.confidence:.2f}, {candidate.reason}; "
            f"characters {candidate.start}-{candidate.end}",
        ]
    )


def _readable(found: ExtractResponse, name: str) -> str:
    count = len(found.candidates)
    if not count:
        return f"no candidate claims in {name}"
    heading = f"{count} candidate claim{'s' if count != 1 else ''} in {name}"
    blocks = [_describe(n, c) for n, c in enumerate(found.candidates, start=1)]
    return "\n\n".join([heading, *blocks])


@app.command()
def extract(
    file: str = typer.Argument(
        ..., metavar="FILE", help="The article as a UTF-8 text file, or - for standard input."
    ),
    published_at: str | None = typer.Option(
        None,
        "--published-at",
        help="When the article was published, ISO 8601 with a timezone "
        "(2023-08-01T16:00:00Z); resolves deadline phrases such as 'next year'.",
    ),
    url: str | None = typer.Option(None, help="Where the article was published."),
    as_json: bool = typer.Option(
        False, "--json", help='Print {"candidates": [...]} as POST /api/v1/extract returns it.'
    ),
) -> None:
    """Find the sentences of an article that carry predictive claims; records nothing."""
    moment = _published_at(published_at)
    if url is not None and (problem := url_problem(url)) is not None:
        raise typer.BadParameter(problem, param_hint="'--url'")
    text = _read(file)
    found = extraction(text=text, published_at=moment, url=url)
    if as_json:
        typer.echo(found.model_dump_json(indent=2))
    else:
        typer.echo(_readable(found, "standard input" if file == "-" else file))
