"""interview results (roll-up, proposal, feedback)

Revision ID: 0006_interview_results
Revises: 0005_accommodations_requests
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel
import backend.models.base
from sqlalchemy.dialects import postgresql

revision = "0006_interview_results"
down_revision = "0005_accommodations_requests"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "interview_result",
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("overall", sa.Float(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("score", JSON, nullable=False),
        sa.Column("proposal", JSON, nullable=False),
        sa.Column("feedback", JSON, nullable=False),
        sa.Column("rollup_version", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("config_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("computed_at", backend.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("released_at", backend.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"]),
        sa.PrimaryKeyConstraint("application_id"),
    )


def downgrade() -> None:
    op.drop_table("interview_result")
