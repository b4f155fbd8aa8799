"""Invitation QR codes: WeChat's mini-program code (scene = the invitation token) kept in storage, served to its HR team."""
from __future__ import annotations

import uuid

import pytest

from backend.services.invitations import invitation_qr_key

from .helpers import create_job

pytestmark = pytest.mark.wechat

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _new_application(client, hr, job_id, name="扫码者") -> dict:
    response = client.post("/api/applications", json={"job_id": job_id, "candidate": {"name": name}}, headers=hr)
    assert response.status_code == 201
    return response.json


def test_invitation_qr_code_opens_the_invitation_and_is_served_only_to_its_hr_team(client, make_hr, sim, app):
    hr = make_hr()
    job = create_job(client, hr)
    application = _new_application(client, hr, job["id"])
    issued = client.post(f"/api/applications/{application['id']}/invitations", headers=hr, json={"notify": False})
    assert issued.status_code == 201, issued.json
    token = issued.json["token"]
    assert len(token) <= 32 and issued.json["qr_error"] is None
    png = client.get(issued.json["qr_url"], headers=hr)
    assert png.status_code == 200 and png.mimetype == "image/png" and png.data.startswith(PNG_MAGIC)
    assert "no-store" in png.headers["Cache-Control"]
    # The scene WeChat encoded is the invitation token itself: scanning the code lets this candidate in.
    [made] = sim.wxacodes
    assert made["scene"] == token and made["page"] == "pages/invitation/index" and made["env_version"] == "release"
    assert client.post("/api/candidate/session", json={"invitation_token": token}).status_code == 201

    assert client.get(issued.json["qr_url"]).status_code == 401
    stranger = make_hr(organization="别的银行")
    assert client.get(issued.json["qr_url"], headers=stranger).status_code == 404
    interviewer = make_hr("interviewer")  # interviewers score answers; they do not hand out invitations
    assert client.get(issued.json["qr_url"], headers=interviewer).status_code == 403

    # Inviting again revokes the old link, and with it the old code; the new code is a new image.
    again = client.post(f"/api/applications/{application['id']}/invitations", headers=hr, json={"notify": False})
    assert again.json["token"] != token
    assert client.get(again.json["qr_url"], headers=hr).data != png.data
    # The revoked invitation's code is gone from storage (it would only open a dead link).
    from backend.models import Invitation

    storage = app.extensions["qingpin.storage"]
    with app.app_context():
        from backend.db import session_scope
        from sqlmodel import select

        with session_scope() as session:
            keys = {inv.revoked: invitation_qr_key(inv) for inv in session.exec(
                select(Invitation).where(Invitation.application_id == uuid.UUID(application["id"])))}
    assert not storage.exists(keys[True]) and storage.exists(keys[False])
    assert client.post("/api/candidate/session", json={"invitation_token": token}).status_code == 404


def test_a_wechat_failure_leaves_a_working_link_and_a_reason(client, make_hr, sim):
    hr = make_hr()
    job = create_job(client, hr)
    application = _new_application(client, hr, job["id"])
    sim.released_pages.discard("pages/invitation/index")  # the page is not in the released mini-program: 41030
    issued = client.post(f"/api/applications/{application['id']}/invitations", headers=hr, json={"notify": False})
    assert issued.status_code == 201
    assert issued.json["qr_url"] is None and issued.json["qr_error"] == "wechat_41030"
    missing = client.get(f"/api/applications/{application['id']}/invitation/qr.png", headers=hr)
    assert missing.status_code == 404 and missing.json["reason"] == "qr_not_available"
    assert client.post("/api/candidate/session", json={"invitation_token": issued.json["token"]}).status_code == 201
    events = client.get(f"/api/applications/{application['id']}", headers=hr).json["events"]
    assert any(e["kind"] == "invitation_qr_failed" and e["reason"] == "wechat_41030" for e in events)


def test_bulk_invitations_can_make_qr_codes(client, make_hr, sim):
    hr = make_hr()
    job = create_job(client, hr)
    ids = [_new_application(client, hr, job["id"], name=f"批量{i}")["id"] for i in range(3)]
    results = client.post("/api/applications/bulk-invitations", headers=hr,
                          json={"application_ids": ids, "qr": True, "notify": False}).json
    assert [r["invited"] for r in results] == [True] * 3
    for result in results:
        assert client.get(result["qr_url"], headers=hr).data.startswith(PNG_MAGIC)
    assert sorted(code["scene"] for code in sim.wxacodes) == sorted(r["token"] for r in results)


def test_no_live_invitation_no_code(client, make_hr, sim):
    hr = make_hr()
    job = create_job(client, hr)
    application = _new_application(client, hr, job["id"])
    response = client.get(f"/api/applications/{application['id']}/invitation/qr.png", headers=hr)
    assert response.status_code == 404 and response.json["reason"] == "no_invitation"
