"""HR auth, jobs and questions, applications and invitations through the HTTP API, on SQLite and PostgreSQL."""
from __future__ import annotations

import io
import re
import uuid

from .helpers import JOB, create_job, invite_candidate, start_question, upload_segment


def test_openapi_and_docs(client):
    spec = client.get("/api/openapi.json")
    assert spec.status_code == 200
    paths = spec.json["paths"]
    for path in ("/api/auth/login", "/api/jobs", "/api/applications/{application_id}",
                 "/api/candidate/questions/{question_id}/start", "/api/candidate/answers/{answer_id}/segments"):
        assert path in paths
    assert client.get("/api/docs").status_code == 200


def test_the_openapi_document_is_built_on_first_read_whole_and_once(app):
    """create_app registers the routes but leaves the document (70 % of its time) for the first reader; readers at
    once all get the whole document, every blueprint's paths and tags, built once."""
    from concurrent.futures import ThreadPoolExecutor

    api = app.extensions["flask-smorest"]["apis"][""]["ext_obj"]
    assert len(api._pending_docs) == len(app.extensions["flask-smorest"]["blp_name_to_api"]) > 10
    assert app.test_client().post("/api/auth/login", json={"email": "x", "password": ""}).status_code == 422
    assert api._pending_docs, "a request must not build the document"

    def read(_):
        return app.test_client().get("/api/openapi.json").json

    with ThreadPoolExecutor(4) as pool:
        documents = list(pool.map(read, range(4)))
    assert not api._pending_docs
    assert all(document == documents[0] for document in documents)
    tags = [tag["name"] for tag in documents[0]["tags"]]
    assert len(tags) == len(set(tags)) == len(app.extensions["flask-smorest"]["blp_name_to_api"])
    operations = {(path, method) for path, item in documents[0]["paths"].items() for method in item if method != "parameters"}
    rules = {(re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule), method.lower()) for rule in app.url_map.iter_rules()
             if rule.endpoint.split(".")[0] in tags for method in rule.methods - {"HEAD", "OPTIONS"}}
    assert len(operations) == len(rules) > 100


def test_login_rejects_wrong_password_and_unknown_user_alike(client, make_hr):
    make_hr("admin")
    unknown = client.post("/api/auth/login", json={"email": "nobody@example.com", "password": "whatever-password"})
    assert unknown.status_code == 401
    assert unknown.json["reason"] == "bad_credentials"
    bad = client.post("/api/auth/login", json={"email": "x", "password": ""})
    assert bad.status_code == 422 and "errors" in bad.json


def test_passwords_are_stored_with_werkzeugs_full_strength_scrypt_outside_the_tests():
    """The tests hash with a cheaper scrypt (tests/conftest.py); production hashes with werkzeug's default."""
    from tests.conftest import PRODUCTION_PASSWORD_HASHING as production

    assert production["generate"]("correct horse battery").startswith("scrypt:32768:8:1$")
    assert production["dummy"].startswith("scrypt:32768:8:1$")


def test_token_required_and_logout_revokes(client, make_hr):
    assert client.get("/api/jobs").status_code == 401
    headers = make_hr("recruiter")
    assert client.get("/api/auth/me", headers=headers).json["role"] == "recruiter"
    assert client.post("/api/auth/logout", headers=headers).status_code == 204
    assert client.get("/api/auth/me", headers=headers).status_code == 401


def test_job_crud_with_weight_validation(client, make_hr):
    headers = make_hr()
    job = create_job(client, headers)
    assert job["questions"][0]["rubric"][0]["id"] == "r1"
    assert job["screening_weights"] == {"skills": 0.4, "experience": 0.3, "education": 0.2, "other": 0.1}

    bad = dict(JOB, competencies={"沟通能力": 0.6, "客户导向": 0.6})
    response = client.post("/api/jobs", json=bad, headers=headers)
    assert response.status_code == 422 and "sum to 1" in response.json["message"]

    stray = dict(JOB, questions=[dict(JOB["questions"][0], competencies={"风险意识": 1.0})])
    assert client.post("/api/jobs", json=stray, headers=headers).status_code == 422

    patched = client.patch(f"/api/jobs/{job['id']}", json={"screening_weights": {"skills": 0.5, "experience": 0.5}}, headers=headers)
    assert patched.status_code == 200 and patched.json["screening_weights"]["skills"] == 0.5

    added = client.post(f"/api/jobs/{job['id']}/questions", headers=headers, json={
        "text": "为什么选择我们银行？", "competencies": {"沟通能力": 1},
        "rubric": [{"text": "了解银行", "key_phrases": ["银行"]}]})
    assert added.status_code == 201 and added.json["position"] == 2
    assert client.delete(f"/api/jobs/{job['id']}/questions/{added.json['id']}", headers=headers).status_code == 204


