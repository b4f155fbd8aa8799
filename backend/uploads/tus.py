"""tus 1.0.0 server (core + creation, checksum, expiration, termination) as a Flask blueprint over an UploadStaging."""
from __future__ import annotations

import base64
import binascii
import logging
import re
import secrets
import threading
import time
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from http import HTTPStatus
from typing import Any, BinaryIO, Callable

from flask import Blueprint, Request, Response, current_app, jsonify, request, url_for
from werkzeug.exceptions import ClientDisconnected, HTTPException
from werkzeug.http import http_date

from .errors import ChecksumMismatch, ChunkTooLarge, IncompleteChunk, OffsetConflict, UploadError, UploadGone, UploadLocked, UploadNotFound
from .staging import CHECKSUM_ALGORITHMS, UploadInfo, UploadStaging, UploadState

TUS_VERSION = "1.0.0"
TUS_EXTENSIONS = "creation,checksum,expiration,termination"
OFFSET_OCTET_STREAM = "application/offset+octet-stream"
SHA256_METADATA_KEY = "sha256"  # Upload-Metadata key carrying the client's hex SHA-256 of the whole file
METHOD_OVERRIDE = "X-HTTP-Method-Override"  # wx.request has no PATCH

_SHA256_HEX = re.compile(r"^[0-9a-fA-F]{64}$")
_DIGITS = re.compile(r"^[0-9]{1,19}$")
_STATUS_TEXT = {460: "Checksum Mismatch"}

log = logging.getLogger(__name__)

Authorize = Callable[[Request], Any]
OnCreate = Callable[[Any, int, dict[str, str]], "dict[str, Any] | None"]
OnComplete = Callable[[Any, str, Any, dict[str, str], str], None]


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UploadLock:
    """Per-upload Redis lock: SET NX PX with a random token, refreshed while streaming, released by compare-and-delete."""

    _RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"
    _REFRESH = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0"

    def __init__(self, redis: Any, key: str, ttl: timedelta):
        self.redis = redis
        self.key = key
        self.ttl_ms = max(1, int(ttl.total_seconds() * 1000))
        self.token = secrets.token_hex(16)
        self._refreshed_at = 0.0

    def acquire(self) -> bool:
        self._refreshed_at = time.monotonic()
        return bool(self.redis.set(self.key, self.token, nx=True, px=self.ttl_ms))

    def keep_alive(self) -> None:
        """Extend the lock once a third of its lifetime has passed; raise UploadLocked if it was lost."""
        if (time.monotonic() - self._refreshed_at) * 1000 < self.ttl_ms / 3:
            return
        if not self.redis.eval(self._REFRESH, 1, self.key, self.token, self.ttl_ms):
            raise UploadLocked("This request lost the upload lock to another one; its chunk was discarded.")
        self._refreshed_at = time.monotonic()

    def release(self) -> None:
        self.redis.eval(self._RELEASE, 1, self.key, self.token)

    def __enter__(self) -> UploadLock:
        if not self.acquire():
            raise UploadLocked()
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.release()


class RequestBody:
    """A PATCH body: a short read becomes IncompleteChunk, and every read keeps the upload lock alive."""

    def __init__(self, stream: BinaryIO, content_length: int | None, lock: UploadLock | None = None):
        self._stream = stream
        self._remaining = content_length  # None: chunked transfer, the stream's end is the chunk's end
        self._lock = lock
        if hasattr(stream, "readinto"):  # werkzeug's streams can fill the caller's buffer; gunicorn's only read
            self.readinto = self._readinto

    def read(self, size: int = -1) -> bytes:
        if self._remaining is not None and (size < 0 or size > self._remaining):
            size = self._remaining
        if size == 0:
            return b""
        try:
            data = self._stream.read(size)
        except (OSError, ClientDisconnected) as exc:
            raise IncompleteChunk() from exc
        self._account(len(data))
        return data

    def _readinto(self, buffer: memoryview) -> int:
        if self._remaining is not None and len(buffer) > self._remaining:
            buffer = buffer[: self._remaining]
        if not len(buffer):
            return 0
        try:
            count = self._stream.readinto(buffer) or 0
        except (OSError, ClientDisconnected) as exc:
            raise IncompleteChunk() from exc
        self._account(count)
        return count

    def _account(self, count: int) -> None:
        if not count:
            if self._remaining:
                raise IncompleteChunk()
            return
        if self._remaining is not None:
            self._remaining -= count
        if self._lock is not None:
            self._lock.keep_alive()


