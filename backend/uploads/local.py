"""Local-disk staging: each upload in its own folder, the durable offset in an atomically replaced info file."""
from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

from .errors import IncompleteChunk, StagingError, UploadError
from .staging import (
    READ_SIZE, BufferPool, DigestPipeline, UploadInfo, UploadStaging, UploadState, _RunningHashes, _UPLOAD_ID, _check_upload_id, _new_chunk_digest,
    _utcnow, _verify_checksum, read_chunk,
)

# posix_fadvise is missing on macOS and Windows (development machines): there the fdatasync does all the writing.
_START_WRITEBACK = hasattr(os, "posix_fadvise")


class LocalStaging(UploadStaging):
    """Uploads under `root/<id>/`: `data`, an atomically replaced `info.json` (metadata and state, fsynced when
    written: at creation and when the upload is finished) and `offset`, the committed offset.

    A chunk is written in place past the committed offset (that tail is the uncommitted part), hashed as it
    arrives, and fdatasynced; only then is it committed by overwriting `offset` in place. Discarding a chunk
    truncates the tail. `offset` needs no fsync of its own, so a chunk costs one fsync (its data), not three:

    * the process dies (kill -9, restart): the page cache keeps `offset` as written;
    * the machine loses power: `offset` may come back older than the last value written, never newer than the data
      on disk (each value is written only after the data it counts was fdatasynced). An older offset loses no data:
      the client, told a smaller offset by HEAD (or a 409 to its next PATCH), sends those bytes again, and the
      append truncates the data to the committed offset before writing. `offset` is created at its fixed width
      and fsynced with the upload, so overwriting it changes no file size or directory entry; should it still read
      as garbage, info.json's offset (from when it was last written) applies.
    """

    def __init__(self, root: Path | str, *, fsync: bool = True):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.fsync = fsync
        self._hashes = _RunningHashes()
        self._buffers = BufferPool()

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
        self._write_offset(upload_id, 0, create=True)
        self.data_path(upload_id).touch()
        self._write_info(info)  # last: it fsyncs the folder, so all three entries are durable from here
        self._hashes.put(upload_id, 0, hashlib.sha256())
        return info

    def info(self, upload_id: str) -> UploadInfo | None:
        if not _UPLOAD_ID.match(upload_id):
            return None
        directory = self._dir(upload_id)
        try:
            text = (directory / "info.json").read_text()
        except (FileNotFoundError, NotADirectoryError):
            return None
        info = UploadInfo.from_json(json.loads(text))
        committed = self._read_offset(directory)
        if committed is not None and committed > info.offset and info.state is UploadState.OPEN:
            try:  # never beyond the data actually there
                committed = min(committed, (directory / "data").stat().st_size, info.length)
            except FileNotFoundError:
                committed = info.offset
            info = replace(info, offset=max(info.offset, committed))
        return info

    # Width of the `offset` file: any offset fits, and overwriting it never changes its size.
    OFFSET_WIDTH = 20

    def _write_offset(self, upload_id: str, offset: int, *, create: bool = False) -> None:
        path = self._dir(upload_id) / "offset"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            os.pwrite(fd, f"{offset:0{self.OFFSET_WIDTH}d}".encode(), 0)
            if create and self.fsync:
                os.fsync(fd)
        finally:
            os.close(fd)

    def _read_offset(self, directory: Path) -> int | None:
        try:
            text = (directory / "offset").read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None
        return int(text) if len(text) == self.OFFSET_WIDTH and text.isdigit() else None

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
            digests = [running] if chunk_digest is None else [running, chunk_digest]
            synced = False
            # Two buffers: one is received and written while the other is hashed. The pipeline is left (the last
            # buffer hashed) before the buffers go back to the pool.
            with self._buffers.lend(2) as buffers, DigestPipeline(digests, limit) as hashing:
                try:
                    for buf in read_chunk(stream, limit, buffers):
                        view = memoryview(buf)
                        start = offset + received
                        while view:
                            written = os.pwrite(fd, view, offset + received)
                            received += written
                            view = view[written:]
                        if self.fsync and _START_WRITEBACK:
                            # Start writing these bytes to disk now, while the rest of the chunk arrives, so that the
                            # chunk's fdatasync waits for its tail only (Linux: DONTNEED starts writeback of dirty pages).
                            os.posix_fadvise(fd, start, offset + received - start, os.POSIX_FADV_DONTNEED)
                        hashing.feed(buf)
                except IncompleteChunk as exc:
                    if checksum is not None:
                        raise  # a checksum covers the whole chunk: keep nothing
                    cut_short = exc
                if received and self.fsync and checksum is None:
                    os.fdatasync(fd)  # while the last buffer is hashed: nothing to verify before the data is kept
                    synced = True
            if cut_short is None:
                _verify_checksum(checksum, chunk_digest)
            if received:
                if self.fsync and not synced:
                    os.fdatasync(fd)  # the data first: `offset` never counts bytes that are not on disk
                self._write_offset(upload_id, offset + received)
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
