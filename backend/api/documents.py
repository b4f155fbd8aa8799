"""Résumés and supplementary materials: HR or the candidate uploads, the `ocr` job reads, HR sees fields and match;
the job's screening board ranks the applications by match and proposes an interview pool."""
from __future__ import annotations

import marshmallow as ma
from flask import current_app
from flask.views import MethodView

from ..db import get_session
from ..jobs.queues import ocr_enqueuer
from ..models import Application
from ..models.documents import DocumentKind
from ..services import applications as app_service
from ..services.applications import Actor
from ..services import jobs as job_service
from ..services.documents import add_document, documents_of
from ..services.screening import rematch, screening_board
from .blueprint import Blueprint
from .schemas import number_map
from .security import BEARER, current_candidate, current_hr

blp = Blueprint("documents", __name__, url_prefix="/api", description="Résumés and supplementary documents")
EDITORS = ("admin", "recruiter")


class DocumentFormSchema(ma.Schema):
    kind = ma.fields.String(load_default="resume", validate=ma.validate.OneOf([k.value for k in DocumentKind]))


class DocumentFileSchema(ma.Schema):
    file = ma.fields.Raw(required=True, metadata={"type": "string", "format": "binary"})


class DocumentStatusSchema(ma.Schema):
    """What the candidate sees of their own document."""

    id = ma.fields.UUID()
    kind = ma.fields.String()
    filename = ma.fields.String()
    file_type = ma.fields.String()
    bytes = ma.fields.Integer()
    status = ma.fields.String()
    status_reason = ma.fields.String(allow_none=True)
    status_message = ma.fields.String(allow_none=True)
    created_at = ma.fields.AwareDateTime()


class PageSchema(ma.Schema):
    number = ma.fields.Integer()
    method = ma.fields.String(metadata={"description": "how the page was read: its text layer or OCR"})


class EducationSchema(ma.Schema):
    school = ma.fields.String()
    degree = ma.fields.String(metadata={"description": "大专 / 本科 / 硕士 / 博士, or empty when not stated"})
    major = ma.fields.String()
    start = ma.fields.String(allow_none=True, metadata={"description": "YYYY-MM or YYYY"})
    end = ma.fields.String(allow_none=True, metadata={"description": "YYYY-MM, YYYY or 至今"})


class WorkEntrySchema(ma.Schema):
    employer = ma.fields.String()
    title = ma.fields.String()
    start = ma.fields.String(allow_none=True)
    end = ma.fields.String(allow_none=True)
    description = ma.fields.String()
    internship = ma.fields.Boolean()


class ResumeFieldsSchema(ma.Schema):
    """The job-relevant fields read from a résumé (nothing else is kept)."""

    name = ma.fields.String()
    phone = ma.fields.String()
    email = ma.fields.String()
    education = ma.fields.List(ma.fields.Nested(EducationSchema))
    work = ma.fields.List(ma.fields.Nested(WorkEntrySchema))
    years_experience = ma.fields.Float()
    skills = ma.fields.List(ma.fields.String())
    certificates = ma.fields.List(ma.fields.String())
    languages = ma.fields.List(ma.fields.String())


class MatchEvidenceSchema(ma.Schema):
    requirement = ma.fields.String()
    source = ma.fields.String(metadata={"description": "listed | experience | inferred | certificate | text"})
    quote = ma.fields.String()


class PartScoreSchema(ma.Schema):
    score = ma.fields.Float(metadata={"description": "0-100"})
    reasons = ma.fields.List(ma.fields.String())
    evidence = ma.fields.List(ma.fields.Nested(MatchEvidenceSchema))


class MatchSchema(ma.Schema):
    """The weighted match against the job: a score per part with its reasons and quoted evidence."""

    score = ma.fields.Float()
    parts = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Nested(PartScoreSchema),
                           metadata={"description": "skills / experience / education / other"})
    weights = number_map()
    version = ma.fields.String()
    config_hash = ma.fields.String()


class DocumentDetailSchema(DocumentStatusSchema):
    """HR's view: how each page was read, the job-relevant fields, and the weighted match with its reasons."""

    sha256 = ma.fields.String()
    uploaded_by = ma.fields.String()
    pages = ma.fields.List(ma.fields.Nested(PageSchema))
    fields = ma.fields.Nested(ResumeFieldsSchema, metadata={"description": "résumés only; empty otherwise"})
    match = ma.fields.Nested(MatchSchema, metadata={"description": "résumés only; empty otherwise"})
    processed_at = ma.fields.AwareDateTime(allow_none=True)


def _upload(application, form, files, actor):
    settings = current_app.config["QINGPIN_SETTINGS"]
    return add_document(get_session(), application=application, kind=form["kind"], fileobj=files["file"].stream,
                        filename=files["file"].filename, storage=current_app.extensions["qingpin.storage"],
                        spool_dir=settings.instance_dir / "spool", actor=actor, enqueue_ocr=ocr_enqueuer())


