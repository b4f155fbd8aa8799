"""Object storage for interview media: one small interface with a local-disk and an S3-compatible backend."""
from __future__ import annotations

import hashlib
import hmac
import io
import os
import re
import shutil
import tempfile
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO
from urllib.parse import quote

CHUNK_SIZE = 1024 * 1024
MAX_KEY_LENGTH = 512
# NAME_MAX of ext4/xfs: longer segments could be stored in S3 but never moved to local disk.
MAX_SEGMENT_BYTES = 255
# SigV4 presigned URLs are capped at 7 days by S3; the local backend keeps the same ceiling.
MAX_URL_EXPIRES = 7 * 24 * 3600
URL_CLOCK_SKEW = 5  # seconds between the web processes' clocks

_FORBIDDEN_KEY_CHARS = re.compile(r"[\\\x00-\x1f\x7f]")


class StorageError(Exception):
    """A storage operation failed; `reason` is a short code, `status` the HTTP status it maps to."""

    _STATUS = {"bad_key": 400, "not_found": 404, "backend_error": 502}

    def __init__(self, reason: str = "backend_error", detail: str = "") -> None:
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail

    @property
    def status(self) -> int:
        return self._STATUS.get(self.reason, 500)

    def __str__(self) -> str:
        return f"{self.reason}: {self.detail}" if self.detail else self.reason


class ObjectNotFound(StorageError):
    """No object is stored under the key."""

    def __init__(self, key: str) -> None:
        super().__init__("not_found", f"no object under key {key!r}")
        self.key = key

    def __reduce__(self):
        return (type(self), (self.key,))


@dataclass(frozen=True)
class StoredObject:
    key: str
    size: int
    sha256: str


def generate_key() -> str:
    """Return a new opaque key such as 'ab/cd/abcd…' (uuid4 hex, fanned out over two directory levels)."""
    hex_id = uuid.uuid4().hex
    return f"{hex_id[:2]}/{hex_id[2:4]}/{hex_id}"


def validate_key(key: object) -> str:
    """Return the key if it is a safe relative object key, else raise StorageError('bad_key')."""
    if not isinstance(key, str) or not key:
        raise StorageError("bad_key", "key must be a non-empty string")
    if len(key) > MAX_KEY_LENGTH:
        raise StorageError("bad_key", f"key longer than {MAX_KEY_LENGTH} characters")
    if key.startswith("/"):
        raise StorageError("bad_key", "key must not start with '/'")
    if ".." in key:
        raise StorageError("bad_key", "key must not contain '..'")
    if _FORBIDDEN_KEY_CHARS.search(key):
        raise StorageError("bad_key", "key must not contain backslashes or control characters")
    for segment in key.split("/"):
        if not segment:
            raise StorageError("bad_key", "key must not contain empty path segments")
        if len(segment.encode("utf-8", "surrogatepass")) > MAX_SEGMENT_BYTES:
            raise StorageError("bad_key", f"key segments must be at most {MAX_SEGMENT_BYTES} bytes")
        # Dot segments would alias other paths; dot-files are where LocalStorage keeps its temp files.
        if segment.startswith("."):
            raise StorageError("bad_key", "key segments must not start with '.'")
    return key


def _check_expires(expires: int) -> int:
    if isinstance(expires, bool) or not isinstance(expires, int) or not 0 < expires <= MAX_URL_EXPIRES:
        raise ValueError(f"expires must be an int in 1..{MAX_URL_EXPIRES} seconds")
    return expires


class _HashingReader:
    """Read-only, non-seekable view of a stream that hashes and counts what passes through.

    read(n) keeps reading until n bytes or end of stream, because s3transfer takes a short
    read as end of file and would then slurp the rest with read().
    """

    def __init__(self, source: BinaryIO) -> None:
        self._source = source
        self._hash = hashlib.sha256()
        self.size = 0

    def read(self, size: int | None = -1) -> bytes:
        want = None if size is None or size < 0 else size
        parts: list[bytes] = []
        got = 0
        while want is None or got < want:
            chunk = self._source.read(CHUNK_SIZE if want is None else min(CHUNK_SIZE, want - got))
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
        data = b"".join(parts)
        self._hash.update(data)
        self.size += len(data)
        return data

    def readable(self) -> bool:
        return True

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()


