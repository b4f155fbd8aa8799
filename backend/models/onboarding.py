"""Onboarding: employees (new hires and mentors), the case a hire opens, its form, documents, checklist, policies,
the organization's course catalogue and checklist templates, and signed webhooks to HRIS / attendance systems."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import BigInteger, Column, Date, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import id_field, json_field, time_field


class CaseStage(StrEnum):
    offer_sent = "offer_sent"  # the employee has not signed in yet
    in_progress = "in_progress"
    ready = "ready"  # every task done; waiting for the first day
    completed = "completed"


class TaskOwner(StrEnum):
    employee = "employee"
    hr = "hr"
    manager = "manager"
    it = "it"


class Employee(SQLModel, table=True):
    """A person working for the organization: a new hire (linked to their candidate record) or a mentor."""

    __tablename__ = "employee"

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    candidate_id: uuid.UUID | None = Field(default=None, foreign_key="candidate.id", index=True)
    name: str = Field(max_length=100)
    email: str | None = Field(default=None, max_length=254)
    phone: str | None = Field(default=None, max_length=32)
    position: str | None = Field(default=None, max_length=100)
    department: str | None = Field(default=None, max_length=100)
    location: str | None = Field(default=None, max_length=100)
    is_mentor: bool = False
    mentor_capacity: int = 0
    skills: list = json_field(list)  # competencies / skills the mentor can pass on
    created_at: datetime = time_field()


class OnboardingCase(SQLModel, table=True):
    """One hire's way to a ready first day: the offer, the login, the stage and the mentor."""

    __tablename__ = "onboarding_case"

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    application_id: uuid.UUID = Field(foreign_key="application.id", unique=True)
    employee_id: uuid.UUID = Field(foreign_key="employee.id", index=True)
    position: str = Field(max_length=100)
    department: str = Field(max_length=100)
    location: str = Field(max_length=200)
    manager: str = Field(max_length=100)
    start_date: date = Field(sa_column=Column(Date, nullable=False))
    stage: str = Field(default=CaseStage.offer_sent, max_length=20, index=True)
    template_id: uuid.UUID | None = Field(default=None, foreign_key="checklist_template.id")
    mentor_id: uuid.UUID | None = Field(default=None, foreign_key="employee.id", index=True)
    mentor_confirmed_at: datetime | None = time_field(nullable=True, default_now=False)
    # The one-time sign-in code, stored only as its SHA-256; cleared once used.
    login_code_hash: str | None = Field(default=None, max_length=64)
    login_code_expires_at: datetime | None = time_field(nullable=True, default_now=False)
    login_failures: int = 0
    start_date_confirmed_at: datetime | None = time_field(nullable=True, default_now=False)
    completed_at: datetime | None = time_field(nullable=True, default_now=False)
    created_by: uuid.UUID | None = Field(default=None, foreign_key="hr_user.id")
    created_at: datetime = time_field()
    updated_at: datetime = time_field()


class OnboardingField(SQLModel, table=True):
    """One form field of a case; sensitive values are only ever stored encrypted (`value` is then None)."""

    __tablename__ = "onboarding_field"
    __table_args__ = (UniqueConstraint("case_id", "name"),)

    id: uuid.UUID = id_field()
    case_id: uuid.UUID = Field(foreign_key="onboarding_case.id", index=True)
    name: str = Field(max_length=40)
    value: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    value_encrypted: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    sensitive: bool = False
    prefilled: bool = False  # the value came from the résumé or the application
    source: str | None = Field(default=None, max_length=40)  # "resume" | "application" | "employee"
    status: str = Field(default="empty", max_length=20)  # empty | prefilled | confirmed | corrected | filled
    updated_at: datetime = time_field()


class OnboardingDocument(SQLModel, table=True):
    """A document photo or scan of a case: kept in storage (never the database), read by the `ocr` queue."""

    __tablename__ = "onboarding_document"

    id: uuid.UUID = id_field()
    case_id: uuid.UUID = Field(foreign_key="onboarding_case.id", index=True)
    kind: str = Field(max_length=30)
    filename: str = Field(max_length=255)
    file_type: str = Field(max_length=16)
    media_key: str = Field(max_length=512)
    sha256: str = Field(max_length=64)
    bytes: int = Field(sa_type=BigInteger)
    status: str = Field(default="queued", max_length=20, index=True)  # queued processing read retake failed
    status_reason: str | None = Field(default=None, max_length=64)
    status_message: str | None = None
    extracted_encrypted: str | None = Field(default=None, sa_column=Column(Text, nullable=True))  # OCR fields (JSON)
    comparison: dict = json_field()  # field -> {matches, typed (masked), read (masked)}
    mismatch: bool = False
    employee_confirmed_at: datetime | None = time_field(nullable=True, default_now=False)
    created_at: datetime = time_field()
    processed_at: datetime | None = time_field(nullable=True, default_now=False)


