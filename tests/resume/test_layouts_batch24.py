"""The twenty-fourth batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code
before but the guards marked as such."""
from datetime import date

from ml.resume import parse_resume

TODAY = date(2025, 6, 1)

REFERRAL = """员工内部推荐表
一、推荐人信息
推荐人姓名 | 郝建平 | 工号 | E30112
所在部门 | 公司业务部 | 推荐人手机 | 13700001111
与候选人关系 | 前同事，曾在南京银行共事
二、候选人信息
姓名 | 沈雨桐 | 应聘岗位 | 授信审批经理
手机：13912345678
邮箱：yutong.shen@163.com
推荐理由：候选人现任授信审批经理，推荐面试。
推荐人签字：郝建平　　日期：2025年5月11日
附：候选人简历
工作经历
2018.07-至今　南京银行股份有限公司　授信审批经理
部门：授信审批部；审查对公授信申报材料
教育经历
2014.09-2018.06　南京大学　金融学　本科
专业技能：SQL，Python
"""


def test_a_name_in_a_table_row_after_its_label_is_the_candidates():
    """"姓名 | 沈雨桐" (a Word table's cells) labels the candidate's name as "姓名：沈雨桐" does; the referrer's row
    above it ("推荐人姓名 | 郝建平") names another person."""
    parsed = parse_resume(REFERRAL, today=TODAY)
    assert parsed.name == "沈雨桐"
    assert parsed.phone == "13912345678"


def test_another_persons_labelled_row_gives_no_name():
    """Without the candidate's label, the referrer's row above ("推荐人姓名 | 郝建平 | 工号 | E30112") is still no
    name; the name standing alone below it is."""
    text = "内部推荐\n推荐人姓名 | 郝建平 | 工号 | E30112\n沈雨桐\n手机：13912345678\n" + REFERRAL[REFERRAL.index("工作经历"):]
    assert parse_resume(text, today=TODAY).name == "沈雨桐"


def test_family_table_heads_are_no_name():
    """Guard (passes before too): a family table's heads ("姓名 | 单位") do not label a name."""
    text = "王晓明\n手机：13912345678\n家庭主要成员\n称谓 | 姓名 | 单位 | 职务\n父亲 | 王建国 | 某中学 | 退休\n"
    assert parse_resume(text, today=TODAY).name == "王晓明"


GROUPED = """翁志强
授信审批经理 · 招商银行
联系方式：13912345678 · zq.weng@163.com
工作经历
招商银行股份有限公司
全职 · 8年2个月
授信审批经理
2019-12 - 至今 · 5年7个月
授信审批部 · 深圳
审查对公授信申报材料，出具审批意见
国际结算专员
2017-04 - 2019-11 · 2年8个月
国际业务部 · 深圳
办理进出口信用证的审单与结算
中信银行股份有限公司
全职 · 1年9个月
柜员
2015-07 - 2017-03 · 1年9个月
营业部 · 广州
办理柜面现金业务
教育经历
中山大学
本科 · 金融学
2011-09 - 2015-06
资格认证
银行从业资格
"""


def test_roles_grouped_under_one_employer_are_jobs_there():
    """A networking profile groups the roles at one employer under it (a promotion): the employer once, then each role
    "title" over "dates · duration" and "dept · city"; every role is a job at that employer. "全职 · 8年2个月" is the
    kind of employment, no title; a city alone is no title."""
    work = parse_resume(GROUPED, today=TODAY).work
    assert [(w.employer, w.title, w.start) for w in work] == [
        ("招商银行股份有限公司", "授信审批经理", "2019-12"), ("招商银行股份有限公司", "国际结算专员", "2017-04"),
        ("中信银行股份有限公司", "柜员", "2015-07")]


def test_a_certification_heading_is_no_skill():
    """"资格认证" heads the certificates, as 资格证书 does; it is no skill."""
    parsed = parse_resume(GROUPED, today=TODAY)
    assert "资格认证" not in parsed.skills
    assert "银行从业资格" in parsed.certificates
