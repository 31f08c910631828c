"""Intake: fetched articles, their candidate claims, and polled feeds.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _instant(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "feed",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        _instant("next_poll_at"),
        _instant("last_polled_at", nullable=True),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text),
        _instant("created_at"),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.UniqueConstraint("url", name="uq_feed_url"),
    )
    op.create_index("ix_feed_next_poll_at", "feed", ["next_poll_at"])
    op.create_table(
        "article",
        sa.Column("id", sa.Integer, primary_key=True),
        # The address asked for (without its fragment), or sha256:<digest> of pasted text:
        # unique, so an article is stored once however often it is fetched or pasted.
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("publisher", sa.String(300)),
        _instant("published_at", nullable=True),
        _instant("fetched_at"),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("feed_id", sa.Integer, sa.ForeignKey("feed.id"), nullable=True),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.UniqueConstraint("key", name="uq_article_key"),
    )
    op.create_index("ix_article_feed_id", "article", ["feed_id"])
    op.create_table(
        "candidate",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("article.id"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("speaker", sa.Text),
        sa.Column("extraction", sa.JSON, nullable=False),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claim.id"), nullable=True),
        sa.Column("reason", sa.Text),
        _instant("decided_at", nullable=True),
        sa.Column("decided_by", sa.String(200)),
        _instant("created_at"),
        sa.UniqueConstraint("article_id", "position", name="uq_candidate_article_position"),
        # One candidate becomes one claim: recording it twice fails here.
        sa.UniqueConstraint("claim_id", name="uq_candidate_claim_id"),
    )
    op.create_index("ix_candidate_article_id", "candidate", ["article_id"])
    op.create_index("ix_candidate_status_article", "candidate", ["status", "article_id"])


def downgrade() -> None:
    op.drop_index("ix_candidate_status_article", table_name="candidate")
    op.drop_index("ix_candidate_article_id", table_name="candidate")
    op.drop_table("candidate")
    op.drop_index("ix_article_feed_id", table_name="article")
    op.drop_table("article")
    op.drop_index("ix_feed_next_poll_at", table_name="feed")
    op.drop_table("feed")
