"""The app's WeChat gateway, built once in `create_app` (its access_token lives in Redis, shared by every process).

`init_app` binds `app.extensions["qingpin.wechat"]`: a WeChatGateway when the settings name an AppID and secret,
else None (WeChat is not configured: no login, no subscribe messages, no QR codes). Building it connects to nothing.
"""
from __future__ import annotations

from typing import Any

from . import WeChatConfig

EXTENSION = "qingpin.wechat"


def init_app(app: Any) -> None:
    settings = app.config["QINGPIN_SETTINGS"]
    gateway = None
    if settings.wechat_appid and settings.wechat_secret:
        from .client import WeChatGateway

        config = WeChatConfig(appid=settings.wechat_appid, secret=settings.wechat_secret, api_base=settings.wechat_api_base)
        gateway = WeChatGateway(config, app.extensions["qingpin.redis"])
    app.extensions[EXTENSION] = gateway


def gateway_of(app: Any):
    """The app's WeChatGateway, or None when WeChat is not configured."""
    return app.extensions.get(EXTENSION)
