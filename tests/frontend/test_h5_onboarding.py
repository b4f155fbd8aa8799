"""The new employee's onboarding in a phone-sized Chromium against a real QingPin (admin_h5/e2e/onboard.e2e.mjs).

HR's side is prepared over the API here (a finished interview, a human score that finds 风险意识 weak, the hire with
its offer, a course, the handbook, a mentor confirmed); the browser script is the employee; afterwards HR's case
detail shows what the employee did on the phone."""
from __future__ import annotations

import hashlib
import io
import time
import wave
from datetime import date, timedelta

import requests

from tests.backend.documents_images import id_card_front, id_number

DEMO = {"email": "admin@demo.qingpin.local", "password": "qingpin-demo-2026"}
JOB = {
    "title": "对公客户经理（入职测试）",
    "competencies": {"风险意识": 0.5, "客户导向": 0.5},
    "questions": [{"text": "请描述一次你发现并处理业务风险的经历。", "competencies": {"风险意识": 0.5, "客户导向": 0.5},
                   "rubric": [{"text": "识别风险并上报", "key_phrases": ["风险", "上报"]}]}],
}


class Http:
    def __init__(self, base: str):
        self.base = base

    def __call__(self, method: str, path: str, *, expect: int, token: str | None = None, **kwargs):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = requests.request(method, f"{self.base}{path}", headers=headers, timeout=60, **kwargs)
        assert response.status_code == expect, (method, path, response.status_code, response.text[:500])
        return response.json() if response.content else None


def _silence(seconds: float = 3.0) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1), out.setsampwidth(2), out.setframerate(16000)
        out.writeframes(b"\0\0" * int(16000 * seconds))
    return buffer.getvalue()


def _hired_case(http: Http, hr: str) -> dict:
    """A candidate who finished the interview, was scored by a human and hired with an offer; returns the login."""
    job = http("POST", "/api/jobs", expect=201, token=hr, json=JOB)
    application = http("POST", "/api/applications", expect=201, token=hr, json={
        "job_id": job["id"], "candidate": {"name": "王小明", "phone": "13812345678", "email": "wang@example.com"}})
    invitation = http("POST", f"/api/applications/{application['id']}/invitations", expect=201, token=hr, json={"qr": False})
    me = http("POST", "/api/candidate/session", expect=201, json={"invitation_token": invitation["token"]})["token"]
    for notice in http("GET", "/api/candidate/consents", expect=200, token=me)["notices"]:
        http("POST", "/api/candidate/consents", expect=201, token=me, json={
            "kind": notice["kind"], "granted": True, "notice_version": notice["version"],
            "text_sha256": notice["text_sha256"], "channel": "h5"})
    question = http("GET", "/api/candidate/interview", expect=200, token=me)["questions"][0]
    answer = http("POST", f"/api/candidate/questions/{question['id']}/start", expect=201, token=me)["answer_id"]
    audio = _silence()
    http("POST", f"/api/candidate/answers/{answer}/segments", expect=201, token=me,
         data={"index": 0, "count": 1, "sha256": hashlib.sha256(audio).hexdigest()}, files={"file": ("a.wav", audio)})
    http("POST", "/api/candidate/interview/finish", expect=200, token=me)
    deadline = time.monotonic() + 180
    while http("GET", f"/api/applications/{application['id']}", expect=200, token=hr)["state"] != "scored":
        assert time.monotonic() < deadline, "the worker did not process the answer"
        time.sleep(1)
    http("POST", f"/api/applications/{application['id']}/human-scores", expect=201, token=hr,
         json={"competency_scores": {"风险意识": 45, "客户导向": 80}})
    decisions = f"/api/applications/{application['id']}/decisions"
    http("POST", decisions, expect=200, token=hr, json={"to_state": "advanced", "reason": "人工复核通过", "notify": False})
    offer = {"position": "对公客户经理", "department": "公司金融部", "start_date": (date.today() + timedelta(days=10)).isoformat(),
             "location": "北京分行", "manager": "陈经理"}
    hired = http("POST", decisions, expect=200, token=hr, json={"to_state": "hired", "reason": "终面通过", "offer": offer})
    return {"application_id": application["id"], **hired["onboarding"]}


def test_new_employee_onboards_on_a_phone(live_qingpin, run_e2e, tmp_path):
    http = Http(live_qingpin.url)
    hr = http("POST", "/api/auth/login", expect=200, json=DEMO)["token"]
    http("POST", "/api/onboarding/courses", expect=201, token=hr, json={"title": "合规基础课程", "competency": "风险意识", "hours": 6})
    http("POST", "/api/onboarding/policies", expect=201, token=hr, json={
        "key": "handbook", "title": "员工手册", "version": "2026.1",
        "body": "第一章 总则\n第一条 员工应遵守国家法律法规和本行各项规章制度。\n第二条 严禁泄露客户信息。"})
    mentor = http("POST", "/api/onboarding/employees", expect=201, token=hr, json={
        "name": "李导师", "department": "公司金融部", "location": "北京分行", "is_mentor": True, "mentor_capacity": 2,
        "skills": ["风险意识"]})
    login = _hired_case(http, hr)
    suggested = http("GET", f"/api/onboarding/cases/{login['case_id']}/mentor-suggestions", expect=200, token=hr)
    assert suggested[0]["employee"]["id"] == mentor["id"]
    http("PUT", f"/api/onboarding/cases/{login['case_id']}/mentor", expect=200, token=hr, json={"employee_id": mentor["id"]})

    number = id_number()
    card = tmp_path / "id-front.jpg"
    card.write_bytes(id_card_front("王小明", number))
    run_e2e("onboard", live_qingpin.url, env={"QINGPIN_CASE_ID": login["case_id"], "QINGPIN_LOGIN_CODE": login["login_code"],
                                              "QINGPIN_ID_CARD": str(card), "QINGPIN_ID_NUMBER": number})

    detail = http("GET", f"/api/onboarding/cases/{login['case_id']}", expect=200, token=hr)
    fields = {f["name"]: f for f in detail["form"]}
    assert fields["name"]["status"] == "confirmed" and fields["id_number"]["masked"] and number not in str(detail["form"])
    front = next(d for d in detail["documents"] if d["kind"] == "id_card_front")
    assert front["comparison"]["id_number"]["matches"] is True and front["employee_confirmed_at"]
    assert [a["version"] for a in detail["acknowledgements"]] == ["2026.1"] and detail["start_date_confirmed_at"]
    assert detail["training"][0]["reason"] == "风险意识评分较低 → 合规基础课程"
