"""Notifications: outbox and channel fallback, the subscribe credit ledger, e-mail, the inbox, reminders and nudges.

Real Redis and RQ workers (SimpleWorker with its scheduler), the WeChat simulator, a local SMTP server (aiosmtpd),
on SQLite and PostgreSQL. "Moving the clock" means moving the RQ scheduler's clock: scheduled jobs fall due.
"""
from __future__ import annotations

import socket
import uuid
from datetime import datetime, timedelta, timezone
from email import message_from_bytes, policy

import pytest
import sqlalchemy as sa
from aiosmtpd.controller import Controller
from rq import Queue, SimpleWorker
from rq.job import Job as RqJob
from rq.registry import ScheduledJobRegistry
from sqlmodel import select

from backend.db import session_scope
from backend.errors import Invalid
from backend.jobs import notify as notify_jobs
from backend.jobs.queues import DEFAULT, NOTIFY
from backend.migrate import downgrade, upgrade
from backend.models import Application, Event, Invitation
from backend.models.notifications import InAppMessage, NotificationOutbox, SubscribeCredit
from backend.notify.templates import TEMPLATES
from backend.services import notifications as service
from backend.services.applications import Actor
from backend.settings import SmtpSettings
from backend.wechat.subscribe import ELLIPSIS, TEMPLATE_LAYOUTS

from .helpers import create_job

pytestmark = pytest.mark.wechat

UTC = timezone.utc
SENDER = "轻聘 <noreply@qingpin.test>"
NOTIFICATION_TABLES = {"candidate_contact", "subscribe_credit", "notification_outbox", "in_app_message"}


# -- servers and fixtures ------------------------------------------------------------------------------------

class Mailbox:
    """aiosmtpd handler keeping what it received; recipients containing "bounce" are refused with 550."""

    def __init__(self) -> None:
        self.messages: list = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if "bounce" in address:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def smtp_server():
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller
    controller.stop()


@pytest.fixture()
def mailbox(smtp_server) -> Mailbox:
    smtp_server.handler.messages.clear()
    return smtp_server.handler


@pytest.fixture()
def napp(app, sim, smtp_server):
    """The app with subscribe template ids and the local SMTP server configured."""
    settings = app.config["QINGPIN_SETTINGS"]
    settings.wechat_templates = {name: f"tmpl-{name}" for name in TEMPLATE_LAYOUTS}
    settings.smtp = SmtpSettings(host="127.0.0.1", port=smtp_server.port, sender=SENDER, timeout=5)
    return app


@pytest.fixture()
def hr(make_hr):
    return make_hr("recruiter")


@pytest.fixture()
def job(client, hr):
    return create_job(client, hr)


@pytest.fixture()
def clock(monkeypatch):
    """Moves the RQ scheduler's clock (the only clock that decides when a scheduled job is due)."""

    class SchedulerClock:
        def move_to(self, moment: datetime) -> None:
            monkeypatch.setattr("rq.scheduler.current_timestamp", lambda: int(moment.timestamp()))

    return SchedulerClock()


# -- helpers -------------------------------------------------------------------------------------------------

def work(app) -> None:
    """A new worker (as after a restart) on the notify and default queues, with its scheduler, in burst mode."""
    connection = app.extensions["qingpin.redis"]
    worker = SimpleWorker([Queue(NOTIFY, connection=connection), Queue(DEFAULT, connection=connection)],
                          connection=connection)
    with app.app_context():
        worker.work(burst=True, with_scheduler=True)


def make_candidate(app, client, hr, job, *, name="李候选", email=None, openid=None, sim=None) -> tuple[dict, dict]:
    """An invited candidate (optionally with an e-mail and a linked WeChat account); returns (application, headers)."""
    response = client.post("/api/applications", json={"job_id": job["id"], "candidate": {"name": name, "email": email}},
                           headers=hr)
    assert response.status_code == 201, response.json
    application = response.json
    # Invited without a message, so that each test counts only the notifications it sends itself.
    invitation = client.post(f"/api/applications/{application['id']}/invitations", headers=hr, json={"notify": False})
    token = client.post("/api/candidate/session", json={"invitation_token": invitation.json["token"]}).json["token"]
    if openid:
        sim.login(openid)  # the candidate exists on WeChat's side
        with app.app_context(), session_scope() as session:
            service.link_wechat(session, candidate_id=uuid.UUID(application["candidate_id"]), openid=openid)
    return application, {"Authorization": f"Bearer {token}"}