def _sha256_of_file(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK_SIZE):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


class Storage(ABC):
    """Where media bytes live: save → StoredObject(key, size, sha256), open, local_path, exists, size, delete, url."""

    @abstractmethod
    def save(
        self, fileobj: BinaryIO, *, key: str | None = None, content_type: str | None = None
    ) -> StoredObject:
        """Stream fileobj into storage under key (generated if None) and return what was stored."""

    def save_path(
        self, path: str | os.PathLike[str], *, key: str | None = None, content_type: str | None = None
    ) -> StoredObject:
        """Store a copy of the file at path; the file itself is left in place."""
        try:
            fh = open(path, "rb")
        except OSError as exc:
            raise StorageError("backend_error", f"cannot read {os.fspath(path)!r}: {exc.strerror}") from exc
        with fh:
            return self.save(fh, key=key, content_type=content_type)

    @abstractmethod
    def open(self, key: str) -> BinaryIO:
        """Return a readable binary stream of the object; the caller closes it."""

    @abstractmethod
    def local_path(self, key: str) -> AbstractContextManager[Path]:
        """Context manager yielding a local filesystem Path holding the object's bytes (read-only use)."""

    @abstractmethod
    def exists(self, key: str) -> bool:
        """Return whether an object is stored under key."""

    @abstractmethod
    def size(self, key: str) -> int:
        """Return the object's size in bytes."""

    @abstractmethod
    def delete(self, key: str) -> None:
        """Delete the object; deleting a missing key is not an error."""

    @abstractmethod
    def url(self, key: str, *, expires: int = 300) -> str:
        """Return a URL that lets its bearer GET the object for `expires` seconds."""


