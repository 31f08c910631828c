"""Reminders: the email outbox, one-time resolve links and weekly calibration snapshots.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

PENDING = "sent_at IS NULL AND failed_at IS NULL"


def _instant(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "outbox_message",
        sa.Column("id", sa.Integer, primary_key=True),
        # The idempotency key, e.g. digest:12:2026-W10: unique, so re-runs, restarts and a
        # second instance cannot enqueue the same message twice.
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("recipient", sa.String(320), nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("message_id", sa.String(300), nullable=False),
        sa.Column("message", sa.LargeBinary, nullable=False),
        _instant("created_at"),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        _instant("next_attempt_at"),
        _instant("sent_at", nullable=True),
        _instant("failed_at", nullable=True),
        sa.Column("last_error", sa.Text),
        sa.UniqueConstraint("key", name="uq_outbox_message_key"),
    )
    op.create_index(
        "ix_outbox_message_pending",
        "outbox_message",
        ["next_attempt_at"],
        postgresql_where=sa.text(PENDING),
        sqlite_where=sa.text(PENDING),
    )
    op.create_table(
        "resolve_link_use",
        # SHA-256 of the token: a token is spent by inserting this row, which succeeds once.
        sa.Column("token_digest", sa.String(64), primary_key=True),
        sa.Column("question_id", sa.Integer, sa.ForeignKey("question.id"), nullable=False),
        sa.Column("reviewer_id", sa.Integer, sa.ForeignKey("reviewer.id"), nullable=False),
        _instant("used_at"),
    )
    op.create_table(
        "calibration_snapshot",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("source.id"), nullable=False),
        sa.Column("week", sa.String(10), nullable=False),
        _instant("as_of"),
        sa.Column("bins", sa.String(40), nullable=False),
        sa.Column("n", sa.Integer, nullable=False),
        sa.Column("n_annulled", sa.Integer, nullable=False),
        sa.Column("brier", sa.Float),
        sa.Column("log_loss", sa.Float),
        sa.Column("ece", sa.Float),
        sa.Column("calibration", sa.JSON, nullable=False),
        _instant("created_at"),
        sa.UniqueConstraint("source_id", "week", name="uq_calibration_snapshot_source_week"),
    )


def downgrade() -> None:
    op.drop_table("calibration_snapshot")
    op.drop_table("resolve_link_use")
    op.drop_index("ix_outbox_message_pending", table_name="outbox_message")
    op.drop_table("outbox_message")