def send(app, application: dict, template: str, **values) -> uuid.UUID:
    with app.app_context(), session_scope() as session:
        row = session.get(Application, uuid.UUID(application["id"]))
        return service.notify(session, application=row, template=template, values=values, actor=Actor.system()).id


def outbox(app, outbox_id) -> NotificationOutbox:
    with app.app_context(), session_scope() as session:
        return session.get(NotificationOutbox, outbox_id)


def rows(app, model, *where) -> list:
    with app.app_context(), session_scope() as session:
        return list(session.exec(select(model).where(*where)))


def credit(app, application: dict, template: str) -> SubscribeCredit | None:
    with app.app_context(), session_scope() as session:
        return session.get(SubscribeCredit, (uuid.UUID(application["candidate_id"]), template))


def accept(client, me, template: str, accepted: bool = True) -> dict:
    response = client.post("/api/candidate/subscriptions", json={"template": template, "accepted": accepted}, headers=me)
    assert response.status_code == 200, response.json
    return response.json


def results(row: NotificationOutbox) -> list[tuple[str, str]]:
    return [(attempt["channel"], attempt["result"]) for attempt in row.attempts]


def soon(hours: float) -> datetime:
    return (datetime.now(UTC) + timedelta(hours=hours)).replace(microsecond=0)


def make_slot(client, hr, job, starts_at: datetime) -> dict:
    body = {"starts_at": starts_at.isoformat(), "ends_at": (starts_at + timedelta(minutes=30)).isoformat()}
    response = client.post(f"/api/jobs/{job['id']}/slots", json=body, headers=hr)
    assert response.status_code == 201, response.json
    return response.json


def book(client, me, slot: dict) -> uuid.UUID:
    response = client.post("/api/candidate/booking", json={"slot_id": slot["id"]}, headers=me)
    assert response.status_code == 201, response.json
    return uuid.UUID(response.json["id"])


def plan(app, booking_id, starts_at: datetime) -> None:
    with app.app_context(), session_scope() as session:
        service.plan_reminder(session, booking_id=booking_id, starts_at=starts_at)


def scheduled(app) -> dict[str, datetime]:
    registry = ScheduledJobRegistry(NOTIFY, connection=app.extensions["qingpin.redis"])
    return {job_id: registry.get_scheduled_time(job_id) for job_id in registry.get_job_ids()}


# -- WeChat credits and fallbacks ----------------------------------------------------------------------------

def test_credit_ledger_one_send_per_accept_then_email(napp, client, hr, job, sim, mailbox):
    application, me = make_candidate(napp, client, hr, job, email="li@example.com", openid="o-li", sim=sim)
    accept(client, me, "booking_confirmed")
    accept(client, me, "booking_confirmed", accepted=False)
    assert accept(client, me, "booking_confirmed") == {
        "template": "booking_confirmed", "template_id": "tmpl-booking_confirmed", "credits": 2,
        "accepted_total": 2, "refused_total": 1}
    sim.accept("o-li", "tmpl-booking_confirmed", times=2)

    ids = [send(napp, application, "booking_confirmed", starts_at=soon(48)) for _ in range(3)]
    assert outbox(napp, ids[0]).channels == ["wechat", "email", "in_app"]
    work(napp)

    first, second, third = (outbox(napp, i) for i in ids)
    assert [first.channel_used, second.channel_used, third.channel_used] == ["wechat", "wechat", "email"]
    assert results(first) == [("wechat", "sent")] and first.status == "sent"
    assert results(third) == [("wechat", "no_credit"), ("email", "sent")]
    assert "errcode" not in third.attempts[0]  # our ledger said no: WeChat was not even asked
    assert len(sim.sent) == 2 and sim.calls["subscribe_send"] == 2
    ledger = credit(napp, application, "booking_confirmed")
    assert (ledger.credits, ledger.spent_total) == (0, 2)
    assert len(mailbox.messages) == 1

    listed = client.get(f"/api/applications/{application['id']}/notifications", headers=hr)
    assert listed.status_code == 200
    assert [row["channel_used"] for row in listed.json] == ["email", "wechat", "wechat"]  # newest first
    assert listed.json[0]["attempts"][0] == {**listed.json[0]["attempts"][0], "channel": "wechat", "result": "no_credit"}
    mine = client.get("/api/candidate/subscriptions", headers=me).json
    assert {row["template"]: row["credits"] for row in mine}["booking_confirmed"] == 0


