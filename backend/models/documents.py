"""Documents an application carries: the résumé and supplementary materials, with extracted text, fields and match."""
from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, Column, Text
from sqlmodel import Field, SQLModel

from .base import id_field, json_field, time_field


class DocumentKind(StrEnum):
    resume = "resume"
    diploma = "diploma"
    certificate = "certificate"


class DocumentStatus(StrEnum):
    queued = "queued"
    processing = "processing"
    parsed = "parsed"
    rejected = "rejected"  # unreadable or over a limit; the reason says which, the candidate may upload again
    failed = "failed"


class ApplicationDocument(SQLModel, table=True):
    __tablename__ = "application_document"

    id: uuid.UUID = id_field()
    application_id: uuid.UUID = Field(foreign_key="application.id", index=True)
    kind: str = Field(max_length=20)
    filename: str = Field(max_length=255)
    file_type: str = Field(max_length=16)
    media_key: str = Field(max_length=512)
    sha256: str = Field(max_length=64)
    bytes: int = Field(sa_type=BigInteger)
    uploaded_by: str = Field(max_length=16)  # "hr" | "candidate"
    status: str = Field(default=DocumentStatus.queued, max_length=20, index=True)
    status_reason: str | None = Field(default=None, max_length=64)
    status_message: str | None = None
    text: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    pages: list = json_field(list)  # [{number, method}]
    fields: dict = json_field()  # job-relevant résumé fields only (ml.resume.ALLOWED_FIELDS)
    match: dict = json_field()  # score, parts with reasons and evidence, weights, version, config hash
    # HR's corrections by field path ("work[0].title": "客户经理"); kept beside the parse, never overwritten by a
    # re-parse, laid over it for HR's view and the match.
    corrections: dict = json_field()
    created_at: datetime = time_field()
    processed_at: datetime | None = time_field(nullable=True, default_now=False)
