"""scorer v2 evidence beside each answer (STAR parts, relevance, features, score breakdown); behavioural flag per question

Revision ID: 0009_answer_analysis
Revises: 0008_scores_audit_calibration
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0009_answer_analysis"
down_revision = "0008_scores_audit_calibration"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("answer") as batch_op:
        batch_op.add_column(sa.Column("analysis", JSON, nullable=False, server_default=sa.text("'{}'")))
    with op.batch_alter_table("question") as batch_op:
        batch_op.add_column(sa.Column("behavioural", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("question") as batch_op:
        batch_op.drop_column("behavioural")
    with op.batch_alter_table("answer") as batch_op:
        batch_op.drop_column("analysis")