def test_43101_spends_the_credit_and_falls_back(napp, client, hr, job, sim):
    application, me = make_candidate(napp, client, hr, job, openid="o-refused", sim=sim)
    accept(client, me, "result_available")  # our ledger has a credit, WeChat has none
    outbox_id = send(napp, application, "result_available")
    work(napp)

    row = outbox(napp, outbox_id)
    assert row.channels == ["wechat", "in_app"]
    assert results(row) == [("wechat", "no_credit"), ("in_app", "sent")]
    assert row.attempts[0]["errcode"] == 43101 and not row.alert
    assert credit(napp, application, "result_available").credits == 0
    inbox = client.get("/api/candidate/messages", headers=me).json
    assert [message["title"] for message in inbox] == ["【轻聘】「对公客户经理」面试结果已出"]


def test_47003_is_permanent_names_the_field_and_alerts(napp, client, hr, job, sim, mailbox):
    application, me = make_candidate(napp, client, hr, job, email="li@example.com", openid="o-li", sim=sim)
    accept(client, me, "reminder")
    sim.accept("o-li", "tmpl-reminder")
    sim.fail_next("subscribe_send", 47003, "argument invalid! data.thing3.value exceeds limit")
    outbox_id = send(napp, application, "reminder", starts_at=soon(1))
    work(napp)

    row = outbox(napp, outbox_id)
    assert results(row) == [("wechat", "permanent"), ("email", "sent")]
    assert row.attempts[0]["errcode"] == 47003 and row.attempts[0]["field"] == "thing3" and row.attempts[0]["alert"]
    assert row.alert and "47003" in row.last_error
    assert credit(napp, application, "reminder").credits == 1  # WeChat did not spend it: given back
    assert sim.calls["subscribe_send"] == 1  # permanent: never retried


def test_fields_are_validated_and_truncated_before_sending(napp, client, hr, job, sim):
    application, me = make_candidate(napp, client, hr, job, name="Agent 007", openid="o-007", sim=sim)
    accept(client, me, "invitation")
    accept(client, me, "booking_confirmed")
    sim.accept("o-007", "tmpl-invitation")
    sim.accept("o-007", "tmpl-booking_confirmed")
    bad = send(napp, application, "invitation", deadline=soon(24 * 14))  # a WeChat `name` holds no digits
    long_title = "这是一个非常非常非常非常非常长的职位名称呀"
    good = send(napp, application, "booking_confirmed", starts_at=soon(48), job_title=long_title)
    work(napp)

    row = outbox(napp, bad)
    assert results(row) == [("wechat", "permanent"), ("in_app", "sent")]
    assert row.attempts[0]["field"] == "name1" and row.alert
    assert credit(napp, application, "invitation").credits == 1  # nothing was sent, nothing spent
    assert outbox(napp, good).channel_used == "wechat" and sim.calls["subscribe_send"] == 1
    sent = sim.sent[0]
    assert sent["data"]["thing1"]["value"] == long_title[:19] + ELLIPSIS
    assert sent["page"] == f"pages/booking/index?application={application['id']}"


