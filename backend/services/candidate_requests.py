"""What a candidate may ask for: an explanation, a human review, the deletion of their data; HR answers the first two
in writing (the deletion of data has no pipeline yet: it stays recorded and open)."""
from __future__ import annotations

import uuid

from sqlmodel import Session, select

from ..errors import Conflict, Invalid, NotFound
from ..models import Application, utcnow
from ..models.requests import CandidateRequest, RequestKind
from .applications import Actor, record_event
from .notifications import notify

# How the candidate's message names the request answered.
REQUEST_LABELS = {RequestKind.explanation: "评估说明", RequestKind.human_review: "人工复核", RequestKind.deletion: "删除个人数据"}
# What HR answers in writing; a deletion is carried out, not answered.
ANSWERABLE = (RequestKind.explanation, RequestKind.human_review)


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


def answer_request(session: Session, *, application: Application, request_id: uuid.UUID, response: str,
                   actor: Actor) -> CandidateRequest:
    """HR's written answer to an open explanation or human-review request: kept with the request, put on the
    candidate's timeline and sent to the candidate (inbox, and WeChat/e-mail where they allowed it)."""
    # locked: two HR users answering at once get one answer and one 409, never two messages
    request = session.get(CandidateRequest, request_id, with_for_update=True)
    if request is None or request.application_id != application.id:
        raise NotFound("no such request for this application", reason="request_not_found")
    if request.kind not in ANSWERABLE:
        raise Invalid("a deletion request is carried out by deleting the data, not answered in writing",
                      reason="request_not_answerable")
    if request.status != "open":
        raise Conflict("this request has already been answered", reason="request_answered")
    text = response.strip()
    if len(text) < 10:
        raise Invalid("write an answer the candidate can act on (at least 10 characters)", reason="response_too_short",
                      errors={"response": ["至少 10 个字"]})
    request.status = "answered"
    request.response = text
    request.answered_at = utcnow()
    request.answered_by = actor.id
    session.add(request)
    session.flush()
    record_event(session, application=application, kind="request_answered", actor=actor,
                 data={"request_id": str(request.id), "request_kind": str(request.kind)})
    notify(session, application=application, template="request_answered", actor=actor,
           values={"request_label": REQUEST_LABELS[RequestKind(request.kind)], "response": text},
           dedupe_key=f"request_answered:{request.id}")
    return request
