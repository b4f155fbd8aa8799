"""Mentor matching: employees HR marks as willing mentors, suggestions for a hire (department, location, skills that
cover the hire's gaps, free capacity) with reasons, and HR's confirmation that notifies both."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlmodel import Session, func, select

from ..errors import Conflict, Invalid, NotFound
from ..models import Application, utcnow
from ..models.onboarding import CaseStage, Employee, OnboardingCase
from . import webhooks
from .applications import Actor, record_event
from .notifications import notify
from .onboarding import hris_payload
from .training import gaps_of


@dataclass(frozen=True)
class MentorSuggestion:
    employee: Employee
    score: int
    load: int
    reasons: list[str]


def save_employee(session: Session, *, organization_id: uuid.UUID, employee: Employee | None = None, **values) -> Employee:
    """Add an employee (e.g. an existing colleague who mentors) or change one; `is_mentor` needs a capacity."""
    employee = employee or Employee(organization_id=organization_id, name=values["name"])
    for name, value in values.items():
        setattr(employee, name, value)
    if employee.is_mentor and employee.mentor_capacity < 1:
        raise Invalid("a mentor needs a capacity of at least 1", reason="bad_capacity", errors={"mentor_capacity": [">= 1"]})
    session.add(employee)
    session.flush()
    return employee


def get_employee(session: Session, *, organization_id: uuid.UUID, employee_id: uuid.UUID) -> Employee:
    employee = session.get(Employee, employee_id)
    if employee is None or employee.organization_id != organization_id:
        raise NotFound("employee not found")
    return employee


def employees_of(session: Session, *, organization_id: uuid.UUID, mentors_only: bool = False) -> list[Employee]:
    query = select(Employee).where(Employee.organization_id == organization_id)
    if mentors_only:
        query = query.where(Employee.is_mentor == True)  # noqa: E712
    return list(session.exec(query.order_by(Employee.name)))


def load_of(session: Session, *, mentor_id: uuid.UUID) -> int:
    """Hires the mentor currently accompanies (cases not completed)."""
    return session.exec(select(func.count()).select_from(OnboardingCase).where(
        OnboardingCase.mentor_id == mentor_id, OnboardingCase.stage != CaseStage.completed)).one()


def suggest(session: Session, *, case: OnboardingCase, limit: int = 5) -> list[MentorSuggestion]:
    """Mentors with free capacity, best first: same department (+3), same location (+2), each gap they cover (+2),
    fewer current mentees (tie-break)."""
    gaps = set(gaps_of(session, case=case))
    found = []
    for mentor in employees_of(session, organization_id=case.organization_id, mentors_only=True):
        if mentor.id == case.employee_id:
            continue
        load = load_of(session, mentor_id=mentor.id)
        if load >= mentor.mentor_capacity:
            continue
        score, reasons = 0, []
        if mentor.department and mentor.department == case.department:
            score += 3
            reasons.append(f"同部门（{case.department}）")
        if mentor.location and mentor.location == case.location:
            score += 2
            reasons.append(f"同地点（{case.location}）")
        covered = sorted(gaps & set(mentor.skills or []))
        if covered:
            score += 2 * len(covered)
            reasons.append(f"擅长新人待提升的能力：{'、'.join(covered)}")
        reasons.append(f"当前带教 {load}/{mentor.mentor_capacity} 人")
        found.append(MentorSuggestion(employee=mentor, score=score, load=load, reasons=reasons))
    found.sort(key=lambda s: (-s.score, s.load, s.employee.name))
    return found[:limit]


def assign(session: Session, *, case: OnboardingCase, mentor_id: uuid.UUID, actor: Actor) -> OnboardingCase:
    """HR confirms a mentor: the hire gets a message, the mentor one too when they came through QingPin, and the
    HRIS receives `onboarding.mentor_assigned` (which reaches every mentor through the organization's own systems)."""
    mentor = get_employee(session, organization_id=case.organization_id, employee_id=mentor_id)
    if not mentor.is_mentor:
        raise Conflict("this employee is not marked as a mentor", reason="not_a_mentor")
    if case.mentor_id != mentor.id and load_of(session, mentor_id=mentor.id) >= mentor.mentor_capacity:
        raise Conflict("this mentor has no free capacity", reason="mentor_full")
    case.mentor_id = mentor.id
    case.mentor_confirmed_at = case.updated_at = utcnow()
    session.add(case)
    session.flush()
    application = session.get(Application, case.application_id)
    hire = session.get(Employee, case.employee_id)
    notify(session, application=application, template="mentor_assigned", actor=actor,
           dedupe_key=f"mentor:{case.id}:{mentor.id}",
           values={"mentor_name": mentor.name, "mentor_department": mentor.department or case.department})
    mentor_case = session.exec(select(OnboardingCase).where(OnboardingCase.employee_id == mentor.id)).first()
    if mentor_case is not None:  # the mentor was onboarded here too: they have an inbox
        notify(session, application=session.get(Application, mentor_case.application_id), template="mentee_assigned",
               actor=actor, dedupe_key=f"mentee:{case.id}:{mentor.id}",
               values={"mentee_name": hire.name, "mentee_position": case.position, "start_date": case.start_date})
    record_event(session, application=application, kind="mentor_assigned", actor=actor,
                 data={"case_id": str(case.id), "mentor_id": str(mentor.id)})
    webhooks.emit(session, organization_id=case.organization_id, event="onboarding.mentor_assigned",
                  payload=hris_payload(session, case=case), case_id=case.id)
    return case
