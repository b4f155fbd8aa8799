"""Hire → employee: the onboarding case a `hired` decision opens, the employee's one-time sign-in, the case's stage,
and the events HRIS systems receive (start date confirmed, case completed)."""
from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, func, select

from ..db import get_engine, session_scope
from ..errors import Conflict, Invalid, NotFound, Unauthorized
from ..models import Application, ApplicationState as S, Candidate, utcnow
from ..models.onboarding import CaseStage, Employee, OnboardingCase, OnboardingDocument
from ..wechat.subscribe import CHINA_TZ
from . import checklists, onboarding_forms, webhooks
from .applications import Actor, record_event
from .auth import issue_employee_token
from .decisions import DecisionMessage, decide
from .notifications import notify

LOGIN_CODE_DIGITS = 6
MAX_LOGIN_FAILURES = 5  # then HR issues a new code


@dataclass(frozen=True)
class Offer:
    position: str
    department: str
    start_date: date
    location: str
    manager: str


def _hash_code(case_id: uuid.UUID, code: str) -> str:
    return hashlib.sha256(f"{case_id}:{code}".encode()).hexdigest()


def hire(session: Session, *, application: Application, offer: Offer, actor: Actor, reason: str,
         base_url: str, code_days: int) -> tuple[OnboardingCase, str]:
    """Record the human `hired` decision, open the case with its employee, checklist and pre-filled form, send the offer.

    Returns the case and the one-time sign-in code (shown to HR once, never stored in clear nor put in a message).
    """
    if offer.start_date < utcnow().astimezone(CHINA_TZ).date():
        raise Invalid("the start date must not be in the past", reason="start_date_in_past",
                      errors={"offer": {"start_date": ["today or later"]}})
    decide(session, application=application, to_state=S.hired, actor=actor, reason=reason,
           message=DecisionMessage(send=False))  # the offer letter below is the message
    candidate = session.get(Candidate, application.candidate_id)
    employee = Employee(organization_id=application.organization_id, candidate_id=candidate.id, name=candidate.name,
                        email=candidate.email, phone=candidate.phone, position=offer.position,
                        department=offer.department, location=offer.location)
    session.add(employee)
    session.flush()
    template = checklists.pick_template(session, application=application, department=offer.department)
    case = OnboardingCase(organization_id=application.organization_id, application_id=application.id,
                          employee_id=employee.id, position=offer.position, department=offer.department,
                          location=offer.location, manager=offer.manager, start_date=offer.start_date,
                          template_id=template.id if template else None, created_by=actor.id)
    session.add(case)
    session.flush()
    checklists.instantiate(session, case=case, template=template)
    onboarding_forms.prefill(session, case=case, application=application)
    code = issue_login_code(session, case=case, days=code_days)
    notify(session, application=application, template="offer", actor=actor, dedupe_key=f"offer:{case.id}", values={
        "job_title": offer.position, "department": offer.department, "start_date": offer.start_date,
        "location": offer.location, "manager": offer.manager, "login_url": login_url(base_url, case)})
    record_event(session, application=application, kind="onboarding_opened", actor=actor,
                 data={"case_id": str(case.id), "employee_id": str(employee.id), "start_date": offer.start_date.isoformat()})
    return case, code


def login_url(base_url: str, case: OnboardingCase) -> str:
    return f"{base_url.rstrip('/')}/h5/onboard/?case={case.id}"


def issue_login_code(session: Session, *, case: OnboardingCase, days: int) -> str:
    """A new one-time code (earlier ones stop working); stored as a hash bound to the case."""
    code = "".join(secrets.choice("0123456789") for _ in range(LOGIN_CODE_DIGITS))
    case.login_code_hash = _hash_code(case.id, code)
    case.login_code_expires_at = utcnow() + timedelta(days=days)
    case.login_failures, case.updated_at = 0, utcnow()
    session.add(case)
    session.flush()
    return code


def sign_in(session: Session, *, case_id: uuid.UUID, code: str, hours: int) -> tuple[str, OnboardingCase]:
    """Exchange the case's one-time code for an employee token scoped to that case; wrong codes count towards a lock."""
    case = session.get(OnboardingCase, case_id)
    refused = Unauthorized("wrong or expired code", reason="bad_login_code")
    if case is None or case.login_code_hash is None or case.login_code_expires_at <= utcnow():
        raise refused
    if case.login_failures >= MAX_LOGIN_FAILURES:
        raise Unauthorized("too many wrong codes: ask HR for a new one", reason="login_locked")
    if not hmac.compare_digest(case.login_code_hash, _hash_code(case.id, code.strip())):
        with session_scope(get_engine()) as counter:  # the failure counts even though this request is refused
            locked = counter.get(OnboardingCase, case.id, with_for_update=True)
            locked.login_failures += 1
        raise refused
    case.login_code_hash = None  # one time only
    if case.stage == CaseStage.offer_sent:
        case.stage = CaseStage.in_progress
    case.updated_at = utcnow()
    session.add(case)
    token, _ = issue_employee_token(session, application_id=case.application_id, hours=hours)
    record_event(session, application=session.get(Application, case.application_id), kind="onboarding_signed_in",
                 actor=Actor("employee", case.employee_id), data={"case_id": str(case.id)})
    return token, case


