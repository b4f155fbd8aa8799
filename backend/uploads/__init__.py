"""Resumable uploads: a tus 1.0.0 blueprint over pluggable staging (local disk or S3 multipart)."""
from .errors import (
    ChecksumMismatch,
    ChunkTooLarge,
    IncompleteChunk,
    OffsetConflict,
    StagingError,
    UploadError,
    UploadGone,
    UploadLocked,
    UploadNotFound,
)
from .local import LocalStaging
from .s3 import S3MultipartStaging
from .staging import UploadInfo, UploadStaging, UploadState
from .tus import SHA256_METADATA_KEY, TUS_VERSION, UploadLock, cleanup_expired, create_tus_blueprint



def staging_from_settings(settings, storage) -> UploadStaging:
    """The configured staging: local disk under the instance folder, or S3 multipart in the storage bucket."""
    if settings.upload_staging == "s3":
        return S3MultipartStaging(storage.client, settings.s3_bucket, prefix=f"{settings.s3_prefix}staging/",
                                  spool_dir=settings.instance_dir / "spool")
    return LocalStaging(settings.instance_dir / "uploads")


__all__ = [
    "SHA256_METADATA_KEY",
    "TUS_VERSION",
    "ChecksumMismatch",
    "ChunkTooLarge",
    "IncompleteChunk",
    "LocalStaging",
    "OffsetConflict",
    "S3MultipartStaging",
    "StagingError",
    "UploadError",
    "UploadGone",
    "UploadInfo",
    "UploadLock",
    "UploadLocked",
    "UploadNotFound",
    "UploadStaging",
    "UploadState",
    "cleanup_expired",
    "create_tus_blueprint",
    "staging_from_settings",
]