class LocalStorage(Storage):
    """Objects as files under a root directory, served through HMAC-signed URLs."""

    def __init__(self, root: Path, *, signing_key: bytes, url_prefix: str = "/api/media",
                 max_url_seconds: int = MAX_URL_EXPIRES) -> None:
        if not isinstance(signing_key, bytes) or not signing_key:
            raise ValueError("LocalStorage needs a non-empty bytes signing_key")
        self.max_url_seconds = _check_expires(max_url_seconds)
        self.root = Path(root).absolute()
        self.url_prefix = url_prefix.rstrip("/")
        self._signing_key = signing_key

    def __repr__(self) -> str:
        return f"LocalStorage(root={str(self.root)!r})"

    def _path(self, key: str) -> Path:
        return self.root.joinpath(*validate_key(key).split("/"))

    def save(
        self, fileobj: BinaryIO, *, key: str | None = None, content_type: str | None = None
    ) -> StoredObject:
        key = generate_key() if key is None else key
        target = self._path(key)
        tmp_name: str | None = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            reader = _HashingReader(fileobj)
            with os.fdopen(fd, "wb") as out:
                while chunk := reader.read(CHUNK_SIZE):
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp_name, target)
            tmp_name = None
            self._fsync_dir(target.parent)
        except OSError as exc:
            raise StorageError("backend_error", f"cannot write {key!r}: {exc.strerror or exc}") from exc
        finally:
            if tmp_name is not None:
                try:
                    os.unlink(tmp_name)
                except OSError:
                    pass
        return StoredObject(key=key, size=reader.size, sha256=reader.sha256)

    @staticmethod
    def _fsync_dir(directory: Path) -> None:
        # Makes the rename durable; a crash after save() returns must not lose the object.
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def open(self, key: str) -> BinaryIO:
        path = self._path(key)
        try:
            return open(path, "rb")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
            raise ObjectNotFound(key) from exc
        except OSError as exc:
            raise StorageError("backend_error", f"cannot open {key!r}: {exc.strerror or exc}") from exc

    @contextmanager
    def local_path(self, key: str) -> Iterator[Path]:
        path = self._path(key)
        if not path.is_file():
            raise ObjectNotFound(key)
        yield path

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def size(self, key: str) -> int:
        path = self._path(key)
        try:
            if not path.is_file():
                raise ObjectNotFound(key)
            return path.stat().st_size
        except FileNotFoundError as exc:
            raise ObjectNotFound(key) from exc
        except OSError as exc:
            raise StorageError("backend_error", f"cannot stat {key!r}: {exc.strerror or exc}") from exc

    def delete(self, key: str) -> None:
        path = self._path(key)
        try:
            path.unlink()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            pass
        except OSError as exc:
            raise StorageError("backend_error", f"cannot delete {key!r}: {exc.strerror or exc}") from exc

    def _signature(self, key: str, exp: int) -> str:
        message = f"{key}\n{exp}".encode()
        return hmac.new(self._signing_key, message, hashlib.sha256).hexdigest()

    def url(self, key: str, *, expires: int = 300) -> str:
        validate_key(key)
        if _check_expires(expires) > self.max_url_seconds:
            raise ValueError(f"expires must be at most {self.max_url_seconds} seconds")
        exp = int(time.time()) + expires
        return f"{self.url_prefix}/{quote(key, safe='/')}?exp={exp}&sig={self._signature(key, exp)}"

    def verify_url(self, key: str, exp: int | str, sig: str, now: float | None = None) -> bool:
        """Return whether (exp, sig) from a URL made by url() is authentic for key and not yet expired."""
        try:
            validate_key(key)
            exp_int = int(exp)
        except (StorageError, TypeError, ValueError):
            return False
        if not isinstance(sig, str):
            return False
        current = time.time() if now is None else now
        # An expiry further out than any URL this storage makes was not made by it (or by a leaked key): refuse.
        if current > exp_int or exp_int > current + self.max_url_seconds + URL_CLOCK_SKEW:
            return False
        return hmac.compare_digest(self._signature(key, exp_int).encode(), sig.encode())


class _S3ReadStream(io.RawIOBase):
    """Raw stream over a botocore StreamingBody that reports failures as StorageError."""

    def __init__(self, body: Any, key: str) -> None:
        self._body = body
        self._key = key

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        from botocore.exceptions import BotoCoreError

        try:
            data = self._body.read(len(buffer))
        except (BotoCoreError, OSError) as exc:
            raise StorageError("backend_error", f"reading {self._key!r}: {type(exc).__name__}") from exc
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._body.close()
        super().close()


_S3_NOT_FOUND_CODES = frozenset({"NoSuchKey", "404", "NotFound"})
_ADDRESSING_STYLES = frozenset({"auto", "path", "virtual"})


