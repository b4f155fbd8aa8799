"""Small builders shared by the backend tests (through the API, like a client would)."""
from __future__ import annotations

import hashlib
import io
import json
import uuid
import wave
from datetime import date, timedelta

import numpy as np

from backend.db import session_scope
from backend.models import Application
from backend.services.applications import Actor, transition_application

JOB = {
    "title": "对公客户经理",
    "competencies": {"沟通能力": 0.5, "客户导向": 0.5},
    "questions": [
        {
            "text": "请描述一次你处理客户投诉的经历。",
            "competencies": {"客户导向": 0.5, "沟通能力": 0.5},
            "rubric": [
                {"text": "倾听客户诉求并表达理解", "key_phrases": ["倾听", "诉求", "理解"]},
                {"text": "提出并执行解决方案", "key_phrases": ["解决方案", "协调"]},
            ],
            "retakes": 1,
        }
    ],
}


def create_job(client, headers, payload=None) -> dict:
    response = client.post("/api/jobs", json=payload or JOB, headers=headers)
    assert response.status_code == 201, response.json
    return response.json


def give_consents(client, me, *, media: bool = True, ai: bool = True) -> dict:
    notices = {n["kind"]: n for n in client.get("/api/candidate/consents", headers=me).json["notices"]}
    for kind, granted in (("media", media), ("ai_evaluation", ai)):
        response = client.post("/api/candidate/consents", headers=me, json={
            "kind": kind, "granted": granted, "notice_version": notices[kind]["version"],
            "text_sha256": notices[kind]["text_sha256"], "channel": "miniprogram"})
        assert response.status_code == 201, response.json
    return notices


def invite_candidate(client, headers, job_id, name="李候选", *, consent: bool = True, ai: bool = True) -> tuple[dict, dict]:
    """Create an application for a new candidate, invite them, let them consent; returns (application, candidate headers)."""
    response = client.post("/api/applications", json={"job_id": job_id, "candidate": {"name": name}}, headers=headers)
    assert response.status_code == 201, response.json
    application = response.json
    invitation = client.post(f"/api/applications/{application['id']}/invitations", headers=headers)
    assert invitation.status_code == 201, invitation.json
    session = client.post("/api/candidate/session", json={"invitation_token": invitation.json["token"]})
    assert session.status_code == 201, session.json
    me = {"Authorization": f"Bearer {session.json['token']}"}
    if consent:
        give_consents(client, me, ai=ai)
    return application, me


def start_question(client, headers, question_id) -> dict:
    response = client.post(f"/api/candidate/questions/{question_id}/start", headers=headers)
    assert response.status_code == 201, response.json
    return response.json


def upload_segment(client, headers, answer_id, content: bytes, *, index=0, count=1, name="answer.wav", sha256=None):
    return client.post(f"/api/candidate/answers/{answer_id}/segments", headers=headers, content_type="multipart/form-data",
                       data={"index": index, "count": count, "sha256": sha256 or hashlib.sha256(content).hexdigest(),
                             "file": (io.BytesIO(content), name)})


def answer_question(client, headers, question_id, content: bytes, *, name="answer.wav"):
    """Start a question and upload its answer as one segment; returns the upload response."""
    started = start_question(client, headers, question_id)
    return upload_segment(client, headers, started["answer_id"], content, name=name)


def silent_wav(seconds: float = 3.0) -> bytes:
    """A 16 kHz mono WAV of digital silence: valid media that the quality gate refuses (too_little_speech)."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1), out.setsampwidth(2), out.setframerate(16000)
        out.writeframes(np.zeros(int(16000 * seconds), dtype=np.int16).tobytes())
    return buffer.getvalue()


def assert_shown_whole(stored, shown, where: str = "") -> None:
    """The API showed every key and value the database stored (a response schema dropped nothing)."""
    stored = json.loads(json.dumps(stored, default=str))
    if isinstance(stored, dict):
        assert isinstance(shown, dict), where
        for key, value in stored.items():
            assert key in shown, f"{where}.{key} dropped by the response schema"
            assert_shown_whole(value, shown[key], f"{where}.{key}")
    elif isinstance(stored, list):
        assert isinstance(shown, list) and len(shown) == len(stored), where
        for index, (a, b) in enumerate(zip(stored, shown)):
            assert_shown_whole(a, b, f"{where}[{index}]")
    else:
        assert stored == shown, f"{where}: stored {stored!r}, shown {shown!r}"


START = date.today() + timedelta(days=14)  # the offered start date of hires made by `hire`


def advance(app, application_id: str) -> None:
    """invited → … → advanced, as the interview and a reviewer would (only onboarding is under test here)."""
    with app.app_context(), session_scope() as session:
        application = session.get(Application, uuid.UUID(application_id))
        for state in ("in_progress", "completed"):
            transition_application(session, application=application, to_state=state, actor=Actor.system(), reason="test")
        transition_application(session, application=application, to_state="advanced", actor=Actor("hr", uuid.uuid4()),
                               reason="test")


def hire(client, app, hr, job, name="王小明", *, department="公司金融部", before_hire=None) -> tuple[dict, dict]:
    """A hired candidate with a signed-in employee; returns (decision response, employee headers)."""
    application, _ = invite_candidate(client, hr, job["id"], name=name, consent=False)
    advance(app, application["id"])
    if before_hire:
        before_hire(application)
    decided = client.post(f"/api/applications/{application['id']}/decisions", headers=hr, json={
        "to_state": "hired", "reason": "录用", "offer": {"position": "对公客户经理", "department": department,
                                                        "start_date": START.isoformat(), "location": "北京分行", "manager": "陈经理"}})
    assert decided.status_code == 200, decided.json
    login = decided.json["onboarding"]
    signed = client.post("/api/onboard/session", json={"case_id": login["case_id"], "code": login["login_code"]})
    assert signed.status_code == 201, signed.json
    return decided.json, {"Authorization": f"Bearer {signed.json['token']}"}
