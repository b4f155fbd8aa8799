"""Job `ocr_document`: read a document (text layer, OCR or DOCX), parse a résumé's fields and match it to the job."""
from __future__ import annotations

import logging
import uuid

from ml.documents import DocumentRejected, extract_text

from ..db import session_scope
from ..models import Application, Job
from ..models.documents import DocumentKind, DocumentStatus
from ..services import documents as document_service
from ..services.screening import Matcher
from .context import job_app
from .engines import ocr_engine

log = logging.getLogger(__name__)


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
            corrections = dict(document.corrections or {})
            job = session.get(Job, session.get(Application, document.application_id).job_id)
            matcher = Matcher.of(job)
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
            fields, match = matcher.read(extracted.text, corrections)
        pages = [{"number": p.number, "method": p.method} for p in extracted.pages]
        with session_scope() as session:
            document_service.record_reading(session, document_id=doc_uuid, status=DocumentStatus.parsed, text=extracted.text,
                                            pages=pages, fields=fields, match=match)
        return "parsed"
