"""What a candidate may ask for: an explanation, a human review, the deletion of their data; HR answers the first two
in writing; a deletion is carried out by services.erasure."""
from __future__ import annotations

import functools

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from ..errors import Conflict, Invalid, NotFound
from ..models import Application, Event, utcnow
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


@dataclass(frozen=True)
class CandidateStatus:
    state: str
    events: list[tuple[str, str | None, datetime]]  # (kind, to_state, created_at), oldest first
    requests: list[dict]  # the candidate's requests (RequestSchema's fields), oldest first


@functools.lru_cache(maxsize=8)
def _candidate_status_query(event_kinds: tuple[str, ...]):
    """The application's state, its events of some kinds and its requests: one statement (a UNION ALL of events and
    requests, joined to the application so that an application without either still gives its state). Built once
    per set of kinds (the candidate's status page runs it on every visit), the kinds as plain bound values: an
    expanding IN would be rendered again on every execution."""
    application, event, request = Application.__table__, Event.__table__, CandidateRequest.__table__
    application_id = sa.bindparam("application_id", type_=application.c.id.type)

    def typed_null(column):
        return sa.cast(sa.null(), column.type)

    events = sa.select(
        sa.literal("event").label("source"), event.c.id, event.c.kind, event.c.to_state, event.c.created_at,
        typed_null(request.c.message).label("message"), typed_null(request.c.status).label("status"),
        typed_null(request.c.response).label("response"), typed_null(request.c.answered_at).label("answered_at"),
    ).where(event.c.application_id == application_id, event.c.kind.in_([sa.literal(kind) for kind in event_kinds]))
    requests = sa.select(
        sa.literal("request"), request.c.id, request.c.kind, typed_null(event.c.to_state), request.c.created_at,
        request.c.message, request.c.status, request.c.response, request.c.answered_at,
    ).where(request.c.application_id == application_id)
    items = sa.union_all(events, requests).subquery("items")
    return (
        sa.select(application.c.state, items)
        .select_from(application.outerjoin(items, sa.true()))
        .where(application.c.id == application_id)
        .order_by(items.c.source, items.c.created_at, items.c.id)
    )


def candidate_status(session: Session, *, application_id: uuid.UUID, event_kinds: Iterable[str]) -> CandidateStatus:
    """What the candidate's status page shows, in one statement and as plain rows (no ORM objects)."""
    query = _candidate_status_query(tuple(sorted(event_kinds)))
    rows = session.connection().execute(query, {"application_id": application_id}).all()
    if not rows:
        raise NotFound("application not found")
    events = [(row.kind, row.to_state, row.created_at) for row in rows if row.source == "event"]
    requests = [{"id": row.id, "kind": row.kind, "message": row.message, "status": row.status,
                 "created_at": row.created_at, "response": row.response, "answered_at": row.answered_at}
                for row in rows if row.source == "request"]
    return CandidateStatus(rows[0].state, events, requests)


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
