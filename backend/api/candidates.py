"""HR side: candidates and their applications, invitations, decisions and the scored answers with evidence."""
from __future__ import annotations


import marshmallow as ma
from flask import current_app, send_file
from flask.views import MethodView
from sqlmodel import func, select

from ..db import get_session
from ..errors import DomainError, Invalid, NotFound
from ..models import Answer, Application, ApplicationState, Candidate, Job
from ..services import applications as app_service
from ..services import jobs as job_service
from ..services.answers import answers_for, segments_of
from ..services.applications import Actor
from ..models.results import InterviewResult
from ..services.consent import consent_state
from ..notify import wechat_enabled
from ..wechat.binding import gateway_of
from ..notify.templates import STANDARD_FEEDBACK
from ..services import onboarding
from ..services.decisions import DecisionMessage, NextRound, decide
from ..services.notifications import overdue, overdue_ids
from ..services.invitations import current_invitation, invitation_qr_key, invite, make_invitation_qr
from .blueprint import Blueprint
from .schemas import (AnswerDetailSchema, ApplicationSchema, CandidateSchema, EventSchema, InterviewResultSchema,
                      OnboardingLoginSchema, number_map)
from .security import BEARER, current_hr

blp = Blueprint("candidates", __name__, url_prefix="/api", description="Candidates and applications (HR)")

EDITORS = ("admin", "recruiter")
STATE_LABELS = {
    ApplicationState.applied: "待筛选", ApplicationState.screened: "已筛选", ApplicationState.invited: "待预约",
    ApplicationState.booked: "待面试", ApplicationState.in_progress: "面试中", ApplicationState.completed: "已完成",
    ApplicationState.scored: "待评估", ApplicationState.advanced: "已通过", ApplicationState.rejected: "未通过",
    ApplicationState.hired: "已录用", ApplicationState.withdrawn: "已撤回",
}


class ApplicationCreateSchema(ma.Schema):
    job_id = ma.fields.UUID(required=True)
    candidate_id = ma.fields.UUID()
    candidate = ma.fields.Nested(CandidateSchema)

    @ma.validates_schema
    def _one_candidate(self, data, **_):
        if ("candidate_id" in data) == ("candidate" in data):
            raise ma.ValidationError("give either candidate_id or candidate", "candidate")


class ApplicationQuerySchema(ma.Schema):
    job_id = ma.fields.UUID()
    state = ma.fields.String(validate=ma.validate.OneOf([s.value for s in ApplicationState]))
    overdue = ma.fields.Boolean(metadata={"description": "only invitations not booked within 24 h"})


class ApplicationListItemSchema(ApplicationSchema):
    candidate = ma.fields.Nested(CandidateSchema)
    job_title = ma.fields.String()
    state_label = ma.fields.String()
    overdue = ma.fields.Boolean()


class PipelineQuerySchema(ma.Schema):
    job_id = ma.fields.UUID()


class StageSchema(ma.Schema):
    state = ma.fields.String()
    label = ma.fields.String()
    count = ma.fields.Integer()


class PipelineSchema(ma.Schema):
    stages = ma.fields.List(ma.fields.Nested(StageSchema))
    overdue = ma.fields.Integer()
    total = ma.fields.Integer()


class BulkInviteSchema(ma.Schema):
    application_ids = ma.fields.List(ma.fields.UUID(), required=True, validate=ma.validate.Length(min=1, max=500))
    notify = ma.fields.Boolean(load_default=True, metadata={"description": "send each candidate the invitation message"})
    qr = ma.fields.Boolean(load_default=False, metadata={"description": "also make each invitation's WeChat QR code "
                                                         "(one WeChat call per candidate)"})


class BulkInviteResultSchema(ma.Schema):
    application_id = ma.fields.UUID()
    invited = ma.fields.Boolean()
    token = ma.fields.String()
    url = ma.fields.String()
    expires_at = ma.fields.AwareDateTime()
    qr_url = ma.fields.String(allow_none=True)
    qr_error = ma.fields.String(allow_none=True)
    reason = ma.fields.String()
    message = ma.fields.String()


