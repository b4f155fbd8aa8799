"""The classes the fifth corpus batch showed (a 报名登记表 DOCX, a LinkedIn-style export, a faxed page, a 脉脉-style
profile, a foreign bank's layout), each on a small hand-written input: written to fail on the parser before the fix."""
from __future__ import annotations

from ml.layout import Block, table_lines
from ml.resume import header_kinds, parse_resume
from tests.resume.make_resumes import TODAY


def _cell(text, row, col):
    return Block(text, col, row, col + 1, row + 1, kind="cell", table=0, row=row, col=col)


def test_a_form_cell_headed_with_a_note_is_a_section_of_study_and_work():
    assert header_kinds("学习和工作经历（从高中填起）") == {"education", "work"}
    assert header_kinds("中国银行（北京分行）") == frozenset()
    periods = "\n".join(["2004.09—2008.06  香港中文大学经济学专业 本科", "2008.07—2010.11  汇丰银行（中国）有限公司  客户经理",
                         "2010.12—至今  渤海银行股份有限公司天津分行  审计经理"])
    lines = table_lines([_cell("手机", 0, 0), _cell("13800000000", 0, 1),
                         _cell("学习和工作经历（从高中填起）", 1, 0), _cell(periods, 1, 1)])
    result = parse_resume("李思源\n" + "\n".join(lines), today=TODAY)
    assert [(e.school, e.major, e.degree) for e in result.education] == [("香港中文大学", "经济学", "本科")]
    assert [(w.employer, w.title, w.start) for w in result.work] == [
        ("汇丰银行(中国)有限公司", "客户经理", "2008-07"), ("渤海银行股份有限公司天津分行", "审计经理", "2010-12")]


def test_a_title_at_an_employer_with_a_duration_below():
    text = ("周子涵\n13800000000\n职业经历\n高级风险分析师 @ 成都银行股份有限公司\n2019.03 - 至今 · 5年9个月\n"
            "交易员 @ 安永华明会计师事务所（特殊普通合伙）\n2016.07 - 2019.02 · 2年8个月")
    result = parse_resume(text, today=TODAY)
    assert [(w.employer, w.title) for w in result.work] == [("成都银行股份有限公司", "高级风险分析师"),
                                                            ("安永华明会计师事务所(特殊普通合伙)", "交易员")]


def test_an_english_export_with_the_title_above_the_company():
    text = ("Chen Zhiqiang\nzhiqiang.chen85@qq.com | +86 19567448788\nExperience\nAudit Manager\nBank of Suzhou\n"
            "05/2014 - Present · 11年2个月\nShanghai, China\nBuilt risk dashboards in SQL and Python.\n"
            "Private Banker\nChina Galaxy Securities\n07/2011 - 04/2014 · 2年10个月\nShenzhen, Guangdong, China\n"
            "Education\nNanjing University of Finance and Economics\nMaster, Risk Management · (2009 - 2011)\n"
            "East China Normal University\nBachelor, Economics · (2005 - 2009)\nSkills\nBloomberg · SQL · 财务建模 · SAS")
    result = parse_resume(text, today=TODAY)
    assert [(w.employer, w.title, w.start, w.end) for w in result.work] == [
        ("Bank of Suzhou", "Audit Manager", "2014-05", "至今"), ("China Galaxy Securities", "Private Banker", "2011-07", "2014-04")]
    assert [(e.school, e.degree, e.major, e.start) for e in result.education] == [
        ("Nanjing University of Finance and Economics", "硕士", "Risk Management", "2009"),
        ("East China Normal University", "本科", "Economics", "2005")]
    assert result.skills == ["Bloomberg", "SQL", "财务建模", "SAS"]


def test_a_title_and_its_department_after_a_comma_are_no_sentence():
    text = ("胡静怡 | 19717023921\n工作经历 WORK\n苏州银行股份有限公司 | 07/2015 - 02/2017\n交易员，公司业务部\n"
            "- 主要业绩：维护高净值客户120户")
    result = parse_resume(text, today=TODAY)
    assert [(w.employer, w.title) for w in result.work] == [("苏州银行股份有限公司", "交易员")]


def test_a_degree_glued_to_a_major_names_the_programme_and_the_level_stands_apart():
    text = ("黄俊杰\n13769763025\n【教育背景】\n2008年9月-2010年6月南京财经大学数据科学硕士\n"
            "2004年9月-2008年6月香港中文大学金融硕士本科\n2002年9月-2004年6月吉林大学1会计学本科\n"
            "华东师范大学 | 09/2011 - 06/2015\n本科，金融硕士")
    result = parse_resume(text, today=TODAY)
    assert [(e.school, e.major, e.degree) for e in result.education] == [
        ("南京财经大学", "数据科学", "硕士"), ("香港中文大学", "金融硕士", "本科"), ("吉林大学", "会计学", "本科"),
        ("华东师范大学", "金融硕士", "本科")]


def test_a_faxed_header_and_an_at_sign_read_as_zero():
    result = parse_resume("个人简历-赵雪婷\n联系电话：19811973537电子邮件：zihan.zhou710126.com", today=TODAY)
    assert result.name == "赵雪婷"
    assert result.email == "zihan.zhou71@126.com"
    assert "email" in result.check  # rebuilt, not read: HR is asked to check it
    assert parse_resume("个人简历一周子涵\n13800000000", today=TODAY).name == "周子涵"
    plain = parse_resume("张三\n邮箱：a.b@qq.com", today=TODAY)
    assert plain.email == "a.b@qq.com" and "email" not in plain.check
