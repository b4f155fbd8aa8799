"""Segment transcripts: each recorded segment recognised once, as soon as it lands, and reused when its answer is scored.

A transcript is keyed by its segment row and by what else decides what the recogniser writes: the engine with its model
and decoding (`ml.asr.engine_version`) and the prompt it was given (the job's vocabulary as hotwords, when the scorer
passes them). A retake removes the given-up attempt's segments and, with them, their transcripts.
"""
from __future__ import annotations

import hashlib
import logging
import uuid

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ml.asr import transcript_from_dict
from ml.scoring import RecognisedSegment

from ..models import AnswerSegment, SegmentTranscript

log = logging.getLogger(__name__)


def asr_key(engine_version: str, prompt: str | None) -> str:
    """The key of a segment transcript besides its segment: engine version and prompt, hashed."""
    return hashlib.sha256(f"{engine_version}\n{prompt or ''}".encode("utf-8")).hexdigest()


def cached_transcripts(session: Session, *, segment_ids: list[uuid.UUID], key: str) -> dict[uuid.UUID, RecognisedSegment]:
    """The stored transcripts of these segments under `key`; a row that cannot be read counts as missing."""
    if not segment_ids:
        return {}
    rows = session.exec(select(SegmentTranscript).where(SegmentTranscript.segment_id.in_(segment_ids),
                                                        SegmentTranscript.asr_key == key))
    found = {}
    for row in rows:
        try:
            found[row.segment_id] = RecognisedSegment(transcript_from_dict(row.transcript), row.lead_in_seconds)
        except (TypeError, ValueError, KeyError):
            log.warning("segment transcript %s is unreadable; the segment is recognised again", row.id)
    return found


def has_transcript(session: Session, *, segment_id: uuid.UUID, key: str) -> bool:
    return session.exec(select(SegmentTranscript.id).where(SegmentTranscript.segment_id == segment_id,
                                                           SegmentTranscript.asr_key == key)).first() is not None


def store_transcript(session: Session, *, segment_id: uuid.UUID, key: str, engine_version: str,
                     recognised: RecognisedSegment, seconds: float | None = None) -> bool:
    """Keep a segment's transcript once: False when one is already stored under this key (another worker's) or the
    segment is gone (a retake removed it while it was being recognised)."""
    if session.get(AnswerSegment, segment_id) is None:
        return False
    try:
        with session.begin_nested():
            session.add(SegmentTranscript(segment_id=segment_id, asr_key=key, engine_version=engine_version[:128],
                                          transcript=recognised.transcript.to_dict(), lead_in_seconds=recognised.lead_in,
                                          asr_seconds=None if seconds is None else round(seconds, 3)))
    except IntegrityError:  # the unique (segment, key) or the segment's foreign key: nothing to add
        return False
    return True


def forget_segments(session: Session, *, segment_ids: list[uuid.UUID]) -> None:
    """Remove the transcripts of segments about to be removed (the foreign key cascades on PostgreSQL; SQLite may not
    enforce it)."""
    if not segment_ids:
        return
    for row in session.exec(select(SegmentTranscript).where(SegmentTranscript.segment_id.in_(segment_ids))):
        session.delete(row)
    session.flush()