class QuestionBriefSchema(ma.Schema):
    id = ma.fields.UUID()
    position = ma.fields.Integer()
    text = ma.fields.String()
    competencies = number_map("competency -> weight")


class ApplicationDetailSchema(ApplicationListItemSchema):
    questions = ma.fields.List(ma.fields.Nested(QuestionBriefSchema))
    answers = ma.fields.List(ma.fields.Nested(AnswerDetailSchema))
    events = ma.fields.List(ma.fields.Nested(EventSchema))
    consents = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Boolean())
    result = ma.fields.Nested(InterviewResultSchema, allow_none=True)


class InvitationSchema(ma.Schema):
    token = ma.fields.String()
    url = ma.fields.String()
    expires_at = ma.fields.AwareDateTime()
    qr_url = ma.fields.String(allow_none=True, metadata={"description": "the WeChat QR code PNG (HR only), when made"})
    qr_error = ma.fields.String(allow_none=True, metadata={"description": "why no QR code was made (the link still works)"})


class InviteOptionsSchema(ma.Schema):
    notify = ma.fields.Boolean(load_default=True, metadata={"description": "send the invitation message (WeChat, e-mail or in-app)"})
    qr = ma.fields.Boolean(load_default=True, metadata={"description": "make the WeChat QR code (when WeChat is configured)"})


class NextRoundSchema(ma.Schema):
    round_name = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=20))
    starts_at = ma.fields.AwareDateTime(required=True)


class OfferSchema(ma.Schema):
    position = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=100))
    department = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=100))
    start_date = ma.fields.Date(required=True)
    location = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=200))
    manager = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=100))


class DecisionSchema(ma.Schema):
    to_state = ma.fields.String(required=True, validate=ma.validate.OneOf(["advanced", "rejected", "hired", "withdrawn", "screened"]))
    reason = ma.fields.String(required=True, validate=ma.validate.Length(min=2, max=2000),
                              metadata={"description": "why (kept on the timeline; never sent to the candidate)"})
    notify = ma.fields.Boolean(load_default=True, metadata={"description": "tell the candidate (advance and reject only)"})
    feedback_code = ma.fields.String(validate=ma.validate.OneOf(sorted(STANDARD_FEEDBACK)),
                                     metadata={"description": "rejection: the standardized feedback the candidate gets"})
    next_round = ma.fields.Nested(NextRoundSchema, metadata={"description": "advance: the round the candidate is invited to"})
    offer = ma.fields.Nested(OfferSchema, metadata={"description": "hire (required): the offer; opens the onboarding "
                                                    "case and sends the offer letter"})


class DecisionResultSchema(ApplicationSchema):
    onboarding = ma.fields.Nested(OnboardingLoginSchema, allow_none=True,
                                  metadata={"description": "hire: the case and the employee's sign-in (code shown once)"})


class MediaUrlSchema(ma.Schema):
    index = ma.fields.Integer()
    url = ma.fields.String()
    duration_seconds = ma.fields.Float(allow_none=True)


class AnswerMediaSchema(ma.Schema):
    recordings = ma.fields.List(ma.fields.Nested(MediaUrlSchema))
    expires_in = ma.fields.Integer()


@blp.route("/candidates")
class Candidates(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, CandidateSchema(many=True))
    @blp.paginate()
    def get(self, pagination_parameters):
        """List candidates, newest first"""
        org = current_hr().organization_id
        session = get_session()
        where = Candidate.organization_id == org
        pagination_parameters.item_count = session.exec(select(func.count()).select_from(Candidate).where(where)).one()
        return session.exec(select(Candidate).where(where).order_by(Candidate.created_at.desc())
                            .offset(pagination_parameters.first_item).limit(pagination_parameters.page_size)).all()

    @blp.doc(security=[BEARER])
    @blp.arguments(CandidateSchema)
    @blp.response(201, CandidateSchema)
    def post(self, body):
        """Add a candidate"""
        return app_service.create_candidate(get_session(), organization_id=current_hr(*EDITORS).organization_id, **body)


