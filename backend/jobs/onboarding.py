"""Onboarding jobs: read a document photo (`ocr` queue), deliver a signed webhook (`notify` queue, retried with backoff)."""
from __future__ import annotations

import logging
import uuid

import requests
from rq import get_current_job

from ml.documents import DocumentRejected, extract_text
from ml.identity import read_document_fields

from ..db import session_scope
from ..models.onboarding import WebhookDelivery
from ..services import onboarding_documents as documents
from ..services import webhooks
from .context import job_app
from .engines import ocr_engine
from .queues import OCR_DOCUMENT, enqueue_once

log = logging.getLogger(__name__)

WEBHOOK_TIMEOUT = 10  # seconds; a slow receiver costs a retry, never the onboarding


class WebhookDeferred(Exception):
    """The receiver failed; raised so that RQ retries the delivery after its backoff."""


def enqueue_onboarding_ocr(connection, document_id: uuid.UUID):
    policy = dict(OCR_DOCUMENT)
    return enqueue_once(connection, "backend.jobs.onboarding.ocr_onboarding_document", f"ocr-onboarding-{document_id}",
                        str(document_id), queue=policy.pop("queue"), **policy)


def onboarding_ocr_enqueuer():
    from flask import current_app

    connection = current_app.extensions["qingpin.redis"]
    return lambda document_id: enqueue_onboarding_ocr(connection, document_id)


def ocr_onboarding_document(document_id: str) -> str:
    """Read one onboarding document; idempotent; an unreadable photo is recorded as a retake, never dropped."""
    app = job_app()
    doc_uuid = uuid.UUID(document_id)
    with app.app_context():
        settings = app.config["QINGPIN_SETTINGS"]
        storage = app.extensions["qingpin.storage"]
        with session_scope() as session:
            document = documents.start_reading(session, document_id=doc_uuid)
            if document is None:
                return "skipped"
            key, filename, kind = document.media_key, document.filename, document.kind
        reason = None
        try:
            with storage.open(key) as fh:
                data = fh.read()
            text = extract_text(data, filename=filename, ocr=ocr_engine(settings)).text
            fields = read_document_fields(kind, text)
        except DocumentRejected as exc:
            fields, reason = None, exc.reason
        with session_scope() as session:
            document = documents.record_reading(session, document_id=doc_uuid, fields=fields, reason=reason)
            return document.status


def deliver_webhook(delivery_id: str) -> str:
    """POST one signed event; 2xx delivers, anything else is retried with backoff and finally marked failed."""
    app = job_app()
    delivery_uuid = uuid.UUID(delivery_id)
    with app.app_context():
        with session_scope() as session:
            delivery = session.get(WebhookDelivery, delivery_uuid)
            if delivery is None or delivery.status != "pending":
                return delivery.status if delivery else "missing"
            url, body, headers = webhooks.request_for(session, delivery)
        status_code, error = None, None
        try:  # outside any transaction
            response = requests.post(url, data=body, headers=headers, timeout=WEBHOOK_TIMEOUT, allow_redirects=False)
            status_code = response.status_code
        except requests.RequestException as exc:
            error = type(exc).__name__
        job = get_current_job()
        final = not (job is not None and job.retries_left)
        with session_scope() as session:
            delivery = session.get(WebhookDelivery, delivery_uuid, populate_existing=True)
            webhooks.record_attempt(delivery, status_code=status_code, error=error, final=final)
            session.add(delivery)
            status = delivery.status
        if status == "pending":
            raise WebhookDeferred(f"{url}: {error or status_code}")
        if status == "failed":
            log.warning("webhook %s to %s failed after %s attempts", delivery_id, url, delivery.attempt_count)
        return status
