"""A local stand-in for the WeChat server endpoints QingPin calls, with WeChat's response shapes and errcodes.

Run it with `SimulatorServer(WeChatSimulator()).start()`: a Flask app on 127.0.0.1 in a thread. Tests drive
its knobs (`fail_next`, `invalidate_tokens`, `expire_tokens`, `reject_current_token`, `latency`) and read its
counters (`calls`, `stable_token_requests`). It judges template data with its own rules, independent of
backend.wechat.subscribe, so tests that send through it check our formatter against a second opinion.
"""
from __future__ import annotations

import base64
import datetime as dt
import json
import os
import re
import secrets
import struct
import threading
import time
import zlib
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from typing import Callable

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from flask import Flask, Response, request
from werkzeug.serving import WSGIRequestHandler, make_server

# Default errmsgs, as WeChat words them (each real one ends with " rid: ...").
ERRMSGS = {
    -1: "system error",
    40001: "invalid credential, access_token is invalid or not latest",
    40002: "invalid grant_type",
    40003: "invalid openid",
    40013: "invalid appid",
    40029: "invalid code",
    40037: "invalid template_id",
    40097: "invalid args",
    40125: "invalid appsecret",
    40129: "invalid scene",
    40163: "code been used",
    40169: "invalid length for scene, or the data is not json string",
    40226: "high risk user, login blocked",
    41001: "access_token missing",
    41030: "invalid page",
    42001: "access_token expired",
    43002: "require POST method",
    43101: "user refuse to accept the msg",
    45009: "reach max api daily quota limit",
    45011: "api minute-quota reach limit  mustslower  retry next minute",
    47003: "argument invalid!",
    61010: "user visit record expired",
}

LOGIN_CODE_TTL = 300
SCENE_CHARS = re.compile(r"^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$")
RELEASED_PAGES = {
    "pages/index/index",
    "pages/invitation/index",
    "pages/booking/index",
    "pages/interview/index",
    "pages/applications/index",
}


@dataclass
class SimUser:
    openid: str
    unionid: str | None
    session_key: str
    last_visit: float


@dataclass
class SimToken:
    value: str
    expires_at: float


