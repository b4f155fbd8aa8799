"""Rate limits (Flask-Limiter on the app's Redis): the HR and WeChat logins.

Failed HR logins count per account and per client address, in one-minute moving windows: a guesser is stopped
after a few tries, and the real user is locked out at most a minute after the guessing stops.
"""
from __future__ import annotations

import hashlib
import time

from flask import Flask, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import parse

from .errors import DomainError

HR_LOGIN_FAILURES_PER_ACCOUNT = "10 per minute"
HR_LOGIN_FAILURES_PER_ADDRESS = "30 per minute"
WECHAT_LOGINS_PER_ADDRESS = "30 per minute"
WECHAT_LOGINS_PER_OPENID = "10 per minute"  # WeChat itself allows 100/min per user (errcode 45011)

limiter = Limiter(
    key_func=get_remote_address, strategy="moving-window", headers_enabled=True, key_prefix="qingpin-limits",
    # Without Redis the limits hold per process (logged), rather than refusing every login.
    swallow_errors=True, in_memory_fallback_enabled=True,
)


class TooManyAttempts(DomainError):
    status_code = 429
    reason = "too_many_requests"


def init_app(app: Flask) -> None:
    url = app.config["REDIS_URL"]
    app.config.setdefault("RATELIMIT_STORAGE_URI", "redis+" + url if url.startswith("unix://") else url)
    limiter.init_app(app)


def failed_login(response) -> bool:
    return response.status_code == 401


def login_account() -> str:
    """The account a login request names (hashed: e-mail addresses stay out of Redis keys)."""
    body = request.get_json(silent=True)
    email = body.get("email") if isinstance(body, dict) else None
    return hashlib.sha256(str(email or "").strip().lower().encode()).hexdigest()[:32]


def check(limit: str, scope: str, identity: str) -> None:
    """Count one attempt against `limit` for `identity` (a limit known only inside a service); 429 when spent."""
    item = parse(limit)
    if not limiter.limiter.hit(item, scope, identity):
        reset_at, _ = limiter.limiter.get_window_stats(item, scope, identity)
        raise TooManyAttempts("too many sign-in attempts; wait a minute and try again",
                              retry_after=max(1, int(reset_at - time.time())))
