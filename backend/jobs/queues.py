"""Queue names, job policies and idempotent enqueueing (job ids derived from the work).

RQ 3 allows only letters, digits, "_" and "-" in job ids, so ids read `score_answer-<answer_id>`.
"""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import redis
from rq import Queue, Retry
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus

OCR, ASR, NOTIFY, DEFAULT = "ocr", "asr", "notify", "default"
ALL_QUEUES = (ASR, OCR, NOTIFY, DEFAULT)

# Retries are for transient failures (storage or database unreachable); jobs record permanent ones on the row.
SCORE_ANSWER = {
    "queue": ASR, "job_timeout": 15 * 60, "result_ttl": 24 * 3600, "failure_ttl": 30 * 24 * 3600,
    "retry": Retry(max=3, interval=[10, 60, 300]),
}
# A transient failure (WeChat busy, SMTP unreachable) is retried on the same channel with backoff;
# after the last retry the next channel takes over, so a message is late rather than lost.
DELIVER = {"job_timeout": 120, "result_ttl": 24 * 3600, "failure_ttl": 30 * 24 * 3600,
           "retry": Retry(max=4, interval=[10, 60, 300, 900])}
REMINDER = {"job_timeout": 60, "result_ttl": 24 * 3600, "failure_ttl": 30 * 24 * 3600,
            "retry": Retry(max=3, interval=[10, 30, 60])}
WEBHOOK = {"job_timeout": 60, "result_ttl": 24 * 3600, "failure_ttl": 30 * 24 * 3600,
           "retry": Retry(max=4, interval=[10, 60, 300, 1800])}
LIVE = {JobStatus.QUEUED, JobStatus.STARTED, JobStatus.DEFERRED, JobStatus.SCHEDULED}
# A running job's lease: its worker renews it every JOB_HEARTBEAT_SECONDS (jobs/worker.py); a job "started" whose
# lease ran out lost its worker (killed, machine gone) and may be queued again.
JOB_HEARTBEAT_SECONDS = 15
JOB_LEASE_SECONDS = 60


def live_job(connection: redis.Redis, job_id: str, *, now: datetime | None = None) -> Job | None:
    """The job with this id if it is still queued, scheduled, or running on a worker that is alive."""
    existing = _fetch(connection, job_id)
    return existing if existing is not None and _is_live(existing, now=now) else None


def _fetch(connection: redis.Redis, job_id: str) -> Job | None:
    try:
        return Job.fetch(job_id, connection=connection)  # its status comes with it (one HGETALL)
    except NoSuchJobError:
        return None


def _is_live(job: Job, *, now: datetime | None = None) -> bool:
    status = job.get_status(refresh=False)
    if status == JobStatus.STARTED and worker_lost(job, now=now):
        return False
    return status in LIVE


def worker_lost(job: Job, *, now: datetime | None = None) -> bool:
    """Whether a started job's worker stopped renewing its lease (RQ itself waits for the whole job timeout)."""
    beat = job.last_heartbeat or job.started_at
    if beat is None:
        return False
    if beat.tzinfo is None:
        beat = beat.replace(tzinfo=timezone.utc)
    return (now or datetime.now(timezone.utc)) - beat > timedelta(seconds=JOB_LEASE_SECONDS)


def enqueue_once(connection: redis.Redis, func: str, job_id: str, *args, queue: str, now: datetime | None = None,
                 **options) -> Job:
    """Enqueue `func` under a deterministic id; a job with that id that is still queued or running is reused.

    The job is read once: live, it is returned; started by a worker that died, it is first taken out of RQ's
    started registry (deleted), so RQ's own cleanup cannot fail its successor."""
    existing = _fetch(connection, job_id)
    if existing is not None:
        if _is_live(existing, now=now):
            return existing
        if existing.get_status(refresh=False) == JobStatus.STARTED:
            existing.delete()
    return Queue(queue, connection=connection).enqueue(func, *args, job_id=job_id, **options)


def enqueue_score_answer(connection: redis.Redis, answer_id: uuid.UUID, *, now: datetime | None = None) -> Job:
    policy = dict(SCORE_ANSWER)
    return enqueue_once(connection, "backend.jobs.scoring.score_answer", f"score_answer-{answer_id}", str(answer_id),
                        queue=policy.pop("queue"), now=now, **policy)


# A segment recognised as it lands saves time, not correctness: the scoring recognises whatever has no transcript, so a
# failure is not retried (nor left to linger in a queue ahead of scoring).
TRANSCRIBE_SEGMENT = {"queue": ASR, "job_timeout": 5 * 60, "result_ttl": 3600, "failure_ttl": 7 * 24 * 3600}


def enqueue_transcribe_segment(connection: redis.Redis, segment_id: uuid.UUID, *, now: datetime | None = None) -> Job:
    policy = dict(TRANSCRIBE_SEGMENT)
    return enqueue_once(connection, "backend.jobs.transcripts.transcribe_segment", f"transcribe_segment-{segment_id}",
                        str(segment_id), queue=policy.pop("queue"), now=now, **policy)


def transcription_enqueuer():
    """A callback that queues a segment's recognition on the current app's Redis, or None when the app recognises
    whole answers only (settings.asr_per_segment off)."""
    from flask import current_app

    if not current_app.config["QINGPIN_SETTINGS"].asr_per_segment:
        return None
    connection = current_app.extensions["qingpin.redis"]
    return lambda segment_id: enqueue_transcribe_segment(connection, segment_id)


OCR_DOCUMENT = {
    "queue": OCR, "job_timeout": 10 * 60, "result_ttl": 24 * 3600, "failure_ttl": 30 * 24 * 3600,
    "retry": Retry(max=3, interval=[10, 60, 300]),
}


def enqueue_ocr_document(connection: redis.Redis, document_id: uuid.UUID, *, now: datetime | None = None) -> Job:
    policy = dict(OCR_DOCUMENT)
    return enqueue_once(connection, "backend.jobs.documents.ocr_document", f"ocr-{document_id}", str(document_id),
                        queue=policy.pop("queue"), now=now, **policy)


def enqueue_webhook(connection: redis.Redis, delivery_id: uuid.UUID) -> Job:
    return enqueue_once(connection, "backend.jobs.onboarding.deliver_webhook", f"webhook-{delivery_id}", str(delivery_id),
                        queue=NOTIFY, **WEBHOOK)


def ocr_enqueuer():
    from flask import current_app

    connection = current_app.extensions["qingpin.redis"]
    return lambda document_id: enqueue_ocr_document(connection, document_id)


def scoring_enqueuer():
    """A callback that queues an answer's scoring on the current app's Redis (for services' after-commit hooks)."""
    from flask import current_app

    connection = current_app.extensions["qingpin.redis"]
    return lambda answer_id: enqueue_score_answer(connection, answer_id)


def schedule_periodic(connection: redis.Redis, func: str, *, prefix: str, queue: str, every: timedelta,
                      now: datetime | None = None, **options) -> Job:
    """Plan `func(due)` at the next multiple of `every` after `now`; the id names that time, so every worker plans
    the same job and a self-replanning chain never forks."""
    now = now or datetime.now(timezone.utc)
    step = int(every.total_seconds())
    due = datetime.fromtimestamp((int(now.timestamp()) // step + 1) * step, tz=timezone.utc)
    job_id = f"{prefix}-{due:%Y%m%d%H%M}"
    return live_job(connection, job_id) or Queue(queue, connection=connection).enqueue_at(
        due, func, due.isoformat(), job_id=job_id, **options)
