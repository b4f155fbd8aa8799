"""HR decisions tell the candidate: the next round with its time, or a rejection with standardized feedback."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest

from backend.db import session_scope
from backend.models import Application
from backend.notify.templates import STANDARD_FEEDBACK
from backend.services.applications import Actor, transition_application

from .helpers import JOB, create_job, invite_candidate


def _move_to_completed(app, application_id: str) -> None:
    """invited → in_progress → completed, as the interview service would (only the decision is under test here)."""
    with app.app_context(), session_scope() as session:
        application = session.get(Application, uuid.UUID(application_id))
        for state in ("in_progress", "completed"):
            transition_application(session, application=application, to_state=state, actor=Actor.system(), reason="test")


def _messages(client, me) -> list[dict]:
    response = client.get("/api/candidate/messages", headers=me)
    assert response.status_code == 200
    return response.json


# -- decisions ------------------------------------------------------------------------------------------------

def test_rejection_sends_the_standardized_feedback_never_the_internal_reason(client, make_hr, run_jobs):
    hr = make_hr()
    job = create_job(client, hr)
    application, me = invite_candidate(client, hr, job["id"])
    url = f"/api/applications/{application['id']}/decisions"
    internal = "面试官内部意见：表达欠清晰"
    decided = client.post(url, headers=hr, json={"to_state": "rejected", "reason": internal, "feedback_code": "experience"})
    assert decided.status_code == 200 and decided.json["state"] == "rejected"
    run_jobs()
    rejection = [m for m in _messages(client, me) if m["template"] == "rejection"]
    assert len(rejection) == 1
    assert STANDARD_FEEDBACK["experience"][1] in rejection[0]["body"]
    assert internal not in rejection[0]["body"] and "表达欠清晰" not in rejection[0]["title"]
    outbox = client.get(f"/api/applications/{application['id']}/notifications", headers=hr).json
    assert [o["template"] for o in outbox if o["template"] == "rejection"] == ["rejection"]
    assert next(o for o in outbox if o["template"] == "rejection")["status"] == "sent"
    events = client.get(f"/api/applications/{application['id']}", headers=hr).json["events"]
    assert any(e["to_state"] == "rejected" and e["reason"] == internal for e in events)


def test_rejection_without_a_code_uses_the_general_text_and_silent_decisions_send_nothing(client, make_hr, run_jobs):
    hr = make_hr()
    job = create_job(client, hr)
    first, me_first = invite_candidate(client, hr, job["id"], name="甲")
    second, me_second = invite_candidate(client, hr, job["id"], name="乙")
    assert client.post(f"/api/applications/{first['id']}/decisions", headers=hr,
                       json={"to_state": "rejected", "reason": "岗位已满"}).status_code == 200
    assert client.post(f"/api/applications/{second['id']}/decisions", headers=hr,
                       json={"to_state": "rejected", "reason": "候选人已另有安排", "notify": False}).status_code == 200
    run_jobs()
    [general] = [m for m in _messages(client, me_first) if m["template"] == "rejection"]
    assert STANDARD_FEEDBACK["general"][1] in general["body"]
    assert not [m for m in _messages(client, me_second) if m["template"] == "rejection"]


def test_bad_decision_input_is_a_4xx_and_changes_nothing(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)
    application, _ = invite_candidate(client, hr, job["id"])
    url = f"/api/applications/{application['id']}/decisions"
    bad_code = client.post(url, headers=hr, json={"to_state": "rejected", "reason": "不合适", "feedback_code": "you_are_bad"})
    assert bad_code.status_code == 422 and "feedback_code" in str(bad_code.json)
    long_round = client.post(url, headers=hr, json={"to_state": "rejected", "reason": "不合适",
                                                    "next_round": {"round_name": "x" * 21, "starts_at": "2030-01-01T09:00:00+08:00"}})
    assert long_round.status_code == 422
    naive = client.post(url, headers=hr, json={"to_state": "rejected", "reason": "不合适",
                                               "next_round": {"round_name": "二面", "starts_at": "2030-01-01T09:00:00"}})
    assert naive.status_code == 422
    assert client.get(f"/api/applications/{application['id']}", headers=hr).json["state"] == "invited"
    other_org = make_hr(organization="别的银行")
    assert client.post(url, headers=other_org, json={"to_state": "rejected", "reason": "不合适"}).status_code == 404


def test_advance_to_the_next_round_tells_the_candidate_when_and_what(client, make_hr, run_jobs, app):
    hr = make_hr()
    job = create_job(client, hr)
    application, me = invite_candidate(client, hr, job["id"])
    _move_to_completed(app, application["id"])
    url = f"/api/applications/{application['id']}/decisions"
    past = client.post(url, headers=hr, json={"to_state": "advanced", "reason": "表现良好",
                                              "next_round": {"round_name": "二面", "starts_at": "2020-01-01T09:00:00+08:00"}})
    assert past.status_code == 422 and past.json["reason"] == "next_round_in_past"
    assert client.get(f"/api/applications/{application['id']}", headers=hr).json["state"] == "completed"
    starts = (datetime.now(timezone.utc) + timedelta(days=3)).replace(microsecond=0)
    decided = client.post(url, headers=hr, json={"to_state": "advanced", "reason": "表现良好",
                                                 "next_round": {"round_name": "二面（业务部门）", "starts_at": starts.isoformat()}})
    assert decided.status_code == 200 and decided.json["state"] == "advanced"
    run_jobs()
    [message] = [m for m in _messages(client, me) if m["template"] == "next_round"]
    beijing = starts.astimezone(timezone(timedelta(hours=8)))
    assert "二面（业务部门）" in message["body"] and f"{beijing:%H:%M}" in message["body"]
    assert "表现良好" not in message["body"]


def test_without_wechat_an_invitation_says_why_it_has_no_qr_code(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)
    application = client.post("/api/applications", json={"job_id": job["id"], "candidate": {"name": "无码"}}, headers=hr).json
    issued = client.post(f"/api/applications/{application['id']}/invitations", headers=hr, json={"notify": False}).json
    assert issued["qr_url"] is None and issued["qr_error"] == "wechat_not_configured"


def test_a_job_with_auto_release_shows_the_decision_at_once_with_one_message(client, make_hr, run_jobs):
    hr = make_hr()
    job = create_job(client, hr, dict(JOB, thresholds={"auto_release": True}))
    application, me = invite_candidate(client, hr, job["id"])
    assert client.get("/api/candidate/result", headers=me).status_code == 404
    decided = client.post(f"/api/applications/{application['id']}/decisions", headers=hr,
                          json={"to_state": "rejected", "reason": "岗位已满", "feedback_code": "position_filled"})
    assert decided.status_code == 200
    assert client.get("/api/candidate/result", headers=me).json["label"] == "未通过"
    run_jobs()
    templates = [o["template"] for o in client.get(f"/api/applications/{application['id']}/notifications", headers=hr).json]
    assert templates.count("rejection") == 1 and "result_available" not in templates


def test_the_system_may_only_advance_and_only_for_a_job_that_opted_in(client, make_hr, app):
    from backend.errors import Invalid

    hr = make_hr()
    plain = create_job(client, hr)
    opted = create_job(client, hr, dict(JOB, thresholds={"auto_advance": True}))
    for job, may_advance in ((plain, False), (opted, True)):
        application, _ = invite_candidate(client, hr, job["id"])
        _move_to_completed(app, application["id"])
        with app.app_context(), session_scope() as session:
            row = session.get(Application, uuid.UUID(application["id"]))
            with pytest.raises(Invalid):  # never an automatic rejection, opted in or not
                transition_application(session, application=row, to_state="rejected", actor=Actor.system(), reason="低分")
            with pytest.raises(Invalid):  # never without a reason
                transition_application(session, application=row, to_state="advanced", actor=Actor.system(), reason=" ")
            if may_advance:
                transition_application(session, application=row, to_state="advanced", actor=Actor.system(), reason="≥ 80")
            else:
                with pytest.raises(Invalid):
                    transition_application(session, application=row, to_state="advanced", actor=Actor.system(), reason="≥ 80")
