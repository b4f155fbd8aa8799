"""Open-data decryption, watermark and signature checks: every failure is a RelogRequired, never a raw exception."""
from __future__ import annotations

import base64
import hashlib
import os
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.wechat import RelogRequired, crypto
from backend.wechat.crypto import (
    check_raw_data_signature,
    check_watermark,
    decrypt_open_data,
    verify_push_signature,
)

from .simulator import encrypt_open_data

PROFILE = {"nickName": "张三", "avatarUrl": "https://thirdwx.qlogo.cn/x/132", "openId": "o-alice"}


@pytest.fixture()
def alice(gateway, sim):
    info = gateway.code2session(sim.login("o-alice"))
    return info


def test_decrypts_open_data_sealed_with_the_current_session_key(alice, sim):
    encrypted, iv = sim.encrypt_open_data("o-alice", PROFILE)

    payload = decrypt_open_data(alice.session_key, encrypted, iv, appid=sim.appid)

    assert payload["nickName"] == "张三"
    assert payload["watermark"]["appid"] == sim.appid


def test_session_key_rotated_by_a_later_login_asks_for_relogin(alice, gateway, sim):
    # The tap seals the data under the current key; a wx.login right after it (the ~1 % case in the
    # wild) rotates the key the server holds, and the sealed data no longer opens.
    encrypted, iv = sim.encrypt_open_data("o-alice", PROFILE)
    relogged = gateway.code2session(sim.login("o-alice"))
    assert relogged.session_key != alice.session_key

    with pytest.raises(RelogRequired) as caught:
        decrypt_open_data(relogged.session_key, encrypted, iv, appid=sim.appid)

    assert caught.value.status_code == 401
    assert caught.value.reason == "relogin_required"
    assert caught.value.permanent


def test_bad_key_asks_for_relogin(alice, sim):
    encrypted, iv = sim.encrypt_open_data("o-alice", PROFILE)
    wrong_key = base64.b64encode(os.urandom(16)).decode()
    with pytest.raises(RelogRequired):
        decrypt_open_data(wrong_key, encrypted, iv, appid=sim.appid)


def test_watermark_for_another_app_asks_for_relogin(alice, sim):
    encrypted, iv = sim.encrypt_open_data("o-alice", PROFILE, appid="wx0000000000000000")
    with pytest.raises(RelogRequired) as caught:
        decrypt_open_data(alice.session_key, encrypted, iv, appid=sim.appid)
    assert "another app" in str(caught.value)


@pytest.mark.parametrize("age", [24 * 3600 + 1, -301])
def test_stale_or_future_watermark_asks_for_relogin(alice, sim, age):
    encrypted, iv = sim.encrypt_open_data("o-alice", PROFILE, timestamp=int(time.time()) - age)
    with pytest.raises(RelogRequired):
        decrypt_open_data(alice.session_key, encrypted, iv, appid=sim.appid)


def test_missing_watermark_asks_for_relogin(alice):
    encrypted, iv = encrypt_open_data(alice.session_key, PROFILE)
    with pytest.raises(RelogRequired):
        decrypt_open_data(alice.session_key, encrypted, iv, appid="wx5d3c1a2b3c4d5e6f")


def test_json_that_is_not_an_object_asks_for_relogin(alice):
    key = base64.b64decode(alice.session_key)
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    iv = os.urandom(16)
    padder = padding.PKCS7(128).padder()
    padded = padder.update(b"[1, 2, 3]") + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    sealed = base64.b64encode(encryptor.update(padded) + encryptor.finalize()).decode()
    with pytest.raises(RelogRequired):
        decrypt_open_data(alice.session_key, sealed, base64.b64encode(iv).decode(), appid="wx")


