"""The interview's rolled-up result: per-competency and overall scores with contributions, proposal, feedback."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from .base import json_field, time_field


class InterviewResult(SQLModel, table=True):
    __tablename__ = "interview_result"

    application_id: uuid.UUID = Field(foreign_key="application.id", primary_key=True)
    overall: float | None = None
    status: str = Field(max_length=32)  # scored | insufficient_evidence
    score: dict = json_field()  # ml.rollup.InterviewScore.to_dict(): competencies, contributions, coverage
    proposal: dict = json_field()  # {} or ml.rollup.Proposal.to_dict() (advance only; HR confirms)
    feedback: dict = json_field()  # the candidate's report (bands, strengths, gaps, suggestions; no numbers)
    rollup_version: str = Field(max_length=32)
    config_hash: str = Field(max_length=64)
    computed_at: datetime = time_field()
    released_at: datetime | None = time_field(nullable=True, default_now=False)
