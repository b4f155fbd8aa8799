"""QingPin backend: `create_app()` binds settings and extensions in one flat list; nothing connects at import."""
from __future__ import annotations

import logging

from flask import Flask

from .settings import Settings, load_settings


def create_app(settings: Settings | None = None) -> Flask:
    settings = settings or load_settings()
    settings.instance_dir.mkdir(parents=True, exist_ok=True)
    app = Flask(__name__, instance_path=str(settings.instance_dir.resolve()))
    app.config["QINGPIN_SETTINGS"] = settings
    app.config["SECRET_KEY"] = settings.secret_key
    app.config["MAX_CONTENT_LENGTH"] = settings.max_segment_bytes + 1024 * 1024

    from . import api, db, errors, h5, http_headers, ratelimit, redis_conn, storage
    from .wechat import binding as wechat
    from .api.parsing import StrictJSONProvider
    from .services.auth import PrincipalCache

    app.json = StrictJSONProvider(app)
    errors.init_app(app)
    http_headers.init_app(app)
    db.init_app(app)
    redis_conn.init_app(app)
    ratelimit.init_app(app)
    app.extensions["qingpin.principal_cache"] = PrincipalCache(app.extensions["qingpin.redis"])
    wechat.init_app(app)
    app.extensions["qingpin.storage"] = storage.storage_from_settings(
        backend=settings.storage_backend, local_root=settings.storage_root,
        signing_key=settings.secret_key.encode(), s3=settings.s3_options, max_url_seconds=settings.media_url_seconds,
    )
    api.media.redact_signatures_in_access_logs()
    api.init_app(app)
    h5.init_app(app)
    _quiet_noisy_loggers()
    return app


def _quiet_noisy_loggers() -> None:
    for name in ("botocore", "urllib3", "faster_whisper", "jieba"):
        logging.getLogger(name).setLevel(logging.WARNING)
