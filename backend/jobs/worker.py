"""The worker entry point: preload the ML engines once, then work the named queues (with the scheduler).

Jobs hold a short lease that a heartbeat thread renews while they run, so the sweep (jobs/maintenance.py) can tell
a job whose worker died (`kill -9`, a lost machine) within a minute, instead of trusting RQ's "started" for the
whole job timeout.
"""
from __future__ import annotations

import ctypes
import logging
import os
import signal
import threading

from flask import Flask
from rq import Queue, SimpleWorker
from rq.worker import WorkerStatus
from rq.job import Job
from rq.queue import Queue as RqQueue
from rq.scheduler import RQScheduler

from .context import JobIdFilter, use_app
from .engines import preload as preload_engines
from .maintenance import schedule_lost_work_sweep, schedule_maintenance
from .notify import ensure_sweep_scheduled
from .queues import JOB_HEARTBEAT_SECONDS, JOB_LEASE_SECONDS

LOG_FORMAT = "%(asctime)s %(levelname)s [%(job_id)s] %(name)s: %(message)s"
log = logging.getLogger(__name__)
PR_SET_PDEATHSIG = 1


def configure_logging() -> None:
    handler = logging.StreamHandler()
    handler.addFilter(JobIdFilter())
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)


class WorkerBoundScheduler(RQScheduler):
    """RQ's scheduler process, stopped (SIGTERM, so it releases its lock) when the worker that forked it dies."""

    def work(self):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):  # not Linux: the lock still expires on its own
            log.debug("prctl unavailable; the scheduler may outlive a killed worker until its lock expires")
        if os.getppid() == 1:  # the worker died before prctl took effect
            return
        return super().work()


class LeasedWorker(SimpleWorker):
    """SimpleWorker (jobs run in this process, next to the preloaded models) whose running job keeps a short lease."""

    def get_heartbeat_ttl(self, job: Job, working_time: float = 0.0) -> int:
        return JOB_LEASE_SECONDS

    def execute_job(self, job: Job, queue: RqQueue):
        execution = self.prepare_execution(job)
        done = threading.Event()

        def renew() -> None:
            while not done.wait(JOB_HEARTBEAT_SECONDS):
                try:
                    self.maintain_heartbeats(job, execution)
                except Exception:  # Redis hiccup: the next beat tries again; the lease allows a few misses
                    log.warning("job heartbeat failed", exc_info=True)

        beat = threading.Thread(target=renew, name=f"heartbeat-{job.id}", daemon=True)
        beat.start()
        try:
            self.perform_job(job, queue, execution)
        finally:
            done.set()
            beat.join(timeout=5)
        self.set_state(WorkerStatus.IDLE)

    def _start_scheduler(self, burst: bool = False, logging_level="INFO", date_format=None, log_format=None):
        kwargs = {k: v for k, v in (("date_format", date_format), ("log_format", log_format)) if v is not None}
        self.scheduler = WorkerBoundScheduler(self.queues, connection=self.connection, serializer=self.serializer,
                                              logging_level=logging_level or self.log.level, **kwargs)
        self.scheduler.acquire_locks()
        if not self.scheduler.acquired_locks:
            return
        if burst:
            try:
                self.scheduler.register_birth()
                self.scheduler.enqueue_scheduled_jobs()
            finally:
                self.scheduler.release_locks()
                self.scheduler.register_death()
        else:
            self.scheduler.start()


def run_worker(app: Flask, *, queues, burst: bool = False, preload: bool = True) -> bool:
    """Work `queues` in this process; models stay loaded between jobs (no fork per job)."""
    configure_logging()
    use_app(app)
    if preload:
        preload_engines(app.config["QINGPIN_SETTINGS"])
    connection = app.extensions["qingpin.redis"]
    # Jobs run in this process, so the engines loaded above serve every job;
    # scale by running more worker processes (on any number of machines).
    worker = LeasedWorker([Queue(name, connection=connection) for name in queues], connection=connection)
    with app.app_context():
        if not burst:
            ensure_sweep_scheduled(connection)  # nudges for unbooked invitations, redelivery of stuck notifications
            schedule_maintenance(connection)  # expired uploads, idempotency records
            schedule_lost_work_sweep(connection)  # work whose job was never queued, or whose worker died
        return worker.work(burst=burst, with_scheduler=True, logging_level="INFO")
