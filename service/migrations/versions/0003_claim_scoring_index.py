"""An index that covers what scoring reads of a claim, in the order reports read it.

Reports walk the resolved questions and, for each, its claims: which source, whether
retracted, when made, with what probability; and they ask of each claim whether the same
source made a later one on the same question. With (question_id, source_id, retracted_at,
made_at, probability) both are answered from the index alone, its entries for a question
side by side, instead of one table lookup per claim (about twice as fast on SQLite).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_claim_scoring",
        "claim",
        ["question_id", "source_id", "retracted_at", "made_at", "probability"],
    )


def downgrade() -> None:
    op.drop_index("ix_claim_scoring", table_name="claim")
