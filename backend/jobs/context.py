"""The Flask app a job runs in, and a log filter that stamps the current job id on every record."""
from __future__ import annotations

import logging

from flask import Flask, current_app, has_app_context
from rq import get_current_job

_app: Flask | None = None


def job_app() -> Flask:
    """The current app (tests, `qingpin worker`), else one built from the environment (a plain `rq worker`)."""
    global _app
    if has_app_context():
        return current_app._get_current_object()
    if _app is None:
        from .. import create_app

        _app = create_app()
    return _app


def use_app(app: Flask | None) -> None:
    global _app
    _app = app


class JobIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        job = get_current_job()
        record.job_id = job.id if job else "-"
        return True