class S3Storage(Storage):
    """Objects in an S3-compatible bucket (AWS S3, MinIO, Tencent COS, Aliyun OSS), signature v4."""

    def __init__(
        self,
        *,
        bucket: str,
        endpoint_url: str | None = None,
        region: str | None = None,
        access_key: str | None = None,
        secret_key: str | None = None,
        prefix: str = "",
        addressing_style: str = "auto",
        create_bucket: bool = False,
        public_endpoint_url: str | None = None,
        max_attempts: int = 3,
        tmp_dir: Path | None = None,
    ) -> None:
        import boto3
        from boto3.s3.transfer import TransferConfig
        from botocore.config import Config

        if not bucket:
            raise ValueError("S3Storage needs a bucket")
        if addressing_style not in _ADDRESSING_STYLES:
            raise ValueError(f"addressing_style must be one of {sorted(_ADDRESSING_STYLES)}")
        prefix = prefix.strip("/")
        if prefix:
            validate_key(prefix)
        self.bucket = bucket
        self.endpoint_url = endpoint_url
        self.prefix = f"{prefix}/" if prefix else ""
        self.tmp_dir = tmp_dir
        self.region = region or "us-east-1"

        config = Config(
            signature_version="s3v4",
            s3={"addressing_style": addressing_style},
            retries={"max_attempts": max_attempts, "mode": "standard"},
            connect_timeout=5,
            read_timeout=60,
            # boto3 >= 1.36 sends CRC checksum headers by default, which MinIO, COS, OSS and other
            # S3-compatible services reject or mis-verify (boto/boto3#4392).
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        )
        session = boto3.session.Session(
            aws_access_key_id=access_key,
            aws_secret_access_key=secret_key,
            region_name=self.region,
        )
        self._client = session.client("s3", endpoint_url=endpoint_url, config=config)
        self.bucket_name = bucket
        # Browsers may need another host than the backend (e.g. MinIO at http://minio:9000 inside
        # docker); SigV4 signs the host, so presigning needs a client for the public endpoint.
        self._presign_client = (
            session.client("s3", endpoint_url=public_endpoint_url, config=config)
            if public_endpoint_url
            else self._client
        )
        self._transfer_config = TransferConfig(
            multipart_threshold=8 * 1024 * 1024,
            multipart_chunksize=8 * 1024 * 1024,
            max_concurrency=4,
            preferred_transfer_client="classic",
        )
        # Bounds memory for non-seekable uploads to 4 parts (s3transfer's default is 10).
        self._transfer_config.max_in_memory_upload_chunks = 4
        if create_bucket:
            self._create_bucket()


    @property
    def client(self):
        """The boto3 S3 client (for S3 multipart upload staging in the same bucket)."""
        return self._client

    def __repr__(self) -> str:
        return f"S3Storage(bucket={self.bucket!r}, endpoint_url={self.endpoint_url!r}, prefix={self.prefix!r})"

    @contextmanager
    def _translate_errors(self, action: str, key: str | None = None) -> Iterator[None]:
        from boto3.exceptions import Boto3Error
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            yield
        except StorageError:
            raise
        except ClientError as exc:
            code = str(exc.response.get("Error", {}).get("Code", ""))
            if key is not None and code in _S3_NOT_FOUND_CODES:
                raise ObjectNotFound(key) from exc
            raise StorageError("backend_error", f"{action}: S3 error {code or 'unknown'}") from exc
        except (BotoCoreError, Boto3Error, OSError) as exc:
            raise StorageError("backend_error", f"{action}: {type(exc).__name__}: {exc}") from exc

    def _create_bucket(self) -> None:
        from botocore.exceptions import ClientError

        with self._translate_errors("create bucket"):
            try:
                if self.region == "us-east-1":
                    self._client.create_bucket(Bucket=self.bucket)
                else:
                    self._client.create_bucket(
                        Bucket=self.bucket,
                        CreateBucketConfiguration={"LocationConstraint": self.region},
                    )
            except ClientError as exc:
                if exc.response.get("Error", {}).get("Code") not in {
                    "BucketAlreadyOwnedByYou",
                    "BucketAlreadyExists",
                }:
                    raise

    def _object_key(self, key: str) -> str:
        return self.prefix + validate_key(key)

    def save(
        self, fileobj: BinaryIO, *, key: str | None = None, content_type: str | None = None
    ) -> StoredObject:
        key = generate_key() if key is None else key
        object_key = self._object_key(key)
        reader = _HashingReader(fileobj)
        extra = {"ContentType": content_type} if content_type else {}
        with self._translate_errors(f"save {key!r}"):
            self._client.upload_fileobj(
                reader, self.bucket, object_key, ExtraArgs=extra, Config=self._transfer_config
            )
        return StoredObject(key=key, size=reader.size, sha256=reader.sha256)

    def save_path(
        self, path: str | os.PathLike[str], *, key: str | None = None, content_type: str | None = None
    ) -> StoredObject:
        key = generate_key() if key is None else key
        object_key = self._object_key(key)
        with self._translate_errors(f"save {key!r}"):
            size, sha256 = _sha256_of_file(Path(path))
            extra: dict[str, Any] = {"Metadata": {"sha256": sha256}}
            if content_type:
                extra["ContentType"] = content_type
            self._client.upload_file(
                os.fspath(path), self.bucket, object_key, ExtraArgs=extra, Config=self._transfer_config
            )
        return StoredObject(key=key, size=size, sha256=sha256)

    def open(self, key: str) -> BinaryIO:
        object_key = self._object_key(key)
        with self._translate_errors(f"open {key!r}", key):
            response = self._client.get_object(Bucket=self.bucket, Key=object_key)
        return io.BufferedReader(_S3ReadStream(response["Body"], key), buffer_size=CHUNK_SIZE)

    @contextmanager
    def local_path(self, key: str) -> Iterator[Path]:
        object_key = self._object_key(key)
        suffix = PurePosixPath(key).suffix
        with self._translate_errors(f"download {key!r}", key):
            workdir = Path(tempfile.mkdtemp(prefix="qingpin-media-", dir=self.tmp_dir))
        try:
            # Keep the extension: PyAV and ffmpeg probe formats partly by file name.
            target = workdir / f"object{suffix if len(suffix) <= 16 else ''}"
            with self._translate_errors(f"download {key!r}", key):
                self._client.download_file(self.bucket, object_key, os.fspath(target))
            yield target
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    def _head(self, key: str) -> dict[str, Any]:
        object_key = self._object_key(key)
        with self._translate_errors(f"head {key!r}", key):
            return self._client.head_object(Bucket=self.bucket, Key=object_key)

    def exists(self, key: str) -> bool:
        try:
            self._head(key)
        except ObjectNotFound:
            return False
        return True

    def size(self, key: str) -> int:
        return int(self._head(key)["ContentLength"])

    def delete(self, key: str) -> None:
        object_key = self._object_key(key)
        with self._translate_errors(f"delete {key!r}"):
            self._client.delete_object(Bucket=self.bucket, Key=object_key)

    def url(self, key: str, *, expires: int = 300) -> str:
        object_key = self._object_key(key)
        expires = _check_expires(expires)
        with self._translate_errors(f"presign {key!r}"):
            return self._presign_client.generate_presigned_url(
                "get_object",
                Params={"Bucket": self.bucket, "Key": object_key},
                ExpiresIn=expires,
            )


