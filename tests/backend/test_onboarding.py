"""Onboarding rules one at a time: scoping, the sign-in code, encryption at rest, résumé pre-fill, templates, reminders,
failing webhook receivers, the calendar and the export."""
from __future__ import annotations

import io
import uuid
from datetime import date, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from rq import Queue, SimpleWorker
from rq.job import Job as RqJob
from rq.registry import ScheduledJobRegistry
from sqlmodel import select

from backend.db import session_scope
from backend.jobs.onboarding import deliver_webhook
from backend.jobs.queues import NOTIFY
from backend.models.documents import ApplicationDocument
from backend.models.notifications import NotificationOutbox
from backend.models.onboarding import OnboardingField, WebhookDelivery
from backend.services.checklists import remind_due
from backend.services.webhooks import redeliver_pending
from backend.settings import Settings

from .documents_images import dark_photo, id_card_front, id_number
from .helpers import START, advance, create_job, hire, invite_candidate

def test_an_employee_reaches_only_their_own_case(client, app, make_hr):
    hr = make_hr("recruiter")
    job = create_job(client, hr)
    first, me = hire(client, app, hr, job, "甲")
    second, other = hire(client, app, hr, job, "乙")
    upload = client.post("/api/onboard/documents", headers=other, content_type="multipart/form-data",
                         data={"kind": "bank_card", "file": (io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"0" * 64), "c.png")})
    assert upload.status_code == 202, upload.json
    others_task = client.get("/api/onboard/tasks", headers=other).json[0]
    assert client.get(f"/api/onboard/documents/{upload.json['id']}", headers=me).status_code == 404
    assert client.post(f"/api/onboard/documents/{upload.json['id']}/confirmation", headers=me).status_code == 404
    assert client.post(f"/api/onboard/tasks/{others_task['id']}/done", headers=me).status_code == 404
    assert client.get(f"/api/onboarding/cases/{second['onboarding']['case_id']}", headers=me).status_code == 401
    assert client.get("/api/candidate/interview", headers=me).status_code == 401
    it_task = next(t for t in client.get("/api/onboard/tasks", headers=me).json if t["owner"] == "it")
    assert client.post(f"/api/onboard/tasks/{it_task['id']}/done", headers=me).status_code == 403
    # HR of another organization sees nothing of either case; interviewers see no personal data.
    stranger = make_hr("admin", organization="other-bank")
    assert client.get(f"/api/onboarding/cases/{first['onboarding']['case_id']}", headers=stranger).status_code == 404
    assert client.get("/api/onboarding/board", headers=stranger).json["cases"] == []
    assert client.get("/api/onboarding/board", headers=make_hr("interviewer")).status_code == 403


def test_the_sign_in_code_locks_after_five_wrong_tries_until_hr_issues_a_new_one(client, app, make_hr):
    hr = make_hr("recruiter")
    job = create_job(client, hr)
    application, _ = invite_candidate(client, hr, job["id"], consent=False)
    advance(app, application["id"])
    decided = client.post(f"/api/applications/{application['id']}/decisions", headers=hr, json={
        "to_state": "hired", "reason": "录用", "offer": {"position": "柜员", "department": "营业部",
                                                        "start_date": START.isoformat(), "location": "北京", "manager": "陈"}})
    login = decided.json["onboarding"]
    wrong = "000000" if login["login_code"] != "000000" else "111111"
    for _ in range(5):
        assert client.post("/api/onboard/session", json={"case_id": login["case_id"], "code": wrong}).status_code == 401
    locked = client.post("/api/onboard/session", json={"case_id": login["case_id"], "code": login["login_code"]})
    assert locked.status_code == 401 and locked.json["reason"] == "login_locked"
    renewed = client.post(f"/api/onboarding/cases/{login['case_id']}/login-code", headers=hr)
    assert renewed.status_code == 201
    assert client.post("/api/onboard/session", json={"case_id": login["case_id"],
                                                     "code": renewed.json["login_code"]}).status_code == 201


def test_a_hire_needs_an_offer_with_a_future_start_date(client, app, make_hr):
    hr = make_hr("recruiter")
    job = create_job(client, hr)
    application, _ = invite_candidate(client, hr, job["id"], consent=False)
    advance(app, application["id"])
    url = f"/api/applications/{application['id']}/decisions"
    offer = {"position": "柜员", "department": "营业部", "start_date": (date.today() - timedelta(days=1)).isoformat(),
             "location": "北京", "manager": "陈"}
    past = client.post(url, headers=hr, json={"to_state": "hired", "reason": "录用", "offer": offer})
    assert past.status_code == 422 and past.json["reason"] == "start_date_in_past"
    assert client.get(f"/api/applications/{application['id']}", headers=hr).json["state"] == "advanced"  # nothing half done


