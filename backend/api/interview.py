"""Candidate side: exchange an invitation for a token, read my interview, upload my answers, follow their status."""
from __future__ import annotations

import marshmallow as ma
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from ..db import get_session
from ..errors import NotFound
from ..jobs.queues import enqueue_score_answer
from ..models import Answer, Application, Job
from ..redis_conn import get_redis
from ..services import jobs as job_service
from ..services.answers import answers_for, finish_interview, submit_answer
from ..services.applications import Actor
from ..services.invitations import redeem_invitation
from .schemas import AnswerStatusSchema
from .security import BEARER, current_candidate

blp = Blueprint("interview", __name__, url_prefix="/api/candidate", description="The candidate's own interview")


class SessionRequestSchema(ma.Schema):
    invitation_token = ma.fields.String(required=True, validate=ma.validate.Length(min=16, max=128))


class SessionSchema(ma.Schema):
    token = ma.fields.String()
    application_id = ma.fields.UUID()


class CandidateQuestionSchema(ma.Schema):
    id = ma.fields.UUID()
    position = ma.fields.Integer()
    text = ma.fields.String()
    think_seconds = ma.fields.Integer()
    answer_seconds = ma.fields.Integer()
    retakes = ma.fields.Integer()


class MyInterviewSchema(ma.Schema):
    application_id = ma.fields.UUID()
    state = ma.fields.String()
    job_title = ma.fields.String()
    questions = ma.fields.List(ma.fields.Nested(CandidateQuestionSchema))
    answers = ma.fields.List(ma.fields.Nested(AnswerStatusSchema))


class AnswerFormSchema(ma.Schema):
    question_id = ma.fields.UUID(required=True)
    sha256 = ma.fields.String(validate=ma.validate.Regexp(r"^[0-9a-fA-F]{64}$"))


class AnswerFileSchema(ma.Schema):
    file = ma.fields.Raw(required=True, metadata={"type": "string", "format": "binary"})


@blp.route("/session")
class CandidateSession(MethodView):
    @blp.arguments(SessionRequestSchema)
    @blp.response(201, SessionSchema)
    @blp.alt_response(404, description="Unknown, revoked or expired invitation")
    def post(self, body):
        """Exchange an invitation token for a candidate token scoped to that application"""
        hours = current_app.config["QINGPIN_SETTINGS"].candidate_token_hours
        token, application = redeem_invitation(get_session(), token=body["invitation_token"], hours=hours)
        return {"token": token, "application_id": application.id}


@blp.route("/interview")
class MyInterview(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, MyInterviewSchema)
    def get(self):
        """My interview: its questions and the status of my answers"""
        session = get_session()
        return _my_interview(session, _my_application(session, current_candidate()))


@blp.route("/answers")
class MyAnswers(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(AnswerFormSchema, location="form")
    @blp.arguments(AnswerFileSchema, location="files")
    @blp.response(201, AnswerStatusSchema)
    @blp.alt_response(409, description="No retakes left, or the interview is not open")
    @blp.alt_response(415, description="Not an audio or video recording")
    def post(self, form, files):
        """Upload one recorded answer (a single file; the resumable protocol is at /api/uploads/)"""
        principal = current_candidate()
        session = get_session()
        settings = current_app.config["QINGPIN_SETTINGS"]
        redis_conn = get_redis()
        return submit_answer(
            session, application=_my_application(session, principal), question_id=form["question_id"],
            fileobj=files["file"].stream, storage=current_app.extensions["qingpin.storage"],
            spool_dir=settings.instance_dir / "spool", max_bytes=settings.max_answer_bytes,
            actor=Actor("candidate", principal.candidate_id), sha256=form.get("sha256"),
            enqueue_scoring=lambda answer_id: enqueue_score_answer(redis_conn, answer_id),
        )


@blp.route("/interview/finish")
class FinishInterview(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, MyInterviewSchema)
    @blp.alt_response(409, description="Questions still unanswered, or the interview is not in progress")
    def post(self):
        """Finish my interview once every question has an answer"""
        principal = current_candidate()
        session = get_session()
        application = finish_interview(session, application=_my_application(session, principal),
                                       actor=Actor("candidate", principal.candidate_id))
        return _my_interview(session, application)


@blp.route("/answers/<uuid:answer_id>")
class MyAnswer(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, AnswerStatusSchema)
    def get(self, answer_id):
        """The status of one of my answers"""
        principal = current_candidate()
        answer = get_session().get(Answer, answer_id)
        if answer is None or answer.application_id != principal.application_id:
            raise NotFound("answer not found")
        return answer


def _my_interview(session, application: Application) -> dict:
    return {
        "application_id": application.id,
        "state": application.state,
        "job_title": session.get(Job, application.job_id).title,
        "questions": job_service.list_questions(session, job_id=application.job_id),
        "answers": answers_for(session, application_id=application.id),
    }


def _my_application(session, principal):
    application = session.get(Application, principal.application_id)
    if application is None:
        raise NotFound("application not found")
    return application
