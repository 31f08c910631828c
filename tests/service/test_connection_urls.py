"""How a PostgreSQL URL becomes what each driver connects with."""

from __future__ import annotations

from psycopg.conninfo import conninfo_to_dict

from service.loop_postgres import conninfo


def test_a_host_in_the_query_names_a_unix_socket_directory() -> None:
    # SQLAlchemy's way to a server on the same machine without TCP.
    given = conninfo("postgresql+psycopg://sooth@/ledger?host=/var/run/postgresql")
    assert conninfo_to_dict(given) == {
        "host": "/var/run/postgresql",
        "user": "sooth",
        "dbname": "ledger",
    }


def test_a_tcp_url_keeps_every_part() -> None:
    given = conninfo("postgresql+psycopg://sooth:secret@db.example:6543/ledger?sslmode=require")
    assert conninfo_to_dict(given) == {
        "host": "db.example",
        "port": "6543",
        "user": "sooth",
        "password": "secret",
        "dbname": "ledger",
        "sslmode": "require",
    }
