"""The tenth batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code before."""
from datetime import date

from ml.resume import parse_resume

TODAY = date(2025, 6, 1)


def test_a_name_tagged_in_brackets_is_still_the_name():
    # A chat's title bar names the partner with a tag ("宋嘉诚(微信)"); the recruiter's greeting comes before the résumé.
    text = "\n".join(["21:07 | 4G 63%", "< | 宋嘉诚(微信)", "昨天 20:41", "您好，我是浦发的招聘专员李娜，看到您在看",
                      "机会，方便发一份简历吗？", "好的，我直接发文字版", "21:02", "宋嘉诚 15451130615"])
    assert parse_resume(text, today=TODAY).name == "宋嘉诚"


def test_the_name_on_the_line_of_the_phone_number():
    text = "\n".join(["21:07", "昨天 20:41", "您好，方便发一份简历吗？", "好的，我直接发文字版", "好的", "21:02",
                      "郑晓雯13628601917", "xiaowen.zheng26@qq.com"])
    assert parse_resume(text, today=TODAY).name == "郑晓雯"


def test_an_employer_cut_by_a_narrow_cell_or_bubble_is_joined_again():
    text = "\n".join([
        "工作经历",
        "2019.04-至今中国太平洋人寿保险股份有限", "公司 托管运营岗",
        "2016.11-2019.03 中诚信国际信用评级有限", "责任公司 合规专员",
        "2013.10-2016.10 国信证券股份有限公司个贷", "客户经理"])
    work = parse_resume(text, today=TODAY).work
    assert [(w.employer, w.title, w.start) for w in work] == [
        ("中国太平洋人寿保险股份有限公司", "托管运营岗", "2019-04"),
        ("中诚信国际信用评级有限责任公司", "合规专员", "2016-11"),
        ("国信证券股份有限公司", "个贷客户经理", "2013-10")]


def test_a_wrapped_employer_cell_of_a_ruled_grid_is_joined_again():
    text = "\n".join([
        "工作经历", "起止时间 | 工作单位 | 部门 | 职务",
        "2010.05-至今 | 中国太平洋人寿保险股份有限 信用评级部 | 个贷客户经理", "公司",
        "2008.07-2010.04 | 中国光大银行股份有限公司南 公司金融部 | 渠道经理", "京分行",
        "专业技能：SQL、Wind"])
    work = parse_resume(text, today=TODAY).work
    assert [(w.employer, w.title) for w in work] == [("中国太平洋人寿保险股份有限公司", "个贷客户经理"),
                                                     ("中国光大银行股份有限公司南京分行", "渠道经理")]


def test_a_bracketed_label_with_its_items_on_the_line():
    text = "\n".join(["【工作】", "2013.07-2016.10 国信证券股份有限公司", "渠道经理",
                      "【技能】SQL、基金估值、Python", "【证书】银行从业资格、基金从业资格、CET", "-6",
                      "收到，谢谢！我先转给业务部门看一下"])
    parsed = parse_resume(text, today=TODAY)
    assert len(parsed.work) == 1
    assert parsed.skills == ["SQL", "基金估值", "Python"]
    assert parsed.certificates == ["银行从业资格", "基金从业资格"] and parsed.languages == ["CET-6"]


def test_a_printed_page_address_is_no_skill_and_a_language_named_with_its_test_is_one_language():
    text = "\n".join(["技能/证书", "专业技能：Wind 信用评级", "语言能力：英语 IELTS 6.5",
                      "https://h.liepin.com/resume/showresumedetail/?res_id_encode=8c861aa31f | 1/1"])
    parsed = parse_resume(text, today=TODAY)
    assert parsed.skills == ["Wind", "信用评级"]
    assert parsed.languages == ["IELTS 6.5"]
    assert parse_resume("语言能力：英语、日语", today=TODAY).languages == ["英语", "日语"]  # named alone: kept


def test_guards_a_city_after_the_employer_and_a_referee_beside_his_phone():
    # "…有限公司北京" over "客户经理": a city after the employer is not the start of a cut title.
    text = "\n".join(["工作经历", "2019.04-至今 中国银行股份有限公司北京", "客户经理"])
    assert "北京客户经理" not in parse_resume(text, today=TODAY).work[0].title
    # Nobody named above: the referee beside his own phone number is not the candidate.
    text = "\n".join(["工作经历", "2019.04-至今 中国银行股份有限公司 客户经理", "工作内容：对公授信", "负责贷后管理",
                      "管理资产规模8亿元", "完成年度目标", "带领团队3人", "证明人 王建国 13912345678"])
    assert parse_resume(text, today=TODAY).name == ""
