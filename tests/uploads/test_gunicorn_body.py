"""backend/gunicorn_body.py: gunicorn's request body read with readinto, through gunicorn's own parser on a real socket."""
from __future__ import annotations

import os
import socket
import threading

import pytest

pytest.importorskip("gunicorn")

from gunicorn.config import Config  # noqa: E402
from gunicorn.http import get_parser  # noqa: E402
from gunicorn.http.body import Body  # noqa: E402

from backend import gunicorn_body  # noqa: E402


@pytest.fixture(autouse=True)
def installed(monkeypatch):
    monkeypatch.delattr(Body, "readinto", raising=False)
    monkeypatch.setattr(Body, "readinto", gunicorn_body.readinto, raising=False)


def request(body: bytes, path: str = "/a", chunked: bool = False) -> bytes:
    if chunked:
        middle = len(body) // 2
        encoded = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (body[:middle], body[middle:]) if part)
        return b"PATCH %s HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n%s0\r\n\r\n" % (path.encode(), encoded)
    return b"PATCH %s HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n%s" % (path.encode(), len(body), body)


def serve(wire: bytes, read_size: int, pieces: int = 1):
    """Send `wire` (in `pieces` writes) to gunicorn's parser; read each request's body with readinto(read_size)."""
    server, client = socket.socketpair()
    server.settimeout(10)  # a wrong byte count would wait for bytes that never come
    step = -(-len(wire) // pieces)

    def send():
        try:
            for start in range(0, len(wire), step):
                client.sendall(wire[start:start + step])
            client.shutdown(socket.SHUT_WR)
        except OSError:  # the reader gave up (a failing test) and closed its end
            pass

    sender = threading.Thread(target=send)
    sender.start()
    parser = get_parser(Config(), server, ("127.0.0.1", 1))
    bodies = []
    try:
        for message in parser:
            buffer = bytearray(read_size)
            received = bytearray()
            while count := message.body.readinto(buffer):
                received += buffer[:count]
            assert message.body.readinto(buffer) == 0
            bodies.append((message.path, bytes(received)))
    finally:
        server.close()
        sender.join()
        client.close()
    return bodies


@pytest.mark.parametrize("read_size", [1, 7, 4096, 1 << 20])
@pytest.mark.parametrize("pieces", [1, 3, 50])
def test_kept_alive_requests_each_get_exactly_their_body(read_size, pieces):
    first, second = os.urandom(300_000), os.urandom(70_001)
    wire = request(first, "/a") + request(second, "/b") + request(b"", "/c")
    assert serve(wire, read_size, pieces) == [("/a", first), ("/b", second), ("/c", b"")]


def test_chunked_bodies_fall_back_to_read():
    body = os.urandom(200_000)
    assert serve(request(body, chunked=True) + request(b"tail", "/b"), 65536, 5) == [("/a", body), ("/b", b"tail")]


def test_bytes_left_by_an_earlier_read_come_first():
    server, client = socket.socketpair()
    body = os.urandom(100_000)
    client.sendall(request(body))
    message = next(get_parser(Config(), server, None))
    head = message.body.read(10)  # gunicorn reads ahead past what it returns
    buffer = bytearray(1 << 20)
    rest = bytearray()
    while count := message.body.readinto(buffer):
        rest += buffer[:count]
    assert head + rest == body
    server.close()
    client.close()


def test_a_client_gone_mid_body_ends_the_read_and_the_connection():
    server, client = socket.socketpair()
    client.sendall(request(b"x" * 1000)[:-400])
    client.close()
    parser = get_parser(Config(), server, None)
    message = next(parser)
    buffer = bytearray(4096)
    assert message.body.readinto(buffer) == 600
    assert message.body.readinto(buffer) == 0
    assert message.body.failed  # never reused for another request
    server.close()


def test_install_keeps_a_readinto_gunicorn_may_grow(monkeypatch):
    own = object()
    monkeypatch.setattr(Body, "readinto", own, raising=False)
    gunicorn_body.install()
    assert Body.readinto is own


def test_the_served_configuration_installs_it(monkeypatch):
    monkeypatch.delattr(Body, "readinto", raising=False)
    import importlib

    import backend.gunicorn_conf

    importlib.reload(backend.gunicorn_conf)
    assert Body.readinto is gunicorn_body.readinto
