"""The recruiter's hiring round in a phone-sized Chromium against a real QingPin (admin_h5/e2e/hr.e2e.mjs)."""
from __future__ import annotations

from .conftest import create_org_user


def test_recruiter_runs_a_hiring_round_on_a_phone(live_qingpin, run_e2e, shared_dir):
    create_org_user(live_qingpin.instance, org_name="他行", slug="other-bank", email="hr@other-bank.example",
                    password="other-bank-pass-2026")
    output = run_e2e("hr", live_qingpin.url, env={"QINGPIN_OTHER_EMAIL": "hr@other-bank.example",
                                                  "QINGPIN_OTHER_PASSWORD": "other-bank-pass-2026"})
    assert "# evidence quote at" in output
