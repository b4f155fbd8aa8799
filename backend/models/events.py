"""The append-only event log: who did what to an application, when, from which state to which, and why."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from .base import id_field, json_field, time_field


class Event(SQLModel, table=True):
    __tablename__ = "event"

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    application_id: uuid.UUID | None = Field(default=None, foreign_key="application.id", index=True)
    kind: str = Field(max_length=64)  # "state_changed", "answer_uploaded", "answer_scored", ...
    actor_type: str = Field(max_length=16)  # "hr" | "candidate" | "system"
    actor_id: uuid.UUID | None = None
    from_state: str | None = Field(default=None, max_length=20)
    to_state: str | None = Field(default=None, max_length=20)
    reason: str | None = None
    data: dict = json_field()
    created_at: datetime = time_field(index=True)
