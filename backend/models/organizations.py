"""Organizations, HR users and the opaque bearer tokens of HR users and candidates."""
from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from .base import id_field, time_field


class HrRole(StrEnum):
    admin = "admin"
    recruiter = "recruiter"
    interviewer = "interviewer"


class Organization(SQLModel, table=True):
    __tablename__ = "organization"

    id: uuid.UUID = id_field()
    name: str = Field(max_length=200)
    slug: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = time_field()


class HrUser(SQLModel, table=True):
    __tablename__ = "hr_user"

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    email: str = Field(max_length=254, unique=True, index=True)
    name: str = Field(max_length=100)
    role: str = Field(max_length=20)
    password_hash: str = Field(max_length=255)
    active: bool = True
    created_at: datetime = time_field()


class AuthToken(SQLModel, table=True):
    """A bearer token, stored only as its SHA-256; either an HR user's or a candidate's (scoped to one application)."""

    __tablename__ = "auth_token"

    token_hash: str = Field(primary_key=True, max_length=64)
    kind: str = Field(max_length=16)  # "hr" | "candidate"
    hr_user_id: uuid.UUID | None = Field(default=None, foreign_key="hr_user.id", index=True)
    application_id: uuid.UUID | None = Field(default=None, foreign_key="application.id", index=True)
    created_at: datetime = time_field()
    expires_at: datetime = time_field(default_now=False)
    revoked: bool = False
