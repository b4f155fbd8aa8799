"""The whole candidate journey as one test, through the HTTP API of a running server, on PostgreSQL.

HR creates the demo job and its slots and invites; the candidate signs in with (simulated) WeChat, consents, accepts
subscribe messages, books, reschedules, checks the device, answers every question by resumable tus upload (one upload
dropped mid-chunk and resumed), finishes; real RQ workers score every answer once with the real recogniser and send the
reminder and the notifications; HR decides and releases the result; the candidate reads status, messages and result.
"""
from __future__ import annotations

import hashlib
import io
import uuid
import wave
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest
import requests
from rq import Queue, SimpleWorker
from rq.job import Job as RqJob
from rq.registry import ScheduledJobRegistry
from tusclient import client as tus_client

from backend.jobs.queues import ALL_QUEUES, NOTIFY
from backend.seed import demo_job_payload
from backend.services.notifications import reminder_job_id
from backend.wechat.subscribe import TEMPLATE_LAYOUTS
from tests.uploads.conftest import RawPatch, metadata_header, wait_for

from .helpers import create_job

pytestmark = pytest.mark.wechat

TUS = {"Tus-Resumable": "1.0.0"}
UTC = timezone.utc
ANSWERS = {1: "q1_strong.mp4", 2: "q2_average.wav", 3: "q3_strong.wav"}  # question position -> fixture file


