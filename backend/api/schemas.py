"""Marshmallow schemas shared by the HR and candidate views."""
from __future__ import annotations

import marshmallow as ma


class CandidateSchema(ma.Schema):
    id = ma.fields.UUID(dump_only=True)
    name = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=100))
    phone = ma.fields.String(load_default=None, allow_none=True, validate=ma.validate.Regexp(r"^\+?[0-9 \-]{5,20}$"))
    email = ma.fields.Email(load_default=None, allow_none=True)
    created_at = ma.fields.AwareDateTime(dump_only=True)


class SegmentSchema(ma.Schema):
    start = ma.fields.Float()
    end = ma.fields.Float()
    text = ma.fields.String()
    confidence = ma.fields.Float()


class EvidenceSchema(ma.Schema):
    point_id = ma.fields.String()
    point_text = ma.fields.String()
    found = ma.fields.Boolean()
    phrase = ma.fields.String(allow_none=True)
    quote = ma.fields.String(allow_none=True)
    start = ma.fields.Float(allow_none=True)
    end = ma.fields.Float(allow_none=True)
    match = ma.fields.String(allow_none=True)


class AnswerStatusSchema(ma.Schema):
    """What a candidate may see of their own answer: that it arrived and whether it can be used, never a score."""

    id = ma.fields.UUID()
    question_id = ma.fields.UUID()
    attempt = ma.fields.Integer()
    status = ma.fields.String()
    status_reason = ma.fields.String(allow_none=True)
    status_message = ma.fields.String(allow_none=True)
    started_at = ma.fields.AwareDateTime()
    record_by = ma.fields.AwareDateTime()
    segment_count = ma.fields.Integer(allow_none=True)
    submitted_at = ma.fields.AwareDateTime(allow_none=True)
    created_at = ma.fields.AwareDateTime()


class RecordingSchema(ma.Schema):
    """One stored recorded segment of an answer."""

    id = ma.fields.UUID()
    index = ma.fields.Integer()
    sha256 = ma.fields.String()
    bytes = ma.fields.Integer()
    media_type = ma.fields.String()
    duration_seconds = ma.fields.Float(allow_none=True)


class AnswerDetailSchema(AnswerStatusSchema):
    """HR's view of an answer: transcript with timestamps, measured figures, scores and the evidence behind them."""

    recordings = ma.fields.List(ma.fields.Nested(RecordingSchema))
    duration_seconds = ma.fields.Float(allow_none=True)
    transcript = ma.fields.String(allow_none=True)
    segments = ma.fields.List(ma.fields.Nested(SegmentSchema))
    figures = ma.fields.Dict()
    evidence = ma.fields.List(ma.fields.Nested(EvidenceSchema))
    analysis = ma.fields.Dict(metadata={"description": "STAR parts and connectives with quotes and times, relevance words "
                                                       "found and missed, the in-score feature values and the breakdown "
                                                       "each score was computed from"})
    content_score = ma.fields.Float(allow_none=True)
    competency_scores = ma.fields.Dict()
    scorer_version = ma.fields.String(allow_none=True)
    config_hash = ma.fields.String(allow_none=True)
    asr_engine = ma.fields.String(allow_none=True)
    timings = ma.fields.Dict()
    integrity = ma.fields.Dict(metadata={"description": "face-count flags for human review; never part of a score"})
    scored_at = ma.fields.AwareDateTime(allow_none=True)


class EventSchema(ma.Schema):
    id = ma.fields.UUID()
    kind = ma.fields.String()
    actor_type = ma.fields.String()
    actor_id = ma.fields.UUID(allow_none=True)
    from_state = ma.fields.String(allow_none=True)
    to_state = ma.fields.String(allow_none=True)
    reason = ma.fields.String(allow_none=True)
    data = ma.fields.Dict()
    created_at = ma.fields.AwareDateTime()


class ApplicationSchema(ma.Schema):
    id = ma.fields.UUID(dump_only=True)
    job_id = ma.fields.UUID(required=True)
    candidate_id = ma.fields.UUID(dump_only=True)
    state = ma.fields.String(dump_only=True)
    created_at = ma.fields.AwareDateTime(dump_only=True)
    updated_at = ma.fields.AwareDateTime(dump_only=True)
