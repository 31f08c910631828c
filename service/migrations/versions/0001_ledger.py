"""The ledger: sources, reviewers, questions, claims, resolutions, ledger entries, API keys.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

CLAIM_FIXED = ("question_id", "source_id", "probability", "quote", "made_at")
CLAIM_FIXED_MESSAGE = (
    "claims are append-only: question_id, source_id, probability, quote and made_at "
    "cannot change; retract the claim and record it anew"
)

SQLITE_TRIGGERS = [
    f"""
    CREATE TRIGGER claim_fixed_columns BEFORE UPDATE ON claim
    WHEN {" OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in CLAIM_FIXED)}
    BEGIN
        SELECT RAISE(ABORT, '{CLAIM_FIXED_MESSAGE}');
    END
    """,
    """
    CREATE TRIGGER claim_no_delete BEFORE DELETE ON claim
    BEGIN
        SELECT RAISE(ABORT, 'claims are append-only: retract a claim instead of deleting it');
    END
    """,
    """
    CREATE TRIGGER resolution_no_update BEFORE UPDATE ON resolution
    BEGIN
        SELECT RAISE(ABORT, 'resolutions are append-only: record a new one that supersedes it');
    END
    """,
    """
    CREATE TRIGGER resolution_no_delete BEFORE DELETE ON resolution
    BEGIN
        SELECT RAISE(ABORT, 'resolutions are append-only: record a new one that supersedes it');
    END
    """,
    """
    CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry
    BEGIN
        SELECT RAISE(ABORT, 'ledger entries are append-only');
    END
    """,
    """
    CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry
    BEGIN
        SELECT RAISE(ABORT, 'ledger entries are append-only');
    END
    """,
]

POSTGRES_TRIGGERS = [
    """
    CREATE FUNCTION sooth_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
    END
    $$
    """,
    f"""
    CREATE TRIGGER claim_fixed_columns BEFORE UPDATE ON claim FOR EACH ROW
    WHEN ({" OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in CLAIM_FIXED)})
    EXECUTE FUNCTION sooth_refuse('{CLAIM_FIXED_MESSAGE}')
    """,
    """
    CREATE TRIGGER claim_no_delete BEFORE DELETE ON claim FOR EACH ROW
    EXECUTE FUNCTION sooth_refuse('claims are append-only: retract a claim instead of deleting it')
    """,
    """
    CREATE TRIGGER resolution_append_only BEFORE UPDATE OR DELETE ON resolution FOR EACH ROW
    EXECUTE FUNCTION sooth_refuse('resolutions are append-only: record a new one that supersedes it')
    """,
    """
    CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry FOR EACH ROW
    EXECUTE FUNCTION sooth_refuse('ledger entries are append-only')
    """,
]


def _instant(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "source",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("slug", sa.String(120), nullable=False, unique=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False, index=True),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        _instant("created_at"),
        sa.Column("created_by", sa.String(200), nullable=False, server_default=""),
    )
    op.create_table(
        "reviewer",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False, server_default="UTC"),
        sa.Column("digest_weekday", sa.Integer, nullable=False, server_default="0"),
        sa.Column("digest_hour", sa.Integer, nullable=False, server_default="9"),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        _instant("created_at"),
    )
    op.create_table(
        "question",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("resolution_criteria", sa.Text, nullable=False),
        _instant("deadline"),
        sa.Column("reviewer_id", sa.Integer, sa.ForeignKey("reviewer.id"), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        _instant("created_at"),
        sa.Column("created_by", sa.String(200), nullable=False, server_default=""),
    )
    op.create_index("ix_question_deadline", "question", ["deadline"])
    op.create_index("ix_question_status", "question", ["status", "deadline"])
    op.create_index("ix_question_reviewer_id", "question", ["reviewer_id"])
    op.create_table(
        "question_tag",
        sa.Column(
            "question_id",
            sa.Integer,
            sa.ForeignKey("question.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("tag", sa.String(64), primary_key=True),
    )
    op.create_index("ix_question_tag_tag", "question_tag", ["tag"])
    op.create_table(
        "claim",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("question_id", sa.Integer, sa.ForeignKey("question.id"), nullable=False),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("source.id"), nullable=False),
        sa.Column("probability", sa.Float, nullable=False),
        sa.Column("probability_basis", sa.String(20), nullable=False),
        sa.Column("verbal_phrase", sa.String(200)),
        sa.Column("quote", sa.Text, nullable=False),
        _instant("made_at"),
        sa.Column("citation_url", sa.Text),
        sa.Column("citation_title", sa.Text),
        sa.Column("publisher", sa.String(300)),
        _instant("published_at", nullable=True),
        _instant("recorded_at"),
        sa.Column("recorded_by", sa.String(200), nullable=False, server_default=""),
        _instant("retracted_at", nullable=True),
        sa.Column("retraction_reason", sa.Text),
        sa.CheckConstraint("probability >= 0 AND probability <= 1", name="ck_claim_probability"),
    )
    op.create_index("ix_claim_source_question", "claim", ["source_id", "question_id"])
    op.create_index("ix_claim_question", "claim", ["question_id"])
    op.create_index("ix_claim_made_at", "claim", ["made_at"])
    op.create_table(
        "resolution",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("question_id", sa.Integer, sa.ForeignKey("question.id"), nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("evidence_url", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("reason", sa.Text),
        _instant("resolved_at"),
        sa.Column("resolved_by", sa.String(200), nullable=False, server_default=""),
        sa.UniqueConstraint("question_id", "sequence", name="uq_resolution_question_sequence"),
    )
    op.create_index("ix_resolution_question_id", "resolution", ["question_id"])
    op.create_table(
        "ledger_entry",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.Integer, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        _instant("created_at"),
        sa.Column("prev_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
    )
    op.create_index("ix_ledger_entry_entity", "ledger_entry", ["entity", "entity_id"])
    op.create_table(
        "api_key",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
        _instant("created_at"),
        _instant("revoked_at", nullable=True),
    )
    triggers = POSTGRES_TRIGGERS if op.get_bind().dialect.name == "postgresql" else SQLITE_TRIGGERS
    for statement in triggers:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS sooth_refuse() CASCADE")
    for table in (
        "api_key",
        "ledger_entry",
        "resolution",
        "claim",
        "question_tag",
        "question",
        "reviewer",
        "source",
    ):
        op.drop_table(table)
