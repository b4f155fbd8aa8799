"""Candidates and applications, and the one function that moves an application between states."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import or_
from sqlmodel import Session, select

from ..errors import Conflict, Gone, Invalid, NotFound
from ..models import Application, ApplicationState as S, Candidate, Event, Job, utcnow
from .job_policy import job_policy

ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    S.applied: {S.screened, S.invited, S.rejected, S.withdrawn},
    S.screened: {S.invited, S.rejected, S.withdrawn},
    # invited -> in_progress: jobs with an open window ("complete within 72 h") need no booking.
    S.invited: {S.booked, S.in_progress, S.rejected, S.withdrawn},
    S.booked: {S.in_progress, S.invited, S.withdrawn},
    S.in_progress: {S.completed, S.withdrawn},
    # completed -> advanced/rejected: human-only review (AI opt-out) decides without scores.
    # completed -> in_progress: an answer turned out unreadable and the candidate is offered a retake.
    S.completed: {S.scored, S.in_progress, S.advanced, S.rejected, S.withdrawn},
    S.scored: {S.advanced, S.rejected, S.withdrawn},
    S.advanced: {S.hired, S.rejected, S.withdrawn},
    S.rejected: {S.advanced},  # a human review may overturn a rejection
    S.hired: set(),
    S.withdrawn: set(),
}
# A final rejection (or advance) is a human decision with a reason; the system may never make it.
HUMAN_DECISIONS = {S.rejected, S.advanced, S.hired}


@dataclass(frozen=True)
class Actor:
    type: str  # "hr" | "candidate" | "system"
    id: uuid.UUID | None = None

    @classmethod
    def system(cls) -> "Actor":
        return cls("system")


def transition_application(
    session: Session, *, application: Application, to_state: str, actor: Actor, reason: str | None = None, data: dict | None = None
) -> Event:
    """Check the move is allowed, write the state and an append-only event; the only writer of `state`.

    Decisions are human, with one exception a job must opt into explicitly: the system may *advance* (never reject,
    never hire) an interview that reached the job's score, with its reason on the event.
    """
    to_state = S(to_state)
    from_state = application.state
    check_transition(application, to_state)
    if to_state in HUMAN_DECISIONS and not _human_or_opted_in(session, application, to_state, actor, reason):
        raise Invalid("this decision needs a human reviewer and a reason", reason="human_decision_required")
    application.state = to_state
    application.updated_at = utcnow()
    session.add(application)
    event = record_event(
        session, application=application, kind="state_changed", actor=actor,
        from_state=from_state, to_state=to_state, reason=reason, data=data,
    )
    return event


def refuse_if_erased(application: Application) -> None:
    """410 for anything that would add personal data to an application whose candidate was erased."""
    if application.erased_at is not None:
        raise Gone("this candidate's data was erased at their request", reason="data_erased")


def check_transition(application: Application, to_state: str) -> None:
    """409 unless the state machine allows the move."""
    if S(to_state) not in ALLOWED_TRANSITIONS[S(application.state)]:
        raise Conflict(f"an application cannot go from {application.state} to {to_state}", reason="state_not_allowed")


def _human_or_opted_in(session: Session, application: Application, to_state: S, actor: Actor, reason: str | None) -> bool:
    """A decision by an HR user with a reason, or a system advance (with its reason) the job explicitly opted into."""
    if not (reason or "").strip():
        return False
    if actor.type == "hr" and actor.id is not None:
        return True
    if actor.type == "system" and to_state == S.advanced:
        return job_policy(session.get(Job, application.job_id)).auto_advance
    return False


def record_event(
    session: Session, *, application: Application, kind: str, actor: Actor,
    from_state: str | None = None, to_state: str | None = None, reason: str | None = None, data: dict | None = None,
) -> Event:
    event = Event(
        organization_id=application.organization_id, application_id=application.id, kind=kind,
        actor_type=actor.type, actor_id=actor.id, from_state=from_state, to_state=to_state, reason=reason, data=data or {},
    )
    session.add(event)
    session.flush()
    return event


def record_org_event(session: Session, *, organization_id: uuid.UUID, kind: str, actor: Actor, data: dict | None = None) -> Event:
    """An organization-level event on the same append-only log (team changes, exports): no application."""
    event = Event(organization_id=organization_id, application_id=None, kind=kind, actor_type=actor.type, actor_id=actor.id,
                  data=data or {})
    session.add(event)
    session.flush()
    return event


def create_candidate(session: Session, *, organization_id: uuid.UUID, name: str, phone: str | None, email: str | None) -> Candidate:
    candidate = Candidate(organization_id=organization_id, name=name.strip(), phone=phone, email=email)
    session.add(candidate)
    session.flush()
    return candidate


def candidate_matches(text: str):
    """SQL condition: the application's candidate has `text` in their name, phone or e-mail (case-insensitive)."""
    pattern = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return or_(*(column.ilike(pattern, escape="\\") for column in (Candidate.name, Candidate.phone, Candidate.email)))


def get_candidate(session: Session, *, organization_id: uuid.UUID, candidate_id: uuid.UUID) -> Candidate:
    candidate = session.get(Candidate, candidate_id)
    if candidate is None or candidate.organization_id != organization_id:
        raise NotFound("candidate not found")
    return candidate


def create_application(session: Session, *, job: Job, candidate: Candidate, actor: Actor) -> Application:
    if job.organization_id != candidate.organization_id:
        raise NotFound("candidate not found")
    if job.status != "open":
        raise Conflict("the job is closed", reason="job_closed")
    if session.exec(select(Application).where(Application.job_id == job.id, Application.candidate_id == candidate.id)).first():
        raise Conflict("the candidate already applied to this job", reason="duplicate_application")
    application = Application(organization_id=job.organization_id, job_id=job.id, candidate_id=candidate.id)
    session.add(application)
    session.flush()
    record_event(session, application=application, kind="application_created", actor=actor, to_state=application.state)
    return application


def get_application(session: Session, *, organization_id: uuid.UUID, application_id: uuid.UUID) -> Application:
    application = session.get(Application, application_id)
    if application is None or application.organization_id != organization_id:
        raise NotFound("application not found")
    return application


def list_events(session: Session, *, application_id: uuid.UUID) -> list[Event]:
    return list(session.exec(select(Event).where(Event.application_id == application_id).order_by(Event.created_at)))
