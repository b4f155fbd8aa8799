"""WeChatGateway: QingPin's only caller of WeChat's server API (login, phone, invite codes, messages, text checks).

wechatpy 1.8's WeChatClient is not used for the calls: it fetches tokens with the non-stable /cgi-bin/token,
retries on its own, lacks check_path/env_version/miniprogram_state/msgSecCheck v2, and keeps request
objects (URLs with the access_token) on its exceptions.
"""
from __future__ import annotations

import json
import logging
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable

import requests

from backend.wechat import (
    TOKEN_REJECTED,
    InvalidLoginCode,
    LoginBlocked,
    LoginCodeUsed,
    RateLimited,
    RelogRequired,
    WeChatBusy,
    WeChatConfig,
    WeChatError,
    install_log_redaction,
    scrub,
)
from backend.wechat.crypto import check_watermark
from backend.wechat.subscribe import SubscribeSendError
from backend.wechat.tokens import AccessTokenManager

log = logging.getLogger(__name__)

# wxacode.getUnlimited: at most 32 visible characters from this set (no %, so no URL-encoded Chinese).
SCENE_PATTERN = re.compile(r"^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$")
WXACODE_ENV_VERSIONS = frozenset({"release", "trial", "develop"})
WXACODE_WIDTH = (280, 1280)
MINIPROGRAM_STATES = frozenset({"developer", "trial", "formal"})
MESSAGE_LANGS = frozenset({"zh_CN", "en_US", "zh_HK", "zh_TW"})
# msgSecCheck v2 scenes: 1 资料 (profile), 2 评论 (comment), 3 论坛 (forum), 4 社交日志 (social log).
SEC_CHECK_SCENES = frozenset({1, 2, 3, 4})
SEC_CHECK_MAX_CHARS = 2500
_VERDICT_RANK = {"pass": 0, "review": 1, "risky": 2}
_COMMON_ERRORS: dict[int, type[WeChatError]] = {-1: WeChatBusy, 45011: RateLimited}
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_JPEG_MAGIC = b"\xff\xd8\xff"


@dataclass(frozen=True)
class SessionInfo:
    """code2Session's answer; session_key stays on the server (excluded from repr)."""

    openid: str
    session_key: str = field(repr=False)
    unionid: str | None = None


