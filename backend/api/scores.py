"""HR side: human scores of answers and interviews, the AI-score audit trail, AI–human agreement and calibration per job."""
from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView

from ml.calibration import DEFAULT_ALPHA

from ..db import get_session
from ..jobs.queues import scoring_enqueuer
from ..services import answers as answer_service
from ..services import calibration as calibration_service
from ..services import human_scores as score_service
from ..services import jobs as job_service
from ..services.applications import Actor, get_application
from .blueprint import Blueprint
from .schemas import number_map
from .security import BEARER, current_hr

blp = Blueprint("scores", __name__, url_prefix="/api", description="Human scores, AI-score audit, agreement and calibration (HR)")

EDITORS = ("admin", "recruiter")
SCORE = ma.validate.Range(min=0, max=100)


class AnswerScoreSchema(ma.Schema):
    overall = ma.fields.Float(validate=SCORE, metadata={"description": "0–100 for the answer as a whole"})
    competency_scores = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Float(validate=SCORE), load_default=dict,
                                       metadata={"description": "0–100 per competency the question measures"})
    comment = ma.fields.String(validate=ma.validate.Length(max=score_service.MAX_COMMENT), allow_none=True)


class InterviewScoreSchema(ma.Schema):
    competency_scores = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Float(validate=SCORE), required=True,
                                       metadata={"description": "0–100 per competency of the job"})
    comment = ma.fields.String(validate=ma.validate.Length(max=score_service.MAX_COMMENT), allow_none=True)


class HumanScoreSchema(ma.Schema):
    id = ma.fields.UUID()
    application_id = ma.fields.UUID()
    answer_id = ma.fields.UUID(allow_none=True)
    scope = ma.fields.String(metadata={"description": "answer | interview"})
    scorer_id = ma.fields.UUID()
    revision = ma.fields.Integer()
    current = ma.fields.Boolean(metadata={"description": "the rater's newest revision: the one that counts"})
    overall = ma.fields.Float(allow_none=True)
    competency_scores = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Float())
    comment = ma.fields.String(allow_none=True)
    created_at = ma.fields.AwareDateTime()


class AiScoreAuditSchema(ma.Schema):
    id = ma.fields.UUID()
    answer_id = ma.fields.UUID()
    application_id = ma.fields.UUID()
    input_sha256 = ma.fields.String(allow_none=True)
    transcript_sha256 = ma.fields.String(allow_none=True)
    scorer_version = ma.fields.String(allow_none=True)
    config_hash = ma.fields.String(allow_none=True)
    asr_engine = ma.fields.String(allow_none=True)
    status = ma.fields.String()
    reason = ma.fields.String(allow_none=True)
    content_score = ma.fields.Float(allow_none=True)
    competency_scores = number_map()
    features = number_map("the scorer's allow-listed features behind the score (input to calibration)")
    created_at = ma.fields.AwareDateTime()


class StatSchema(ma.Schema):
    value = ma.fields.Float(allow_none=True)
    reason = ma.fields.String(allow_none=True, metadata={"description": "why there is no value"})


class AgreementReportSchema(ma.Schema):
    """AI vs human on one competency: n pairs and four statistics, each with a value or the reason it has none."""

    version = ma.fields.String()
    n = ma.fields.Integer()
    excluded = ma.fields.Integer(metadata={"description": "pairs left out: one of the two scores missing"})
    enough_data = ma.fields.Boolean()
    message = ma.fields.String(allow_none=True, metadata={"description": "not enough data: …"})
    spearman_rho = ma.fields.Nested(StatSchema)
    icc_2_1 = ma.fields.Nested(StatSchema)
    weighted_kappa = ma.fields.Nested(StatSchema)
    mean_bias = ma.fields.Nested(StatSchema, metadata={"description": "AI − human"})


def _reports(description: str) -> ma.fields.Dict:
    return ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Nested(AgreementReportSchema),
                          metadata={"description": description})


class AnswerAgreementSchema(ma.Schema):
    overall = ma.fields.Nested(AgreementReportSchema)
    competencies = _reports("per competency")


