"""S3 multipart staging: parts of at least 5 MiB, the durable offset at the last committed part boundary."""
from __future__ import annotations

import hashlib
import json
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from .errors import IncompleteChunk, StagingError, UploadError, UploadNotFound
from .staging import (
    READ_SIZE, UploadInfo, UploadStaging, UploadState, _RunningHashes, _check_upload_id, _new_chunk_digest, _utcnow,
    _verify_checksum, read_chunk,
)


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