class WeChatGateway:
    """WeChat's server API for one mini-program, with the shared access_token from Redis."""

    def __init__(
        self,
        config: WeChatConfig,
        redis,
        *,
        tokens: AccessTokenManager | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._config = config
        self._clock = clock
        self.tokens = tokens or AccessTokenManager(config, redis, clock=clock)
        self._local = threading.local()
        install_log_redaction()

    # -- login -------------------------------------------------------------------------------

    def code2session(self, code: str) -> SessionInfo:
        """Exchange a wx.login code (one use, ~5 min) for openid, unionid and session_key."""
        if not isinstance(code, str) or not code or len(code) > 128 or not code.isprintable():
            raise InvalidLoginCode(None, "login code is missing or malformed", api="code2session")
        params = {
            "appid": self._config.appid,
            "secret": self._config.secret,
            "js_code": code,
            "grant_type": "authorization_code",
        }
        # WeChat answers this one as text/plain; the body is JSON all the same.
        result = self._json(self._send("GET", "/sns/jscode2session", api="code2session", params=params), "code2session")
        self._raise_for(
            result,
            "code2session",
            {40029: InvalidLoginCode, 40163: LoginCodeUsed, 40226: LoginBlocked},
        )
        openid, session_key = result.get("openid"), result.get("session_key")
        if not isinstance(openid, str) or not openid or not isinstance(session_key, str) or not session_key:
            raise WeChatError(None, "response lacks openid or session_key", api="code2session")
        unionid = result.get("unionid") or None
        return SessionInfo(openid=openid, session_key=session_key, unionid=unionid)

    def get_phone_number(self, code: str) -> str:
        """The phone number behind a getPhoneNumber button code (getuserphonenumber, code-based)."""
        api = "getuserphonenumber"
        if not isinstance(code, str) or not code or len(code) > 256:
            raise RelogRequired(None, "phone code is missing or malformed", api=api)
        result = self._call_with_token("POST", "/wxa/business/getuserphonenumber", api=api, body={"code": code})
        self._raise_for(result, api, {40029: RelogRequired, 40163: RelogRequired})
        info = result.get("phone_info")
        if not isinstance(info, dict) or not info.get("phoneNumber"):
            raise WeChatError(None, "response lacks phone_info", api=api)
        check_watermark(info.get("watermark"), appid=self._config.appid, now=self._clock())
        return str(info["phoneNumber"])

    # -- invite codes ------------------------------------------------------------------------

    def get_wxacode_unlimited(
        self,
        scene: str,
        page: str,
        width: int = 430,
        check_path: bool = True,
        env_version: str = "release",
    ) -> bytes:
        """A mini-program code image (PNG) opening `page` with `scene`; cache it, WeChat's quota is per day."""
        if not isinstance(scene, str) or not SCENE_PATTERN.match(scene):
            raise ValueError("scene must be 1 to 32 characters from [0-9A-Za-z!#$&'()*+,/:;=?@-._~]")
        if not page or page.startswith("/") or "?" in page:
            raise ValueError("page must be an app page path like pages/x/index, without leading / or query")
        if env_version not in WXACODE_ENV_VERSIONS:
            raise ValueError(f"env_version must be one of {sorted(WXACODE_ENV_VERSIONS)}")
        if not WXACODE_WIDTH[0] <= width <= WXACODE_WIDTH[1]:
            raise ValueError(f"width must be within {WXACODE_WIDTH}")
        body = {"scene": scene, "page": page, "width": width, "check_path": check_path, "env_version": env_version}
        result = self._call_with_token("POST", "/wxa/getwxacodeunlimit", api="getwxacodeunlimit", body=body, image=True)
        if isinstance(result, dict):
            self._raise_for(result, "getwxacodeunlimit", {})
            raise WeChatError(None, "expected an image, got JSON", api="getwxacodeunlimit")
        if not result.startswith((_PNG_MAGIC, _JPEG_MAGIC)):
            raise WeChatError(None, "response is not an image", api="getwxacodeunlimit")
        return result

    # -- messages ----------------------------------------------------------------------------

    def send_subscribe_message(
        self,
        openid: str,
        template_id: str,
        page: str,
        data: dict,
        miniprogram_state: str = "formal",
        lang: str = "zh_CN",
    ) -> int | None:
        """Send one subscribe message (spends the candidate's credit); SubscribeSendError says what to do."""
        if miniprogram_state not in MINIPROGRAM_STATES:
            raise ValueError(f"miniprogram_state must be one of {sorted(MINIPROGRAM_STATES)}")
        if lang not in MESSAGE_LANGS:
            raise ValueError(f"lang must be one of {sorted(MESSAGE_LANGS)}")
        if not all(isinstance(v, dict) and "value" in v for v in data.values()):
            raise ValueError('data must map each key to {"value": ...}; build it with format_message')
        body = {
            "touser": openid,
            "template_id": template_id,
            "page": page,
            "data": data,
            "miniprogram_state": miniprogram_state,
            "lang": lang,
        }
        api = "subscribe_send"
        try:
            result = self._call_with_token("POST", "/cgi-bin/message/subscribe/send", api=api, body=body)
        except WeChatError as exc:  # no answer, or no token: classified like any send failure
            raise SubscribeSendError(exc.errcode, exc.errmsg, api=api) from exc
        errcode = _errcode(result)
        if errcode:
            log.warning("%s failed: errcode %s", api, errcode)
            raise SubscribeSendError(errcode, self._scrub(str(result.get("errmsg", ""))), api=api)
        msgid = result.get("msgid")
        return int(msgid) if isinstance(msgid, (int, str)) and str(msgid).isdigit() else None

    # -- content security --------------------------------------------------------------------

    def msg_sec_check(self, openid: str, content: str, scene: int) -> str:
        """msgSecCheck v2 verdict for text others will read: "pass", "review" or "risky" (the worst part wins)."""
        if scene not in SEC_CHECK_SCENES:
            raise ValueError(f"scene must be one of {sorted(SEC_CHECK_SCENES)}")
        text = content or ""
        if not text.strip():
            return "pass"
        chunks = [text[i : i + SEC_CHECK_MAX_CHARS] for i in range(0, len(text), SEC_CHECK_MAX_CHARS)]
        verdict = "pass"
        for chunk in chunks:
            body = {"content": chunk, "version": 2, "scene": scene, "openid": openid}
            result = self._call_with_token("POST", "/wxa/msg_sec_check", api="msg_sec_check", body=body)
            self._raise_for(result, "msg_sec_check", {})
            suggest = (result.get("result") or {}).get("suggest")
            if suggest not in _VERDICT_RANK:
                raise WeChatError(None, "response lacks result.suggest", api="msg_sec_check")
            if _VERDICT_RANK[suggest] > _VERDICT_RANK[verdict]:
                verdict = suggest
            if verdict == "risky":
                break
        return verdict

    # -- plumbing ----------------------------------------------------------------------------

    def _call_with_token(self, method: str, path: str, *, api: str, body: dict, image: bool = False):
        """Call with the shared access_token; on 40001/42001 replace the token and retry exactly once."""
        token = self.tokens.get_token()
        result = self._token_call(method, path, api=api, body=body, token=token, image=image)
        errcode = _errcode(result)
        if errcode in TOKEN_REJECTED:
            log.info("%s: access_token rejected (errcode %s); refreshing and retrying once", api, errcode)
            token = self.tokens.invalidate(token)
            result = self._token_call(method, path, api=api, body=body, token=token, image=image)
        return result

    def _token_call(self, method, path, *, api, body, token, image):
        response = self._send(method, path, api=api, params={"access_token": token}, body=body)
        if image and not _looks_like_json(response):
            return response.content
        return self._json(response, api)

    def _send(self, method: str, path: str, *, api: str, params: dict, body: dict | None = None) -> requests.Response:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8") if body is not None else None
        headers = {"Content-Type": "application/json; charset=utf-8"} if data is not None else None
        failure = None
        try:
            response = self._session().request(
                method,
                f"{self._config.api_base}{path}",
                params=params,
                data=data,
                headers=headers,
                timeout=self._config.timeout,
            )
        except requests.RequestException as exc:
            failure = type(exc).__name__
        # Raised outside the except block: a transport exception's text carries the URL, token included.
        if failure is not None:
            log.warning("%s: transport failure (%s)", api, failure)
            raise WeChatError(None, f"transport failure ({failure})", api=api)
        if response.status_code != 200:
            log.warning("%s: HTTP %s", api, response.status_code)
            raise WeChatError(None, f"HTTP {response.status_code}", api=api)
        return response

    def _json(self, response: requests.Response, api: str) -> dict:
        try:
            result = json.loads(response.content.decode("utf-8"))
        except ValueError:
            result = None
        if not isinstance(result, dict):
            raise WeChatError(None, "response is not a JSON object", api=api)
        return result

    def _raise_for(self, result: dict, api: str, errors: dict[int, type[WeChatError]]) -> None:
        errcode = _errcode(result)
        if not errcode:
            return
        error_class = errors.get(errcode) or _COMMON_ERRORS.get(errcode, WeChatError)
        log.warning("%s failed: errcode %s", api, errcode)
        raise error_class(errcode, self._scrub(str(result.get("errmsg", ""))), api=api)

    def _scrub(self, text: str) -> str:
        return scrub(text, self._config.secret)

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
        return session


def _errcode(result: Any) -> int:
    if not isinstance(result, dict):
        return 0
    try:
        return int(result.get("errcode") or 0)
    except (TypeError, ValueError):
        return -1


def _looks_like_json(response: requests.Response) -> bool:
    content_type = response.headers.get("Content-Type", "")
    return "json" in content_type or response.content[:1] == b"{"


__all__ = ["WeChatGateway", "SessionInfo", "SCENE_PATTERN"]
