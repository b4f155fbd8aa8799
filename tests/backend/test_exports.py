"""Excel exports on SQLite and PostgreSQL: the files open with openpyxl and hold the organization's rows under Chinese
headers; admins and recruiters only; every download is logged; another organization gets none of it."""
from __future__ import annotations

import io

import openpyxl
from sqlmodel import select

from backend.api.candidates import STATE_LABELS
from backend.db import session_scope
from backend.models import Event

from .helpers import create_job, invite_candidate
from .test_analytics import history  # noqa: F401  (the fixture)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _workbook(response) -> openpyxl.Workbook:
    assert response.status_code == 200, response.json
    assert response.mimetype == XLSX and "attachment" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "private, no-store"
    return openpyxl.load_workbook(io.BytesIO(response.data), read_only=True)


def _rows(sheet) -> list[tuple]:
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_the_application_list_exports_with_chinese_headers(app, client, make_hr):
    hr = make_hr("recruiter")
    job = create_job(client, hr)
    invite_candidate(client, hr, job["id"], name="陈导出", consent=False)
    client.post("/api/applications", headers=hr, json={"job_id": job["id"], "candidate": {"name": "林未邀", "phone": "13800000000"}})
    book = _workbook(client.get("/api/exports/applications.xlsx", headers=hr, query_string={"job_id": job["id"]}))
    rows = _rows(book["候选人"])
    assert rows[0] == ("候选人", "手机", "邮箱", "职位", "阶段", "投递时间", "最近更新", "面试得分", "评分状态", "结果已发布")
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {"陈导出", "林未邀"}
    assert by_name["林未邀"][1] == "13800000000" and by_name["林未邀"][3] == "对公客户经理"
    assert by_name["陈导出"][4] == "待预约" and by_name["陈导出"][9] == "否"
    assert by_name["陈导出"][5].year >= 2026  # a real date cell

    only_invited = _workbook(client.get("/api/exports/applications.xlsx", headers=hr, query_string={"state": "invited"}))
    assert [row[0] for row in _rows(only_invited["候选人"])[1:]] == ["陈导出"]
    with app.app_context(), session_scope() as session:
        logged = session.exec(select(Event).where(Event.kind == "export_downloaded").order_by(Event.created_at)).all()
        assert [(e.data["what"], e.data["rows"], e.actor_type) for e in logged] == [("applications", 2, "hr"), ("applications", 1, "hr")]
        assert logged[1].data["filters"]["state"] == "invited"


def test_the_analytics_tables_export_one_sheet_each(client, history):  # noqa: F811
    book = _workbook(client.get("/api/exports/analytics.xlsx", headers=history["hr"],
                                query_string={"job_id": history["job"]["id"], "date_from": "2026-03-02", "date_to": "2026-03-04"}))
    assert book.sheetnames == ["漏斗", "流失", "阶段用时", "未通过原因", "AI与人工一致性", "每日"]
    funnel = _rows(book["漏斗"])
    assert funnel[0] == ("阶段", "到达人数", "转化率(%)", "占投递(%)")
    assert funnel[1][:2] == (STATE_LABELS["applied"], 5) and funnel[3][1:3] == (2, 40)
    assert _rows(book["未通过原因"])[1] == ("experience", "相关经验暂不满足岗位要求", 2, 100)
    times = _rows(book["阶段用时"])
    assert times[-1] == ("面试完成→决定", 2, 16, 20)
    assert [row[0] for row in _rows(book["每日"])[1:]] == ["2026-03-02", "2026-03-03", "2026-03-04"]


def test_exports_are_for_admins_and_recruiters_of_the_organization(client, make_hr, history):  # noqa: F811
    interviewer = make_hr("interviewer")
    for path in ("/api/exports/applications.xlsx", "/api/exports/analytics.xlsx"):
        assert client.get(path, headers=interviewer).status_code == 403
        assert client.get(path).status_code == 401
        assert client.get(path, headers=history["hr"], query_string={"date_from": "2026-02-30"}).status_code == 422
        assert client.get(path, headers=history["hr"], query_string={"date_from": "2026-03-05",
                                                                     "date_to": "2026-03-01"}).status_code == 422
    assert client.get("/api/exports/applications.xlsx", headers=history["hr"], query_string={"state": "lost"}).status_code == 422
    other = make_hr("admin", organization="other-bank")
    assert client.get("/api/exports/applications.xlsx", headers=other, query_string={"job_id": history["job"]["id"]}).status_code == 404
    theirs = _workbook(client.get("/api/exports/applications.xlsx", headers=other))
    assert _rows(theirs["候选人"])[1:] == []
