"""Quantity questions: a unit, claims of a point or range, resolutions with a value.

A question gets a kind (binary, the default, or quantity) and a unit. A claim on a
quantity question has no probability but a point, or a range low..high with optionally
the confidence stated for it; these are as fixed as the probability, so the triggers that
refuse changing a claim's fixed columns are recreated to cover them. A resolution gets
the measured value.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

QUANTITY = ("point", "low", "high", "confidence")
FIXED_BEFORE = ("question_id", "source_id", "probability", "quote", "made_at")
FIXED_AFTER = (*FIXED_BEFORE, *QUANTITY)
MESSAGE_BEFORE = (
    "claims are append-only: question_id, source_id, probability, quote and made_at "
    "cannot change; retract the claim and record it anew"
)
MESSAGE_AFTER = (
    "claims are append-only: question_id, source_id, probability, the quantity, quote and "
    "made_at cannot change; retract the claim and record it anew"
)
CLAIM_STATES = (
    "(probability IS NOT NULL AND point IS NULL AND low IS NULL AND high IS NULL "
    "AND confidence IS NULL) OR "
    "(probability IS NULL AND point IS NOT NULL AND low IS NULL AND high IS NULL "
    "AND confidence IS NULL) OR "
    "(probability IS NULL AND point IS NULL AND low IS NOT NULL AND high IS NOT NULL "
    "AND low <= high AND (confidence IS NULL OR (confidence > 0 AND confidence < 1)))"
)
NO_DELETE = "claims are append-only: retract a claim instead of deleting it"


def _sqlite_fixed(columns: tuple[str, ...], message: str) -> str:
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
    return f"""
    CREATE TRIGGER claim_fixed_columns BEFORE UPDATE ON claim
    WHEN {changed}
    BEGIN
        SELECT RAISE(ABORT, '{message}');
    END
    """


SQLITE_NO_DELETE = f"""
    CREATE TRIGGER claim_no_delete BEFORE DELETE ON claim
    BEGIN
        SELECT RAISE(ABORT, '{NO_DELETE}');
    END
    """


def _postgres_fixed(columns: tuple[str, ...], message: str) -> str:
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in columns)
    return f"""
    CREATE TRIGGER claim_fixed_columns BEFORE UPDATE ON claim FOR EACH ROW
    WHEN ({changed})
    EXECUTE FUNCTION sooth_refuse('{message}')
    """


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.execute("DROP TRIGGER claim_fixed_columns ON claim")
    else:
        # SQLite rebuilds the table to change a column, which drops its triggers.
        op.execute("DROP TRIGGER claim_fixed_columns")
        op.execute("DROP TRIGGER claim_no_delete")
    with op.batch_alter_table("question") as batch:
        batch.add_column(sa.Column("kind", sa.String(20), nullable=False, server_default="binary"))
        batch.add_column(sa.Column("unit", sa.String(40), nullable=True))
    with op.batch_alter_table("claim") as batch:
        batch.alter_column("probability", existing_type=sa.Float, nullable=True)
        for name in QUANTITY:
            batch.add_column(sa.Column(name, sa.Float, nullable=True))
        batch.create_check_constraint("ck_claim_states", CLAIM_STATES)
    with op.batch_alter_table("resolution") as batch:
        batch.add_column(sa.Column("value", sa.Float, nullable=True))
    if postgres:
        op.execute(_postgres_fixed(FIXED_AFTER, MESSAGE_AFTER))
    else:
        op.execute(_sqlite_fixed(FIXED_AFTER, MESSAGE_AFTER))
        op.execute(SQLITE_NO_DELETE)


def downgrade() -> None:
    bind = op.get_bind()
    quantities = bind.execute(sa.text("SELECT count(*) FROM claim WHERE probability IS NULL"))
    if quantities.scalar_one():
        # Claims are append-only: the older schema has no room for a quantity claim, and
        # dropping the rows would erase part of the record.
        raise RuntimeError(
            "the ledger holds quantity claims, which the schema before 0006 cannot store; "
            "downgrading would erase them"
        )
    postgres = bind.dialect.name == "postgresql"
    if postgres:
        op.execute("DROP TRIGGER claim_fixed_columns ON claim")
    else:
        op.execute("DROP TRIGGER claim_fixed_columns")
        op.execute("DROP TRIGGER claim_no_delete")
    with op.batch_alter_table("resolution") as batch:
        batch.drop_column("value")
    with op.batch_alter_table("claim") as batch:
        batch.drop_constraint("ck_claim_states", type_="check")
        for name in QUANTITY:
            batch.drop_column(name)
        batch.alter_column("probability", existing_type=sa.Float, nullable=False)
    with op.batch_alter_table("question") as batch:
        batch.drop_column("unit")
        batch.drop_column("kind")
    if postgres:
        op.execute(_postgres_fixed(FIXED_BEFORE, MESSAGE_BEFORE))
    else:
        op.execute(_sqlite_fixed(FIXED_BEFORE, MESSAGE_BEFORE))
        op.execute(SQLITE_NO_DELETE)
