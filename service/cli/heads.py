"""`sooth ledger sign` and `sooth ledger key`: witnessed heads from the command line."""

from __future__ import annotations

import typer

from forecasts.domain import utc_now
from forecasts.witness import signed_at_text
from service import witness
from service.cli.app import app, database, settings

ledger_app = typer.Typer(name="ledger", help="Signed heads of the ledger.", no_args_is_help=True)
app.add_typer(ledger_app)


@ledger_app.command()
def sign() -> None:
    """Sign the ledger's current head now and print it as /ledger/heads lists it."""
    key = witness.signing_key(settings())
    db = database()
    try:
        signed = witness.sign_head(database=db, key=key, now=utc_now())
    finally:
        db.dispose()
    typer.echo(f"{signed.count} {signed.hash}")
    typer.echo(f"signed at {signed_at_text(signed.signed_at)}, signature {signed.signature}")


@ledger_app.command()
def key() -> None:
    """Print the public key (base64 of its 32 raw bytes) that checks signed heads."""
    typer.echo(witness.public_key_text(witness.signing_key(settings())))