class Api:
    """requests against the live server, failing loudly on an unexpected status."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.http = requests.Session()

    def call(self, method: str, path: str, *, expect: int, headers: dict | None = None, **kwargs):
        response = self.http.request(method, f"{self.base}{path}", headers=headers, timeout=60, **kwargs)
        assert response.status_code == expect, (method, path, response.status_code, response.text[:500])
        return response.json() if response.content and response.headers.get("Content-Type", "").startswith("application/json") \
            else response


def _work(app, *, with_scheduler: bool = False) -> None:
    """A real RQ worker over every queue, in burst mode (with its scheduler: due scheduled jobs run too)."""
    connection = app.extensions["qingpin.redis"]
    worker = SimpleWorker([Queue(name, connection=connection) for name in ALL_QUEUES], connection=connection)
    with app.app_context():
        worker.work(burst=True, with_scheduler=with_scheduler)


def _first_seconds(path, seconds: float) -> bytes:
    with wave.open(str(path), "rb") as source:
        frames = source.readframes(int(source.getframerate() * seconds))
        params = source.getparams()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setparams(params)
        out.writeframes(frames)
    return buffer.getvalue()


def _stage_count(api: Api, hr: dict, job_id: str, state: str) -> int:
    board = api.call("GET", "/api/pipeline", expect=200, headers=hr, params={"job_id": job_id})
    return next(stage["count"] for stage in board["stages"] if stage["state"] == state)


def _tus_metadata(answer_id: str, data: bytes, filename: str) -> dict:
    return {"answer_id": answer_id, "segment_index": "0", "segment_count": "1",
            "sha256": hashlib.sha256(data).hexdigest(), "filename": filename}


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_the_whole_candidate_journey_over_http(app, live_url, make_hr, sim, shared_dir, monkeypatch):
    interview = shared_dir / "fixtures" / "interview"
    app.config["QINGPIN_SETTINGS"].wechat_templates = {name: f"tmpl-{name}" for name in TEMPLATE_LAYOUTS}
    api = Api(live_url)
    hr = make_hr("recruiter")
    connection = app.extensions["qingpin.redis"]

    # -- HR: the demo job, a rescheduling policy, two slots, an invitation with its QR code -------------------------
    job = create_job(app.test_client(), hr, demo_job_payload())
    api.call("PUT", f"/api/jobs/{job['id']}/schedule-policy", expect=200, headers=hr,
             json={"mode": "slots", "reschedule_cutoff_hours": 1, "max_reschedules": 2})
    now = datetime.now(UTC).replace(microsecond=0)
    later = api.call("POST", f"/api/jobs/{job['id']}/slots", expect=201, headers=hr, json={
        "starts_at": (now + timedelta(hours=3)).isoformat(), "ends_at": (now + timedelta(hours=4)).isoformat(), "capacity": 5})
    soon = api.call("POST", f"/api/jobs/{job['id']}/slots", expect=201, headers=hr, json={
        "starts_at": (now + timedelta(minutes=10)).isoformat(), "ends_at": (now + timedelta(hours=2)).isoformat(), "capacity": 5})
    application = api.call("POST", "/api/applications", expect=201, headers=hr,
                           json={"job_id": job["id"], "candidate": {"name": "赵旅程", "email": "zhao@example.com"}})
    invitation = api.call("POST", f"/api/applications/{application['id']}/invitations", expect=201, headers=hr, json={})
    assert invitation["qr_url"] and api.call("GET", invitation["qr_url"], expect=200, headers=hr).content.startswith(b"\x89PNG")
    assert _stage_count(api, hr, job["id"], "invited") == 1

    # -- candidate: WeChat sign-in linked to the invitation, consent, subscribe credits -----------------------------
    login = api.call("POST", "/api/candidate/wechat/login", expect=201,
                     json={"code": sim.login("o-journey"), "invitation_token": invitation["token"]})
    assert set(login) == {"token", "application_id"}  # our own token only: no session_key, no openid
    me = {"Authorization": f"Bearer {login['token']}"}
    notices = {n["kind"]: n for n in api.call("GET", "/api/candidate/consents", expect=200, headers=me)["notices"]}
    assert "语音识别" in notices["ai_evaluation"]["text"] or "识别" in notices["ai_evaluation"]["text"]
    for kind in ("media", "ai_evaluation"):
        api.call("POST", "/api/candidate/consents", expect=201, headers=me, json={
            "kind": kind, "granted": True, "notice_version": notices[kind]["version"],
            "text_sha256": notices[kind]["text_sha256"], "channel": "miniprogram"})
    for template in ("booking_confirmed", "answers_received"):  # the taps on 预约 and 开始面试
        sim.accept("o-journey", f"tmpl-{template}")
        api.call("POST", "/api/candidate/subscriptions", expect=200, headers=me, json={"template": template, "accepted": True})

    # -- booking: book the later slot (idempotent retry), then move to the one starting soon ------------------------
    options = api.call("GET", "/api/candidate/slots", expect=200, headers=me)
    assert {s["id"] for s in options["slots"]} == {later["id"], soon["id"]}
    key = {"Idempotency-Key": str(uuid.uuid4())}
    booked = api.call("POST", "/api/candidate/booking", expect=201, headers={**me, **key}, json={"slot_id": later["id"]})
    replay = api.call("POST", "/api/candidate/booking", expect=201, headers={**me, **key}, json={"slot_id": later["id"]})
    assert replay == booked
    reminder = RqJob.fetch(reminder_job_id(uuid.UUID(booked["id"])), connection=connection)
    assert reminder.id in ScheduledJobRegistry(NOTIFY, connection=connection).get_job_ids()
    moved = api.call("POST", "/api/candidate/booking/reschedule", expect=200, headers={**me, "Idempotency-Key": str(uuid.uuid4())},
                     json={"slot_id": soon["id"]})
    assert moved["slot_id"] == soon["id"]
    _work(app, with_scheduler=True)  # the re-planned reminder (T-60 min has passed) is due at once; it runs once
    _work(app, with_scheduler=True)
    assert _stage_count(api, hr, job["id"], "booked") == 1

    # -- device check, then every question, each by resumable upload -----------------------------------------------
    check = api.call("POST", "/api/candidate/device-check", expect=200, headers=me,
                     files={"file": ("check.wav", _first_seconds(interview / "q1_strong.wav", 4.0))})
    assert check["ok"] is True and check["speech_seconds"] > 1
    questions = api.call("GET", "/api/candidate/interview", expect=200, headers=me)["questions"]
    assert [q["position"] for q in questions] == [1, 2, 3]
    answer_ids = {}
    for question in questions:
        started = api.call("POST", f"/api/candidate/questions/{question['id']}/start", expect=201, headers=me)
        assert started["question"]["text"]  # released only now
        answer_id = answer_ids[question["position"]] = started["answer_id"]
        name = ANSWERS[question["position"]]
        data = (interview / name).read_bytes()
        metadata = _tus_metadata(answer_id, data, name)
        if question["position"] == 1:
            # The train enters a tunnel: the connection drops mid-chunk; the client asks where to go on and resumes.
            created = api.http.post(f"{live_url}/api/uploads/", timeout=30, headers={
                **TUS, **me, "Upload-Length": str(len(data)), "Upload-Metadata": metadata_header(**metadata)})
            assert created.status_code == 201
            location = created.headers["Location"]
            patch = RawPatch(location, 0, len(data), {**me})
            patch.send(data[:100_000])
            patch.drop()
            wait_for(lambda url=location: requests.head(url, headers={**TUS, **me}).headers.get("Upload-Offset") == "100000")
            uploader = tus_client.TusClient(f"{live_url}/api/uploads/", headers=me).uploader(
                file_stream=io.BytesIO(data), url=location, chunk_size=128 * 1024)
        else:
            uploader = tus_client.TusClient(f"{live_url}/api/uploads/", headers=me).uploader(
                file_stream=io.BytesIO(data), chunk_size=256 * 1024, metadata=metadata)
        uploader.upload()
        assert uploader.offset == len(data)
        status = api.call("GET", f"/api/candidate/answers/{answer_id}", expect=200, headers=me)
        assert status["status"] in ("uploaded", "scored") and status["segment_count"] == 1
    assert api.call("GET", "/api/candidate/status", expect=200, headers=me)["label"] == "面试中"
    finished = api.call("POST", "/api/candidate/interview/finish", expect=200, headers=me)
    assert finished["state"] == "completed"

    # Scoring was queued exactly once per answer, on the asr queue.
    for answer_id in answer_ids.values():
        assert RqJob.fetch(f"score_answer-{answer_id}", connection=connection).origin == "asr"
    _work(app)
    _work(app)  # a second pass finds nothing more to do

    # -- HR: scored, with evidence; a human decides; the result is released ---------------------------------------
    detail = api.call("GET", f"/api/applications/{application['id']}", expect=200, headers=hr)
    assert detail["state"] == "scored"
    scored = Counter(e["data"]["answer_id"] for e in detail["events"] if e["kind"] == "answer_scored")
    assert scored == Counter({answer_id: 1 for answer_id in answer_ids.values()})
    assert all(a["status"] == "scored" and a["content_score"] > 0 for a in detail["answers"])
    assert detail["result"]["status"] == "scored" and detail["result"]["overall"] > 0
    assert api.call("GET", "/api/candidate/result", expect=404, headers=me)  # not released yet
    api.call("POST", f"/api/applications/{application['id']}/decisions", expect=200, headers=hr, json={
        "to_state": "advanced", "reason": "回答完整，要点覆盖充分",
        "next_round": {"round_name": "业务部门面试", "starts_at": (now + timedelta(days=3)).isoformat()}})
    api.call("POST", f"/api/applications/{application['id']}/release-result", expect=200, headers=hr)
    _work(app)

    # -- candidate: status, result and feedback, messages --------------------------------------------------------
    status = api.call("GET", "/api/candidate/status", expect=200, headers=me)
    assert status["state"] == "advanced" and status["label"] == "已通过"
    labels = [entry["label"] for entry in status["timeline"] if entry["label"]]
    assert labels[:4] == ["待预约", "待面试", "面试中", "已完成"]
    result = api.call("GET", "/api/candidate/result", expect=200, headers=me)
    assert result["label"] == "通过" and result["feedback"]
    assert not any(ch.isdigit() for ch in str(result["feedback"]))  # no raw scores for the candidate

    # -- the outbox: every message once, through the channel it could use -----------------------------------------
    outbox = api.call("GET", f"/api/applications/{application['id']}/notifications", expect=200, headers=hr)
    by_template = Counter(o["template"] for o in outbox)
    assert by_template["invitation"] == 1 and by_template["reminder"] == 1
    assert by_template["answers_received"] == 1 and by_template["result_available"] == 1 and by_template["next_round"] == 1
    assert by_template["booking_confirmed"] >= 1
    assert all(o["status"] == "sent" for o in outbox), [(o["template"], o["status"], o["last_error"]) for o in outbox]
    channel = {o["template"]: o["channel_used"] for o in outbox}
    assert channel["answers_received"] == "wechat"  # a credit was there
    assert channel["reminder"] in ("email", "in_app")  # no credit: the next channel, recorded
    reminder_row = next(o for o in outbox if o["template"] == "reminder")
    assert any(a["channel"] == "wechat" for a in reminder_row["attempts"])  # the skipped channel is on record
    assert any(s["template_id"] == "tmpl-answers_received" for s in sim.sent)
    inbox = api.call("GET", "/api/candidate/messages", expect=200, headers=me)
    assert {"result_available", "next_round"} <= {m["template"] for m in inbox}
