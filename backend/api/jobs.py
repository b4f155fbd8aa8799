"""Jobs (competency model, screening weights, thresholds) and their questions, scoped to the caller's organization."""
from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView
from sqlmodel import func, select

from ml.structure import STRUCTURAL_REQUIREMENTS

from ..db import get_session
from ..models import Job
from ..services import jobs as job_service
from ..services.job_policy import policy_errors
from .blueprint import Blueprint
from .schemas import CheckedObject
from .security import BEARER, current_hr

blp = Blueprint("jobs", __name__, url_prefix="/api/jobs", description="Jobs and questions")
EDITORS = ("admin", "recruiter")


class RubricPointSchema(ma.Schema):
    id = ma.fields.String(validate=ma.validate.Length(min=1, max=32))
    text = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=500))
    key_phrases = ma.fields.List(ma.fields.String(validate=ma.validate.Length(min=1, max=50)), required=True,
                                 validate=ma.validate.Length(min=1, max=30))
    weight = ma.fields.Float(load_default=1.0, validate=ma.validate.Range(min=0, max=10, min_inclusive=False))
    competencies = ma.fields.List(ma.fields.String(validate=ma.validate.Length(min=1, max=50)), validate=ma.validate.Length(max=10),
                                  metadata={"description": "the question's competencies this point is evidence of "
                                                           "(default: all of them)"})
    requires = ma.fields.List(ma.fields.String(validate=ma.validate.OneOf(sorted(STRUCTURAL_REQUIREMENTS))),
                              validate=ma.validate.Length(max=7),
                              metadata={"description": "structural requirements the answer must meet for this point: "
                                                       + ", ".join(f"{k} ({v})" for k, v in STRUCTURAL_REQUIREMENTS.items())})


class QuestionSchema(ma.Schema):
    id = ma.fields.UUID(dump_only=True)
    position = ma.fields.Integer(validate=ma.validate.Range(min=1, max=100))
    text = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=2000))
    competencies = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Float(), required=True)
    rubric = ma.fields.List(ma.fields.Nested(RubricPointSchema), required=True, validate=ma.validate.Length(min=1, max=20))
    behavioural = ma.fields.Boolean(allow_none=True, load_default=None, metadata={
        "description": "a behavioural question (STAR structure counts); null: inferred from the text"})
    practice = ma.fields.Boolean(load_default=False, metadata={
        "description": "a practice question: the candidate may try it; its answer is never scored nor counted"})
    think_seconds = ma.fields.Integer(load_default=30, validate=ma.validate.Range(min=0, max=600))
    answer_seconds = ma.fields.Integer(load_default=180, validate=ma.validate.Range(min=10, max=1800))
    retakes = ma.fields.Integer(load_default=1, validate=ma.validate.Range(min=0, max=5))
    min_speech_seconds = ma.fields.Float(load_default=3.0, validate=ma.validate.Range(min=1, max=60))


class QuestionUpdateSchema(QuestionSchema):
    think_seconds = ma.fields.Integer(validate=ma.validate.Range(min=0, max=600))
    answer_seconds = ma.fields.Integer(validate=ma.validate.Range(min=10, max=1800))
    retakes = ma.fields.Integer(validate=ma.validate.Range(min=0, max=5))
    min_speech_seconds = ma.fields.Float(validate=ma.validate.Range(min=1, max=60))
    behavioural = ma.fields.Boolean(allow_none=True)
    practice = ma.fields.Boolean()


def _check_thresholds(thresholds: dict) -> None:
    """The thresholds make a valid JobPolicy (a 422 names each one that does not)."""
    errors = policy_errors(thresholds)
    if errors:
        raise ma.ValidationError(errors)


class RequirementsSchema(ma.Schema):
    """What the résumé matcher reads (checked by services.jobs.check_requirements)."""

    skills = ma.fields.List(ma.fields.String())
    certificates = ma.fields.List(ma.fields.String())
    keywords = ma.fields.List(ma.fields.String())
    min_years = ma.fields.Float()
    education = ma.fields.String(metadata={"description": "大专 / 本科 / 硕士 / 博士, or empty for no requirement"})
    synonyms = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.List(ma.fields.String()),
                              metadata={"description": "a canonical term -> its other names (the bank's own words)"})


class ThresholdsSchema(ma.Schema):
    auto_advance_score = ma.fields.Float(metadata={"description": "0-100: propose (or, opted in, make) an advance at this score"})
    interview_pool_top_percent = ma.fields.Float(metadata={"description": "0-100: the screening board's proposed pool"})
    shadow_mode = ma.fields.Boolean(metadata={"description": "AI scores shown to HR, no proposals"})
    calibration_min_interviews = ma.fields.Integer()
    auto_advance = ma.fields.Boolean(metadata={"description": "explicit opt-in: advance at the score instead of proposing; "
                                                              "logged; never a rejection"})
    auto_release = ma.fields.Boolean(metadata={"description": "results released once decided"})


