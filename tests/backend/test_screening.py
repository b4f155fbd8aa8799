"""Résumé screening per job: validated requirements, HR's synonym table, re-matching, and the ranked pool proposal."""
from __future__ import annotations

import io

import docx

from .helpers import JOB, create_job

REQUIREMENTS = {"skills": ["天枢系统", "风险控制"], "min_years": 3, "education": "本科"}


def _resume(name: str, lines: list[str]) -> bytes:
    document = docx.Document()
    document.add_paragraph(name)
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


STRONG = ["电话：13800138001", "教育经历", "2012.09-2016.06 复旦大学 金融学 本科", "工作经历",
          "2016.07-至今 某某银行 对公客户经理", "技能：熟练使用TS平台，负责风险控制与贷后管理"]
MIDDLE = ["电话：13800138002", "教育经历", "2015.09-2019.06 贵州大学 会计学 本科", "工作经历",
          "2019.07-2021.06 某某证券 客户经理", "技能：风险控制"]
WEAK = ["电话：13800138003", "教育经历", "2020.09-2023.06 某某职业学院 市场营销 大专", "技能：办公软件"]


def _apply(client, hr, job_id, name, lines) -> str:
    application = client.post("/api/applications", json={"job_id": job_id, "candidate": {"name": name}}, headers=hr).json
    posted = client.post(f"/api/applications/{application['id']}/documents", headers=hr, content_type="multipart/form-data",
                         data={"kind": "resume", "file": (io.BytesIO(_resume(name, lines)), "resume.docx")})
    assert posted.status_code == 202, posted.json
    return application["id"]


def test_bad_requirements_are_a_422_naming_the_field(client, make_hr):
    hr = make_hr()
    for requirements, field in (({"education": "小学"}, "requirements.education"),
                                ({"min_years": -1}, "requirements.min_years"),
                                ({"skills": "Python"}, "requirements.skills"),
                                ({"synonyms": {"Python": "py"}}, "requirements.synonyms"),
                                ({"synonyms": ["Python"]}, "requirements.synonyms"),
                                ({"salary": 10000}, "requirements.salary")):
        response = client.post("/api/jobs", json=dict(JOB, requirements=requirements), headers=hr)
        assert response.status_code == 422, (requirements, response.json)
        assert field in response.json["errors"], response.json
    job = create_job(client, hr, dict(JOB, requirements=REQUIREMENTS))
    bad = client.patch(f"/api/jobs/{job['id']}", json={"requirements": {"education": "高中"}}, headers=hr)
    assert bad.status_code == 422
    assert client.get(f"/api/jobs/{job['id']}", headers=hr).json["requirements"]["education"] == "本科"


def test_the_board_ranks_by_match_proposes_a_pool_and_learns_hr_synonyms(client, make_hr, run_jobs):
    hr = make_hr()
    job = create_job(client, hr, dict(JOB, requirements=REQUIREMENTS))
    ids = {name: _apply(client, hr, job["id"], name, lines)
           for name, lines in (("强候选", STRONG), ("中候选", MIDDLE), ("弱候选", WEAK))}
    no_resume = client.post("/api/applications", json={"job_id": job["id"], "candidate": {"name": "未投简历"}}, headers=hr).json
    run_jobs()

    board = client.get(f"/api/jobs/{job['id']}/screening", headers=hr).json
    assert [row["candidate_name"] for row in board["ranked"]] == ["强候选", "中候选", "弱候选"]
    assert [row["rank"] for row in board["ranked"]] == [1, 2, 3]
    assert [row["candidate_name"] for row in board["without_resume"]] == ["未投简历"]
    assert board["without_resume"][0]["application_id"] == no_resume["id"]
    assert board["top_percent"] == 30 and board["proposed"] == 1  # ceil(3 × 30 %) = 1
    top = board["ranked"][0]
    assert top["proposed"] and "前 30%" in top["basis"] and not board["ranked"][1]["proposed"]
    assert all(part["reasons"] for part in top["parts"].values())
    skills_before = top["parts"]["skills"]["score"]
    assert skills_before < 100  # "TS平台" is not yet known to mean 天枢系统

    everyone = client.get(f"/api/jobs/{job['id']}/screening", headers=hr, query_string={"threshold": 0}).json
    assert everyone["proposed"] == 3 and all("阈值" in row["basis"] for row in everyone["ranked"])
    assert client.get(f"/api/jobs/{job['id']}/screening", headers=hr, query_string={"top_percent": 0}).status_code == 422
    assert client.get(f"/api/jobs/{job['id']}/screening", headers=hr, query_string={"threshold": 101}).status_code == 422

    # HR teaches the matcher the bank's own name for the system; the old matches are stale until re-matched.
    patched = client.patch(f"/api/jobs/{job['id']}", headers=hr,
                           json={"requirements": dict(REQUIREMENTS, synonyms={"天枢系统": ["TS平台"]})})
    assert patched.status_code == 200, patched.json
    assert all(row["stale"] for row in client.get(f"/api/jobs/{job['id']}/screening", headers=hr).json["ranked"])
    rematched = client.post(f"/api/jobs/{job['id']}/screening/rematch", headers=hr).json
    assert rematched["updated"] == 3 and rematched["unchanged"] == 0
    assert client.post(f"/api/jobs/{job['id']}/screening/rematch", headers=hr).json == dict(rematched, updated=0, unchanged=3)
    after = client.get(f"/api/jobs/{job['id']}/screening", headers=hr).json
    top = after["ranked"][0]
    assert top["candidate_name"] == "强候选" and not top["stale"]
    assert top["parts"]["skills"]["score"] == 100 > skills_before
    assert any("TS平台" in evidence["quote"] for evidence in top["parts"]["skills"]["evidence"])
    events = client.get(f"/api/applications/{ids['强候选']}", headers=hr).json["events"]
    assert any(e["kind"] == "resume_rematched" for e in events)


def test_the_board_is_for_the_job_owners_editors_only(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr, dict(JOB, requirements=REQUIREMENTS))
    stranger = make_hr(organization="别的银行")
    assert client.get(f"/api/jobs/{job['id']}/screening", headers=stranger).status_code == 404
    assert client.get(f"/api/jobs/{job['id']}/screening", headers=make_hr("interviewer")).status_code == 403
    assert client.post(f"/api/jobs/{job['id']}/screening/rematch", headers=stranger).status_code == 404
    assert client.get(f"/api/jobs/{job['id']}/screening").status_code == 401
