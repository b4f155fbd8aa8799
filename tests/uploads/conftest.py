"""A minimal app with the tus blueprint mounted, served over real HTTP, on local and S3 (moto) staging."""
from __future__ import annotations

import base64
import hashlib
import os
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

import boto3
import pytest
import redis
import requests
from flask import Flask, abort
from werkzeug.serving import make_server

from backend.uploads import LocalStaging, S3MultipartStaging, UploadStaging, create_tus_blueprint

PART = S3MultipartStaging.MIN_PART_SIZE
TOKEN = "test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}", "X-User": "alice"}
TUS = {"Tus-Resumable": "1.0.0", **AUTH}
MAX_SIZE = 64 * 1024 * 1024


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def metadata_header(**values: str) -> str:
    return ",".join(f"{key} {base64.b64encode(value.encode()).decode()}" for key, value in values.items())


def checksum_header(algorithm: str, data: bytes) -> str:
    return f"{algorithm} {base64.b64encode(hashlib.new(algorithm, data).digest()).decode()}"


class Clock:
    """A settable UTC clock so expiry can be tested without sleeping."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(timezone.utc) + self.offset

    def advance(self, delta: timedelta) -> None:
        self.offset += delta


@dataclass
class Completion:
    principal: Any
    upload_id: str
    target: Any
    metadata: dict[str, str]
    sha256: str


@dataclass
class TusHarness:
    """Builds the app, serves it on a fixed loopback port, and can 'restart' it with fresh staging and app objects."""

    make_staging: Callable[[], UploadStaging]
    redis_url: str
    read_back: Callable[[Any], bytes]
    kind: str
    options: dict[str, Any] = field(default_factory=dict)
    completions: list[Completion] = field(default_factory=list)
    complete_hook: Callable[[Completion], None] | None = None
    clock: Clock = field(default_factory=Clock)
    port: int = field(default_factory=free_port)
    s3: tuple[Any, str] | None = None  # (client, bucket) when S3-backed

    def __post_init__(self) -> None:
        self.staging = self.make_staging()
        self._server = None
        self._thread = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/uploads/"

    @property
    def granularity(self) -> int:
        return self.staging.chunk_granularity

    def authorize(self, request):
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            abort(401, "A bearer token is required.")
        return request.headers.get("X-User", "anonymous")

    def on_complete(self, principal, upload_id, target, metadata, sha256_hex):
        completion = Completion(principal, upload_id, target, metadata, sha256_hex)
        if self.complete_hook:
            self.complete_hook(completion)
        self.completions.append(completion)

    def build_app(self) -> Flask:
        app = Flask(__name__)
        options = {"max_size": MAX_SIZE, "clock": self.clock, **self.options}
        app.register_blueprint(
            create_tus_blueprint(
                "uploads",
                "/api/uploads",
                staging_factory=lambda: self.staging,
                redis_factory=lambda: redis.Redis.from_url(self.redis_url),
                authorize=self.authorize,
                on_complete=self.on_complete,
                **options,
            )
        )
        return app

    def start(self) -> None:
        self._server = make_server("127.0.0.1", self.port, self.build_app(), threaded=True)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(5)
            self._server = None

    def restart(self) -> None:
        """A new process in all but name: new staging instance, new app, new Redis pool, same root/bucket."""
        self.stop()
        self.staging = self.make_staging()
        self.start()

    # --- client helpers ---

    def create(self, length: int, **metadata: str) -> str:
        headers = {**TUS, "Upload-Length": str(length)}
        if metadata:
            headers["Upload-Metadata"] = metadata_header(**metadata)
        response = requests.post(self.url, headers=headers)
        assert response.status_code == 201, response.text
        return response.headers["Location"]

    def patch(self, location: str, offset: int, data: bytes, **headers: str) -> requests.Response:
        headers = {**TUS, "Content-Type": "application/offset+octet-stream", "Upload-Offset": str(offset), **headers}
        return requests.patch(location, data=data, headers=headers)

    def head(self, location: str) -> requests.Response:
        return requests.head(location, headers=TUS)

    def offset(self, location: str) -> int:
        response = self.head(location)
        assert response.status_code == 200, response.status_code
        return int(response.headers["Upload-Offset"])

    def upload_all(self, location: str, data: bytes, start: int = 0, chunk: int | None = None) -> requests.Response:
        chunk = chunk or max(self.granularity, 256 * 1024)
        offset = start
        while True:
            response = self.patch(location, offset, data[offset : offset + chunk])
            if response.status_code != 204:
                return response
            offset = int(response.headers["Upload-Offset"])
            if offset == len(data):
                return response

    def stored_bytes(self, completion: Completion) -> bytes:
        return self.read_back(completion.target)


def lock_key(location: str) -> str:
    return f"tus:uploads:lock:{location.rstrip('/').rsplit('/', 1)[1]}"


def wait_for(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.01)


class RawPatch:
    """A PATCH written by hand on a socket, so a test can stall or drop it mid-body."""

    def __init__(self, location: str, offset: int, content_length: int, extra_headers: dict[str, str] | None = None):
        parts = urlsplit(location)
        self.sock = socket.create_connection((parts.hostname, parts.port))
        headers = {
            **TUS,
            "Host": parts.netloc,
            "Content-Type": "application/offset+octet-stream",
            "Upload-Offset": str(offset),
            "Content-Length": str(content_length),
            **(extra_headers or {}),
        }
        head = f"PATCH {parts.path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        self.sock.sendall(head.encode())

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def drop(self) -> None:
        self.sock.shutdown(socket.SHUT_WR)  # FIN after the data: the server sees a short body, not a reset
        self.sock.close()

    def status(self) -> int:
        self.sock.settimeout(10)
        reply = b""
        while b"\r\n" not in reply:
            data = self.sock.recv(4096)
            if not data:
                break
            reply += data
        self.sock.close()
        return int(reply.split(b" ", 2)[1])


# --- fixtures ---------------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def moto_endpoint():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def s3_client(endpoint: str):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


@pytest.fixture(scope="session")
def payload() -> bytes:
    """12 MiB: two full 5 MiB S3 parts and a short last one."""
    return os.urandom(2 * PART + 2 * 1024 * 1024)


@pytest.fixture
def s3_bucket(moto_endpoint):
    client = s3_client(moto_endpoint)
    bucket = f"tus-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=bucket)
    return client, bucket


@pytest.fixture(params=["local", "s3"])
def harness_factory(request, tmp_path: Path, redis_conn, redis_url):
    """Returns make(**blueprint_options) -> a started TusHarness on the parametrised staging backend."""
    started: list[TusHarness] = []
    s3 = None

    if request.param == "local":
        root = tmp_path / "staging"

        def make_staging():
            return LocalStaging(root)

        def read_back(target):
            return Path(target).read_bytes()

    else:
        endpoint = request.getfixturevalue("moto_endpoint")
        client, bucket = s3 = request.getfixturevalue("s3_bucket")

        def make_staging():
            return S3MultipartStaging(s3_client(endpoint), bucket, "staging/", spool_dir=tmp_path)

        def read_back(target):
            return client.get_object(Bucket=bucket, Key=target)["Body"].read()

    def make(**options: Any) -> TusHarness:
        harness = TusHarness(make_staging, redis_url, read_back, request.param, options=options, s3=s3)
        harness.start()
        started.append(harness)
        return harness

    yield make
    for harness in started:
        harness.stop()


@pytest.fixture
def tus(harness_factory) -> TusHarness:
    return harness_factory()
