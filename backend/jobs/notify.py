"""Jobs of the `notify` queue: deliver one notification over its channels, send a booking's reminder, sweep for nudges."""
from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta

from rq import get_current_job
from rq.job import Job as RqJob

from ..db import session_scope
from ..models import Candidate, utcnow
from ..models.notifications import Channel, CandidateContact, InAppMessage, NotificationOutbox, OutboxStatus
from ..notify import notify_config
from ..notify.channels import Outcome, send_email, send_wechat, wechat_data
from ..wechat.binding import gateway_of
from ..notify.templates import TEMPLATES, decode_values, render
from ..services import notifications as service
from .context import job_app
from .queues import NOTIFY, schedule_periodic

log = logging.getLogger(__name__)

SWEEP = {"job_timeout": 300, "result_ttl": 3600, "failure_ttl": 7 * 24 * 3600}
SWEEP_EVERY = timedelta(minutes=15)


class DeliveryDeferred(Exception):
    """A channel failed transiently; raised so that RQ retries the job after its backoff."""


def deliver(outbox_id: str) -> str:
    """Try the notification's channels in order, recording every attempt; idempotent once sent or failed."""
    app = job_app()
    outbox_uuid = uuid.UUID(outbox_id)
    with app.app_context():
        config = notify_config(app)
        while True:
            with session_scope() as session:
                outbox = session.get(NotificationOutbox, outbox_uuid, populate_existing=True)
                if outbox is None:
                    return "missing"
                if outbox.status != OutboxStatus.pending:
                    return outbox.status
                if outbox.next_channel >= len(outbox.channels):
                    outbox.status, outbox.updated_at = OutboxStatus.failed, utcnow()
                    session.add(outbox)
                    log.warning("notification %s: every channel failed", outbox_id)
                    return OutboxStatus.failed
                channel = outbox.channels[outbox.next_channel]
                if channel == Channel.in_app:
                    _deliver_in_app(session, outbox)
                    return OutboxStatus.sent
                message = _message(session, outbox)
            # The network call happens outside any transaction.
            outcome = _try_channel(app, config, channel, message)
            if outcome.result == "retry" and not _retries_left():
                outcome.result = "gave_up"
            with session_scope() as session:
                outbox = session.get(NotificationOutbox, outbox_uuid, populate_existing=True)
                _record(outbox, outcome)
                if outcome.sent:
                    outbox.status, outbox.channel_used, outbox.sent_at = OutboxStatus.sent, channel, utcnow()
                elif outcome.fall_through:
                    outbox.next_channel += 1
                session.add(outbox)
            if outcome.sent:
                return OutboxStatus.sent
            if outcome.result == "retry":
                raise DeliveryDeferred(f"{channel}: {outcome.errcode or ''} {outcome.error or ''}".strip())


def _message(session, outbox: NotificationOutbox) -> dict:
    """Everything a channel needs, read inside the transaction."""
    template = TEMPLATES[outbox.template]
    rendered = render(template, decode_values(template, outbox.payload))
    contact = session.get(CandidateContact, outbox.candidate_id)
    candidate = session.get(Candidate, outbox.candidate_id)
    return {
        "outbox_id": outbox.id, "template": outbox.template, "candidate_id": outbox.candidate_id,
        "application_id": outbox.application_id, "rendered": rendered,
        "openid": contact.wechat_openid if contact else None, "email": candidate.email if candidate else None,
    }


def _try_channel(app, config, channel: str, message: dict) -> Outcome:
    if channel == Channel.wechat:
        return _try_wechat(app, config, message)
    if channel == Channel.email:
        if config.smtp is None:
            return Outcome("email", "skipped", error="SMTP not configured")
        if not message["email"]:
            return Outcome("email", "skipped", error="no e-mail address")
        rendered = message["rendered"]
        return send_email(config.smtp, to=message["email"], subject=rendered.subject, body=rendered.body)
    return Outcome(channel, "skipped", error="unknown channel")