def _garbage_cases(session_key: str, encrypted: str, iv: str):
    raw = base64.b64decode(encrypted)
    tampered = base64.b64encode(raw[:-1] + bytes([raw[-1] ^ 0x01])).decode()
    return [
        (session_key, encrypted[:-8], iv),  # truncated ciphertext
        (session_key, tampered, iv),  # last block flipped: padding breaks
        (session_key, "not base64!!", iv),
        (session_key, encrypted, base64.b64encode(b"short").decode()),
        (base64.b64encode(b"k" * 24).decode(), encrypted, iv),  # AES-192 key length
        ("", encrypted, iv),
        (None, encrypted, iv),
        (session_key, None, iv),
        (session_key, encrypted, 12345),
        (session_key, base64.b64encode(b"").decode() or "====", iv),
    ]


def test_malformed_input_never_escapes_as_a_raw_exception(alice, sim):
    encrypted, iv = sim.encrypt_open_data("o-alice", PROFILE)
    for case in _garbage_cases(alice.session_key, encrypted, iv):
        with pytest.raises(RelogRequired):
            decrypt_open_data(*case, appid=sim.appid)


def _b64(binary):
    return binary.map(lambda raw: base64.b64encode(raw).decode())


@settings(max_examples=200, deadline=None)
@given(
    session_key=st.one_of(st.text(max_size=30), _b64(st.binary(min_size=16, max_size=16))),
    encrypted=st.one_of(st.text(max_size=80), _b64(st.binary(max_size=96))),
    iv=st.one_of(st.text(max_size=30), _b64(st.binary(min_size=16, max_size=16))),
)
def test_fuzzed_input_only_ever_raises_relogin_required(session_key, encrypted, iv):
    try:
        decrypt_open_data(session_key, encrypted, iv, appid="wx5d3c1a2b3c4d5e6f")
    except RelogRequired:
        pass


def test_watermark_comparison_is_constant_time(monkeypatch):
    calls = []
    real = crypto.hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(crypto.hmac, "compare_digest", spy)
    check_watermark({"appid": "wxA", "timestamp": int(time.time())}, appid="wxA")
    assert calls == [(b"wxA", b"wxA")]


def test_raw_data_signature(alice):
    raw = '{"nickName":"张三"}'
    good = hashlib.sha1((raw + alice.session_key).encode()).hexdigest()
    check_raw_data_signature(raw, good, alice.session_key)
    for bad in (good.upper(), good[:-1] + "0", "", None):
        if bad == good:
            continue
        with pytest.raises(RelogRequired):
            check_raw_data_signature(raw, bad, alice.session_key)


# -- message push signature ----------------------------------------------------------------------------


def _push_signature(*parts: str) -> str:
    return hashlib.sha1("".join(sorted(parts)).encode()).hexdigest()


def test_push_signature_accepts_a_fresh_correct_signature():
    now = 1_790_000_000
    signature = _push_signature("push-token", str(now), "nonce-1")
    assert verify_push_signature("push-token", signature, str(now), "nonce-1", now)
    assert verify_push_signature("push-token", signature, now, "nonce-1", now + 300)


def test_push_signature_with_encrypted_body():
    now = 1_790_000_000
    signature = _push_signature("push-token", str(now), "n", "ENCRYPTED")
    assert verify_push_signature("push-token", signature, str(now), "n", now, encrypt="ENCRYPTED")
    assert not verify_push_signature("push-token", signature, str(now), "n", now)


@pytest.mark.parametrize(
    "token, signature_of, timestamp, now",
    [
        ("other-token", "push-token", "1790000000", 1_790_000_000),  # wrong token
        ("push-token", "push-token", "1790000000", 1_790_000_301),  # 301 s old
        ("push-token", "push-token", "1790000000", 1_789_999_699),  # 301 s in the future
        ("push-token", "push-token", "not-a-number", 1_790_000_000),
    ],
)
def test_push_signature_rejects(token, signature_of, timestamp, now):
    signature = _push_signature(signature_of, timestamp, "n")
    assert not verify_push_signature(token, signature, timestamp, "n", now)


def test_push_signature_rejects_garbage_signatures():
    now = 1_790_000_000
    for signature in ("", None, "é" * 40, "0" * 40):
        assert not verify_push_signature("push-token", signature, str(now), "n", now)