def test_sensitive_fields_are_encrypted_at_rest_and_production_requires_the_key(client, app, make_hr, settings):
    hr = make_hr("recruiter")
    job = create_job(client, hr)
    decided, me = hire(client, app, hr, job)
    number = id_number()
    saved = client.put("/api/onboard/form", headers=me, json={"values": {"id_number": number, "address": "北京市朝阳区"}})
    assert saved.status_code == 200, saved.json
    with app.app_context(), session_scope() as session:
        row = session.exec(select(OnboardingField).where(OnboardingField.name == "id_number")).one()
        assert row.value is None and number not in row.value_encrypted
        raw = session.connection().execute(sa.text("select value, value_encrypted from onboarding_field")).all()
        assert not any(number in (value or "") + (encrypted or "") for value, encrypted in raw)
    masked = {f["name"]: f for f in client.get(f"/api/onboarding/cases/{decided['onboarding']['case_id']}", headers=hr).json["form"]}
    assert masked["id_number"]["value"] == number[:3] + "*" * 11 + number[-4:] and masked["address"]["masked"]
    with pytest.raises(ValueError, match="FIELD_ENCRYPTION_KEY"):
        Settings(env="production", secret_key="s" * 40, database_url=settings.database_url)


def test_fields_known_from_the_resume_are_prefilled_and_marked(client, app, make_hr):
    hr = make_hr("recruiter")
    job = create_job(client, hr)

    def parsed_resume(application):
        with app.app_context(), session_scope() as session:
            session.add(ApplicationDocument(
                application_id=uuid.UUID(application["id"]), kind="resume", filename="cv.pdf", file_type="pdf",
                media_key="k", sha256="0" * 64, bytes=1, uploaded_by="candidate", status="parsed",
                fields={"phone": "13912345678", "education": [{"school": "复旦大学", "degree": "硕士", "major": "金融学"}],
                        "work": [{"employer": "招商银行", "title": "客户经理", "start": "2019-07", "end": "至今"}]}))

    _, me = hire(client, app, hr, job, before_hire=parsed_resume)
    form = {f["name"]: f for f in client.get("/api/onboard/form", headers=me).json["fields"]}
    assert (form["phone"]["value"], form["phone"]["source"], form["phone"]["prefilled"]) == ("13912345678", "resume", True)
    assert form["education"]["value"] == "复旦大学，硕士，金融学" and "招商银行" in form["work_history"]["value"]
    assert form["name"]["source"] == "application" and not form["bank_card"]["prefilled"]
    corrected = client.put("/api/onboard/form", headers=me, json={"values": {"phone": "13900000000"}, "confirm": ["education"]})
    statuses = {f["name"]: f["status"] for f in corrected.json["fields"]}
    assert statuses["phone"] == "corrected" and statuses["education"] == "confirmed" and statuses["name"] == "prefilled"
    assert corrected.json["complete"] is False


def test_a_department_template_sets_the_tasks_and_due_dates(client, app, make_hr):
    hr = make_hr("recruiter")
    job = create_job(client, hr)
    bad = client.post("/api/onboarding/templates", headers=hr, json={"name": "x", "tasks": [
        {"key": "a", "title": "A", "owner": "boss", "due_days": 1}, {"key": "b", "title": "B", "owner": "it", "due_days": 500}]})
    assert bad.status_code == 422 and set(bad.json["errors"]["tasks"]) == {"0", "1"}
    created = client.post("/api/onboarding/templates", headers=hr, json={"name": "营业部", "department": "营业部", "tasks": [
        {"key": "form", "title": "填写入职信息", "owner": "employee", "kind": "form", "due_days": -3},
        {"key": "cash", "title": "现金业务上岗培训", "owner": "manager", "kind": "training", "due_days": 2}]})
    assert created.status_code == 201, created.json
    _, me = hire(client, app, hr, job, department="营业部")
    tasks = {t["key"]: t for t in client.get("/api/onboard/tasks", headers=me).json}
    assert set(tasks) == {"form", "cash"}
    assert tasks["form"]["due_date"] == (START - timedelta(days=3)).isoformat()
    _, default = hire(client, app, hr, job, "乙", department="公司金融部")
    assert len(client.get("/api/onboard/tasks", headers=default).json) > 2  # no template for it: the default list


