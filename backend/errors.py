"""Domain exceptions that carry their HTTP status, and the one handler that renders them as JSON."""
from __future__ import annotations

from http import HTTPStatus

from flask import Flask, jsonify


class DomainError(Exception):
    """A refusal the caller can act on; rendered as {code, status, message, errors, reason}."""

    status_code = 400
    reason = "bad_request"

    def __init__(self, message: str, *, reason: str | None = None, errors: dict | None = None):
        super().__init__(message)
        self.message = message
        if reason:
            self.reason = reason
        self.errors = errors


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


def error_body(status_code: int, message: str, *, reason: str | None = None, errors: dict | None = None) -> dict:
    body = {"code": status_code, "status": HTTPStatus(status_code).phrase, "message": message}
    if errors:
        body["errors"] = errors
    if reason:
        body["reason"] = reason
    return body


def render_domain_error(exc: DomainError):
    return jsonify(error_body(exc.status_code, exc.message, reason=exc.reason, errors=exc.errors)), exc.status_code


def init_app(app: Flask) -> None:
    app.register_error_handler(DomainError, render_domain_error)
