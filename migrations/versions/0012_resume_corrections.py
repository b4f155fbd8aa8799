"""HR's corrections of parsed résumé fields, kept beside the parse

Revision ID: 0012_resume_corrections
Revises: 0011_onboarding
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0012_resume_corrections"
down_revision = "0011_onboarding"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("application_document") as batch_op:
        batch_op.add_column(sa.Column("corrections", JSON, nullable=False, server_default=sa.text("'{}'")))


def downgrade() -> None:
    with op.batch_alter_table("application_document") as batch_op:
        batch_op.drop_column("corrections")
