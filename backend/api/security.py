"""Who is calling: bearer tokens resolved into an HR or a candidate principal, role checks."""
from __future__ import annotations

from flask import current_app, g, request

from ..db import get_session
from ..errors import Unauthorized
from ..services.auth import CandidatePrincipal, EmployeePrincipal, HrPrincipal, resolve_token_cached

BEARER = {"bearerAuth": []}


def _principal():
    if "principal" not in g:
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthorized("an Authorization: Bearer token is required", reason="missing_token")
        g.principal = resolve_token_cached(get_session(), token.strip(), current_app.extensions.get("qingpin.principal_cache"))
    return g.principal


def current_hr(*roles: str) -> HrPrincipal:
    principal = _principal()
    if not isinstance(principal, HrPrincipal):
        raise Unauthorized("an HR token is required", reason="hr_token_required")
    if roles:
        principal.require(*roles)
    return principal


def current_candidate() -> CandidatePrincipal:
    principal = _principal()
    if not isinstance(principal, CandidatePrincipal):
        raise Unauthorized("a candidate token is required", reason="candidate_token_required")
    return principal


def current_employee() -> EmployeePrincipal:
    principal = _principal()
    if not isinstance(principal, EmployeePrincipal):
        raise Unauthorized("an onboarding (employee) token is required", reason="employee_token_required")
    return principal


def bearer_token() -> str:
    return request.headers.get("Authorization", "").partition(" ")[2].strip()
