"""The twelfth batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code before."""
from datetime import date
from pathlib import Path

import pytest

from ml.documents import extract_text
from ml.resume import parse_resume
from tests.resume.make_corpus import Canvas, canvas_pdf
from tests.resume.make_resumes import FONT_PATH

TODAY = date(2025, 6, 1)

APP_SCREEN = """10:02 | 5G 80%
< | 我的简历 | 预览
何雨桐 | 编辑
13512345678
yutong.he@163.com
工作经历
+添加
风控经理 | 2020.03-至今
平安银行股份有限公司
授信审批部|银行/理财
工作描述：负责小微企业授信审查，牵头…
展开
产品经理 | 2017.07-2020.02
马上消费金融股份有限公司
产品部|消费金融
工作描述：负责消费贷产品设计…
展开
教育经历
+添加
厦门大学
硕士|统计学
2015.09-2017.06
技能特长：+添加
SQL Python Excel
证书：+添加
CFA | 2021.06
语言能力：+添加
英语 |读写精通 | CET-6
刷新简历 | 投递记录"""


def test_a_job_apps_buttons_are_no_content():
    result = parse_resume(APP_SCREEN, today=TODAY)
    assert result.skills == ["SQL", "Python", "Excel"]
    assert result.certificates == ["CFA"]
    assert result.languages == ["CET-6"]
    assert [(e.school, e.major) for e in result.education] == [("厦门大学", "统计学")]
    assert [(w.employer, w.title) for w in result.work][0] == ("平安银行股份有限公司", "风控经理")
    assert "展开" not in result.work[0].description


def test_a_job_cards_industry_beside_the_department_is_neither_employer_nor_title():
    work = parse_resume(APP_SCREEN, today=TODAY).work
    assert [(w.employer, w.title, w.start, w.end) for w in work] == [
        ("平安银行股份有限公司", "风控经理", "2020-03", "至今"), ("马上消费金融股份有限公司", "产品经理", "2017-07", "2020-02")]


def test_a_page_number_is_no_entry():
    text = """工作经历
2019年3月 — 至今 中国光大银行股份有限公司
部门：公司业务部 岗位：客户经理
1. 负责对公客户营销
第 1 页 / 共 2 页
2. 完成年度存款任务
2016年7月 — 2019年2月 国泰君安证券股份有限公司
部门：研究所 岗位：研究员
Page 2 of 2"""
    work = parse_resume(text, today=TODAY).work
    assert [(w.employer, w.title) for w in work] == [("中国光大银行股份有限公司", "客户经理"), ("国泰君安证券股份有限公司", "研究员")]
    assert "完成年度存款任务" in work[0].description


@pytest.mark.skipif(not Path(FONT_PATH).is_file(), reason="Chinese font missing")
def test_a_running_header_is_read_once():
    c = Canvas()
    for page in (1, 2):
        if page == 2:
            c.page()
        c.text(90, 50, "高子涵 | 应聘岗位：合规经理 | 13911112222", 18)
        c.line(90, 82, 1150, 82)
        lines = (["工作经历", "2018.07-至今 中信银行股份有限公司 合规经理", "1. 负责反洗钱检查与整改跟踪"] if page == 1
                 else ["2. 牵头制度修订与合规培训", "教育背景", "2014.09-2018.06 南京大学 法学 本科"])
        for k, line in enumerate(lines):
            c.text(90, 140 + 50 * k, line, 22)
        c.text(540, 1670, f"第 {page} 页 / 共 2 页", 18)
    text = extract_text(canvas_pdf(c), filename="r.pdf", ocr=None).text
    assert text.count("应聘岗位") == 1
    assert "第 2 页" not in text
    work = parse_resume(text, today=TODAY).work
    assert len(work) == 1 and "牵头制度修订" in work[0].description and "应聘岗位" not in work[0].description


def test_a_list_label_set_off_by_a_wide_space():
    text = """SKILLS & CERTIFICATES
技能　SQL · 尽职调查 · Excel
证书　CPA · 基金从业资格
语言　IELTS 7.0"""
    result = parse_resume(text, today=TODAY)
    assert result.skills == ["SQL", "尽职调查", "Excel"]
    assert result.certificates == ["CPA", "基金从业资格"]
    assert result.languages == ["IELTS 7.0"]
