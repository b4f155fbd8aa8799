"""Application documents: accept a résumé or supplementary file, keep it, and record what the OCR job found."""
from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from sqlmodel import Session, select

from ml.documents import DocumentLimits, detect_file_type
from ml.resume import CorrectionError, apply_corrections, field_value, validate_corrections

from ..db import after_commit
from ..errors import Conflict, Invalid, NotFound, UnsupportedMedia
from ..models import Application, Job, utcnow
from ..models.documents import ApplicationDocument, DocumentKind, DocumentStatus
from .answers import spool
from .applications import Actor, record_event, refuse_if_erased

LIMITS = DocumentLimits()


def clean_filename(name: str | None, *, default: str = "file") -> str:
    """A client's file name safe to store and show: its last path part without controls, line breaks or bidi marks."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable() and not _is_bidi_control(ch)).strip().lstrip(".")
    return name[:255] or default


def _is_bidi_control(ch: str) -> bool:
    return ch in "\u061c\u200e\u200f" or "\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069"


def add_document(session: Session, *, application: Application, kind: str, fileobj: BinaryIO, filename: str, storage,
                 spool_dir: Path, actor: Actor, enqueue_ocr: Callable[[uuid.UUID], None]) -> ApplicationDocument:
    """Store an uploaded document (checked by its bytes, not its name) and queue its reading once committed."""
    refuse_if_erased(application)
    if kind not in DocumentKind.__members__:
        raise Invalid(f"unknown document kind {kind!r}", reason="bad_document_kind")
    stored, size, digest, file_type = store_upload(fileobj, storage=storage, spool_dir=spool_dir)
    document = ApplicationDocument(
        application_id=application.id, kind=kind, filename=clean_filename(filename, default="document"), file_type=file_type,
        media_key=stored.key, sha256=digest, bytes=size, uploaded_by=actor.type,
    )
    session.add(document)
    session.flush()
    record_event(session, application=application, kind="document_uploaded", actor=actor,
                 data={"document_id": str(document.id), "kind": kind, "file_type": file_type})
    document_id = document.id
    after_commit(session, lambda: enqueue_ocr(document_id))
    return document


def store_upload(fileobj: BinaryIO, *, storage, spool_dir: Path, allowed: frozenset[str] | None = None):
    """Spool an upload within the size limit, check its type by its bytes, keep it in storage: (stored, size, sha256, type)."""
    path, size, digest = spool(fileobj, max_bytes=LIMITS.max_bytes, directory=spool_dir)
    try:
        if size == 0:
            raise Invalid("the uploaded file is empty", reason="empty_file")
        file_type = detect_file_type(path)
        if file_type is None or (allowed is not None and file_type not in allowed):
            raise UnsupportedMedia("请上传 PDF、Word（DOCX）或图片（JPG、PNG、WEBP）格式的文件" if allowed is None
                                   else "请上传图片（JPG、PNG、WEBP）或 PDF 文件", reason="unsupported_type")
        with path.open("rb") as fh:
            stored = storage.save(fh)
    finally:
        path.unlink(missing_ok=True)
    return stored, size, digest, file_type


def documents_of(session: Session, *, application_id: uuid.UUID) -> list[ApplicationDocument]:
    return list(session.exec(select(ApplicationDocument).where(ApplicationDocument.application_id == application_id)
                             .order_by(ApplicationDocument.created_at)))


def start_reading(session: Session, *, document_id: uuid.UUID) -> ApplicationDocument | None:
    """Claim a document for the OCR job; None when it is gone or already done (the job is idempotent)."""
    document = session.get(ApplicationDocument, document_id, with_for_update=True)
    if document is None or document.status not in (DocumentStatus.queued, DocumentStatus.processing):
        return None
    document.status = DocumentStatus.processing
    session.add(document)
    session.flush()
    return document


def record_reading(session: Session, *, document_id: uuid.UUID, status: str, text: str | None = None,
                   pages: list | None = None, fields: dict | None = None, match: dict | None = None,
                   reason: str | None = None, message: str | None = None) -> ApplicationDocument:
    document = session.get(ApplicationDocument, document_id)
    document.status, document.status_reason, document.status_message = status, reason, message
    document.text, document.pages = text, pages or []
    document.fields, document.match = fields or {}, match or {}
    document.processed_at = utcnow()
    session.add(document)
    application = session.get(Application, document.application_id)
    record_event(session, application=application, kind="document_read", actor=Actor.system(), reason=reason,
                 data={"document_id": str(document.id), "status": status,
                       "match_score": (match or {}).get("score")})
    return document


def get_document(session: Session, *, application: Application, document_id: uuid.UUID) -> ApplicationDocument:
    document = session.get(ApplicationDocument, document_id)
    if document is None or document.application_id != application.id:
        raise NotFound("document not found")
    return document


def effective_fields(document: ApplicationDocument) -> dict:
    """What HR sees and the matcher uses: the parse with HR's corrections laid over it."""
    return apply_corrections(document.fields, document.corrections or {}) if document.fields else {}


def correct_fields(session: Session, *, application: Application, document_id: uuid.UUID, corrections: dict,
                   actor: Actor) -> ApplicationDocument:
    """Record HR's corrections of a parsed résumé (null withdraws one) and match it again with them.

    The parse itself is kept as it is; a later re-parse replaces it but never the corrections.
    """
    from .screening import Matcher  # screening ranks documents; it does not depend on this module

    document = get_document(session, application=application, document_id=document_id)
    if document.kind != DocumentKind.resume or document.status != DocumentStatus.parsed:
        raise Conflict("only a parsed résumé's fields can be corrected", reason="not_parsed")
    if not corrections:
        raise Invalid("no corrections given", reason="bad_correction", errors={"corrections": ["name at least one field"]})
    try:
        validate_corrections(document.fields, corrections)
    except CorrectionError as exc:
        raise Invalid("some corrections do not fit the parsed fields", reason="bad_correction",
                      errors={path: [message] for path, message in exc.errors.items()}) from exc
    before = effective_fields(document)
    merged = dict(document.corrections or {})
    for path, value in corrections.items():
        if value is None:
            merged.pop(path, None)
        else:
            merged[path] = value
    document.corrections = merged
    job = session.get(Job, application.job_id)
    document.match = Matcher.of(job).match(document.fields, merged)
    session.add(document)
    after = effective_fields(document)
    record_event(session, application=application, kind="resume_corrected", actor=actor,
                 data={"document_id": str(document.id), "match_score": document.match["score"],
                       "changes": {path: {"parsed": field_value(document.fields, path),
                                          "before": field_value(before, path), "after": field_value(after, path)}
                                   for path in corrections}})
    return document
