"""Upload failures: each carries its HTTP status and a stable machine reason."""
from __future__ import annotations

class UploadError(Exception):
    """An upload failure that carries its HTTP status and a stable machine-readable code."""

    status = 500
    code = "upload_error"
    default_message = "The upload failed."

    def __init__(self, message: str | None = None, *, status: int | None = None, code: str | None = None):
        super().__init__(message or self.default_message)
        self.message = message or self.default_message
        if status is not None:
            self.status = status
        if code is not None:
            self.code = code


class UploadNotFound(UploadError):
    status, code, default_message = 404, "upload_not_found", "No such upload."


class UploadGone(UploadError):
    status, code, default_message = 410, "upload_expired", "The upload has expired."


class OffsetConflict(UploadError):
    status, code = 409, "offset_mismatch"

    def __init__(self, expected: int, got: int):
        super().__init__(f"Upload-Offset {got} does not match the upload's offset {expected}; HEAD the upload and resume from there.")
        self.expected = expected


class ChecksumMismatch(UploadError):
    status, code = 460, "checksum_mismatch"
    default_message = "The chunk does not match its Upload-Checksum; it was discarded."


class ChunkTooLarge(UploadError):
    status, code = 413, "chunk_too_large"
    default_message = "The chunk would exceed the declared Upload-Length; it was discarded."


class IncompleteChunk(UploadError):
    """The request body ended before its announced length (the client went away)."""

    status, code = 400, "incomplete_chunk"
    default_message = "The request body ended before Content-Length bytes arrived."


class UploadLocked(UploadError):
    status, code = 423, "upload_locked"
    default_message = "Another request is writing to this upload; retry after it finishes."


class StagingError(UploadError):
    status, code = 503, "staging_unavailable"
    default_message = "The upload staging area is unavailable."