# --- header codecs ----------------------------------------------------------------------------------------------


def _bad_request(code: str, message: str) -> UploadError:
    return UploadError(message, status=400, code=code)


def parse_metadata(header: str | None) -> dict[str, str]:
    """Decode `Upload-Metadata` ("key base64value,key2 ...") into text values."""
    metadata: dict[str, str] = {}
    if not header or not header.strip():
        return metadata
    for pair in header.split(","):
        key, _, encoded = pair.strip().partition(" ")
        if not key or key in metadata:
            raise _bad_request("invalid_metadata", "Upload-Metadata keys must be unique and non-empty.")
        try:
            metadata[key] = base64.b64decode(encoded, validate=True).decode("utf-8") if encoded else ""
        except (binascii.Error, ValueError):
            raise _bad_request("invalid_metadata", f"Upload-Metadata value of {key!r} is not base64 of UTF-8 text.") from None
    return metadata


def encode_metadata(metadata: dict[str, str]) -> str:
    return ",".join(key if value == "" else f"{key} {base64.b64encode(value.encode()).decode()}" for key, value in metadata.items())


def parse_checksum(header: str | None) -> tuple[str, bytes] | None:
    """Decode `Upload-Checksum` ("sha1 base64digest")."""
    if header is None:
        return None
    algorithm, _, encoded = header.strip().partition(" ")
    algorithm = algorithm.lower()
    if algorithm not in CHECKSUM_ALGORITHMS:
        supported = ", ".join(CHECKSUM_ALGORITHMS)
        raise _bad_request("unsupported_checksum_algorithm", f"Checksum algorithm {algorithm!r} is not supported; use one of {supported}.")
    try:
        digest = base64.b64decode(encoded.strip(), validate=True)
    except binascii.Error:
        raise _bad_request("invalid_checksum", "Upload-Checksum digest is not base64.") from None
    if len(digest) != CHECKSUM_ALGORITHMS[algorithm]().digest_size:
        raise _bad_request("invalid_checksum", f"Upload-Checksum is not a {algorithm} digest.")
    return algorithm, digest


def _header_int(name: str) -> int:
    value = request.headers.get(name)
    if value is None:
        raise _bad_request("missing_header", f"The {name} header is required.")
    if not _DIGITS.match(value.strip()):
        raise _bad_request("invalid_header", f"{name} must be a non-negative integer.")
    return int(value)


def _effective_method() -> str:
    return request.headers.get(METHOD_OVERRIDE, request.method).strip().upper()


def error_response(status: int, reason: str, message: str) -> Response:
    """The API's one error shape: {code: <HTTP status>, status: <its name>, reason: <machine reason>, message}."""
    phrase = _STATUS_TEXT.get(status) or HTTPStatus(status).phrase
    response = jsonify(code=status, status=phrase, reason=reason, message=message)
    response.status = f"{status} {phrase}"
    return response


# --- the server -------------------------------------------------------------------------------------------------