@blp.route("/candidates/<uuid:candidate_id>")
class CandidateById(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, CandidateSchema)
    def get(self, candidate_id):
        """One candidate"""
        return app_service.get_candidate(get_session(), organization_id=current_hr().organization_id, candidate_id=candidate_id)


@blp.route("/applications")
class Applications(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(ApplicationQuerySchema, location="query")
    @blp.response(200, ApplicationListItemSchema(many=True))
    @blp.paginate()
    def get(self, query, pagination_parameters):
        """List applications, filtered by job and state"""
        return _list_applications(query, pagination_parameters)

    @blp.doc(security=[BEARER])
    @blp.arguments(ApplicationCreateSchema)
    @blp.response(201, ApplicationListItemSchema)
    def post(self, body):
        """Apply a candidate (existing or new) to a job"""
        principal = current_hr(*EDITORS)
        session = get_session()
        job = job_service.get_job(session, organization_id=principal.organization_id, job_id=body["job_id"])
        if "candidate" in body:
            candidate = app_service.create_candidate(session, organization_id=principal.organization_id, **body["candidate"])
        else:
            candidate = app_service.get_candidate(session, organization_id=principal.organization_id, candidate_id=body["candidate_id"])
        application = app_service.create_application(session, job=job, candidate=candidate, actor=Actor("hr", principal.user_id))
        return _list_item(application, candidate, job, overdue=False)


class ApplicationSearchSchema(ApplicationQuerySchema):
    q = ma.fields.String(validate=ma.validate.Length(min=1, max=100),
                         metadata={"description": "part of the candidate's name, phone or e-mail"})


@blp.route("/applications/search")
class ApplicationSearch(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(ApplicationSearchSchema)
    @blp.response(200, ApplicationListItemSchema(many=True))
    @blp.paginate()
    def post(self, body, pagination_parameters):
        """Search applications by the candidate's name, phone or e-mail (in the body: no personal data in URLs)"""
        return _list_applications(body, pagination_parameters)


def _list_applications(query: dict, pagination_parameters) -> list[dict]:
    """One page of the organization's applications, newest first, with the filters of `query`."""
    org = current_hr().organization_id
    session = get_session()
    conditions = [Application.organization_id == org]
    if query.get("q"):
        conditions.append(app_service.candidate_matches(query["q"]))
    if "job_id" in query:
        conditions.append(Application.job_id == query["job_id"])
    if "state" in query:
        conditions.append(Application.state == query["state"])
    if query.get("overdue"):
        conditions.append(overdue())
    base = select(Application, Candidate, Job).join(Candidate, Candidate.id == Application.candidate_id) \
        .join(Job, Job.id == Application.job_id).where(*conditions)
    pagination_parameters.item_count = session.exec(select(func.count()).select_from(base.subquery())).one()
    rows = session.exec(base.order_by(Application.created_at.desc())
                        .offset(pagination_parameters.first_item).limit(pagination_parameters.page_size)).all()
    late = overdue_ids(session, application_ids=[application.id for application, _, _ in rows])
    return [_list_item(application, candidate, job, overdue=application.id in late) for application, candidate, job in rows]


@blp.route("/pipeline")
class Pipeline(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(PipelineQuerySchema, location="query")
    @blp.response(200, PipelineSchema)
    def get(self, query):
        """Counts per stage (待预约 / 待面试 / 面试中 / 已完成 …) and how many invitations are overdue"""
        org = current_hr().organization_id
        session = get_session()
        conditions = [Application.organization_id == org]
        if "job_id" in query:
            job_service.get_job(session, organization_id=org, job_id=query["job_id"])
            conditions.append(Application.job_id == query["job_id"])
        counts = dict(session.exec(select(Application.state, func.count()).where(*conditions).group_by(Application.state)).all())
        late = session.exec(select(func.count()).select_from(Application).where(*conditions, overdue())).one()
        stages = [{"state": s.value, "label": STATE_LABELS[s], "count": counts.get(s.value, 0)} for s in ApplicationState]
        return {"stages": stages, "overdue": late, "total": sum(counts.values())}


@blp.route("/applications/bulk-invitations")
class BulkInvitations(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(BulkInviteSchema)
    @blp.response(200, BulkInviteResultSchema(many=True))
    def post(self, body):
        """Invite many applications at once; each gets its own result (one refusal does not stop the rest)"""
        principal = current_hr(*EDITORS)
        session = get_session()
        results = []
        for application_id in dict.fromkeys(body["application_ids"]):
            try:
                with session.begin_nested():
                    application = app_service.get_application(session, organization_id=principal.organization_id,
                                                              application_id=application_id)
                    issued = _issue_invitation(session, application=application, actor=Actor("hr", principal.user_id),
                                               notify=body["notify"], qr=body["qr"])
                results.append({"application_id": application_id, "invited": True, **issued})
            except DomainError as exc:
                results.append({"application_id": application_id, "invited": False, "reason": exc.reason, "message": exc.message})
        return results


@blp.route("/applications/<uuid:application_id>")
class ApplicationById(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, ApplicationDetailSchema)
    def get(self, application_id):
        """An application with its answers: transcripts, scores, evidence, and its event timeline"""
        session = get_session()
        application = app_service.get_application(session, organization_id=current_hr().organization_id, application_id=application_id)
        data = _list_item(application, session.get(Candidate, application.candidate_id), session.get(Job, application.job_id),
                          overdue=bool(overdue_ids(session, application_ids=[application.id])))
        data["questions"] = job_service.list_questions(session, job_id=application.job_id)
        data["answers"] = [
            dict(answer.model_dump(), recordings=segments_of(session, answer_id=answer.id))
            for answer in answers_for(session, application_id=application.id)
        ]
        data["events"] = app_service.list_events(session, application_id=application.id)
        data["consents"] = consent_state(session, application=application)
        result = session.get(InterviewResult, application.id)
        data["result"] = result.model_dump() if result else None
        return data


@blp.route("/applications/<uuid:application_id>/invitations")
class Invitations(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(InviteOptionsSchema(), required=False)
    @blp.response(201, InvitationSchema)
    def post(self, options, application_id):
        """Invite the candidate (a new link; earlier links stop working) and send them the invitation message"""
        principal = current_hr(*EDITORS)
        session = get_session()
        application = app_service.get_application(session, organization_id=principal.organization_id, application_id=application_id)
        return _issue_invitation(session, application=application, actor=Actor("hr", principal.user_id),
                                 notify=options.get("notify", True), qr=options.get("qr", True))


@blp.route("/applications/<uuid:application_id>/invitation/qr.png")
class InvitationQr(MethodView):
    @blp.doc(security=[BEARER], responses={"200": {"description": "PNG", "content": {"image/png": {}}}})
    def get(self, application_id):
        """The live invitation's WeChat QR code (it opens this candidate's interview: share it only with them)"""
        principal = current_hr(*EDITORS)
        session = get_session()
        application = app_service.get_application(session, organization_id=principal.organization_id, application_id=application_id)
        invitation = current_invitation(session, application=application)
        storage = current_app.extensions["qingpin.storage"]
        key = invitation_qr_key(invitation)
        if not storage.exists(key):
            raise NotFound("this invitation has no QR code; invite again with qr=true", reason="qr_not_available")
        response = send_file(storage.open(key), mimetype="image/png", download_name=f"invitation-{application.id}.png")
        response.headers["Cache-Control"] = "private, no-store"
        return response


def _issue_invitation(session, *, application: Application, actor: Actor, notify: bool, qr: bool) -> dict:
    """A new invitation (earlier ones revoked) with its link and, when asked and WeChat is configured, its QR code."""
    settings = current_app.config["QINGPIN_SETTINGS"]
    token, invitation = invite(session, application=application, actor=actor, days=settings.invitation_days, send_message=notify,
                               storage=current_app.extensions["qingpin.storage"])
    result = {"token": token, "url": f"/h5/c/i/{token}", "expires_at": invitation.expires_at, "qr_url": None, "qr_error": None}
    if qr and wechat_enabled(current_app):
        error = make_invitation_qr(session, application=application, invitation=invitation, token=token,
                                   gateway=gateway_of(current_app), storage=current_app.extensions["qingpin.storage"],
                                   page=settings.wechat_invite_page, env_version=settings.wechat_env_version, actor=actor)
        result["qr_error"] = error
        result["qr_url"] = None if error else f"/api/applications/{application.id}/invitation/qr.png"
    elif qr:
        result["qr_error"] = "wechat_not_configured"
    return result


@blp.route("/applications/<uuid:application_id>/decisions")
class Decisions(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(DecisionSchema)
    @blp.response(200, DecisionResultSchema)
    def post(self, body, application_id):
        """Record a human decision (advance, reject, hire, ...) with its reason, and tell the candidate

        A rejection message carries one standardized feedback text (`feedback_code`), never the internal reason;
        an advance message names the next round and its time. `notify: false` records the decision silently.
        """
        principal = current_hr(*EDITORS)
        session = get_session()
        application = app_service.get_application(session, organization_id=principal.organization_id, application_id=application_id)
        actor = Actor("hr", principal.user_id)
        if body["to_state"] == ApplicationState.hired:
            login = _hire(session, application, body, actor)
            return dict(application.model_dump(), onboarding=login)
        next_round = body.get("next_round")
        message = DecisionMessage(send=body["notify"], feedback_code=body.get("feedback_code"),
                                  next_round=NextRound(**next_round) if next_round else None)
        decide(session, application=application, to_state=body["to_state"], actor=actor,
               reason=body["reason"], message=message)
        return application


def _hire(session, application: Application, body: dict, actor: Actor) -> dict:
    """A hire always comes with an offer: the onboarding case, the employee's sign-in and the offer letter."""
    if "offer" not in body:
        app_service.check_transition(application, ApplicationState.hired)
        raise Invalid("a hire needs an offer (position, department, start date, location, manager)",
                      reason="offer_required", errors={"offer": ["required for a hire"]})
    settings = current_app.config["QINGPIN_SETTINGS"]
    case, code = onboarding.hire(session, application=application, offer=onboarding.Offer(**body["offer"]), actor=actor,
                                 reason=body["reason"], base_url=settings.public_base_url, code_days=settings.invitation_days)
    return {"case_id": case.id, "login_url": onboarding.login_url(settings.public_base_url, case), "login_code": code}


@blp.route("/answers/<uuid:answer_id>/media")
class AnswerMedia(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, AnswerMediaSchema)
    def get(self, answer_id):
        """Short-lived signed URLs to the answer's recorded segments (every access is logged)"""
        principal = current_hr()
        session = get_session()
        answer = session.get(Answer, answer_id)
        application = answer and session.get(Application, answer.application_id)
        if application is None or application.organization_id != principal.organization_id or answer.practice:
            raise NotFound("answer not found")  # a practice answer is the candidate's own
        storage = current_app.extensions["qingpin.storage"]
        seconds = current_app.config["QINGPIN_SETTINGS"].media_url_seconds
        app_service.record_event(session, application=application, kind="media_accessed", actor=Actor("hr", principal.user_id),
                                 data={"answer_id": str(answer.id)})
        recordings = [{"index": s.index, "url": storage.url(s.media_key, expires=seconds), "duration_seconds": s.duration_seconds}
                      for s in segments_of(session, answer_id=answer.id)]
        return {"recordings": recordings, "expires_in": seconds}


def _list_item(application: Application, candidate: Candidate, job: Job, *, overdue: bool) -> dict:
    data = application.model_dump()
    data["candidate"] = candidate
    data["job_title"] = job.title
    data["state_label"] = STATE_LABELS[ApplicationState(application.state)]
    data["overdue"] = overdue
    return data

