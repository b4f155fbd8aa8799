"""The HR team over the API, on SQLite and PostgreSQL: invite with a one-time set-password code, roles, deactivation
(tokens revoked), the last admin kept, my account; admins only, organization-scoped, audited, no password hashes."""
from __future__ import annotations

import uuid

from .conftest import PASSWORD

NEW_PASSWORD = "a much longer passphrase"


def _invite(client, admin, email="colleague@bank.example", role="recruiter"):
    response = client.post("/api/team/users", headers=admin, json={"email": email, "name": "王同事", "role": role})
    assert response.status_code == 201, response.json
    return response.json


def _bearer(response) -> dict:
    return {"Authorization": f"Bearer {response.json['token']}"}


def test_an_invited_colleague_sets_a_password_once_and_logs_in(client, make_hr):
    admin = make_hr("admin")
    invited = _invite(client, admin, email="Colleague@Bank.example")
    user, setup = invited["user"], invited["setup"]
    assert user["email"] == "colleague@bank.example" and user["status"] == "invited" and user["role"] == "recruiter"
    assert setup["url"] == f"/h5/hr/set-password#code={setup['code']}"
    assert "password_hash" not in str(invited)
    # no password yet: no login, and the code is no bearer token
    assert client.post("/api/auth/login", json={"email": user["email"], "password": "!"}).status_code == 401
    assert client.get("/api/auth/me", headers={"Authorization": f"Bearer {setup['code']}"}).status_code == 401

    weak = client.post("/api/auth/set-password", json={"code": setup["code"], "password": "short"})
    assert weak.status_code == 422
    done = client.post("/api/auth/set-password", json={"code": setup["code"], "password": NEW_PASSWORD})
    assert done.status_code == 200, done.json
    me = client.get("/api/auth/me", headers=_bearer(done)).json
    assert me["status"] == "active" and me["email"] == "colleague@bank.example"
    again = client.post("/api/auth/set-password", json={"code": setup["code"], "password": NEW_PASSWORD + "!"})
    assert again.status_code == 401 and again.json["reason"] == "bad_setup_code"
    assert client.post("/api/auth/login", json={"email": user["email"], "password": NEW_PASSWORD}).status_code == 200

    taken = client.post("/api/team/users", headers=admin, json={"email": "COLLEAGUE@bank.example", "name": "x", "role": "admin"})
    assert taken.status_code == 409 and taken.json["reason"] == "email_taken"


def test_a_new_setup_link_replaces_the_old_one(client, make_hr):
    admin = make_hr("admin")
    invited = _invite(client, admin)
    fresh = client.post(f"/api/team/users/{invited['user']['id']}/setup-link", headers=admin)
    assert fresh.status_code == 201 and fresh.json["code"] != invited["setup"]["code"]
    old = client.post("/api/auth/set-password", json={"code": invited["setup"]["code"], "password": NEW_PASSWORD})
    assert old.status_code == 401
    assert client.post("/api/auth/set-password", json={"code": fresh.json["code"], "password": NEW_PASSWORD}).status_code == 200


def test_roles_change_and_deactivation_revokes_tokens(client, make_hr):
    admin = make_hr("admin")
    recruiter = make_hr("recruiter")
    me = client.get("/api/auth/me", headers=recruiter).json
    changed = client.patch(f"/api/team/users/{me['id']}", headers=admin, json={"role": "interviewer"})
    assert changed.status_code == 200 and changed.json["role"] == "interviewer"
    assert client.post("/api/jobs", headers=recruiter, json={"title": "x", "competencies": {"a": 1}}).status_code == 403

    off = client.patch(f"/api/team/users/{me['id']}", headers=admin, json={"active": False})
    assert off.status_code == 200 and off.json["status"] == "deactivated"
    assert client.get("/api/auth/me", headers=recruiter).status_code == 401
    assert client.post("/api/auth/login", json={"email": me["email"], "password": PASSWORD}).status_code == 401
    assert client.post(f"/api/team/users/{me['id']}/setup-link", headers=admin).status_code == 409
    back = client.patch(f"/api/team/users/{me['id']}", headers=admin, json={"active": True})
    assert back.json["status"] == "active"
    assert client.get("/api/auth/me", headers=recruiter).status_code == 401  # old tokens stay revoked
    assert client.post("/api/auth/login", json={"email": me["email"], "password": PASSWORD}).status_code == 200

    kinds = [e["kind"] for e in client.get("/api/team/events", headers=admin).json]
    assert kinds == ["hr_user_reactivated", "hr_user_deactivated", "hr_user_role_changed"]


