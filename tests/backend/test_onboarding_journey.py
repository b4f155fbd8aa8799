"""Hired → ready first day, as one test over HTTP against a running server on PostgreSQL.

HR hires a scored candidate with an offer; the case and the employee's sign-in exist; the employee signs in with the
one-time code, confirms the pre-filled fields, fills the rest (a wrong ID number is refused first, nothing saved),
uploads a generated ID card photo read by the real OCR engine on the `ocr` queue (its number matches), a dark photo
that asks for a retake, acknowledges the handbook and confirms the start date; HR sees the progress and a training
suggestion derived from the interview; a mentor is suggested and confirmed; a signed webhook reaches a local receiver
and is verified with the shared secret (a replay is refused).
"""
from __future__ import annotations

import hashlib
import hmac
import json
import threading
import uuid
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from backend.db import session_scope
from backend.models import Application
from backend.services.answers import record_score
from backend.services.results import complete_if_processed
from backend.services.webhooks import SignatureError, verify

from .documents_images import dark_photo, id_card_front, id_number
from .helpers import answer_question, create_job, invite_candidate, silent_wav

JOB = {
    "title": "对公客户经理",
    "competencies": {"风险意识": 0.5, "客户导向": 0.5},
    "questions": [{
        "text": "请描述一次你发现并处理业务风险的经历。",
        "competencies": {"风险意识": 0.5, "客户导向": 0.5},
        "rubric": [{"text": "识别风险并上报", "key_phrases": ["风险", "上报"]}],
    }],
}


class Receiver:
    """A local HTTP endpoint that records every webhook it gets (the HRIS)."""

    def __init__(self) -> None:
        self.received: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.received.append({"headers": dict(self.headers), "body": body})
                self.send_response(204)
                self.end_headers()

            def log_message(self, *_):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/hris/events"

    def close(self) -> None:
        self.server.shutdown()


