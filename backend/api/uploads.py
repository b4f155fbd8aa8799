"""Resumable answer uploads: the tus 1.0.0 server at /api/uploads/, tied to a started answer's segments."""
from __future__ import annotations

import contextlib
import tempfile
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

from flask import Blueprint, current_app

from ..db import get_session
from ..errors import DomainError, Invalid, PayloadTooLarge, render_domain_error
from ..jobs.queues import scoring_enqueuer, transcription_enqueuer
from ..models import Application
from ..services.answers import attach_segment, check_candidate_quota, check_upload_window, recording_answer
from ..services.applications import Actor
from ..uploads import create_tus_blueprint, staging_from_settings
from .security import current_candidate

# Upload-Metadata keys a client sends with each segment (besides `sha256` and `filename`).
METADATA_KEYS = ("answer_id", "segment_index", "segment_count")


def _settings():
    return current_app.config["QINGPIN_SETTINGS"]


def make_staging():
    return staging_from_settings(_settings(), current_app.extensions["qingpin.storage"])


def _segment_metadata(metadata: dict) -> tuple[uuid.UUID, int, int | None]:
    """segment_count may be left out (or empty) until the last segment: a recorder uploading as it records."""
    try:
        count = metadata.get("segment_count") or None
        return uuid.UUID(metadata["answer_id"]), int(metadata["segment_index"]), None if count is None else int(count)
    except (KeyError, ValueError):
        raise Invalid(f"Upload-Metadata needs {', '.join(METADATA_KEYS)} and sha256", reason="bad_upload_metadata") from None


def _my_application(session, principal) -> Application:
    return session.get(Application, principal.application_id)


def on_create(principal, length: int, metadata: dict) -> dict:
    """Refuse an upload before any byte arrives: wrong answer, time over, too large, or over the candidate's quota."""
    settings = _settings()
    if "sha256" not in metadata:
        raise Invalid("announce the file's SHA-256 in Upload-Metadata (key sha256)", reason="bad_upload_metadata")
    if length > settings.max_segment_bytes:
        raise PayloadTooLarge(f"a segment may be at most {settings.max_segment_bytes // (1024 * 1024)} MiB", reason="segment_too_large")
    answer_id, index, count = _segment_metadata(metadata)
    session = get_session()
    application = _my_application(session, principal)
    answer, _ = recording_answer(session, application=application, answer_id=answer_id, segment_index=index, segment_count=count,
                                 segment_seconds=settings.segment_seconds)
    check_upload_window(answer)
    check_candidate_quota(session, application_id=application.id, adding_bytes=length, quota_bytes=settings.max_candidate_bytes)
    return {"answer_id": str(answer_id), "segment_index": str(index), "segment_count": "" if count is None else str(count)}


def on_complete(principal, upload_id: str, target, metadata: dict, sha256_hex: str) -> None:
    """Verify the media, store it, attach it to its answer; the last segment queues the scoring (once)."""
    answer_id, index, count = _segment_metadata(metadata)
    session = get_session()
    with _local_copy(target) as path:
        attach_segment(
            session, application=_my_application(session, principal), answer_id=answer_id, segment_index=index,
            segment_count=count, path=path, sha256=sha256_hex, storage=current_app.extensions["qingpin.storage"],
            actor=Actor("candidate", principal.candidate_id), enqueue_scoring=scoring_enqueuer(),
            enqueue_transcription=transcription_enqueuer(),
            segment_seconds=_settings().segment_seconds, quota_bytes=_settings().max_candidate_bytes,
        )


@contextlib.contextmanager
def _local_copy(target) -> Iterator[Path]:
    if isinstance(target, Path):
        yield target
        return
    settings = _settings()  # S3 staging hands over the assembled object's key
    storage = current_app.extensions["qingpin.storage"]
    with tempfile.TemporaryDirectory(dir=settings.instance_dir) as tmp:
        path = Path(tmp) / "segment"
        storage.client.download_file(settings.s3_bucket, target, str(path))
        yield path


def create_blueprint(settings) -> Blueprint:
    blueprint = create_tus_blueprint(
        "uploads", "/api/uploads",
        staging_factory=make_staging,
        redis_factory=lambda: current_app.extensions["qingpin.redis"],
        authorize=lambda request: current_candidate(),
        owner_of=lambda principal: str(principal.application_id),
        on_create=on_create,
        on_complete=on_complete,
        max_size=settings.max_segment_bytes,
        expiration=timedelta(hours=settings.upload_expiry_hours),
    )
    # Refusals from our services keep their status and reason (the tus blueprint maps other exceptions to 500).
    blueprint.register_error_handler(DomainError, render_domain_error)
    return blueprint