def test_the_last_admin_can_be_neither_demoted_nor_deactivated(client, make_hr):
    admin = make_hr("admin")
    me = client.get("/api/auth/me", headers=admin).json
    for change in ({"role": "recruiter"}, {"active": False}):
        refused = client.patch(f"/api/team/users/{me['id']}", headers=admin, json=change)
        assert refused.status_code == 409 and refused.json["reason"] == "last_admin"
    second = _invite(client, admin, email="second-admin@bank.example", role="admin")
    # an invited admin who has not set a password yet does not count
    assert client.patch(f"/api/team/users/{me['id']}", headers=admin, json={"role": "recruiter"}).status_code == 409
    second_headers = _bearer(client.post("/api/auth/set-password", json={"code": second["setup"]["code"], "password": NEW_PASSWORD}))
    assert client.patch(f"/api/team/users/{me['id']}", headers=admin, json={"role": "recruiter"}).status_code == 200
    refused = client.patch(f"/api/team/users/{second['user']['id']}", headers=second_headers, json={"active": False})
    assert refused.status_code == 409 and refused.json["reason"] == "last_admin"
    members = {m["id"]: m for m in client.get("/api/team/users", headers=admin).json}
    assert members[second["user"]["id"]]["role"] == "admin" and members[me["id"]]["role"] == "recruiter"


def test_only_admins_change_the_team_and_only_their_own_organization(client, make_hr):
    admin = make_hr("admin")
    recruiter = make_hr("recruiter")
    other_admin = make_hr("admin", organization="other-bank")
    member = _invite(client, admin)["user"]
    assert client.post("/api/team/users", headers=recruiter, json={"email": "x@y.example", "name": "x", "role": "admin"}).status_code == 403
    assert client.patch(f"/api/team/users/{member['id']}", headers=recruiter, json={"role": "admin"}).status_code == 403
    assert client.get("/api/team/events", headers=recruiter).status_code == 403
    listed = client.get("/api/team/users", headers=recruiter)
    assert listed.status_code == 200 and member["id"] in {m["id"] for m in listed.json}
    assert all("password" not in key for m in listed.json for key in m)

    assert member["id"] not in {m["id"] for m in client.get("/api/team/users", headers=other_admin).json}
    for call in (client.patch(f"/api/team/users/{member['id']}", headers=other_admin, json={"active": False}),
                 client.post(f"/api/team/users/{member['id']}/setup-link", headers=other_admin),
                 client.patch(f"/api/team/users/{uuid.uuid4()}", headers=admin, json={"active": False})):
        assert call.status_code == 404
    assert client.get("/api/team/events", headers=other_admin).json == []


def test_bad_input_is_a_4xx(client, make_hr):
    admin = make_hr("admin")
    for body in ({"email": "not-an-email", "name": "x", "role": "admin"}, {"email": "a@b.example", "name": "", "role": "admin"},
                 {"email": "a@b.example", "name": "x", "role": "boss"}, {"email": "a@b.example", "name": "x"}, []):
        response = client.post("/api/team/users", headers=admin, json=body)
        assert response.status_code == 422, (body, response.json)
    me = client.get("/api/auth/me", headers=admin).json
    for body in ({"role": "owner"}, {"active": "maybe"}, {"password_hash": "x"}):
        assert client.patch(f"/api/team/users/{me['id']}", headers=admin, json=body).status_code == 422
    assert client.post("/api/auth/set-password", json={"code": "nope", "password": NEW_PASSWORD}).status_code == 401
    assert client.post("/api/auth/set-password", json={"code": "", "password": NEW_PASSWORD}).status_code == 422


def test_my_account_changes_my_name_and_password(client, make_hr):
    first = make_hr("recruiter")
    me = client.get("/api/auth/me", headers=first).json
    second = _bearer(client.post("/api/auth/login", json={"email": me["email"], "password": PASSWORD}))
    renamed = client.patch("/api/auth/me", headers=first, json={"name": "李招聘"})
    assert renamed.status_code == 200 and renamed.json["name"] == "李招聘"
    wrong = client.patch("/api/auth/me", headers=first, json={"current_password": "wrong one!!", "new_password": NEW_PASSWORD})
    assert wrong.status_code == 422 and wrong.json["reason"] == "wrong_password"
    assert client.patch("/api/auth/me", headers=first, json={"new_password": NEW_PASSWORD}).status_code == 422
    changed = client.patch("/api/auth/me", headers=first, json={"current_password": PASSWORD, "new_password": NEW_PASSWORD})
    assert changed.status_code == 200
    assert client.get("/api/auth/me", headers=first).status_code == 200  # this session goes on
    assert client.get("/api/auth/me", headers=second).status_code == 401  # the other one ended
    assert client.post("/api/auth/login", json={"email": me["email"], "password": PASSWORD}).status_code == 401
    assert client.post("/api/auth/login", json={"email": me["email"], "password": NEW_PASSWORD}).status_code == 200
