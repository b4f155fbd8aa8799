"""Invitations: an opaque token (stored hashed) that a candidate exchanges for a token scoped to one application."""
from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from ..errors import NotFound
from ..models import Application, ApplicationState as S, Invitation, utcnow
from .applications import Actor, transition_application
from .auth import hash_token, issue_candidate_token, new_token
from .notifications import notify

INVITABLE = {S.applied, S.screened, S.invited}


def invite(session: Session, *, application: Application, actor: Actor, days: int,
           send_message: bool = True) -> tuple[str, Invitation]:
    """Issue a new invitation (earlier ones are revoked) and move the application to 待预约."""
    for earlier in session.exec(select(Invitation).where(Invitation.application_id == application.id, Invitation.revoked == False)):  # noqa: E712
        earlier.revoked = True
        session.add(earlier)
    token = new_token()
    invitation = Invitation(
        application_id=application.id, token_hash=hash_token(token), created_by=actor.id,
        expires_at=utcnow() + timedelta(days=days),
    )
    session.add(invitation)
    if application.state != S.invited:
        transition_application(session, application=application, to_state=S.invited, actor=actor, reason="invited")
    session.flush()
    if send_message:
        notify(session, application=application, template="invitation", actor=actor, values={"deadline": invitation.expires_at},
               dedupe_key=f"invitation:{invitation.id}")
    return token, invitation


def redeem_invitation(session: Session, *, token: str, hours: int) -> tuple[str, Application]:
    """Exchange an invitation token for a candidate token; unknown, revoked and expired tokens all look the same (404)."""
    invitation = session.exec(select(Invitation).where(Invitation.token_hash == hash_token(token or ""))).first()
    if invitation is None or invitation.revoked or invitation.expires_at <= utcnow():
        raise NotFound("invitation not found or expired", reason="invitation_invalid")
    application = session.get(Application, invitation.application_id)
    if application.state in (S.withdrawn, S.rejected, S.hired):
        raise NotFound("invitation not found or expired", reason="invitation_invalid")
    if invitation.opened_at is None:
        invitation.opened_at = utcnow()
        session.add(invitation)
    candidate_token, _ = issue_candidate_token(session, application_id=application.id, hours=hours)
    return candidate_token, application
