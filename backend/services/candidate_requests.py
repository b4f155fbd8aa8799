"""What a candidate may ask for: an explanation, a human review, the deletion of their data (recorded now)."""
from __future__ import annotations

from sqlmodel import Session, select

from ..errors import Conflict
from ..models import Application
from ..models.requests import CandidateRequest, RequestKind
from .applications import Actor, record_event


def file_request(session: Session, *, application: Application, kind: str, message: str, actor: Actor) -> CandidateRequest:
    """Record a request (one open request per kind at a time) and put it on the application's timeline."""
    kind = RequestKind(kind)
    if session.exec(select(CandidateRequest).where(CandidateRequest.application_id == application.id,
                                                   CandidateRequest.kind == kind, CandidateRequest.status == "open")).first():
        raise Conflict("the same request is already open", reason="request_open")
    request = CandidateRequest(application_id=application.id, kind=kind, message=message.strip())
    session.add(request)
    session.flush()
    record_event(session, application=application, kind=f"{kind}_requested", actor=actor, data={"request_id": str(request.id)})
    return request


def requests_of(session: Session, *, application_id) -> list[CandidateRequest]:
    return list(session.exec(select(CandidateRequest).where(CandidateRequest.application_id == application_id)
                             .order_by(CandidateRequest.created_at)))
