"""Storage fixtures: one moto S3 server on loopback per session, and a `storage` fixture for each backend."""
from __future__ import annotations

import socket
import uuid

import pytest

from backend.storage import LocalStorage, S3Storage

BUCKET = "qingpin-test"
SIGNING_KEY = b"test-signing-key-not-a-secret-0123"


@pytest.fixture()
def signing_key() -> bytes:
    return SIGNING_KEY


@pytest.fixture()
def closed_endpoint() -> str:
    """URL of a loopback port that nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture(scope="session")
def s3_endpoint() -> str:
    """URL of a moto S3 server (real HTTP, in a thread) bound to 127.0.0.1 on a free port."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture()
def make_s3_storage(s3_endpoint):
    """Factory for S3Storage on the moto server; each call gets a fresh prefix unless given one."""

    def make(**overrides) -> S3Storage:
        options = dict(
            bucket=BUCKET,
            endpoint_url=s3_endpoint,
            region="us-east-1",
            access_key="testing",
            secret_key="testing",
            prefix=f"test-{uuid.uuid4().hex[:12]}",
            addressing_style="path",
            create_bucket=True,
        )
        options.update(overrides)
        return S3Storage(**options)

    return make


@pytest.fixture(params=["local", "s3"])
def storage(request, tmp_path, make_s3_storage):
    """The same tests run against LocalStorage (tmp dir) and S3Storage (moto server)."""
    if request.param == "local":
        return LocalStorage(tmp_path / "media", signing_key=SIGNING_KEY)
    return make_s3_storage()


@pytest.fixture()
def s3_client(s3_endpoint):
    """A plain boto3 client on the moto server, to look behind S3Storage's back."""
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
