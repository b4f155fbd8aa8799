"""Serves local-storage media behind short-lived signed URLs (S3 deployments hand out presigned URLs instead)."""
from __future__ import annotations

from flask import Blueprint, current_app, request, send_file

from ..errors import NotFound
from ..storage import LocalStorage, ObjectNotFound

blp = Blueprint("media", __name__, url_prefix="/api/media")


@blp.get("/<path:key>")
def media(key: str):
    storage = current_app.extensions["qingpin.storage"]
    exp, sig = request.args.get("exp", ""), request.args.get("sig", "")
    if not isinstance(storage, LocalStorage) or not exp.isdigit() or not storage.verify_url(key, int(exp), sig):
        raise NotFound("media not found or link expired", reason="media_link_invalid")
    try:
        with storage.local_path(key) as path:
            return send_file(path, conditional=True, max_age=0)
    except ObjectNotFound:
        raise NotFound("media not found", reason="media_missing") from None
