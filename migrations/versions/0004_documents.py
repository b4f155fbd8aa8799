"""application documents (résumés, diplomas, certificates); joins the scheduling and notification branches

Revision ID: 0004_documents
Revises: 0002_scheduling, 0003_notifications
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel
import backend.models.base
from sqlalchemy.dialects import postgresql

revision = "0004_documents"
down_revision = ("0002_scheduling", "0003_notifications")
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "application_document",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("filename", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("file_type", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("media_key", sqlmodel.sql.sqltypes.AutoString(length=512), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("bytes", sa.BigInteger(), nullable=False),
        sa.Column("uploaded_by", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("status_reason", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("status_message", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("pages", JSON, nullable=False),
        sa.Column("fields", JSON, nullable=False),
        sa.Column("match", JSON, nullable=False),
        sa.Column("created_at", backend.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("processed_at", backend.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("application_document") as batch_op:
        batch_op.create_index("ix_application_document_application_id", ["application_id"], unique=False)
        batch_op.create_index("ix_application_document_status", ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("application_document") as batch_op:
        batch_op.drop_index("ix_application_document_status")
        batch_op.drop_index("ix_application_document_application_id")
    op.drop_table("application_document")