_S3_SETTING_KEYS = frozenset(
    {
        "bucket",
        "endpoint_url",
        "region",
        "access_key",
        "secret_key",
        "prefix",
        "addressing_style",
        "public_endpoint_url",
        "create_bucket",
    }
)


def storage_from_settings(*, backend: str, local_root: Path, signing_key: bytes, s3: dict,
                          max_url_seconds: int = MAX_URL_EXPIRES) -> Storage:
    """Build the configured Storage: backend 'local' (files under local_root) or 's3' (s3 dict)."""
    if backend == "local":
        return LocalStorage(Path(local_root), signing_key=signing_key, max_url_seconds=max_url_seconds)
    if backend == "s3":
        unknown = set(s3) - _S3_SETTING_KEYS
        if unknown:
            raise ValueError(f"unknown S3 settings: {sorted(unknown)}")
        optional = {
            name: s3.get(name) or None
            for name in ("endpoint_url", "region", "access_key", "secret_key", "public_endpoint_url")
        }
        return S3Storage(
            bucket=s3.get("bucket") or "",
            prefix=s3.get("prefix") or "",
            addressing_style=s3.get("addressing_style") or "auto",
            create_bucket=bool(s3.get("create_bucket", False)),
            **optional,
        )
    raise ValueError(f"unknown storage backend {backend!r} (expected 'local' or 's3')")
