"""Accommodations (HR), one-tap nudges (HR), the candidate's requests and status timeline."""
from __future__ import annotations

import marshmallow as ma
from flask import current_app
from flask.views import MethodView

from ..db import get_session, reads_only
from ..models import Application, ApplicationState
from ..models.requests import RequestKind
from ..services import applications as app_service
from ..services.accommodations import grant_accommodation
from ..services.applications import Actor
from ..services.candidate_requests import answer_request, candidate_status, file_request, requests_of
from ..services.erasure import (clear_legal_hold, delete_objects_after_commit, open_deletion_requests, process_deletion_request,
                                deadline_fields, request_view, set_legal_hold)
from ..services.notifications import nudge_now
from ..services.results import release_result, released_result
from .blueprint import Blueprint
from .schemas import FeedbackSchema, ProposalSchema
from .candidates import STATE_LABELS
from .security import BEARER, current_candidate, current_hr

blp = Blueprint("requests", __name__, url_prefix="/api", description="Accommodations, nudges, candidate requests and status")
EDITORS = ("admin", "recruiter")
ADMIN = ("admin",)  # erasure and legal holds: irreversible or binding, the organization's admins only
# What the candidate's timeline shows: their application's stages, never internal HR events.
CANDIDATE_VISIBLE = {"state_changed", "answer_uploaded", "explanation_requested", "human_review_requested", "deletion_requested",
                     "request_answered", "candidate_erased"}


class AccommodationSchema(ma.Schema):
    extra_think_seconds = ma.fields.Integer(load_default=0, validate=ma.validate.Range(min=0, max=600))
    extra_answer_seconds = ma.fields.Integer(load_default=0, validate=ma.validate.Range(min=0, max=1800))
    extra_retakes = ma.fields.Integer(load_default=0, validate=ma.validate.Range(min=0, max=5))
    extra_window_hours = ma.fields.Integer(load_default=0, validate=ma.validate.Range(min=0, max=336))
    reason = ma.fields.String(required=True, validate=ma.validate.Length(min=2, max=500))
    granted_at = ma.fields.AwareDateTime(dump_only=True)


class RequestSchema(ma.Schema):
    id = ma.fields.UUID(dump_only=True)
    kind = ma.fields.String(required=True, validate=ma.validate.OneOf([k.value for k in RequestKind]))
    message = ma.fields.String(load_default="", validate=ma.validate.Length(max=2000))
    status = ma.fields.String(dump_only=True, metadata={"description": "open | answered"})
    created_at = ma.fields.AwareDateTime(dump_only=True)
    response = ma.fields.String(dump_only=True, metadata={"description": "HR's written answer (empty while open)"})
    answered_at = ma.fields.AwareDateTime(dump_only=True, allow_none=True)
    due_at = ma.fields.AwareDateTime(dump_only=True, allow_none=True, metadata={
        "description": "deletion requests: 15 working days (Mon-Fri, China time) after filing; holidays not counted"})
    overdue = ma.fields.Boolean(dump_only=True)


class DeletionRequestSchema(RequestSchema):
    application_id = ma.fields.UUID(dump_only=True)
    candidate_name = ma.fields.String(dump_only=True)
    legal_hold_reason = ma.fields.String(dump_only=True, allow_none=True)


class ErasureSchema(ma.Schema):
    id = ma.fields.UUID()
    status = ma.fields.String(metadata={"description": "objects_pending | done"})
    requested_by = ma.fields.String()
    requested_at = ma.fields.AwareDateTime()
    processed_by = ma.fields.UUID(allow_none=True)
    legal_basis = ma.fields.String()
    application_ids = ma.fields.List(ma.fields.String())
    erased = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Integer(),
                            metadata={"description": "what was erased: kind -> count (never content)"})
    kept = ma.fields.List(ma.fields.String(), metadata={"description": "what stays, and why"})
    objects_deleted = ma.fields.Integer()
    started_at = ma.fields.AwareDateTime()
    completed_at = ma.fields.AwareDateTime(allow_none=True)


