"""Signed webhooks out to HRIS / attendance systems: endpoints, the delivery outbox, signing and verification.

Each event is one WebhookDelivery row per endpoint written in the caller's transaction; job `deliver_webhook`
(queued after commit) posts it, retrying with backoff, and marks it failed once the retries are spent. Onboarding
never waits on a receiver. The signature is HMAC-SHA256 over "<timestamp>.<body>"; the delivery id is the event id
receivers keep to refuse replays, and the timestamp lets them refuse old messages.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import time
import uuid
from collections.abc import Callable, MutableSet
from datetime import datetime, timedelta
from urllib.parse import urlparse

from flask import current_app
from redis import RedisError
from sqlmodel import Session, select

from ..crypto import decrypt, encrypt
from ..jobs.queues import enqueue_webhook
from ..db import after_commit
from ..errors import Invalid, NotFound
from ..models import utcnow
from ..models.onboarding import WebhookDelivery, WebhookEndpoint

log = logging.getLogger(__name__)

EVENTS = ("onboarding.start_date_confirmed", "onboarding.completed", "onboarding.mentor_assigned")
SIGNATURE_HEADER = "X-QingPin-Signature"
EVENT_ID_HEADER = "X-QingPin-Event-Id"
EVENT_HEADER = "X-QingPin-Event"
TOLERANCE_SECONDS = 300


def create_endpoint(session: Session, *, organization_id: uuid.UUID, url: str, events: list[str]) -> tuple[WebhookEndpoint, str]:
    """Register a receiver; the signing secret is returned this once and stored encrypted."""
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise Invalid("the webhook URL must be http(s)://host/...", reason="bad_webhook_url", errors={"url": ["http(s) URL"]})
    unknown = sorted(set(events) - set(EVENTS))
    if unknown:
        raise Invalid(f"unknown events {unknown}", reason="bad_webhook_events", errors={"events": [f"any of {list(EVENTS)}"]})
    secret = "whsec_" + secrets.token_urlsafe(32)
    endpoint = WebhookEndpoint(organization_id=organization_id, url=url, secret_encrypted=encrypt(secret), events=events)
    session.add(endpoint)
    session.flush()
    return endpoint, secret


def endpoints_of(session: Session, *, organization_id: uuid.UUID) -> list[WebhookEndpoint]:
    return list(session.exec(select(WebhookEndpoint).where(WebhookEndpoint.organization_id == organization_id)
                             .order_by(WebhookEndpoint.created_at)))


def get_endpoint(session: Session, *, organization_id: uuid.UUID, endpoint_id: uuid.UUID) -> WebhookEndpoint:
    endpoint = session.get(WebhookEndpoint, endpoint_id)
    if endpoint is None or endpoint.organization_id != organization_id:
        raise NotFound("webhook endpoint not found")
    return endpoint


def emit(session: Session, *, organization_id: uuid.UUID, event: str, payload: dict,
         case_id: uuid.UUID | None = None) -> list[WebhookDelivery]:
    """Queue `event` for every active endpoint that wants it; delivery starts after commit and never blocks."""
    assert event in EVENTS, event
    deliveries = []
    for endpoint in endpoints_of(session, organization_id=organization_id):
        if not endpoint.active or (endpoint.events and event not in endpoint.events):
            continue
        delivery = WebhookDelivery(organization_id=organization_id, endpoint_id=endpoint.id, case_id=case_id,
                                   event=event, payload=payload)
        session.add(delivery)
        deliveries.append(delivery)
    session.flush()
    if deliveries:
        connection = current_app.extensions["qingpin.redis"]
        ids = [d.id for d in deliveries]
        after_commit(session, lambda: _enqueue_all(connection, ids))
    return deliveries


def _enqueue_all(connection, ids: list[uuid.UUID]) -> None:
    for delivery_id in ids:
        try:
            enqueue_webhook(connection, delivery_id)
        except RedisError:
            log.warning("webhook delivery %s not queued (Redis unavailable); the sweep will queue it", delivery_id)


def redeliver_pending(session: Session, connection, *, now: datetime, older_than: timedelta = timedelta(minutes=10),
                      limit: int = 500) -> int:
    """Queue again deliveries still pending after `older_than` whose job is gone (lost enqueue); live jobs are reused."""
    ids = session.exec(select(WebhookDelivery.id).where(
        WebhookDelivery.status == "pending", WebhookDelivery.created_at < now - older_than)
        .order_by(WebhookDelivery.created_at).limit(limit)).all()
    for delivery_id in ids:
        enqueue_webhook(connection, delivery_id)
    return len(ids)


def deliveries_of(session: Session, *, organization_id: uuid.UUID, case_id: uuid.UUID | None = None) -> list[WebhookDelivery]:
    query = select(WebhookDelivery).where(WebhookDelivery.organization_id == organization_id)
    if case_id is not None:
        query = query.where(WebhookDelivery.case_id == case_id)
    return list(session.exec(query.order_by(WebhookDelivery.created_at.desc())))


def request_for(session: Session, delivery: WebhookDelivery, *, now: float | None = None) -> tuple[str, bytes, dict]:
    """URL, body and signed headers of one delivery attempt (a fresh timestamp per attempt)."""
    endpoint = session.get(WebhookEndpoint, delivery.endpoint_id)
    body = json.dumps({"id": str(delivery.id), "event": delivery.event, "created_at": delivery.created_at.isoformat(),
                       "data": delivery.payload}, ensure_ascii=False, sort_keys=True).encode()
    timestamp = str(int(now if now is not None else time.time()))
    headers = {"Content-Type": "application/json", EVENT_HEADER: delivery.event, EVENT_ID_HEADER: str(delivery.id),
               SIGNATURE_HEADER: f"t={timestamp},v1={sign(decrypt(endpoint.secret_encrypted), timestamp, body)}"}
    return endpoint.url, body, headers


def record_attempt(delivery: WebhookDelivery, *, status_code: int | None, error: str | None, final: bool) -> None:
    """One attempt on the row: delivered on a 2xx; otherwise pending (a retry comes) or, when `final`, failed."""
    now = utcnow()
    delivery.attempts = [*delivery.attempts, {"at": now.isoformat(), "status_code": status_code, "error": error}]
    delivery.attempt_count += 1
    if status_code is not None and 200 <= status_code < 300:
        delivery.status, delivery.delivered_at, delivery.last_error = "delivered", now, None
    else:
        delivery.last_error = error or f"HTTP {status_code}"
        if final:
            delivery.status = "failed"


def sign(secret: str, timestamp: str, body: bytes) -> str:
    return hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


class SignatureError(ValueError):
    pass


def verify(secret: str, *, signature_header: str, event_id: str, body: bytes, seen: MutableSet[str],
           now: Callable[[], float] = time.time, tolerance: int = TOLERANCE_SECONDS) -> None:
    """What a receiver does: check the HMAC in constant time, the timestamp's age, and that the event id is new."""
    parts = dict(part.split("=", 1) for part in signature_header.split(",") if "=" in part)
    timestamp, given = parts.get("t", ""), parts.get("v1", "")
    if not timestamp.isdigit() or not hmac.compare_digest(sign(secret, timestamp, body), given):
        raise SignatureError("bad signature")
    if abs(now() - int(timestamp)) > tolerance:
        raise SignatureError("timestamp outside the tolerance")
    if event_id in seen:
        raise SignatureError("replayed event")
    seen.add(event_id)
