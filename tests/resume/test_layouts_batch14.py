"""The fourteenth batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code before."""
from datetime import date

from ml.resume import parse_resume

TODAY = date(2025, 6, 1)

BROWSER_PAGE = """2025/6/1 10:32 | 郝明哲的简历_猎聘
猎聘 | 首页 职位 企业 我的简历
郝明哲
13912345678 | mingzhe.hao@example.com
工作经历
宁波银行股份有限公司 | 2019.04-至今（6年2个月）
授信审批经理 | 授信管理部
教育经历
浙江大学 金融学 本科 | 2015.09-2019.06
技能标签：
Python | SQL
证书与语言
CFA、银行从业资格
英语：CET-6
https://www.liepin.com/resume/showresumedetail/?res_id=123
消息 设置
猎聘VIP 限时5折
你可能感兴趣的职位
投资经理 30-45K
某某基金管理有限公司
上海 | 5-10年 | 本科
立即沟通
"""


def test_a_browser_footer_address_ends_a_list_section_and_the_page_margins_are_no_items():
    parsed = parse_resume(BROWSER_PAGE, today=TODAY)
    assert parsed.certificates == ["CFA", "银行从业资格"]
    assert parsed.languages == ["CET-6"]


def test_a_job_sites_column_of_other_posts_is_not_read():
    page = BROWSER_PAGE.replace("https://www.liepin.com/resume/showresumedetail/?res_id=123\n消息 设置\n猎聘VIP 限时5折\n", "")
    parsed = parse_resume(page, today=TODAY)
    assert parsed.certificates == ["CFA", "银行从业资格"]
    assert [w.employer for w in parsed.work] == ["宁波银行股份有限公司"]


def test_a_file_viewers_button_is_no_skill():
    text = """简历-郝明哲.pdf
郝明哲
手机：13912345678 邮箱：mingzhe.hao@example.com
工作经历
2019.04-至今 宁波银行股份有限公司
授信管理部/授信审批经理
技能证书
专业技能：Python / SQL
用其他应用打开
"""
    assert parse_resume(text, today=TODAY).skills == ["Python", "SQL"]


def test_two_months_glued_by_ocr_are_one_range():
    text = """郝明哲
13912345678
教育背景
浙江大学·金融学·硕士
2017.092019.06
"""
    parsed = parse_resume(text, today=TODAY)
    assert [(e.school, e.start, e.end) for e in parsed.education] == [("浙江大学", "2017-09", "2019-06")]


FORM = """2025年度公开招聘工作人员报名表
报考单位：某省农村信用社联合社
姓名：郝明哲
联系电话 13912345678
2015年9月至2019年6月浙江大学金融学本科
2019年7月至今宁波银行股份有限公司授信审批经理
证明人：王建国电话：13935732125
信用证审单、Excel、债券估值、Stata
CFA、中级会计师、IELTS7.0
本人承诺：以上信息真实准确，如有虚假，自愿取消聘用资格。
"""


def test_an_unlabelled_row_of_skills_or_credentials_after_the_entries_is_a_list_no_job():
    parsed = parse_resume(FORM, today=TODAY)
    assert [(w.employer, w.start) for w in parsed.work] == [("宁波银行股份有限公司", "2019-07")]
    assert parsed.skills == ["信用证审单", "Excel", "债券估值", "Stata"]
    assert parsed.certificates == ["CFA", "中级会计师"]
    assert parsed.languages == ["IELTS 7.0"]


LINKEDIN = """Mingzhe Hao ( 郝明哲 )
Credit Risk Analyst at Bank of Ningbo
Contact: mingzhe.hao@example.com | +86 13912345678
Experience
Model Validation Analyst
Standard Chartered Bank (China) ( 渣打银行（中国）有限公司 ) · Full-time
Sep 2020 - Present · 4 yrs 10 mos
Beijing, China
Compliance Officer
Bank of Ningbo ( 宁波银行股份有限公司 ) · Full-time
Jul 2018 - Aug 2020 · 2 yrs 2 mos
Education
Zhejiang University ( 浙江大学 )
Bachelor's degree, International Economics and Trade
2014 - 2018
Languages
English (TOEFL 100) · Chinese (Native)
"""


def test_the_chinese_legal_name_in_brackets_after_the_english_one_is_kept():
    parsed = parse_resume(LINKEDIN, today=TODAY)
    assert parsed.name == "郝明哲"
    assert [w.employer for w in parsed.work] == ["渣打银行(中国)有限公司", "宁波银行股份有限公司"]
    assert [e.school for e in parsed.education] == ["浙江大学"]


def test_a_title_over_its_employers_line_is_all_title():
    parsed = parse_resume(LINKEDIN, today=TODAY)
    assert [(w.title, w.start, w.end) for w in parsed.work] == [
        ("Model Validation Analyst", "2020-09", "至今"), ("Compliance Officer", "2018-07", "2020-08")]


def test_a_degree_followed_by_a_comma_and_its_programme():
    parsed = parse_resume(LINKEDIN, today=TODAY)
    assert [(e.degree, e.major) for e in parsed.education] == [("本科", "International Economics and Trade")]


def test_a_mother_tongue_is_no_language_qualification():
    assert parse_resume(LINKEDIN, today=TODAY).languages == ["TOEFL 100"]


def test_an_enumeration_inside_one_run_is_a_duty_no_employer():
    text = """郝明哲
13912345678
工作经历
2019.04-至今 宁波银行股份有限公司
财富管理部/财富顾问
维护高净值客户120户，管理资产规模8亿元
为高净值客户配置理财、基金与保险产品
"""
    parsed = parse_resume(text, today=TODAY)
    assert [(w.employer, w.title) for w in parsed.work] == [("宁波银行股份有限公司", "财富顾问")]


def test_a_study_row_of_degree_major_and_mode_stays_a_study():
    """A guard (passes before): the list rule above leaves "本科 | 金融科技 | 统招" to the education entry."""
    text = """郝明哲
13912345678
教育经历
浙江大学 2015.09-2019.06
本科 | 金融科技 | 统招
"""
    parsed = parse_resume(text, today=TODAY)
    assert [(e.school, e.degree, e.major) for e in parsed.education] == [("浙江大学", "本科", "金融科技")]
    assert parsed.skills == []
