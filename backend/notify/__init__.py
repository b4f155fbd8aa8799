"""Notification channels and texts, and where their configuration comes from.

Configuration (app.config first, else the environment variable of the same name, as JSON):

* ``QINGPIN_WECHAT_TEMPLATES``: subscribe template ids per template name, e.g.
  ``{"invitation": "AbC...", "reminder": "XyZ..."}`` (names from ``TEMPLATES``); a template without an id
  is not sent over WeChat. AppID, secret and API base come from the settings (WECHAT_APPID, ...).
* ``QINGPIN_WECHAT_MINIPROGRAM_STATE``: ``formal`` (default), ``trial`` or ``developer``.
* ``QINGPIN_SMTP``: ``{"host": "smtp.example.com", "port": 587, "sender": "轻聘 <noreply@example.com>",
  "username": "...", "password": "...", "starttls": true, "ssl": false, "timeout": 10}``; only host and
  sender are required. Without it, e-mail is not part of any channel plan.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any, Mapping

from flask import Flask

from ..wechat.subscribe import TemplateSpec, build_templates


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    sender: str
    port: int = 25
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    starttls: bool = False
    ssl: bool = False
    timeout: float = 10

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "SmtpConfig":
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        if not known.get("host") or not known.get("sender"):
            raise ValueError("QINGPIN_SMTP needs at least host and sender")
        return cls(**known)


@dataclass(frozen=True)
class NotifyConfig:
    wechat_templates: Mapping[str, TemplateSpec]
    miniprogram_state: str
    smtp: SmtpConfig | None


def _setting(app: Flask, name: str) -> Any:
    if name in app.config:
        return app.config[name]
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw  # a plain string (QINGPIN_WECHAT_MINIPROGRAM_STATE=trial)


def notify_config(app: Flask) -> NotifyConfig:
    """The notification configuration of this app (cheap; read at every use so tests and reloads see changes)."""
    templates = _setting(app, "QINGPIN_WECHAT_TEMPLATES") or {}
    smtp = _setting(app, "QINGPIN_SMTP")
    return NotifyConfig(
        wechat_templates=build_templates(templates),
        miniprogram_state=_setting(app, "QINGPIN_WECHAT_MINIPROGRAM_STATE") or "formal",
        smtp=SmtpConfig.from_mapping(smtp) if smtp else None,
    )


def wechat_enabled(app: Flask) -> bool:
    settings = app.config["QINGPIN_SETTINGS"]
    return bool(settings.wechat_appid and settings.wechat_secret)