class InterviewAgreementSchema(ma.Schema):
    competencies = _reports("per competency, the interview roll-up against human interview scores")


class HeldOutMetricsSchema(ma.Schema):
    current = ma.fields.Nested(AgreementReportSchema, metadata={"description": "the weights in force"})
    new = ma.fields.Nested(AgreementReportSchema, metadata={"description": "the newly fitted weights"})


class SplitPartSchema(ma.Schema):
    interviews = ma.fields.Integer()
    answers = ma.fields.Integer()
    interview_ids = ma.fields.List(ma.fields.String())


class SplitSchema(ma.Schema):
    salt = ma.fields.String()
    version = ma.fields.String()
    train = ma.fields.Nested(SplitPartSchema)
    test = ma.fields.Nested(SplitPartSchema)


class AgreementSchema(ma.Schema):
    job_id = ma.fields.UUID()
    version = ma.fields.String()
    min_pairs = ma.fields.Integer()
    calibration_version = ma.fields.Integer(allow_none=True, metadata={"description": "adopted weights in force, if any"})
    answers = ma.fields.Nested(AnswerAgreementSchema)
    interviews = ma.fields.Nested(InterviewAgreementSchema)


class CalibrationRunSchema(ma.Schema):
    alpha = ma.fields.Float(load_default=DEFAULT_ALPHA, validate=ma.validate.Range(min=0, max=1e6),
                            metadata={"description": "ridge penalty"})


class CalibrationVersionSchema(ma.Schema):
    id = ma.fields.UUID()
    job_id = ma.fields.UUID()
    version = ma.fields.Integer()
    feature_names = ma.fields.List(ma.fields.String())
    weights = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Float())
    alpha = ma.fields.Float()
    adopted = ma.fields.Boolean()
    reason = ma.fields.String()
    train_metrics = ma.fields.Nested(AgreementReportSchema)
    test_metrics = ma.fields.Nested(HeldOutMetricsSchema, metadata={"description": "held-out agreement of the weights in force and of the new ones"})
    split = ma.fields.Nested(SplitSchema)
    created_by = ma.fields.UUID(allow_none=True)
    created_at = ma.fields.AwareDateTime()


@blp.route("/answers/<uuid:answer_id>/human-scores")
class AnswerHumanScores(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, HumanScoreSchema(many=True))
    def get(self, answer_id):
        """Every human score of the answer with its revisions, oldest first"""
        session = get_session()
        answer, application = score_service.get_answer(session, organization_id=current_hr().organization_id, answer_id=answer_id)
        return score_service.with_current_flag(score_service.scores_for(session, application_id=application.id, answer_id=answer.id))

    @blp.doc(security=[BEARER])
    @blp.arguments(AnswerScoreSchema)
    @blp.response(201, HumanScoreSchema)
    @blp.alt_response(422, description="A competency the question does not measure, a score outside 0–100, or no score")
    def post(self, body, answer_id):
        """Score the answer (overall and/or per competency); scoring it again is a new revision"""
        principal = current_hr(*score_service.SCORER_ROLES)
        session = get_session()
        answer, application = score_service.get_answer(session, organization_id=principal.organization_id, answer_id=answer_id)
        row = score_service.record_answer_score(session, answer=answer, application=application, scorer_id=principal.user_id,
                                                **body)
        return dict(row.model_dump(), current=True)


@blp.route("/answers/<uuid:answer_id>/ai-score-audit")
class AnswerAiScoreAudit(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, AiScoreAuditSchema(many=True))
    def get(self, answer_id):
        """Every AI score the answer received: input hash, scorer and config version, output, time"""
        session = get_session()
        answer, _ = score_service.get_answer(session, organization_id=current_hr().organization_id, answer_id=answer_id)
        return score_service.audit_trail(session, answer_id=answer.id)


class RescoreSchema(ma.Schema):
    reason = ma.fields.String(validate=ma.validate.Length(max=answer_service.MAX_RESCORE_REASON), allow_none=True,
                              metadata={"description": "why the answer is rescored (kept in the audit log)"})


