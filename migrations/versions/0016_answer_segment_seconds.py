"""The segment length each answer's recorder was told (overlapping browser recorder: short; camera: 120 s)

Revision ID: 0016_answer_segment_seconds
Revises: 0015_segment_transcripts
"""
from alembic import op
import sqlalchemy as sa

revision = "0016_answer_segment_seconds"
down_revision = "0015_segment_transcripts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("answer") as batch_op:
        batch_op.add_column(sa.Column("segment_seconds", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("answer") as batch_op:
        batch_op.drop_column("segment_seconds")
