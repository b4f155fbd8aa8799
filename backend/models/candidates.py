"""Candidates, their applications (candidate x job, with the state machine's column) and invitations."""
from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import id_field, time_field


class ApplicationState(StrEnum):
    applied = "applied"
    screened = "screened"
    invited = "invited"  # 待预约
    booked = "booked"  # 待面试
    in_progress = "in_progress"  # 面试中
    completed = "completed"  # 已完成
    scored = "scored"
    advanced = "advanced"
    rejected = "rejected"
    hired = "hired"
    withdrawn = "withdrawn"


class Candidate(SQLModel, table=True):
    __tablename__ = "candidate"

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    name: str = Field(max_length=100)
    phone: str | None = Field(default=None, max_length=32)
    email: str | None = Field(default=None, max_length=254)
    created_at: datetime = time_field()


class Application(SQLModel, table=True):
    __tablename__ = "application"
    __table_args__ = (UniqueConstraint("candidate_id", "job_id"),)

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    job_id: uuid.UUID = Field(foreign_key="job.id", index=True)
    candidate_id: uuid.UUID = Field(foreign_key="candidate.id", index=True)
    # Written only by services.applications.transition_application.
    state: str = Field(default=ApplicationState.applied, max_length=20, index=True)
    created_at: datetime = time_field()
    updated_at: datetime = time_field()
    # Data protection (services.erasure, services.retention): a legal hold blocks erasure and retention purges, with
    # its reason shown; erased_at marks a candidate's erasure (the row stays as a pseudonymous stub); the purge
    # times say which artifacts the retention job removed.
    legal_hold_reason: str | None = Field(default=None, max_length=500)
    legal_hold_at: datetime | None = time_field(nullable=True, default_now=False)
    legal_hold_by: uuid.UUID | None = Field(default=None, foreign_key="hr_user.id")
    erased_at: datetime | None = time_field(nullable=True, default_now=False)
    media_purged_at: datetime | None = time_field(nullable=True, default_now=False)
    transcripts_purged_at: datetime | None = time_field(nullable=True, default_now=False)


class Invitation(SQLModel, table=True):
    __tablename__ = "invitation"

    id: uuid.UUID = id_field()
    application_id: uuid.UUID = Field(foreign_key="application.id", index=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_by: uuid.UUID | None = Field(default=None, foreign_key="hr_user.id")
    created_at: datetime = time_field()
    expires_at: datetime = time_field(default_now=False)
    revoked: bool = False
    opened_at: datetime | None = time_field(nullable=True, default_now=False)
