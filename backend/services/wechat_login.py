"""Mini-program sign-in: code2Session on the server, our own rotating token, the session_key kept server-side only."""
from __future__ import annotations

import hashlib

from redis import Redis
from sqlmodel import Session, select, update

from .. import ratelimit
from ..errors import Conflict, NotFound
from ..models import Application, ApplicationState as S, AuthToken, Candidate
from ..models.notifications import CandidateContact
from .auth import hash_token, issue_candidate_token
from .invitations import redeem_invitation
from .notifications import link_wechat

CLOSED = (S.withdrawn, S.rejected, S.hired)


def session_key_slot(token: str) -> str:
    return f"qingpin:wechat:session_key:{hash_token(token)}"


def wechat_login(session: Session, *, gateway, redis: Redis, code: str, invitation_token: str | None,
                 hours: int) -> tuple[str, Application]:
    """Exchange a wx.login code for a candidate token (a new one each time; earlier tokens stop working)."""
    info = gateway.code2session(code)
    ratelimit.check(ratelimit.WECHAT_LOGINS_PER_OPENID, "wechat-login-openid",
                    hashlib.sha256(info.openid.encode()).hexdigest()[:32])
    if invitation_token:
        _, application = redeem_invitation(session, token=invitation_token, hours=hours)
    else:
        application = _application_of(session, openid=info.openid)
    contact = session.get(CandidateContact, application.candidate_id)
    if contact is not None and contact.wechat_openid and contact.wechat_openid != info.openid:
        raise Conflict("this invitation is linked to another WeChat account", reason="wechat_account_mismatch")
    link_wechat(session, candidate_id=application.candidate_id, openid=info.openid, unionid=info.unionid)
    session.exec(update(AuthToken).where(AuthToken.kind == "candidate", AuthToken.application_id == application.id)
                 .values(revoked=True))
    token, _ = issue_candidate_token(session, application_id=application.id, hours=hours)
    # Kept only here, for decrypting open data; never sent to a client, never logged.
    redis.set(session_key_slot(token), info.session_key, ex=hours * 3600)
    return token, application


def _application_of(session: Session, *, openid: str) -> Application:
    row = session.exec(
        select(Application).join(CandidateContact, CandidateContact.candidate_id == Application.candidate_id)
        .where(CandidateContact.wechat_openid == openid, Application.state.not_in([s.value for s in CLOSED]))
        .order_by(Application.updated_at.desc())
    ).first()
    if row is None:
        raise NotFound("no interview is linked to this WeChat account; open your invitation link first",
                       reason="no_linked_application")
    return row


def save_phone_number(session: Session, *, gateway, application: Application, code: str) -> Candidate:
    """The phone number behind a getPhoneNumber button code (WeChat's code-based API)."""
    candidate = session.get(Candidate, application.candidate_id)
    candidate.phone = gateway.get_phone_number(code)
    session.add(candidate)
    session.flush()
    return candidate