class TusServer:
    """The tus views, bound to one staging backend, one Redis and the host application's callbacks."""

    def __init__(
        self,
        name: str,
        *,
        staging_factory: Callable[[], UploadStaging],
        redis_factory: Callable[[], Any],
        authorize: Authorize,
        on_complete: OnComplete,
        on_create: OnCreate | None,
        max_size: int,
        expiration: timedelta,
        owner_of: Callable[[Any], str] | None,
        lock_ttl: timedelta,
        completion_timeout: timedelta,
        clock: Callable[[], datetime],
    ):
        self.name = name
        self.staging_factory = staging_factory
        self.redis_factory = redis_factory
        self.authorize = authorize
        self.on_complete = on_complete
        self.on_create = on_create
        self.max_size = max_size
        self.expiration = expiration
        self.owner_of = owner_of
        self.lock_ttl = lock_ttl
        self.completion_ms = int(completion_timeout.total_seconds() * 1000)
        self.clock = clock
        self._init_mutex = threading.Lock()

    # resources are built once per application, on first use, never at import
    def resources(self) -> tuple[UploadStaging, Any]:
        key = f"tus:{self.name}"
        extensions = current_app.extensions
        if key not in extensions:
            with self._init_mutex:
                if key not in extensions:
                    extensions[key] = (self.staging_factory(), self.redis_factory())
        return extensions[key]

    def _lock(self, redis: Any, upload_id: str) -> UploadLock:
        return UploadLock(redis, f"tus:{self.name}:lock:{upload_id}", self.lock_ttl)

    def _claim_key(self, upload_id: str) -> str:
        return f"tus:{self.name}:complete:{upload_id}"

    # --- hooks ---

    def check_protocol(self) -> Response | None:
        if _effective_method() == "OPTIONS" or request.headers.get("Tus-Resumable") == TUS_VERSION:
            return None
        response = error_response(412, "unsupported_tus_version", f"Send Tus-Resumable: {TUS_VERSION}.")
        response.headers["Tus-Version"] = TUS_VERSION
        return response

    @staticmethod
    def add_protocol_headers(response: Response) -> Response:
        response.headers["Tus-Resumable"] = TUS_VERSION
        return response

    # --- dispatch (X-HTTP-Method-Override wins over the request line, as tus prescribes) ---

    def collection(self) -> Response:
        method = _effective_method()
        if method == "OPTIONS":
            return self.options()
        if method == "POST":
            return self.create()
        raise UploadError(f"{method} is not allowed on the upload collection.", status=405, code="method_not_allowed")

    def resource(self, upload_id: str) -> Response:
        method = _effective_method()
        if method == "HEAD":
            return self.head(upload_id)
        if method == "PATCH":
            return self.patch(upload_id)
        if method == "DELETE":
            return self.delete(upload_id)
        if method == "OPTIONS":
            return self.options()
        raise UploadError(f"{method} is not allowed on an upload.", status=405, code="method_not_allowed")

    # --- views ---

    def options(self) -> Response:
        response = Response(status=204)
        response.headers["Tus-Version"] = TUS_VERSION
        response.headers["Tus-Extension"] = TUS_EXTENSIONS
        response.headers["Tus-Checksum-Algorithm"] = ",".join(CHECKSUM_ALGORITHMS)
        response.headers["Tus-Max-Size"] = str(self.max_size)
        return response

    def create(self) -> Response:
        principal = self.authorize(request)
        if "Upload-Defer-Length" in request.headers:
            raise _bad_request("length_required", "Upload-Defer-Length is not supported; send Upload-Length.")
        length = _header_int("Upload-Length")
        if length > self.max_size:
            raise UploadError(f"Upload-Length {length} exceeds the maximum of {self.max_size} bytes.", status=413, code="upload_too_large")
        metadata = parse_metadata(request.headers.get("Upload-Metadata"))
        announced = metadata.get(SHA256_METADATA_KEY)
        if announced is not None and not _SHA256_HEX.match(announced):
            raise _bad_request("invalid_sha256", f"Upload-Metadata {SHA256_METADATA_KEY} must be 64 hex digits.")
        context = (self.on_create(principal, length, metadata) if self.on_create else None) or {}
        staging, redis = self.resources()
        upload_id = secrets.token_hex(16)
        expires_at = self.clock() + self.expiration
        owner = self.owner_of(principal) if self.owner_of else None
        info = staging.create(upload_id, length, metadata, expires_at, context=context, owner=owner)
        if length == 0:
            self._complete(staging, redis, info, principal, None)
        response = Response(status=201)
        response.headers["Location"] = url_for(".upload", upload_id=upload_id, _external=True)
        response.headers["Upload-Expires"] = http_date(expires_at)
        return response

    def head(self, upload_id: str) -> Response:
        principal = self.authorize(request)
        staging, redis = self.resources()
        info = self._visible(staging, upload_id, principal)
        if info.is_whole and info.state is UploadState.OPEN:
            # Completion failed earlier (callback error, crash); clients that HEAD a whole upload stop there.
            with self._lock(redis, upload_id) as lock:
                info = self._visible(staging, upload_id, principal)
                self._complete(staging, redis, info, principal, lock)
        response = self._offset_response(200, info)
        response.headers["Upload-Length"] = str(info.length)
        if info.metadata:
            response.headers["Upload-Metadata"] = encode_metadata(info.metadata)
        response.headers["Cache-Control"] = "no-store"
        return response

    def patch(self, upload_id: str) -> Response:
        principal = self.authorize(request)
        if request.mimetype != OFFSET_OCTET_STREAM:
            raise UploadError(f"PATCH bodies must be {OFFSET_OCTET_STREAM}.", status=415, code="unsupported_media_type")
        offset = _header_int("Upload-Offset")
        checksum = parse_checksum(request.headers.get("Upload-Checksum"))
        content_length = request.content_length  # None for a chunked body
        staging, redis = self.resources()
        with self._lock(redis, upload_id) as lock:
            info = self._visible(staging, upload_id, principal)
            if offset != info.offset:
                raise OffsetConflict(info.offset, offset)
            remaining = info.length - offset
            if content_length is not None and content_length > remaining:
                raise ChunkTooLarge(f"{content_length} bytes at offset {offset} would exceed Upload-Length {info.length}.")
            step = staging.chunk_granularity
            if step > 1 and content_length and content_length < remaining and offset % step + content_length < step:
                raise _bad_request(
                    "chunk_too_small",
                    f"This server stores uploads in {step}-byte parts: send chunks of at least {step - offset % step} bytes "
                    "(a multiple of the part size), or the rest of the file.",
                )
            if info.state is UploadState.OPEN:
                body = RequestBody(request.stream, content_length, lock)
                # The body's length when announced (the staging sizes its buffers and hashing by it), else the rest.
                max_bytes = remaining if content_length is None else content_length
                new_offset = staging.append(upload_id, offset, body, checksum=checksum, max_bytes=max_bytes)
                info = replace(info, offset=new_offset)
                if info.is_whole:
                    self._complete(staging, redis, info, principal, lock)
        return self._offset_response(204, info)

    def delete(self, upload_id: str) -> Response:
        principal = self.authorize(request)
        staging, redis = self.resources()
        with self._lock(redis, upload_id):
            info = staging.info(upload_id)
            if info is None or not self._owns(info, principal):
                raise UploadNotFound()
            staging.delete(upload_id)
            redis.delete(self._claim_key(upload_id))
        return Response(status=204)

    # --- helpers ---

    def _owns(self, info: UploadInfo, principal: Any) -> bool:
        return self.owner_of is None or info.owner == self.owner_of(principal)

    def _visible(self, staging: UploadStaging, upload_id: str, principal: Any) -> UploadInfo:
        info = staging.info(upload_id)
        if info is None or not self._owns(info, principal):
            raise UploadNotFound()
        if info.state is UploadState.FAILED:
            raise UploadGone("The upload failed verification; start a new upload.", code="upload_failed")
        if self.clock() >= info.expires_at:
            raise UploadGone()
        return info

    @staticmethod
    def _offset_response(status: int, info: UploadInfo) -> Response:
        response = Response(status=status)
        response.headers["Upload-Offset"] = str(info.offset)
        response.headers["Upload-Expires"] = http_date(info.expires_at)
        return response

    def _complete(self, staging: UploadStaging, redis: Any, info: UploadInfo, principal: Any, lock: UploadLock | None) -> None:
        """Verify the whole file and hand it to on_complete exactly once (the claim key guards racing requests)."""
        if info.state is UploadState.COMPLETED:
            return
        claim_key = self._claim_key(info.upload_id)
        claim = secrets.token_hex(16)
        if not redis.set(claim_key, claim, nx=True, px=self.completion_ms):
            held = redis.get(claim_key) or b""
            if held.startswith(b"done:"):  # on_complete ran; only the state write was lost
                staging.mark(info.upload_id, UploadState.COMPLETED, sha256=held[5:].decode())
                return
            raise UploadLocked("Another request is completing this upload; retry shortly.")
        handed_over = False
        try:
            target = staging.finalize(info.upload_id)
            if lock is not None:
                lock.keep_alive()
            digest = staging.full_sha256(info.upload_id)
            if lock is not None:
                lock.keep_alive()
            announced = info.metadata.get(SHA256_METADATA_KEY, "").lower()
            if announced and announced != digest:
                staging.mark(info.upload_id, UploadState.FAILED, sha256=digest)
                log.warning("upload %s failed verification: sha256 %s, announced %s", info.upload_id, digest, announced)
                raise ChecksumMismatch(
                    f"The uploaded file's SHA-256 is {digest}, not the announced {announced}; "
                    "the upload was rejected, start a new one.",
                    code="file_checksum_mismatch",
                )
            self.on_complete(principal, info.upload_id, target, {**info.metadata, **info.context}, digest)
            handed_over = True
            keep_ms = int((info.expires_at - self.clock()).total_seconds() * 1000)
            redis.set(claim_key, f"done:{digest}", px=max(keep_ms, self.completion_ms))
            staging.mark(info.upload_id, UploadState.COMPLETED, sha256=digest)
            log.info("upload %s complete (%d bytes, sha256 %s)", info.upload_id, info.length, digest)
        except BaseException:
            if not handed_over:
                redis.eval(UploadLock._RELEASE, 1, claim_key, claim)
            raise


