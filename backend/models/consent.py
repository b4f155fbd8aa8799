"""Versioned consent notices and the candidate's separate consent records (media, AI evaluation)."""
from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import id_field, time_field


class ConsentKind(StrEnum):
    media = "media"  # recording and keeping video and voice (sensitive personal information, PIPL art. 28-29)
    ai_evaluation = "ai_evaluation"  # automated evaluation of the answers (PIPL art. 24; Illinois AI Video Interview Act)


class ConsentNotice(SQLModel, table=True):
    __tablename__ = "consent_notice"
    __table_args__ = (UniqueConstraint("organization_id", "kind", "version"),)

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    kind: str = Field(max_length=32)
    version: int
    title: str = Field(max_length=200)
    text: str
    text_sha256: str = Field(max_length=64)
    created_at: datetime = time_field()


class ConsentRecord(SQLModel, table=True):
    """Append-only: the newest record of a kind for an application is the candidate's current choice."""

    __tablename__ = "consent_record"

    id: uuid.UUID = id_field()
    application_id: uuid.UUID = Field(foreign_key="application.id", index=True)
    candidate_id: uuid.UUID = Field(foreign_key="candidate.id", index=True)
    kind: str = Field(max_length=32)
    notice_id: uuid.UUID = Field(foreign_key="consent_notice.id")
    notice_version: int
    text_sha256: str = Field(max_length=64)
    granted: bool
    channel: str = Field(max_length=16)  # "miniprogram" | "h5"
    created_at: datetime = time_field(index=True)