@dataclass
class WeChatSimulator:
    """The simulated WeChat account: its appid/secret, users, tokens, templates, credits and knobs."""

    appid: str = "wx5d3c1a2b3c4d5e6f"
    secret: str = field(default_factory=lambda: secrets.token_hex(16), repr=False)
    clock: Callable[[], float] = field(default=time.time, repr=False)

    def __post_init__(self) -> None:
        self._lock = threading.RLock()
        self.reset()

    def reset(self) -> None:
        with self._lock:
            self.clock = time.time
            self.calls: Counter = Counter()
            self.stable_token_requests: list[dict] = []
            self.tokens: dict[str, SimToken] = {}
            self.revoked: set[str] = set()
            self.current: SimToken | None = None
            self.issued_tokens: list[str] = []
            self.force_times: list[float] = []
            self.stuck_normal_mode = False
            self.token_lifetime = 7200
            self.login_codes: dict[str, tuple[str, float]] = {}
            self.used_codes: set[str] = set()
            self.users: dict[str, SimUser] = {}
            self.issued_session_keys: list[str] = []
            self.phone_codes: dict[str, str] = {}
            self.released_pages = set(RELEASED_PAGES)
            self.templates: dict[str, dict[str, str]] = {}
            self.credits: Counter = Counter()
            self.sent: list[dict] = []
            self.wxacodes: list[dict] = []  # the bodies of codes made (scene, page, ...)
            self.failures: dict[str, deque] = defaultdict(deque)
            self.latency: dict[str, float] = {}
            self.risky_words = {"赌博", "gamble"}
            self.review_words = {"兼职刷单", "side hustle"}

    # -- knobs -------------------------------------------------------------------------------

    def fail_next(self, endpoint: str, errcode: int, errmsg: str | None = None, times: int = 1) -> None:
        """Answer the next `times` calls to endpoint with this errcode (after token checks)."""
        with self._lock:
            for _ in range(times):
                self.failures[endpoint].append((errcode, errmsg))

    def invalidate_tokens(self) -> None:
        """Every issued token now gets 40001 (as after someone else's force refresh); the next is new."""
        with self._lock:
            self.revoked.update(self.tokens)
            self.current = None

    def expire_tokens(self) -> None:
        """Every issued token now gets 42001; normal mode then issues a new one."""
        with self._lock:
            now = self.clock()
            for token in self.tokens.values():
                token.expires_at = min(token.expires_at, now - 1)
            self.current = None

    def reject_current_token(self) -> None:
        """The current token gets 40001, yet normal-mode stable_token keeps handing it out (needs a force)."""
        with self._lock:
            if self.current:
                self.revoked.add(self.current.value)
            self.stuck_normal_mode = True

    def login(self, openid: str | None = None, unionid: str | None = None) -> str:
        """What wx.login does on the phone: a one-time code for this user."""
        with self._lock:
            openid = openid or "o" + secrets.token_urlsafe(20)
            code = secrets.token_hex(16)
            self.login_codes[code] = (openid, self.clock())
            if openid not in self.users:
                self.users[openid] = SimUser(openid, unionid, session_key="", last_visit=self.clock())
            elif unionid:
                self.users[openid].unionid = unionid
            return code

    def phone_code(self, phone: str = "13800138000") -> str:
        """What the getPhoneNumber button hands the client: a one-time code for a phone number."""
        with self._lock:
            code = secrets.token_hex(16)
            self.phone_codes[code] = phone
            return code

    def add_template(self, template_id: str, fields: dict[str, str]) -> None:
        with self._lock:
            self.templates[template_id] = dict(fields)

    def accept(self, openid: str, template_id: str, times: int = 1) -> None:
        """The candidate tapped "allow" in wx.requestSubscribeMessage: one more message of this template."""
        with self._lock:
            self.credits[(openid, template_id)] += times

    def session_key(self, openid: str) -> str:
        return self.users[openid].session_key

    def encrypt_open_data(
        self, openid: str, payload: dict, *, appid: str | None = None, timestamp: int | None = None
    ) -> tuple[str, str]:
        """(encryptedData, iv) as wx.getUserProfile/getPhoneNumber would hand them, under the user's session_key."""
        body = dict(payload)
        stamped_at = int(self.clock() if timestamp is None else timestamp)
        body["watermark"] = {"appid": appid or self.appid, "timestamp": stamped_at}
        return encrypt_open_data(self.session_key(openid), body)

    @property
    def force_refreshes(self) -> int:
        return sum(1 for r in self.stable_token_requests if r["force_refresh"])

    @property
    def normal_refreshes(self) -> int:
        return sum(1 for r in self.stable_token_requests if not r["force_refresh"])

    # -- token model ---------------------------------------------------------------------------

    def _issue_token(self) -> SimToken:
        token = SimToken(
            value=f"{len(self.issued_tokens) + 90}_{secrets.token_urlsafe(96)}",
            expires_at=self.clock() + self.token_lifetime,
        )
        self.tokens[token.value] = token
        self.issued_tokens.append(token.value)
        self.current = token
        return token

    def _stable_token(self, force: bool) -> dict:
        now = self.clock()
        if force:
            today = [t for t in self.force_times if _beijing_day(t) == _beijing_day(now)]
            if len(today) >= 20:
                return _error(45009)
            if self.force_times and now - self.force_times[-1] < 30 and self.current:
                # WeChat: forced calls closer than 30 s apart do not refresh.
                return {"access_token": self.current.value, "expires_in": int(self.current.expires_at - now)}
            self.force_times.append(now)
            self.revoked.update(self.tokens)
            token = self._issue_token()
            return {"access_token": token.value, "expires_in": self.token_lifetime}
        current = self.current
        still_good = current and current.expires_at - now > 300 and current.value not in self.revoked
        if current and (self.stuck_normal_mode or still_good):
            return {"access_token": current.value, "expires_in": int(current.expires_at - now)}
        # In its last 5 minutes the old token stays valid beside the new one.
        token = self._issue_token()
        return {"access_token": token.value, "expires_in": self.token_lifetime}

    def _token_error(self, value: str | None) -> dict | None:
        if not value:
            return _error(41001)
        token = self.tokens.get(value)
        if token is None or value in self.revoked:
            return _error(40001)
        if token.expires_at <= self.clock():
            return _error(42001)
        return None

    def _injected(self, endpoint: str) -> dict | None:
        queue = self.failures.get(endpoint)
        if queue:
            errcode, errmsg = queue.popleft()
            return _error(errcode, errmsg)
        return None


