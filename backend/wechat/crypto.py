"""Open-data decryption with watermark checks, and constant-time signature checks; failures are RelogRequired."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import time

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from backend.wechat import RelogRequired

log = logging.getLogger(__name__)

# How old a watermark may be: open data is decrypted right after the tap that produced it.
WATERMARK_MAX_AGE = 24 * 3600
# Tolerated clock difference for timestamps from the future, and for push signatures.
CLOCK_SKEW = 300


def decrypt_open_data(
    session_key: str,
    encrypted_data: str,
    iv: str,
    *,
    appid: str,
    now: float | None = None,
    max_age: int = WATERMARK_MAX_AGE,
) -> dict:
    """Decrypt wx open data (AES-128-CBC, PKCS#7) and check its watermark; RelogRequired on any failure."""
    payload = _decrypt(session_key, encrypted_data, iv)
    if payload is None:
        # Usually a session_key rotated by a later wx.login: the client must log in, then retry the tap.
        log.info("open data could not be decrypted with the current session_key")
        raise RelogRequired(None, "open data could not be decrypted; log in again", api="open_data")
    check_watermark(payload.get("watermark"), appid=appid, now=now, max_age=max_age)
    return payload


def check_watermark(watermark, *, appid: str, now: float | None = None, max_age: int = WATERMARK_MAX_AGE) -> None:
    """The watermark names our appid and a timestamp no older than max_age (nor from the future)."""
    now = time.time() if now is None else now
    if not isinstance(watermark, dict):
        raise RelogRequired(None, "open data carries no watermark", api="open_data")
    stamped_appid = watermark.get("appid")
    if not isinstance(stamped_appid, str) or not hmac.compare_digest(
        stamped_appid.encode("utf-8"), appid.encode("utf-8")
    ):
        log.warning("open data watermark names another appid")
        raise RelogRequired(None, "open data was issued for another app", api="open_data")
    try:
        stamped_at = int(watermark.get("timestamp"))
    except (TypeError, ValueError):
        stamped_at = None
    if stamped_at is None or now - stamped_at > max_age or stamped_at - now > CLOCK_SKEW:
        raise RelogRequired(None, "open data watermark is stale", api="open_data")


def check_raw_data_signature(raw_data: str, signature: str, session_key: str) -> None:
    """wx.getUserInfo's signature is sha1(rawData + session_key); compared in constant time."""
    expected = hashlib.sha1(f"{raw_data}{session_key}".encode("utf-8")).hexdigest()
    if not hmac.compare_digest(expected.encode("ascii"), str(signature or "").encode("utf-8")):
        raise RelogRequired(None, "open data signature does not match", api="open_data")


def verify_push_signature(
    token: str,
    signature: str,
    timestamp: str | int,
    nonce: str,
    now: float | None = None,
    *,
    encrypt: str | None = None,
    max_skew: int = CLOCK_SKEW,
) -> bool:
    """Message-push signature: sha1 of the sorted token, timestamp, nonce (and Encrypt for msg_signature)."""
    try:
        stamped_at = int(timestamp)
    except (TypeError, ValueError):
        return False
    now = time.time() if now is None else now
    if abs(now - stamped_at) > max_skew:
        return False
    parts = [str(token), str(timestamp), str(nonce)]
    if encrypt is not None:
        parts.append(str(encrypt))
    expected = hashlib.sha1("".join(sorted(parts)).encode("utf-8")).hexdigest()
    return hmac.compare_digest(expected.encode("ascii"), str(signature or "").encode("utf-8"))


def _decrypt(session_key: str, encrypted_data: str, iv: str) -> dict | None:
    if not all(isinstance(part, str) and part for part in (session_key, encrypted_data, iv)):
        return None
    try:
        key = base64.b64decode(session_key, validate=True)
        iv_bytes = base64.b64decode(iv, validate=True)
        data = base64.b64decode(encrypted_data, validate=True)
        if len(key) != 16 or len(iv_bytes) != 16 or not data or len(data) % 16:
            return None
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv_bytes)).decryptor()
        padded = decryptor.update(data) + decryptor.finalize()
        # Strict PKCS#7: wechatpy's decoder silently accepts a bad pad and returns garbage instead.
        unpadder = padding.PKCS7(128).unpadder()
        plain = unpadder.update(padded) + unpadder.finalize()
        payload = json.loads(plain.decode("utf-8"))
    except (ValueError, TypeError):  # binascii, padding, UTF-8 and JSON errors are all ValueErrors
        return None
    return payload if isinstance(payload, dict) else None


__all__ = [
    "decrypt_open_data",
    "check_watermark",
    "check_raw_data_signature",
    "verify_push_signature",
    "WATERMARK_MAX_AGE",
    "CLOCK_SKEW",
]
