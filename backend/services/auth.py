"""HR login, opaque bearer tokens (stored hashed) and their resolution into a principal, cached per process."""
from __future__ import annotations

import hashlib
import logging
import secrets
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from redis.exceptions import RedisError
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, select
from werkzeug.security import check_password_hash, generate_password_hash

from ..errors import Forbidden, Invalid, Unauthorized
from ..models import Application, AuthToken, HrRole, HrUser, utcnow
from ..models.onboarding import OnboardingCase

log = logging.getLogger(__name__)

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
        case = session.exec(select(OnboardingCase).where(OnboardingCase.application_id == application.id)).first()
        if case is None:
            raise Unauthorized("missing, expired or revoked token", reason="bad_token")
        return EmployeePrincipal(case_id=case.id, employee_id=case.employee_id, application_id=application.id,
                                 candidate_id=application.candidate_id, organization_id=application.organization_id)
    return CandidatePrincipal(
        application_id=application.id, candidate_id=application.candidate_id, organization_id=application.organization_id
    )


class PrincipalCache:
    """Token hash -> (principal, token expiry) in this process, so that a known token costs no database round trip.

    Revocation is respected across processes through one Redis key, the *revocation generation*: every commit that
    changes what a token resolves to (a token revoked, an HR user's role or activity, an application or onboarding
    case removed; see `_watch_principal_rows`) sets it to a new random value after the commit. An entry is used only
    while the generation read at the start of the request equals the one read before the entry was loaded from the
    database, so a request that starts after a revocation committed (and its generation was set) never sees the old
    principal, in any process. Without Redis (down, or the write of the generation failed) entries are not used, and
    each one lives at most `max_age` seconds whatever happens. The token's own expiry is checked on every hit.
    """

    KEY = "qingpin:auth-generation"
    MISSING = b"-"  # the key is not set (fresh Redis): a generation like any other

    def __init__(self, redis, *, max_age: float = 60.0, max_entries: int = 50_000):
        self._redis = redis
        self._max_age = max_age
        self._max_entries = max_entries
        self._entries: dict[str, tuple[bytes, float, datetime, object]] = {}
        self._lock = threading.Lock()
        # The last generation read: (when its GET was sent, value); and when the GET under way was sent (or None).
        self._read = threading.Condition()
        self._last_read: tuple[float, bytes | None] = (float("-inf"), None)
        self._reading_since: float | None = None

    def generation(self) -> bytes | None:
        """The current revocation generation; None when Redis cannot tell (then the cache is not used).

        Concurrent requests of this process share reads: a caller takes the value of a GET sent after it asked (so
        it sees every revocation published before it asked, as its own GET would), waiting for one under way if
        that one was sent after it asked, else sending its own.
        """
        asked = time.monotonic()
        with self._read:
            while True:
                sent, value = self._last_read
                if sent > asked:
                    return value
                if self._reading_since is None:
                    break
                self._read.wait()  # for the GET under way; if it was sent before we asked, we then send our own
            self._reading_since = sent = time.monotonic()
        value = None
        try:
            value = self._redis.get(self.KEY) or self.MISSING
        except RedisError:
            value = None
        finally:
            with self._read:
                self._reading_since = None
                self._last_read = (sent, value) if sent > self._last_read[0] else self._last_read
                self._read.notify_all()
        return value

    def get(self, token_hash: str, generation: bytes | None):
        if generation is None:
            return None
        entry = self._entries.get(token_hash)
        if entry is None:
            return None
        stored_generation, loaded_at, expires_at, principal = entry
        if stored_generation != generation or time.monotonic() - loaded_at > self._max_age or expires_at <= utcnow():
            self._entries.pop(token_hash, None)
            return None
        return principal

    def put(self, token_hash: str, generation: bytes | None, expires_at: datetime, principal) -> None:
        if generation is None:
            return
        with self._lock:
            if len(self._entries) >= self._max_entries:
                self._entries.clear()
            self._entries[token_hash] = (generation, time.monotonic(), expires_at, principal)

    def invalidate(self) -> None:
        """After a commit that changed principals: forget this process's entries and start a new generation."""
        self._entries.clear()
        try:
            self._redis.set(self.KEY, secrets.token_hex(8))
        except RedisError:  # other processes keep entries at most max_age seconds
            log.warning("could not publish a token revocation to Redis; other processes notice within %.0f s", self._max_age)


def resolve_token_cached(session: Session, token: str, cache: PrincipalCache | None):
    """`resolve_token`, answered from `cache` while no revocation happened since the entry was loaded."""
    if cache is None or not token:
        return resolve_token(session, token)
    token_hash = hash_token(token)
    generation = cache.generation()  # read before the database, so a revocation meanwhile invalidates what is loaded
    principal = cache.get(token_hash, generation)
    if principal is None:
        principal = resolve_token(session, token)
        row = session.info["principal_rows"][0]
        cache.put(token_hash, generation, row.expires_at, principal)
    return principal


# What a principal is made of: changing or deleting one of these rows (a revoked token, a deactivated user, a role,
# a removed application or case) must reach every process's PrincipalCache.
PRINCIPAL_ROWS = (AuthToken, HrUser, Application, OnboardingCase)
PRINCIPAL_TABLES = frozenset(model.__tablename__ for model in PRINCIPAL_ROWS)
_PRINCIPAL_COLUMNS = {AuthToken: ("revoked", "expires_at", "kind", "hr_user_id", "application_id"),
                      HrUser: ("active", "role", "organization_id"),
                      Application: ("organization_id", "candidate_id"),
                      OnboardingCase: ("employee_id", "application_id")}


def principals_changed(session: OrmSession) -> None:
    """Mark the session: once it commits, cached principals are invalidated (see `_invalidate_after_commit`)."""
    session.info["principals_changed"] = True


@event.listens_for(OrmSession, "after_flush")
def _watch_principal_rows(session: OrmSession, _ctx) -> None:
    if session.info.get("principals_changed"):
        return
    if any(isinstance(obj, PRINCIPAL_ROWS) for obj in session.deleted) or any(
            inspect(obj).attrs[name].history.has_changes()
            for obj in session.dirty for name in _PRINCIPAL_COLUMNS.get(type(obj), ())):
        principals_changed(session)


@event.listens_for(OrmSession, "do_orm_execute")
def _watch_bulk_principal_changes(state) -> None:
    if (state.is_update or state.is_delete) and state.bind_mapper is not None \
            and state.bind_mapper.local_table.name in PRINCIPAL_TABLES:
        principals_changed(state.session)


@event.listens_for(OrmSession, "after_commit")
def _invalidate_after_commit(session: OrmSession) -> None:
    if session.info.pop("principals_changed", False):
        # Kept if the transaction rolls back instead: at worst a later commit of this session invalidates for nothing.
        cache = _app_principal_cache()
        if cache is not None:
            cache.invalidate()


def _app_principal_cache() -> PrincipalCache | None:
    from flask import current_app, has_app_context

    return current_app.extensions.get("qingpin.principal_cache") if has_app_context() else None


def revoke_token(session: Session, token: str) -> None:
    row = session.get(AuthToken, hash_token(token))
    if row is not None:
        row.revoked = True
        session.add(row)
        session.flush()
