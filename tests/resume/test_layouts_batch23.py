"""The twenty-third batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code
before but the guards marked as such."""
from datetime import date

from ml.resume import parse_resume

TODAY = date(2025, 6, 1)

SHARED_DOC = """腾讯文档 | 林子航-简历（某银行社招） | 最近编辑：周敏 11月8日
林子航
求职意向：授信审批经理
手机：13912345678
邮箱：zihang.lin@163.com
工作经历
华夏银行股份有限公司（公司业务部）
授信审批经理 2018-03 ~ 至今
1. 审查对公授信申报材料，出具审批意见
周敏 11-08 10:21
在华夏银行做过授信审批
经理，建议约一面
2. 办理银行承兑汇票的承兑、贴现与再贴现业务
华夏银行股份有限公司（金融同业部）
同业业务专员 2015-07 ~ 2018-02
1. 对接同业客户，办理同业存放与同业借款业务
教育经历
南开大学 | 金融学 | 硕士 | 2015-09 ~ 2018-06
技能与证书
赵倩 11-08 14:02
@周敏 南开大学硕士，
学历符合要求
专业技能：SQL / Python
证书：银行从业资格
语言：CET-6
孙建国 11-09 09:15
期望薪资偏高，需要和候选人
再确认
docs.qq.com 第 1 页 / 共 1 页
"""


def test_margin_comments_are_no_items_of_the_resume():
    """A shared document printed with its reviewers' comment cards ("周敏  11-08 10:21" over the comment, "@周敏 …"),
    which the reading order puts among the lines they are anchored to: the cards are other people's notes about the
    candidate, no skill, certificate or language of his, and the lines after a card are the résumé's again."""
    parsed = parse_resume(SHARED_DOC, today=TODAY)
    assert parsed.name == "林子航"
    assert parsed.skills == ["SQL", "Python"]
    assert parsed.certificates == ["银行从业资格"] and parsed.languages == ["CET-6"]


def test_a_numbered_duty_is_no_job():
    """"2. 办理银行承兑汇票的承兑、贴现与再贴现业务" under a job: a numbered duty opening with its verb, no employer
    "办理银行"."""
    parsed = parse_resume(SHARED_DOC, today=TODAY)
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [
        ("华夏银行股份有限公司", "授信审批经理", "2018-03", "至今"), ("华夏银行股份有限公司", "同业业务专员", "2015-07", "2018-02")]


ATS = """Moka 智能招聘 / 候选人详情 | 打印 | 导出
初筛 | 用人部门筛选 | 笔试 | 面试 | Offer
何雨晴 | 当前阶段：笔试
应聘职位：零售信贷经理（社会招聘）- 某银行分行
手机 13712345678 邮箱 yuqing.he@qq.com
工作经历
公司名称：北京银行股份有限公司
职位名称：个贷客户经理
在职时间：2019-07 至 今
教育经历
学校名称：厦门大学
学历：本科
专业：会计学
就读时间：2015-09 至 2019-06
技能与证书
技能标签：Excel | SAS
证书：银行从业资格
语言能力：CET-4
面试评价
一面 面试官：孙建国（零售业务部 副总经理） 评分：4 / 5
评语：在北京银行做个贷的经历与岗位匹配，建议进入二面。
操作记录
2026-11-23 09:36 系统 候选人投递简历
2026-11-25 09:01 周敏 将候选人移至 用人部门筛选
"""


def test_a_recruiting_pipeline_is_no_name():
    """An applicant-tracking system's stage bar ("初筛 | 用人部门筛选 | 笔试 | 面试 | Offer") above the candidate's name:
    "初筛" (初 is a surname) is a stage, no name."""
    assert parse_resume(ATS, today=TODAY).name == "何雨晴"


def test_interview_reviews_and_the_log_are_no_items():
    """面试评价 (the interviewer's name, post and remark) and 操作记录 (dated steps by HR) under the candidate's page are
    other people's records about him: no skill, certificate or language."""
    parsed = parse_resume(ATS, today=TODAY)
    assert parsed.skills == ["Excel", "SAS"]
    assert parsed.certificates == ["银行从业资格"] and parsed.languages == ["CET-4"]
    assert [(w.employer, w.title) for w in parsed.work] == [("北京银行股份有限公司", "个贷客户经理")]


def test_a_colleague_named_in_a_skill_line_guard():
    """Guard (passes before): a list line of the candidate's is not cut at a name and a time in it when it is no card
    head ("技能：Python 2年"), and a section after the comment cards starts again at its heading."""
    text = SHARED_DOC.replace("docs.qq.com 第 1 页 / 共 1 页\n", "") + "专业技能：Java\n"
    parsed = parse_resume(text, today=TODAY)
    assert "Java" in parsed.skills


def test_a_document_sites_footer_is_no_item():
    """"docs.qq.com    第 1 页 / 共 1 页" under the last list: the site and the page number, no skill ("共 1 页")."""
    text = SHARED_DOC.split("孙建国 11-09")[0] + "docs.qq.com 第 1 页 / 共 1 页\n"
    parsed = parse_resume(text, today=TODAY)
    assert parsed.skills == ["SQL", "Python"] and parsed.languages == ["CET-6"]
