"""Onboarding documents: accept a photo or scan (same limits as résumés), record what OCR read, compare it with what
the employee typed and flag mismatches for HR; an unreadable photo asks for a retake and is kept for HR."""
from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from sqlmodel import Session, select

from ..crypto import decrypt, encrypt, mask
from ..db import after_commit
from ..errors import Invalid, NotFound
from ..models import Application, utcnow
from ..models.onboarding import OnboardingCase, OnboardingDocument
from . import checklists
from .applications import Actor, record_event
from .documents import store_upload
from .onboarding import refresh_stage
from .onboarding_forms import typed_value

KINDS = {
    "id_card_front": "身份证人像面", "id_card_back": "身份证国徽面", "diploma": "毕业证书", "degree": "学位证书",
    "bank_card": "银行卡", "medical_report": "体检报告", "resignation_certificate": "离职证明",
}
IMAGE_TYPES = frozenset({"png", "jpeg", "webp", "pdf"})
RETAKE = "请在光线更好的地方重拍"
# Which OCR field is compared with which typed form field.
COMPARED = {"id_number": "id_number", "name": "name", "bank_card": "bank_card"}
SENSITIVE_READ = {"id_number", "bank_card"}


def add(session: Session, *, case: OnboardingCase, kind: str, fileobj: BinaryIO, filename: str, storage, spool_dir: Path,
        actor: Actor, enqueue_ocr: Callable[[uuid.UUID], None]) -> OnboardingDocument:
    if kind not in KINDS:
        raise Invalid(f"unknown document kind {kind!r}", reason="bad_document_kind", errors={"kind": [f"one of {list(KINDS)}"]})
    stored, size, digest, file_type = store_upload(fileobj, storage=storage, spool_dir=spool_dir, allowed=IMAGE_TYPES)
    document = OnboardingDocument(case_id=case.id, kind=kind, filename=Path(filename or "photo").name[:255],
                                  file_type=file_type, media_key=stored.key, sha256=digest, bytes=size)
    session.add(document)
    session.flush()
    record_event(session, application=session.get(Application, case.application_id), kind="onboarding_document_uploaded",
                 actor=actor, data={"case_id": str(case.id), "document_id": str(document.id), "kind": kind})
    document_id = document.id
    after_commit(session, lambda: enqueue_ocr(document_id))
    return document


def get(session: Session, *, case_id: uuid.UUID, document_id: uuid.UUID) -> OnboardingDocument:
    document = session.get(OnboardingDocument, document_id)
    if document is None or document.case_id != case_id:
        raise NotFound("document not found")
    return document


def documents_of(session: Session, *, case_id: uuid.UUID) -> list[OnboardingDocument]:
    return list(session.exec(select(OnboardingDocument).where(OnboardingDocument.case_id == case_id)
                             .order_by(OnboardingDocument.created_at)))


def start_reading(session: Session, *, document_id: uuid.UUID) -> OnboardingDocument | None:
    document = session.get(OnboardingDocument, document_id, with_for_update=True)
    if document is None or document.status not in ("queued", "processing"):
        return None
    document.status = "processing"
    session.add(document)
    session.flush()
    return document


def record_reading(session: Session, *, document_id: uuid.UUID, fields: dict[str, str] | None,
                   reason: str | None = None) -> OnboardingDocument:
    """What OCR found: compared with the typed values; nothing found means a retake (the file stays for HR)."""
    document = session.get(OnboardingDocument, document_id)
    case = session.get(OnboardingCase, document.case_id)
    document.processed_at = utcnow()
    if not fields:
        document.status, document.status_reason, document.status_message = "retake", reason or "unreadable", RETAKE
        document.extracted_encrypted, document.comparison, document.mismatch = None, {}, False
    else:
        document.status, document.status_reason, document.status_message = "read", None, None
        document.extracted_encrypted = encrypt(json.dumps(fields, ensure_ascii=False))
        comparison = {}
        for read_name, form_name in COMPARED.items():
            if read_name in fields:
                typed = typed_value(session, case_id=case.id, name=form_name)
                comparison[read_name] = {
                    "matches": None if not typed else typed == fields[read_name],
                    "typed": _shown(read_name, typed), "read": _shown(read_name, fields[read_name])}
        document.comparison = comparison
        document.mismatch = any(c["matches"] is False for c in comparison.values())
    session.add(document)
    session.flush()
    if document.status == "read" and not document.mismatch:
        checklists.complete_kind(session, case=case, kind=f"document:{document.kind}")
        refresh_stage(session, case=case)
    record_event(session, application=session.get(Application, case.application_id), kind="onboarding_document_read",
                 actor=Actor.system(), reason=document.status_reason,
                 data={"document_id": str(document.id), "status": document.status, "mismatch": document.mismatch})
    return document


def _shown(name: str, value: str | None) -> str | None:
    return mask(value) if name in SENSITIVE_READ else value


def extracted(document: OnboardingDocument, *, masked: bool) -> dict:
    if not document.extracted_encrypted:
        return {}
    fields = json.loads(decrypt(document.extracted_encrypted))
    return {k: (mask(v) if masked and k in SENSITIVE_READ else v) for k, v in fields.items()}


def confirm(session: Session, *, case: OnboardingCase, document_id: uuid.UUID, actor: Actor) -> OnboardingDocument:
    """The employee confirms the OCR result shown to them (a mismatch stays flagged for HR)."""
    document = get(session, case_id=case.id, document_id=document_id)
    if document.status != "read":
        raise Invalid("only a document that was read can be confirmed", reason="document_not_read")
    document.employee_confirmed_at = utcnow()
    session.add(document)
    session.flush()
    return document
