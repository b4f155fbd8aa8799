"""The WeChat boundary: its settings, the errors the web layer maps to HTTP, and secret redaction.

Gateway, token manager, templates and crypto live in the submodules; their public names are
re-exported here lazily so that importing the package connects to nothing and stays cycle-free.
"""
from __future__ import annotations

import importlib
import logging
import re
from dataclasses import dataclass, field

# access_token rejected: 40001 invalid or not latest, 40014 malformed, 42001 expired.
TOKEN_REJECTED = frozenset({40001, 40014, 42001})
# Failures worth retrying later (with backoff): busy, per-minute quota, and a token refresh race.
RETRYABLE_ERRCODES = frozenset({-1, 45011}) | TOKEN_REJECTED


@dataclass(frozen=True)
class WeChatConfig:
    """Mini-program credentials and where WeChat's server API lives (tests point it at a simulator)."""

    appid: str
    secret: str = field(repr=False)
    api_base: str = "https://api.weixin.qq.com"
    timeout: float = 5

    def __post_init__(self) -> None:
        if not self.appid or not self.secret:
            raise ValueError("WeChatConfig needs an appid and a secret")
        object.__setattr__(self, "api_base", self.api_base.rstrip("/"))


class WeChatError(Exception):
    """A WeChat call failed; errcode is WeChat's (None: no answer). status_code/reason mirror backend.errors."""

    status_code = 502
    reason = "wechat_unavailable"
    always_permanent = False

    def __init__(
        self,
        errcode: int | None,
        errmsg: str = "",
        *,
        api: str = "wechat",
        retryable: bool | None = None,
    ) -> None:
        self.errcode = errcode
        self.errmsg = redact(errmsg)
        self.api = api
        if retryable is None:
            retryable = not self.always_permanent and (errcode is None or errcode in RETRYABLE_ERRCODES)
        self._retryable = retryable
        self.message = f"{api} failed: errcode={errcode} {self.errmsg}".rstrip()
        super().__init__(self.message)

    @property
    def retryable(self) -> bool:
        return self._retryable

    @property
    def permanent(self) -> bool:
        return not self._retryable


class InvalidLoginCode(WeChatError):
    """40029: the wx.login code is unknown or expired; the client must call wx.login again."""

    status_code = 400
    reason = "invalid_login_code"
    always_permanent = True


class LoginCodeUsed(InvalidLoginCode):
    """40163: the wx.login code was already exchanged (codes work once)."""

    reason = "login_code_used"


class LoginBlocked(WeChatError):
    """40226: WeChat blocks this high-risk user from logging in."""

    status_code = 403
    reason = "login_blocked"
    always_permanent = True


class RateLimited(WeChatError):
    """45011: WeChat's per-minute quota for this API (or user) is used up."""

    status_code = 429
    reason = "rate_limited"


class WeChatBusy(WeChatError):
    """-1: WeChat is busy; retry with backoff."""

    status_code = 503
    reason = "wechat_busy"


class RelogRequired(WeChatError):
    """Open data or a phone code cannot be used (stale session_key, bad watermark): the client logs in again."""

    status_code = 401
    reason = "relogin_required"
    always_permanent = True


class ForceRefreshRefused(WeChatError):
    """Our own cap on force_refresh=true (20 a day, 30 s apart) refused a forced token refresh."""

    status_code = 503

    def __init__(self, limit: str) -> None:
        self.limit = limit  # "spacing" (30 s) or "daily_cap" (20 a day)
        super().__init__(
            None,
            f"force refresh of access_token refused ({limit})",
            api="stable_token",
            retryable=limit == "spacing",
        )


_SECRET_PARAM = re.compile(
    r"""(?ix)
    (\b(?:access_token|secret|appsecret|js_code|session_key)\b["']?\s*[=:]\s*["']?)
    [^&\s"',}]+
    """
)


def redact(text: str) -> str:
    """Mask the values of access_token/secret/js_code/session_key parameters in a URL, query or JSON text."""
    return _SECRET_PARAM.sub(r"\1***", text or "")


def scrub(text: str, *secrets: str | None) -> str:
    """Redact parameters, then mask each known secret value wherever it appears."""
    text = redact(text)
    for value in secrets:
        if value:
            text = text.replace(value, "***")
    return text


class RedactSecretsFilter(logging.Filter):
    """Rewrites a log record so secret query parameters never reach a handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


# urllib3 logs every request line, query string included, at DEBUG; our tokens ride in the query.
_REDACTED_LOGGERS = ("urllib3.connectionpool",)


def install_log_redaction() -> None:
    """Attach RedactSecretsFilter to the HTTP library loggers that print request URLs (idempotent)."""
    for name in _REDACTED_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactSecretsFilter) for f in logger.filters):
            logger.addFilter(RedactSecretsFilter())


_LAZY_EXPORTS = {
    "WeChatGateway": "client",
    "SessionInfo": "client",
    "AccessTokenManager": "tokens",
    "TemplateSpec": "subscribe",
    "TemplateDataError": "subscribe",
    "SubscribeSendError": "subscribe",
    "format_message": "subscribe",
    "classify_send_error": "subscribe",
    "build_templates": "subscribe",
    "decrypt_open_data": "crypto",
    "check_watermark": "crypto",
    "check_raw_data_signature": "crypto",
    "verify_push_signature": "crypto",
}


def __getattr__(name: str):
    module = _LAZY_EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "WeChatConfig",
    "WeChatError",
    "InvalidLoginCode",
    "LoginCodeUsed",
    "LoginBlocked",
    "RateLimited",
    "WeChatBusy",
    "RelogRequired",
    "ForceRefreshRefused",
    "TOKEN_REJECTED",
    "redact",
    "scrub",
    "install_log_redaction",
    *_LAZY_EXPORTS,
]
