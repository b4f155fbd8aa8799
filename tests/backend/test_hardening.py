"""Regression tests for the faults a probe of the running system found (issue 10): each failed before its fix."""
from __future__ import annotations

import hashlib
import uuid
from datetime import timedelta

import pytest
from sqlmodel import select

from backend.db import session_scope
from backend.models import Application, Invitation, utcnow
from backend.models.notifications import NotificationOutbox

from .helpers import create_job, invite_candidate, silent_wav, start_question, upload_segment


# 1. The segment count a candidate is told includes their accommodation, as the server enforces it.
def test_max_segments_announced_at_start_includes_extra_answer_time(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)
    application, me = invite_candidate(client, hr, job["id"])
    granted = client.put(f"/api/applications/{application['id']}/accommodation", headers=hr,
                         json={"reason": "听障考生", "extra_answer_seconds": 600})
    assert granted.status_code == 200, granted.json
    question = job["questions"][0]
    started = start_question(client, me, question["id"])
    # The most the upload endpoint accepts is the announced number, not one more and not one less.
    most = started["max_segments"]
    wav = silent_wav(0.5)
    assert upload_segment(client, me, started["answer_id"], wav, index=0, count=most + 1).status_code == 422
    assert upload_segment(client, me, started["answer_id"], wav, index=0, count=most).status_code == 201
    assert most > -(-(question["answer_seconds"] + 5) // 120)


# 2. HR's one-tap nudge names the invitation's expiry as the deadline, like the automatic nudge does.
def test_hr_nudge_deadline_is_the_invitation_expiry(client, make_hr, app):
    hr = make_hr()
    job = create_job(client, hr)
    application, _ = invite_candidate(client, hr, job["id"], consent=False)
    nudged = client.post(f"/api/applications/{application['id']}/nudge", headers=hr)
    assert nudged.status_code == 202, nudged.json
    with app.app_context(), session_scope() as session:
        outbox = session.get(NotificationOutbox, uuid.UUID(nudged.json["outbox_id"]))
        invitation = session.exec(select(Invitation).where(Invitation.application_id == uuid.UUID(application["id"]),
                                                           Invitation.revoked == False)).one()  # noqa: E712
        from backend.services.notifications import CHINA_TZ

        assert outbox.payload["deadline"] == invitation.expires_at.astimezone(CHINA_TZ).date().isoformat()
        assert outbox.payload["deadline"] != utcnow().date().isoformat()


# 3. The per-candidate quota holds for the one-request upload too.
def test_one_request_segment_upload_respects_the_candidate_quota(client, make_hr, app):
    hr = make_hr()
    job = create_job(client, hr)
    _, me = invite_candidate(client, hr, job["id"])
    wav = silent_wav(1.0)
    app.config["QINGPIN_SETTINGS"].max_candidate_bytes = len(wav) + 10
    first = start_question(client, me, job["questions"][0]["id"])
    assert upload_segment(client, me, first["answer_id"], wav).status_code == 201
    retake = start_question(client, me, job["questions"][0]["id"])
    refused = upload_segment(client, me, retake["answer_id"], wav)
    assert refused.status_code == 413 and refused.json["reason"] == "candidate_quota"


# 4. One definition of overdue: the badge, the filter, the pipeline count and the automatic nudge agree.
def test_overdue_badge_and_nudge_sweep_agree(client, make_hr, app):
    hr = make_hr()
    job = create_job(client, hr)
    application, _ = invite_candidate(client, hr, job["id"], consent=False)
    with app.app_context(), session_scope() as session:
        invitation = session.exec(select(Invitation).where(Invitation.application_id == uuid.UUID(application["id"]))).one()
        invitation.created_at = utcnow() - timedelta(hours=30)
        session.add(invitation)
    listed = client.get("/api/applications?overdue=true", headers=hr).json
    pipeline = client.get(f"/api/pipeline?job_id={job['id']}", headers=hr).json
    from backend.services.notifications import nudge_unbooked

    with app.app_context(), session_scope() as session:
        nudged = nudge_unbooked(session)
    assert len(nudged) == 1
    assert [a["id"] for a in listed] == [application["id"]] and listed[0]["overdue"] is True
    assert pipeline["overdue"] == 1


# 5. Hostile JSON: deep nesting, lone surrogates, dates at the edge of the calendar are 4xx, never 500.
def test_deeply_nested_json_is_a_400_even_without_a_token(client):
    body = "[" * 10000 + "]" * 10000
    response = client.post("/api/auth/login", data=body, content_type="application/json")
    assert response.status_code == 400 and response.json["reason"] == "bad_json"


@pytest.mark.both_databases
def test_lone_surrogates_are_a_4xx(client, make_hr):
    login = client.post("/api/auth/login", data='{"email": "a@b.cn", "password": "\\ud800x"}', content_type="application/json")
    assert login.status_code == 400, login.json
    hr = make_hr()
    job = create_job(client, hr)
    slot = '{"starts_at": "2030-01-01T09:00:00+08:00", "ends_at": "2030-01-01T10:00:00+08:00", "junk": "\\ud800x"}'
    response = client.post(f"/api/jobs/{job['id']}/slots", data=slot, content_type="application/json",
                           headers={**hr, "Idempotency-Key": "surrogate-1"})
    assert response.status_code == 400, response.json


def test_dates_at_the_edge_of_the_calendar_are_422(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)
    response = client.post(f"/api/jobs/{job['id']}/slots", headers=hr,
                           json={"starts_at": "9999-12-31T20:00:00-14:00", "ends_at": "9999-12-31T23:00:00-14:00"})
    assert response.status_code == 422, response.json
    listed = client.get(f"/api/jobs/{job['id']}/slots?starts_after=0001-01-01T00:00:00%2B14:00", headers=hr)
    assert listed.status_code == 422, listed.json


# 6. Control characters are refused at the schema boundary on both databases; stored file names are cleaned.
@pytest.mark.parametrize("name", ["张\x00三", "李\x07四"])
@pytest.mark.both_databases
def test_control_characters_in_text_fields_are_422_on_both_databases(client, make_hr, name):
    hr = make_hr()
    job = create_job(client, hr)
    response = client.post("/api/applications", json={"job_id": job["id"], "candidate": {"name": name}}, headers=hr)
    assert response.status_code == 422 and response.json["reason"] == "control_characters", response.json
    assert client.patch(f"/api/jobs/{job['id']}", headers=hr, json={"description": "a\x00b"}).status_code == 422
    # Line breaks and tabs stay allowed in free text.
    assert client.patch(f"/api/jobs/{job['id']}", headers=hr, json={"description": "第一行\n第二行\t完"}).status_code == 200


def test_stored_file_names_lose_line_breaks_and_bidi_overrides(client, make_hr):
    import io

    from backend.services.documents import clean_filename

    hr = make_hr()
    job = create_job(client, hr)
    application, me = invite_candidate(client, hr, job["id"])
    response = client.post("/api/candidate/documents", headers=me, content_type="multipart/form-data", data={
        "kind": "resume", "file": (io.BytesIO(b"%PDF-1.4\n%%EOF\n"), "简历\u202efdp.exe")})
    assert response.status_code in (201, 202), response.json
    assert response.json["filename"] == "简历fdp.exe"
    assert clean_filename("../a\r\nb\x00c\u2066.pdf") == "abc.pdf"
    assert clean_filename("\r\n") == "file"


# 7. Two uploads of the same segment at once: the loser gets a 409 and its stored object is removed.
@pytest.mark.both_databases
def test_concurrent_uploads_of_one_segment_leave_one_row_and_no_orphan(client, make_hr, app, monkeypatch):
    from sqlmodel import Session

    from backend.models import AnswerSegment
    from backend.services import answers as answer_service
    from backend.services.applications import Actor

    if app.extensions["qingpin.engine"].dialect.name == "postgresql":
        pytest.skip("PostgreSQL serializes the two on the answer's row lock (SELECT ... FOR UPDATE) before any file is stored")
    hr = make_hr()
    job = create_job(client, hr)
    _, me = invite_candidate(client, hr, job["id"])
    started = start_question(client, me, job["questions"][0]["id"])
    answer_id = uuid.UUID(started["answer_id"])
    wav = silent_wav(1.0)
    storage = app.extensions["qingpin.storage"]
    real_check = answer_service.check_media_file

    def racing_check(path):
        # The other upload of the same segment commits between our checks and our insert.
        with Session(app.extensions["qingpin.engine"]) as other:
            other.add(AnswerSegment(answer_id=answer_id, index=0, media_key="answers/other", sha256="0" * 64, bytes=1,
                                    media_type="audio/wav", duration_seconds=1.0))
            other.commit()
        return real_check(path)

    monkeypatch.setattr(answer_service, "check_media_file", racing_check)
    saved = []
    real_save = storage.save
    monkeypatch.setattr(storage, "save", lambda *a, **k: saved.append(real_save(*a, **k)) or saved[-1])
    path = app.instance_path + "/segment.wav"
    with open(path, "wb") as fh:
        fh.write(wav)
    from pathlib import Path

    with pytest.raises(answer_service.Conflict) as refused, app.app_context(), session_scope() as session:
        application = session.get(Application, session.get(answer_service.Answer, answer_id).application_id)
        answer_service.attach_segment(
            session, application=application, answer_id=answer_id, segment_index=0, segment_count=1, path=Path(path),
            sha256=hashlib.sha256(wav).hexdigest(), storage=storage, actor=Actor.system(), enqueue_scoring=lambda _id: None,
            quota_bytes=10**9)
    assert refused.value.reason == "segment_exists"
    assert saved and not storage.exists(saved[0].key)


# 12. Re-inviting revokes the link, and the candidate tokens issued from it.
def test_reinviting_revokes_tokens_issued_from_the_old_invitation(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)
    application, me = invite_candidate(client, hr, job["id"], consent=False)
    assert client.get("/api/candidate/interview", headers=me).status_code == 200
    again = client.post(f"/api/applications/{application['id']}/invitations", headers=hr)
    assert again.status_code == 201
    assert client.get("/api/candidate/interview", headers=me).status_code == 401
    fresh = client.post("/api/candidate/session", json={"invitation_token": again.json["token"]})
    assert client.get("/api/candidate/interview", headers={"Authorization": f"Bearer {fresh.json['token']}"}).status_code == 200


# 13. Security headers on every response; personal data is not cached; Swagger UI served from the app itself.
def test_security_headers_and_no_store_on_personal_data(client, make_hr):
    hr = make_hr()
    for response in (client.get("/api/health"), client.get("/api/auth/me", headers=hr), client.get("/api/nowhere")):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert "default-src" in response.headers["Content-Security-Policy"]
        assert "Server" not in response.headers or "Werkzeug" not in response.headers["Server"]
    assert client.get("/api/auth/me", headers=hr).headers["Cache-Control"] == "no-store"


def test_headers_already_set_by_a_view_are_kept(app):
    from flask import Response

    @app.get("/h5/probe")
    def probe():
        return Response("ok", headers={"Content-Security-Policy": "default-src 'self'", "Cache-Control": "max-age=60"})

    response = app.test_client().get("/h5/probe")
    assert response.headers["Content-Security-Policy"] == "default-src 'self'"
    assert response.headers["Cache-Control"] == "max-age=60"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_api_docs_load_swagger_ui_from_the_app_not_a_cdn(client):
    page = client.get("/api/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "cdn." not in html and "http://" not in html.replace("http://www.w3.org", "")
    asset = client.get("/api/docs/static/swagger-ui-bundle.js")
    assert asset.status_code == 200 and len(asset.data) > 100_000


# 8. HR login is throttled per account and per address (429 with Retry-After), for a minute, not for long.
def test_hr_login_is_throttled_per_account_with_retry_after(client, make_hr, app):
    from backend.ratelimit import HR_LOGIN_FAILURES_PER_ACCOUNT
    from tests.backend.conftest import PASSWORD

    make_hr()
    with app.app_context(), session_scope() as session:
        from backend.models import HrUser

        email = session.exec(select(HrUser.email)).first()
    allowed = int(HR_LOGIN_FAILURES_PER_ACCOUNT.split()[0])
    statuses = [client.post("/api/auth/login", json={"email": email, "password": f"wrong-{i}"}).status_code
                for i in range(allowed + 5)]
    assert statuses[:allowed] == [401] * allowed and set(statuses[allowed:]) == {429}
    refused = client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    assert refused.status_code == 429 and refused.json["reason"] == "too_many_requests" and refused.json["code"] == 429
    assert 0 < int(refused.headers["Retry-After"]) <= 60
    # Another account from the same address is not locked by it.
    other = client.post("/api/auth/login", json={"email": "someone-else@example.com", "password": "x" * 12})
    assert other.status_code == 401


# 9. Signed media URLs: expiry capped at the configured lifetime, signatures kept out of access logs, a per-install secret.
def test_signed_urls_cannot_outlive_the_configured_lifetime(app):
    import time

    storage = app.extensions["qingpin.storage"]
    seconds = app.config["QINGPIN_SETTINGS"].media_url_seconds
    exp = int(time.time()) + 10 * 365 * 24 * 3600
    forged = storage._signature("answers/x.webm", exp)  # what anyone holding the key could mint
    assert storage.verify_url("answers/x.webm", exp, forged) is False
    fair = int(time.time()) + seconds
    assert storage.verify_url("answers/x.webm", fair, storage._signature("answers/x.webm", fair)) is True
    with pytest.raises(ValueError):
        storage.url("answers/x.webm", expires=seconds + 1)


def test_access_logs_never_carry_a_media_signature(app, caplog, live_url):
    import logging

    import requests

    caplog.set_level(logging.INFO, logger="werkzeug")
    requests.get(f"{live_url}/api/media/answers/x.webm?exp=9999999999&sig=deadbeefcafe", timeout=10)
    lines = [r.getMessage() for r in caplog.records if r.name == "werkzeug"]
    assert any("/api/media/answers/x.webm" in line for line in lines)
    assert not any("deadbeefcafe" in line for line in lines)


def test_development_settings_get_a_random_secret_kept_in_the_instance_folder(tmp_path, monkeypatch):
    from backend.settings import DEV_SECRET_KEY, load_settings

    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("QINGPIN_ENV", raising=False)
    first = load_settings(instance_dir=tmp_path / "a")
    assert first.secret_key != DEV_SECRET_KEY and len(first.secret_key) >= 32
    assert load_settings(instance_dir=tmp_path / "a").secret_key == first.secret_key
    assert load_settings(instance_dir=tmp_path / "b").secret_key != first.secret_key
    assert (tmp_path / "a" / "secret_key").stat().st_mode & 0o077 == 0


# 10. A worker killed mid-scoring: its job's lease runs out within a minute and the sweep queues the answer again.
def test_an_answer_whose_worker_died_is_scored_again_within_two_minutes(client, make_hr, app, run_jobs):
    from rq import Queue
    from rq.job import Job as RqJob

    from backend.jobs.maintenance import sweep_lost_work
    from backend.jobs.queues import ASR, JOB_LEASE_SECONDS
    from backend.jobs.worker import LeasedWorker
    from backend.models import Answer

    hr = make_hr()
    job = create_job(client, hr)
    _, me = invite_candidate(client, hr, job["id"])
    started = start_question(client, me, job["questions"][0]["id"])
    assert upload_segment(client, me, started["answer_id"], silent_wav()).status_code == 201
    connection = app.extensions["qingpin.redis"]
    # A worker takes the job and dies (kill -9) mid-scoring: RQ still reports the job as started.
    doomed = LeasedWorker([Queue(ASR, connection=connection)], connection=connection, name="doomed")
    doomed.register_birth()
    rq_job = RqJob.fetch(f"score_answer-{started['answer_id']}", connection=connection)
    Queue(ASR, connection=connection).remove(rq_job)
    doomed.prepare_execution(rq_job)
    doomed.prepare_job_execution(rq_job)
    with app.app_context(), session_scope() as session:
        answer = session.get(Answer, uuid.UUID(started["answer_id"]))
        answer.status, answer.attempts_processed = "processing", 1
        answer.submitted_at = utcnow() - timedelta(minutes=3)
        session.add(answer)
    assert rq_job.get_status(refresh=True) == "started"
    assert sweep_lost_work()["answers_requeued"] == 0  # the lease is fresh: the worker may still be alive

    # A minute later, no heartbeat came: the work is lost, queued again once, and scored by a live worker.
    later = utcnow() + timedelta(seconds=JOB_LEASE_SECONDS + 5)
    from backend.jobs.maintenance import requeue_lost_work

    with app.app_context():
        assert requeue_lost_work(connection, now=later)["answers_requeued"] == 1
        assert requeue_lost_work(connection, now=later)["answers_requeued"] == 0  # queued now: not twice
    run_jobs()
    status = client.get(f"/api/candidate/answers/{started['answer_id']}", headers=me).json["status"]
    assert status == "insufficient_evidence"


def test_a_running_job_keeps_its_lease_while_it_works(app, redis_conn):
    """The heartbeat thread renews a long job's lease, so the sweep leaves a live worker's job alone."""
    import time

    from rq import Queue

    from backend.jobs import queues
    from backend.jobs.worker import LeasedWorker

    connection = app.extensions["qingpin.redis"]
    queue = Queue("default", connection=connection)
    job = queue.enqueue("time.sleep", 2.5, job_id="sleepy")
    original = queues.JOB_HEARTBEAT_SECONDS
    import backend.jobs.worker as worker_module

    worker_module.JOB_HEARTBEAT_SECONDS = 0.5
    try:
        start = time.time()
        LeasedWorker([queue], connection=connection).work(burst=True)
    finally:
        worker_module.JOB_HEARTBEAT_SECONDS = original
    job.refresh()
    assert job.get_status() == "finished" and time.time() - start >= 2.5
    assert job.last_heartbeat is not None and (job.last_heartbeat - job.started_at).total_seconds() >= 1.5


# 11. While Redis is down, documents are accepted; the sweep queues their reading once Redis is back.
def test_documents_accepted_while_redis_was_down_are_read_later(client, make_hr, app, run_jobs):
    import io

    import redis

    from backend.jobs.maintenance import requeue_lost_work
    from backend.models.documents import ApplicationDocument

    hr = make_hr()
    job = create_job(client, hr)
    _, me = invite_candidate(client, hr, job["id"])
    healthy = app.extensions["qingpin.redis"]
    app.extensions["qingpin.redis"] = redis.Redis(host="127.0.0.1", port=1, socket_connect_timeout=0.2)
    try:
        response = client.post("/api/candidate/documents", headers=me, content_type="multipart/form-data", data={
            "kind": "resume", "file": (io.BytesIO(b"%PDF-1.4\n%%EOF\n"), "cv.pdf")})
    finally:
        app.extensions["qingpin.redis"] = healthy
    assert response.status_code == 202, response.json
    document_id = uuid.UUID(response.json["id"])
    with app.app_context(), session_scope() as session:
        document = session.get(ApplicationDocument, document_id)
        document.created_at = utcnow() - timedelta(minutes=3)
        session.add(document)
    with app.app_context():
        assert requeue_lost_work(healthy, now=utcnow())["documents_requeued"] == 1
    run_jobs()
    with app.app_context(), session_scope() as session:
        assert session.get(ApplicationDocument, document_id).status != "queued"


@pytest.mark.wechat
def test_wechat_login_while_redis_is_down_is_a_503_with_retry_after(client, make_hr, app, sim):
    import redis

    hr = make_hr()
    job = create_job(client, hr)
    application = client.post("/api/applications", json={"job_id": job["id"], "candidate": {"name": "王"}}, headers=hr).json
    token = client.post(f"/api/applications/{application['id']}/invitations", headers=hr, json={"notify": False}).json["token"]
    app.extensions["qingpin.redis"] = redis.Redis(host="127.0.0.1", port=1, socket_connect_timeout=0.2)
    response = client.post("/api/candidate/wechat/login", json={"code": sim.login("o-down"), "invitation_token": token})
    assert response.status_code == 503 and response.json["reason"] == "redis_unavailable"
    assert int(response.headers["Retry-After"]) > 0


# One error shape everywhere, tus included: {code: <HTTP status>, status: <name>, reason, message}.
def test_tus_errors_have_the_api_error_shape(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)
    _, me = invite_candidate(client, hr, job["id"])
    shapes = [
        client.post("/api/uploads/", headers=me),  # no Tus-Resumable: the tus layer refuses
        client.post("/api/uploads/", headers={**me, "Tus-Resumable": "1.0.0", "Upload-Length": "10",
                                               "Upload-Metadata": "sha256 " + "YQ=="}),  # our services refuse
        client.post("/api/uploads/", headers={"Tus-Resumable": "1.0.0", "Upload-Length": "10"}),  # no token
        client.get("/api/nowhere"),
        client.post("/api/auth/login", json={}),
    ]
    for response in shapes:
        body = response.json
        assert isinstance(body["code"], int) and body["code"] == response.status_code, body
        assert isinstance(body["status"], str) and body["reason"] and body["message"], body


def test_a_missing_system_package_fails_in_ci_and_skips_elsewhere(monkeypatch):
    from _pytest.outcomes import Failed, Skipped

    from tests.conftest import requires_system_package

    requires_system_package(True, "present")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(Failed):
        requires_system_package(False, "fonts-wqy-zenhei missing")
    monkeypatch.delenv("CI")
    with pytest.raises(Skipped):
        requires_system_package(False, "fonts-wqy-zenhei missing")


def test_job_policy_is_typed_and_only_an_explicit_true_opts_in():
    from backend.services.job_policy import JobPolicy, policy_errors

    assert JobPolicy.model_validate({}).auto_advance is False
    assert set(policy_errors({"auto_advance": "yes", "shadow_mode": 1, "auto_release": "true"})) == {
        "auto_advance", "shadow_mode", "auto_release"}
    assert policy_errors({"auto_advance_score": 120, "calibration_min_interviews": 2}).keys() == {
        "auto_advance_score", "calibration_min_interviews"}
    policy = JobPolicy.model_validate({"auto_advance": True, "auto_advance_score": 40, "note": "HR's own"})
    assert policy.auto_advance and policy.rollup_thresholds() == {"auto_advance_score": 40.0}


# A retake gives up the attempt still recording: its stored segments go (rows and objects), so they neither linger
# nor count against the candidate's quota, and a late segment of it is refused.
def test_a_retake_removes_the_given_up_attempts_segments_and_refuses_more(client, make_hr, app):
    import io

    hr = make_hr()
    job = create_job(client, hr)
    _, me = invite_candidate(client, hr, job["id"])
    wav = silent_wav(1.0)
    app.config["QINGPIN_SETTINGS"].max_candidate_bytes = len(wav) + 10  # room for one segment
    question_id = job["questions"][0]["id"]

    def segment(answer_id, index):  # a segment of a recording still going on: no count yet
        return client.post(f"/api/candidate/answers/{answer_id}/segments", headers=me, content_type="multipart/form-data",
                           data={"index": index, "sha256": hashlib.sha256(wav).hexdigest(), "file": (io.BytesIO(wav), "part.wav")})

    first = start_question(client, me, question_id)
    assert segment(first["answer_id"], 0).status_code == 201
    storage = app.extensions["qingpin.storage"]
    from backend.models import AnswerSegment

    with app.app_context(), session_scope() as session:
        [key] = session.exec(select(AnswerSegment.media_key).where(AnswerSegment.answer_id == uuid.UUID(first["answer_id"]))).all()
    assert storage.exists(key)

    retake = start_question(client, me, question_id)
    assert not storage.exists(key)
    with app.app_context(), session_scope() as session:
        assert not session.exec(select(AnswerSegment).where(AnswerSegment.answer_id == uuid.UUID(first["answer_id"]))).all()
    late = segment(first["answer_id"], 1)
    assert late.status_code == 409 and late.json["reason"] == "answer_superseded"
    # the given-up attempt no longer counts against the quota
    assert upload_segment(client, me, retake["answer_id"], wav).status_code == 201