def test_busy_is_retried_with_backoff_then_sent(napp, client, hr, job, sim, clock):
    application, me = make_candidate(napp, client, hr, job, openid="o-busy", sim=sim)
    accept(client, me, "answers_received")
    sim.accept("o-busy", "tmpl-answers_received")
    sim.fail_next("subscribe_send", -1)
    outbox_id = send(napp, application, "answers_received", submitted_at=datetime.now(UTC))
    work(napp)

    row = outbox(napp, outbox_id)
    assert row.status == "pending" and results(row) == [("wechat", "retry")] and row.attempts[0]["errcode"] == -1
    assert credit(napp, application, "answers_received").credits == 1  # not spent while WeChat was busy
    due = scheduled(napp)[f"notify-{outbox_id}"]
    assert 5 <= (due - datetime.now(UTC)).total_seconds() <= 11  # the first backoff step, 10 s
    work(napp)  # not due yet
    assert outbox(napp, outbox_id).status == "pending"

    clock.move_to(due + timedelta(seconds=1))
    work(napp)
    row = outbox(napp, outbox_id)
    assert row.status == "sent" and results(row) == [("wechat", "retry"), ("wechat", "sent")]
    assert credit(napp, application, "answers_received").credits == 0 and len(sim.sent) == 1


# -- e-mail and the inbox ------------------------------------------------------------------------------------

def test_email_is_delivered_with_subject_and_chinese_body(napp, client, hr, job, sim, mailbox):
    application, me = make_candidate(napp, client, hr, job, email="li@example.com")
    starts_at = datetime(2026, 12, 3, 6, 30, tzinfo=UTC)  # 14:30 in Beijing
    outbox_id = send(napp, application, "booking_confirmed", starts_at=starts_at)
    bounced, _ = make_candidate(napp, client, hr, job, name="王退信", email="bounce@example.com")
    bounced_id = send(napp, bounced, "rejection", feedback_code="competition")
    work(napp)

    row = outbox(napp, outbox_id)
    assert row.channels == ["email", "in_app"] and results(row) == [("email", "sent")]
    (mail_from, recipients, message), = mailbox.messages
    assert mail_from == "noreply@qingpin.test" and recipients == ["li@example.com"]
    assert message["Subject"] == "【轻聘】面试预约成功：对公客户经理"
    assert message["To"] == "li@example.com" and "noreply@qingpin.test" in message["From"]
    assert row.attempts[0]["ref"] == message["Message-ID"]
    body = message.get_content()
    assert message.get_content_type() == "text/plain"
    assert "李候选，你好" in body and "2026年12月3日 14:30（北京时间）" in body and "「对公客户经理」" in body
    for secret in (sim.secret, napp.config["SECRET_KEY"], me["Authorization"].split()[1]):
        assert secret not in body and secret not in str(row.payload)
    assert rows(napp, InAppMessage, InAppMessage.outbox_id == outbox_id) == []  # e-mail carried it

    refused = outbox(napp, bounced_id)  # 550: permanent, on to the inbox
    assert results(refused) == [("email", "permanent"), ("in_app", "sent")] and refused.attempts[0]["errcode"] == 550
    (message_row,) = rows(napp, InAppMessage, InAppMessage.outbox_id == bounced_id)
    assert "本次岗位竞争激烈" in message_row.body  # the standardized feedback, in full


def test_inbox_is_the_candidates_own_unread_first(napp, client, hr, job, make_hr):
    first, me = make_candidate(napp, client, hr, job)
    second, other = make_candidate(napp, client, hr, job, name="张另一位")
    older = send(napp, first, "invitation", deadline=soon(24 * 14).date())
    newer = send(napp, first, "result_available")
    send(napp, second, "result_available")
    work(napp)

    inbox = client.get("/api/candidate/messages", headers=me).json
    assert [m["template"] for m in inbox] == ["result_available", "invitation"] and not any(m["read"] for m in inbox)
    invitation_message = inbox[1]
    assert "李候选，你好" in invitation_message["body"]

    assert client.post(f"/api/candidate/messages/{invitation_message['id']}/read", headers=other).status_code == 404
    assert client.post(f"/api/candidate/messages/{uuid.uuid4()}/read", headers=me).status_code == 404
    newest = inbox[0]["id"]
    read = client.post(f"/api/candidate/messages/{newest}/read", headers=me)
    assert read.status_code == 200 and read.json["read"] and read.json["read_at"]
    again = client.post(f"/api/candidate/messages/{newest}/read", headers=me)
    assert again.json["read_at"] == read.json["read_at"]
    inbox = client.get("/api/candidate/messages", headers=me)
    assert [m["read"] for m in inbox.json] == [False, True]  # unread first, though older
    assert inbox.headers["X-Pagination"]
    assert [m["template"] for m in client.get("/api/candidate/messages", headers=other).json] == ["result_available"]

    assert {o["id"] for o in client.get(f"/api/applications/{first['id']}/notifications", headers=hr).json} \
        == {str(older), str(newer)}
    stranger = make_hr("admin", organization="other-org")
    assert client.get(f"/api/applications/{first['id']}/notifications", headers=stranger).status_code == 404
    assert client.get(f"/api/applications/{first['id']}/notifications", headers=me).status_code == 401
    assert client.get("/api/candidate/messages", headers=hr).status_code == 401


