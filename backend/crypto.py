"""Personal data at rest: Fernet (AES-128-CBC + HMAC-SHA256) with the key from settings, and masking for display."""
from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from flask import current_app

from .settings import Settings


def fernet_for(settings: Settings) -> Fernet:
    if settings.field_encryption_key:
        return Fernet(settings.field_encryption_key.encode())
    # Development and tests only (production refuses to start without FIELD_ENCRYPTION_KEY).
    derived = hashlib.sha256(b"qingpin-field-encryption:" + settings.secret_key.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(derived))


def _fernet() -> Fernet:
    fernet = current_app.extensions.get("qingpin.fernet")
    if fernet is None:
        fernet = current_app.extensions["qingpin.fernet"] = fernet_for(current_app.config["QINGPIN_SETTINGS"])
    return fernet


def encrypt(value: str) -> str:
    return _fernet().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:  # a changed key must fail loudly, never show garbage
        raise RuntimeError("encrypted value cannot be read with the configured FIELD_ENCRYPTION_KEY") from exc


def mask(value: str | None, *, keep_start: int = 3, keep_end: int = 4) -> str | None:
    """110101********1234 style: enough for HR to recognise a value, not to use it."""
    if not value:
        return value
    if len(value) <= keep_start + keep_end:
        return "*" * len(value)
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + value[-keep_end:]
