"""The tombstone of a candidate's erasure: who asked, when, who processed it, what was erased (kinds and counts,
never content), on which legal basis, and the stored objects still to delete (two-phase: rows, then objects)."""
from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from .base import id_field, json_field, time_field


class ErasureStatus(StrEnum):
    objects_pending = "objects_pending"  # rows erased and committed; stored objects listed in pending_keys
    done = "done"


class ErasureRecord(SQLModel, table=True):
    """One per erased candidate (re-runs update it); kept for good, holds no personal data (ids and opaque keys)."""

    __tablename__ = "erasure_record"

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    candidate_id: uuid.UUID = Field(foreign_key="candidate.id", unique=True)
    application_ids: list = json_field(list)
    request_id: uuid.UUID | None = Field(default=None, foreign_key="candidate_request.id")
    requested_by: str = Field(max_length=16)  # "candidate" (a deletion request) | "hr"
    requested_at: datetime = time_field()
    processed_by: uuid.UUID | None = Field(default=None, foreign_key="hr_user.id")
    legal_basis: str = Field(max_length=200)
    status: str = Field(default=ErasureStatus.objects_pending, max_length=20, index=True)
    erased: dict = json_field()  # kind -> count, e.g. {"answer_segments": 3, "documents": 1, "candidate_fields": 3}
    kept: list = json_field(list)  # what stays and why, e.g. ["ai_score_audit: PIPL art. 55-56 (>= 3 years)"]
    pending_keys: list = json_field(list)  # opaque storage keys not yet deleted
    objects_deleted: int = 0
    started_at: datetime = time_field()
    completed_at: datetime | None = time_field(nullable=True, default_now=False)
