"""Job `ocr_document`: read a document (text layer, OCR or DOCX), parse a résumé's fields and match it to the job."""
from __future__ import annotations

import logging
import uuid

from ml.documents import DocumentRejected, extract_text
from ml.matching import JobRequirements, MatchWeights, match_resume
from ml.resume import parse_resume

from ..db import session_scope
from ..models import Application, Job
from ..models.documents import DocumentKind, DocumentStatus
from ..services import documents as document_service
from .context import job_app
from .engines import ocr_engine

log = logging.getLogger(__name__)


def job_requirements(job: Job) -> JobRequirements:
    req = job.requirements or {}
    return JobRequirements(skills=list(req.get("skills", [])), min_years=float(req.get("min_years", 0)),
                           education=req.get("education", ""), certificates=list(req.get("certificates", [])),
                           keywords=list(req.get("keywords", [])))


def ocr_document(document_id: str) -> str:
    """Read one document; idempotent, unreadable files recorded as rejected with their reason."""
    app = job_app()
    doc_uuid = uuid.UUID(document_id)
    with app.app_context():
        settings = app.config["QINGPIN_SETTINGS"]
        storage = app.extensions["qingpin.storage"]
        with session_scope() as session:
            document = document_service.start_reading(session, document_id=doc_uuid)
            if document is None:
                return "skipped"
            key, filename, kind = document.media_key, document.filename, document.kind
            job = session.get(Job, session.get(Application, document.application_id).job_id)
            requirements, weights = job_requirements(job), MatchWeights(**job.screening_weights)
        try:
            with storage.open(key) as fh:
                data = fh.read()
            extracted = extract_text(data, filename=filename, ocr=ocr_engine(settings))
        except DocumentRejected as exc:
            with session_scope() as session:
                document_service.record_reading(session, document_id=doc_uuid, status=DocumentStatus.rejected,
                                                reason=exc.reason, message=str(exc))
            return "rejected"
        fields = match = None
        if kind == DocumentKind.resume:
            parsed = parse_resume(extracted.text)
            fields = parsed.to_dict()
            match = match_resume(parsed, requirements, weights).to_dict()
        pages = [{"number": p.number, "method": p.method} for p in extracted.pages]
        with session_scope() as session:
            document_service.record_reading(session, document_id=doc_uuid, status=DocumentStatus.parsed, text=extracted.text,
                                            pages=pages, fields=fields, match=match)
        return "parsed"
