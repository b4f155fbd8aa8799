"""HR login, opaque bearer tokens (stored hashed) and their resolution into a principal."""
from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select
from werkzeug.security import check_password_hash, generate_password_hash

from ..errors import Forbidden, Invalid, Unauthorized
from ..models import Application, AuthToken, HrRole, HrUser, utcnow

# Checked against when the e-mail is unknown, so that a miss costs the same as a wrong password.
_DUMMY_HASH = generate_password_hash("qingpin-timing-equaliser")
MIN_PASSWORD_LENGTH = 10


@dataclass(frozen=True)
class HrPrincipal:
    user_id: uuid.UUID
    organization_id: uuid.UUID
    role: str

    def require(self, *roles: str) -> None:
        if self.role not in roles:
            raise Forbidden(f"this action needs one of the roles: {', '.join(roles)}")


@dataclass(frozen=True)
class CandidatePrincipal:
    application_id: uuid.UUID
    candidate_id: uuid.UUID
    organization_id: uuid.UUID


@dataclass(frozen=True)
class EmployeePrincipal:
    """A new hire signed in with their one-time code: their own onboarding case only."""

    case_id: uuid.UUID
    employee_id: uuid.UUID
    application_id: uuid.UUID
    candidate_id: uuid.UUID
    organization_id: uuid.UUID


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)  # 256 random bits


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise Invalid(f"password must be at least {MIN_PASSWORD_LENGTH} characters", reason="weak_password")
    return generate_password_hash(password)


def create_hr_user(session: Session, *, organization_id: uuid.UUID, email: str, name: str, role: str, password: str) -> HrUser:
    email = email.strip().lower()
    if role not in HrRole.__members__:
        raise Invalid(f"unknown role {role!r}", reason="bad_role")
    if session.exec(select(HrUser).where(HrUser.email == email)).first():
        raise Invalid("an HR user with this e-mail exists", reason="email_taken")
    user = HrUser(organization_id=organization_id, email=email, name=name, role=role, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    return user


def _issue(session: Session, *, kind: str, hours: int, **owner) -> tuple[str, AuthToken]:
    token = new_token()
    row = AuthToken(token_hash=hash_token(token), kind=kind, expires_at=utcnow() + timedelta(hours=hours), **owner)
    session.add(row)
    session.flush()
    return token, row


def login_hr(session: Session, *, email: str, password: str, hours: int) -> tuple[str, AuthToken, HrUser]:
    """Check the password (same cost whether or not the user exists) and issue a bearer token."""
    user = session.exec(select(HrUser).where(HrUser.email == email.strip().lower())).first()
    valid = check_password_hash(user.password_hash if user else _DUMMY_HASH, password)
    if not (user and valid and user.active):
        raise Unauthorized("wrong e-mail or password", reason="bad_credentials")
    token, row = _issue(session, kind="hr", hours=hours, hr_user_id=user.id)
    return token, row, user


def issue_candidate_token(session: Session, *, application_id: uuid.UUID, hours: int) -> tuple[str, AuthToken]:
    return _issue(session, kind="candidate", hours=hours, application_id=application_id)


def issue_employee_token(session: Session, *, application_id: uuid.UUID, hours: int) -> tuple[str, AuthToken]:
    return _issue(session, kind="employee", hours=hours, application_id=application_id)


def resolve_token(session: Session, token: str) -> HrPrincipal | CandidatePrincipal | EmployeePrincipal:
    """The principal behind a bearer token, in one query (token and its user or application joined).

    The rows loaded stay referenced by the session for its lifetime, so the request's later `session.get` of the
    caller's application (or HR user) is answered from the identity map instead of the database."""
    found = session.exec(
        select(AuthToken, HrUser, Application)
        .outerjoin(HrUser, HrUser.id == AuthToken.hr_user_id)
        .outerjoin(Application, Application.id == AuthToken.application_id)
        .where(AuthToken.token_hash == hash_token(token))
    ).first() if token else None
    row, user, application = found or (None, None, None)
    if row is None or row.revoked or row.expires_at <= utcnow():
        raise Unauthorized("missing, expired or revoked token", reason="bad_token")
    session.info["principal_rows"] = (row, user, application)
    if row.kind == "hr":
        if user is None or not user.active:
            raise Unauthorized("missing, expired or revoked token", reason="bad_token")
        return HrPrincipal(user_id=user.id, organization_id=user.organization_id, role=user.role)
    if row.kind not in ("candidate", "employee"):  # e.g. a set-password code is no bearer token
        raise Unauthorized("missing, expired or revoked token", reason="bad_token")
    if application is None:
        raise Unauthorized("missing, expired or revoked token", reason="bad_token")
    if row.kind == "employee":
        from ..models.onboarding import OnboardingCase

        case = session.exec(select(OnboardingCase).where(OnboardingCase.application_id == application.id)).first()
        if case is None:
            raise Unauthorized("missing, expired or revoked token", reason="bad_token")
        return EmployeePrincipal(case_id=case.id, employee_id=case.employee_id, application_id=application.id,
                                 candidate_id=application.candidate_id, organization_id=application.organization_id)
    return CandidatePrincipal(
        application_id=application.id, candidate_id=application.candidate_id, organization_id=application.organization_id
    )


def revoke_token(session: Session, token: str) -> None:
    row = session.get(AuthToken, hash_token(token))
    if row is not None:
        row.revoked = True
        session.add(row)
        session.flush()
