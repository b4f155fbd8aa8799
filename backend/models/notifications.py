"""Notifications: the outbox of messages to candidates, WeChat contacts, subscribe-message credits and the in-app inbox."""
from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Index, Text
from sqlmodel import Column, Field, SQLModel

from .base import id_field, json_field, time_field


class Channel(StrEnum):
    wechat = "wechat"  # a one-time subscribe message (needs an openid and a credit)
    email = "email"  # SMTP
    in_app = "in_app"  # the candidate's message list in the portal; always possible, so always last


class OutboxStatus(StrEnum):
    pending = "pending"
    sent = "sent"
    failed = "failed"


class CandidateContact(SQLModel, table=True):
    """How a candidate can be reached besides e-mail: the mini-program openid from code2Session (server-side only)."""

    __tablename__ = "candidate_contact"

    candidate_id: uuid.UUID = Field(foreign_key="candidate.id", primary_key=True)
    wechat_openid: str | None = Field(default=None, max_length=64, index=True)
    wechat_unionid: str | None = Field(default=None, max_length=64)
    updated_at: datetime = time_field()


class SubscribeCredit(SQLModel, table=True):
    """The credit ledger: +1 per accept the client reports, -1 per send; changed only by conditional UPDATEs."""

    __tablename__ = "subscribe_credit"
    __table_args__ = (CheckConstraint("credits >= 0", name="ck_subscribe_credit_not_negative"),)

    candidate_id: uuid.UUID = Field(foreign_key="candidate.id", primary_key=True)
    template: str = Field(primary_key=True, max_length=40)
    credits: int = 0
    accepted_total: int = 0
    refused_total: int = 0
    spent_total: int = 0
    updated_at: datetime = time_field()


class NotificationOutbox(SQLModel, table=True):
    """One notification to one candidate: its template and values, the channel plan, and every delivery attempt."""

    __tablename__ = "notification_outbox"
    __table_args__ = (Index("ix_notification_outbox_status_created", "status", "created_at"),)

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    application_id: uuid.UUID = Field(foreign_key="application.id", index=True)
    candidate_id: uuid.UUID = Field(foreign_key="candidate.id", index=True)
    template: str = Field(max_length=40)
    payload: dict = json_field()  # the template's values, JSON-safe (times as ISO 8601); never a secret
    channels: list = json_field(list)  # the plan, e.g. ["wechat", "email", "in_app"]
    next_channel: int = 0  # index into `channels` of the channel to try next
    status: str = Field(default=OutboxStatus.pending, max_length=10)
    channel_used: str | None = Field(default=None, max_length=10)
    attempts: list = json_field(list)  # [{channel, result, errcode, error, field, at}]
    attempt_count: int = 0
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    alert: bool = False  # a failure that is our configuration or formatter's fault (40037, 41030, 47003)
    # Set for notifications that must exist at most once (a booking's reminder, an invitation's nudge).
    dedupe_key: str | None = Field(default=None, max_length=200, unique=True)
    actor_type: str = Field(max_length=16)
    actor_id: uuid.UUID | None = None
    created_at: datetime = time_field()
    updated_at: datetime = time_field()
    sent_at: datetime | None = time_field(nullable=True, default_now=False)


class InAppMessage(SQLModel, table=True):
    """A message in the candidate's portal inbox (the in-app channel)."""

    __tablename__ = "in_app_message"
    __table_args__ = (Index("ix_in_app_message_candidate_read", "candidate_id", "read_at"),)

    id: uuid.UUID = id_field()
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    candidate_id: uuid.UUID = Field(foreign_key="candidate.id")
    application_id: uuid.UUID = Field(foreign_key="application.id", index=True)
    outbox_id: uuid.UUID = Field(foreign_key="notification_outbox.id", unique=True)
    template: str = Field(max_length=40)
    title: str = Field(max_length=200)
    body: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = time_field()
    read_at: datetime | None = time_field(nullable=True, default_now=False)
