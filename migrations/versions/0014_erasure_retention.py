"""Erasure tombstones, legal holds, erasure and retention marks on applications

Revision ID: 0014_erasure_retention
Revises: 0013_request_answers
"""
from alembic import op
import sqlalchemy as sa

import backend.models.base

revision = "0014_erasure_retention"
down_revision = "0013_request_answers"
branch_labels = None
depends_on = None

UTC = backend.models.base.UTCDateTime


def upgrade() -> None:
    with op.batch_alter_table("application") as batch_op:
        batch_op.add_column(sa.Column("legal_hold_reason", sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column("legal_hold_at", UTC(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("legal_hold_by", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("erased_at", UTC(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("media_purged_at", UTC(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("transcripts_purged_at", UTC(timezone=True), nullable=True))
        batch_op.create_foreign_key("fk_application_legal_hold_by_hr_user", "hr_user", ["legal_hold_by"], ["id"])
    op.create_table(
        "erasure_record",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("candidate_id", sa.Uuid(), nullable=False),
        sa.Column("application_ids", backend.models.base.JsonType, nullable=False),
        sa.Column("request_id", sa.Uuid(), nullable=True),
        sa.Column("requested_by", sa.String(length=16), nullable=False),
        sa.Column("requested_at", UTC(timezone=True), nullable=False),
        sa.Column("processed_by", sa.Uuid(), nullable=True),
        sa.Column("legal_basis", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("erased", backend.models.base.JsonType, nullable=False),
        sa.Column("kept", backend.models.base.JsonType, nullable=False),
        sa.Column("pending_keys", backend.models.base.JsonType, nullable=False),
        sa.Column("objects_deleted", sa.Integer(), nullable=False),
        sa.Column("started_at", UTC(timezone=True), nullable=False),
        sa.Column("completed_at", UTC(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["organization_id"], ["organization.id"]),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"]),
        sa.ForeignKeyConstraint(["request_id"], ["candidate_request.id"]),
        sa.ForeignKeyConstraint(["processed_by"], ["hr_user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("candidate_id"),
    )
    op.create_index("ix_erasure_record_organization_id", "erasure_record", ["organization_id"])
    op.create_index("ix_erasure_record_status", "erasure_record", ["status"])


def downgrade() -> None:
    op.drop_index("ix_erasure_record_status", table_name="erasure_record")
    op.drop_index("ix_erasure_record_organization_id", table_name="erasure_record")
    op.drop_table("erasure_record")
    with op.batch_alter_table("application") as batch_op:
        batch_op.drop_constraint("fk_application_legal_hold_by_hr_user", type_="foreignkey")
        for column in ("transcripts_purged_at", "media_purged_at", "erased_at", "legal_hold_by", "legal_hold_at",
                       "legal_hold_reason"):
            batch_op.drop_column(column)
