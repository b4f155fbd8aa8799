"""The rules that live once in `services/`, tested at the service level on a rolled-back transaction (`db`):
the candidate's view of a question, the reschedule limit and cut-off, a China day of slots."""
from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta, timezone

import pytest

from backend.errors import Conflict
from backend.models import Answer, AnswerStatus, ApplicationState as S
from backend.models.scheduling import Booking, BookingKind, BookingStatus, SchedulePolicy
from backend.services import booking as booking_service
from backend.services import jobs as job_service
from backend.services.accommodations import grant_accommodation
from backend.services.answers import candidate_question, candidate_questions, max_segments, start_question
from backend.services.applications import Actor, create_application, create_candidate, transition_application
from backend.services.auth import create_hr_user
from backend.services.consent import current_notice, record_consent
from backend.services.organizations import ensure_default_organization

from .helpers import JOB

NOW = datetime(2026, 5, 4, 2, 0, tzinfo=timezone.utc)  # 10:00 on 4 May in China


@pytest.fixture()
def world(db):
    """An organization with an HR user, a job of two questions and one invited, consenting candidate (services only)."""
    org = ensure_default_organization(db)
    hr = create_hr_user(db, organization_id=org.id, email=f"hr-{uuid.uuid4().hex[:6]}@example.com", name="hr",
                        role="admin", password="correct horse battery")
    data = {**JOB, "questions": [dict(JOB["questions"][0], think_seconds=30, answer_seconds=100, retakes=1),
                                 dict(JOB["questions"][0], text="第二题：为什么选择银行？", retakes=0)]}
    job = job_service.create_job(db, organization_id=org.id, created_by=hr.id, data=data)
    candidate = create_candidate(db, organization_id=org.id, name="李候选", phone=None, email=None)
    application = create_application(db, job=job, candidate=candidate, actor=Actor("hr", hr.id))
    transition_application(db, application=application, to_state=S.invited, actor=Actor("hr", hr.id))
    me = Actor("candidate", candidate.id)
    for kind in ("media", "ai_evaluation"):
        notice = current_notice(db, organization_id=org.id, kind=kind)
        record_consent(db, application=application, kind=kind, granted=True, notice_version=notice.version,
                       text_sha256=notice.text_sha256, channel="h5", actor=me)
    return {"hr": Actor("hr", hr.id), "me": me, "job": job, "application": application,
            "questions": job_service.list_questions(db, job_id=job.id)}


def test_a_question_is_hidden_until_started_and_shown_with_the_accommodation(db, world):
    application, (first, second) = world["application"], world["questions"]
    before = candidate_questions(db, application=application, questions=[first, second], answers=[])
    assert [q["text"] for q in before] == [None, None] and not any(q["started"] for q in before)
    assert before[0] | {"id": None} == {"id": None, "position": 1, "practice": False, "think_seconds": 30, "answer_seconds": 100,
                                        "retakes": 1, "attempts_left": 2, "retakes_left": 1, "text": None, "started": False}

    grant_accommodation(db, application=application, actor=world["hr"], reason="听障", extra_think_seconds=15,
                        extra_answer_seconds=60, extra_retakes=1)
    start_question(db, application=application, question_id=first.id, actor=world["me"], now=NOW)
    shown = candidate_question(db, application=application, question=first)
    assert shown["text"] == first.text and shown["started"]
    assert (shown["think_seconds"], shown["answer_seconds"], shown["retakes"]) == (45, 160, 2)
    assert (shown["attempts_left"], shown["retakes_left"]) == (2, 2)
    # Starting one question releases that one only.
    assert candidate_question(db, application=application, question=second)["text"] is None
    # The segment count the start announces is the one the upload accepts: with the extra answer time.
    assert max_segments(db, application_id=application.id, question=first, segment_seconds=60) == 3  # (100+60+5)/60


def test_an_unreadable_attempt_is_free_and_the_view_agrees_with_start_question(db, world):
    application, (_, second) = world["application"], world["questions"]  # no retakes
    answer, _ = start_question(db, application=application, question_id=second.id, actor=world["me"], now=NOW)
    assert candidate_question(db, application=application, question=second)["attempts_left"] == 0
    with pytest.raises(Conflict) as refused:
        start_question(db, application=application, question_id=second.id, actor=world["me"], now=NOW)
    assert refused.value.reason == "no_retakes_left"

    answer.status = AnswerStatus.unreadable
    db.add(answer)
    db.flush()
    assert candidate_question(db, application=application, question=second)["attempts_left"] == 1
    again, _ = start_question(db, application=application, question_id=second.id, actor=world["me"], now=NOW)
    assert again.attempt == 2
    assert db.get(Answer, again.id).record_by == NOW + timedelta(seconds=second.think_seconds + second.answer_seconds + 30)


