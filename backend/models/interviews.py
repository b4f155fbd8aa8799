"""Recorded answers: one row per application x question x attempt, with its transcript, figures, scores and evidence."""
from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import id_field, json_field, time_field


class AnswerStatus(StrEnum):
    recording = "recording"  # the question was started; segments are being recorded and uploaded
    uploaded = "uploaded"  # every segment stored, scoring queued
    processing = "processing"
    scored = "scored"
    insufficient_evidence = "insufficient_evidence"  # refused by the quality gate, with a reason
    unreadable = "unreadable"  # media could not be decoded; the candidate may retake
    failed = "failed"  # a permanent processing error, recorded with its reason
    human_review = "human_review"  # AI evaluation declined: human-only review
    practice = "practice"  # the answer to a practice question: stored for the candidate, never scored
    erased = "erased"  # the candidate's data was erased: a stub for the AI-score audit log; takes no segment, no score


class Answer(SQLModel, table=True):
    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("application_id", "question_id", "attempt"),)

    id: uuid.UUID = id_field()
    application_id: uuid.UUID = Field(foreign_key="application.id", index=True)
    question_id: uuid.UUID = Field(foreign_key="question.id", index=True)
    attempt: int = 1
    practice: bool = False  # copied from its question: kept out of every score, roll-up, total and agreement
    started_at: datetime = time_field()  # when the question text was released to the candidate
    record_by: datetime = time_field(default_now=False)  # every segment's upload must have begun by then
    segment_count: int | None = None  # announced by the client with its segments
    # the longest segment this attempt's recorder was told to make (POST …/start): 20 s for a recorder that overlaps
    # its segments, 120 s for a camera that must stop and restart at each cut; None: the configured length
    segment_seconds: int | None = None
    submitted_at: datetime | None = time_field(nullable=True, default_now=False)
    duration_seconds: float | None = None
    status: str = Field(default=AnswerStatus.recording, max_length=32, index=True)
    status_reason: str | None = Field(default=None, max_length=64)
    status_message: str | None = None
    transcript: str | None = None
    segments: list = json_field(list)  # [{start, end, text, confidence}]
    figures: dict = json_field()
    evidence: list = json_field(list)  # rubric points found / missed with quotes and timestamps
    # Scorer v2's other evidence: STAR parts and connectives (quoted, timed), relevance words found / missed,
    # the in-score feature values and the breakdown every score was computed from.
    analysis: dict = json_field()
    content_score: float | None = None
    competency_scores: dict = json_field()
    scorer_version: str | None = Field(default=None, max_length=64)
    config_hash: str | None = Field(default=None, max_length=64)
    asr_engine: str | None = Field(default=None, max_length=64)
    timings: dict = json_field()
    # Face-count integrity flags for a human reviewer; never read by any score.
    integrity: dict = json_field()
    attempts_processed: int = 0
    created_at: datetime = time_field()
    scored_at: datetime | None = time_field(nullable=True, default_now=False)


class AnswerSegment(SQLModel, table=True):
    """One recorded piece (at most 120 s) of an answer, stored and checksum-verified."""

    __tablename__ = "answer_segment"
    __table_args__ = (UniqueConstraint("answer_id", "index"),)

    id: uuid.UUID = id_field()
    answer_id: uuid.UUID = Field(foreign_key="answer.id", index=True)
    index: int
    media_key: str = Field(max_length=512)
    sha256: str = Field(max_length=64)
    bytes: int = Field(sa_type=BigInteger)
    media_type: str = Field(max_length=64)
    duration_seconds: float | None = None
    created_at: datetime = time_field()


class SegmentTranscript(SQLModel, table=True):
    """What the recogniser heard in one recorded segment, recognised as soon as the segment landed (jobs/transcripts.py),
    so that scoring the answer recognises only what is still missing. One per segment and recogniser key: the engine,
    its model and decoding, and the prompt (hotwords) it was given; a segment removed by a retake takes its
    transcripts with it. Times are from the segment's own start."""

    __tablename__ = "segment_transcript"
    __table_args__ = (UniqueConstraint("segment_id", "asr_key"),)

    id: uuid.UUID = id_field()
    segment_id: uuid.UUID = Field(foreign_key="answer_segment.id", ondelete="CASCADE", index=True)
    asr_key: str = Field(max_length=64)  # sha256 of the engine version and the prompt (services/transcripts.py)
    engine_version: str = Field(max_length=128)
    transcript: dict = json_field()  # ml.asr.Transcript.to_dict(), timed from `lead_in_seconds` before the segment
    lead_in_seconds: float = 0.0  # the end of the previous segment recognised with this one (ml.scoring.recognise_segment)
    asr_seconds: float | None = None  # wall seconds the recogniser took
    created_at: datetime = time_field()