class ProcessedDeletionSchema(ma.Schema):
    request = ma.fields.Nested(RequestSchema)
    erasure = ma.fields.Nested(ErasureSchema)


class LegalHoldSchema(ma.Schema):
    reason = ma.fields.String(required=True, validate=ma.validate.Length(min=2, max=500),
                              metadata={"description": "shown wherever the hold blocks an erasure or a purge"})


class LegalHoldStateSchema(ma.Schema):
    legal_hold_reason = ma.fields.String(allow_none=True)
    legal_hold_at = ma.fields.AwareDateTime(allow_none=True)
    legal_hold_by = ma.fields.UUID(allow_none=True)


class RequestAnswerSchema(ma.Schema):
    response = ma.fields.String(required=True, validate=ma.validate.Length(min=10, max=500),
                                metadata={"description": "the answer the candidate reads (explanation, review outcome)"})


class TimelineEntrySchema(ma.Schema):
    kind = ma.fields.String()
    state = ma.fields.String(allow_none=True)
    label = ma.fields.String(allow_none=True)
    at = ma.fields.AwareDateTime()


class StatusSchema(ma.Schema):
    state = ma.fields.String()
    label = ma.fields.String()
    timeline = ma.fields.List(ma.fields.Nested(TimelineEntrySchema))
    requests = ma.fields.List(ma.fields.Nested(RequestSchema))


class NudgeSchema(ma.Schema):
    outbox_id = ma.fields.UUID()


def _application(principal, application_id):
    """The application, if it is in the HR user's organization (else 404)."""
    return app_service.get_application(get_session(), organization_id=principal.organization_id,
                                       application_id=application_id)


