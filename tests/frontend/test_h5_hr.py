"""The recruiter's hiring round in a phone-sized Chromium against a real QingPin (admin_h5/e2e/hr.e2e.mjs)."""
from __future__ import annotations

from openpyxl import load_workbook

from .conftest import create_org_user


def test_recruiter_runs_a_hiring_round_on_a_phone(live_qingpin, run_e2e, shared_dir, tmp_path):
    create_org_user(live_qingpin.instance, org_name="他行", slug="other-bank", email="hr@other-bank.example",
                    password="other-bank-pass-2026")
    export, applications = tmp_path / "analytics.xlsx", tmp_path / "applications.xlsx"
    output = run_e2e("hr", live_qingpin.url, env={"QINGPIN_OTHER_EMAIL": "hr@other-bank.example",
                                                  "QINGPIN_OTHER_PASSWORD": "other-bank-pass-2026",
                                                  "QINGPIN_EXPORT_PATH": str(export),
                                                  "QINGPIN_EXPORT_APPS_PATH": str(applications)})
    assert "# evidence quote at" in output
    # The Excel file the recruiter downloaded opens and counts the application that went through the round.
    workbook = load_workbook(export, read_only=True)
    cells = [str(c) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert any("已通过" in c for c in cells), cells[:50]
    assert any("阶段" in c or "招聘漏斗" in c for c in cells), cells[:50]
    rows = [[str(c) for c in row if c is not None] for row in load_workbook(applications, read_only=True).active.iter_rows(values_only=True)]
    assert any("王测试" in cell for row in rows for cell in row), rows[:5]
