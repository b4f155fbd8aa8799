"""Analytics endpoints on SQLite and PostgreSQL: a small known history (moved through the services, then its event
times set) gives known funnel, stage times, drop-off, rejection reasons, AI agreement and daily counts."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from sqlmodel import select

from backend.db import session_scope
from backend.models import Event, HrUser, Job
from backend.services.applications import Actor, create_application, create_candidate, record_event, transition_application
from backend.services.decisions import DecisionMessage, decide

from .helpers import create_job

# The analytics queries are written per dialect (time arithmetic, China days, JSON fields).
pytestmark = pytest.mark.both_databases

BASE = datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc)  # 09:00 on 2 March in China
ENDPOINTS = ("funnel", "drop-off", "stage-times", "rejection-reasons", "ai-agreement", "daily")


def _history(app, job_id: str, steps: list[tuple], *, created_hours: float = 0.0) -> uuid.UUID:
    """One application moved through `steps` = (to_state, hours after creation, actor type, extra); times then set."""
    with app.app_context(), session_scope() as session:
        job = session.get(Job, uuid.UUID(job_id))
        hr = session.exec(select(HrUser).where(HrUser.organization_id == job.organization_id)).first()
        candidate = create_candidate(session, organization_id=job.organization_id, name="候选人", phone=None, email=None)
        application = create_application(session, job=job, candidate=candidate, actor=Actor("hr", hr.id))
        times = {}
        for to_state, hours, actor_type, extra in steps:
            actor = Actor("hr", hr.id) if actor_type == "hr" else Actor(actor_type)
            if extra.get("feedback_code") is not None or to_state == "rejected":
                event = decide(session, application=application, to_state=to_state, actor=actor, reason="不合适",
                               message=DecisionMessage(send=False, feedback_code=extra.get("feedback_code")))
            else:
                event = transition_application(session, application=application, to_state=to_state, actor=actor,
                                               reason=extra.get("reason", "test"))
            times[event.id] = BASE + timedelta(hours=created_hours + hours)
            if to_state == "scored":
                scored = record_event(session, application=application, kind="interview_scored", actor=Actor.system(),
                                      data={"shadow_mode": extra.get("shadow", False)})
                times[scored.id] = BASE + timedelta(hours=created_hours + hours)
                if extra.get("proposed"):
                    proposal = record_event(session, application=application, kind="advance_proposed", actor=Actor.system())
                    times[proposal.id] = BASE + timedelta(hours=created_hours + hours)
        application.created_at = BASE + timedelta(hours=created_hours)
        session.add(application)
        # The log is append-only for the app; the test sets its history's times underneath it.
        table = Event.__table__
        backdate = sa.text("UPDATE event SET created_at = :at WHERE id = :id").bindparams(
            sa.bindparam("at", type_=table.c.created_at.type), sa.bindparam("id", type_=table.c.id.type))
        for event in session.exec(select(Event).where(Event.application_id == application.id)).all():
            session.connection().execute(backdate, {"at": times.get(event.id, application.created_at), "id": event.id})
        return application.id


INTERVIEW = [("invited", 1, "hr", {}), ("booked", 3, "candidate", {}), ("in_progress", 27, "candidate", {}),
             ("completed", 28, "candidate", {})]


@pytest.fixture()
def history(app, client, make_hr):
    """Five applications of one job: hired, rejected after an interview, rejected at invitation, waiting, withdrawn."""
    hr = make_hr("recruiter")
    job = create_job(client, hr)
    ids = {
        "hired": _history(app, job["id"], INTERVIEW + [("scored", 29, "system", {"proposed": True}),
                                                        ("advanced", 39, "hr", {}), ("hired", 60, "hr", {})]),
        "rejected": _history(app, job["id"], INTERVIEW + [("scored", 29, "system", {}),
                                                           ("rejected", 49, "hr", {"feedback_code": "experience"})]),
        "early_reject": _history(app, job["id"], [("invited", 1, "hr", {}),
                                                   ("rejected", 2, "hr", {"feedback_code": "experience"})], created_hours=24),
        "waiting": _history(app, job["id"], [("invited", 1, "hr", {})], created_hours=24),
        "withdrawn": _history(app, job["id"], [("invited", 1, "hr", {}), ("withdrawn", 5, "candidate", {})], created_hours=48),
    }
    return {"hr": hr, "job": job, "ids": ids}


def _get(client, hr, endpoint, **query):
    response = client.get(f"/api/analytics/{endpoint}", headers=hr, query_string=query)
    assert response.status_code == 200, response.json
    return response.json


def test_funnel_and_drop_off(client, history):
    hr, job = history["hr"], history["job"]
    funnel = {row["state"]: row for row in _get(client, hr, "funnel", job_id=job["id"])}
    assert [funnel[s]["reached"] for s in ("applied", "invited", "booked", "in_progress", "completed", "scored",
                                           "advanced", "hired")] == [5, 5, 2, 2, 2, 2, 1, 1]
    assert funnel["applied"]["conversion"] is None and funnel["booked"]["conversion"] == 0.4
    assert funnel["invited"]["label"] == "待预约"
    drop = {row["state"]: row for row in _get(client, hr, "drop-off", job_id=job["id"])}
    assert drop["invited"] == dict(drop["invited"], reached=5, waiting=1, rejected=1, withdrawn=1, drop_rate=0.4)
    assert drop["scored"]["rejected"] == 1 and drop["scored"]["drop_rate"] == 0.5


def test_stage_times_and_time_to_decision(client, history):
    times = _get(client, history["hr"], "stage-times", job_id=history["job"]["id"])
    stages = {row["state"]: row for row in times["stages"]}
    # invited: 2 h (booked after 3 h), 2 h, 1 h (rejected), 4 h (withdrawn); the waiting one is still open.
    assert stages["invited"]["n"] == 4 and stages["invited"]["median_hours"] == 2.0
    assert stages["invited"]["p90_hours"] == pytest.approx(3.4)
    assert stages["booked"] == dict(stages["booked"], n=2, median_hours=24.0, p90_hours=24.0)
    assert stages["applied"]["n"] == 5 and stages["applied"]["median_hours"] == 1.0
    # completed at 28 h; decided at 39 h (advance) and 49 h (rejection)
    assert times["time_to_decision"] == {"n": 2, "median_hours": 16.0, "p90_hours": 20.0}


def test_rejection_reasons_ai_agreement_and_daily(client, history):
    hr, job = history["hr"], history["job"]
    reasons = _get(client, hr, "rejection-reasons", job_id=job["id"])
    assert reasons == [{"code": "experience", "label": "相关经验暂不满足岗位要求", "count": 2, "share": 1.0}]
    agreement = _get(client, hr, "ai-agreement", job_id=job["id"])
    assert agreement == dict(agreement, decided=2, agreed=2, agreement_rate=1.0, proposed_advanced=1,
                             not_proposed_rejected=1, proposed_rejected=0, undecided=0, shadow_mode=0)
    daily = {row["date"]: row for row in _get(client, hr, "daily", job_id=job["id"], date_from="2026-03-02",
                                                date_to="2026-03-06")}
    assert list(daily) == ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]
    # completions at 28 h after 09:00 on the 2nd = 13:00 on the 3rd (China time)
    assert daily["2026-03-03"]["completions"] == 2 and sum(d["completions"] for d in daily.values()) == 2


def test_date_range_is_a_cohort_of_creation_days(client, history):
    hr, job = history["hr"], history["job"]
    funnel = _get(client, hr, "funnel", job_id=job["id"], date_from="2026-03-03", date_to="2026-03-03")
    assert funnel[0]["reached"] == 2  # the two created on the 3rd
    assert _get(client, hr, "funnel", date_from="2026-04-01", date_to="2026-04-30")[0]["reached"] == 0


def test_bad_filters_are_4xx(client, history):
    hr = history["hr"]
    for query in ({"date_from": "2026-13-01"}, {"date_from": "2026-03-05", "date_to": "2026-03-01"},
                  {"date_from": "2024-01-01", "date_to": "2026-01-01"}, {"job_id": "not-a-uuid"}, {"job_id": 5}):
        for endpoint in ENDPOINTS:
            response = client.get(f"/api/analytics/{endpoint}", headers=hr, query_string=query)
            assert response.status_code == 422, (endpoint, query, response.json)
            assert response.json["message"]
    missing = client.get("/api/analytics/funnel", headers=hr, query_string={"job_id": str(uuid.uuid4())})
    assert missing.status_code == 404


def test_another_organization_sees_none_of_it(client, make_hr, history):
    other = make_hr("recruiter", organization="other-bank")
    for endpoint in ENDPOINTS:
        response = client.get(f"/api/analytics/{endpoint}", headers=other, query_string={"job_id": history["job"]["id"]})
        assert response.status_code == 404
    funnel = _get(client, other, "funnel")
    assert all(row["reached"] == 0 for row in funnel)
    assert _get(client, other, "rejection-reasons") == []
    assert _get(client, other, "ai-agreement")["decided"] == 0
    assert all(row["completions"] == 0 for row in _get(client, other, "daily", date_from="2026-03-01", date_to="2026-03-10"))


def test_only_admins_and_recruiters_read_analytics(client, make_hr, history):
    interviewer = make_hr("interviewer")
    assert client.get("/api/analytics/funnel", headers=interviewer).status_code == 403
    assert client.get("/api/analytics/funnel").status_code == 401