@blp.route("/applications/<uuid:application_id>/documents")
class ApplicationDocuments(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, DocumentDetailSchema(many=True))
    def get(self, application_id):
        """The application's documents with extracted fields and the match against the job"""
        session = get_session()
        application = app_service.get_application(session, organization_id=current_hr().organization_id,
                                                  application_id=application_id)
        return documents_of(session, application_id=application.id)

    @blp.doc(security=[BEARER])
    @blp.arguments(DocumentFormSchema, location="form")
    @blp.arguments(DocumentFileSchema, location="files")
    @blp.response(202, DocumentDetailSchema)
    @blp.alt_response(415, description="Not a PDF, DOCX or image")
    def post(self, form, files, application_id):
        """Upload a résumé (or diploma, certificate) for the candidate; it is read in the background"""
        principal = current_hr(*EDITORS)
        session = get_session()
        application = app_service.get_application(session, organization_id=principal.organization_id,
                                                  application_id=application_id)
        return _upload(application, form, files, Actor("hr", principal.user_id))


@blp.route("/candidate/documents")
class MyDocuments(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, DocumentStatusSchema(many=True))
    def get(self):
        """My résumé and supplementary materials, and whether they could be read"""
        return documents_of(get_session(), application_id=current_candidate().application_id)

    @blp.doc(security=[BEARER])
    @blp.arguments(DocumentFormSchema, location="form")
    @blp.arguments(DocumentFileSchema, location="files")
    @blp.response(202, DocumentStatusSchema)
    @blp.alt_response(415, description="Not a PDF, DOCX or image")
    def post(self, form, files):
        """Upload my résumé or a supplementary document (diploma, certificate)"""
        principal = current_candidate()
        application = get_session().get(Application, principal.application_id)
        return _upload(application, form, files, Actor("candidate", principal.candidate_id))


class ScreeningQuerySchema(ma.Schema):
    top_percent = ma.fields.Float(validate=ma.validate.Range(min=0, max=100, min_inclusive=False),
                                  metadata={"description": "propose the top N % (default: the job's interview_pool_top_percent, 30)"})
    threshold = ma.fields.Float(validate=ma.validate.Range(min=0, max=100),
                                metadata={"description": "propose everyone at or above this score instead"})


class RankedSchema(ma.Schema):
    application_id = ma.fields.UUID()
    candidate_id = ma.fields.UUID()
    candidate_name = ma.fields.String()
    state = ma.fields.String()
    document_id = ma.fields.UUID()
    rank = ma.fields.Integer()
    score = ma.fields.Float()
    parts = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Nested(PartScoreSchema),
                           metadata={"description": "skills / experience / education / other: score, reasons, evidence"})
    stale = ma.fields.Boolean(metadata={"description": "matched with older settings: re-match to refresh"})
    proposed = ma.fields.Boolean()
    basis = ma.fields.String(allow_none=True)


class UnrankedSchema(ma.Schema):
    application_id = ma.fields.UUID()
    candidate_name = ma.fields.String()
    state = ma.fields.String()


class ScreeningSchema(ma.Schema):
    job_id = ma.fields.UUID()
    config_hash = ma.fields.String()
    top_percent = ma.fields.Float()
    threshold = ma.fields.Float(allow_none=True)
    proposed = ma.fields.Integer()
    ranked = ma.fields.List(ma.fields.Nested(RankedSchema))
    without_resume = ma.fields.List(ma.fields.Nested(UnrankedSchema))


class RematchSchema(ma.Schema):
    updated = ma.fields.Integer()
    unchanged = ma.fields.Integer()
    config_hash = ma.fields.String()


@blp.route("/jobs/<uuid:job_id>/screening")
class Screening(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(ScreeningQuerySchema, location="query")
    @blp.response(200, ScreeningSchema)
    def get(self, query, job_id):
        """The job's applications ranked by résumé match, with reasons, and the proposed interview pool (HR invites)"""
        session = get_session()
        job = job_service.get_job(session, organization_id=current_hr(*EDITORS).organization_id, job_id=job_id)
        return screening_board(session, job=job, top_percent=query.get("top_percent"), threshold=query.get("threshold"))


@blp.route("/jobs/<uuid:job_id>/screening/rematch")
class Rematch(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, RematchSchema)
    def post(self, job_id):
        """Match every parsed résumé again with the job's current requirements, weights and synonyms"""
        principal = current_hr(*EDITORS)
        session = get_session()
        job = job_service.get_job(session, organization_id=principal.organization_id, job_id=job_id)
        return rematch(session, job=job, actor=Actor("hr", principal.user_id))