def _booking(*, kind=BookingKind.slot, status=BookingStatus.active, count=0) -> Booking:
    starts = NOW + timedelta(days=2)
    return Booking(organization_id=uuid.uuid4(), job_id=uuid.uuid4(), application_id=uuid.uuid4(), kind=kind, status=status,
                   starts_at=starts, ends_at=starts + timedelta(minutes=30), reschedule_count=count)


@pytest.mark.parametrize("booking, left, until", [
    (_booking(), 2, NOW + timedelta(days=2) - timedelta(hours=24)),
    (_booking(count=1), 1, NOW + timedelta(days=1)),
    (_booking(count=5), 0, NOW + timedelta(days=1)),
    (_booking(kind=BookingKind.open_window), 0, None),
    (_booking(status=BookingStatus.cancelled), 0, None),
])
def test_the_reschedule_allowance_is_the_policys_count_and_cutoff(booking, left, until):
    allowance = booking_service.reschedule_allowance(booking, SchedulePolicy(job_id=uuid.uuid4(), max_reschedules=2,
                                                                             reschedule_cutoff_hours=24))
    assert (allowance.left, allowance.until) == (left, until)


def _slot(db, world, starts_at):
    return booking_service.create_slot(db, job=world["job"], actor=world["hr"], now=NOW, data={
        "starts_at": starts_at, "ends_at": starts_at + timedelta(minutes=30), "capacity": 2})


def test_reschedule_enforces_what_the_booking_view_shows(db, world):
    job, application, me = world["job"], world["application"], world["me"]
    booking_service.set_policy(db, job=job, actor=world["hr"], data={"mode": "slots", "window_hours": 72,
                                                                     "reschedule_cutoff_hours": 24, "max_reschedules": 1})
    first, second, third = (_slot(db, world, NOW + timedelta(days=d)) for d in (3, 4, 5))
    details = booking_service.book(db, application_id=application.id, slot_id=first.id, actor=me, now=NOW)
    assert (details.reschedule.left, details.reschedule.until) == (1, first.starts_at - timedelta(hours=24))

    # Past the cut-off the view says so and the service refuses, at the same instant.
    with pytest.raises(Conflict) as late:
        booking_service.reschedule(db, application_id=application.id, slot_id=second.id, actor=me,
                                   now=details.reschedule.until)
    assert late.value.reason == "reschedule_cutoff"
    moved = booking_service.reschedule(db, application_id=application.id, slot_id=second.id, actor=me,
                                       now=details.reschedule.until - timedelta(seconds=1))
    assert (moved.booking.slot_id, moved.reschedule.left) == (second.id, 0)
    with pytest.raises(Conflict) as spent:
        booking_service.reschedule(db, application_id=application.id, slot_id=third.id, actor=me, now=NOW)
    assert spent.value.reason == "reschedule_limit"


def test_a_china_day_of_slots_runs_from_midnight_to_midnight_in_shanghai(db, world):
    china = timezone(timedelta(hours=8))
    inside = [_slot(db, world, datetime(2026, 5, 6, h, m, tzinfo=china)) for h, m in ((0, 0), (23, 30))]
    for outside in (datetime(2026, 5, 5, 23, 30, tzinfo=china), datetime(2026, 5, 7, 0, 0, tzinfo=china)):
        _slot(db, world, outside)
    day = booking_service.slots_on_day(db, job=world["job"], day=date(2026, 5, 6))
    assert [slot.id for slot, bookings in day] == [s.id for s in inside]


def test_a_checklist_task_is_overdue_after_its_china_due_day_and_progress_counts_the_same():
    from backend.models.onboarding import ChecklistTask
    from backend.services.checklists import is_overdue, progress

    today = date(2026, 5, 6)
    tasks = [ChecklistTask(case_id=uuid.uuid4(), key=k, title=k, owner="employee", kind="other", due_date=due, done_at=done)
             for k, due, done in (("due-yesterday", date(2026, 5, 5), None), ("due-today", today, None),
                                  ("done-late", date(2026, 5, 1), NOW))]
    assert [is_overdue(t, today=today) for t in tasks] == [True, False, False]
    assert progress(tasks, today=today) == {"done": 1, "total": 3, "percent": 33, "overdue": 1}
