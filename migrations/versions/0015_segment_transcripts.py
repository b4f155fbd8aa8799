"""Segment transcripts: each recorded segment recognised as soon as it lands (result latency, issue #10)

Revision ID: 0015_segment_transcripts
Revises: 0014_erasure_retention
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

import backend.models.base

revision = "0015_segment_transcripts"
down_revision = "0014_erasure_retention"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "segment_transcript",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("segment_id", sa.Uuid(), nullable=False),
        sa.Column("asr_key", sa.String(length=64), nullable=False),
        sa.Column("engine_version", sa.String(length=128), nullable=False),
        sa.Column("transcript", JSON, nullable=False),
        sa.Column("lead_in_seconds", sa.Float(), nullable=False),
        sa.Column("asr_seconds", sa.Float(), nullable=True),
        sa.Column("created_at", backend.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["segment_id"], ["answer_segment.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("segment_id", "asr_key"),
    )
    op.create_index(op.f("ix_segment_transcript_segment_id"), "segment_transcript", ["segment_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_segment_transcript_segment_id"), table_name="segment_transcript")
    op.drop_table("segment_transcript")
