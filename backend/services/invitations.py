"""Invitations: an opaque token (stored hashed) that a candidate exchanges for a token scoped to one application."""
from __future__ import annotations

import io
import logging
import secrets
from datetime import timedelta

from sqlmodel import Session, select, update

from ..db import after_commit
from ..errors import NotFound
from ..models import Application, ApplicationState as S, AuthToken, Invitation, utcnow
from ..storage import Storage, StorageError
from ..wechat import WeChatError
from .applications import Actor, record_event, refuse_if_erased, transition_application
from .auth import hash_token, issue_candidate_token
from .notifications import notify

log = logging.getLogger(__name__)

INVITABLE = {S.applied, S.screened, S.invited}
# 24 random bytes: 192 bits in 32 URL-safe characters, so the token itself fits a WeChat QR code's `scene`.
INVITATION_TOKEN_BYTES = 24


def new_invitation_token() -> str:
    return secrets.token_urlsafe(INVITATION_TOKEN_BYTES)


def invite(session: Session, *, application: Application, actor: Actor, days: int,
           send_message: bool = True, storage: Storage | None = None) -> tuple[str, Invitation]:
    """Issue a new invitation (earlier ones are revoked, and their QR codes deleted from `storage` once this commits)
    and move the application to 待预约."""
    refuse_if_erased(application)
    revoked = []
    for earlier in session.exec(select(Invitation).where(Invitation.application_id == application.id, Invitation.revoked == False)):  # noqa: E712
        earlier.revoked = True
        session.add(earlier)
        revoked.append(invitation_qr_key(earlier))
    if revoked:
        # The tokens a revoked link gave out stop working too (the candidate signs in again with the new link).
        session.exec(update(AuthToken).where(AuthToken.kind == "candidate", AuthToken.application_id == application.id,
                                             AuthToken.revoked == False).values(revoked=True))  # noqa: E712
    if storage is not None and revoked:
        after_commit(session, lambda: [storage.delete(key) for key in revoked])
    token = new_invitation_token()
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


def invitation_qr_key(invitation: Invitation) -> str:
    """Where an invitation's QR code PNG is kept: it opens the interview, so it is served only to the inviting HR team."""
    return f"invitations/{invitation.id}/wxacode.png"


def make_invitation_qr(session: Session, *, application: Application, invitation: Invitation, token: str, gateway,
                       storage: Storage, page: str, env_version: str, actor: Actor) -> str | None:
    """Ask WeChat for the mini-program code of this invitation (scene = its token) and keep the PNG in storage.

    Returns None when it worked, else the reason it did not; the invitation stays valid either way (the link works
    without the code, and inviting again makes a new one). Both outcomes go on the application's timeline.
    """
    try:
        png = gateway.get_wxacode_unlimited(scene=token, page=page, env_version=env_version)
        stored = storage.save(io.BytesIO(png), key=invitation_qr_key(invitation), content_type="image/png")
    except (WeChatError, StorageError, ValueError) as exc:
        reason = f"wechat_{exc.errcode}" if isinstance(exc, WeChatError) and exc.errcode is not None else type(exc).__name__
        log.warning("invitation %s: no QR code (%s)", invitation.id, reason)
        record_event(session, application=application, kind="invitation_qr_failed", actor=actor,
                     reason=reason, data={"invitation_id": str(invitation.id)})
        return reason
    record_event(session, application=application, kind="invitation_qr_created", actor=actor,
                 data={"invitation_id": str(invitation.id), "bytes": stored.size, "sha256": stored.sha256})
    return None


def current_invitation(session: Session, *, application: Application) -> Invitation:
    """The application's live invitation (not revoked, not expired), or 404."""
    invitation = session.exec(select(Invitation).where(Invitation.application_id == application.id,
                                                       Invitation.revoked == False)  # noqa: E712
                              .order_by(Invitation.created_at.desc())).first()
    if invitation is None or invitation.expires_at <= utcnow():
        raise NotFound("this application has no live invitation; invite the candidate again", reason="no_invitation")
    return invitation
