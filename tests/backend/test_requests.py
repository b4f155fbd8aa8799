"""Accommodations widen the server's limits; candidates file requests and read their timeline; HR nudges once a day."""
from __future__ import annotations

from .helpers import create_job, invite_candidate, start_question


def test_accommodation_grants_extra_retakes_and_time(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)  # one question, one retake
    application, me = invite_candidate(client, hr, job["id"])
    question_id = job["questions"][0]["id"]
    plain = start_question(client, me, question_id)
    start_question(client, me, question_id)
    assert client.post(f"/api/candidate/questions/{question_id}/start", headers=me).status_code == 409
    url = f"/api/applications/{application['id']}/accommodation"
    assert client.put(url, headers=hr, json={"extra_retakes": 1}).status_code == 422  # a reason is required
    granted = client.put(url, headers=hr, json={"extra_retakes": 1, "extra_think_seconds": 60, "reason": "听力障碍，需要更多准备时间"})
    assert granted.status_code == 200
    extended = start_question(client, me, question_id)
    assert extended["attempt"] == 3
    from datetime import datetime

    window = lambda s: (datetime.fromisoformat(s["record_by"]) - datetime.fromisoformat(s["started_at"])).total_seconds()  # noqa: E731
    assert window(extended) - window(plain) == 60
    events = client.get(f"/api/applications/{application['id']}", headers=hr).json["events"]
    assert any(e["kind"] == "accommodation_granted" and e["reason"] for e in events)
    assert client.put(url, headers=make_hr(organization="elsewhere"), json={"reason": "xx"}).status_code == 404


def test_candidate_requests_and_status_timeline(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)
    application, me = invite_candidate(client, hr, job["id"])
    status = client.get("/api/candidate/status", headers=me).json
    assert status["label"] == "待预约" and [t["label"] for t in status["timeline"]] == ["待预约"]
    for kind in ("explanation", "human_review", "deletion"):
        assert client.post("/api/candidate/requests", headers=me, json={"kind": kind, "message": "请说明"}).status_code == 201
    again = client.post("/api/candidate/requests", headers=me, json={"kind": "deletion"})
    assert again.status_code == 409 and again.json["reason"] == "request_open"
    assert client.post("/api/candidate/requests", headers=me, json={"kind": "emotion"}).status_code == 422
    listed = client.get(f"/api/applications/{application['id']}/requests", headers=hr).json
    assert [r["kind"] for r in listed] == ["explanation", "human_review", "deletion"]
    assert len(client.get("/api/candidate/status", headers=me).json["requests"]) == 3


def test_one_tap_nudge_once_a_day(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)
    application, _ = invite_candidate(client, hr, job["id"])
    url = f"/api/applications/{application['id']}/nudge"
    assert client.post(url, headers=hr).status_code == 202
    again = client.post(url, headers=hr)
    assert again.status_code == 409 and again.json["reason"] == "nudged_today"
    assert client.post(url, headers=make_hr("interviewer")).status_code == 403
