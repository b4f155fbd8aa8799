"""The H5 apps' tests: a real `qingpin run` (SQLite, embedded Redis, real worker) for the browser tests, which are
node scripts (admin_h5/e2e/*.e2e.mjs) driving Debian's Chromium with playwright-core at phone size."""
from __future__ import annotations

import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from tests.conftest import REPO

H5 = REPO / "admin_h5"
ARTIFACTS = REPO / "test-artifacts" / "h5"
MODEL_CACHE = Path(os.environ.get("QINGPIN_MODEL_CACHE", Path.home() / ".cache" / "qingpin" / "models"))
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(condition: bool, why: str) -> None:
    """A missing system dependency fails the test in CI (the test command installs it) and skips it elsewhere."""
    if not condition:
        if IN_CI:
            pytest.fail(f"{why} (CI installs it: see scripts/test)")
        pytest.skip(why)


@pytest.fixture(scope="session")
def node_modules() -> Path:
    require(shutil.which("node") is not None, "Node.js is not installed")
    require((H5 / "node_modules" / ".bin" / "vite").exists(), "admin_h5/node_modules is missing: run bash scripts/build_h5.sh")
    return H5 / "node_modules"


@pytest.fixture(scope="session")
def h5_dist(node_modules) -> Path:
    """The built H5 apps, built now when the sources changed."""
    subprocess.run(["bash", str(REPO / "scripts" / "build_h5.sh")], check=True, cwd=REPO)
    return H5 / "dist"


@pytest.fixture(scope="session")
def chromium() -> str:
    require(Path(CHROMIUM).exists(), f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def ffmpeg() -> str:
    """The candidate browser test makes the fake camera's video and cuts corpus answers with ffmpeg."""
    path = shutil.which("ffmpeg")
    require(path is not None, "ffmpeg is not installed (apt-get install ffmpeg)")
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveQingPin:
    """`qingpin run --no-demo` in its own instance folder, as a user starts it; stopped with SIGTERM."""

    def __init__(self, instance: Path, extra_env: dict[str, str] | None = None):
        self.instance = instance
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "STORAGE_BACKEND")}
        env.update(QINGPIN_ENV="development", QINGPIN_INSTANCE_DIR=str(instance), MODEL_CACHE_DIR=str(MODEL_CACHE),
                   PYTHONUNBUFFERED="1", **(extra_env or {}))
        self.output: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "backend.cli", "run", "--no-demo", "--port", str(self.port)],
            env=env, cwd=instance.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        lines: "queue.Queue[str]" = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) or self.output.append(line) for line in self.process.stdout],
                         daemon=True).start()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("qingpin run exited:\n" + "".join(self.output)[-4000:])
            try:
                if requests.get(f"{self.url}/api/health", timeout=1).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError("qingpin run did not answer within 120 s:\n" + "".join(self.output)[-4000:])

    def stop(self, *, quiet: bool = False) -> None:
        if not quiet:  # pytest shows it only for a failed test; a benchmark has no use for it
            print("qingpin run said (last lines):\n" + "".join(self.output[-60:]))
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=3)
            except subprocess.TimeoutExpired:
                # Still busy: the RQ worker finishes its job first (a scoring the test left queued). A second
                # SIGTERM is RQ's cold shutdown; this instance is thrown away, its unfinished work with it.
                os.killpg(self.process.pid, signal.SIGTERM)
                try:
                    self.process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(self.process.pid, signal.SIGKILL)


# The candidate's browser test records segments of 10 s (the default is 20 s), so one answer spans several. The other
# browser tests do not mind: HR's uploads go up as a camera records them (120 s segments whatever this says), the
# onboarding test's answer lasts 3 s. One server for all three instead of a second one for the candidate test saves a
# start (20-30 s: migrations, two gunicorn workers importing the app while the worker loads its models).
SEGMENT_SECONDS = 10


@pytest.fixture(scope="session")
def live_qingpin(h5_dist, tmp_path_factory):
    """One running QingPin for the browser tests (they create their own organizations, jobs and candidates)."""
    server = LiveQingPin(tmp_path_factory.mktemp("qingpin") / "instance", extra_env={"SEGMENT_SECONDS": str(SEGMENT_SECONDS)})
    yield server
    server.stop()


@pytest.fixture(scope="session")
def run_e2e(chromium, node_modules):
    """Run admin_h5/e2e/<name>.e2e.mjs against a live server; the pytest test fails with the script's output."""

    def _run(name: str, base_url: str, env: dict[str, str] | None = None, timeout: int = 600) -> str:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            ["node", str(H5 / "e2e" / f"{name}.e2e.mjs")], cwd=H5, capture_output=True, text=True, timeout=timeout,
            env={**os.environ, "QINGPIN_BASE_URL": base_url, "CHROMIUM_PATH": chromium, "QINGPIN_SCREENSHOTS": str(ARTIFACTS),
                 "QINGPIN_SHARED_DIR": str(REPO.parent / "shared"), **(env or {})})
        output = result.stdout + result.stderr
        print(output)
        assert result.returncode == 0, output[-6000:]
        return output

    return _run


def create_org_user(instance: Path, *, org_name: str, slug: str, email: str, password: str, role: str = "recruiter") -> None:
    code = (
        "from backend import create_app\n"
        "from backend.db import session_scope\n"
        "from backend.services.organizations import create_organization\n"
        "from backend.services.auth import create_hr_user\n"
        "import sys\n"
        "app = create_app()\n"
        "with app.app_context(), session_scope() as s:\n"
        "    org = create_organization(s, name=sys.argv[1], slug=sys.argv[2])\n"
        "    create_hr_user(s, organization_id=org.id, email=sys.argv[3], name='他行招聘', role=sys.argv[5], password=sys.argv[4])\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "STORAGE_BACKEND")}
    env.update(QINGPIN_ENV="development", QINGPIN_INSTANCE_DIR=str(instance), REDIS_URL="redis://127.0.0.1:1/0")
    subprocess.run([sys.executable, "-c", code, org_name, slug, email, password, role], env=env, check=True, cwd=REPO)
