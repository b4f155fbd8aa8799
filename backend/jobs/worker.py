"""The worker entry point: preload the ML engines once, then work the named queues (with the scheduler)."""
from __future__ import annotations

import logging

from flask import Flask
from rq import Queue, SimpleWorker

from .context import JobIdFilter, use_app
from .engines import preload as preload_engines
from .maintenance import schedule_maintenance
from .notify import ensure_sweep_scheduled

LOG_FORMAT = "%(asctime)s %(levelname)s [%(job_id)s] %(name)s: %(message)s"


def configure_logging() -> None:
    handler = logging.StreamHandler()
    handler.addFilter(JobIdFilter())
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)


def run_worker(app: Flask, *, queues, burst: bool = False, preload: bool = True) -> bool:
    """Work `queues` in this process; models stay loaded between jobs (no fork per job)."""
    configure_logging()
    use_app(app)
    if preload:
        preload_engines(app.config["QINGPIN_SETTINGS"])
    connection = app.extensions["qingpin.redis"]
    # SimpleWorker runs jobs in this process, so the engines loaded above serve every job;
    # scale by running more worker processes (on any number of machines).
    worker = SimpleWorker([Queue(name, connection=connection) for name in queues], connection=connection)
    with app.app_context():
        if not burst:
            ensure_sweep_scheduled(connection)  # nudges for unbooked invitations, redelivery of stuck notifications
            schedule_maintenance(connection)  # expired uploads, idempotency records, lost scoring jobs
        return worker.work(burst=burst, with_scheduler=True, logging_level="INFO")