def test_notify_checks_its_values(napp, client, hr, job):
    application, _ = make_candidate(napp, client, hr, job)
    cases = [
        ("no_such_template", {}, "template"),
        ("booking_confirmed", {}, "starts_at"),
        ("booking_confirmed", {"starts_at": datetime(2026, 12, 3, 14, 30)}, "starts_at"),  # naive
        ("invitation", {"deadline": soon(1).date(), "invite_token": "abc"}, "invite_token"),
        ("rejection", {"feedback_code": "you were bad"}, "feedback_code"),
    ]
    errors = {}
    for template, values, field in cases:
        with pytest.raises(Invalid) as caught, napp.app_context(), session_scope() as session:
            service.notify(session, application=session.get(Application, uuid.UUID(application["id"])),
                           template=template, values=values, actor=Actor.system())
        assert field in caught.value.errors, (template, caught.value.errors)
        errors.update(caught.value.errors)
    assert errors["invite_token"] == ["secrets are never sent in a message"]
    assert rows(napp, NotificationOutbox) == []


def test_subscription_reports_are_checked(napp, client, hr, job):
    _, me = make_candidate(napp, client, hr, job)
    assert client.post("/api/candidate/subscriptions", json={"template": "spam", "accepted": True}, headers=me).status_code == 422
    assert client.post("/api/candidate/subscriptions", json={"template": "reminder"}, headers=me).status_code == 422
    assert client.post("/api/candidate/subscriptions", json={"template": "reminder", "accepted": True},
                       headers=hr).status_code == 401
    listed = client.get("/api/candidate/subscriptions", headers=me).json
    assert {row["template"]: row["template_id"] for row in listed} == {n: f"tmpl-{n}" for n in TEMPLATES}


# -- reminders -----------------------------------------------------------------------------------------------

def test_reminder_fires_once_at_t_minus_60_through_restarted_workers(napp, client, hr, job, clock):
    application, me = make_candidate(napp, client, hr, job)
    starts_at = soon(2)
    booking_id = book(client, me, make_slot(client, hr, job, starts_at))
    plan(napp, booking_id, starts_at)
    plan(napp, booking_id, starts_at)  # planning twice still makes one job

    assert scheduled(napp) == {f"reminder-{booking_id}": starts_at - timedelta(minutes=60)}
    work(napp)  # due in an hour: nothing yet
    assert rows(napp, NotificationOutbox, NotificationOutbox.template == "reminder") == []

    clock.move_to(starts_at - timedelta(minutes=60) + timedelta(seconds=1))
    work(napp)  # a new worker: the job survived in Redis, its scheduler moves it, then it runs
    (row,) = rows(napp, NotificationOutbox, NotificationOutbox.template == "reminder")
    assert row.template == "reminder" and row.status == "sent" and row.channel_used == "in_app"
    assert row.dedupe_key == f"reminder:{booking_id}:{starts_at.isoformat()}"
    (message,) = [m for m in client.get("/api/candidate/messages", headers=me).json if m["template"] == "reminder"]
    assert message["title"].startswith("【轻聘】面试提醒") and "距现在约1小时" in message["body"]

    work(napp)  # another restart
    assert notify_jobs.send_reminder(str(booking_id), starts_at.isoformat()).startswith("notified")  # a replayed job
    work(napp)
    assert len(rows(napp, NotificationOutbox, NotificationOutbox.template == "reminder")) == 1
    assert len(rows(napp, InAppMessage, InAppMessage.template == "reminder")) == 1
    assert scheduled(napp) == {}