def call(method: str, url: str, *, expect: int, **kwargs):
    response = requests.request(method, url, timeout=60, **kwargs)
    assert response.status_code == expect, (method, url, response.status_code, response.text[:600])
    return response.json() if response.headers.get("Content-Type", "").startswith("application/json") else response


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_hired_to_ready_over_http(app, client, live_url, make_hr, run_jobs):
    api = f"{live_url}/api"
    hr = make_hr("recruiter")
    admin = make_hr("admin")
    receiver = Receiver()
    try:
        # -- a scored interview: the AI found 风险意识 weak, a human rater agrees ----------------------------------
        job = create_job(client, hr, JOB)
        application, me = invite_candidate(client, hr, job["id"], name="王小明")
        uploaded = answer_question(client, me, job["questions"][0]["id"], silent_wav())
        assert client.post("/api/candidate/interview/finish", headers=me).status_code == 200
        with app.app_context(), session_scope() as session:  # what the score_answer job writes once the scorer returns
            record_score(session, answer_id=uuid.UUID(uploaded.json["id"]), duration_seconds=3.0, result={
                "status": "scored", "reason": None, "transcript": {"text": "我会先安抚客户。", "segments": [], "engine": "test"},
                "figures": {}, "rubric": [], "content_score": 62.0,
                "competency_scores": {"风险意识": 41.0, "客户导向": 83.0},
                "scorer_version": "content-v2", "config_hash": "c" * 64, "timings": {}, "features": {}})
            complete_if_processed(session, application=session.get(Application, uuid.UUID(application["id"])))
        call("POST", f"{api}/applications/{application['id']}/human-scores", expect=201, headers=hr,
             json={"competency_scores": {"风险意识": 50, "客户导向": 85}, "comment": "风险点识别不足"})
        assert call("GET", f"{api}/applications/{application['id']}", expect=200, headers=hr)["state"] == "scored"

        # -- HR prepares the catalogue, the handbook, two mentors and the HRIS webhook ------------------------------
        course = call("POST", f"{api}/onboarding/courses", expect=201, headers=hr,
                      json={"title": "合规基础课程", "competency": "风险意识", "hours": 6})
        call("POST", f"{api}/onboarding/courses", expect=201, headers=hr, json={"title": "客户服务进阶", "competency": "客户导向"})
        handbook_text = "第一条 员工应遵守国家法律法规和本行各项规章制度。\n第二条 严禁泄露客户信息。"
        call("POST", f"{api}/onboarding/policies", expect=201, headers=hr,
             json={"key": "handbook", "title": "员工手册", "version": "2026.1", "body": handbook_text})
        near = call("POST", f"{api}/onboarding/employees", expect=201, headers=hr, json={
            "name": "李导师", "department": "公司金融部", "location": "北京分行", "is_mentor": True, "mentor_capacity": 2,
            "skills": ["风险意识", "授信审查"]})
        far = call("POST", f"{api}/onboarding/employees", expect=201, headers=hr, json={
            "name": "张导师", "department": "零售银行部", "location": "上海分行", "is_mentor": True, "mentor_capacity": 3})
        call("POST", f"{api}/onboarding/webhooks", expect=403, headers=hr, json={"url": receiver.url})  # admins only
        endpoint = call("POST", f"{api}/onboarding/webhooks", expect=201, headers=admin, json={"url": receiver.url})
        secret = endpoint["secret"]
        assert secret.startswith("whsec_")
        assert "secret" not in call("GET", f"{api}/onboarding/webhooks", expect=200, headers=admin)[0]

        # -- the hire: a human decision with an offer ---------------------------------------------------------------
        call("POST", f"{api}/applications/{application['id']}/decisions", expect=200, headers=hr,
             json={"to_state": "advanced", "reason": "综合表现良好", "notify": False})
        decision = f"{api}/applications/{application['id']}/decisions"
        call("POST", decision, expect=422, headers=hr, json={"to_state": "hired", "reason": "录用"})  # no offer
        start = date.today() + timedelta(days=10)
        offer = {"position": "对公客户经理", "department": "公司金融部", "start_date": start.isoformat(),
                 "location": "北京分行", "manager": "陈经理"}
        hired = call("POST", decision, expect=200, headers=hr, json={"to_state": "hired", "reason": "终面通过", "offer": offer})
        assert hired["state"] == "hired"
        login = hired["onboarding"]
        case_id = login["case_id"]
        assert login["login_url"].endswith(f"/h5/onboard/?case={case_id}") and len(login["login_code"]) == 6
        run_jobs()  # the offer letter goes out through the outbox
        outbox = call("GET", f"{api}/applications/{application['id']}/notifications", expect=200, headers=hr)
        offer_letter = next(o for o in outbox if o["template"] == "offer")
        assert offer_letter["status"] == "sent" and login["login_code"] not in json.dumps(offer_letter)

        # -- the employee signs in: the code works once; the token reaches only their own case ----------------------
        wrong = "000000" if login["login_code"] != "000000" else "111111"
        call("POST", f"{api}/onboard/session", expect=401, json={"case_id": case_id, "code": wrong})
        session = call("POST", f"{api}/onboard/session", expect=201, json={"case_id": case_id, "code": login["login_code"]})
        call("POST", f"{api}/onboard/session", expect=401, json={"case_id": case_id, "code": login["login_code"]})
        emp = {"Authorization": f"Bearer {session['token']}"}
        call("GET", f"{api}/onboarding/board", expect=401, headers=emp)  # no HR endpoint
        call("GET", f"{api}/candidate/status", expect=401, headers=emp)  # nor the candidate portal
        welcome = call("GET", f"{api}/onboard/me", expect=200, headers=emp)
        assert (welcome["start_date"], welcome["location"], welcome["manager"]) == (start.isoformat(), "北京分行", "陈经理")
        offer_message = call("GET", f"{api}/onboard/messages", expect=200, headers=emp)
        assert [m["template"] for m in offer_message] == ["offer"] and "北京分行" in offer_message[0]["body"]

        # -- the form: pre-filled fields marked; a wrong ID number and card number save nothing ---------------------
        form = {f["name"]: f for f in call("GET", f"{api}/onboard/form", expect=200, headers=emp)["fields"]}
        assert form["name"]["prefilled"] and form["name"]["value"] == "王小明" and form["name"]["status"] == "prefilled"
        assert not form["id_number"]["prefilled"] and form["id_number"]["value"] is None
        number = id_number()
        rest = {"phone": "13812345678", "email": "wang@example.com", "education": "北京大学，本科，金融学",
                "bank_name": "中国工商银行", "bank_card": "6222020200112233446", "emergency_contact_name": "王父",
                "emergency_contact_phone": "010-87654321", "address": "北京市朝阳区建国路88号",
                "hukou_place": "北京市", "social_insurance_place": "北京市"}
        bad = call("PUT", f"{api}/onboard/form", expect=422, headers=emp, json={
            "values": {**rest, "id_number": number[:-1] + ("0" if number[-1] != "0" else "1"), "bank_card": "6222020200112233445"},
            "confirm": ["name"]})
        assert set(bad["errors"]) == {"id_number", "bank_card"} and "校验" in bad["errors"]["id_number"][0]
        after_bad = {f["name"]: f for f in call("GET", f"{api}/onboard/form", expect=200, headers=emp)["fields"]}
        assert after_bad["name"]["status"] == "prefilled" and after_bad["phone"]["value"] is None  # nothing half saved
        saved = call("PUT", f"{api}/onboard/form", expect=200, headers=emp,
                     json={"values": {**rest, "id_number": number}, "confirm": ["name"]})
        assert saved["complete"] is True
        statuses = {f["name"]: f["status"] for f in saved["fields"]}
        assert statuses["name"] == "confirmed" and statuses["id_number"] == "filled"

        # -- documents: the ID card is read by the real OCR and matches; a dark photo asks for a retake -------------
        front = call("POST", f"{api}/onboard/documents", expect=202, headers=emp, data={"kind": "id_card_front"},
                     files={"file": ("id-front.jpg", id_card_front("王小明", number), "image/jpeg")})
        back = call("POST", f"{api}/onboard/documents", expect=202, headers=emp, data={"kind": "id_card_back"},
                    files={"file": ("id-back.jpg", dark_photo(), "image/jpeg")})
        assert front["status"] == "queued"
        run_jobs()
        front = call("GET", f"{api}/onboard/documents/{front['id']}", expect=200, headers=emp)
        assert front["status"] == "read", front
        assert front["extracted"]["id_number"] == number and front["comparison"]["id_number"]["matches"] is True
        assert front["comparison"]["name"]["matches"] is True and front["mismatch"] is False
        call("POST", f"{api}/onboard/documents/{front['id']}/confirmation", expect=200, headers=emp)
        back = call("GET", f"{api}/onboard/documents/{back['id']}", expect=200, headers=emp)
        assert back["status"] == "retake" and back["status_message"] == "请在光线更好的地方重拍"

        # -- the handbook, acknowledged with its version and hash; the start date confirmed -------------------------
        policy = call("GET", f"{api}/onboard/policies", expect=200, headers=emp)[0]
        assert policy["text_sha256"] == hashlib.sha256(handbook_text.encode()).hexdigest()
        call("POST", f"{api}/onboard/policies/{policy['id']}/acknowledgement", expect=409, headers=emp,
             json={"version": "2025.9", "text_sha256": policy["text_sha256"]})
        call("POST", f"{api}/onboard/policies/{policy['id']}/acknowledgement", expect=201, headers=emp,
             json={"version": policy["version"], "text_sha256": policy["text_sha256"]})
        call("POST", f"{api}/onboard/start-date/confirmation", expect=200, headers=emp)
        courses = call("GET", f"{api}/onboard/training", expect=200, headers=emp)
        assert [c["title"] for c in courses] == ["合规基础课程"]
        assert not any(key in courses[0] for key in ("score", "reason", "competency"))  # never a score for the employee

        # -- HR: progress, the masked form, the document check, the training suggestion with its reason -------------
        board = call("GET", f"{api}/onboarding/board", expect=200, headers=hr)
        card = next(c for c in board["cases"] if c["id"] == case_id)
        assert card["stage"] == "in_progress" and card["progress"]["done"] >= 3 and 0 < card["progress"]["percent"] < 100
        detail = call("GET", f"{api}/onboarding/cases/{case_id}", expect=200, headers=hr)
        fields = {f["name"]: f for f in detail["form"]}
        assert fields["id_number"]["masked"] and fields["id_number"]["value"] != number and "*" in fields["id_number"]["value"]
        done = {t["key"] for t in detail["tasks"] if t["done_at"]}
        assert {"form", "id_card_front", "handbook"} <= done and "id_card_back" not in done
        assert detail["acknowledgements"][0]["version"] == "2026.1"
        suggestion = detail["training"][0]
        assert suggestion["course"]["id"] == course["id"] and suggestion["reason"] == "风险意识评分较低 → 合规基础课程"
        assert suggestion["source"] == "interview+human" and suggestion["score"] == 50.0
        revealed = call("POST", f"{api}/onboarding/cases/{case_id}/reveal", expect=200, headers=hr,
                        json={"field": "id_number", "reason": "办理社保登记"})
        assert revealed["value"] == number
        events = call("GET", f"{api}/applications/{application['id']}", expect=200, headers=hr)["events"]
        assert any(e["kind"] == "sensitive_field_revealed" and e["reason"] == "办理社保登记" for e in events)
        assert number not in json.dumps(events)

        # -- mentor: suggested with reasons, confirmed, both told ---------------------------------------------------
        suggestions = call("GET", f"{api}/onboarding/cases/{case_id}/mentor-suggestions", expect=200, headers=hr)
        assert [s["employee"]["id"] for s in suggestions] == [near["id"], far["id"]]
        assert any("风险意识" in r for r in suggestions[0]["reasons"]) and any("同部门" in r for r in suggestions[0]["reasons"])
        call("PUT", f"{api}/onboarding/cases/{case_id}/mentor", expect=200, headers=hr, json={"employee_id": near["id"]})
        run_jobs()
        assert call("GET", f"{api}/onboard/me", expect=200, headers=emp)["mentor"]["name"] == "李导师"
        assert "mentor_assigned" in {m["template"] for m in call("GET", f"{api}/onboard/messages", expect=200, headers=emp)}

        # -- the HRIS got signed events; the signature verifies with the shared secret; a replay is refused ----------
        deliveries = call("GET", f"{api}/onboarding/webhooks/deliveries", expect=200, headers=admin)
        assert {d["event"] for d in deliveries} == {"onboarding.start_date_confirmed", "onboarding.mentor_assigned"}
        assert all(d["status"] == "delivered" and d["attempt_count"] == 1 for d in deliveries)
        assert len(receiver.received) == 2
        first = next(r for r in receiver.received if r["headers"]["X-QingPin-Event"] == "onboarding.start_date_confirmed")
        header = first["headers"]["X-QingPin-Signature"]
        timestamp = header.split(",")[0].removeprefix("t=")
        expected = hmac.new(secret.encode(), timestamp.encode() + b"." + first["body"], hashlib.sha256).hexdigest()
        assert header.split(",")[1] == f"v1={expected}"
        seen: set[str] = set()
        verify(secret, signature_header=header, event_id=first["headers"]["X-QingPin-Event-Id"], body=first["body"], seen=seen)
        with pytest.raises(SignatureError, match="replayed"):
            verify(secret, signature_header=header, event_id=first["headers"]["X-QingPin-Event-Id"], body=first["body"], seen=seen)
        with pytest.raises(SignatureError, match="bad signature"):
            verify("whsec_wrong", signature_header=header, event_id=str(uuid.uuid4()), body=first["body"], seen=set())
        event = json.loads(first["body"])
        assert event["data"]["employee"]["name"] == "王小明" and event["data"]["employee"]["start_date"] == start.isoformat()
        assert number not in first["body"].decode() and "6222020200112233446" not in first["body"].decode()
        assert any(task["key"] == "it_account" for task in event["data"]["plan"])
    finally:
        receiver.close()