class JobSchema(ma.Schema):
    id = ma.fields.UUID(dump_only=True)
    title = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=200))
    description = ma.fields.String(load_default="", validate=ma.validate.Length(max=20000))
    requirements = CheckedObject(RequirementsSchema, load_default=dict)
    competencies = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Float(), required=True)
    screening_weights = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Float())
    thresholds = CheckedObject(ThresholdsSchema, validate=_check_thresholds)
    status = ma.fields.String(dump_only=True)
    created_at = ma.fields.AwareDateTime(dump_only=True)
    updated_at = ma.fields.AwareDateTime(dump_only=True)


class JobCreateSchema(JobSchema):
    questions = ma.fields.List(ma.fields.Nested(QuestionSchema), load_default=list)


class JobUpdateSchema(JobSchema):
    description = ma.fields.String(validate=ma.validate.Length(max=20000))
    requirements = CheckedObject(RequirementsSchema)
    status = ma.fields.String(validate=ma.validate.OneOf(["open", "closed"]))


class JobDetailSchema(JobSchema):
    questions = ma.fields.List(ma.fields.Nested(QuestionSchema))


@blp.route("")
class Jobs(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, JobSchema(many=True))
    @blp.paginate()
    def get(self, pagination_parameters):
        """List the organization's jobs, newest first"""
        principal = current_hr()
        session = get_session()
        where = Job.organization_id == principal.organization_id
        pagination_parameters.item_count = session.exec(select(func.count()).select_from(Job).where(where)).one()
        return session.exec(
            select(Job).where(where).order_by(Job.created_at.desc())
            .offset(pagination_parameters.first_item).limit(pagination_parameters.page_size)
        ).all()

    @blp.doc(security=[BEARER])
    @blp.arguments(JobCreateSchema)
    @blp.response(201, JobDetailSchema)
    def post(self, body):
        """Create a job, optionally with its questions"""
        principal = current_hr(*EDITORS)
        session = get_session()
        job = job_service.create_job(session, organization_id=principal.organization_id, created_by=principal.user_id, data=body)
        return _detail(session, job)


@blp.route("/<uuid:job_id>")
class JobById(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, JobDetailSchema)
    def get(self, job_id):
        """A job with its questions"""
        session = get_session()
        return _detail(session, job_service.get_job(session, organization_id=current_hr().organization_id, job_id=job_id))

    @blp.doc(security=[BEARER])
    @blp.arguments(JobUpdateSchema(partial=True))
    @blp.response(200, JobDetailSchema)
    def patch(self, body, job_id):
        """Change a job (or close it with status=closed)"""
        session = get_session()
        job = job_service.get_job(session, organization_id=current_hr(*EDITORS).organization_id, job_id=job_id)
        return _detail(session, job_service.update_job(session, job=job, data=body))


@blp.route("/<uuid:job_id>/questions")
class Questions(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, QuestionSchema(many=True))
    def get(self, job_id):
        """The job's questions in order"""
        session = get_session()
        job = job_service.get_job(session, organization_id=current_hr().organization_id, job_id=job_id)
        return job_service.list_questions(session, job_id=job.id)

    @blp.doc(security=[BEARER])
    @blp.arguments(QuestionSchema)
    @blp.response(201, QuestionSchema)
    def post(self, body, job_id):
        """Add a question"""
        session = get_session()
        job = job_service.get_job(session, organization_id=current_hr(*EDITORS).organization_id, job_id=job_id)
        return job_service.add_question(session, job=job, data=body)


class QuestionOrderSchema(ma.Schema):
    question_ids = ma.fields.List(ma.fields.UUID(), required=True, validate=ma.validate.Length(min=1, max=100),
                                  metadata={"description": "every question of the job, in the new order"})


@blp.route("/<uuid:job_id>/questions/order")
class QuestionOrder(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(QuestionOrderSchema)
    @blp.response(200, QuestionSchema(many=True))
    def put(self, body, job_id):
        """Reorder the job's questions (positions become 1..n in the given order)"""
        session = get_session()
        job = job_service.get_job(session, organization_id=current_hr(*EDITORS).organization_id, job_id=job_id)
        return job_service.reorder_questions(session, job=job, question_ids=body["question_ids"])


@blp.route("/<uuid:job_id>/questions/<uuid:question_id>")
class QuestionById(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(QuestionUpdateSchema(partial=True))
    @blp.response(200, QuestionSchema)
    def patch(self, body, job_id, question_id):
        """Change a question"""
        session = get_session()
        job = job_service.get_job(session, organization_id=current_hr(*EDITORS).organization_id, job_id=job_id)
        question = job_service.get_question(session, job=job, question_id=question_id)
        return job_service.update_question(session, job=job, question=question, data=body)

    @blp.doc(security=[BEARER])
    @blp.response(204)
    def delete(self, job_id, question_id):
        """Remove a question that has no answers yet"""
        session = get_session()
        job = job_service.get_job(session, organization_id=current_hr(*EDITORS).organization_id, job_id=job_id)
        job_service.delete_question(session, question=job_service.get_question(session, job=job, question_id=question_id))


def _detail(session, job: Job) -> dict:
    data = job.model_dump()
    data["questions"] = job_service.list_questions(session, job_id=job.id)
    return data
