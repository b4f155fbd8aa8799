"""Job `transcribe_segment`: recognise one recorded segment as soon as it lands, while the candidate still records.

Scoring the answer (jobs/scoring.py) then recognises only the segments that have no transcript yet, usually just the
last one, so the result is ready seconds after the last upload instead of after the whole answer is recognised.
The job saves time, never correctness: whatever it does not store (failure, Redis down, worker killed), the scoring
recognises itself; a transcript is stored once per segment and recogniser key (services/transcripts.py).
"""
from __future__ import annotations

import logging
import time
import uuid

from sqlmodel import select

from ml.asr import engine_version
from ml.audio import MediaError, decode_audio
from ml.scoring import asr_prompt, recognise_segment

from ..db import session_scope
from ..models import Answer, AnswerSegment, AnswerStatus, Application, Job, Question
from ..services.consent import ai_evaluation_allowed
from ..services.transcripts import asr_key, cached_transcripts, has_transcript, store_transcript
from .context import job_app
from .engines import asr_engine
from .scoring import question_spec

log = logging.getLogger(__name__)
# An answer in any other state is being scored (which recognises what it needs) or is done with.
WAITING = {AnswerStatus.recording, AnswerStatus.uploaded}


def transcribe_segment(segment_id: str) -> str:
    """Recognise one segment and keep its transcript; idempotent, and never fatal to its answer."""
    app = job_app()
    segment_uuid = uuid.UUID(segment_id)
    with app.app_context():
        settings = app.config["QINGPIN_SETTINGS"]
        storage = app.extensions["qingpin.storage"]
        with session_scope() as session:
            segment = session.get(AnswerSegment, segment_uuid)
            if segment is None:
                return "gone"  # removed by a retake
            answer = session.get(Answer, segment.answer_id)
            if answer.practice or answer.status not in WAITING:
                return "skipped"
            if not ai_evaluation_allowed(session, application=session.get(Application, answer.application_id)):
                return "skipped"  # human-only review: nothing is recognised
            question = session.get(Question, answer.question_id)
            spec = question_spec(question, session.get(Job, question.job_id).description or "")
            engine = asr_engine(settings)
            prompt = asr_prompt(spec)
            version = engine_version(engine)
            key = asr_key(version, prompt)
            if has_transcript(session, segment_id=segment_uuid, key=key):
                return "cached"
            media_key = segment.media_key
            # Led in by the end of the previous segment when that one is in and recognised (else recognised alone).
            previous = session.exec(select(AnswerSegment).where(AnswerSegment.answer_id == segment.answer_id,
                                                                AnswerSegment.index == segment.index - 1)).first()
            before = cached_transcripts(session, segment_ids=[previous.id], key=key).get(previous.id) if previous else None
            previous_key = previous.media_key if before is not None else None
        try:
            with storage.local_path(media_key) as path:
                samples = decode_audio(path)
            previous_samples = None
            if previous_key is not None:
                with storage.local_path(previous_key) as path:
                    previous_samples = decode_audio(path)
            started = time.perf_counter()
            recognised = recognise_segment(engine, samples, prompt, previous_samples=previous_samples, previous=before)
            seconds = time.perf_counter() - started
        except MediaError as exc:  # the scoring meets it again and records it on the answer
            log.info("segment %s unreadable: %s", segment_id, exc.reason)
            return "unreadable"
        except Exception:  # storage, model: the scoring recognises this segment itself
            log.exception("recognising segment %s failed; its answer's scoring will recognise it", segment_id)
            return "failed"
        with session_scope() as session:
            stored = store_transcript(session, segment_id=segment_uuid, key=key, engine_version=version,
                                      recognised=recognised, seconds=seconds)
        return "transcribed" if stored else "not_stored"