def test_tasks_due_soon_are_reminded_once_through_the_outbox(client, app, make_hr, run_jobs):
    hr = make_hr("recruiter")
    job = create_job(client, hr)
    decided, me = hire(client, app, hr, job)
    first_due = min(date.fromisoformat(t["due_date"]) for t in client.get("/api/onboard/tasks", headers=me).json
                    if t["owner"] == "employee")
    now = datetime.combine(first_due - timedelta(days=1), datetime.min.time(), tzinfo=timezone.utc) + timedelta(hours=2)
    with app.app_context(), session_scope() as session:
        sent = remind_due(session, now=now)
    with app.app_context(), session_scope() as session:
        assert remind_due(session, now=now) == 0
        rows = session.exec(select(NotificationOutbox).where(NotificationOutbox.template == "onboarding_task")).all()
    assert sent == len(rows) >= 1
    run_jobs()
    titles = [m["title"] for m in client.get("/api/onboard/messages", headers=me).json if m["template"] == "onboarding_task"]
    assert len(titles) == sent and all("入职待办提醒" in t for t in titles)


def test_a_failing_receiver_is_retried_then_marked_failed_without_blocking(client, app, make_hr):
    admin = make_hr("admin")
    job = create_job(client, admin)
    assert client.post("/api/onboarding/webhooks", headers=admin, json={"url": "ftp://hris"}).status_code == 422
    endpoint = client.post("/api/onboarding/webhooks", headers=admin, json={"url": "http://127.0.0.1:9/closed"})
    assert endpoint.status_code == 201
    _, me = hire(client, app, admin, job)
    assert client.post("/api/onboard/start-date/confirmation", headers=me).status_code == 200  # never waits on the receiver
    connection = app.extensions["qingpin.redis"]
    with app.app_context():
        SimpleWorker([Queue(NOTIFY, connection=connection)], connection=connection).work(burst=True)
    delivery = client.get("/api/onboarding/webhooks/deliveries", headers=admin).json[0]
    assert delivery["status"] == "pending" and delivery["attempt_count"] == 1 and delivery["last_error"]
    assert f"webhook-{delivery['id']}" in ScheduledJobRegistry(NOTIFY, connection=connection).get_job_ids()  # backing off
    with app.app_context():
        assert deliver_webhook(delivery["id"]) == "failed"  # the last try (no retries left) marks it
    with app.app_context(), session_scope() as session:
        row = session.get(WebhookDelivery, uuid.UUID(delivery["id"]))
        assert row.status == "failed" and row.attempt_count == 2
    assert client.get("/api/onboard/me", headers=me).json["start_date_confirmed_at"]


def test_first_week_calendar_and_excel_friendly_export(client, app, make_hr):
    hr = make_hr("recruiter")
    job = create_job(client, hr)
    decided, me = hire(client, app, hr, job, name="=HYPERLINK(1)")
    ics = client.get("/api/onboard/first-week.ics", headers=me)
    assert ics.status_code == 200 and ics.mimetype == "text/calendar"
    text = ics.get_data(as_text=True)
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.count("BEGIN:VEVENT") >= 2 and "LOCATION:北京分行" in text
    assert f"DTSTART:{START:%Y%m%d}T010000Z" in text  # 09:00 in Beijing
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    hr_ics = client.get(f"/api/onboarding/cases/{decided['onboarding']['case_id']}/first-week.ics", headers=hr)
    assert hr_ics.get_data(as_text=True).count("BEGIN:VEVENT") == text.count("BEGIN:VEVENT")
    export = client.get("/api/onboarding/export.csv", headers=hr)
    body = export.get_data()
    assert export.status_code == 200 and body.startswith("\ufeff".encode())
    lines = body.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("case_id,name,position") and "'=HYPERLINK(1)" in lines[1]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_an_id_card_that_disagrees_with_the_form_is_flagged_for_hr_and_unreadable_photos_are_kept(client, app, make_hr,
                                                                                                 run_jobs):
    hr = make_hr("recruiter")
    job = create_job(client, hr)
    decided, me = hire(client, app, hr, job)
    case_id = decided["onboarding"]["case_id"]
    assert client.put("/api/onboard/form", headers=me, json={"values": {"id_number": id_number()}}).status_code == 200
    other = id_number("44030419880521004")  # someone else's card
    photo = dark_photo()
    for kind, content in (("id_card_front", id_card_front("王小明", other)), ("id_card_back", photo)):
        response = client.post("/api/onboard/documents", headers=me, content_type="multipart/form-data",
                               data={"kind": kind, "file": (io.BytesIO(content), f"{kind}.jpg")})
        assert response.status_code == 202, response.json
    assert client.post("/api/onboard/documents", headers=me, content_type="multipart/form-data", data={
        "kind": "diploma", "file": (io.BytesIO(b"MZ\x90\x00 not an image"), "x.jpg")}).status_code == 415
    run_jobs()
    detail = client.get(f"/api/onboarding/cases/{case_id}", headers=hr).json
    front = next(d for d in detail["documents"] if d["kind"] == "id_card_front")
    assert front["mismatch"] is True and front["comparison"]["id_number"]["matches"] is False
    assert front["comparison"]["id_number"]["read"] == other[:3] + "*" * 11 + other[-4:]  # masked for HR
    assert detail["mismatched_documents"] == 1
    assert client.get("/api/onboarding/board", headers=hr).json["mismatched_documents"] == 1
    assert not any(t["done_at"] for t in detail["tasks"] if t["key"] == "id_card_front")  # not done while it disagrees
    back = next(d for d in detail["documents"] if d["kind"] == "id_card_back")
    assert back["status"] == "retake" and back["status_message"] == "请在光线更好的地方重拍"
    link = client.get(f"/api/onboarding/cases/{case_id}/documents/{back['id']}/url", headers=hr)
    assert link.status_code == 200
    kept = client.get(link.json["url"])
    assert kept.status_code == 200 and kept.data == photo  # the file stays for HR


