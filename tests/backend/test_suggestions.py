"""Key-phrase suggestions for rubric points: what HR is offered, and only for the organization's own jobs."""
from __future__ import annotations

import uuid

from .helpers import JOB, create_job

JOB_WITH_DESCRIPTION = {**JOB, "description": "负责对公客户的开发与维护，为企业客户办理贷款、结算等业务，处理客户诉求。"}


def test_suggestions_for_a_point_being_written(client, make_hr):
    hr = make_hr("recruiter")
    job = create_job(client, hr, JOB_WITH_DESCRIPTION)
    response = client.post(f"/api/jobs/{job['id']}/key-phrase-suggestions", headers=hr,
                           json={"point_text": "定期拜访和联系客户", "question_text": "请举例说明你是如何维护一位重要的企业客户的。"})
    assert response.status_code == 200, response.json
    body = response.json
    phrases = [s["phrase"] for s in body["suggestions"]]
    assert body["point_text"] == "定期拜访和联系客户"
    assert phrases[:3] == ["定期", "拜访", "联系"]  # the point's own words first
    assert "走访" in phrases and "拜会" in phrases  # Cilin synonyms sharing a character
    assert "客户" not in phrases and "企业" not in phrases  # the question's words prove nothing when repeated
    synonym = next(s for s in body["suggestions"] if s["phrase"] == "走访")
    assert synonym["source"] == "synonym" and "拜访" in synonym["reason"] and synonym["pinyin"] == "zou fang"
    again = client.post(f"/api/jobs/{job['id']}/key-phrase-suggestions", headers=hr,
                        json={"point_text": "定期拜访和联系客户", "question_text": "请举例说明你是如何维护一位重要的企业客户的。"})
    assert again.json == body


def test_suggestions_for_a_saved_question_use_its_text(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr, JOB_WITH_DESCRIPTION)
    question_id = client.get(f"/api/jobs/{job['id']}", headers=hr).json["questions"][0]["id"]
    response = client.post(f"/api/jobs/{job['id']}/key-phrase-suggestions", headers=hr,
                           json={"point_text": "查明投诉原因并跟进", "question_id": question_id, "limit": 5})
    assert response.status_code == 200, response.json
    phrases = [s["phrase"] for s in response.json["suggestions"]]
    assert len(phrases) <= 5 and {"查明", "跟进"} <= set(phrases) and "投诉" not in phrases
    # content-v5: 原因 is an everyday word (above the scorer's MAX_SYNONYM_FREQUENCY): the scorer does not count it
    # from the rubric text, so it is not proposed (nor its synonym 原故).
    assert "原因" not in phrases and "原故" not in phrases


def test_suggestions_are_scoped_to_the_organization_and_validated(client, make_hr):
    own = make_hr()
    other = make_hr(organization=f"other-{uuid.uuid4().hex[:6]}")
    job = create_job(client, own, JOB_WITH_DESCRIPTION)
    url = f"/api/jobs/{job['id']}/key-phrase-suggestions"
    assert client.post(url, headers=other, json={"point_text": "倾听"}).status_code == 404
    assert client.post(url, json={"point_text": "倾听"}).status_code == 401
    assert client.post(url, headers=own, json={}).status_code == 422
    assert client.post(url, headers=own, json={"point_text": ""}).status_code == 422
    stranger = client.post(url, headers=own, json={"point_text": "倾听", "question_id": str(uuid.uuid4())})
    assert stranger.status_code == 404 and stranger.json["message"]
    interviewer = make_hr("interviewer")
    assert client.post(url, headers=interviewer, json={"point_text": "倾听"}).status_code == 403
