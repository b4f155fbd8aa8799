"""The eleventh batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code before."""
import io
from datetime import date

import docx

from ml.documents import extract_text
from ml.matching import JobRequirements, match_resume
from ml.resume import parse_resume

TODAY = date(2025, 6, 1)


def _nested_export() -> bytes:
    """One outer table, a cell per section, a nested table per job (猎聘's DOCX export)."""
    document = docx.Document()
    outer = document.add_table(rows=0, cols=1)
    outer.add_row().cells[0].text = "林晓\n手机：13306446664"
    outer.add_row().cells[0].text = "工作经历"
    for dates, employer, title in (("2020.07-至今", "上海农村商业银行股份有限公司", "资负管理分析师"),
                                   ("2018.07-2020.06", "蚂蚁消费金融有限公司", "债券研究员")):
        cell = outer.add_row().cells[0]
        inner = cell.add_table(rows=2, cols=3)
        for k, text in enumerate((dates, employer, "（2年0个月）")):
            inner.cell(0, k).text = text
        inner.cell(1, 0).text = "职位名称"
        inner.cell(1, 1).merge(inner.cell(1, 2)).text = title
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_table_nested_in_a_cell_is_read_once_as_a_table_of_its_own():
    text = extract_text(_nested_export(), filename="r.docx", ocr=None).text
    assert text.count("蚂蚁消费金融有限公司") == 1
    assert "2018.07-2020.06 | 蚂蚁消费金融有限公司 | （2年0个月）" in text
    work = parse_resume(text, today=TODAY).work
    assert [(w.employer, w.title, w.start) for w in work] == [
        ("上海农村商业银行股份有限公司", "资负管理分析师", "2020-07"), ("蚂蚁消费金融有限公司", "债券研究员", "2018-07")]


def test_a_job_sites_stamp_is_no_item_and_a_bracketed_test_stays_whole():
    text = "\n".join(["技能与证书", "专业技能：Wind / VBA", "语言：英语（TOEIC 850）",
                      "来自猎聘网 简历编号：90495935  更新时间：2025-10-23"])
    parsed = parse_resume(text, today=TODAY)
    assert parsed.skills == ["Wind", "VBA"]
    assert parsed.languages == ["TOEIC 850"]


def test_the_name_below_a_mails_header_and_greeting():
    text = "\n".join(["From: Deng Yawen <yawen.deng94@gmail.com>", "To: hr@htsc.com",
                      "Subject: Application - ALM Analyst / 邓雅文", "Date: 2025-02-13 09:31", "Hi HR,",
                      "Please find my resume below. 简历如下，谢谢！", "邓雅文 (Deng Yawen)",
                      "Mobile: 15394199118 • Email: yawen.deng94@gmail.com"])
    assert parse_resume(text, today=TODAY).name == "邓雅文"


def test_a_banks_business_line_opens_the_title_and_is_no_employer():
    text = "\n".join(["EXPERIENCE 工作经历", "上海农村商业银行股份有限公司 Oct 2014 – Present",
                      "• 交易银行产品经理, 资产负债管理部", "• 负责对公客户授信方案设计与贷后管理。"])
    work = parse_resume(text, today=TODAY).work
    assert [(w.employer, w.title) for w in work] == [("上海农村商业银行股份有限公司", "交易银行产品经理")]


def test_a_duty_with_figures_before_the_next_employer_opens_no_entry():
    # OCR dropped the duty's dash: "年新增贷款余额3亿元" is the last duty, not the next job's title written first.
    text = "\n".join(["工作经历", "长沙银行股份有限公司 | 2016/09~至今", "交易银行部·资负管理分析师",
                      "负责对公客户授信方案设计与贷后管理", "年新增贷款余额3亿元",
                      "上海农村商业银行股份有限公司 | 2013/07~2016/08", "资产负债管理部·贷后催收主管"])
    work = parse_resume(text, today=TODAY).work
    assert [(w.employer, w.title) for w in work] == [("长沙银行股份有限公司", "资负管理分析师"),
                                                     ("上海农村商业银行股份有限公司", "贷后催收主管")]


def test_an_address_misread_where_it_spells_the_name_is_put_back_and_flagged():
    text = "\n".join(["曹雨桐", "18646342696 | yutong.ca030@163.com | 山东潍坊"])
    parsed = parse_resume(text, today=TODAY)
    assert parsed.email == "yutong.cao30@163.com"
    assert "email" in parsed.check
    # Digits that spell no part of the name stay.
    assert parse_resume("曹雨桐\nyutong.ca030@163.com".replace("曹雨桐", "林晓"), today=TODAY).email == "yutong.ca030@163.com"


def test_a_slides_timeline_heading_and_its_large_start_years():
    text = "\n".join(["证书 & 语言", "◆ CFA", "◆ TOEIC 850", "工作经历 TIMELINE", "2019 | 联合资信评估股份有限公司",
                      "网点主任 ｜ 固定收益部", "2019/04–至今", "负责反洗钱可疑交易甄别与报送，牵头完成内控合规检",
                      "查。", "2016 | 新华人寿保险股份有限公司", "交易银行产品经理 ｜ 交易银行部", "2016/07–2019/03"])
    parsed = parse_resume(text, today=TODAY)
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [
        ("联合资信评估股份有限公司", "网点主任", "2019-04", "至今"),
        ("新华人寿保险股份有限公司", "交易银行产品经理", "2016-07", "2019-03")]
    assert parsed.certificates == ["CFA"]


def test_a_qualification_known_by_several_names_is_kept_as_written_and_matched_by_its_canonical_name():
    # HR reads the résumé's own words (日语N2, 中级会计师); the matcher still knows them as JLPT N2 and 会计职称.
    parsed = parse_resume("证书：中级会计师、CFA一级\n语言：英语六级、日语 N2", today=TODAY)
    assert parsed.languages == ["CET-6", "日语N2"]
    assert parsed.certificates == ["中级会计师", "CFA一级"]
    assert parse_resume("Languages: JLPT N1", today=TODAY).languages == ["JLPT N1"]
    for required in ("JLPT N2", "日语N2"):
        result = match_resume(parsed, JobRequirements(certificates=[required, "中级会计职称"]))
        assert result.parts["other"].score == 100.0, result.parts["other"].reasons
