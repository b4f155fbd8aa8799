"""The thirteenth batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code before."""
from datetime import date

from ml.resume import parse_resume

TODAY = date(2025, 6, 1)

APP_SCREEN = """14:08 | 5G 41%
< | 我的简历
在线简历 | 附件简历 | 简历预览
基本信息
工作经历 | 教育经历 | 技能证书
邓浩然
本科·17年
现居住地：苏州 | 手机 15023124165
邮箱 haoran.deng28@qq.com
工作经历
编辑
江苏金融租赁股份有限公司 | 在职
资产托管专员|8-27K
2013.01-至今·12年6个月
行业：银行|部门：同业金融部
重庆农村商业银行股份有限公司
清算专员|11-18K
2008.07-2012.12·4年6个月
行业：银行|部门：个人信贷部
教育经历
编辑
暨南大学统招
投资学·本科 2004.09 - 2008.06
专业技能：编辑
Java·精通 Power BI·熟练
Python·良好 Excel·一般
证书：编辑
中级经济师 证券从业资格
语言：英语(TEM-8)
"""


def test_a_row_of_section_tabs_is_no_heading():
    parsed = parse_resume(APP_SCREEN, today=TODAY)
    assert parsed.name == "邓浩然"
    assert not {"邓浩然", "邮箱", "haoran.deng28@qq.com", "本科·17年"} & set(parsed.skills)


def test_a_salary_and_a_status_badge_are_neither_employer_nor_title():
    parsed = parse_resume(APP_SCREEN, today=TODAY)
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [
        ("江苏金融租赁股份有限公司", "资产托管专员", "2013-01", "至今"),
        ("重庆农村商业银行股份有限公司", "清算专员", "2008-07", "2012-12")]


def test_an_enrolment_mode_beside_the_school_is_no_major():
    parsed = parse_resume(APP_SCREEN, today=TODAY)
    assert [(e.school, e.major, e.degree) for e in parsed.education] == [("暨南大学", "投资学", "本科")]


def test_a_level_after_a_middle_dot_is_no_part_of_the_skill():
    parsed = parse_resume(APP_SCREEN, today=TODAY)
    assert parsed.skills == ["Java", "Power BI", "Python", "Excel"]


def test_start_and_end_dates_stacked_on_two_lines_are_one_range():
    text = """崔婉清
18610393635
工作经历
2023.03
至今
泰康人寿保险有限责任公司
同业业务经理
1、负责对公客户授信方案设计与贷后管理
2020.07
2023.02
成都银行股份有限公司
资产托管专员
1、搭建零售信贷风险监控报表
教育经历
2014.09 2018.06 | 暨南大学 信用管理 | 本科
"""
    parsed = parse_resume(text, today=TODAY)
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [
        ("泰康人寿保险有限责任公司", "同业业务经理", "2023-03", "至今"),
        ("成都银行股份有限公司", "资产托管专员", "2020-07", "2023-02")]
    assert parsed.years_experience == 5.0


def test_a_heading_of_honours_and_certificates_keeps_its_credentials():
    text = """韩嘉懿
13949660034
◆ | 工作经历 Experience
2023.04-至今 | 中信建投期货有限公司 | 清算专员
◆ | 荣誉证书 Certificates
银行从业资格 CMA 英语CET-6 优秀员工
◆ | 自我评价 About me
工作细致，抗压能力强。
"""
    parsed = parse_resume(text, today=TODAY)
    assert parsed.certificates == ["银行从业资格", "CMA"]
    assert parsed.languages == ["CET-6"]
