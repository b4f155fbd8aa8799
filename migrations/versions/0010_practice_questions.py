"""practice questions: a flag on the question and on its answers, whose answers are never scored

Revision ID: 0010_practice_questions
Revises: 0009_answer_analysis
"""
from alembic import op
import sqlalchemy as sa

revision = "0010_practice_questions"
down_revision = "0009_answer_analysis"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("question") as batch_op:
        batch_op.add_column(sa.Column("practice", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("answer") as batch_op:
        batch_op.add_column(sa.Column("practice", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("answer") as batch_op:
        batch_op.drop_column("practice")
    with op.batch_alter_table("question") as batch_op:
        batch_op.drop_column("practice")
