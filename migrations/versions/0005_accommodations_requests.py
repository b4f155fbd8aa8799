"""accommodations and candidate requests

Revision ID: 0005_accommodations_requests
Revises: 0004_documents
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel
import backend.models.base

revision = "0005_accommodations_requests"
down_revision = "0004_documents"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accommodation",
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("extra_think_seconds", sa.Integer(), nullable=False),
        sa.Column("extra_answer_seconds", sa.Integer(), nullable=False),
        sa.Column("extra_retakes", sa.Integer(), nullable=False),
        sa.Column("extra_window_hours", sa.Integer(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("granted_by", sa.Uuid(), nullable=False),
        sa.Column("granted_at", backend.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"]),
        sa.ForeignKeyConstraint(["granted_by"], ["hr_user.id"]),
        sa.PrimaryKeyConstraint("application_id"),
    )
    op.create_table(
        "candidate_request",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("message", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("created_at", backend.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("candidate_request") as batch_op:
        batch_op.create_index("ix_candidate_request_application_id", ["application_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("candidate_request") as batch_op:
        batch_op.drop_index("ix_candidate_request_application_id")
    op.drop_table("candidate_request")
    op.drop_table("accommodation")
