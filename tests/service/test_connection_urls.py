"""The URL a deployment gives, as asyncpg connects with it on the event loop."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from service.loop_postgres import dsn


def test_a_host_in_the_query_names_a_unix_socket_directory() -> None:
    # How a SQLAlchemy URL names a socket's directory; asyncpg reads the query as libpq does.
    given = urlsplit(dsn("postgresql+psycopg://sooth@/ledger?host=/var/run/postgresql"))
    assert (given.scheme, given.username, given.hostname, given.path) == (
        "postgresql",
        "sooth",
        None,
        "/ledger",
    )
    assert parse_qs(given.query) == {"host": ["/var/run/postgresql"]}


def test_a_tcp_url_keeps_every_part_the_password_too() -> None:
    given = dsn("postgresql+psycopg://sooth:secret@db.example:6543/ledger?sslmode=require")
    assert given == "postgresql://sooth:secret@db.example:6543/ledger?sslmode=require"