class ChecklistTemplate(SQLModel, table=True):
    """The organization's onboarding tasks for a job or a department (or its default, with neither)."""

    __tablename__ = "checklist_template"

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    name: str = Field(max_length=100)
    job_id: uuid.UUID | None = Field(default=None, foreign_key="job.id", index=True)
    department: str | None = Field(default=None, max_length=100)
    tasks: list = json_field(list)  # [{key, title, owner, kind, due_days}] due_days relative to the start date
    created_at: datetime = time_field()
    updated_at: datetime = time_field()


class ChecklistTask(SQLModel, table=True):
    __tablename__ = "checklist_task"
    __table_args__ = (UniqueConstraint("case_id", "key"),)

    id: uuid.UUID = id_field()
    case_id: uuid.UUID = Field(foreign_key="onboarding_case.id", index=True)
    key: str = Field(max_length=60)
    title: str = Field(max_length=200)
    owner: str = Field(max_length=20)
    kind: str = Field(max_length=30)  # form | document:<kind> | policy:<key> | account | training | other
    due_date: date = Field(sa_column=Column(Date, nullable=False))
    done_at: datetime | None = time_field(nullable=True, default_now=False)
    done_by: str | None = Field(default=None, max_length=60)
    reminded_at: datetime | None = time_field(nullable=True, default_now=False)


class Policy(SQLModel, table=True):
    """A policy the employee reads and acknowledges (handbook, code of conduct); a new version is a new row."""

    __tablename__ = "policy"
    __table_args__ = (UniqueConstraint("organization_id", "key", "version"),)

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    key: str = Field(max_length=60)
    title: str = Field(max_length=200)
    version: str = Field(max_length=40)
    body: str = Field(sa_column=Column(Text, nullable=False))
    text_sha256: str = Field(max_length=64)
    created_at: datetime = time_field()


class PolicyAcknowledgement(SQLModel, table=True):
    __tablename__ = "policy_acknowledgement"
    __table_args__ = (UniqueConstraint("case_id", "policy_id"),)

    id: uuid.UUID = id_field()
    case_id: uuid.UUID = Field(foreign_key="onboarding_case.id", index=True)
    policy_id: uuid.UUID = Field(foreign_key="policy.id")
    version: str = Field(max_length=40)
    text_sha256: str = Field(max_length=64)
    acknowledged_at: datetime = time_field()


class Course(SQLModel, table=True):
    """A course of the organization's catalogue, suggested when a hire scored low on its competency."""

    __tablename__ = "course"

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    title: str = Field(max_length=200)
    competency: str = Field(max_length=100, index=True)
    description: str | None = None
    hours: float | None = None
    active: bool = True
    created_at: datetime = time_field()


class WebhookEndpoint(SQLModel, table=True):
    """Where the HRIS / attendance system receives events; its signing secret is stored encrypted."""

    __tablename__ = "webhook_endpoint"

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    url: str = Field(max_length=1000)
    secret_encrypted: str = Field(sa_column=Column(Text, nullable=False))
    events: list = json_field(list)  # [] = every event
    active: bool = True
    created_at: datetime = time_field()


class WebhookDelivery(SQLModel, table=True):
    """One event for one endpoint: the outbox row the delivery job works, with every attempt."""

    __tablename__ = "webhook_delivery"
    __table_args__ = (Index("ix_webhook_delivery_status_created", "status", "created_at"),)

    id: uuid.UUID = id_field()  # also the event id the receiver uses against replays
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    endpoint_id: uuid.UUID = Field(foreign_key="webhook_endpoint.id", index=True)
    case_id: uuid.UUID | None = Field(default=None, foreign_key="onboarding_case.id", index=True)
    event: str = Field(max_length=60)
    payload: dict = json_field()
    status: str = Field(default="pending", max_length=10)  # pending | delivered | failed
    attempt_count: int = 0
    attempts: list = json_field(list)  # [{at, status_code, error}]
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime = time_field()
    delivered_at: datetime | None = time_field(nullable=True, default_now=False)
