"""Notifying candidates: the outbox and its channel plan, the subscribe credit ledger, the inbox, reminders and nudges.

A notification is one NotificationOutbox row written in the caller's transaction; job `notify.deliver`
(queued after commit) tries its channels in order. Reminders are RQ scheduled jobs (`Queue.enqueue_at`),
moved to the queue at their time by the scheduler of any worker started `with_scheduler=True`.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Mapping

from flask import current_app
from redis import RedisError
from rq import Queue
from rq.exceptions import NoSuchJobError
from rq.job import Job as RqJob, JobStatus
from sqlalchemy import case, exists, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ..db import after_commit, after_commit_batch
from ..errors import Conflict, Invalid, NotFound
from ..jobs.queues import DELIVER, NOTIFY, REMINDER, enqueue_once
from ..models import Application, ApplicationState as S, Candidate, Event, Invitation, Job, Organization, utcnow
from ..models.notifications import (
    CandidateContact, Channel, InAppMessage, NotificationOutbox, OutboxStatus, SubscribeCredit,
)
from ..notify import notify_config, wechat_enabled
from ..notify.templates import STANDARD_FEEDBACK, TEMPLATES, MessageTemplate
from ..wechat.subscribe import CHINA_TZ
from .applications import Actor, record_event

log = logging.getLogger(__name__)

REMINDER_LEAD = timedelta(minutes=60)
NUDGE_AFTER = timedelta(hours=24)
REDELIVER_WITHIN = timedelta(hours=24)
MAX_VALUE_CHARS = 500
# Values are shown to the candidate and to HR, and stored: a credential must never ride along.
_SECRET_NAME = re.compile(r"token|secret|password|passwd|session_key|signature|otp", re.I)


# -- notify ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Recipient:
    """Who a notification goes to and the names it is written with (a caller that read them already passes it)."""

    candidate_id: uuid.UUID
    candidate_name: str
    email: str | None
    wechat_openid: str | None
    company: str
    job_title: str


def recipient_of(session: Session, application: Application) -> Recipient:
    candidate = session.get(Candidate, application.candidate_id)
    contact = session.get(CandidateContact, candidate.id)
    return Recipient(candidate_id=candidate.id, candidate_name=candidate.name, email=candidate.email,
                     wechat_openid=contact.wechat_openid if contact is not None else None,
                     company=session.get(Organization, application.organization_id).name,
                     job_title=session.get(Job, application.job_id).title)


def notify(
    session: Session, *, application: Application, template: str, actor: Actor,
    values: Mapping[str, Any] | None = None, dedupe_key: str | None = None, new_key: bool = False,
    recipient: Recipient | None = None,
) -> NotificationOutbox:
    """Write one notification with its channel plan and queue its delivery after commit.

    With a `dedupe_key`, a second call returns the first row instead of notifying twice; `new_key` says the key
    names a row created in this transaction (e.g. a new booking), so no earlier notification can carry it.
    `recipient` is the candidate's names and contacts when the caller already read them (else they are looked up).
    """
    spec = TEMPLATES.get(template)
    if spec is None:
        raise Invalid(f"unknown notification template {template!r}", reason="unknown_template",
                      errors={"template": [f"one of {sorted(TEMPLATES)}"]})
    if dedupe_key is not None and not new_key:
        existing = session.exec(select(NotificationOutbox).where(NotificationOutbox.dedupe_key == dedupe_key)).first()
        if existing is not None:
            return existing
    recipient = recipient or recipient_of(session, application)
    payload = {
        "candidate_name": recipient.candidate_name,
        "company": recipient.company,
        "job_title": recipient.job_title,
        **_checked_values(spec, values or {}),
    }
    outbox = NotificationOutbox(
        organization_id=application.organization_id, application_id=application.id, candidate_id=recipient.candidate_id,
        template=template, payload=payload, channels=channel_plan(recipient, template=template),
        dedupe_key=dedupe_key, actor_type=actor.type, actor_id=actor.id,
    )
    if dedupe_key is None or new_key:
        session.add(outbox)
        session.flush()
    else:
        try:
            with session.begin_nested():  # two workers racing for one reminder: the unique key decides
                session.add(outbox)
        except IntegrityError:
            return session.exec(select(NotificationOutbox).where(NotificationOutbox.dedupe_key == dedupe_key)).one()
    # The row is this transaction's own, so no job can carry its id yet: queued without looking first.
    outbox_id = outbox.id
    queue_new_job(session, lambda connection, pipe: Queue(NOTIFY, connection=connection).enqueue(
        "backend.jobs.notify.deliver", str(outbox_id), job_id=f"notify-{outbox_id}", pipeline=pipe, **DELIVER),
        what=f"notification {outbox_id}: delivery not queued (the sweep queues it)")
    return outbox


def queue_new_job(session: Session, enqueue, *, what: str) -> None:
    """Queue a job once the transaction commits, with `enqueue(connection, pipeline)`, for a job id no earlier job can carry (it
    names a row of this transaction): nothing is looked up first, as `enqueue_once` does, and the transaction's new
    jobs go to Redis together, in one pipeline (a booking's confirmation and reminder: one round trip instead of six).
    If Redis is away, `what` is logged."""
    connection = current_app.extensions["qingpin.redis"]
    after_commit_batch(session, "new_jobs", (enqueue, what), lambda items: _send_new_jobs(connection, items))


def _send_new_jobs(connection, items: list) -> None:
    try:
        with connection.pipeline() as pipe:
            pipe.multi()  # one MULTI for all (RQ opens one on a pipeline with no commands yet, not on a used one)
            for enqueue, _ in items:
                enqueue(connection, pipe)
            pipe.execute()
    except RedisError:
        for _, what in items:
            log.warning("jobs not queued (Redis unavailable or refused them): %s", what, exc_info=True)


def _checked_values(spec: MessageTemplate, values: Mapping[str, Any]) -> dict:
    """The caller's values, checked against the template and made JSON-safe."""
    errors: dict[str, list[str]] = {}
    for key in values:
        if key not in spec.allowed:
            errors[key] = ["secrets are never sent in a message"] if _SECRET_NAME.search(key) \
                else [f"not a value of {spec.name}; allowed: {sorted(spec.allowed)}"]
    for key in spec.required:
        if values.get(key) is None:
            errors.setdefault(key, []).append("required")
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key in errors or value is None:
            continue
        if key in spec.times:
            if not isinstance(value, datetime) or value.tzinfo is None:
                errors[key] = ["a timezone-aware datetime"]
            else:
                clean[key] = value.astimezone(dt.timezone.utc).isoformat()
        elif key in spec.dates:
            if isinstance(value, datetime):
                value = value.astimezone(CHINA_TZ).date() if value.tzinfo else None
            if not isinstance(value, dt.date):
                errors[key] = ["a date (or an aware datetime)"]
            else:
                clean[key] = value.isoformat()
        elif key == "feedback_code":
            if value not in STANDARD_FEEDBACK:
                errors[key] = [f"one of {sorted(STANDARD_FEEDBACK)}"]
            else:
                clean[key] = value
        else:
            text = str(value).strip()
            if not text or len(text) > MAX_VALUE_CHARS:
                errors[key] = [f"1 to {MAX_VALUE_CHARS} characters"]
            else:
                clean[key] = text
    if errors:
        raise Invalid(f"bad values for notification {spec.name}", reason="bad_notification_values", errors=errors)
    return clean


def channel_plan(recipient: Recipient, *, template: str) -> list[str]:
    """The channels to try, in order: WeChat when linked and configured, e-mail when known and configured, in-app."""
    app = current_app._get_current_object()
    config = notify_config(app)
    plan = []
    if recipient.wechat_openid and wechat_enabled(app) and template in config.wechat_templates:
        plan.append(Channel.wechat.value)
    if recipient.email and config.smtp is not None:
        plan.append(Channel.email.value)
    plan.append(Channel.in_app.value)
    return plan


def enqueue_delivery(connection, outbox_id: uuid.UUID):
    policy = dict(DELIVER)
    return enqueue_once(connection, "backend.jobs.notify.deliver", f"notify-{outbox_id}", str(outbox_id),
                        queue=NOTIFY, **policy)


def redeliver_pending(session: Session, connection, *, now: datetime | None = None,
                      older_than: timedelta = timedelta(minutes=10), limit: int = 500) -> int:
    """Queue again the deliveries of rows still pending after `older_than` (a lost enqueue); live jobs are reused.

    Only rows of the last day: one that a bug keeps failing stays pending, visible to HR, instead of looping.
    """
    now = now or utcnow()
    ids = session.exec(select(NotificationOutbox.id).where(
        NotificationOutbox.status == OutboxStatus.pending, NotificationOutbox.updated_at < now - older_than,
        NotificationOutbox.created_at > now - REDELIVER_WITHIN,
    ).order_by(NotificationOutbox.updated_at).limit(limit)).all()
    for outbox_id in ids:
        enqueue_delivery(connection, outbox_id)
    return len(ids)


def outbox_for(session: Session, *, application_id: uuid.UUID) -> list[NotificationOutbox]:
    return list(session.exec(select(NotificationOutbox).where(NotificationOutbox.application_id == application_id)
                             .order_by(NotificationOutbox.created_at.desc(), NotificationOutbox.id)))


# -- contacts and the credit ledger ----------------------------------------------------------------------------

def link_wechat(session: Session, *, candidate_id: uuid.UUID, openid: str, unionid: str | None = None) -> CandidateContact:
    """Remember the candidate's openid (from code2Session on the server; never from the client)."""
    contact = session.get(CandidateContact, candidate_id) or CandidateContact(candidate_id=candidate_id)
    contact.wechat_openid, contact.wechat_unionid, contact.updated_at = openid, unionid, utcnow()
    session.add(contact)
    session.flush()
    return contact


def record_subscription(session: Session, *, candidate_id: uuid.UUID, template: str, accepted: bool) -> SubscribeCredit:
    """What wx.requestSubscribeMessage answered for one template: an accept is one more message we may send."""
    if template not in TEMPLATES:
        raise Invalid(f"unknown template {template!r}", errors={"template": ["unknown"]})
    now = utcnow()
    changes = {"updated_at": now}
    if accepted:
        changes.update(credits=SubscribeCredit.credits + 1, accepted_total=SubscribeCredit.accepted_total + 1)
    else:
        changes.update(refused_total=SubscribeCredit.refused_total + 1)
    where = (SubscribeCredit.candidate_id == candidate_id, SubscribeCredit.template == template)
    if _update(session, where, changes) == 0:
        row = SubscribeCredit(candidate_id=candidate_id, template=template, credits=int(accepted),
                              accepted_total=int(accepted), refused_total=int(not accepted), updated_at=now)
        try:
            with session.begin_nested():
                session.add(row)
        except IntegrityError:  # the first report for this template, twice at once
            _update(session, where, changes)
    return session.exec(select(SubscribeCredit).where(*where).execution_options(populate_existing=True)).one()


def consume_credit(session: Session, *, candidate_id: uuid.UUID, template: str) -> bool:
    """Take one credit if there is one: a single conditional UPDATE, so two senders never share a credit."""
    return _update(session, (SubscribeCredit.candidate_id == candidate_id, SubscribeCredit.template == template,
                             SubscribeCredit.credits > 0),
                   {"credits": SubscribeCredit.credits - 1, "spent_total": SubscribeCredit.spent_total + 1,
                    "updated_at": utcnow()}) == 1


def refund_credit(session: Session, *, candidate_id: uuid.UUID, template: str) -> None:
    """Give back a credit WeChat did not use (busy, or a payload it refused before spending the credit)."""
    _update(session, (SubscribeCredit.candidate_id == candidate_id, SubscribeCredit.template == template),
            {"credits": SubscribeCredit.credits + 1, "spent_total": SubscribeCredit.spent_total - 1, "updated_at": utcnow()})


def credits_of(session: Session, *, candidate_id: uuid.UUID) -> list[SubscribeCredit]:
    return list(session.exec(select(SubscribeCredit).where(SubscribeCredit.candidate_id == candidate_id)
                             .order_by(SubscribeCredit.template)))


def _update(session: Session, where, values: dict) -> int:
    result = session.exec(update(SubscribeCredit).where(*where).values(**values)
                          .execution_options(synchronize_session=False))
    return result.rowcount


# -- the inbox -------------------------------------------------------------------------------------------------

def messages_query(*, candidate_id: uuid.UUID):
    """The candidate's inbox: unread first, then newest first (the caller paginates)."""
    unread_first = case((InAppMessage.read_at.is_(None), 0), else_=1)
    return (select(InAppMessage).where(InAppMessage.candidate_id == candidate_id)
            .order_by(unread_first, InAppMessage.created_at.desc(), InAppMessage.id))


def mark_read(session: Session, *, candidate_id: uuid.UUID, message_id: uuid.UUID) -> InAppMessage:
    """Mark one of the candidate's own messages read (someone else's is 404); the first read time stays."""
    message = session.get(InAppMessage, message_id)
    if message is None or message.candidate_id != candidate_id:
        raise NotFound("message not found")
    if message.read_at is None:
        message.read_at = utcnow()
        session.add(message)
        session.flush()
    return message


# -- reminders -------------------------------------------------------------------------------------------------

def reminder_job_id(booking_id: uuid.UUID) -> str:
    return f"reminder-{booking_id}"


def plan_reminder(session: Session, *, booking_id: uuid.UUID, starts_at: datetime, new_booking: bool = False) -> None:
    """(Re)plan the booking's T-60 min reminder once the transaction commits; one scheduled job per booking.

    `new_booking`: the booking is this transaction's own, so it has no reminder to replace yet (see `queue_new_job`)."""
    if starts_at.tzinfo is None:
        raise ValueError("starts_at must be timezone-aware")
    if new_booking:
        if starts_at > utcnow():
            queue_new_job(session, lambda connection, pipe: _enqueue_reminder(connection, booking_id=booking_id,
                                                                              starts_at=starts_at, pipeline=pipe),
                          what=f"booking {booking_id}: reminder not scheduled")
        return
    connection = current_app.extensions["qingpin.redis"]
    after_commit(session, lambda: schedule_reminder(connection, booking_id=booking_id, starts_at=starts_at))


def cancel_reminder(session: Session, *, booking_id: uuid.UUID) -> None:
    """Drop the booking's reminder once the transaction commits (the job also re-checks the booking when it runs)."""
    connection = current_app.extensions["qingpin.redis"]
    after_commit(session, lambda: unschedule_reminder(connection, booking_id=booking_id))


def schedule_reminder(connection, *, booking_id: uuid.UUID, starts_at: datetime) -> RqJob | None:
    """Replace any scheduled reminder of this booking by one at starts_at - 60 min (now, if that has passed)."""
    unschedule_reminder(connection, booking_id=booking_id)
    if starts_at <= utcnow():
        return None
    return _enqueue_reminder(connection, booking_id=booking_id, starts_at=starts_at)


def _enqueue_reminder(connection, *, booking_id: uuid.UUID, starts_at: datetime, pipeline=None) -> RqJob:
    """Schedule the reminder job (on `pipeline` if given: then it is sent when the pipeline executes)."""
    starts_at = starts_at.astimezone(dt.timezone.utc)
    remind_at = max(starts_at - REMINDER_LEAD, utcnow())
    return Queue(NOTIFY, connection=connection).enqueue_at(
        remind_at, "backend.jobs.notify.send_reminder", str(booking_id), starts_at.isoformat(),
        job_id=reminder_job_id(booking_id), pipeline=pipeline, **REMINDER,
    )


def unschedule_reminder(connection, *, booking_id: uuid.UUID) -> bool:
    """Delete the booking's reminder job unless it is already running (a running one re-checks the booking)."""
    try:
        job = RqJob.fetch(reminder_job_id(booking_id), connection=connection)
    except NoSuchJobError:
        return False
    if job.get_status(refresh=True) == JobStatus.STARTED:
        return False
    job.delete()
    return True


def send_booking_reminder(session: Session, *, booking_id: uuid.UUID, starts_at: datetime,
                          now: datetime | None = None) -> NotificationOutbox | None:
    """The reminder itself: only for a booking still active at the planned time, and at most once per booking and time."""
    now = now or utcnow()
    booking = booking_for_reminder(session, booking_id)
    if booking is None or not booking["active"] or booking["starts_at"] != starts_at or starts_at <= now:
        return None
    application = session.get(Application, booking["application_id"])
    if application is None or application.state != S.booked:
        return None
    return notify(session, application=application, template="reminder", actor=Actor.system(),
                  values={"starts_at": starts_at}, dedupe_key=f"reminder:{booking_id}:{starts_at.isoformat()}")


def booking_for_reminder(session: Session, booking_id: uuid.UUID) -> dict | None:
    """The few booking facts a reminder needs; the only place that reads the scheduling tables."""
    from ..models.scheduling import Booking, BookingStatus

    booking = session.get(Booking, booking_id, populate_existing=True)
    if booking is None:
        return None
    return {"application_id": booking.application_id, "starts_at": booking.starts_at,
            "active": booking.status == BookingStatus.active}


# -- nudges ----------------------------------------------------------------------------------------------------

def _waiting_invitation(now: datetime) -> list:
    """An invited application's live invitation, sent more than NUDGE_AFTER ago and not booked since: "overdue"."""
    from ..models.scheduling import Booking

    booked_since = exists().where(Booking.application_id == Application.id, Booking.created_at >= Invitation.created_at)
    return [Invitation.application_id == Application.id, Application.state == S.invited, Invitation.revoked == False,  # noqa: E712
            Invitation.created_at <= now - NUDGE_AFTER, Invitation.expires_at > now, ~booked_since]


def overdue(now: datetime | None = None):
    """SQL condition on Application: invited, and the live invitation waits unbooked past NUDGE_AFTER (badge, filter, sweep)."""
    return exists().where(*_waiting_invitation(now or utcnow()))


def overdue_ids(session: Session, *, application_ids: list[uuid.UUID], now: datetime | None = None) -> set[uuid.UUID]:
    if not application_ids:
        return set()
    return set(session.exec(select(Application.id).where(Application.id.in_(application_ids), overdue(now))))


def nudge_deadline(invitation: Invitation):
    """The date a nudge asks the candidate to book by: their invitation's expiry, in China time."""
    return invitation.expires_at.astimezone(CHINA_TZ).date()


def nudge_unbooked(session: Session, *, now: datetime | None = None, limit: int = 500) -> list[NotificationOutbox]:
    """Nudge, once per invitation, candidates whose invitation is overdue (event `not_booked_nudge`)."""
    now = now or utcnow()
    nudged_since = exists().where(Event.application_id == Application.id, Event.kind == "not_booked_nudge",
                                  Event.created_at >= Invitation.created_at)
    rows = session.exec(
        select(Application, Invitation).join(Invitation, Invitation.application_id == Application.id)
        .where(*_waiting_invitation(now), ~nudged_since)
        .order_by(Invitation.created_at).limit(limit)
    ).all()
    sent = []
    for application, invitation in rows:
        outbox = notify(session, application=application, template="not_booked_nudge", actor=Actor.system(),
                        values={"deadline": nudge_deadline(invitation)}, dedupe_key=f"nudge:{invitation.id}")
        record_event(session, application=application, kind="not_booked_nudge", actor=Actor.system(),
                     data={"invitation_id": str(invitation.id), "outbox_id": str(outbox.id)})
        sent.append(outbox)
    return sent


def nudge_now(session: Session, *, application: Application, actor: Actor, now: datetime | None = None) -> NotificationOutbox:
    """HR's one-tap reminder to book (at most once a day), with the same deadline as the automatic nudge."""
    now = now or utcnow()
    if application.state != S.invited:
        raise Conflict("only invited candidates who have not booked can be nudged", reason="state_not_allowed")
    invitation = session.exec(select(Invitation).where(
        Invitation.application_id == application.id, Invitation.revoked == False, Invitation.expires_at > now,  # noqa: E712
    ).order_by(Invitation.created_at.desc())).first()
    if invitation is None:
        raise Conflict("this candidate's invitation has expired; invite them again", reason="no_invitation")
    dedupe_key = f"nudge:{application.id}:{now.date().isoformat()}"
    if session.exec(select(NotificationOutbox.id).where(NotificationOutbox.dedupe_key == dedupe_key)).first():
        raise Conflict("this candidate was already reminded today", reason="nudged_today")
    return notify(session, application=application, template="not_booked_nudge", actor=actor,
                  values={"deadline": nudge_deadline(invitation)}, dedupe_key=dedupe_key)
