"""HR corrects parsed résumé fields: kept beside the parse (audited), used by the match and the screening rank,
kept across a re-parse; low-confidence fields are flagged and never count before HR checks them."""
from __future__ import annotations

from .helpers import JOB, create_job
from .test_screening import _apply

REQUIREMENTS = {"skills": ["风险控制"], "min_years": 5, "education": "本科"}
DATED = ["电话：13800138011", "教育经历", "2014.09-2018.06 复旦大学 金融学 本科", "工作经历",
         "2022.01-2024.12 某某银行 客户经理", "技能：风险控制"]
# The work entry has no dates: years of experience cannot be read, so they are flagged, not guessed.
UNDATED = ["电话：13800138012", "教育经历", "2008.09-2012.06 南开大学 金融学 本科", "工作经历",
           "某某银行 风险经理", "技能：风险控制"]


def _documents(client, hr, application_id):
    return client.get(f"/api/applications/{application_id}/documents", headers=hr).json


def _board(client, hr, job_id):
    return [row["candidate_name"] for row in client.get(f"/api/jobs/{job_id}/screening", headers=hr).json["ranked"]]


def test_a_correction_is_kept_across_a_reparse_and_the_rank_uses_it(client, make_hr, run_jobs):
    hr = make_hr()
    job = create_job(client, hr, dict(JOB, requirements=REQUIREMENTS))
    dated = _apply(client, hr, job["id"], "有日期", DATED)
    undated = _apply(client, hr, job["id"], "无日期", UNDATED)
    run_jobs()

    (document,) = _documents(client, hr, undated)
    assert "years_experience" in document["fields"]["check"]
    assert document["fields"]["confidence"]["years_experience"] < 0.7
    experience = document["match"]["parts"]["experience"]
    assert experience["needs_check"] and experience["score"] == 0 and "待核实" in experience["reasons"][0]
    assert _board(client, hr, job["id"]) == ["有日期", "无日期"]

    url = f"/api/applications/{undated}/documents/{document['id']}/fields"
    corrected = client.patch(url, headers=hr, json={"corrections": {"work[0].start": "2012-07", "work[0].end": "2020-12"}})
    assert corrected.status_code == 200, corrected.json
    body = corrected.json
    assert body["corrections"] == {"work[0].start": "2012-07", "work[0].end": "2020-12"}
    assert body["fields"]["work"][0]["start"] is None  # the parse itself is kept as it was read
    assert body["effective"]["work"][0]["start"] == "2012-07" and body["effective"]["years_experience"] == 8.5
    assert "years_experience" not in body["effective"]["check"]
    assert body["match"]["parts"]["experience"]["score"] == 100 and not body["match"]["parts"]["experience"]["needs_check"]
    assert _board(client, hr, job["id"]) == ["无日期", "有日期"]

    # A re-parse (HR changed the job's settings and re-matched) reads the text again; the correction stays.
    client.patch(f"/api/jobs/{job['id']}", headers=hr, json={"requirements": dict(REQUIREMENTS, synonyms={"风险控制": ["风控"]})})
    assert client.post(f"/api/jobs/{job['id']}/screening/rematch", headers=hr).json["updated"] == 2
    (again,) = _documents(client, hr, undated)
    assert again["fields"]["work"][0]["start"] is None and again["corrections"] == body["corrections"]
    assert again["effective"]["years_experience"] == 8.5
    assert again["match"]["parts"]["experience"]["score"] == 100
    assert _board(client, hr, job["id"]) == ["无日期", "有日期"]

    events = client.get(f"/api/applications/{undated}", headers=hr).json["events"]
    (event,) = [e for e in events if e["kind"] == "resume_corrected"]
    assert event["data"]["changes"]["work[0].start"] == {"parsed": None, "before": None, "after": "2012-07"}

    # null withdraws a correction; the field is flagged again and the rank falls back.
    withdrawn = client.patch(url, headers=hr, json={"corrections": {"work[0].start": None, "work[0].end": None}}).json
    assert withdrawn["corrections"] == {} and "years_experience" in withdrawn["effective"]["check"]
    assert _board(client, hr, job["id"]) == ["有日期", "无日期"]
    assert dated


def test_corrections_are_checked_and_scoped_to_the_organization(client, make_hr, run_jobs):
    hr = make_hr()
    stranger = make_hr(organization="别的银行")
    job = create_job(client, hr, dict(JOB, requirements=REQUIREMENTS))
    application = _apply(client, hr, job["id"], "有日期", DATED)
    run_jobs()
    (document,) = _documents(client, hr, application)
    url = f"/api/applications/{application}/documents/{document['id']}/fields"

    for corrections, path in (({"gender": "男"}, "gender"), ({"work[5].title": "x"}, "work[5].title"),
                              ({"work[0].start": "07/2019"}, "work[0].start"), ({"years_experience": "很多"}, "years_experience"),
                              ({"education[0].degree": "高中"}, "education[0].degree"), ({"skills": "Python"}, "skills")):
        response = client.patch(url, headers=hr, json={"corrections": corrections})
        assert response.status_code == 422 and path in response.json["errors"], (corrections, response.json)
    assert client.patch(url, headers=hr, json={"corrections": {}}).status_code == 422
    assert client.patch(url, headers=stranger, json={"corrections": {"name": "某人"}}).status_code == 404
    other = _apply(client, hr, job["id"], "别人", DATED)
    wrong = f"/api/applications/{other}/documents/{document['id']}/fields"
    assert client.patch(wrong, headers=hr, json={"corrections": {"name": "某人"}}).status_code == 404
    assert _documents(client, hr, application)[0]["corrections"] == {}

    ok = client.patch(url, headers=hr, json={"corrections": {"work[0].title": "风险经理", "skills": ["风险控制", "SQL"]}})
    assert ok.status_code == 200 and ok.json["effective"]["work"][0]["title"] == "风险经理"
    assert ok.json["effective"]["skills"] == ["风险控制", "SQL"]