def _upload_error(exc: UploadError) -> Response:
    return error_response(exc.status, exc.code, exc.message)


def _http_error(exc: HTTPException) -> Response:
    if exc.response is not None:
        return exc.response
    return error_response(exc.code or 500, re.sub(r"\W+", "_", (exc.name or "error").lower()), exc.description or "")


def _unexpected_error(exc: Exception) -> Response:
    current_app.logger.exception("tus request failed")
    return error_response(500, "internal_error", "The upload server failed; retry later.")


def create_tus_blueprint(
    name: str,
    url_prefix: str,
    *,
    staging_factory: Callable[[], UploadStaging],
    redis_factory: Callable[[], Any],
    authorize: Authorize,
    on_complete: OnComplete,
    max_size: int,
    on_create: OnCreate | None = None,
    expiration: timedelta = timedelta(hours=24),
    owner_of: Callable[[Any], str] | None = None,
    lock_ttl: timedelta = timedelta(seconds=30),
    completion_timeout: timedelta = timedelta(minutes=10),
    clock: Callable[[], datetime] = _utcnow,
) -> Blueprint:
    """A blueprint serving tus uploads at `url_prefix/` and `url_prefix/<upload_id>`.

    authorize(request) returns a principal or aborts. on_create(principal, length, metadata) may abort (e.g. 413,
    403) and may return a JSON-serialisable dict stored with the upload and merged over the client's metadata
    for on_complete(principal, upload_id, path_or_key, metadata, sha256_hex), which runs once per upload.
    owner_of(principal), when given, restricts an upload to the principal that created it.
    """
    server = TusServer(
        name,
        staging_factory=staging_factory,
        redis_factory=redis_factory,
        authorize=authorize,
        on_complete=on_complete,
        on_create=on_create,
        max_size=max_size,
        expiration=expiration,
        owner_of=owner_of,
        lock_ttl=lock_ttl,
        completion_timeout=completion_timeout,
        clock=clock,
    )
    blueprint = Blueprint(name, __name__, url_prefix=url_prefix)
    blueprint.add_url_rule(
        "/", "uploads", server.collection, methods=["OPTIONS", "POST"], strict_slashes=False, provide_automatic_options=False
    )
    blueprint.add_url_rule(
        "/<upload_id>",
        "upload",
        server.resource,
        methods=["OPTIONS", "GET", "HEAD", "POST", "PATCH", "DELETE"],
        provide_automatic_options=False,
    )
    blueprint.before_request(server.check_protocol)
    blueprint.after_request(server.add_protocol_headers)
    blueprint.register_error_handler(UploadError, _upload_error)
    blueprint.register_error_handler(HTTPException, _http_error)
    blueprint.register_error_handler(Exception, _unexpected_error)
    blueprint.tus_server = server  # type: ignore[attr-defined]
    return blueprint


def cleanup_expired(staging: UploadStaging, now: datetime | None = None) -> list[str]:
    """Delete every expired upload (periodic job); returns the ids removed."""
    removed = []
    for upload_id in staging.expired(now or _utcnow()):
        try:
            staging.delete(upload_id)
        except UploadError:
            log.exception("could not delete expired upload %s", upload_id)
            continue
        removed.append(upload_id)
    return removed
