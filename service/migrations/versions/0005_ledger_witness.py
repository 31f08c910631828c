"""Witnessed ledger: truncate guards, signed heads, stored verification results.

On PostgreSQL, TRUNCATE fires no row triggers, so a `TRUNCATE claim CASCADE` emptied the
append-only tables past them: a statement trigger now refuses it on every table the
ledger covers. Signed heads are append-only like the entries they witness.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

LEDGER_TABLES = (
    "source",
    "question",
    "question_tag",
    "claim",
    "resolution",
    "ledger_entry",
    "signed_head",
)
TRUNCATE_MESSAGE = "the ledger is append-only: its tables cannot be truncated"
SIGNED_HEAD_MESSAGE = "signed heads are append-only"

SQLITE_TRIGGERS = [
    f"""
    CREATE TRIGGER signed_head_no_update BEFORE UPDATE ON signed_head
    BEGIN
        SELECT RAISE(ABORT, '{SIGNED_HEAD_MESSAGE}');
    END
    """,
    f"""
    CREATE TRIGGER signed_head_no_delete BEFORE DELETE ON signed_head
    BEGIN
        SELECT RAISE(ABORT, '{SIGNED_HEAD_MESSAGE}');
    END
    """,
]

POSTGRES_TRIGGERS = [
    f"""
    CREATE TRIGGER signed_head_append_only BEFORE UPDATE OR DELETE ON signed_head FOR EACH ROW
    EXECUTE FUNCTION sooth_refuse('{SIGNED_HEAD_MESSAGE}')
    """,
    *(
        f"""
        CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} FOR EACH STATEMENT
        EXECUTE FUNCTION sooth_refuse('{TRUNCATE_MESSAGE}')
        """
        for table in LEDGER_TABLES
    ),
]


def _instant(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "signed_head",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        _instant("signed_at"),
        sa.Column("signature", sa.String(100), nullable=False),
        sa.Column("public_key", sa.String(100), nullable=False),
    )
    op.create_table(
        "ledger_verification",
        sa.Column("id", sa.Integer, primary_key=True),
        _instant("started_at"),
        _instant("finished_at"),
        sa.Column("ok", sa.Boolean, nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("head", sa.String(64), nullable=False),
        sa.Column("problem", sa.Text),
        sa.Column("entry_id", sa.Integer),
        sa.Column("entity", sa.String(40)),
        sa.Column("entity_id", sa.Integer),
        sa.Column("run_by", sa.String(200), nullable=False),
    )
    triggers = POSTGRES_TRIGGERS if op.get_bind().dialect.name == "postgresql" else SQLITE_TRIGGERS
    for statement in triggers:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in LEDGER_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
    op.drop_table("ledger_verification")
    op.drop_table("signed_head")