def get_case(session: Session, *, organization_id: uuid.UUID, case_id: uuid.UUID) -> OnboardingCase:
    case = session.get(OnboardingCase, case_id)
    if case is None or case.organization_id != organization_id:
        raise NotFound("onboarding case not found")
    return case


def cases_of(session: Session, *, organization_id: uuid.UUID, stage: str | None = None) -> list[OnboardingCase]:
    query = select(OnboardingCase).where(OnboardingCase.organization_id == organization_id)
    if stage:
        query = query.where(OnboardingCase.stage == stage)
    return list(session.exec(query.order_by(OnboardingCase.start_date, OnboardingCase.created_at)))


def today() -> date:
    return utcnow().astimezone(CHINA_TZ).date()


def case_progress(session: Session, *, case: OnboardingCase) -> dict:
    return checklists.progress(checklists.tasks_of(session, case_id=case.id), today=today())


def mismatched_documents(session: Session, *, case_id: uuid.UUID) -> int:
    return session.exec(select(func.count()).select_from(OnboardingDocument).where(
        OnboardingDocument.case_id == case_id, OnboardingDocument.mismatch == True)).one()  # noqa: E712


def refresh_stage(session: Session, *, case: OnboardingCase) -> None:
    """in_progress ↔ ready as tasks are done (a completed case stays completed)."""
    if case.stage in (CaseStage.completed, CaseStage.offer_sent):
        return
    tasks = checklists.tasks_of(session, case_id=case.id)
    stage = CaseStage.ready if tasks and all(t.done_at for t in tasks) else CaseStage.in_progress
    if case.stage != stage:
        case.stage, case.updated_at = stage, utcnow()
        session.add(case)
        session.flush()


def mark_form_saved(session: Session, *, case: OnboardingCase) -> None:
    if onboarding_forms.form_complete(onboarding_forms.fields_of(session, case_id=case.id)):
        checklists.complete_kind(session, case=case, kind="form")
        refresh_stage(session, case=case)


def confirm_start_date(session: Session, *, case: OnboardingCase, actor: Actor) -> OnboardingCase:
    """The employee confirms they start on the offered date; HRIS and attendance systems are told."""
    if case.stage == CaseStage.completed:
        raise Conflict("the case is completed", reason="case_completed")
    if case.start_date_confirmed_at is None:
        case.start_date_confirmed_at, case.updated_at = utcnow(), utcnow()
        session.add(case)
        session.flush()
        record_event(session, application=session.get(Application, case.application_id), kind="start_date_confirmed",
                     actor=actor, data={"case_id": str(case.id), "start_date": case.start_date.isoformat()})
        webhooks.emit(session, organization_id=case.organization_id, event="onboarding.start_date_confirmed",
                      payload=hris_payload(session, case=case), case_id=case.id)
    return case


def complete_case(session: Session, *, case: OnboardingCase, actor: Actor) -> OnboardingCase:
    if case.stage == CaseStage.completed:
        return case
    case.stage, case.completed_at, case.updated_at = CaseStage.completed, utcnow(), utcnow()
    session.add(case)
    session.flush()
    record_event(session, application=session.get(Application, case.application_id), kind="onboarding_completed",
                 actor=actor, data={"case_id": str(case.id)})
    webhooks.emit(session, organization_id=case.organization_id, event="onboarding.completed",
                  payload=hris_payload(session, case=case), case_id=case.id)
    return case


def hris_payload(session: Session, *, case: OnboardingCase) -> dict:
    """The employee and the onboarding plan for HRIS / attendance systems (no ID or bank card numbers)."""
    employee = session.get(Employee, case.employee_id)
    mentor = session.get(Employee, case.mentor_id) if case.mentor_id else None
    return {
        "case_id": str(case.id), "employee": {
            "id": str(employee.id), "name": employee.name, "email": employee.email, "phone": employee.phone,
            "position": case.position, "department": case.department, "location": case.location,
            "manager": case.manager, "start_date": case.start_date.isoformat()},
        "mentor": {"id": str(mentor.id), "name": mentor.name} if mentor else None,
        "plan": [{"key": t.key, "title": t.title, "owner": t.owner, "due_date": t.due_date.isoformat(),
                  "done": t.done_at is not None} for t in checklists.tasks_of(session, case_id=case.id)],
        "stage": case.stage,
    }
