"""Where a resumable upload's bytes wait until the file is whole: the staging interface and its shared state.

Implementations: local disk (uploads/local.py) and S3 multipart (uploads/s3.py)."""
from __future__ import annotations

import hashlib
import hmac
import os
import re
import threading
from abc import ABC, abstractmethod
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
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


def read_chunk(stream: BinaryIO, limit: int, buffers: list[memoryview] | None = None) -> Iterator[bytes | memoryview]:
    """Yield the stream's bytes; raise ChunkTooLarge if it holds more than `limit`.

    Streams with readinto fill the given buffers in turn (default: one new buffer), so each yielded view is only
    valid until len(buffers) more have been yielded.
    """
    remaining = limit
    readinto = getattr(stream, "readinto", None)
    if readinto is None or not limit:
        buffers = []
    elif buffers is None:
        buffers = [memoryview(bytearray(min(READ_SIZE, limit)))]
    turn = 0
    while remaining > 0:
        if buffers:
            view = buffers[turn % len(buffers)]
            turn += 1
            count = readinto(view[: min(len(view), remaining)])
            if not count:
                return
            data: bytes | memoryview = view[:count]
        else:
            data = stream.read(min(READ_SIZE, remaining))
            if not data:
                return
        remaining -= len(data)
        yield data
    if stream.read(1):
        raise ChunkTooLarge()


class BufferPool:
    """Receive buffers reused across requests: a fresh 1 MiB buffer costs its zeroing and a page fault per 4 KiB."""

    def __init__(self, size: int = READ_SIZE, keep: int = 8):
        self.size = size
        self._keep = keep
        self._free: list[memoryview] = []
        self._mutex = threading.Lock()

    @contextmanager
    def lend(self, count: int) -> Iterator[list[memoryview]]:
        """`count` buffers of `size` bytes, returned to the pool when the block ends."""
        with self._mutex:
            taken = [self._free.pop() for _ in range(min(count, len(self._free)))]
        taken += [memoryview(bytearray(self.size)) for _ in range(count - len(taken))]
        try:
            yield taken
        finally:
            with self._mutex:
                self._free.extend(taken[: max(0, self._keep - len(self._free))])


_digest_threads: tuple[int, ThreadPoolExecutor] | None = None
_digest_threads_mutex = threading.Lock()


def _digest_executor() -> ThreadPoolExecutor:
    """This process's hashing threads (a forked worker starts its own: threads do not survive fork)."""
    global _digest_threads
    with _digest_threads_mutex:
        if _digest_threads is None or _digest_threads[0] != os.getpid():
            _digest_threads = (os.getpid(), ThreadPoolExecutor(max_workers=8, thread_name_prefix="upload-digest"))
        return _digest_threads[1]


class DigestPipeline:
    """Updates digests with each received buffer on a helper thread while the caller receives the next one.

    hashlib releases the GIL on large updates, so hashing (the costliest step of a chunk) overlaps the socket read
    and the disk write instead of following them. Buffers are hashed in the order fed; feed() returns once the
    previous buffer is hashed, so a caller alternating two buffers (read_chunk with two) never overwrites one still
    being hashed. Leaving the block waits for the last buffer: the digests then cover every byte fed.
    Chunks shorter than `threshold` are hashed inline, where handing over to a thread would cost more than it saves.
    """

    def __init__(self, digests: list[Any], expected: int, threshold: int = 2 * READ_SIZE):
        self._digests = digests
        self._executor = _digest_executor() if expected >= threshold else None
        self._pending: Future | None = None

    def _update(self, data: bytes | memoryview) -> None:
        for digest in self._digests:
            digest.update(data)

    def feed(self, data: bytes | memoryview) -> None:
        if self._executor is None:
            self._update(data)
            return
        self.wait()
        self._pending = self._executor.submit(self._update, data)

    def wait(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def __enter__(self) -> DigestPipeline:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.wait()


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
