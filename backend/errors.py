"""Domain exceptions that carry their HTTP status, and the one handler that renders them as JSON."""
from __future__ import annotations

import logging
from http import HTTPStatus

import redis
from flask import Flask, jsonify

log = logging.getLogger(__name__)


class DomainError(Exception):
    """A refusal the caller can act on; rendered as {code, status, message, errors, reason}."""

    status_code = 400
    reason = "bad_request"

    def __init__(self, message: str, *, reason: str | None = None, errors: dict | None = None,
                 retry_after: int | None = None):
        super().__init__(message)
        self.message = message
        if reason:
            self.reason = reason
        self.errors = errors
        self.retry_after = retry_after  # seconds, sent as Retry-After (429, 503)


class Unauthorized(DomainError):
    status_code = 401
    reason = "unauthorized"


class Forbidden(DomainError):
    status_code = 403
    reason = "forbidden"


class NotFound(DomainError):
    status_code = 404
    reason = "not_found"


class Conflict(DomainError):
    status_code = 409
    reason = "conflict"


class PayloadTooLarge(DomainError):
    status_code = 413
    reason = "too_large"


class UnsupportedMedia(DomainError):
    status_code = 415
    reason = "unsupported_media"


class Invalid(DomainError):
    status_code = 422
    reason = "invalid"


class Gone(DomainError):
    status_code = 410
    reason = "gone"


class Unavailable(DomainError):
    status_code = 503
    reason = "temporarily_unavailable"


def error_body(status_code: int, message: str, *, reason: str | None = None, errors: dict | None = None) -> dict:
    body = {"code": status_code, "status": HTTPStatus(status_code).phrase, "message": message}
    if errors:
        body["errors"] = errors
    if reason:
        body["reason"] = reason
    return body


def render_domain_error(exc: DomainError):
    response = jsonify(error_body(exc.status_code, exc.message, reason=exc.reason, errors=exc.errors))
    response.status_code = exc.status_code
    if exc.retry_after:
        response.headers["Retry-After"] = str(exc.retry_after)
    return response


def render_redis_down(exc: redis.RedisError):
    """Redis (queues, tokens, limits) unreachable: the caller may retry shortly; nothing they sent is lost."""
    log.warning("Redis unavailable: %s", type(exc).__name__)
    return render_domain_error(Unavailable("the service is briefly unavailable; please retry in a few seconds",
                                           reason="redis_unavailable", retry_after=5))


def init_app(app: Flask) -> None:
    app.register_error_handler(DomainError, render_domain_error)
    app.register_error_handler(redis.ConnectionError, render_redis_down)
    app.register_error_handler(redis.TimeoutError, render_redis_down)
