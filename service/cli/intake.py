"""`sooth intake url URL` (fetch one article into the inbox) and `sooth intake poll`."""

from __future__ import annotations

from datetime import timedelta

import typer

from forecasts.domain import utc_now
from service.articles import intake_url
from service.cli.app import app, database, fail, settings
from service.feeds import poll_feeds
from service.fetching import Fetcher, FetchError

intake = typer.Typer(help="Bring articles into the candidate inbox.", no_args_is_help=True)
app.add_typer(intake, name="intake")


@intake.command("url")
def url_command(
    url: str = typer.Argument(..., metavar="URL", help="The article's http(s) address."),
    tag: list[str] = typer.Option([], "--tag", help="A tag for the article; may be repeated."),
) -> None:
    """Fetch an article and store it with its candidate claims (pending in the inbox)."""
    config = settings()
    db = database()
    try:
        with Fetcher(allow_private=config.intake_allow_private) as fetcher:
            result, created = intake_url(
                database=db, fetcher=fetcher, url=url, tags=tag, actor="cli", now=utc_now()
            )
    except FetchError as error:
        fail(f"{url} was not fetched: {error.message} ({error.reason})")
        return
    finally:
        db.dispose()
    article = result.article
    said = "stored" if created else "already stored"
    typer.echo(f"article {article.id} {said}: {article.title or article.url}")
    count = len(result.candidates)
    typer.echo(f"{count} candidate claim{'s' if count != 1 else ''}; see /inbox")


@intake.command("poll")
def poll_command() -> None:
    """Poll every feed that is due once, storing the articles of new entries."""
    config = settings()
    db = database()
    try:
        with Fetcher(
            allow_private=config.intake_allow_private, connections=config.feed_concurrency
        ) as fetcher:
            report = poll_feeds(
                database=db,
                fetcher=fetcher,
                now=utc_now(),
                interval=timedelta(minutes=config.feed_poll_minutes),
                concurrency=config.feed_concurrency,
            )
    finally:
        db.dispose()
    typer.echo(
        f"{report.feeds} feeds polled ({report.not_modified} unchanged, {report.failed} failed); "
        f"{report.articles} articles stored"
        + (f"; {report.entry_errors} entries could not be fetched" if report.entry_errors else "")
    )
