"""Where a resumable upload's bytes wait until the file is whole: the staging interface and its shared state.

Implementations: local disk (uploads/local.py) and S3 multipart (uploads/s3.py)."""
from __future__ import annotations

import hashlib
import hmac
import re
import threading
from abc import ABC, abstractmethod
from collections import OrderedDict
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterator

from .errors import ChecksumMismatch, ChunkTooLarge, OffsetConflict, UploadError, UploadNotFound

READ_SIZE = 1 << 20
CHECKSUM_ALGORITHMS: dict[str, Callable[[], Any]] = {"sha1": hashlib.sha1, "sha256": hashlib.sha256}
_UPLOAD_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


class UploadState(StrEnum):
    OPEN = "open"
    COMPLETED = "completed"
    FAILED = "failed"


@dataclass(frozen=True)
class UploadInfo:
    """Durable state of one upload; `offset` only counts bytes that survive a restart."""

    upload_id: str
    length: int
    offset: int
    metadata: dict[str, str]
    created_at: datetime
    expires_at: datetime
    state: UploadState = UploadState.OPEN
    context: dict[str, Any] = field(default_factory=dict)
    owner: str | None = None
    sha256: str | None = None  # full-file digest, recorded once the file is whole

    @property
    def is_whole(self) -> bool:
        return self.offset == self.length

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["created_at"] = self.created_at.isoformat()
        data["expires_at"] = self.expires_at.isoformat()
        data["state"] = str(self.state)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> UploadInfo:
        return cls(
            **{
                **data,
                "created_at": datetime.fromisoformat(data["created_at"]),
                "expires_at": datetime.fromisoformat(data["expires_at"]),
                "state": UploadState(data["state"]),
            }
        )


def _check_upload_id(upload_id: str) -> str:
    if not isinstance(upload_id, str) or not _UPLOAD_ID.match(upload_id):
        raise UploadNotFound()
    return upload_id


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def read_chunk(stream: BinaryIO, limit: int) -> Iterator[bytes | memoryview]:
    """Yield the stream's bytes; raise ChunkTooLarge if it holds more than `limit`.

    Streams with readinto fill one reused buffer, so each yielded view is only valid until the next one.
    """
    remaining = limit
    readinto = getattr(stream, "readinto", None)
    view = memoryview(bytearray(min(READ_SIZE, limit))) if readinto and limit else None
    while remaining > 0:
        size = min(READ_SIZE, remaining)
        if view is not None:
            count = readinto(view[:size])
            if not count:
                return
            data: bytes | memoryview = view[:count]
        else:
            data = stream.read(size)
            if not data:
                return
        remaining -= len(data)
        yield data
    if stream.read(1):
        raise ChunkTooLarge()


def _verify_checksum(checksum: tuple[str, bytes] | None, digest: Any) -> None:
    if checksum is not None and not hmac.compare_digest(digest.digest(), checksum[1]):
        raise ChecksumMismatch()


def _new_chunk_digest(checksum: tuple[str, bytes] | None) -> Any:
    if checksum is None:
        return None
    algorithm, expected = checksum
    if algorithm not in CHECKSUM_ALGORITHMS:
        raise UploadError(f"Unsupported checksum algorithm {algorithm!r}.", status=400, code="unsupported_checksum_algorithm")
    digest = CHECKSUM_ALGORITHMS[algorithm]()
    if len(expected) != digest.digest_size:
        raise UploadError(f"A {algorithm} checksum is {digest.digest_size} bytes.", status=400, code="invalid_checksum")
    return digest


class _RunningHashes:
    """Process-local SHA-256 of each upload's committed prefix, keyed by the offset it covers.

    hashlib state cannot be serialised, so durability comes from the data itself: a process that
    missed chunks (restart, another worker) catches up by hashing the committed bytes again.
    """

    def __init__(self, capacity: int = 1024):
        self._entries: OrderedDict[str, tuple[int, Any]] = OrderedDict()
        self._capacity = capacity
        self._mutex = threading.Lock()

    def get(self, upload_id: str) -> tuple[int, Any] | None:
        with self._mutex:
            entry = self._entries.get(upload_id)
            if entry is None:
                return None
            self._entries.move_to_end(upload_id)
            return entry[0], entry[1].copy()

    def put(self, upload_id: str, offset: int, digest: Any) -> None:
        with self._mutex:
            self._entries[upload_id] = (offset, digest.copy())
            self._entries.move_to_end(upload_id)
            while len(self._entries) > self._capacity:
                self._entries.popitem(last=False)

    def drop(self, upload_id: str) -> None:
        with self._mutex:
            self._entries.pop(upload_id, None)


# --- interface --------------------------------------------------------------------------------------------------


class UploadStaging(ABC):
    """Pluggable home of in-progress uploads; callers serialise writers to one upload (see tus.UploadLock)."""

    # Durable offsets advance in multiples of this (except at the end); a shorter chunk makes no progress.
    chunk_granularity: int = 1

    @abstractmethod
    def create(
        self,
        upload_id: str,
        length: int,
        metadata: dict[str, str],
        expires_at: datetime,
        *,
        context: dict[str, Any] | None = None,
        owner: str | None = None,
    ) -> UploadInfo:
        """Start an empty upload of `length` bytes."""

    @abstractmethod
    def info(self, upload_id: str) -> UploadInfo | None:
        """Durable state of the upload, or None if unknown."""

    @abstractmethod
    def append(
        self,
        upload_id: str,
        offset: int,
        stream: BinaryIO,
        *,
        checksum: tuple[str, bytes] | None = None,
        max_bytes: int | None = None,
    ) -> int:
        """Write the stream at `offset`, verify `checksum` (algorithm, digest) before committing, return the new offset.

        On ChecksumMismatch, ChunkTooLarge or any other error the chunk is discarded. On IncompleteChunk
        (client gone) the bytes that can be kept are committed first, unless a checksum was announced.
        """

    @abstractmethod
    def finalize(self, upload_id: str) -> Path | str:
        """Assemble the whole file and return its local path or object key."""

    @abstractmethod
    def full_sha256(self, upload_id: str) -> str:
        """Hex SHA-256 of the whole file (which must be complete)."""

    @abstractmethod
    def mark(self, upload_id: str, state: UploadState, *, sha256: str | None = None) -> UploadInfo:
        """Record the upload's final state."""

    @abstractmethod
    def delete(self, upload_id: str) -> None:
        """Remove every trace of the upload; unknown ids are ignored."""

    @abstractmethod
    def list_ids(self) -> Iterator[str]:
        """Ids of every staged upload."""

    def expired(self, now: datetime | None = None) -> list[str]:
        """Ids of uploads whose expiry has passed."""
        now = now or _utcnow()
        found = []
        for upload_id in self.list_ids():
            info = self.info(upload_id)
            if info is None or info.expires_at <= now:
                found.append(upload_id)
        return found

    def _require(self, upload_id: str) -> UploadInfo:
        info = self.info(upload_id)
        if info is None:
            raise UploadNotFound()
        return info

    @staticmethod
    def _check_writable(info: UploadInfo, offset: int) -> None:
        if info.state is not UploadState.OPEN:
            raise UploadError("The upload is already finished.", status=409, code="upload_finished")
        if offset != info.offset:
            raise OffsetConflict(info.offset, offset)
