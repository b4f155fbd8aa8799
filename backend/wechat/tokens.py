"""One stable access_token for every web and worker process: one Redis key, refreshed only under a Redis lock."""
from __future__ import annotations

import datetime as dt
import logging
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Callable

import requests
from wechatpy.session.redisstorage import RedisStorage

from backend.wechat import ForceRefreshRefused, WeChatConfig, WeChatError, install_log_redaction, scrub

log = logging.getLogger(__name__)

# WeChat rotates a stable token in its last 5 minutes and keeps old and new valid meanwhile.
REFRESH_MARGIN = 300
# WeChat's own limits on force_refresh=true: 20 a day, 30 s apart.
FORCE_DAILY_CAP = 20
FORCE_SPACING = 30
# WeChat's daily quotas reset on Beijing time.
BEIJING = dt.timezone(dt.timedelta(hours=8))

_RELEASE_LOCK = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""

# KEYS: last-force timestamp, today's force counter. ARGV: now, spacing, daily cap.
_TAKE_FORCE_SLOT = """
local now = tonumber(ARGV[1])
local last = redis.call('GET', KEYS[1])
if last and now - tonumber(last) < tonumber(ARGV[2]) then
  return -1
end
local used = tonumber(redis.call('GET', KEYS[2]) or '0')
if used >= tonumber(ARGV[3]) then
  return -2
end
redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], 172800)
redis.call('SET', KEYS[1], ARGV[1], 'EX', 86400)
return used + 1
"""


@dataclass(frozen=True)
class _Record:
    token: str
    expires_at: float

    def __repr__(self) -> str:
        return f"_Record(token=***, expires_at={self.expires_at})"