def test_list_pagination(client, make_hr):
    headers = make_hr()
    for index in range(3):
        create_job(client, headers, dict(JOB, title=f"岗位{index}"))
    page = client.get("/api/jobs?page=1&page_size=2", headers=headers)
    assert page.status_code == 200 and len(page.json) == 2
    assert '"total": 3' in page.headers["X-Pagination"]


def test_interviewer_cannot_create_jobs(client, make_hr):
    headers = make_hr("interviewer")
    assert client.post("/api/jobs", json=JOB, headers=headers).status_code == 403
    assert client.get("/api/jobs", headers=headers).status_code == 200


def test_hr_of_another_organization_sees_nothing(client, make_hr):
    ours = make_hr()
    theirs = make_hr(organization="other-bank")
    job = create_job(client, ours)
    application, _ = invite_candidate(client, ours, job["id"])
    assert client.get(f"/api/jobs/{job['id']}", headers=theirs).status_code == 404
    assert client.get(f"/api/applications/{application['id']}", headers=theirs).status_code == 404
    assert client.post(f"/api/applications/{application['id']}/invitations", headers=theirs).status_code == 404
    assert client.get("/api/jobs", headers=theirs).json == []
    response = client.post("/api/applications", json={"job_id": job["id"], "candidate": {"name": "x"}}, headers=theirs)
    assert response.status_code == 404


def test_candidate_token_reads_only_its_own_application(client, make_hr):
    headers = make_hr()
    job = create_job(client, headers)
    _, first = invite_candidate(client, headers, job["id"], name="甲")
    second_application, second = invite_candidate(client, headers, job["id"], name="乙")
    mine = client.get("/api/candidate/interview", headers=first)
    assert mine.status_code == 200 and mine.json["state"] == "invited"
    assert "rubric" not in mine.json["questions"][0]
    assert mine.json["questions"][0]["text"] is None  # released only when the candidate starts the question
    started = start_question(client, first, mine.json["questions"][0]["id"])
    assert started["question"]["text"] == JOB["questions"][0]["text"]
    assert upload_segment(client, second, started["answer_id"], b"RIFF....WAVE").status_code == 404
    # A candidate token is no HR token, and never reaches another application.
    assert client.get(f"/api/applications/{second_application['id']}", headers=first).status_code == 401
    assert client.get(f"/api/candidate/answers/{uuid.uuid4()}", headers=first).status_code == 404


def test_invitation_reissue_revokes_the_old_link(client, make_hr):
    headers = make_hr()
    job = create_job(client, headers)
    application = client.post("/api/applications", json={"job_id": job["id"], "candidate": {"name": "丙"}}, headers=headers).json
    old = client.post(f"/api/applications/{application['id']}/invitations", headers=headers).json["token"]
    new = client.post(f"/api/applications/{application['id']}/invitations", headers=headers).json["token"]
    assert client.post("/api/candidate/session", json={"invitation_token": old}).status_code == 404
    assert client.post("/api/candidate/session", json={"invitation_token": new}).status_code == 201
    assert client.post("/api/candidate/session", json={"invitation_token": "x" * 40}).status_code == 404


