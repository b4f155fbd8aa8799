"""Consent: versioned notices (text + hash), separate records per kind, withdrawal, and the gates they drive."""
from __future__ import annotations

import hashlib
import uuid

from sqlmodel import Session, select

from ml.scoring import SCORED_FEATURES, SCORER_VERSION

from ..errors import Conflict, Invalid
from ..models import Application
from ..models.consent import ConsentKind, ConsentNotice, ConsentRecord
from .applications import Actor, record_event

MEDIA_NOTICE = (
    "为完成本次视频面试，我们需要录制并保存您作答时的视频和声音（敏感个人信息）。"
    "录像仅用于本岗位的招聘评估，仅限有权限的招聘人员查看，数据存储于中国境内，按保留期限到期删除；"
    "您可以随时撤回同意或申请删除，撤回后将无法继续录制。"
)


def about_ai_text() -> str:
    """The "about the AI" notice, generated from the scorer's own feature list."""
    scored = [f"{i}. {f.description}" for i, f in enumerate((f for f in SCORED_FEATURES if f.in_score), start=1)]
    shown = [f"- {f.description}" for f in SCORED_FEATURES if not f.in_score]
    return "\n".join([
        f"本次面试可使用人工智能辅助评估（评分模型版本 {SCORER_VERSION}）。",
        "计入分数的内容：", *scored,
        "测量但不计入分数、仅供判断证据是否充分或供面试官参考的内容：", *shown,
        "我们不会分析您的表情、情绪、性格、口音或外貌；视频画面仅用于核实是否本人独立作答，结果交由人工复核。",
        "录音不清或说话过少时，系统不打分而标记为“证据不足”，您可重新作答。",
        "AI 结果仅作为建议，录用或淘汰决定均由招聘人员作出。您可以拒绝 AI 评估，改由人工评估，不影响您的机会；"
        "您也可以申请解释或人工复核。",
    ])


DEFAULT_NOTICES = {
    ConsentKind.media: ("视频与声音录制同意", MEDIA_NOTICE),
    ConsentKind.ai_evaluation: ("关于 AI 评估的说明与同意", None),  # text generated from the scorer
}


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def current_notice(session: Session, *, organization_id: uuid.UUID, kind: str) -> ConsentNotice:
    """The newest notice of a kind; the built-in text becomes version 1 (or a new version when it changed)."""
    kind = ConsentKind(kind)
    notice = session.exec(select(ConsentNotice).where(ConsentNotice.organization_id == organization_id,
                                                      ConsentNotice.kind == kind).order_by(ConsentNotice.version.desc())).first()
    title, text = DEFAULT_NOTICES[kind]
    text = text or about_ai_text()
    if notice is None or (notice.text != text and _is_builtin(notice)):
        notice = publish_notice(session, organization_id=organization_id, kind=kind, title=title, text=text)
    return notice


def _is_builtin(notice: ConsentNotice) -> bool:
    return notice.title == DEFAULT_NOTICES[ConsentKind(notice.kind)][0]


def publish_notice(session: Session, *, organization_id: uuid.UUID, kind: str, title: str, text: str) -> ConsentNotice:
    """A new version of a notice; consents given to earlier versions no longer count (re-consent needed)."""
    latest = session.exec(select(ConsentNotice.version).where(ConsentNotice.organization_id == organization_id,
                                                              ConsentNotice.kind == kind).order_by(ConsentNotice.version.desc())).first()
    notice = ConsentNotice(organization_id=organization_id, kind=kind, version=(latest or 0) + 1, title=title, text=text,
                           text_sha256=_sha256(text))
    session.add(notice)
    session.flush()
    return notice


def record_consent(session: Session, *, application: Application, kind: str, granted: bool, notice_version: int,
                   text_sha256: str, channel: str, actor: Actor) -> ConsentRecord:
    """Record a choice on the notice the candidate actually read (its version and text hash must be current)."""
    notice = current_notice(session, organization_id=application.organization_id, kind=kind)
    if notice.version != notice_version or notice.text_sha256 != text_sha256.lower():
        raise Conflict("the notice has changed; please read the current version", reason="notice_outdated",
                       errors={"version": notice.version, "text_sha256": notice.text_sha256})
    record = ConsentRecord(application_id=application.id, candidate_id=application.candidate_id, kind=notice.kind,
                           notice_id=notice.id, notice_version=notice.version, text_sha256=notice.text_sha256,
                           granted=granted, channel=channel)
    session.add(record)
    session.flush()
    record_event(session, application=application, kind="consent_given" if granted else "consent_refused_or_withdrawn",
                 actor=actor, data={"consent": notice.kind, "notice_version": notice.version, "channel": channel})
    return record


def consent_state(session: Session, *, application: Application) -> dict[str, bool]:
    """Per kind: does the newest record grant the current notice version?"""
    state = {}
    for kind in ConsentKind:
        notice = current_notice(session, organization_id=application.organization_id, kind=kind)
        latest = session.exec(select(ConsentRecord).where(ConsentRecord.application_id == application.id,
                                                          ConsentRecord.kind == kind)
                              .order_by(ConsentRecord.created_at.desc())).first()
        state[kind.value] = bool(latest and latest.granted and latest.notice_version == notice.version)
    return state


def require_media_consent(session: Session, *, application: Application) -> None:
    if not consent_state(session, application=application)[ConsentKind.media]:
        raise Conflict("recording needs your consent to the current media notice", reason="media_consent_required")


def ai_consent_outdated(session: Session, *, application: Application) -> bool:
    """True when the candidate's newest AI-evaluation record grants an earlier notice version than the current one."""
    notice = current_notice(session, organization_id=application.organization_id, kind=ConsentKind.ai_evaluation)
    latest = session.exec(select(ConsentRecord).where(ConsentRecord.application_id == application.id,
                                                      ConsentRecord.kind == ConsentKind.ai_evaluation)
                          .order_by(ConsentRecord.created_at.desc())).first()
    return bool(latest and latest.granted and latest.notice_version != notice.version)


def ai_evaluation_allowed(session: Session, *, application: Application) -> bool:
    """Without a current AI-evaluation consent the answers go to human-only review; no scoring job is queued."""
    return consent_state(session, application=application)[ConsentKind.ai_evaluation]


def check_kind(kind: str) -> str:
    if kind not in ConsentKind.__members__:
        raise Invalid(f"unknown consent kind {kind!r}", reason="bad_consent_kind")
    return kind
