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


def test_hr_answers_an_explanation_in_writing_and_the_candidate_reads_it(client, make_hr, run_jobs):
    hr = make_hr()
    job = create_job(client, hr)
    application, me = invite_candidate(client, hr, job["id"])
    filed = {kind: client.post("/api/candidate/requests", headers=me, json={"kind": kind, "message": "请说明"}).json
             for kind in ("explanation", "deletion")}
    url = lambda kind: f"/api/applications/{application['id']}/requests/{filed[kind]['id']}/answer"  # noqa: E731
    answer = "您的评分依据为三道题的回答要点，详见评估说明；如有异议可申请人工复核。"

    too_short = client.post(url("explanation"), headers=hr, json={"response": "好的"})
    assert too_short.status_code == 422
    assert client.post(url("explanation"), headers=make_hr("interviewer"), json={"response": answer}).status_code == 403
    assert client.post(url("explanation"), headers=make_hr(organization="elsewhere"), json={"response": answer}).status_code == 404
    other_application, _ = invite_candidate(client, hr, job["id"])
    wrong = client.post(f"/api/applications/{other_application['id']}/requests/{filed['explanation']['id']}/answer",
                        headers=hr, json={"response": answer})
    assert wrong.status_code == 404 and wrong.json["reason"] == "request_not_found"
    deletion = client.post(url("deletion"), headers=hr, json={"response": answer})
    assert deletion.status_code == 422 and deletion.json["reason"] == "request_not_answerable"

    answered = client.post(url("explanation"), headers=hr, json={"response": f"  {answer} "})
    assert answered.status_code == 200, answered.json
    assert answered.json["status"] == "answered" and answered.json["response"] == answer and answered.json["answered_at"]
    again = client.post(url("explanation"), headers=hr, json={"response": answer})
    assert again.status_code == 409 and again.json["reason"] == "request_answered"

    status = client.get("/api/candidate/status", headers=me).json
    mine = {r["kind"]: r for r in status["requests"]}
    assert mine["explanation"]["response"] == answer and mine["deletion"]["status"] == "open"
    assert "request_answered" in [t["kind"] for t in status["timeline"]]
    # a new explanation may be asked once the first is answered
    assert client.post("/api/candidate/requests", headers=me, json={"kind": "explanation"}).status_code == 201
    run_jobs()
    outbox = client.get(f"/api/applications/{application['id']}/notifications", headers=hr).json
    assert [o["status"] for o in outbox if o["template"] == "request_answered"] == ["sent"], outbox
    inbox = client.get("/api/candidate/messages", headers=me).json
    assert any("评估说明申请已有答复" in m["title"] and answer in m["body"] for m in inbox), inbox