def test_reschedule_replans_and_cancel_removes_the_reminder(napp, client, hr, job, clock):
    assert client.put(f"/api/jobs/{job['id']}/schedule-policy", json={"reschedule_cutoff_hours": 0},
                      headers=hr).status_code == 200
    application, me = make_candidate(napp, client, hr, job)
    first, second = soon(3), soon(5)
    booking_id = book(client, me, make_slot(client, hr, job, first))
    plan(napp, booking_id, first)
    later = make_slot(client, hr, job, second)
    assert client.post("/api/candidate/booking/reschedule", json={"slot_id": later["id"]}, headers=me).status_code == 200
    plan(napp, booking_id, second)
    assert scheduled(napp) == {f"reminder-{booking_id}": second - timedelta(minutes=60)}
    assert notify_jobs.send_reminder(str(booking_id), first.isoformat()) == "stale"  # the old time's job does nothing

    assert client.delete("/api/candidate/booking", headers=me).status_code == 204
    with napp.app_context(), session_scope() as session:
        service.cancel_reminder(session, booking_id=booking_id)
    assert scheduled(napp) == {}
    # Even a reminder that escaped cancellation finds the booking cancelled and stays silent.
    service.schedule_reminder(napp.extensions["qingpin.redis"], booking_id=booking_id, starts_at=second)
    clock.move_to(second)
    work(napp)
    assert rows(napp, NotificationOutbox, NotificationOutbox.template == "reminder") == []


def test_a_rolled_back_booking_plans_nothing(napp):
    with pytest.raises(RuntimeError), napp.app_context(), session_scope() as session:
        service.plan_reminder(session, booking_id=uuid.uuid4(), starts_at=soon(3))
        raise RuntimeError("the booking failed")
    assert scheduled(napp) == {}


# -- the nudge sweep -----------------------------------------------------------------------------------------

def test_nudge_sweep_notifies_unbooked_candidates_once(napp, client, hr, job, clock):
    late, late_me = make_candidate(napp, client, hr, job, name="赵迟到")
    make_candidate(napp, client, hr, job, name="钱刚邀")  # invited just now
    booked, booked_me = make_candidate(napp, client, hr, job, name="孙已约")
    book(client, booked_me, make_slot(client, hr, job, soon(30)))
    with napp.app_context(), session_scope() as session:  # invited 25 h ago
        session.exec(sa.update(Invitation).where(Invitation.application_id.in_([uuid.UUID(late["id"]), uuid.UUID(booked["id"])]))
                     .values(created_at=datetime.now(UTC) - timedelta(hours=25)))

    connection = napp.extensions["qingpin.redis"]
    first = notify_jobs.ensure_sweep_scheduled(connection)
    assert notify_jobs.ensure_sweep_scheduled(connection).id == first.id  # every worker plans the same sweep
    clock.move_to(datetime.now(UTC) + timedelta(minutes=16))
    work(napp)

    (row,) = rows(napp, NotificationOutbox, NotificationOutbox.template == "not_booked_nudge")
    assert row.template == "not_booked_nudge" and str(row.application_id) == late["id"] and row.status == "sent"
    (nudge,) = rows(napp, Event, Event.kind == "not_booked_nudge")
    assert str(nudge.application_id) == late["id"] and nudge.data["outbox_id"] == str(row.id)
    (message,) = client.get("/api/candidate/messages", headers=late_me).json
    assert "还没有选择面试时间" in message["body"]
    due = {k: v for k, v in scheduled(napp).items() if k.startswith("sweep-")}  # (孙已约's reminder is planned too)
    (next_id, next_at), = due.items()  # the sweep planned the next one, a quarter hour after its own time
    assert next_at - datetime.fromisoformat(first.args[0]) == timedelta(minutes=15)
    assert next_id == f"sweep-not-booked-{next_at:%Y%m%d%H%M}"

    with napp.app_context(), session_scope() as session:
        assert service.nudge_unbooked(session, now=datetime.now(UTC) + timedelta(hours=1)) == []
    assert len(rows(napp, NotificationOutbox, NotificationOutbox.template == "not_booked_nudge")) == 1


