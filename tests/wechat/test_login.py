"""code2Session and the code-based phone number API, against the simulator."""
from __future__ import annotations

import pytest

from backend.wechat import (
    InvalidLoginCode,
    LoginBlocked,
    LoginCodeUsed,
    RateLimited,
    RelogRequired,
    WeChatBusy,
    WeChatConfig,
    WeChatError,
)
from backend.wechat.client import WeChatGateway


def test_code2session_returns_openid_unionid_and_session_key(gateway, sim):
    code = sim.login("o-alice", unionid="u-alice")

    info = gateway.code2session(code)

    assert info.openid == "o-alice"
    assert info.unionid == "u-alice"
    assert info.session_key == sim.session_key("o-alice")
    assert info.session_key not in repr(info)


def test_code2session_without_unionid(gateway, sim):
    info = gateway.code2session(sim.login("o-bob"))
    assert info.openid == "o-bob"
    assert info.unionid is None


def test_each_login_rotates_the_session_key(gateway, sim):
    first = gateway.code2session(sim.login("o-carol")).session_key
    second = gateway.code2session(sim.login("o-carol")).session_key
    assert first != second


def test_a_code_works_once(gateway, sim):
    code = sim.login("o-dave")
    gateway.code2session(code)

    with pytest.raises(LoginCodeUsed) as caught:
        gateway.code2session(code)

    error = caught.value
    assert (error.errcode, error.status_code, error.reason) == (40163, 400, "login_code_used")
    assert error.permanent and not error.retryable
    assert isinstance(error, InvalidLoginCode)


def test_unknown_code_is_invalid(gateway, sim):
    with pytest.raises(InvalidLoginCode) as caught:
        gateway.code2session("0" * 32)
    assert caught.value.errcode == 40029
    assert caught.value.reason == "invalid_login_code"
    assert caught.value.permanent


def test_code_older_than_five_minutes_is_invalid(config, redis_conn, sim, clock):
    gateway = WeChatGateway(config, redis_conn, clock=clock)
    code = sim.login("o-erin")
    clock.advance(301)
    with pytest.raises(InvalidLoginCode) as caught:
        gateway.code2session(code)
    assert caught.value.errcode == 40029


@pytest.mark.parametrize(
    "errcode, error_class, status, retryable",
    [
        (45011, RateLimited, 429, True),
        (-1, WeChatBusy, 503, True),
        (40226, LoginBlocked, 403, False),
        (40013, WeChatError, 502, False),
    ],
)
def test_code2session_errors_are_typed(gateway, sim, errcode, error_class, status, retryable):
    sim.fail_next("jscode2session", errcode)
    with pytest.raises(error_class) as caught:
        gateway.code2session(sim.login())
    error = caught.value
    assert type(error) is error_class
    assert error.errcode == errcode
    assert error.status_code == status
    assert error.retryable is retryable
    assert error.permanent is not retryable
    assert "rid:" in error.errmsg  # WeChat's request id is kept for support tickets


@pytest.mark.parametrize("code", ["", None, "x" * 129, "bad\ncode"])
def test_malformed_codes_are_refused_without_calling_wechat(gateway, sim, code):
    with pytest.raises(InvalidLoginCode):
        gateway.code2session(code)
    assert sim.calls["jscode2session"] == 0


def test_wrong_secret_is_a_permanent_error_that_does_not_echo_the_secret(sim, sim_server, redis_conn):
    wrong = "not-the-secret-" + "f" * 17
    gateway = WeChatGateway(WeChatConfig(sim.appid, wrong, api_base=sim_server.url, timeout=2), redis_conn)
    with pytest.raises(WeChatError) as caught:
        gateway.code2session(sim.login())
    assert caught.value.errcode == 40125
    assert caught.value.permanent
    assert wrong not in str(caught.value)


def test_phone_number_from_button_code(gateway, sim):
    code = sim.phone_code("13912345678")
    assert gateway.get_phone_number(code) == "13912345678"


def test_phone_code_works_once_then_asks_for_relogin(gateway, sim):
    code = sim.phone_code("13912345678")
    gateway.get_phone_number(code)

    with pytest.raises(RelogRequired) as caught:
        gateway.get_phone_number(code)

    error = caught.value
    assert (error.errcode, error.status_code, error.reason) == (40029, 401, "relogin_required")
    assert error.permanent


def test_phone_number_busy_is_retryable(gateway, sim):
    sim.fail_next("getuserphonenumber", -1)
    with pytest.raises(WeChatBusy) as caught:
        gateway.get_phone_number(sim.phone_code())
    assert caught.value.retryable


def test_missing_phone_code_asks_for_relogin(gateway, sim):
    with pytest.raises(RelogRequired):
        gateway.get_phone_number("")
    assert sim.calls["getuserphonenumber"] == 0