def create_app(sim: WeChatSimulator) -> Flask:
    """The Flask app serving the simulated endpoints."""
    app = Flask("wechat-simulator")

    def begin(endpoint: str) -> None:
        delay = sim.latency.get(endpoint)
        if delay:
            time.sleep(delay)
        with sim._lock:
            sim.calls[endpoint] += 1

    def body() -> dict | None:
        try:
            data = json.loads(request.get_data() or b"null")
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def checked(endpoint: str) -> dict | None:
        """Token check first, then any injected failure: WeChat validates the token before the payload."""
        return sim._token_error(request.args.get("access_token")) or sim._injected(endpoint)

    @app.route("/sns/jscode2session", methods=["GET", "POST"])
    def jscode2session():
        begin("jscode2session")
        args = request.args
        with sim._lock:
            if args.get("appid") != sim.appid:
                return _text(_error(40013))
            if args.get("secret") != sim.secret:
                return _text(_error(40125))
            if args.get("grant_type") != "authorization_code":
                return _text(_error(40002))
            injected = sim._injected("jscode2session")
            if injected:
                return _text(injected)
            code = args.get("js_code", "")
            if code in sim.used_codes:
                return _text(_error(40163))
            issued = sim.login_codes.pop(code, None)
            if issued is None or sim.clock() - issued[1] > LOGIN_CODE_TTL:
                return _text(_error(40029))
            sim.used_codes.add(code)
            user = sim.users[issued[0]]
            # Every login hands out a new session_key; open data sealed with the old one no longer decrypts.
            user.session_key = base64.b64encode(os.urandom(16)).decode()
            user.last_visit = sim.clock()
            sim.issued_session_keys.append(user.session_key)
            answer = {"session_key": user.session_key, "openid": user.openid}
            if user.unionid:
                answer["unionid"] = user.unionid
            return _text(answer)

    @app.route("/cgi-bin/stable_token", methods=["GET", "POST"])
    def stable_token():
        begin("stable_token")
        if request.method != "POST":
            return _json(_error(43002))
        data = body()
        if data is None:
            return _json(_error(47001, "data format error"))
        force = data.get("force_refresh") is True
        with sim._lock:
            sim.stable_token_requests.append({"force_refresh": force, "at": sim.clock()})
            if data.get("grant_type") != "client_credential":
                return _json(_error(40002))
            if data.get("appid") != sim.appid:
                return _json(_error(40013))
            if data.get("secret") != sim.secret:
                return _json(_error(40125))
            injected = sim._injected("stable_token")
            if injected:
                return _json(injected)
            return _json(sim._stable_token(force))

    @app.post("/wxa/business/getuserphonenumber")
    def getuserphonenumber():
        begin("getuserphonenumber")
        with sim._lock:
            error = checked("getuserphonenumber")
            if error:
                return _json(error)
            data = body() or {}
            phone = sim.phone_codes.pop(str(data.get("code", "")), None)
            if phone is None:
                return _json(_error(40029))
            pure = phone[-11:]
            return _json({
                "errcode": 0,
                "errmsg": "ok",
                "phone_info": {
                    "phoneNumber": phone,
                    "purePhoneNumber": pure,
                    "countryCode": "86",
                    "watermark": {"timestamp": int(sim.clock()), "appid": sim.appid},
                },
            })

    @app.post("/wxa/getwxacodeunlimit")
    def getwxacodeunlimit():
        begin("getwxacodeunlimit")
        with sim._lock:
            error = checked("getwxacodeunlimit")
            if error:
                return _json(error)
            data = body()
            if data is None:
                return _json(_error(40169))
            scene = data.get("scene")
            if not isinstance(scene, str) or not 1 <= len(scene) <= 32:
                return _json(_error(40169))
            if not SCENE_CHARS.match(scene):
                return _json(_error(40129))
            if data.get("env_version", "release") not in ("release", "trial", "develop"):
                return _json(_error(40097))
            page = data.get("page") or "pages/index/index"
            if data.get("check_path", True) and page not in sim.released_pages:
                return _json(_error(41030))
            width = data.get("width", 430)
            size = max(21, min(int(width) // 20, 64))
            sim.wxacodes.append(data)
        return Response(qr_like_png(scene, size), content_type="image/png")

    @app.post("/cgi-bin/message/subscribe/send")
    def subscribe_send():
        begin("subscribe_send")
        with sim._lock:
            error = checked("subscribe_send")
            if error:
                return _json(error)
            data = body() or {}
            if data.get("touser") not in sim.users:
                return _json(_error(40003))
            template = sim.templates.get(data.get("template_id"))
            if template is None:
                return _json(_error(40037))
            page = str(data.get("page") or "")
            if page and page.split("?", 1)[0] not in sim.released_pages:
                return _json(_error(41030, "invalid weapp pagepath"))
            if data.get("miniprogram_state", "formal") not in ("developer", "trial", "formal"):
                return _json(_error(40097))
            fields = data.get("data")
            if not isinstance(fields, dict):
                return _json(_error(47001, "data format error"))
            for key, field_type in template.items():
                entry = fields.get(key)
                value = entry.get("value") if isinstance(entry, dict) else None
                if value is None or value == "":
                    return _json(_error(47003, f"argument invalid! data.{key}.value is empty"))
                problem = wechat_field_problem(field_type, value)
                if problem:
                    return _json(_error(47003, f"argument invalid! data.{key}.value {problem}"))
            credit_key = (data["touser"], data["template_id"])
            if sim.credits[credit_key] <= 0:
                return _json(_error(43101))
            sim.credits[credit_key] -= 1
            msgid = 2_000_000_000 + len(sim.sent)
            sim.sent.append({**data, "msgid": msgid})
            return _json({"errcode": 0, "errmsg": "ok", "msgid": msgid})

    @app.post("/wxa/msg_sec_check")
    def msg_sec_check():
        begin("msg_sec_check")
        with sim._lock:
            error = checked("msg_sec_check")
            if error:
                return _json(error)
            data = body() or {}
            if data.get("version") != 2 or data.get("scene") not in (1, 2, 3, 4):
                return _json(_error(40097))
            user = sim.users.get(data.get("openid"))
            if user is None:
                return _json(_error(40003))
            if sim.clock() - user.last_visit > 7200:
                return _json(_error(61010))
            content = str(data.get("content", ""))
            if any(word in content for word in sim.risky_words):
                suggest, label = "risky", 20006
            elif any(word in content for word in sim.review_words):
                suggest, label = "review", 21000
            else:
                suggest, label = "pass", 100
            return _json({
                "errcode": 0,
                "errmsg": "ok",
                "result": {"suggest": suggest, "label": label},
                "detail": [
                    {"strategy": "content_model", "errcode": 0, "suggest": suggest, "label": label, "prob": 90},
                ],
                "trace_id": secrets.token_hex(12),
            })

    return app


class _QuietHandler(WSGIRequestHandler):
    """Like WeChat's server, the simulator does not write request lines (with their tokens) into our logs."""

    def log_request(self, *args, **kwargs) -> None:
        pass

    def log(self, *args, **kwargs) -> None:
        pass


class SimulatorServer:
    """Serves a WeChatSimulator on 127.0.0.1 at a free port, in a daemon thread."""

    def __init__(self, sim: WeChatSimulator) -> None:
        self.sim = sim
        self._server = make_server("127.0.0.1", 0, create_app(sim), threaded=True, request_handler=_QuietHandler)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="wechat-simulator", daemon=True)

    def start(self) -> "SimulatorServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


# -- WeChat's own field rules, written independently of backend.wechat.subscribe ------------------

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HM = r"([01]?\d|2[0-3]):[0-5]\d"
_YMD = r"(\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2})"
_TIME_POINT = rf"({_YMD} )?{_HM}"
_DATE_POINT = rf"{_YMD}( {_HM})?"


def wechat_field_problem(field_type: str, value) -> str | None:
    """Why WeChat would refuse this value for this field type (None: accepted)."""
    if not isinstance(value, str):
        return "is not a string"
    if field_type == "thing":
        ok = 0 < len(value) <= 20 and "\n" not in value
    elif field_type == "name":
        limit = 10 if _CJK.search(value) else 20
        ok = 0 < len(value) <= limit and not any(c.isdigit() for c in value)
    elif field_type == "phrase":
        ok = 0 < len(value) <= 5 and all(_CJK.fullmatch(c) for c in value)
    elif field_type == "character_string":
        ok = 0 < len(value) <= 32 and all(33 <= ord(c) <= 126 for c in value)
    elif field_type == "number":
        ok = len(value) <= 32 and re.fullmatch(r"\d+(\.\d+)?", value) is not None
    elif field_type == "letter":
        ok = len(value) <= 32 and re.fullmatch(r"[A-Za-z]+", value) is not None
    elif field_type == "time":
        ok = re.fullmatch(rf"{_TIME_POINT}(~{_TIME_POINT})?", value) is not None
    elif field_type == "date":
        ok = re.fullmatch(rf"{_DATE_POINT}(~{_DATE_POINT})?", value) is not None
    else:
        return f"has unknown type {field_type}"
    if ok and any(ord(c) > 0xFFFF for c in value):
        ok = False
    return None if ok else "exceeds limit"


# -- helpers -------------------------------------------------------------------------------------


def _error(errcode: int, errmsg: str | None = None) -> dict:
    message = errmsg or ERRMSGS.get(errcode, "unknown error")
    return {"errcode": errcode, "errmsg": f"{message} rid: {secrets.token_hex(4)}-{secrets.token_hex(4)}"}


def _json(payload: dict) -> Response:
    return Response(json.dumps(payload, ensure_ascii=False), content_type="application/json; encoding=utf-8")


def _text(payload: dict) -> Response:
    # jscode2session answers JSON labelled text/plain.
    return Response(json.dumps(payload, ensure_ascii=False), content_type="text/plain")


def _beijing_day(timestamp: float) -> dt.date:
    return dt.datetime.fromtimestamp(timestamp, dt.timezone(dt.timedelta(hours=8))).date()


def encrypt_open_data(session_key: str, payload: dict) -> tuple[str, str]:
    """AES-128-CBC + PKCS#7 under a base64 session_key, as WeChat seals open data: (encryptedData, iv)."""
    key = base64.b64decode(session_key)
    iv = os.urandom(16)
    padder = padding.PKCS7(128).padder()
    padded = padder.update(json.dumps(payload, ensure_ascii=False).encode("utf-8")) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    sealed = encryptor.update(padded) + encryptor.finalize()
    return base64.b64encode(sealed).decode(), base64.b64encode(iv).decode()


def qr_like_png(seed: str, size: int = 21) -> bytes:
    """A real, small grayscale PNG: a QR-looking pattern derived from `seed`, with finder squares."""
    digest = b""
    counter = 0
    while len(digest) * 8 < size * size:
        digest += zlib.crc32(f"{seed}:{counter}".encode()).to_bytes(4, "big")
        counter += 1
    bits = "".join(f"{byte:08b}" for byte in digest)

    def dark(x: int, y: int) -> bool:
        for fx, fy in ((0, 0), (size - 7, 0), (0, size - 7)):
            if fx <= x < fx + 7 and fy <= y < fy + 7:
                dx, dy = x - fx, y - fy
                return dx in (0, 6) or dy in (0, 6) or (2 <= dx <= 4 and 2 <= dy <= 4)
        return bits[y * size + x] == "1"

    scale, border = 4, 4
    side = (size + 2 * border) * scale
    rows = []
    for py in range(side):
        y = py // scale - border
        row = bytearray([0])  # filter type: none
        for px in range(side):
            x = px // scale - border
            inside = 0 <= x < size and 0 <= y < size
            row.append(0 if inside and dark(x, y) else 255)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    image = chunk(b"IDAT", zlib.compress(b"".join(rows)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + image + chunk(b"IEND", b"")
