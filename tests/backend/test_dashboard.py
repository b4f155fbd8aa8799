"""The HR home page over the API, on SQLite and PostgreSQL: today's interviews (China day), answers waiting for a human,
overdue invitations, the funnel; another organization sees none of it."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from backend.db import session_scope
from backend.models import Application, Invitation, utcnow
from backend.services import dashboard
from backend.services.analytics import china_today
from backend.wechat.subscribe import CHINA_TZ

from .helpers import answer_question, create_job, invite_candidate, silent_wav
from .test_booking import book, make_slot

# The analytics queries are written per dialect (time arithmetic, China days, JSON fields).
pytestmark = pytest.mark.both_databases


def _home(client, headers) -> dict:
    response = client.get("/api/dashboard", headers=headers)
    assert response.status_code == 200, response.json
    return response.json


def test_todays_interviews_are_the_bookings_of_the_china_day(app, client, make_hr):
    hr = make_hr("recruiter")
    job = create_job(client, hr)
    slot = make_slot(client, hr, job["id"], in_hours=48)
    application, me = invite_candidate(client, hr, job["id"], name="张今天")
    assert book(client, me, slot["id"]).status_code == 201
    assert _home(client, hr)["interviews_today"] == []  # the day after tomorrow
    day = datetime.fromisoformat(slot["starts_at"]).astimezone(CHINA_TZ).date()
    with app.app_context(), session_scope() as session:
        organization_id = session.get(Application, uuid.UUID(application["id"])).organization_id
        listed = dashboard.todays_interviews(session, organization_id=organization_id, today=day)
        assert [(row["candidate_name"], row["kind"]) for row in listed] == [("张今天", "slot")]
        assert dashboard.todays_interviews(session, organization_id=organization_id, today=day + timedelta(days=1)) == []
        assert dashboard.todays_interviews(session, organization_id=uuid.uuid4(), today=day) == []


def test_answers_wait_for_review_until_a_human_scores_them(client, make_hr):
    hr = make_hr("recruiter")
    job = create_job(client, hr)
    application, me = invite_candidate(client, hr, job["id"], name="李复核", ai=False)  # AI declined: human review
    question = client.get("/api/candidate/interview", headers=me).json["questions"][0]
    assert answer_question(client, me, question["id"], silent_wav()).status_code == 201
    assert _home(client, hr)["awaiting_review"]["count"] == 0  # the interview is not finished yet
    assert client.post("/api/candidate/interview/finish", headers=me).status_code == 200
    home = _home(client, hr)
    assert home["awaiting_review"]["count"] == 1 and home["awaiting_decision"] == 1
    item = home["awaiting_review"]["items"][0]
    assert item["candidate_name"] == "李复核" and item["status"] == "human_review" and item["question_position"] == 1
    scored = client.post(f"/api/answers/{item['answer_id']}/human-scores", headers=hr,
                         json={"overall": 60, "competency_scores": {"客户导向": 60, "沟通能力": 60}})
    assert scored.status_code == 201, scored.json
    assert _home(client, hr)["awaiting_review"]["count"] == 0


def test_overdue_invitations_and_the_funnel(app, client, make_hr):
    hr = make_hr("recruiter")
    job = create_job(client, hr)
    late, _ = invite_candidate(client, hr, job["id"], name="王逾期", consent=False)
    invite_candidate(client, hr, job["id"], name="赵刚邀", consent=False)
    with app.app_context(), session_scope() as session:  # the invitation has waited two days without a booking
        invitation = session.exec(select(Invitation).where(Invitation.application_id == uuid.UUID(late["id"]))).one()
        invitation.created_at = utcnow() - timedelta(days=2)
        session.add(invitation)
    home = _home(client, hr)
    assert home["overdue"]["count"] == 1 and home["overdue"]["items"][0]["candidate_name"] == "王逾期"
    assert home["date"] == china_today().isoformat()
    funnel = {row["state"]: row for row in home["funnel"]}
    assert funnel["applied"]["reached"] == 2 and funnel["invited"]["reached"] == 2 and funnel["booked"]["reached"] == 0
    assert funnel["invited"]["label"] == "待预约"

    other = make_hr("admin", organization="other-bank")
    theirs = _home(client, other)
    assert theirs["overdue"]["count"] == 0 and theirs["interviews_today"] == [] and theirs["awaiting_review"]["count"] == 0
    assert all(row["reached"] == 0 for row in theirs["funnel"])
    assert client.get("/api/dashboard").status_code == 401
