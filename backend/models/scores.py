"""The AI-score audit log, human scores with their revisions, and the calibration versions fitted per job (all append-only)."""
from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import id_field, json_field, time_field


class AiScoreAudit(SQLModel, table=True):
    """One row per AI score ever written onto an answer (a rescoring adds a row); never updated or deleted."""

    __tablename__ = "ai_score_audit"

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    application_id: uuid.UUID = Field(foreign_key="application.id", index=True)
    answer_id: uuid.UUID = Field(foreign_key="answer.id", index=True)
    # sha256 over the answer's recorded segments' sha256s in order: which input produced this output.
    input_sha256: str | None = Field(default=None, max_length=64)
    transcript_sha256: str | None = Field(default=None, max_length=64)
    scorer_version: str | None = Field(default=None, max_length=64)
    config_hash: str | None = Field(default=None, max_length=64)
    asr_engine: str | None = Field(default=None, max_length=64)
    status: str = Field(max_length=32)
    reason: str | None = Field(default=None, max_length=64)
    content_score: float | None = None
    competency_scores: dict = json_field()
    features: dict = json_field()  # the scorer's allow-listed features behind the score (input to calibration)
    created_at: datetime = time_field(index=True)


class HumanScoreScope(StrEnum):
    answer = "answer"  # one answer: overall and/or per competency of its question
    interview = "interview"  # the whole interview, per competency of the job


class HumanScore(SQLModel, table=True):
    """A human rater's score; a revision is a new row with the next number, the newest one per (rater, subject) counts."""

    __tablename__ = "human_score"
    __table_args__ = (UniqueConstraint("scorer_id", "subject_id", "revision"),)

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    application_id: uuid.UUID = Field(foreign_key="application.id", index=True)
    answer_id: uuid.UUID | None = Field(default=None, foreign_key="answer.id", index=True)
    scope: str = Field(max_length=16)
    subject_id: uuid.UUID = Field(index=True)  # the answer's id, or the application's for an interview score
    scorer_id: uuid.UUID = Field(foreign_key="hr_user.id", index=True)
    revision: int = 1
    overall: float | None = None
    competency_scores: dict = json_field()  # competency name -> 0..100
    comment: str | None = None
    created_at: datetime = time_field()


class CalibrationVersion(SQLModel, table=True):
    """Feature weights fitted to human scores for one job, with train and held-out metrics; adopted or not, kept."""

    __tablename__ = "calibration_version"
    __table_args__ = (UniqueConstraint("job_id", "version"),)

    id: uuid.UUID = id_field()
    job_id: uuid.UUID = Field(foreign_key="job.id", index=True)
    version: int
    feature_names: list = json_field(list)
    weights: dict = json_field()  # feature name -> non-negative weight
    alpha: float
    adopted: bool = False
    reason: str
    train_metrics: dict = json_field()  # agreement of the new weights on the training interviews
    test_metrics: dict = json_field()  # {"current": ..., "new": ...} on the held-out interviews
    split: dict = json_field()  # {"train": {"interviews", "answers"}, "test": {...}, "salt"}
    created_by: uuid.UUID | None = Field(default=None, foreign_key="hr_user.id")
    created_at: datetime = time_field()