@blp.route("/applications/<uuid:application_id>/accommodation")
class Accommodations(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(AccommodationSchema)
    @blp.response(200, AccommodationSchema)
    def put(self, body, application_id):
        """Grant extra think/answer time, retakes or window to this candidate (logged, with the reason)"""
        principal = current_hr(*EDITORS)
        session = get_session()
        application = _application(principal, application_id)
        return grant_accommodation(session, application=application, actor=Actor("hr", principal.user_id), **body)


@blp.route("/applications/<uuid:application_id>/nudge")
class Nudge(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(202, NudgeSchema)
    @blp.alt_response(409, description="The candidate has booked already, or was nudged today")
    def post(self, application_id):
        """Remind an invited candidate to book (at most once a day)"""
        principal = current_hr(*EDITORS)
        session = get_session()
        application = _application(principal, application_id)
        outbox = nudge_now(session, application=application, actor=Actor("hr", principal.user_id))
        return {"outbox_id": outbox.id}


@blp.route("/applications/<uuid:application_id>/requests")
class ApplicationRequests(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, RequestSchema(many=True))
    def get(self, application_id):
        """The candidate's requests for explanation, human review or deletion"""
        session = get_session()
        application = _application(current_hr(), application_id)
        return [request_view(r) for r in requests_of(session, application_id=application.id)]


@blp.route("/deletion-requests")
class DeletionRequests(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, DeletionRequestSchema(many=True))
    def get(self):
        """The organization's open deletion requests, oldest first, with their due dates (overdue flagged)"""
        return open_deletion_requests(get_session(), organization_id=current_hr().organization_id)


@blp.route("/applications/<uuid:application_id>/requests/<uuid:request_id>/erase")
class EraseForRequest(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, ProcessedDeletionSchema)
    @blp.alt_response(404, description="No such request for this application")
    @blp.alt_response(409, description="Under legal hold (the reason is in the message)")
    def post(self, application_id, request_id):
        """Carry out a deletion request: erase the candidate's personal data and stored files now (admin; re-runnable)"""
        principal = current_hr(*ADMIN)
        session = get_session()
        application = _application(principal, application_id)
        request, erasure = process_deletion_request(session, application=application, request_id=request_id,
                                                    actor=Actor("hr", principal.user_id))
        delete_objects_after_commit(session, erasure_id=erasure.id, storage=current_app.extensions["qingpin.storage"])
        return {"request": request_view(request), "erasure": erasure}


@blp.route("/applications/<uuid:application_id>/legal-hold")
class LegalHold(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(LegalHoldSchema)
    @blp.response(200, LegalHoldStateSchema)
    @blp.alt_response(410, description="The candidate's data was erased")
    def put(self, body, application_id):
        """Put the application under legal hold: no erasure and no retention purge until cleared (admin)"""
        principal = current_hr(*ADMIN)
        session = get_session()
        application = _application(principal, application_id)
        return set_legal_hold(session, application=application, reason=body["reason"], actor=Actor("hr", principal.user_id))

    @blp.doc(security=[BEARER])
    @blp.response(200, LegalHoldStateSchema)
    @blp.alt_response(409, description="Not under legal hold")
    def delete(self, application_id):
        """Clear the legal hold (admin)"""
        principal = current_hr(*ADMIN)
        session = get_session()
        application = _application(principal, application_id)
        return clear_legal_hold(session, application=application, actor=Actor("hr", principal.user_id))


@blp.route("/applications/<uuid:application_id>/requests/<uuid:request_id>/answer")
class AnswerRequest(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(RequestAnswerSchema)
    @blp.response(200, RequestSchema)
    @blp.alt_response(404, description="No such request for this application")
    @blp.alt_response(409, description="The request has already been answered")
    def post(self, body, application_id, request_id):
        """Answer the candidate's explanation or human-review request in writing (kept, and sent to the candidate)"""
        principal = current_hr(*EDITORS)
        session = get_session()
        application = _application(principal, application_id)
        return request_view(answer_request(session, application=application, request_id=request_id,
                                           response=body["response"], actor=Actor("hr", principal.user_id)))


@blp.route("/candidate/requests")
class MyRequests(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(RequestSchema)
    @blp.response(201, RequestSchema)
    def post(self, body):
        """Ask for an explanation of my evaluation, a human review, or the deletion of my data"""
        principal = current_candidate()
        session = get_session()
        return request_view(file_request(session, application=session.get(Application, principal.application_id),
                                         kind=body["kind"], message=body["message"],
                                         actor=Actor("candidate", principal.candidate_id)))


@blp.route("/candidate/status")
class MyStatus(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, StatusSchema)
    @reads_only
    def get(self):
        """My application's stage (待预约 / 待面试 / 面试中 / 已完成 …) with its timeline and my requests"""
        principal = current_candidate()
        session = get_session()
        status = candidate_status(session, application_id=principal.application_id, event_kinds=CANDIDATE_VISIBLE)
        timeline = [{"kind": kind, "state": to_state, "label": STATE_LABELS.get(to_state) if to_state else None, "at": at}
                    for kind, to_state, at in status.events]
        state = ApplicationState(status.state)
        requests = [dict(r, **deadline_fields(kind=r["kind"], created_at=r["created_at"], status=r["status"]))
                    for r in status.requests]
        return {"state": state.value, "label": STATE_LABELS[state], "timeline": timeline, "requests": requests}


class ResultSchema(ma.Schema):
    overall = ma.fields.Float(allow_none=True)
    status = ma.fields.String()
    proposal = ma.fields.Nested(ProposalSchema)
    released_at = ma.fields.AwareDateTime(allow_none=True)


class MyResultSchema(ma.Schema):
    outcome = ma.fields.String()
    label = ma.fields.String()
    released_at = ma.fields.AwareDateTime()
    feedback = ma.fields.Nested(FeedbackSchema)


@blp.route("/applications/<uuid:application_id>/release-result")
class ReleaseResult(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, ResultSchema)
    @blp.alt_response(409, description="No human decision yet")
    def post(self, application_id):
        """Release the decision and the feedback report to the candidate (after a human decision)"""
        principal = current_hr(*EDITORS)
        session = get_session()
        application = _application(principal, application_id)
        return release_result(session, application=application, actor=Actor("hr", principal.user_id))


@blp.route("/candidate/result")
class MyResult(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, MyResultSchema)
    @blp.alt_response(404, description="Not released yet")
    def get(self):
        """My result (通过 / 未通过) and my feedback report, once HR has released them"""
        session = get_session()
        return released_result(session, application=session.get(Application, current_candidate().application_id))