class RescoreQueuedSchema(ma.Schema):
    answer_id = ma.fields.UUID()
    status = ma.fields.String(metadata={"description": "uploaded: queued for the scorer"})
    scorer_version = ma.fields.String(metadata={"description": "the scorer version that will score it"})
    previous_scorer_version = ma.fields.String(allow_none=True, metadata={
        "description": "the version of the score it replaces; that score stays in the AI-score audit trail"})


@blp.route("/answers/<uuid:answer_id>/rescore")
class AnswerRescore(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(RescoreSchema(), required=False)
    @blp.response(202, RescoreQueuedSchema)
    @blp.alt_response(409, description="Still being scored, AI evaluation declined, or the application decided or released")
    def post(self, body, answer_id):
        """Score the answer again with the current scorer; the old score stays in the audit trail with its version"""
        principal = current_hr(*EDITORS)
        session = get_session()
        answer, application = score_service.get_answer(session, organization_id=principal.organization_id, answer_id=answer_id)
        previous = answer.scorer_version
        answer_service.request_rescore(session, answer=answer, application=application,
                                       actor=Actor("hr", principal.user_id), enqueue_scoring=scoring_enqueuer(),
                                       reason=(body or {}).get("reason"))
        return {"answer_id": answer.id, "status": answer.status, "scorer_version": answer_service.SCORER_VERSION,
                "previous_scorer_version": previous}


@blp.route("/applications/<uuid:application_id>/human-scores")
class ApplicationHumanScores(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, HumanScoreSchema(many=True))
    def get(self, application_id):
        """Every human score of the interview and of its answers, with revisions, oldest first"""
        session = get_session()
        application = get_application(session, organization_id=current_hr().organization_id, application_id=application_id)
        return score_service.with_current_flag(score_service.scores_for(session, application_id=application.id))

    @blp.doc(security=[BEARER])
    @blp.arguments(InterviewScoreSchema)
    @blp.response(201, HumanScoreSchema)
    @blp.alt_response(409, description="The interview is not finished yet")
    @blp.alt_response(422, description="A competency the job does not have, or a score outside 0–100")
    def post(self, body, application_id):
        """Score the whole interview per competency; scoring it again is a new revision"""
        principal = current_hr(*score_service.SCORER_ROLES)
        session = get_session()
        application = get_application(session, organization_id=principal.organization_id, application_id=application_id)
        row = score_service.record_interview_score(session, application=application, scorer_id=principal.user_id, **body)
        return dict(row.model_dump(), current=True)


@blp.route("/jobs/<uuid:job_id>/agreement")
class JobAgreement(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, AgreementSchema)
    def get(self, job_id):
        """AI–human agreement per competency: Spearman ρ, ICC(2,1), weighted κ on five bands, mean bias, with n"""
        session = get_session()
        job = job_service.get_job(session, organization_id=current_hr().organization_id, job_id=job_id)
        return calibration_service.agreement_for_job(session, job=job)


@blp.route("/jobs/<uuid:job_id>/calibrations")
class JobCalibrations(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, CalibrationVersionSchema(many=True))
    def get(self, job_id):
        """Every fitted weight version of the job, newest first, adopted or not"""
        session = get_session()
        job = job_service.get_job(session, organization_id=current_hr().organization_id, job_id=job_id)
        return calibration_service.list_calibrations(session, job_id=job.id)

    @blp.doc(security=[BEARER])
    @blp.arguments(CalibrationRunSchema(), required=False)
    @blp.response(201, CalibrationVersionSchema)
    @blp.alt_response(409, description="Not enough interviews scored by both the AI and a human")
    def post(self, body, job_id):
        """Fit weights to human scores on part of the interviews; adopted only if held-out agreement improves"""
        principal = current_hr(*EDITORS)
        session = get_session()
        job = job_service.get_job(session, organization_id=principal.organization_id, job_id=job_id)
        return calibration_service.run_calibration(session, job=job, created_by=principal.user_id,
                                                   alpha=(body or {}).get("alpha", DEFAULT_ALPHA))