class AccessTokenManager:
    """Hands out the shared stable access_token; `invalidate` replaces one that WeChat rejected."""

    def __init__(
        self,
        config: WeChatConfig,
        redis,
        *,
        clock: Callable[[], float] = time.time,
        key_prefix: str = "qingpin:wechat",
        wait_timeout: float | None = None,
    ) -> None:
        self._config = config
        self._redis = redis
        self._clock = clock
        base = f"{key_prefix}:{config.appid}"
        # wechatpy's RedisStorage: the token and its expiry as one JSON value under one key.
        self._storage = RedisStorage(redis, prefix=base)
        self._lock_key = f"{base}:access_token:lock"
        self._force_last_key = f"{base}:force_refresh:last"
        self._force_count_prefix = f"{base}:force_refresh:count"
        self._release_lock = redis.register_script(_RELEASE_LOCK)
        self._take_force_slot = redis.register_script(_TAKE_FORCE_SLOT)
        self._wait_timeout = wait_timeout if wait_timeout is not None else 2 * config.timeout + 2
        # Long enough for a normal and a forced stable_token call by the holder.
        self._lock_ttl_ms = int((2 * config.timeout + 5) * 1000)
        self._local = threading.local()
        install_log_redaction()

    def get_token(self) -> str:
        """The current access_token, refreshed first if it is missing, expired or about to expire."""
        record = self._read()
        now = self._clock()
        if record and record.expires_at - now > REFRESH_MARGIN:
            return record.token
        if record and record.expires_at > now:
            return self._refresh_early(record)
        return self._refresh(stale=record.token if record else None, escalate=False, force=False)

    def invalidate(self, bad_token: str) -> str:
        """Replace a token WeChat rejected (40001/42001): normal refresh; forced only if WeChat hands it back."""
        return self._refresh(stale=bad_token, escalate=True, force=False)

    def force_refresh(self, bad_token: str) -> str:
        """Force WeChat to issue a new token, within our cap of 20 a day and 30 s apart."""
        return self._refresh(stale=bad_token, escalate=True, force=True)

    def forced_refreshes_today(self) -> int:
        return int(self._redis.get(self._force_count_key()) or 0)

    # -- refresh protocol -------------------------------------------------------------------

    def _refresh_early(self, record: _Record) -> str:
        # The token still works: one process refreshes, the others keep using it meanwhile.
        lock = self._try_lock()
        if lock is None:
            return record.token
        try:
            current = self._read()
            if current and current.expires_at - self._clock() > REFRESH_MARGIN:
                return current.token
            fresh = self._fetch(force=False)
        except WeChatError as exc:
            log.warning("early access_token refresh failed (errcode %s); keeping the current token", exc.errcode)
            return record.token
        else:
            self._write(fresh)
            return fresh.token
        finally:
            self._unlock(lock)

    def _refresh(self, *, stale: str | None, escalate: bool, force: bool) -> str:
        deadline = time.monotonic() + self._wait_timeout
        delay = 0.01
        while True:
            lock = self._try_lock()
            if lock is not None:
                try:
                    return self._refresh_locked(stale=stale, escalate=escalate, force=force)
                finally:
                    self._unlock(lock)
            time.sleep(delay)
            delay = min(delay * 2, 0.1)
            record = self._read()
            if self._replaces(record, stale):
                return record.token
            if time.monotonic() > deadline:
                raise WeChatError(
                    None, "timed out waiting for another process to refresh the access_token", api="stable_token"
                )

    def _refresh_locked(self, *, stale: str | None, escalate: bool, force: bool) -> str:
        record = self._read()
        if self._replaces(record, stale):
            return record.token  # another process refreshed while we waited for the lock
        if not force:
            fresh = self._fetch(force=False)
            if not (escalate and fresh.token == stale):
                self._write(fresh)
                return fresh.token
            log.warning("stable_token returned the access_token WeChat just rejected; forcing a refresh")
        self._claim_force_slot()
        fresh = self._fetch(force=True)
        self._write(fresh)
        return fresh.token

    def _replaces(self, record: _Record | None, stale: str | None) -> bool:
        return record is not None and record.token != stale and record.expires_at > self._clock()

    def _claim_force_slot(self) -> None:
        used = self._take_force_slot(
            keys=[self._force_last_key, self._force_count_key()],
            args=[repr(float(self._clock())), FORCE_SPACING, FORCE_DAILY_CAP],
        )
        if used == -1:
            raise ForceRefreshRefused("spacing")
        if used == -2:
            log.error("force_refresh of access_token refused: daily cap of %s reached", FORCE_DAILY_CAP)
            raise ForceRefreshRefused("daily_cap")

    def _force_count_key(self) -> str:
        day = dt.datetime.fromtimestamp(self._clock(), BEIJING).strftime("%Y%m%d")
        return f"{self._force_count_prefix}:{day}"

    # -- Redis -------------------------------------------------------------------------------

    def _try_lock(self) -> str | None:
        owner = secrets.token_hex(16)
        if self._redis.set(self._lock_key, owner, nx=True, px=self._lock_ttl_ms):
            return owner
        return None

    def _unlock(self, owner: str) -> None:
        self._release_lock(keys=[self._lock_key], args=[owner])

    def _read(self) -> _Record | None:
        try:
            value = self._storage.get("access_token")
            if value is None:
                return None
            return _Record(token=str(value["token"]), expires_at=float(value["expires_at"]))
        except (ValueError, TypeError, KeyError):
            log.warning("ignoring a malformed access_token record in Redis")
            return None

    def _write(self, record: _Record) -> None:
        ttl = max(1, int(record.expires_at - self._clock()))
        self._storage.set("access_token", {"token": record.token, "expires_at": record.expires_at}, ttl=ttl)

    # -- WeChat ------------------------------------------------------------------------------

    def _fetch(self, *, force: bool) -> _Record:
        body = {
            "grant_type": "client_credential",
            "appid": self._config.appid,
            "secret": self._config.secret,
            "force_refresh": force,
        }
        failure = None
        try:
            response = self._session().post(
                f"{self._config.api_base}/cgi-bin/stable_token", json=body, timeout=self._config.timeout
            )
            result = response.json() if response.status_code == 200 else None
        except (requests.RequestException, ValueError) as exc:
            failure = type(exc).__name__
        # Raised outside the except block: the transport exception's text holds the request, so it must not chain.
        if failure is not None:
            log.warning("stable_token: transport failure (%s)", failure)
            raise WeChatError(None, f"transport failure ({failure})", api="stable_token")
        if not isinstance(result, dict):
            raise WeChatError(None, f"unexpected HTTP {response.status_code} response", api="stable_token")
        token = result.get("access_token")
        if not isinstance(token, str) or not token:
            errcode = _int_or_none(result.get("errcode"))
            errmsg = scrub(str(result.get("errmsg", "")), self._config.secret)
            log.error("stable_token failed: errcode %s", errcode)
            raise WeChatError(errcode, errmsg, api="stable_token")
        expires_in = _int_or_none(result.get("expires_in")) or 7200
        log.info("access_token refreshed (force_refresh=%s, expires_in=%ss)", force, expires_in)
        return _Record(token=token, expires_at=self._clock() + expires_in)

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
        return session


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


__all__ = ["AccessTokenManager", "REFRESH_MARGIN", "FORCE_DAILY_CAP", "FORCE_SPACING"]
