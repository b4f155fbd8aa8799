"""Candidate side: exchange an invitation for a token, read my interview, upload my answers, follow their status."""
from __future__ import annotations

from datetime import timedelta

import marshmallow as ma
from flask import current_app
from flask.views import MethodView

from ml.device_check import check_recording

from ..db import get_session
from ..errors import NotFound
from ..jobs.queues import scoring_enqueuer, transcription_enqueuer
from ..models import Answer, Application, Job, Organization, utcnow
from ..services import jobs as job_service
from ..services.accommodations import accommodation_for
from ..services.answers import (
    SEGMENT_MAX_SECONDS, answers_for, attach_segment, candidate_question, candidate_questions, check_upload_window,
    max_segments, recording_answer, spool, start_question,
)
from ..services.applications import Actor, record_event
from ..services.invitations import current_invitation, redeem_invitation
from ..services.results import finish_interview
from .blueprint import Blueprint
from .schemas import AnswerStatusSchema
from .security import BEARER, current_candidate

blp = Blueprint("interview", __name__, url_prefix="/api/candidate", description="The candidate's own interview")
DEVICE_CHECK_BYTES = 20 * 1024 * 1024


class SessionRequestSchema(ma.Schema):
    invitation_token = ma.fields.String(required=True, validate=ma.validate.Length(min=16, max=128))


class SessionSchema(ma.Schema):
    token = ma.fields.String()
    application_id = ma.fields.UUID()
    expires_at = ma.fields.AwareDateTime(metadata={"description": "the candidate token's expiry (log in again from the link)"})


class CandidateQuestionSchema(ma.Schema):
    id = ma.fields.UUID()
    position = ma.fields.Integer()
    text = ma.fields.String(allow_none=True, metadata={"description": "null until the candidate starts the question"})
    started = ma.fields.Boolean()
    think_seconds = ma.fields.Integer(metadata={"description": "with my accommodation's extra time"})
    answer_seconds = ma.fields.Integer(metadata={"description": "with my accommodation's extra time"})
    retakes = ma.fields.Integer(metadata={"description": "with my accommodation's extra retakes"})
    retakes_left = ma.fields.Integer(metadata={"description": "attempts I may still start after the first (an unreadable one is free)"})
    attempts_left = ma.fields.Integer(metadata={"description": "how many more times I may start this question"})
    practice = ma.fields.Boolean(metadata={"description": "a practice question: never scored, not needed to finish"})


class MyAccommodationSchema(ma.Schema):
    extra_think_seconds = ma.fields.Integer()
    extra_answer_seconds = ma.fields.Integer()
    extra_retakes = ma.fields.Integer()
    extra_window_hours = ma.fields.Integer()


class MyInterviewSchema(ma.Schema):
    application_id = ma.fields.UUID()
    state = ma.fields.String()
    job_title = ma.fields.String()
    organization_name = ma.fields.String()
    invitation_expires_at = ma.fields.AwareDateTime(allow_none=True, metadata={"description": "the invitation link works until then"})
    accommodation = ma.fields.Nested(MyAccommodationSchema)
    segment_max_seconds = ma.fields.Integer(metadata={"description": "record each segment for at most this long"})
    questions = ma.fields.List(ma.fields.Nested(CandidateQuestionSchema))
    answers = ma.fields.List(ma.fields.Nested(AnswerStatusSchema))


class SegmentFormSchema(ma.Schema):
    index = ma.fields.Integer(required=True, validate=ma.validate.Range(min=0, max=99))
    count = ma.fields.Integer(load_default=None, allow_none=True, validate=ma.validate.Range(min=1, max=100), metadata={
        "description": "the answer's number of segments; may be left out until the last segment (recording continues)"})
    sha256 = ma.fields.String(required=True, validate=ma.validate.Regexp(r"^[0-9a-fA-F]{64}$"))


class SegmentFileSchema(ma.Schema):
    file = ma.fields.Raw(required=True, metadata={"type": "string", "format": "binary"})


class StartQuestionArgsSchema(ma.Schema):
    recorder = ma.fields.String(
        load_default="overlapping", validate=ma.validate.OneOf(["overlapping", "camera"]),
        metadata={"description": "overlapping: the next segment starts before the last one stops (browser "
                                 "MediaRecorder), so segments are short and each is recognised as it lands; camera: "
                                 "the recorder must stop and restart at each cut (mini-program camera), which loses "
                                 "a moment of speech, so it is told the longest segment (120 s) and cuts rarely"})


class StartedQuestionSchema(ma.Schema):
    answer_id = ma.fields.UUID()
    attempt = ma.fields.Integer()
    question = ma.fields.Nested(CandidateQuestionSchema)
    started_at = ma.fields.AwareDateTime()
    record_by = ma.fields.AwareDateTime()
    max_segments = ma.fields.Integer()
    segment_max_seconds = ma.fields.Integer(metadata={"description": "record each segment for at most this long"})


@blp.route("/session")
class CandidateSession(MethodView):
    @blp.arguments(SessionRequestSchema)
    @blp.response(201, SessionSchema)
    @blp.alt_response(404, description="Unknown, revoked or expired invitation")
    def post(self, body):
        """Exchange an invitation token for a candidate token scoped to that application"""
        hours = current_app.config["QINGPIN_SETTINGS"].candidate_token_hours
        expires_at = utcnow() + timedelta(hours=hours)  # taken before the token is issued: never later than its expiry
        token, application = redeem_invitation(get_session(), token=body["invitation_token"], hours=hours)
        return {"token": token, "application_id": application.id, "expires_at": expires_at}


