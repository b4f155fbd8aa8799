"""Where a resumable upload's bytes wait until the file is whole: local disk or an S3 multipart upload."""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import shutil
import tempfile
import threading
import time
from abc import ABC, abstractmethod
from collections import OrderedDict
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterator

READ_SIZE = 1 << 20
CHECKSUM_ALGORITHMS: dict[str, Callable[[], Any]] = {"sha1": hashlib.sha1, "sha256": hashlib.sha256}
_UPLOAD_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


# --- errors -----------------------------------------------------------------------------------------------------


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


# --- state ------------------------------------------------------------------------------------------------------


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


# --- local disk -------------------------------------------------------------------------------------------------


class LocalStaging(UploadStaging):
    """Uploads under `root/<id>/`: `data` plus an atomically replaced `info.json` that holds the durable offset.

    A chunk is written in place past the durable offset (that tail is the uncommitted part), hashed as it
    arrives, fsynced, and only then committed by rewriting info.json; discarding it truncates the tail.
    """

    def __init__(self, root: Path | str, *, fsync: bool = True):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.fsync = fsync
        self._hashes = _RunningHashes()

    def _dir(self, upload_id: str) -> Path:
        return self.root / _check_upload_id(upload_id)

    def data_path(self, upload_id: str) -> Path:
        return self._dir(upload_id) / "data"

    def create(self, upload_id, length, metadata, expires_at, *, context=None, owner=None) -> UploadInfo:
        directory = self._dir(upload_id)
        try:
            directory.mkdir()
        except FileExistsError:
            raise UploadError("An upload with this id exists.", status=409, code="upload_exists") from None
        info = UploadInfo(
            upload_id=upload_id,
            length=length,
            offset=0,
            metadata=dict(metadata),
            created_at=_utcnow(),
            expires_at=expires_at,
            context=dict(context or {}),
            owner=owner,
        )
        self._write_info(info)
        self.data_path(upload_id).touch()
        self._hashes.put(upload_id, 0, hashlib.sha256())
        return info

    def info(self, upload_id: str) -> UploadInfo | None:
        if not _UPLOAD_ID.match(upload_id):
            return None
        try:
            text = (self._dir(upload_id) / "info.json").read_text()
        except (FileNotFoundError, NotADirectoryError):
            return None
        return UploadInfo.from_json(json.loads(text))

    def _write_info(self, info: UploadInfo) -> None:
        directory = self._dir(info.upload_id)
        temporary = directory / f"info.json.{secrets.token_hex(4)}.tmp"
        with open(temporary, "w") as handle:
            json.dump(info.to_json(), handle)
            handle.flush()
            if self.fsync:
                os.fsync(handle.fileno())
        os.replace(temporary, directory / "info.json")
        if self.fsync:
            dir_fd = os.open(directory, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)

    def _hash_at(self, upload_id: str, offset: int) -> Any:
        """SHA-256 state covering the first `offset` bytes, catching up from the data file if this process fell behind."""
        entry = self._hashes.get(upload_id)
        start, digest = entry if entry and entry[0] <= offset else (0, hashlib.sha256())
        if start < offset:
            with open(self.data_path(upload_id), "rb") as data:
                data.seek(start)
                remaining = offset - start
                while remaining:
                    buf = data.read(min(READ_SIZE, remaining))
                    if not buf:
                        raise StagingError(f"Staged data of {upload_id} is shorter than its offset.")
                    digest.update(buf)
                    remaining -= len(buf)
        return digest

    def append(self, upload_id, offset, stream, *, checksum=None, max_bytes=None) -> int:
        info = self._require(upload_id)
        self._check_writable(info, offset)
        limit = info.length - offset if max_bytes is None else min(max_bytes, info.length - offset)
        chunk_digest = _new_chunk_digest(checksum)
        running = self._hash_at(upload_id, offset)
        received = 0
        cut_short: IncompleteChunk | None = None
        fd = os.open(self.data_path(upload_id), os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            os.ftruncate(fd, offset)  # drop any uncommitted tail a crashed request left behind
            try:
                for buf in read_chunk(stream, limit):
                    view = memoryview(buf)
                    while view:
                        written = os.pwrite(fd, view, offset + received)
                        received += written
                        view = view[written:]
                    running.update(buf)
                    if chunk_digest is not None:
                        chunk_digest.update(buf)
            except IncompleteChunk as exc:
                if checksum is not None:
                    raise  # a checksum covers the whole chunk: keep nothing
                cut_short = exc
            if cut_short is None:
                _verify_checksum(checksum, chunk_digest)
            if received:
                if self.fsync:
                    os.fdatasync(fd)
                self._write_info(replace(info, offset=offset + received))
        except BaseException:
            os.ftruncate(fd, offset)
            raise
        finally:
            os.close(fd)
        self._hashes.put(upload_id, offset + received, running)
        if cut_short is not None:
            raise cut_short
        return offset + received

    def finalize(self, upload_id: str) -> Path:
        info = self._require(upload_id)
        if not info.is_whole:
            raise UploadError("The upload is not complete.", status=409, code="upload_incomplete")
        path = self.data_path(upload_id)
        if path.stat().st_size != info.length:
            os.truncate(path, info.length)
        return path

    def full_sha256(self, upload_id: str) -> str:
        info = self._require(upload_id)
        if info.sha256:
            return info.sha256
        if not info.is_whole:
            raise UploadError("The upload is not complete.", status=409, code="upload_incomplete")
        digest = self._hash_at(upload_id, info.length)
        self._hashes.put(upload_id, info.length, digest)
        return digest.hexdigest()

    def mark(self, upload_id: str, state: UploadState, *, sha256: str | None = None) -> UploadInfo:
        info = self._require(upload_id)
        info = replace(info, state=state, sha256=sha256 or info.sha256)
        self._write_info(info)
        if state is not UploadState.OPEN:
            self._hashes.drop(upload_id)
        return info

    def delete(self, upload_id: str) -> None:
        self._hashes.drop(upload_id)
        shutil.rmtree(self._dir(upload_id), ignore_errors=True)

    def list_ids(self) -> Iterator[str]:
        for entry in self.root.iterdir():
            if entry.is_dir() and _UPLOAD_ID.match(entry.name):
                yield entry.name

    def expired(self, now: datetime | None = None) -> list[str]:
        now = now or _utcnow()
        found = super().expired(now)
        # A directory without info.json is a create() that crashed half-way; reap it once it is old.
        return [
            upload_id
            for upload_id in found
            if self.info(upload_id) is not None
            or time.time() - self._dir(upload_id).stat().st_mtime > 3600
        ]


# --- S3 multipart -----------------------------------------------------------------------------------------------


class S3MultipartStaging(UploadStaging):
    """Uploads as S3 multipart uploads under `prefix<id>/data`, with state in `prefix<id>/state.json`.

    Incoming bytes are spooled to a local temp file until a whole part (or the final part) is there; only
    uploaded parts count, so the durable offset moves in `part_size` steps and a restart or another
    instance resumes from the last committed part boundary.
    """

    MIN_PART_SIZE = 5 * 1024 * 1024  # S3's minimum for every part but the last

    def __init__(self, client: Any, bucket: str, prefix: str = "", part_size: int = MIN_PART_SIZE, *, spool_dir: Path | str | None = None):
        if part_size < self.MIN_PART_SIZE:
            raise ValueError(f"S3 parts must be at least {self.MIN_PART_SIZE} bytes")
        self.client = client
        self.bucket = bucket
        self.prefix = prefix
        self.part_size = part_size
        self.chunk_granularity = part_size
        self.spool_dir = spool_dir
        self._hashes = _RunningHashes()

    def data_key(self, upload_id: str) -> str:
        return f"{self.prefix}{_check_upload_id(upload_id)}/data"

    def _state_key(self, upload_id: str) -> str:
        return f"{self.prefix}{_check_upload_id(upload_id)}/state.json"

    def _call(self, operation: str, **kwargs: Any) -> Any:
        """Call S3; network-level failures become StagingError, S3 error responses stay ClientError."""
        from botocore.exceptions import BotoCoreError

        try:
            return getattr(self.client, operation)(Bucket=self.bucket, **kwargs)
        except BotoCoreError as exc:
            raise StagingError(f"S3 {operation} failed: {exc}") from exc

    def _load(self, upload_id: str) -> dict[str, Any] | None:
        from botocore.exceptions import ClientError

        try:
            body = self._call("get_object", Key=self._state_key(upload_id))["Body"].read()
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return None
            raise StagingError(f"S3 get_object failed: {exc}") from exc
        return json.loads(body)

    def _save(self, state: dict[str, Any]) -> None:
        from botocore.exceptions import ClientError

        try:
            self._call(
                "put_object",
                Key=self._state_key(state["info"]["upload_id"]),
                Body=json.dumps(state).encode(),
                ContentType="application/json",
            )
        except ClientError as exc:
            raise StagingError(f"S3 put_object failed: {exc}") from exc

    def _require_state(self, upload_id: str) -> dict[str, Any]:
        state = self._load(upload_id)
        if state is None:
            raise UploadNotFound()
        return state

    def create(self, upload_id, length, metadata, expires_at, *, context=None, owner=None) -> UploadInfo:
        from botocore.exceptions import ClientError

        if self._load(upload_id) is not None:
            raise UploadError("An upload with this id exists.", status=409, code="upload_exists")
        info = UploadInfo(
            upload_id=upload_id,
            length=length,
            offset=0,
            metadata=dict(metadata),
            created_at=_utcnow(),
            expires_at=expires_at,
            context=dict(context or {}),
            owner=owner,
        )
        multipart_id = None
        if length:
            try:
                multipart_id = self._call("create_multipart_upload", Key=self.data_key(upload_id))["UploadId"]
            except ClientError as exc:
                raise StagingError(f"S3 create_multipart_upload failed: {exc}") from exc
        self._save({"info": info.to_json(), "multipart_id": multipart_id, "parts": [], "assembled": False})
        self._hashes.put(upload_id, 0, hashlib.sha256())
        return info

    def info(self, upload_id: str) -> UploadInfo | None:
        state = self._load(upload_id)
        return None if state is None else UploadInfo.from_json(state["info"])

    def _upload_part(self, state: dict[str, Any], number: int, spool: BinaryIO, size: int) -> str:
        from botocore.exceptions import ClientError

        spool.seek(0)
        try:
            response = self._call(
                "upload_part",
                Key=self.data_key(state["info"]["upload_id"]),
                UploadId=state["multipart_id"],
                PartNumber=number,
                Body=spool,
                ContentLength=size,
            )
        except ClientError as exc:
            raise StagingError(f"S3 upload_part failed: {exc}") from exc
        spool.seek(0)
        spool.truncate()
        return response["ETag"]

    def append(self, upload_id, offset, stream, *, checksum=None, max_bytes=None) -> int:
        state = self._require_state(upload_id)
        info = UploadInfo.from_json(state["info"])
        self._check_writable(info, offset)
        limit = info.length - offset if max_bytes is None else min(max_bytes, info.length - offset)
        chunk_digest = _new_chunk_digest(checksum)
        entry = self._hashes.get(upload_id)
        # Parts already in S3 cannot be read back before completion: without an up-to-date running hash
        # (restart, another instance) full_sha256 falls back to hashing the assembled object.
        running = entry[1] if entry and entry[0] == offset else None
        at_boundary = running.copy() if running else None
        pending: list[dict[str, Any]] = []
        uploaded = 0
        filled = 0
        cut_short: IncompleteChunk | None = None
        with tempfile.TemporaryFile(dir=self.spool_dir) as spool:
            try:
                for buf in read_chunk(stream, limit):
                    if chunk_digest is not None:
                        chunk_digest.update(buf)
                    view = memoryview(buf)
                    while view:
                        take = min(len(view), self.part_size - filled)
                        spool.write(view[:take])
                        if running is not None:
                            running.update(view[:take])
                        filled += take
                        view = view[take:]
                        if filled == self.part_size or offset + uploaded + filled == info.length:
                            number = len(state["parts"]) + len(pending) + 1
                            etag = self._upload_part(state, number, spool, filled)
                            pending.append({"PartNumber": number, "ETag": etag})
                            uploaded += filled
                            filled = 0
                            at_boundary = running.copy() if running is not None else None
            except IncompleteChunk as exc:
                if checksum is not None:
                    raise
                cut_short = exc
        if cut_short is None:
            _verify_checksum(checksum, chunk_digest)
        # Parts uploaded for a discarded chunk stay unlisted: S3 drops them at completion or abort.
        new_offset = offset + uploaded
        if pending:
            state["parts"].extend(pending)
            state["info"] = replace(info, offset=new_offset).to_json()
            self._save(state)
        if at_boundary is not None:
            self._hashes.put(upload_id, new_offset, at_boundary)
        else:
            self._hashes.drop(upload_id)
        if cut_short is not None:
            raise cut_short
        return new_offset

    def finalize(self, upload_id: str) -> str:
        from botocore.exceptions import ClientError

        state = self._require_state(upload_id)
        info = UploadInfo.from_json(state["info"])
        key = self.data_key(upload_id)
        if state["assembled"]:
            return key
        if not info.is_whole:
            raise UploadError("The upload is not complete.", status=409, code="upload_incomplete")
        try:
            if state["parts"]:
                self._call(
                    "complete_multipart_upload",
                    Key=key,
                    UploadId=state["multipart_id"],
                    MultipartUpload={"Parts": state["parts"]},
                )
            else:
                self._call("put_object", Key=key, Body=b"")
        except ClientError as exc:
            # A completion whose state write was lost: the object is already there.
            if exc.response.get("Error", {}).get("Code") != "NoSuchUpload" or not self._exists(key):
                raise StagingError(f"S3 could not assemble {upload_id}: {exc}") from exc
        state["assembled"] = True
        self._save(state)
        return key

    def _exists(self, key: str) -> bool:
        from botocore.exceptions import ClientError

        try:
            self._call("head_object", Key=key)
            return True
        except ClientError:
            return False

    def full_sha256(self, upload_id: str) -> str:
        from botocore.exceptions import ClientError

        state = self._require_state(upload_id)
        info = UploadInfo.from_json(state["info"])
        if info.sha256:
            return info.sha256
        if not info.is_whole:
            raise UploadError("The upload is not complete.", status=409, code="upload_incomplete")
        entry = self._hashes.get(upload_id)
        if entry and entry[0] == info.length:
            return entry[1].hexdigest()
        key = self.finalize(upload_id)
        digest = hashlib.sha256()
        try:
            body = self._call("get_object", Key=key)["Body"]
            for buf in body.iter_chunks(READ_SIZE):
                digest.update(buf)
        except ClientError as exc:
            raise StagingError(f"S3 get_object failed: {exc}") from exc
        self._hashes.put(upload_id, info.length, digest)
        return digest.hexdigest()

    def mark(self, upload_id: str, state_: UploadState, *, sha256: str | None = None) -> UploadInfo:
        state = self._require_state(upload_id)
        info = UploadInfo.from_json(state["info"])
        info = replace(info, state=state_, sha256=sha256 or info.sha256)
        state["info"] = info.to_json()
        self._save(state)
        if state_ is not UploadState.OPEN:
            self._hashes.drop(upload_id)
        return info

    def delete(self, upload_id: str) -> None:
        from botocore.exceptions import ClientError

        self._hashes.drop(upload_id)
        state = self._load(upload_id)
        try:
            if state and state["multipart_id"] and not state["assembled"]:
                try:
                    self._call("abort_multipart_upload", Key=self.data_key(upload_id), UploadId=state["multipart_id"])
                except ClientError as exc:
                    if exc.response.get("Error", {}).get("Code") != "NoSuchUpload":
                        raise
            self._call("delete_object", Key=self.data_key(upload_id))
            self._call("delete_object", Key=self._state_key(upload_id))
        except ClientError as exc:
            raise StagingError(f"S3 could not delete {upload_id}: {exc}") from exc

    def list_ids(self) -> Iterator[str]:
        paginator = self.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=self.prefix):
            for item in page.get("Contents", []):
                key = item["Key"][len(self.prefix):]
                if key.endswith("/state.json"):
                    yield key[: -len("/state.json")]
