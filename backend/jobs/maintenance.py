"""Periodic upkeep: expired resumable uploads, idempotency records, work whose job was lost (webhook deliveries
included), reminders of onboarding tasks due soon, the retention purge and erasures whose objects are left to delete.

Work is lost when its job was never queued (Redis was down when the upload committed) or its worker died
(the job's lease ran out, see jobs/worker.py). A sweep every minute queues it again; the jobs are idempotent.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

from flask import current_app
from rq.exceptions import NoSuchJobError
from rq.job import Job as RqJob, JobStatus
from sqlmodel import select

from ..db import session_scope
from ..models import Answer, AnswerSegment, AnswerStatus, SegmentTranscript, utcnow
from ..models.documents import ApplicationDocument, DocumentStatus
from ..services.checklists import remind_due
from ..services.erasure import delete_erased_objects, pending_erasures
from ..services.retention import purge_past_retention
from ..services.idempotency import purge_expired
from ..services.webhooks import redeliver_pending
from ..storage import StorageError
from ..uploads import cleanup_expired, staging_from_settings
from .context import job_app
from .queues import DEFAULT, enqueue_ocr_document, enqueue_score_answer, enqueue_transcribe_segment, live_job, schedule_periodic, worker_lost

log = logging.getLogger(__name__)
EVERY = timedelta(minutes=15)
LOST_WORK_EVERY = timedelta(minutes=1)
POLICY = {"job_timeout": 600, "result_ttl": 3600, "failure_ttl": 7 * 24 * 3600}
LOST_WORK_POLICY = {"job_timeout": 120, "result_ttl": 600, "failure_ttl": 24 * 3600}
# Work younger than this still has its job on the way (queued right after its commit).
SETTLING = timedelta(minutes=2)
# An answer whose scoring started this many times is left to a human (a job that keeps failing is not retried forever).
MAX_SCORING_RUNS = 5


def sweep_maintenance(due: str | None = None) -> dict:
    """Run the upkeep once and plan the next run."""
    app = job_app()
    connection = app.extensions["qingpin.redis"]
    with app.app_context():
        now = utcnow()
        removed = cleanup_expired(staging_from_settings(app.config["QINGPIN_SETTINGS"], app.extensions["qingpin.storage"]), now)
        with session_scope() as session:
            purged = purge_expired(session, now=now)
        lost = requeue_lost_work(connection, now=now)
        with session_scope() as session:
            reminded = remind_due(session, now=now)
        with session_scope() as session:
            webhooks_requeued = redeliver_pending(session, connection, now=now)
        settings, storage = app.config["QINGPIN_SETTINGS"], app.extensions["qingpin.storage"]
        with session_scope() as session:
            retention = purge_past_retention(session, storage=storage, media_days=settings.retention_media_days,
                                             transcript_days=settings.retention_transcript_days, now=now)
        erasures = finish_erasures(storage, now=now)
        schedule_maintenance(connection, now=max(now, datetime.fromisoformat(due)) if due else now)
    summary = {"uploads_removed": len(removed), "idempotency_purged": purged, **lost, "onboarding_reminders": reminded,
               "webhooks_requeued": webhooks_requeued, **retention, "erasures_finished": erasures}
    log.info("maintenance: %s", summary)
    return summary


def sweep_lost_work(due: str | None = None) -> dict:
    """Queue lost work again (every minute) and plan the next run."""
    app = job_app()
    connection = app.extensions["qingpin.redis"]
    with app.app_context():
        now = utcnow()
        lost = requeue_lost_work(connection, now=now)
        schedule_lost_work_sweep(connection, now=max(now, datetime.fromisoformat(due)) if due else now)
    if any(lost.values()):
        log.info("lost work queued again: %s", lost)
    return lost


def requeue_lost_work(connection, *, now: datetime) -> dict:
    """Queue scoring and document reading again where their job vanished or its worker died."""
    with session_scope() as session:
        answers = session.exec(select(Answer.id).where(
            Answer.status.in_([AnswerStatus.uploaded, AnswerStatus.processing]), Answer.submitted_at < now - SETTLING,
            Answer.attempts_processed < MAX_SCORING_RUNS,
        )).all()
        documents = session.exec(select(ApplicationDocument.id).where(
            ApplicationDocument.status.in_([DocumentStatus.queued, DocumentStatus.processing]),
            ApplicationDocument.created_at < now - SETTLING,
        )).all()
    lost_segments = _segments_never_recognised(connection, now=now)
    lost_answers = [i for i in answers if live_job(connection, f"score_answer-{i}", now=now) is None]
    lost_documents = [i for i in documents if live_job(connection, f"ocr-{i}", now=now) is None]
    for answer_id in lost_answers:
        enqueue_score_answer(connection, answer_id, now=now)
    for document_id in lost_documents:
        enqueue_ocr_document(connection, document_id, now=now)
    for segment_id in lost_segments:
        enqueue_transcribe_segment(connection, segment_id, now=now)
    return {"answers_requeued": len(lost_answers), "documents_requeued": len(lost_documents),
            "segments_requeued": len(lost_segments)}


def _segments_never_recognised(connection, *, now: datetime) -> list:
    """Segments of answers still recording that have no transcript and whose job never ran (Redis was down when they
    landed) or lost its worker; a job that ran and stored nothing (unreadable, failed) is left to the scoring."""
    if not current_app.config["QINGPIN_SETTINGS"].asr_per_segment:
        return []
    with session_scope() as session:
        segments = session.exec(
            select(AnswerSegment.id).join(Answer, Answer.id == AnswerSegment.answer_id)
            .outerjoin(SegmentTranscript, SegmentTranscript.segment_id == AnswerSegment.id)
            .where(Answer.status == AnswerStatus.recording, Answer.practice == False,  # noqa: E712
                   AnswerSegment.created_at < now - SETTLING, SegmentTranscript.id.is_(None))
        ).all()
    return [i for i in segments if _never_ran(connection, f"transcribe_segment-{i}", now=now)]


def _never_ran(connection, job_id: str, *, now: datetime) -> bool:
    try:
        job = RqJob.fetch(job_id, connection=connection)
    except NoSuchJobError:
        return True
    return job.get_status(refresh=False) == JobStatus.STARTED and worker_lost(job, now=now)


def finish_erasures(storage, *, now: datetime) -> int:
    """Delete the stored objects of erasures whose after-commit step did not finish (a crash, storage down)."""
    with session_scope() as session:
        pending = pending_erasures(session)
    finished = 0
    for erasure_id in pending:
        try:
            with session_scope() as session:
                delete_erased_objects(session, erasure_id=erasure_id, storage=storage, now=now)
            finished += 1
        except StorageError:
            log.warning("erasure %s: storage unavailable, objects left for the next run", erasure_id)
    return finished


def schedule_maintenance(connection, *, now: datetime | None = None) -> RqJob:
    """Plan the next run at the next quarter hour (one job per time for all workers)."""
    return schedule_periodic(connection, "backend.jobs.maintenance.sweep_maintenance", prefix="maintenance", queue=DEFAULT,
                             every=EVERY, now=now, **POLICY)


def schedule_lost_work_sweep(connection, *, now: datetime | None = None) -> RqJob:
    return schedule_periodic(connection, "backend.jobs.maintenance.sweep_lost_work", prefix="lost-work", queue=DEFAULT,
                             every=LOST_WORK_EVERY, now=now, **LOST_WORK_POLICY)
