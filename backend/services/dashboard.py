"""The HR home page of one organization: today's interviews (China day), answers no human has reviewed yet, overdue
invitations, interviews waiting for a decision, and the hiring funnel."""
from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import and_, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, func, select

from ..models import Answer, Application, ApplicationState as S, Candidate, Job, Question
from ..models.interviews import AnswerStatus
from ..models.scheduling import Booking, BookingKind, BookingStatus
from ..models.scores import HumanScore
from . import analytics
from .notifications import overdue

LIST_LIMIT = 20
REVIEWABLE = (AnswerStatus.scored, AnswerStatus.insufficient_evidence, AnswerStatus.human_review)
INTERVIEW_DONE = (S.completed, S.scored)


def overdue_condition():
    """The one overdue rule (the pipeline's badge and the nudge sweep use it too)."""
    return overdue()


def todays_interviews(session: Session, *, organization_id: uuid.UUID, today: date) -> list[dict]:
    """Active bookings whose slot starts today, or whose open window closes today (China time), earliest first."""
    start, end = analytics.day_start(today), analytics.day_start(today + timedelta(days=1))
    at = func.coalesce(Booking.deadline_at, Booking.starts_at)
    rows = session.exec(
        select(Booking, Application, Candidate, Job).join(Application, Application.id == Booking.application_id)
        .join(Candidate, Candidate.id == Application.candidate_id).join(Job, Job.id == Booking.job_id)
        .where(Booking.organization_id == organization_id, Booking.status == BookingStatus.active,
               or_(and_(Booking.kind == BookingKind.slot, Booking.starts_at >= start, Booking.starts_at < end),
                   and_(Booking.kind == BookingKind.open_window, Booking.deadline_at >= start, Booking.deadline_at < end)))
        .order_by(at)).all()
    return [{"booking_id": booking.id, "application_id": application.id, "candidate_name": candidate.name,
             "job_id": job.id, "job_title": job.title, "kind": booking.kind, "starts_at": booking.starts_at,
             "ends_at": booking.ends_at, "deadline_at": booking.deadline_at, "state": application.state}
            for booking, application, candidate, job in rows]


def answers_awaiting_review(session: Session, *, organization_id: uuid.UUID) -> tuple[int, list[dict]]:
    """The newest attempt of each answer of a finished interview that no human has scored yet, oldest first."""
    later = aliased(Answer)
    retaken = select(later.id).where(later.application_id == Answer.application_id, later.question_id == Answer.question_id,
                                     later.attempt > Answer.attempt).exists()
    reviewed = select(HumanScore.id).where(HumanScore.answer_id == Answer.id).exists()
    conditions = [Application.organization_id == organization_id, Application.state.in_(INTERVIEW_DONE),
                  Answer.status.in_(REVIEWABLE), ~reviewed, ~retaken]
    base = (select(Answer, Application, Candidate, Job, Question).join(Application, Application.id == Answer.application_id)
            .join(Candidate, Candidate.id == Application.candidate_id).join(Job, Job.id == Application.job_id)
            .join(Question, Question.id == Answer.question_id).where(*conditions))
    total = session.exec(select(func.count()).select_from(base.subquery())).one()
    rows = session.exec(base.order_by(Answer.submitted_at, Question.position).limit(LIST_LIMIT)).all()
    return total, [{"answer_id": answer.id, "application_id": application.id, "candidate_name": candidate.name,
                    "job_id": job.id, "job_title": job.title, "question_position": question.position,
                    "status": answer.status, "submitted_at": answer.submitted_at}
                   for answer, application, candidate, job, question in rows]


def overdue_invitations(session: Session, *, organization_id: uuid.UUID) -> tuple[int, list[dict]]:
    conditions = [Application.organization_id == organization_id, overdue_condition()]
    total = session.exec(select(func.count()).select_from(Application).where(*conditions)).one()
    rows = session.exec(select(Application, Candidate, Job).join(Candidate, Candidate.id == Application.candidate_id)
                        .join(Job, Job.id == Application.job_id).where(*conditions)
                        .order_by(Application.updated_at).limit(LIST_LIMIT)).all()
    return total, [{"application_id": application.id, "candidate_name": candidate.name, "job_id": job.id,
                    "job_title": job.title, "invited_at": application.updated_at}
                   for application, candidate, job in rows]


def home(session: Session, *, organization_id: uuid.UUID, today: date | None = None) -> dict:
    today = today or analytics.china_today()
    interviews = todays_interviews(session, organization_id=organization_id, today=today)
    review_count, review = answers_awaiting_review(session, organization_id=organization_id)
    overdue_count, overdue = overdue_invitations(session, organization_id=organization_id)
    awaiting_decision = session.exec(select(func.count()).select_from(Application).where(
        Application.organization_id == organization_id, Application.state.in_(INTERVIEW_DONE))).one()
    return {"date": today.isoformat(), "interviews_today": interviews,
            "awaiting_review": {"count": review_count, "items": review},
            "overdue": {"count": overdue_count, "items": overdue}, "awaiting_decision": awaiting_decision,
            "funnel": analytics.funnel(session, scope=analytics.Scope(organization_id=organization_id))}
