"""The AppSecret, session_keys and access tokens never reach a log record or an exception's text."""
from __future__ import annotations

import logging
import socket
import traceback

import pytest

from backend.wechat import WeChatConfig, WeChatError
from backend.wechat.client import WeChatGateway
from backend.wechat.crypto import decrypt_open_data
from backend.wechat.subscribe import build_templates, format_message
from backend.wechat.tokens import AccessTokenManager


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_secrets_never_appear_in_logs_or_exceptions(caplog, sim, sim_server, config, redis_conn, clock):
    caplog.set_level(logging.DEBUG)
    # The app factory quiets urllib3; here it must speak, since its request lines carry our query strings.
    caplog.set_level(logging.DEBUG, logger="urllib3")
    caplog.set_level(logging.DEBUG, logger="urllib3.connectionpool")
    texts: list[str] = []

    def attempt(call) -> None:
        try:
            result = call()
        except Exception as exc:  # noqa: BLE001 - every failure's text is inspected
            texts.extend([str(exc), repr(exc), "".join(traceback.format_exception(exc))])
            texts.extend(str(value) for value in vars(exc).values())
        else:
            texts.append(repr(result))

    gateway = WeChatGateway(config, redis_conn, clock=clock)
    templates = build_templates({"reminder": "tmpl-reminder"})
    spec = templates["reminder"]
    sim.add_template(spec.template_id, dict(spec.fields))
    values = {"thing1": "前端工程师", "time2": "2026-11-22 14:30", "thing3": "请准时参加"}

    # Login: success, reuse, busy, rate limit.
    code = sim.login("o-leak")
    info = gateway.code2session(code)
    texts.extend([repr(info), repr(config)])
    attempt(lambda: gateway.code2session(code))
    sim.fail_next("jscode2session", -1)
    attempt(lambda: gateway.code2session(sim.login("o-leak")))
    sim.fail_next("jscode2session", 45011)
    attempt(lambda: gateway.code2session(sim.login("o-leak")))
    info = gateway.code2session(sim.login("o-leak"))

    # Phone: success and a spent code.
    phone_code = sim.phone_code()
    attempt(lambda: gateway.get_phone_number(phone_code))
    attempt(lambda: gateway.get_phone_number(phone_code))

    # Tokens: first fetch, 40001 refresh, forced refresh, the daily-cap style refusal, expiry.
    attempt(lambda: gateway.msg_sec_check("o-leak", "你好", 2))
    sim.invalidate_tokens()
    attempt(lambda: gateway.msg_sec_check("o-leak", "你好", 2))
    sim.reject_current_token()
    attempt(lambda: gateway.msg_sec_check("o-leak", "你好", 2))
    sim.reject_current_token()
    attempt(lambda: gateway.msg_sec_check("o-leak", "你好", 2))  # force refused: 30 s spacing
    clock.advance(31)
    sim.expire_tokens()
    attempt(lambda: gateway.msg_sec_check("o-leak", "你好", 2))
    sim.fail_next("msg_sec_check", 40001, times=2)
    attempt(lambda: gateway.msg_sec_check("o-leak", "你好", 2))

    # Subscribe messages: sent, no credit, 47003, busy.
    sim.accept("o-leak", spec.template_id)
    attempt(lambda: gateway.send_subscribe_message("o-leak", spec.template_id, spec.page, format_message(spec, values)))
    attempt(lambda: gateway.send_subscribe_message("o-leak", spec.template_id, spec.page, format_message(spec, values)))
    sim.fail_next("subscribe_send", 47003, "argument invalid! data.thing1.value exceeds limit")
    attempt(lambda: gateway.send_subscribe_message("o-leak", spec.template_id, spec.page, format_message(spec, values)))

    # Invite codes: page not released.
    attempt(lambda: gateway.get_wxacode_unlimited("abc", "pages/missing/index"))

    # Open data: success, stale key, wrong appid.
    encrypted, iv = sim.encrypt_open_data("o-leak", {"nickName": "x"})
    attempt(lambda: decrypt_open_data(info.session_key, encrypted, iv, appid=sim.appid, now=clock()))
    attempt(lambda: decrypt_open_data(sim.issued_session_keys[0], encrypted, iv, appid=sim.appid, now=clock()))
    encrypted, iv = sim.encrypt_open_data("o-leak", {"nickName": "x"}, appid="wx-other")
    attempt(lambda: decrypt_open_data(info.session_key, encrypted, iv, appid=sim.appid, now=clock()))

    # Transport failure with a cached token: requests' own message would carry the URL and its token.
    unreachable = WeChatConfig(sim.appid, sim.secret, api_base=f"http://127.0.0.1:{_closed_port()}", timeout=1)
    offline = WeChatGateway(unreachable, redis_conn, clock=clock)
    attempt(lambda: offline.msg_sec_check("o-leak", "你好", 2))
    attempt(lambda: offline.code2session(sim.login("o-leak")))
    redis_conn.flushdb()
    attempt(lambda: AccessTokenManager(unreachable, redis_conn, clock=clock).get_token())

    # A wrong secret is a secret too.
    wrong_secret = "wrong-" + sim.secret[::-1]
    wrong = WeChatConfig(sim.appid, wrong_secret, api_base=sim_server.url, timeout=2)
    attempt(lambda: AccessTokenManager(wrong, redis_conn, clock=clock).get_token())
    attempt(lambda: WeChatGateway(wrong, redis_conn, clock=clock).code2session(sim.login("o-leak")))

    records = caplog.records
    log_texts = [record.getMessage() for record in records] + [record.exc_text or "" for record in records]
    log_texts.append(caplog.text)
    secrets = [sim.secret, wrong_secret, *sim.issued_tokens, *sim.issued_session_keys]

    # The flows really ran and really logged what could have leaked.
    assert len(sim.issued_tokens) >= 4 and len(sim.issued_session_keys) >= 2
    assert sim.force_refreshes >= 1
    assert any("access_token=***" in text for text in log_texts), "urllib3 request lines were not captured"
    assert any("secret=***" in text for text in log_texts)
    assert any("relogin_required" in text or "open data" in text for text in texts)

    haystack = "\n".join(texts + log_texts)
    for secret in secrets:
        assert secret not in haystack


@pytest.mark.parametrize(
    "text",
    [
        "GET /sns/jscode2session?appid=wx1&secret=S3CR3T&js_code=C0DE&grant_type=authorization_code",
        '{"access_token": "TOK3N", "expires_in": 7200}',
        "POST /wxa/msg_sec_check?access_token=TOK3N HTTP/1.1",
        "session_key=K3Y&x=1",
    ],
)
def test_redaction_masks_secret_parameters(text):
    from backend.wechat import redact

    cleaned = redact(text)
    for secret in ("S3CR3T", "C0DE", "TOK3N", "K3Y"):
        assert secret not in cleaned


def test_error_messages_from_wechat_are_scrubbed():
    error = WeChatError(40001, "invalid credential, url=/x?access_token=TOK3N&y=1", api="test")
    assert "TOK3N" not in str(error) and "TOK3N" not in error.errmsg
