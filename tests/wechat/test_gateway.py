"""Calls that need the access_token: refresh-and-retry-once, invite codes, content checks, transport failures."""
from __future__ import annotations

import socket
import struct
import zlib

import pytest

from backend.wechat import WeChatConfig, WeChatError
from backend.wechat.client import WeChatGateway


def _user(gateway, sim, openid="o-cand") -> str:
    gateway.code2session(sim.login(openid))
    return openid


# -- 40001 / 42001 ---------------------------------------------------------------------------------


def test_rejected_token_is_refreshed_and_the_call_retried_once(gateway, sim):
    openid = _user(gateway, sim)
    assert gateway.msg_sec_check(openid, "你好", 2) == "pass"
    sim.invalidate_tokens()  # e.g. another system force-refreshed our token

    assert gateway.msg_sec_check(openid, "你好", 2) == "pass"

    assert sim.calls["msg_sec_check"] == 3
    assert (sim.normal_refreshes, sim.force_refreshes) == (2, 0)


def test_expired_token_is_refreshed_and_the_call_retried(gateway, sim):
    openid = _user(gateway, sim)
    gateway.msg_sec_check(openid, "你好", 2)
    sim.expire_tokens()

    assert gateway.msg_sec_check(openid, "你好", 2) == "pass"
    assert sim.calls["msg_sec_check"] == 3


def test_retries_only_once(gateway, sim):
    openid = _user(gateway, sim)
    sim.fail_next("msg_sec_check", 40001, times=3)

    with pytest.raises(WeChatError) as caught:
        gateway.msg_sec_check(openid, "你好", 2)

    assert caught.value.errcode == 40001
    assert caught.value.retryable
    assert sim.calls["msg_sec_check"] == 2


def test_token_wechat_keeps_rejecting_is_force_refreshed_once(gateway, sim):
    openid = _user(gateway, sim)
    gateway.msg_sec_check(openid, "你好", 2)
    sim.reject_current_token()

    assert gateway.msg_sec_check(openid, "你好", 2) == "pass"
    assert sim.force_refreshes == 1


# -- wxacode.getUnlimited --------------------------------------------------------------------------


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_wxacode_returns_png_bytes(gateway, sim):
    png = gateway.get_wxacode_unlimited("inv=Ab3_x9", "pages/invitation/index")

    width, height = _png_size(png)
    assert width == height > 0
    idat = png.index(b"IDAT")
    (length,) = struct.unpack(">I", png[idat - 4 : idat])
    pixels = zlib.decompress(png[idat + 4 : idat + 4 + length])
    assert len(pixels) == height * (width + 1)
    assert png.endswith(b"IEND\xaeB`\x82")


def test_wxacode_scene_of_32_characters_is_fine(gateway, sim):
    assert gateway.get_wxacode_unlimited("a" * 32, "pages/invitation/index").startswith(b"\x89PNG")


@pytest.mark.parametrize("scene", ["a" * 33, "", "邀请码", "a%20b", "with space", None])
def test_wxacode_scene_is_validated_locally(gateway, sim, scene):
    with pytest.raises(ValueError):
        gateway.get_wxacode_unlimited(scene, "pages/invitation/index")
    assert sim.calls["getwxacodeunlimit"] == 0


@pytest.mark.parametrize(
    "kwargs",
    [{"page": "/pages/invitation/index"}, {"page": "pages/x/index?a=1"}, {"env_version": "beta"}, {"width": 100}],
)
def test_wxacode_arguments_are_validated_locally(gateway, sim, kwargs):
    arguments = {"scene": "abc", "page": "pages/invitation/index", **kwargs}
    with pytest.raises(ValueError):
        gateway.get_wxacode_unlimited(**arguments)
    assert sim.calls["getwxacodeunlimit"] == 0


def test_wxacode_page_missing_from_the_released_app_is_a_permanent_error(gateway, sim):
    with pytest.raises(WeChatError) as caught:
        gateway.get_wxacode_unlimited("abc", "pages/not-released/index")
    assert caught.value.errcode == 41030
    assert caught.value.permanent

    # Not checked against the released app (e.g. for a trial build): WeChat draws it anyway.
    png = gateway.get_wxacode_unlimited("abc", "pages/not-released/index", check_path=False, env_version="trial")
    assert png.startswith(b"\x89PNG")


def test_wxacode_json_error_instead_of_an_image_raises(gateway, sim):
    sim.fail_next("getwxacodeunlimit", 40169)
    with pytest.raises(WeChatError) as caught:
        gateway.get_wxacode_unlimited("abc", "pages/invitation/index")
    assert caught.value.errcode == 40169
    assert "invalid length for scene" in caught.value.errmsg


# -- msgSecCheck v2 --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, verdict",
    [("我有三年前端开发经验", "pass"), ("欢迎咨询兼职刷单", "review"), ("一起去赌博", "risky"), ("   ", "pass")],
)
def test_msg_sec_check_verdicts(gateway, sim, content, verdict):
    openid = _user(gateway, sim)
    assert gateway.msg_sec_check(openid, content, 2) == verdict


def test_blank_text_is_not_sent_to_wechat(gateway, sim):
    assert gateway.msg_sec_check("o-any", "", 1) == "pass"
    assert sim.calls["msg_sec_check"] == 0


def test_long_text_is_checked_in_parts_and_the_worst_verdict_wins(gateway, sim):
    openid = _user(gateway, sim)
    text = "好" * 2500 + "兼职刷单" + "好" * 2500 + "赌博"
    assert gateway.msg_sec_check(openid, text, 3) == "risky"
    assert sim.calls["msg_sec_check"] == 3


def test_msg_sec_check_for_a_user_not_seen_for_two_hours_fails(gateway, sim, clock):
    openid = _user(gateway, sim)
    clock.advance(7201)
    with pytest.raises(WeChatError) as caught:
        gateway.msg_sec_check(openid, "你好", 2)
    assert caught.value.errcode == 61010


def test_msg_sec_check_scene_is_validated(gateway, sim):
    with pytest.raises(ValueError):
        gateway.msg_sec_check("o-any", "你好", 5)


# -- transport --------------------------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_unreachable_wechat_is_a_retryable_error_without_the_url(sim, redis_conn):
    config = WeChatConfig(sim.appid, sim.secret, api_base=f"http://127.0.0.1:{_closed_port()}", timeout=1)
    gateway = WeChatGateway(config, redis_conn)

    with pytest.raises(WeChatError) as caught:
        gateway.code2session(sim.login())

    error = caught.value
    assert error.errcode is None and error.retryable
    assert "ConnectionError" in str(error)
    assert "127.0.0.1" not in str(error) and sim.secret not in str(error)
    assert error.__cause__ is None and error.__context__ is None