def test_rejection_needs_a_human_reason(client, make_hr):
    headers = make_hr()
    job = create_job(client, headers)
    application, _ = invite_candidate(client, headers, job["id"])
    url = f"/api/applications/{application['id']}/decisions"
    assert client.post(url, json={"to_state": "rejected"}, headers=headers).status_code == 422
    done = client.post(url, json={"to_state": "rejected", "reason": "经验不符合岗位要求"}, headers=headers)
    assert done.status_code == 200 and done.json["state"] == "rejected"
    assert client.post(url, json={"to_state": "hired", "reason": "x" * 3}, headers=headers).status_code == 409
    events = client.get(f"/api/applications/{application['id']}", headers=headers).json["events"]
    assert [e["to_state"] for e in events if e["kind"] == "state_changed"] == ["invited", "rejected"]


def test_bad_uploads_get_clear_4xx_and_the_application_stays_usable(client, make_hr):
    headers = make_hr()
    job = create_job(client, headers)
    application, me = invite_candidate(client, headers, job["id"])
    question_id = job["questions"][0]["id"]
    answer_id = start_question(client, headers=me, question_id=question_id)["answer_id"]

    def upload(content: bytes, name: str):
        return upload_segment(client, me, answer_id, content, name=name)

    empty = upload(b"", "answer.mp4")
    assert empty.status_code == 422 and empty.json["reason"] == "empty_file"
    text = upload("这不是视频，只是一段文字。".encode() * 50, "answer.mp4")
    assert text.status_code == 415 and text.json["reason"] == "unsupported_media"
    fake_mp4 = upload(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 2000, "answer.mp4")
    assert fake_mp4.status_code == 422 and fake_mp4.json["reason"] == "unreadable_media"
    missing = client.post(f"/api/candidate/answers/{answer_id}/segments", headers=me, data={"index": 0, "count": 1})
    assert missing.status_code == 422
    broken_wav = upload(b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 8, "a.wav")
    assert broken_wav.status_code == 422
    other = upload_segment(client, me, str(uuid.uuid4()), b"RIFF....WAVE")
    assert other.status_code == 404
    out_of_range = upload_segment(client, me, answer_id, b"RIFF....WAVE", index=5, count=2)
    assert out_of_range.status_code == 422 and out_of_range.json["reason"] == "bad_segment"
    interview = client.get("/api/candidate/interview", headers=me).json
    assert interview["state"] == "in_progress" and interview["answers"][0]["status"] == "recording"


def test_pipeline_counts_overdue_and_bulk_invite(client, make_hr, app):
    headers = make_hr()
    other_org = make_hr(organization="another-bank")
    job = create_job(client, headers)
    ids = [client.post("/api/applications", json={"job_id": job["id"], "candidate": {"name": f"候选人{i}"}},
                       headers=headers).json["id"] for i in range(3)]
    foreign = client.post("/api/applications", headers=other_org, json={
        "job_id": create_job(client, other_org)["id"], "candidate": {"name": "外"}}).json["id"]
    results = client.post("/api/applications/bulk-invitations", headers=headers, json={"application_ids": ids[:2] + [foreign]})
    assert results.status_code == 200
    assert [r["invited"] for r in results.json] == [True, True, False]
    assert results.json[2]["reason"] == "not_found"

    # One invitation has waited more than a day without a booking.
    from datetime import timedelta

    from backend.db import session_scope
    from sqlmodel import select

    from backend.models import Invitation, utcnow

    with app.app_context(), session_scope() as session:
        stale = session.exec(select(Invitation).where(Invitation.application_id == uuid.UUID(ids[0]))).one()
        stale.created_at = utcnow() - timedelta(hours=25)
        session.add(stale)
    pipeline = client.get(f"/api/pipeline?job_id={job['id']}", headers=headers).json
    counts = {s["state"]: s["count"] for s in pipeline["stages"]}
    assert counts["invited"] == 2 and counts["applied"] == 1 and pipeline["overdue"] == 1 and pipeline["total"] == 3
    assert {s["label"] for s in pipeline["stages"]} >= {"待预约", "待面试", "面试中", "已完成"}
    overdue = client.get("/api/applications?overdue=true", headers=headers).json
    assert [a["id"] for a in overdue] == [ids[0]] and overdue[0]["state_label"] == "待预约"
    assert client.get(f"/api/pipeline?job_id={job['id']}", headers=other_org).status_code == 404


