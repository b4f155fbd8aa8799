"""Per-candidate accommodations granted by HR, and the candidate's requests (explanation, human review, deletion)."""
from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Optional

from sqlmodel import Field, SQLModel

from .base import id_field, time_field


class Accommodation(SQLModel, table=True):
    """Extra time, retakes or window for one application; every grant is also an event (visible in fairness reports)."""

    __tablename__ = "accommodation"

    application_id: uuid.UUID = Field(foreign_key="application.id", primary_key=True)
    extra_think_seconds: int = 0
    extra_answer_seconds: int = 0
    extra_retakes: int = 0
    extra_window_hours: int = 0
    reason: str
    granted_by: uuid.UUID = Field(foreign_key="hr_user.id")
    granted_at: datetime = time_field()


class RequestKind(StrEnum):
    explanation = "explanation"  # PIPL art. 24, EU AI Act art. 86: an explanation of the evaluation
    human_review = "human_review"  # a person reviews the outcome
    deletion = "deletion"  # PIPL art. 47; processed by the deletion pipeline within 15 working days


class CandidateRequest(SQLModel, table=True):
    __tablename__ = "candidate_request"

    id: uuid.UUID = id_field()
    application_id: uuid.UUID = Field(foreign_key="application.id", index=True)
    kind: str = Field(max_length=20)
    message: str = ""
    status: str = Field(default="open", max_length=20)  # open | answered | done (a deletion carried out)
    created_at: datetime = time_field()
    # HR's written answer (explanation, outcome of the human review), shown to the candidate
    response: str = ""
    answered_at: Optional[datetime] = time_field(nullable=True, default_now=False)
    answered_by: Optional[uuid.UUID] = Field(default=None, foreign_key="hr_user.id")
