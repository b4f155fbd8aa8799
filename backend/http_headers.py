"""Security headers on every response, in one after_request hook.

Headers a view already set win (setdefault): the H5 blueprint at /h5/ sends its own Content-Security-Policy and
cache headers. API responses carry personal data, so they are not cached anywhere (`no-store`), except the few
public documents listed below.
"""
from __future__ import annotations

from flask import Flask, Response, request

API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
# The docs page is Swagger UI served by this app (swagger-ui-bundle); flask-smorest's page configures it inline.
DOCS_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'")
PUBLIC_API_PATHS = ("/api/health", "/api/openapi.json", "/api/docs")
ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def add_security_headers(response: Response) -> Response:
    path = request.path
    for name, value in ALWAYS.items():
        response.headers.setdefault(name, value)
    response.headers.setdefault("Content-Security-Policy", DOCS_CSP if path.startswith("/api/docs") else API_CSP)
    if path.startswith("/api/") and not path.startswith(PUBLIC_API_PATHS):
        response.headers.setdefault("Cache-Control", "no-store")
    response.headers.pop("Server", None)
    return response


def init_app(app: Flask) -> None:
    app.after_request(add_security_headers)
