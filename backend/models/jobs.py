"""Jobs with their competency model, screening weights and thresholds, and their ordered questions."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import id_field, json_field, time_field

DEFAULT_SCREENING_WEIGHTS = {"skills": 0.4, "experience": 0.3, "education": 0.2, "other": 0.1}
DEFAULT_THRESHOLDS = {"auto_advance_score": 80, "interview_pool_top_percent": 30}


class Job(SQLModel, table=True):
    __tablename__ = "job"

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    title: str = Field(max_length=200)
    description: str = ""
    requirements: dict = json_field()  # skills, min_years, education, certificates
    competencies: dict = json_field()  # name -> weight, summing to 1
    screening_weights: dict = json_field(lambda: dict(DEFAULT_SCREENING_WEIGHTS))
    thresholds: dict = json_field(lambda: dict(DEFAULT_THRESHOLDS))
    status: str = Field(default="open", max_length=20)  # open | closed
    created_by: uuid.UUID | None = Field(default=None, foreign_key="hr_user.id")
    created_at: datetime = time_field()
    updated_at: datetime = time_field()


class Question(SQLModel, table=True):
    __tablename__ = "question"
    __table_args__ = (UniqueConstraint("job_id", "position"),)

    id: uuid.UUID = id_field()
    job_id: uuid.UUID = Field(foreign_key="job.id", index=True)
    position: int
    text: str
    competencies: dict = json_field()  # competency name -> weight, summing to 1
    rubric: list = json_field(list)  # [{id, text, key_phrases: [...], weight, competencies: [...]}]
    # Behavioural ("describe a time when…"): STAR structure counts. None: inferred from the question's text.
    behavioural: bool | None = None
    # A practice question: the candidate may try it, its answer is never scored nor shown in any score.
    practice: bool = False
    think_seconds: int = 30
    answer_seconds: int = 180
    retakes: int = 1
    # Below this much detected speech an answer is "insufficient evidence", never a number.
    min_speech_seconds: float = 3.0
    created_at: datetime = time_field()
