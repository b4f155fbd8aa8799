"""Notification channels and texts; their configuration is part of the typed Settings (backend/settings.py):
``wechat_templates`` (QINGPIN_WECHAT_TEMPLATES), ``wechat_miniprogram_state`` (QINGPIN_WECHAT_MINIPROGRAM_STATE) and
``smtp`` (QINGPIN_SMTP), validated once when the settings are read. AppID, secret and API base are the WeChat
settings (WECHAT_APPID, ...).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from flask import Flask

from ..settings import SmtpSettings
from ..wechat.subscribe import TemplateSpec, build_templates


@dataclass(frozen=True)
class NotifyConfig:
    wechat_templates: Mapping[str, TemplateSpec]
    miniprogram_state: str
    smtp: SmtpSettings | None


def notify_config(app: Flask) -> NotifyConfig:
    """The notification configuration of this app, from its settings (read at each use: tests change them)."""
    settings = app.config["QINGPIN_SETTINGS"]
    return NotifyConfig(wechat_templates=build_templates(settings.wechat_templates),
                        miniprogram_state=settings.wechat_miniprogram_state, smtp=settings.smtp)


def wechat_enabled(app: Flask) -> bool:
    settings = app.config["QINGPIN_SETTINGS"]
    return bool(settings.wechat_appid and settings.wechat_secret)
