"""Reviewer access: sign-in links, digest pauses.

A reviewer may pause their weekly digest (reviewer.digest_paused), from /settings or with
the digest's one-click unsubscribe. Sign-in links are spent as resolve links are: by
inserting the SHA-256 of the token into sign_in_link_use, which succeeds once.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reviewer") as batch:
        batch.add_column(
            sa.Column("digest_paused", sa.Boolean, nullable=False, server_default=sa.false())
        )
    op.create_table(
        "sign_in_link_use",
        sa.Column("token_digest", sa.String(64), primary_key=True),
        sa.Column("reviewer_id", sa.Integer, sa.ForeignKey("reviewer.id"), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sign_in_link_use")
    with op.batch_alter_table("reviewer") as batch:
        batch.drop_column("digest_paused")
