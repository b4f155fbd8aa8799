"""The eighth batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code before."""
from datetime import date

from ml.layout import Block, reading_text
from ml.resume import parse_resume

TODAY = date(2025, 6, 1)


def _row(table, row, *cells):
    return [Block(text, c, 0, c + 1, 1, kind="cell", table=table, row=row, col=c) for c, text in enumerate(cells)]


def test_a_label_cell_beside_a_cell_of_dated_entries_keeps_one_entry_a_line():
    # Three periods in the 简历 cell of a cadre form: fewer than four lines, still one entry a line.
    blocks = _row(0, 0, "姓名", "郑国栋") + _row(0, 1, "简历", "2006.09--2010.06  南开大学金融学专业学习\n"
                                                       "2010.07--2016.03  交通银行股份有限公司授信管理部科员\n"
                                                       "2016.04--至今  兴业银行股份有限公司合规部副科长")
    lines = reading_text(blocks).split("\n")
    assert lines[-3:] == ["2006.09--2010.06  南开大学金融学专业学习", "2010.07--2016.03  交通银行股份有限公司授信管理部科员",
                          "2016.04--至今  兴业银行股份有限公司合规部副科长"]
    parsed = parse_resume("\n".join(lines), today=TODAY)
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [
        ("交通银行股份有限公司", "科员", "2010-07", "2016-03"), ("兴业银行股份有限公司", "副科长", "2016-04", "至今")]


def test_a_department_run_together_between_employer_and_title_is_no_part_of_the_title():
    text = "\n".join(["工作经历", "2012.07--2015.08  国家开发银行江苏省分行评审二处项目经理",
                      "2015.09--至今  中国进出口银行风险管理部风险经理"])
    assert [(w.employer, w.title) for w in parse_resume(text, today=TODAY).work] == [
        ("国家开发银行江苏省分行", "项目经理"), ("中国进出口银行", "风险经理")]


def test_an_undated_degree_row_completes_the_dated_entry_of_its_school():
    text = "\n".join(["姓名：郑国栋", "学历学位 | 全日制教育 | 本科学士 | 毕业院校系及专业 | 南开大学金融学专业", "简历",
                      "2006.09--2010.06 南开大学金融学专业学习", "2010.07--至今 交通银行股份有限公司授信管理部科员"])
    parsed = parse_resume(text, today=TODAY)
    assert [(e.school, e.degree, e.major, e.start, e.end) for e in parsed.education] == [
        ("南开大学", "本科", "金融学", "2006-09", "2010-06")]


def test_a_cadre_forms_qualification_and_speciality_rows_are_certificates_and_skills():
    blocks = (_row(0, 0, "简历", "2006.09--2010.06  南开大学金融学专业学习\n2010.07--至今  交通银行股份有限公司授信管理部科员")
              + _row(0, 1, "专业技术资格", "中级经济师、CFA") + _row(0, 2, "熟悉专业有何专长", "熟悉Python、信贷审批") + _row(0, 3, "外语水平", "CET-6"))
    parsed = parse_resume(reading_text(blocks), today=TODAY)
    assert [(w.employer, w.title) for w in parsed.work] == [("交通银行股份有限公司", "科员")]
    assert parsed.certificates == ["中级经济师", "CFA"]
    assert parsed.skills == ["Python", "信贷审批"]


def test_a_title_above_an_employer_line_with_dates_opens_the_next_entry():
    text = "\n".join(["工作经历", "风控经理", "浙商银行股份有限公司 | 2019.03 - 至今", "· 负责授信审查。",
                      "信贷专员", "宁波银行股份有限公司 | 2016.07 - 2019.02", "· 负责贷后管理。"])
    assert [(w.employer, w.title, w.start) for w in parse_resume(text, today=TODAY).work] == [
        ("浙商银行股份有限公司", "风控经理", "2019-03"), ("宁波银行股份有限公司", "信贷专员", "2016-07")]
