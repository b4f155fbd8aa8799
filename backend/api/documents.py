"""Résumés and supplementary materials: HR or the candidate uploads, the `ocr` job reads, HR sees fields and match."""
from __future__ import annotations

import marshmallow as ma
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from ..db import get_session
from ..jobs.queues import ocr_enqueuer
from ..models import Application
from ..models.documents import DocumentKind
from ..services import applications as app_service
from ..services.applications import Actor
from ..services.documents import add_document, documents_of
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


class DocumentDetailSchema(DocumentStatusSchema):
    """HR's view: how each page was read, the job-relevant fields, and the weighted match with its reasons."""

    sha256 = ma.fields.String()
    uploaded_by = ma.fields.String()
    pages = ma.fields.List(ma.fields.Dict())
    fields = ma.fields.Dict()
    match = ma.fields.Dict()
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
