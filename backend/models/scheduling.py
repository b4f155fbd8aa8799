"""Interview scheduling: HR's slots, candidates' bookings and busy times, and each job's scheduling policy."""
from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Index, text
from sqlmodel import Field, SQLModel

from .base import id_field, time_field


class ScheduleMode(StrEnum):
    slots = "slots"  # the candidate books one of HR's slots
    open_window = "open_window"  # no slot: "complete within N hours"


class SlotFormat(StrEnum):
    online = "online"
    onsite = "onsite"


class BookingKind(StrEnum):
    slot = "slot"
    open_window = "open_window"


class BookingStatus(StrEnum):
    active = "active"
    cancelled = "cancelled"


class SchedulePolicy(SQLModel, table=True):
    """How candidates of one job schedule their interview; a job without a row uses the defaults below."""

    __tablename__ = "schedule_policy"
    __table_args__ = (
        CheckConstraint("window_hours >= 1 AND reschedule_cutoff_hours >= 0 AND max_reschedules >= 0",
                        name="ck_schedule_policy_limits"),
    )

    job_id: uuid.UUID = Field(foreign_key="job.id", primary_key=True)
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    mode: str = Field(default=ScheduleMode.slots, max_length=20)
    window_hours: int = 72
    reschedule_cutoff_hours: int = 24  # no rescheduling once the booked slot starts within this many hours
    max_reschedules: int = 2
    updated_by: uuid.UUID | None = Field(default=None, foreign_key="hr_user.id")
    updated_at: datetime = time_field()


class InterviewSlot(SQLModel, table=True):
    """A time HR offers for a job's interview, with `capacity` seats of which `booked` are taken."""

    __tablename__ = "interview_slot"
    # The last line of defence against overbooking; the booking service never relies on it alone.
    __table_args__ = (
        CheckConstraint("capacity >= 1 AND booked >= 0 AND booked <= capacity", name="ck_interview_slot_seats"),
        Index("ix_interview_slot_job_starts", "job_id", "starts_at"),
    )

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    job_id: uuid.UUID = Field(foreign_key="job.id")
    starts_at: datetime = time_field(default_now=False)
    ends_at: datetime = time_field(default_now=False)
    capacity: int = 1
    # Changed only by the conditional UPDATEs in services.booking (never read-then-write).
    booked: int = 0
    format: str = Field(default=SlotFormat.online, max_length=10)
    location: str | None = Field(default=None, max_length=500)  # meeting link or address
    created_by: uuid.UUID | None = Field(default=None, foreign_key="hr_user.id")
    created_at: datetime = time_field()
    updated_at: datetime = time_field()


class Booking(SQLModel, table=True):
    """One application's booking of a slot (or of an open window); at most one is active per application."""

    __tablename__ = "booking"
    __table_args__ = (
        Index("uq_booking_active_application", "application_id", unique=True,
              postgresql_where=text("status = 'active'"), sqlite_where=text("status = 'active'")),
    )

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    job_id: uuid.UUID = Field(foreign_key="job.id", index=True)
    application_id: uuid.UUID = Field(foreign_key="application.id", index=True)
    # A deleted slot can only have had cancelled bookings; they keep their copy of the times.
    slot_id: uuid.UUID | None = Field(default=None, foreign_key="interview_slot.id", ondelete="SET NULL", index=True)
    kind: str = Field(default=BookingKind.slot, max_length=20)
    status: str = Field(default=BookingStatus.active, max_length=20)
    # The slot's times when booked, or (open window) the booking time and the deadline.
    starts_at: datetime = time_field(default_now=False)
    ends_at: datetime = time_field(default_now=False)
    deadline_at: datetime | None = time_field(nullable=True, default_now=False)  # open window only
    reschedule_count: int = 0
    created_at: datetime = time_field()
    updated_at: datetime = time_field()
    cancelled_at: datetime | None = time_field(nullable=True, default_now=False)


class BusyTime(SQLModel, table=True):
    """A time the candidate declared unavailable (attendance, calendar); slots overlapping it are not offered."""

    __tablename__ = "busy_time"
    __table_args__ = (Index("ix_busy_time_candidate_starts", "candidate_id", "starts_at"),)

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    candidate_id: uuid.UUID = Field(foreign_key="candidate.id")
    starts_at: datetime = time_field(default_now=False)
    ends_at: datetime = time_field(default_now=False)
    label: str | None = Field(default=None, max_length=100)
    created_at: datetime = time_field()
