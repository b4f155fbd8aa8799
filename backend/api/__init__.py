"""The HTTP API: flask-smorest with OpenAPI 3 at /api/openapi.json and docs at /api/docs."""
from __future__ import annotations

import threading

import swagger_ui_bundle
from flask import Flask, jsonify, send_from_directory
from flask_smorest import Api

from . import auth, booking, candidates, consent, documents, interview, jobs, media, notifications, requests, uploads, wechat_login
from . import analytics, dashboard, exports, onboard, onboarding, scores, suggestions, team

API_CONFIG = {
    "API_TITLE": "QingPin API",
    "API_VERSION": "v1",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/api",
    "OPENAPI_JSON_PATH": "openapi.json",
    "OPENAPI_SWAGGER_UI_PATH": "docs",
    # Served by this app from the pinned swagger-ui-bundle package: deployments may have no internet access.
    "OPENAPI_SWAGGER_UI_URL": "/api/docs/static/",
    "API_SPEC_OPTIONS": {
        "components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}},
        "info": {"description": "QingPin (轻聘): AI interviews with explainable scores. Errors: {code, status, message, errors, reason}."},
    },
    "PAGINATION_PAGE_SIZE": 20,
}


class QingPinApi(Api):
    """flask-smorest's Api whose HTTP errors carry a message (and a reason) like our own errors do, and whose
    OpenAPI document is built when it is first read (/api/openapi.json, the docs page, `qingpin openapi`).

    Building it (apispec converting every schema, deep copies of every view's doc) was 70 % of `create_app`, paid
    by every gunicorn worker at start and by every test's app; the routes themselves are registered at once."""

    def __init__(self, app=None, **kwargs):
        self._pending_docs: list[tuple] = []
        self._docs_lock = threading.Lock()
        self._docs_builder: int | None = None
        super().__init__(app, **kwargs)

    @property
    def spec(self):
        if self._pending_docs and self._docs_builder != threading.get_ident():
            with self._docs_lock:  # other readers wait here until the document is whole
                if self._pending_docs:
                    self._docs_builder = threading.get_ident()
                    try:
                        for blp, name, parameters in self._pending_docs:  # flask-smorest's register_blueprint, after routing
                            blp.register_views_in_doc(self, self._app, self._spec, name=name, parameters=parameters)
                            self._spec.tag({"name": name, "description": blp.description})
                        self._pending_docs = []
                    finally:
                        self._docs_builder = None
        return self._spec

    @spec.setter
    def spec(self, value):
        self._spec = value

    def register_blueprint(self, blp, *, parameters=None, **options):
        name = options.get("name", blp.name)
        self._app.extensions["flask-smorest"]["blp_name_to_api"][name] = self
        self._app.register_blueprint(blp, **options)
        self._pending_docs.append((blp, name, parameters))

    def handle_http_exception(self, error):
        payload, status, headers = super().handle_http_exception(error)
        if "message" not in payload:
            fields = _field_paths(payload.get("errors"))
            payload["message"] = (f"invalid input: {', '.join(fields[:10])}" if fields
                                  else (error.description or error.name))
        payload.setdefault("reason", HTTP_REASONS.get(status, _snake(error.name)))
        return payload, status, headers


HTTP_REASONS = {422: "invalid_input", 429: "too_many_requests"}


def _snake(name: str) -> str:
    return "_".join(name.lower().replace("-", " ").split())


def _field_paths(errors, prefix: str = "") -> list[str]:
    """The dotted paths of the fields a validation error names ({"json": {"email": [...]}} -> ["json.email"])."""
    if not isinstance(errors, dict):
        return [prefix] if prefix else []
    paths = []
    for key, value in errors.items():
        paths += _field_paths(value, f"{prefix}.{key}" if prefix else str(key))
    return paths


def init_app(app: Flask) -> None:
    for name, value in API_CONFIG.items():
        app.config.setdefault(name, value)
    api = QingPinApi(app)
    for blueprint in (auth.blp, jobs.blp, candidates.blp, interview.blp, consent.blp, booking.blp, notifications.blp, documents.blp,
                      wechat_login.blp, requests.blp, scores.blp, analytics.blp, team.blp, dashboard.blp, exports.blp,
                      onboarding.blp, onboard.blp, suggestions.blp):
        api.register_blueprint(blueprint)
    app.register_blueprint(media.blp)
    app.register_blueprint(uploads.create_blueprint(app.config["QINGPIN_SETTINGS"]))

    @app.get("/api/docs/static/<path:filename>")
    def swagger_ui_asset(filename):
        return send_from_directory(swagger_ui_bundle.swagger_ui_path, filename, max_age=7 * 24 * 3600)

    @app.get("/api/health")
    def health():
        return jsonify(status="ok")
