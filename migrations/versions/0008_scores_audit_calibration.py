"""AI-score audit log, human scores, calibration versions

Revision ID: 0008_scores_audit_calibration
Revises: 0007_answer_integrity
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel
import backend.models.base
from sqlalchemy.dialects import postgresql

revision = "0008_scores_audit_calibration"
down_revision = "0007_answer_integrity"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
TIME = backend.models.base.UTCDateTime(timezone=True)
INDEXES = {
    "ai_score_audit": ("organization_id", "application_id", "answer_id", "created_at"),
    "human_score": ("organization_id", "application_id", "answer_id", "subject_id", "scorer_id"),
    "calibration_version": ("job_id",),
}


def upgrade() -> None:
    op.create_table(
        "ai_score_audit",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("answer_id", sa.Uuid(), nullable=False),
        sa.Column("input_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("transcript_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("scorer_version", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("config_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("asr_engine", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("content_score", sa.Float(), nullable=True),
        sa.Column("competency_scores", JSON, nullable=False),
        sa.Column("features", JSON, nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.ForeignKeyConstraint(["answer_id"], ["answer.id"]),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"]),
        sa.ForeignKeyConstraint(["organization_id"], ["organization.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "human_score",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("answer_id", sa.Uuid(), nullable=True),
        sa.Column("scope", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("subject_id", sa.Uuid(), nullable=False),
        sa.Column("scorer_id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("overall", sa.Float(), nullable=True),
        sa.Column("competency_scores", JSON, nullable=False),
        sa.Column("comment", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("created_at", TIME, nullable=False),
        sa.ForeignKeyConstraint(["answer_id"], ["answer.id"]),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"]),
        sa.ForeignKeyConstraint(["organization_id"], ["organization.id"]),
        sa.ForeignKeyConstraint(["scorer_id"], ["hr_user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("scorer_id", "subject_id", "revision"),
    )
    op.create_table(
        "calibration_version",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("feature_names", JSON, nullable=False),
        sa.Column("weights", JSON, nullable=False),
        sa.Column("alpha", sa.Float(), nullable=False),
        sa.Column("adopted", sa.Boolean(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("train_metrics", JSON, nullable=False),
        sa.Column("test_metrics", JSON, nullable=False),
        sa.Column("split", JSON, nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("created_at", TIME, nullable=False),
        sa.ForeignKeyConstraint(["created_by"], ["hr_user.id"]),
        sa.ForeignKeyConstraint(["job_id"], ["job.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("job_id", "version"),
    )
    for table, columns in INDEXES.items():
        with op.batch_alter_table(table) as batch_op:
            for column in columns:
                batch_op.create_index(f"ix_{table}_{column}", [column], unique=False)


def downgrade() -> None:
    for table, columns in reversed(INDEXES.items()):
        with op.batch_alter_table(table) as batch_op:
            for column in columns:
                batch_op.drop_index(f"ix_{table}_{column}")
        op.drop_table(table)
