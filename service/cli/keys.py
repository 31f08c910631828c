"""`sooth keys`: create, list and revoke API keys."""

from __future__ import annotations

import typer

from forecasts.domain import DomainError, Role, utc_now
from service.cli.app import app, database, fail
from service.keys import create_key, list_keys, revoke_key

keys_app = typer.Typer(help="Create, list and revoke API keys.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")


@keys_app.command("create")
def create(
    role: Role = typer.Option(..., help="What the key may write."),
    name: str = typer.Option(..., help="Who or what will use the key; recorded on its writes."),
) -> None:
    """Create a key. The key is printed once, alone on the last line; only its hash is kept."""
    if not name.strip():
        fail("--name must not be empty")
    db = database()
    with db.writing() as session:
        key, clear = create_key(session=session, name=name.strip(), role=role, now=utc_now())
        typer.echo(
            f"created key {key.id} ({key.role.value}) for {key.name}; it is shown only once:"
        )
    typer.echo(clear)


@keys_app.command("list")
def list_() -> None:
    """List keys: id, role, name, prefix, created, revoked. Keys themselves are never shown."""
    db = database()
    with db.reading() as session:
        for key in list_keys(session=session):
            revoked = key.revoked_at.isoformat() if key.revoked_at else "-"
            typer.echo(
                f"{key.id}\t{key.role.value}\t{key.name}\t{key.prefix}…\t"
                f"{key.created_at.isoformat()}\trevoked: {revoked}"
            )


@keys_app.command("revoke")
def revoke(key_id: int = typer.Argument(..., help="The key's id, from `sooth keys list`.")) -> None:
    """Revoke a key; it stops working at once."""
    db = database()
    try:
        with db.writing() as session:
            key = revoke_key(session=session, key_id=key_id, now=utc_now())
    except DomainError as error:
        fail(error.message)
    typer.echo(f"revoked key {key.id} ({key.name})")
