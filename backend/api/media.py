"""Serves local-storage media behind short-lived signed URLs (S3 deployments hand out presigned URLs instead)."""
from __future__ import annotations

import logging
import re

from flask import Blueprint, current_app, request, send_file

from ..errors import NotFound
from ..storage import LocalStorage, ObjectNotFound

blp = Blueprint("media", __name__, url_prefix="/api/media")
SIGNATURE = re.compile(r"([?&]sig=)[^&\s\"]+")
ACCESS_LOGGERS = ("werkzeug", "gunicorn.access")


class RedactSignatures(logging.Filter):
    """A signed URL is a bearer credential until it expires: access logs keep its path, never its signature."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "sig=" in message:
            record.msg, record.args = SIGNATURE.sub(r"\1[redacted]", message), ()
        return True


def redact_signatures_in_access_logs() -> None:
    for name in ACCESS_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactSignatures) for f in logger.filters):
            logger.addFilter(RedactSignatures())


@blp.get("/<path:key>")
def media(key: str):
    storage = current_app.extensions["qingpin.storage"]
    exp, sig = request.args.get("exp", ""), request.args.get("sig", "")
    if not isinstance(storage, LocalStorage) or not exp.isdigit() or not storage.verify_url(key, int(exp), sig):
        raise NotFound("media not found or link expired", reason="media_link_invalid")
    try:
        with storage.local_path(key) as path:
            response = send_file(path, conditional=True, max_age=0)
            response.headers["Cache-Control"] = "no-store"
            return response
    except ObjectNotFound:
        raise NotFound("media not found", reason="media_missing") from None
