"""Periodic upkeep: expired resumable uploads, idempotency records, answers whose scoring job was lost, and
reminders of onboarding tasks due soon."""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

from rq.job import Job as RqJob
from sqlmodel import select

from ..db import session_scope
from ..models import Answer, AnswerStatus, utcnow
from ..services.checklists import remind_due
from ..services.idempotency import purge_expired
from ..uploads import cleanup_expired
from .context import job_app
from .queues import DEFAULT, SCORE_ANSWER, enqueue_score_answer, live_job, schedule_periodic

log = logging.getLogger(__name__)
EVERY = timedelta(minutes=15)
POLICY = {"job_timeout": 600, "result_ttl": 3600, "failure_ttl": 7 * 24 * 3600}
# An answer waiting this long for a scoring job that is not queued or running lost its job (e.g. Redis was down
# when its upload committed); one still "processing" past the job timeout lost its worker.
STUCK_UPLOADED = timedelta(minutes=10)
STUCK_PROCESSING = timedelta(seconds=SCORE_ANSWER["job_timeout"]) + timedelta(minutes=5)


def sweep_maintenance(due: str | None = None) -> dict:
    """Run the upkeep once and plan the next run."""
    from ..api.uploads import make_staging

    app = job_app()
    connection = app.extensions["qingpin.redis"]
    with app.app_context():
        now = utcnow()
        removed = cleanup_expired(make_staging(), now)
        with session_scope() as session:
            purged = purge_expired(session, now=now)
        requeued = requeue_lost_scoring(connection, now=now)
        with session_scope() as session:
            reminded = remind_due(session, now=now)
        schedule_maintenance(connection, now=max(now, datetime.fromisoformat(due)) if due else now)
    summary = {"uploads_removed": len(removed), "idempotency_purged": purged, "answers_requeued": requeued,
               "onboarding_reminders": reminded}
    log.info("maintenance: %s", summary)
    return summary


def requeue_lost_scoring(connection, *, now: datetime) -> int:
    """Queue scoring again for answers whose job vanished; the job itself is idempotent."""
    with session_scope() as session:
        waiting = session.exec(select(Answer).where(
            ((Answer.status == AnswerStatus.uploaded) & (Answer.submitted_at < now - STUCK_UPLOADED))
            | ((Answer.status == AnswerStatus.processing) & (Answer.submitted_at < now - STUCK_PROCESSING))
        )).all()
        ids = [answer.id for answer in waiting]
    lost = [answer_id for answer_id in ids if live_job(connection, f"score_answer-{answer_id}") is None]
    for answer_id in lost:
        enqueue_score_answer(connection, answer_id)
    return len(lost)


def schedule_maintenance(connection, *, now: datetime | None = None) -> RqJob:
    """Plan the next run at the next quarter hour (one job per time for all workers)."""
    return schedule_periodic(connection, "backend.jobs.maintenance.sweep_maintenance", prefix="maintenance", queue=DEFAULT,
                             every=EVERY, now=now, **POLICY)
