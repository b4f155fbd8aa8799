"""Job `score_answer`: decode the answer's media, run the ML scorer, write transcript, scores and evidence back."""
from __future__ import annotations

import contextlib
import logging
import uuid

from rq import get_current_job
from sqlalchemy.exc import OperationalError

from ml.audio import MediaError
from ml.integrity import VideoUnreadable, check_video
from ml.asr import engine_version
from ml.scoring import QuestionSpec, RubricPoint, asr_prompt, score_recording, score_segments

from ..db import session_scope
from ..models import Answer, Application, Job, Question
from ..services import answers as answer_service
from ..services import results as results_service
from ..services import transcripts as transcript_service
from ..services.transcripts import asr_key
from ..storage import StorageError
from .context import job_app
from .engines import asr_engine

log = logging.getLogger(__name__)
TRANSIENT = (StorageError, OperationalError, ConnectionError, TimeoutError)


def question_spec(question: Question, job_description: str = "") -> QuestionSpec:
    return QuestionSpec(
        text=question.text,
        rubric=[RubricPoint(id=p["id"], text=p["text"], key_phrases=list(p["key_phrases"]), weight=p.get("weight", 1.0),
                            competencies=list(p.get("competencies") or []), requires=list(p.get("requires") or []))
                for p in question.rubric],
        competencies=dict(question.competencies),
        behavioural=question.behavioural,
        answer_seconds=question.answer_seconds,
        min_speech_seconds=question.min_speech_seconds,
        job_description=job_description,
    )


def score_answer(answer_id: str) -> str:
    """Score one answer; idempotent (a final answer is left alone), permanent problems recorded on the row."""
    app = job_app()
    answer_uuid = uuid.UUID(answer_id)
    with app.app_context():
        settings = app.config["QINGPIN_SETTINGS"]
        storage = app.extensions["qingpin.storage"]
        with session_scope() as session:
            answer = answer_service.start_processing(session, answer_id=answer_uuid)
            if answer is None:
                return "skipped"
            segments = answer_service.segments_of(session, answer_id=answer_uuid)
            segment_ids = [segment.id for segment in segments]
            media_keys = [segment.media_key for segment in segments]
            has_video = [segment.media_type.startswith("video/") for segment in segments]
            question = session.get(Question, answer.question_id)
            spec = question_spec(question, session.get(Job, question.job_id).description or "")
            engine = asr_engine(settings)
            key = asr_key(engine_version(engine), asr_prompt(spec))
            if settings.asr_per_segment:
                # Segments recognised as they landed (jobs/transcripts.py); the others are recognised now.
                found = transcript_service.cached_transcripts(session, segment_ids=segment_ids, key=key)
                cached = [found.get(segment_id) for segment_id in segment_ids]
        try:
            with contextlib.ExitStack() as stack:
                paths = [stack.enter_context(storage.local_path(media_key)) for media_key in media_keys]
                if settings.asr_per_segment:
                    result, fresh = score_segments(paths, spec, engine, cached=cached)
                    result.timings["segments_recognised_before"] = sum(t is not None for t in cached)
                else:
                    result, fresh = score_recording(paths, spec, engine), []
                integrity = integrity_flags([p for p, video in zip(paths, has_video) if video])
        except MediaError as exc:
            log.info("answer %s unreadable: %s", answer_id, exc.reason)
            with session_scope() as session:
                answer_service.record_unreadable(session, answer_id=answer_uuid, reason=exc.reason, message=str(exc))
            return "unreadable"
        except TRANSIENT as exc:
            job = get_current_job()
            if job is None or not job.retries_left:
                with session_scope() as session:
                    answer_service.record_failure(session, answer_id=answer_uuid, reason="transient_exhausted", message=repr(exc))
                    _complete_if_processed(session, answer_uuid)
            else:
                with session_scope() as session:
                    _release(session, answer_uuid)
            raise
        except Exception as exc:  # a bug or a model failure: recorded with its reason, never retried forever
            log.exception("scoring answer %s failed", answer_id)
            with session_scope() as session:
                answer_service.record_failure(session, answer_id=answer_uuid, reason="scorer_error", message=repr(exc))
                _complete_if_processed(session, answer_uuid)
            raise
        with session_scope() as session:
            for segment_id, recognised in zip(segment_ids, fresh):
                if recognised is not None:  # kept for a rescore
                    transcript_service.store_transcript(session, segment_id=segment_id, key=key, engine_version=engine_version(engine),
                                                        recognised=recognised)
            answer = answer_service.record_score(
                session, answer_id=answer_uuid, result=result.to_dict(), duration_seconds=result.figures.get("duration_s"),
                integrity=integrity,
            )
            if answer is None:
                log.info("answer %s was erased while it was scored: nothing written", answer_id)
                return "skipped"
            # The roll-up starts as soon as the last score is written, in the same transaction; a rescore of an
            # answer of a scored interview rolls it up again.
            application = session.get(Application, answer.application_id)
            if results_service.complete_if_processed(session, application=application) is None:
                results_service.refresh_if_rescored(session, application=application)
        return result.status


def integrity_flags(video_paths) -> dict:
    """Face-count flags per recorded segment, for a human; a video that cannot be sampled is noted, not fatal."""
    segments = []
    for index, path in enumerate(video_paths):
        try:
            segments.append({"segment": index, **check_video(path).to_dict()})
        except VideoUnreadable as exc:
            segments.append({"segment": index, "unreadable": exc.reason})
        except Exception:  # the integrity check must never stop an answer from being scored
            log.exception("integrity check failed on segment %d", index)
            segments.append({"segment": index, "unreadable": "integrity_check_failed"})
    if not segments:
        return {}
    return {"segments": segments, "flagged": any(s.get("flags") for s in segments), "for_human_review_only": True}


def _complete_if_processed(session, answer_id: uuid.UUID) -> None:
    answer = session.get(Answer, answer_id)
    if answer is not None:
        results_service.complete_if_processed(session, application=session.get(Application, answer.application_id))


def _release(session, answer_id: uuid.UUID) -> None:
    """Put an answer back to `uploaded` so the retry can claim it again."""
    answer = session.get(Answer, answer_id)
    if answer is not None and answer.status == "processing":  # an erased answer is left erased
        answer.status = "uploaded"
        session.add(answer)