@blp.route("/interview")
class MyInterview(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, MyInterviewSchema)
    def get(self):
        """My interview: its questions and the status of my answers"""
        session = get_session()
        return _my_interview(session, _my_application(session, current_candidate()))


class DeviceCheckSchema(ma.Schema):
    readable = ma.fields.Boolean()
    ok = ma.fields.Boolean()
    reason = ma.fields.String(allow_none=True)
    message = ma.fields.String()
    seconds = ma.fields.Float()
    peak_dbfs = ma.fields.Float(allow_none=True)
    speech_dbfs = ma.fields.Float(allow_none=True)
    clipped_share = ma.fields.Float()
    speech_seconds = ma.fields.Float()


@blp.route("/device-check")
class DeviceCheckView(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(SegmentFileSchema, location="files")
    @blp.response(200, DeviceCheckSchema)
    def post(self, files):
        """Check my camera/microphone with a few seconds of recording: level, clipping, speech, readability"""
        principal = current_candidate()
        session = get_session()
        application = _my_application(session, principal)
        settings = current_app.config["QINGPIN_SETTINGS"]
        path, _, _ = spool(files["file"].stream, max_bytes=DEVICE_CHECK_BYTES, directory=settings.instance_dir / "spool")
        try:
            result = check_recording(str(path))
        finally:
            path.unlink(missing_ok=True)
        record_event(session, application=application, kind="device_checked", actor=Actor("candidate", principal.candidate_id),
                     reason=result.reason, data=result.to_dict())
        return result


@blp.route("/questions/<uuid:question_id>/start")
class StartQuestion(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(201, StartedQuestionSchema)
    @blp.arguments(StartQuestionArgsSchema, location="query")
    @blp.alt_response(409, description="No retakes left, or the interview is not open")
    def post(self, args, question_id):
        """Start a question (or a retake): its text is released now and the recording window begins"""
        principal = current_candidate()
        session = get_session()
        application = _my_application(session, principal)
        seconds = _segment_seconds()
        if args["recorder"] == "camera":
            seconds = max(seconds, SEGMENT_MAX_SECONDS)
        answer, question = start_question(session, application=application, question_id=question_id,
                                          actor=Actor("candidate", principal.candidate_id),
                                          storage=current_app.extensions["qingpin.storage"], segment_seconds=seconds)
        view = candidate_question(session, application=application, question=question)
        return {"answer_id": answer.id, "attempt": answer.attempt, "question": view, "started_at": answer.started_at,
                "record_by": answer.record_by, "segment_max_seconds": seconds,
                "max_segments": max_segments(session, application_id=application.id, question=question, segment_seconds=seconds)}


@blp.route("/answers/<uuid:answer_id>/segments")
class AnswerSegments(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(SegmentFormSchema, location="form")
    @blp.arguments(SegmentFileSchema, location="files")
    @blp.response(201, AnswerStatusSchema)
    @blp.alt_response(409, description="Time over, segment already uploaded, or the answer is submitted")
    @blp.alt_response(415, description="Not an audio or video recording")
    def post(self, form, files, answer_id):
        """Upload one recorded segment in a single request (the resumable protocol is at /api/uploads/)"""
        principal = current_candidate()
        session = get_session()
        application = _my_application(session, principal)
        answer, _ = recording_answer(session, application=application, answer_id=answer_id, segment_index=form["index"],
                                     segment_count=form["count"], segment_seconds=_segment_seconds())
        check_upload_window(answer)
        settings = current_app.config["QINGPIN_SETTINGS"]
        path, _, _ = spool(files["file"].stream, max_bytes=settings.max_segment_bytes, directory=settings.instance_dir / "spool")
        try:
            attach_segment(session, application=application, answer_id=answer_id, segment_index=form["index"],
                           segment_count=form["count"], path=path, sha256=form["sha256"], storage=current_app.extensions["qingpin.storage"],
                           actor=Actor("candidate", principal.candidate_id), enqueue_scoring=scoring_enqueuer(),
                           enqueue_transcription=transcription_enqueuer(),
                           segment_seconds=settings.segment_seconds, quota_bytes=settings.max_candidate_bytes)
        finally:
            path.unlink(missing_ok=True)
        return session.get(Answer, answer_id)


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


def _segment_seconds() -> int:
    return current_app.config["QINGPIN_SETTINGS"].segment_seconds


def _my_interview(session, application: Application) -> dict:
    answers = answers_for(session, application_id=application.id, include_practice=True)
    job = session.get(Job, application.job_id)
    extra = accommodation_for(session, application_id=application.id)
    return {
        "application_id": application.id,
        "state": application.state,
        "job_title": job.title,
        "organization_name": session.get(Organization, job.organization_id).name,
        "invitation_expires_at": _invitation_expiry(session, application),
        "accommodation": {name: getattr(extra, name) for name in MyAccommodationSchema._declared_fields},
        "segment_max_seconds": _segment_seconds(),
        "questions": candidate_questions(session, application=application, answers=answers,
                                         questions=job_service.list_questions(session, job_id=job.id)),
        "answers": answers,
    }


def _invitation_expiry(session, application: Application):
    try:
        return current_invitation(session, application=application).expires_at
    except NotFound:
        return None


def _my_application(session, principal):
    application = session.get(Application, principal.application_id)
    if application is None:
        raise NotFound("application not found")
    return application
