"""Stored results of POSTs sent with an Idempotency-Key, so that a retry replays the first response."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import id_field, json_field, time_field


class IdempotencyRecord(SQLModel, table=True):
    """One (principal, route, key): the request's fingerprint and the response it got, written with the effect."""

    __tablename__ = "idempotency_record"
    __table_args__ = (UniqueConstraint("principal", "scope", "key", name="uq_idempotency_record_key"),)

    id: uuid.UUID = id_field()
    principal: str = Field(max_length=80)  # "hr:<user id>" | "candidate:<application id>"
    scope: str = Field(max_length=300)  # "POST /api/candidate/booking"
    key: str = Field(max_length=255)
    request_hash: str = Field(max_length=64)  # SHA-256 of the canonical request
    status_code: int
    response_body: str = Field(sa_column=Column(Text, nullable=False))
    response_headers: dict = json_field()
    created_at: datetime = time_field()
    expires_at: datetime = time_field(default_now=False, index=True)
