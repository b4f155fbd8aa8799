"""An organization's HR team: invite a colleague with a one-time set-password code, change roles, deactivate (tokens
revoked), and the member's own account; an organization always keeps an active admin; every change is an event."""
from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from sqlmodel import Session, func, select, update
from werkzeug.security import check_password_hash

from ..errors import Conflict, Invalid, NotFound, Unauthorized
from ..models import AuthToken, Event, HrRole, HrUser, utcnow
from .applications import Actor, record_org_event
from .auth import hash_password, hash_token, new_token

log = logging.getLogger(__name__)
SETUP_KIND = "hr_setup"
SETUP_HOURS = 72
# An invited member has no password until they set one with their code; no password ever matches this.
NO_PASSWORD = "!"


def status_of(user: HrUser) -> str:
    if not user.active:
        return "deactivated"
    return "invited" if user.password_hash == NO_PASSWORD else "active"


def _audit(session: Session, *, organization_id: uuid.UUID, actor_id: uuid.UUID, kind: str, user: HrUser,
           **data) -> Event:
    """An organization-level event (no application) on the append-only log, and a log line without secrets."""
    event = record_org_event(session, organization_id=organization_id, kind=kind, actor=Actor("hr", actor_id),
                             data={"user_id": str(user.id), "email": user.email, **data})
    log.info("team: %s by %s on %s %s", kind, actor_id, user.id, data)
    return event


def list_members(session: Session, *, organization_id: uuid.UUID) -> list[HrUser]:
    return list(session.exec(select(HrUser).where(HrUser.organization_id == organization_id).order_by(HrUser.created_at)))


def get_member(session: Session, *, organization_id: uuid.UUID, user_id: uuid.UUID) -> HrUser:
    user = session.get(HrUser, user_id)
    if user is None or user.organization_id != organization_id:
        raise NotFound("team member not found")
    return user


def _check_role(role: str) -> str:
    if role not in HrRole.__members__:
        raise Invalid(f"unknown role {role!r}", reason="bad_role", errors={"role": [f"one of {list(HrRole.__members__)}"]})
    return role


def invite_member(session: Session, *, organization_id: uuid.UUID, actor_id: uuid.UUID, email: str, name: str,
                  role: str, hours: int = SETUP_HOURS) -> tuple[HrUser, str, AuthToken]:
    """A new member without a password, and the one-time code with which they set it (shown once, stored hashed)."""
    email = email.strip().lower()
    if session.exec(select(HrUser.id).where(HrUser.email == email)).first():
        raise Conflict("an HR user with this e-mail exists", reason="email_taken", errors={"email": ["taken"]})
    user = HrUser(organization_id=organization_id, email=email, name=name.strip(), role=_check_role(role),
                  password_hash=NO_PASSWORD)
    session.add(user)
    session.flush()
    code, row = issue_setup_code(session, user=user, hours=hours)
    _audit(session, organization_id=organization_id, actor_id=actor_id, kind="hr_user_invited", user=user, role=role)
    return user, code, row


def issue_setup_code(session: Session, *, user: HrUser, hours: int = SETUP_HOURS) -> tuple[str, AuthToken]:
    """A fresh one-time set-password code for the member; earlier unused codes stop working."""
    if not user.active:
        raise Conflict("the member is deactivated", reason="deactivated")
    session.execute(update(AuthToken).where(AuthToken.hr_user_id == user.id, AuthToken.kind == SETUP_KIND)
                 .values(revoked=True))
    code = new_token()
    row = AuthToken(token_hash=hash_token(code), kind=SETUP_KIND, hr_user_id=user.id,
                    expires_at=utcnow() + timedelta(hours=hours))
    session.add(row)
    session.flush()
    return code, row


def reissue_setup_code(session: Session, *, organization_id: uuid.UUID, actor_id: uuid.UUID, user: HrUser,
                       hours: int = SETUP_HOURS) -> tuple[str, AuthToken]:
    code, row = issue_setup_code(session, user=user, hours=hours)
    _audit(session, organization_id=organization_id, actor_id=actor_id, kind="hr_setup_code_issued", user=user)
    return code, row


