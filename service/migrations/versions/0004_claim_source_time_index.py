"""An index for a source's claims newest first (GET /api/v1/claims?source=...).

Without it the list reads every claim of the source and sorts them for each page.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_claim_source_made_at", "claim", ["source_id", "made_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_claim_source_made_at", table_name="claim")
