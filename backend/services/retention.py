"""Retention per artifact (PIPL art. 19): recordings, then transcripts and quoted evidence, are purged once their
period has passed since the application's last state change; a legal hold stops the purge, an erasure made it moot.

The recordings are deleted from storage before their rows: a crash in between leaves rows pointing at deleted
objects (they 404), which the next run removes; never an object without its row."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, func, select

from ..models import Answer, AnswerSegment, Application, utcnow
from .applications import Actor, record_event

BATCH = 200  # applications per artifact per run; the sweep runs every quarter hour


def _due(session: Session, *, purged_column, cutoff: datetime) -> tuple[list[Application], int]:
    """Applications whose artifact is past retention and not yet purged (held ones left out and counted)."""
    base = (Application.erased_at.is_(None), purged_column.is_(None), Application.updated_at < cutoff)
    held = session.exec(select(func.count()).select_from(Application).where(*base, Application.legal_hold_reason.is_not(None))).one()
    due = list(session.exec(select(Application).where(*base, Application.legal_hold_reason.is_(None))
                            .order_by(Application.updated_at).limit(BATCH).with_for_update(skip_locked=True, key_share=True)))
    return due, held


def purge_past_retention(session: Session, *, storage, media_days: int, transcript_days: int,
                         now: datetime | None = None) -> dict:
    """One pass: recordings older than `media_days`, transcripts and quoted evidence older than `transcript_days`."""
    now = now or utcnow()
    summary = {"media_purged": 0, "segments_deleted": 0, "transcripts_purged": 0, "held_skipped": 0}
    applications, held = _due(session, purged_column=Application.media_purged_at, cutoff=now - timedelta(days=media_days))
    summary["held_skipped"] += held
    for application in applications:
        segments = list(session.exec(select(AnswerSegment).join(Answer, Answer.id == AnswerSegment.answer_id)
                                     .where(Answer.application_id == application.id)))
        for segment in segments:
            storage.delete(segment.media_key)
        for segment in segments:
            session.delete(segment)
        application.media_purged_at = now
        session.add(application)
        record_event(session, application=application, kind="retention_media_purged", actor=Actor.system(),
                     data={"segments": len(segments)})
        summary["media_purged"] += 1
        summary["segments_deleted"] += len(segments)
    applications, held = _due(session, purged_column=Application.transcripts_purged_at,
                              cutoff=now - timedelta(days=transcript_days))
    summary["held_skipped"] += held
    for application in applications:
        for answer in session.exec(select(Answer).where(Answer.application_id == application.id)):
            # Numeric scores, versions and the audit log stay; what quotes the candidate goes.
            answer.transcript, answer.segments, answer.evidence, answer.analysis = None, [], [], {}
            session.add(answer)
        application.transcripts_purged_at = now
        session.add(application)
        record_event(session, application=application, kind="retention_transcripts_purged", actor=Actor.system())
        summary["transcripts_purged"] += 1
    session.flush()
    return summary