def test_course_catalogue_and_mentor_capacity(client, app, make_hr):
    hr = make_hr("recruiter")
    course = client.post("/api/onboarding/courses", headers=hr, json={"title": "合规基础", "competency": "风险意识"}).json
    changed = client.put(f"/api/onboarding/courses/{course['id']}", headers=hr,
                         json={"title": "合规基础课程", "competency": "风险意识", "hours": 4})
    assert changed.status_code == 200 and changed.json["title"] == "合规基础课程"
    stranger = make_hr("admin", organization="other-bank")
    assert client.put(f"/api/onboarding/courses/{course['id']}", headers=stranger,
                      json={"title": "x", "competency": "y"}).status_code == 404
    assert client.delete(f"/api/onboarding/courses/{course['id']}", headers=hr).status_code == 204
    assert client.get("/api/onboarding/courses", headers=hr).json == []
    assert client.post("/api/onboarding/employees", headers=hr, json={"name": "甲", "is_mentor": True}).status_code == 422
    mentor = client.post("/api/onboarding/employees", headers=hr, json={"name": "李导师", "is_mentor": True,
                                                                         "mentor_capacity": 1}).json
    job = create_job(client, hr)
    first, _ = hire(client, app, hr, job, "甲")
    second, _ = hire(client, app, hr, job, "乙")
    assert client.put(f"/api/onboarding/cases/{first['onboarding']['case_id']}/mentor", headers=hr,
                      json={"employee_id": mentor["id"]}).status_code == 200
    assert client.get(f"/api/onboarding/cases/{second['onboarding']['case_id']}/mentor-suggestions", headers=hr).json == []
    full = client.put(f"/api/onboarding/cases/{second['onboarding']['case_id']}/mentor", headers=hr,
                      json={"employee_id": mentor["id"]})
    assert full.status_code == 409 and full.json["reason"] == "mentor_full"
    unmarked = client.put(f"/api/onboarding/employees/{mentor['id']}", headers=hr, json={"name": "李导师", "is_mentor": False})
    assert unmarked.status_code == 200 and unmarked.json["is_mentor"] is False


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_completing_a_case_tells_the_hris_and_a_lost_delivery_is_queued_again(client, app, make_hr):
    admin = make_hr("admin")
    job = create_job(client, admin)
    assert client.post("/api/onboarding/webhooks", headers=admin, json={
        "url": "http://127.0.0.1:9/hris", "events": ["onboarding.completed"]}).status_code == 201
    decided, me = hire(client, app, admin, job)
    case_id = decided["onboarding"]["case_id"]
    assert client.post("/api/onboard/start-date/confirmation", headers=me).status_code == 200  # not subscribed: no event
    completed = client.post(f"/api/onboarding/cases/{case_id}/complete", headers=admin)
    assert completed.status_code == 200 and completed.json["stage"] == "completed" and completed.json["completed_at"]
    assert client.post(f"/api/onboarding/cases/{case_id}/complete", headers=admin).status_code == 200  # once only
    deliveries = client.get("/api/onboarding/webhooks/deliveries", headers=admin).json
    assert [d["event"] for d in deliveries] == ["onboarding.completed"]
    connection = app.extensions["qingpin.redis"]
    job_id = f"webhook-{deliveries[0]['id']}"
    RqJob.fetch(job_id, connection=connection).delete()  # the enqueue was lost
    assert job_id not in Queue(NOTIFY, connection=connection).job_ids

    with app.app_context(), session_scope() as session:
        assert redeliver_pending(session, connection, now=datetime.now(timezone.utc)) == 0  # too young to be lost
        later = datetime.now(timezone.utc) + timedelta(minutes=11)
        assert redeliver_pending(session, connection, now=later) == 1
    assert job_id in Queue(NOTIFY, connection=connection).job_ids