def test_device_check_reports_level_and_reason(client, make_hr, shared_dir):
    headers = make_hr()
    job = create_job(client, headers)
    _, me = invite_candidate(client, headers, job["id"])

    def check(data: bytes):
        return client.post("/api/candidate/device-check", headers=me, content_type="multipart/form-data",
                           data={"file": (io.BytesIO(data), "check.webm")})

    good = check((shared_dir / "fixtures" / "interview" / "q2_average.webm").read_bytes())
    assert good.status_code == 200 and good.json["ok"] and good.json["speech_seconds"] > 2
    silent = check((shared_dir / "fixtures" / "interview" / "special_silence.wav").read_bytes())
    assert silent.status_code == 200 and silent.json["reason"] == "too_quiet" and silent.json["message"]
    garbage = check(b"hello" * 100)
    assert garbage.status_code == 200 and garbage.json["readable"] is False


def test_rubric_points_may_name_the_question_competencies_they_evidence(client, make_hr):
    headers = make_hr()
    job = create_job(client, headers)
    question = dict(job["questions"][0])
    competencies = list(question["competencies"])
    url = f"/api/jobs/{job['id']}/questions"
    point = {"text": "说明处理步骤", "key_phrases": ["步骤"], "competencies": [competencies[0]]}
    payload = {"text": "请描述一次你解决难题的经历。", "competencies": question["competencies"], "rubric": [point],
               "behavioural": True}
    created = client.post(url, json=payload, headers=headers)
    assert created.status_code == 201, created.json
    assert created.json["rubric"][0]["competencies"] == [competencies[0]] and created.json["behavioural"] is True
    wrong = dict(payload, rubric=[dict(point, competencies=["不存在的能力"])])
    refused = client.post(url, json=wrong, headers=headers)
    assert refused.status_code == 422 and "不存在的能力" in refused.json["message"]
    inferred = client.post(url, json=dict(payload, behavioural=None, rubric=[dict(point, competencies=[])]), headers=headers)
    assert inferred.status_code == 201 and inferred.json["behavioural"] is None
    assert "competencies" not in inferred.json["rubric"][0]
    kept = client.patch(f"{url}/{created.json['id']}", json={"think_seconds": 45}, headers=headers)
    assert kept.status_code == 200 and kept.json["behavioural"] is True
    # The question may not stop measuring a competency one of its rubric points is tagged with.
    narrowed = client.patch(f"{url}/{created.json['id']}", json={"competencies": {competencies[1]: 1.0}}, headers=headers)
    assert narrowed.status_code == 422 and competencies[0] in narrowed.json["message"]


def test_absurd_pages_and_taken_positions_are_4xx_not_500(client, make_hr):
    headers = make_hr()
    job = create_job(client, headers)
    far = client.get("/api/applications", headers=headers, query_string={"page": 4334354577155571200, "page_size": 89})
    assert far.status_code == 422 and far.json["reason"] == "page_out_of_range"
    assert client.get("/api/applications", headers=headers, query_string={"page": 1000}).status_code == 200
    second = client.post(f"/api/jobs/{job['id']}/questions", headers=headers, json=dict(JOB["questions"][0], text="第二题"))
    assert second.status_code == 201
    taken = client.patch(f"/api/jobs/{job['id']}/questions/{second.json['id']}", headers=headers, json={"position": 1})
    assert taken.status_code == 409 and taken.json["reason"] == "position_taken"
    same = client.patch(f"/api/jobs/{job['id']}/questions/{second.json['id']}", headers=headers, json={"position": 2})
    assert same.status_code == 200


def test_validation_errors_carry_a_message_naming_the_fields(client):
    bad = client.post("/api/auth/login", json={"email": "x", "password": ""})
    assert bad.status_code == 422 and bad.json["reason"] == "invalid_input"
    assert "json.email" in bad.json["message"] and "json.password" in bad.json["message"]
    assert bad.json["errors"]["json"]["email"]
    missing = client.get("/api/no-such-endpoint")
    assert missing.status_code == 404 and missing.json["message"]
