"""HR's written answers to candidates' requests (explanation, human review)

Revision ID: 0013_request_answers
Revises: 0012_resume_corrections
"""
from alembic import op
import sqlalchemy as sa

import backend.models.base

revision = "0013_request_answers"
down_revision = "0012_resume_corrections"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("candidate_request") as batch_op:
        batch_op.add_column(sa.Column("response", sa.String(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("answered_at", backend.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("answered_by", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key("fk_candidate_request_answered_by_hr_user", "hr_user", ["answered_by"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("candidate_request") as batch_op:
        batch_op.drop_constraint("fk_candidate_request_answered_by_hr_user", type_="foreignkey")
        batch_op.drop_column("answered_by")
        batch_op.drop_column("answered_at")
        batch_op.drop_column("response")