def test_the_sweep_queues_a_lost_delivery_again(napp, client, hr, job):
    application, me = make_candidate(napp, client, hr, job)
    outbox_id = send(napp, application, "result_available")
    RqJob.fetch(f"notify-{outbox_id}", connection=napp.extensions["qingpin.redis"]).delete()  # the enqueue was lost
    work(napp)
    assert outbox(napp, outbox_id).status == "pending"
    with napp.app_context(), session_scope() as session:
        session.exec(sa.update(NotificationOutbox).values(updated_at=datetime.now(UTC) - timedelta(minutes=11)))
    with napp.app_context():
        notify_jobs.sweep_not_booked()
    work(napp)
    assert outbox(napp, outbox_id).status == "sent"
    assert len(client.get("/api/candidate/messages", headers=me).json) == 1


# -- the migration -------------------------------------------------------------------------------------------

@pytest.mark.both_databases
def test_migration_upgrades_downgrades_and_matches_the_models(database_url, tmp_path):
    """Every migration applies, matches the models exactly, reverts to an empty schema and applies again."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from backend.models import metadata

    if database_url.startswith("sqlite"):
        url, drop = f"sqlite:///{tmp_path / 'scratch.db'}", None
    else:
        admin = sa.create_engine(database_url, isolation_level="AUTOCOMMIT")
        name = f"qingpin_mig_{uuid.uuid4().hex[:10]}"
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        url = admin.url.set(database=name).render_as_string(hide_password=False)
        drop = (admin, name)
    engine = sa.create_engine(url)
    try:
        upgrade(url)
        assert NOTIFICATION_TABLES <= set(sa.inspect(engine).get_table_names())
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
        assert diff == []
        downgrade(url, "base")
        assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version"}
        upgrade(url)
        assert NOTIFICATION_TABLES <= set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()
        if drop:
            admin, name = drop
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


def test_notification_settings_are_typed_and_checked_when_read(monkeypatch, tmp_path):
    """SMTP and the subscribe templates are part of Settings: read from the environment as JSON, refused at start-up
    when wrong (not at the first send), the SMTP password kept out of the settings' repr."""
    import json

    from pydantic import ValidationError

    from backend.settings import Settings

    monkeypatch.setenv("QINGPIN_SMTP", json.dumps({"host": "smtp.example.com", "sender": SENDER, "port": 587,
                                                   "password": "s3cret-pw", "starttls": True}))
    monkeypatch.setenv("QINGPIN_WECHAT_TEMPLATES", json.dumps({"invitation": "AbC", "reminder": ""}))
    monkeypatch.setenv("QINGPIN_WECHAT_MINIPROGRAM_STATE", "trial")
    settings = Settings(instance_dir=tmp_path)
    assert (settings.smtp.host, settings.smtp.port, settings.smtp.starttls) == ("smtp.example.com", 587, True)
    assert "s3cret-pw" not in repr(settings) and settings.smtp.password == "s3cret-pw"
    assert (settings.wechat_templates, settings.wechat_miniprogram_state) == ({"invitation": "AbC", "reminder": ""}, "trial")
    for name, bad in (("QINGPIN_SMTP", json.dumps({"host": "smtp.example.com"})),
                      ("QINGPIN_WECHAT_TEMPLATES", json.dumps({"no-such-template": "x"})),
                      ("QINGPIN_WECHAT_MINIPROGRAM_STATE", "prod")):
        with monkeypatch.context() as patch:
            patch.setenv(name, bad)
            with pytest.raises(ValidationError, match=name):
                Settings(instance_dir=tmp_path)


@pytest.mark.wechat
def test_the_wechat_gateway_is_bound_once_by_create_app(app, settings, tmp_path, redis_url):
    from backend import create_app
    from backend.wechat.binding import gateway_of
    from backend.wechat.client import WeChatGateway

    gateway = gateway_of(app)
    assert isinstance(gateway, WeChatGateway) and gateway is app.extensions["qingpin.wechat"]
    assert gateway_of(app) is gateway
    unconfigured = create_app(settings.model_copy(update={"wechat_appid": None, "instance_dir": tmp_path / "other"}))
    assert gateway_of(unconfigured) is None
    unconfigured.extensions["qingpin.engine"].dispose()