def set_password_with_code(session: Session, *, code: str, password: str) -> HrUser:
    """Use a set-password code once: the member's password is set and the code is spent."""
    row = session.get(AuthToken, hash_token(code)) if code else None
    if row is None or row.kind != SETUP_KIND or row.revoked or row.expires_at <= utcnow():
        raise Unauthorized("this set-password link is invalid, used or expired; ask an admin for a new one",
                           reason="bad_setup_code")
    user = session.get(HrUser, row.hr_user_id)
    if user is None or not user.active:
        raise Unauthorized("this set-password link is invalid, used or expired; ask an admin for a new one",
                           reason="bad_setup_code")
    user.password_hash = hash_password(password)
    row.revoked = True
    session.add_all([user, row])
    _revoke_sessions(session, user.id)
    _audit(session, organization_id=user.organization_id, actor_id=user.id, kind="hr_password_set", user=user)
    return user


def _revoke_sessions(session: Session, user_id: uuid.UUID, *, keep_hash: str | None = None) -> None:
    conditions = [AuthToken.hr_user_id == user_id, AuthToken.revoked == False]  # noqa: E712
    if keep_hash:
        conditions.append(AuthToken.token_hash != keep_hash)
    session.execute(update(AuthToken).where(*conditions).values(revoked=True))
    session.flush()


def _other_active_admins(session: Session, *, organization_id: uuid.UUID, user_id: uuid.UUID) -> int:
    """Other admins who can log in now (an invited admin without a password does not count)."""
    # Locks the admins' rows on PostgreSQL, so two admins demoting each other at once cannot both succeed.
    rows = session.exec(select(HrUser.id).where(HrUser.organization_id == organization_id, HrUser.role == HrRole.admin,
                                                HrUser.active == True, HrUser.id != user_id,  # noqa: E712
                                                HrUser.password_hash != NO_PASSWORD)
                        .with_for_update()).all()
    return len(rows)


def change_member(session: Session, *, organization_id: uuid.UUID, actor_id: uuid.UUID, user: HrUser,
                  role: str | None = None, active: bool | None = None) -> HrUser:
    """Change a member's role and/or (de)activate them; a deactivated member's tokens are revoked at once."""
    loses_admin = user.role == HrRole.admin and user.active and (
        (role is not None and role != HrRole.admin) or active is False)
    if loses_admin and _other_active_admins(session, organization_id=organization_id, user_id=user.id) == 0:
        raise Conflict("the organization must keep at least one active admin", reason="last_admin")
    if role is not None and role != user.role:
        previous, user.role = user.role, _check_role(role)
        _audit(session, organization_id=organization_id, actor_id=actor_id, kind="hr_user_role_changed", user=user,
               from_role=previous, to_role=role)
    if active is not None and active != user.active:
        user.active = active
        if not active:
            _revoke_sessions(session, user.id)
        _audit(session, organization_id=organization_id, actor_id=actor_id,
               kind="hr_user_reactivated" if active else "hr_user_deactivated", user=user)
    session.add(user)
    session.flush()
    return user


def change_own_account(session: Session, *, user: HrUser, current_token: str, name: str | None = None,
                       current_password: str | None = None, new_password: str | None = None) -> HrUser:
    """The member's own name and password; a new password needs the current one and ends their other sessions."""
    if name is not None:
        user.name = name.strip()
    if new_password is not None:
        if not current_password or not check_password_hash(user.password_hash, current_password):
            raise Invalid("the current password is wrong", reason="wrong_password",
                          errors={"current_password": ["wrong password"]})
        user.password_hash = hash_password(new_password)
        _revoke_sessions(session, user.id, keep_hash=hash_token(current_token))
        _audit(session, organization_id=user.organization_id, actor_id=user.id, kind="hr_password_changed", user=user)
    session.add(user)
    session.flush()
    return user


def team_events(session: Session, *, organization_id: uuid.UUID, offset: int, limit: int) -> tuple[int, list[Event]]:
    """The organization's team changes, newest first."""
    where = [Event.organization_id == organization_id, Event.application_id.is_(None), Event.kind.like("hr\\_%", escape="\\")]
    total = session.exec(select(func.count()).select_from(Event).where(*where)).one()
    return total, list(session.exec(select(Event).where(*where).order_by(Event.created_at.desc()).offset(offset).limit(limit)))