def _try_wechat(app, config, message: dict) -> Outcome:
    gateway = gateway_of(app)
    spec = config.wechat_templates.get(message["template"])
    if gateway is None or spec is None:
        return Outcome("wechat", "skipped", error="WeChat or this template is not configured")
    if not message["openid"]:
        return Outcome("wechat", "skipped", error="no linked WeChat account")
    data, invalid = wechat_data(spec, message["rendered"].wechat_values)
    if invalid is not None:
        return invalid
    credit = {"candidate_id": message["candidate_id"], "template": message["template"]}
    with session_scope() as session:  # committed before the send: a credit is never spent twice
        if not service.consume_credit(session, **credit):
            return Outcome("wechat", "no_credit", error="no subscribe credit left")
    outcome = send_wechat(gateway, spec, openid=message["openid"], data=data,
                          page=spec.page_with(application=str(message["application_id"])),
                          miniprogram_state=config.miniprogram_state)
    if outcome.result in ("retry", "permanent"):
        # WeChat spends a credit only on a delivered message (43101 means there was none to spend).
        with session_scope() as session:
            service.refund_credit(session, **credit)
    return outcome


def _deliver_in_app(session, outbox: NotificationOutbox) -> None:
    template = TEMPLATES[outbox.template]
    rendered = render(template, decode_values(template, outbox.payload))
    session.add(InAppMessage(
        organization_id=outbox.organization_id, candidate_id=outbox.candidate_id, application_id=outbox.application_id,
        outbox_id=outbox.id, template=outbox.template, title=rendered.subject, body=rendered.body,
    ))
    _record(outbox, Outcome("in_app", "sent"))
    outbox.status, outbox.channel_used, outbox.sent_at = OutboxStatus.sent, Channel.in_app.value, utcnow()
    session.add(outbox)


def _record(outbox: NotificationOutbox, outcome: Outcome) -> None:
    outbox.attempts = [*outbox.attempts, outcome.record()]  # a new list, so the JSON column is written
    outbox.attempt_count += 1
    outbox.updated_at = utcnow()
    if not outcome.sent:
        outbox.last_error = " ".join(str(part) for part in (
            f"{outcome.channel}: {outcome.result}", outcome.errcode, outcome.error) if part is not None)
    if outcome.alert:
        outbox.alert = True
        log.error("notification %s: %s needs attention (errcode %s, field %s)",
                  outbox.id, outcome.channel, outcome.errcode, outcome.field)


def _retries_left() -> bool:
    job = get_current_job()
    return bool(job is not None and job.retries_left)


# -- reminders and nudges ------------------------------------------------------------------------------------

def send_reminder(booking_id: str, starts_at: str) -> str:
    """A booking's T-60 min reminder; a stale job (booking cancelled or moved) does nothing."""
    app = job_app()
    with app.app_context(), session_scope() as session:
        outbox = service.send_booking_reminder(session, booking_id=uuid.UUID(booking_id),
                                               starts_at=datetime.fromisoformat(starts_at))
        return "stale" if outbox is None else f"notified:{outbox.id}"


def sweep_not_booked(due: str | None = None) -> int:
    """Nudge candidates who have not booked 24 h after their invitation, queue lost deliveries again, plan the next sweep."""
    app = job_app()
    connection = app.extensions["qingpin.redis"]
    with app.app_context():
        now = utcnow()
        with session_scope() as session:
            count = len(service.nudge_unbooked(session, now=now))
        with session_scope() as session:
            service.redeliver_pending(session, connection, now=now)
        # The next sweep follows this one's planned time (never this job's own id, which is still running).
        schedule_sweep(connection, now=max(now, datetime.fromisoformat(due)) if due else now)
    return count


def schedule_sweep(connection, *, now: datetime | None = None) -> RqJob:
    """Plan the sweep at the first quarter hour after `now`; the id names that time, so every worker plans the same job."""
    return schedule_periodic(connection, "backend.jobs.notify.sweep_not_booked", prefix="sweep-not-booked", queue=NOTIFY,
                             every=SWEEP_EVERY, now=now, **SWEEP)


def ensure_sweep_scheduled(connection) -> RqJob:
    """Start (or heal) the self-planning sweep chain; call it when a worker starts."""
    return schedule_sweep(connection)
