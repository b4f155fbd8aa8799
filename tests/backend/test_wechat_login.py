"""Mini-program sign-in against the WeChat simulator: code2Session, token rotation, linking, phone, throttling, no leaks."""
from __future__ import annotations

import logging

import pytest

from backend.ratelimit import WECHAT_LOGINS_PER_ADDRESS
from backend.services.wechat_login import session_key_slot

from .helpers import create_job

pytestmark = pytest.mark.wechat


def _invite(client, hr, job_id, name="王微信") -> str:
    application = client.post("/api/applications", json={"job_id": job_id, "candidate": {"name": name}}, headers=hr).json
    return client.post(f"/api/applications/{application['id']}/invitations", headers=hr, json={"notify": False}).json["token"]


def test_login_links_the_invitation_and_rotates_tokens(client, make_hr, sim, app, caplog):
    caplog.set_level(logging.DEBUG)
    hr = make_hr()
    job = create_job(client, hr)
    invitation = _invite(client, hr, job["id"])
    code = sim.login("o-wang")
    first = client.post("/api/candidate/wechat/login", json={"code": code, "invitation_token": invitation})
    assert first.status_code == 201, first.json
    me = {"Authorization": f"Bearer {first.json['token']}"}
    assert client.get("/api/candidate/interview", headers=me).status_code == 200

    reused = client.post("/api/candidate/wechat/login", json={"code": code})
    assert reused.status_code == 400 and reused.json["reason"] == "login_code_used"

    # The next time the mini-program opens, wx.login alone finds the linked interview; the old token stops working.
    second = client.post("/api/candidate/wechat/login", json={"code": sim.login("o-wang")})
    assert second.status_code == 201 and second.json["application_id"] == first.json["application_id"]
    assert client.get("/api/candidate/interview", headers=me).status_code == 401

    session_key = sim.users["o-wang"].session_key
    assert session_key and app.extensions["qingpin.redis"].get(session_key_slot(second.json["token"])).decode() == session_key
    for response in (first, second):
        assert session_key not in response.get_data(as_text=True)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert session_key not in logged and sim.secret not in logged

    stranger = client.post("/api/candidate/wechat/login", json={"code": sim.login("o-stranger")})
    assert stranger.status_code == 404 and stranger.json["reason"] == "no_linked_application"
    hijack = client.post("/api/candidate/wechat/login", json={"code": sim.login("o-other"), "invitation_token": invitation})
    assert hijack.status_code == 409 and hijack.json["reason"] == "wechat_account_mismatch"


def test_phone_number_and_throttling(client, make_hr, sim):
    hr = make_hr()
    job = create_job(client, hr)
    login = client.post("/api/candidate/wechat/login", json={"code": sim.login("o-li"), "invitation_token": _invite(client, hr, job["id"])})
    me = {"Authorization": f"Bearer {login.json['token']}"}
    phone = client.post("/api/candidate/wechat/phone", json={"code": sim.phone_code("13912345678")}, headers=me)
    assert phone.status_code == 200 and phone.json["phone"] == "13912345678"
    bad = client.post("/api/candidate/wechat/phone", json={"code": "0" * 32}, headers=me)
    assert 400 <= bad.status_code < 500

    statuses = [client.post("/api/candidate/wechat/login", json={"code": "x" * 32}).status_code
                for _ in range(int(WECHAT_LOGINS_PER_ADDRESS.split()[0]) + 1)]
    assert statuses[-1] == 429 and 500 not in statuses
