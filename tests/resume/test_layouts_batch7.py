"""The seventh batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code before."""
from datetime import date

from ml.layout import Block, page_lines
from ml.resume import parse_resume

TODAY = date(2025, 6, 1)


def _b(text, x0, y0, x1, height=20):
    return Block(text, x0, y0, x1, y0 + height)


def test_a_timeline_gutter_of_stacked_dates_reads_with_the_entry_beside_it():
    # Start date, a dash and the end date stacked in a narrow left gutter; section headings in that gutter too.
    blocks = [_b("孙立群 | 手机：13512345678", 60, 20, 700),
              _b("工作经历", 60, 100, 170, 28),
              _b("2017/04", 60, 160, 140), _b("—", 60, 190, 80), _b("2020/09", 60, 216, 140),
              _b("上海银行股份有限公司", 250, 160, 600, 26), _b("部门：授信审批部    职位：审批经理", 250, 204, 700),
              _b("负责小微企业授信审查，年审批金额20亿元。", 250, 240, 800, 18),
              _b("2015/07", 60, 300, 140), _b("—", 60, 330, 80), _b("2017/03", 60, 356, 140),
              _b("宁波银行股份有限公司", 250, 300, 600, 26), _b("部门：零售公司部    职位：客户经理", 250, 344, 700),
              _b("教育经历", 60, 440, 170, 28),
              _b("2011/09", 60, 500, 140), _b("—", 60, 530, 80), _b("2015/06", 60, 556, 140),
              _b("武汉大学", 250, 500, 400, 26), _b("专业：金融学    学历：本科", 250, 544, 600)]
    lines = page_lines(blocks)
    assert lines.index("工作经历") < lines.index("2017/04 - 2020/09 | 上海银行股份有限公司") < lines.index("教育经历")
    assert lines.index("教育经历") < lines.index("2011/09 - 2015/06 | 武汉大学")
    parsed = parse_resume("\n".join(lines), today=TODAY)
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [
        ("上海银行股份有限公司", "审批经理", "2017-04", "2020-09"), ("宁波银行股份有限公司", "客户经理", "2015-07", "2017-03")]
    assert [(e.school, e.major, e.start) for e in parsed.education] == [("武汉大学", "金融学", "2011-09")]


def test_a_lone_date_column_without_dashes_is_left_alone():
    blocks = [_b("2019", 60, 100, 110), _b("2020", 60, 130, 110), _b("CFA", 250, 100, 300), _b("FRM", 250, 130, 300)]
    assert not any(" - " in line for line in page_lines(blocks))


def test_a_heading_behind_a_decorative_bar_with_an_english_subtitle_is_a_section():
    text = "\n".join(["▌工作经历 WORK EXPERIENCE", "2020.03-至今 交通银行股份有限公司 理财经理",
                      "▌专业技能 SKILLS", "熟练掌握Excel、Python；了解Tableau"])
    parsed = parse_resume(text, today=TODAY)
    assert [(w.employer, w.title) for w in parsed.work] == [("交通银行股份有限公司", "理财经理")]
    assert parsed.skills == ["Excel", "Python", "Tableau"]


def test_the_name_before_a_label_on_the_first_line():
    assert parse_resume("林书豪    求职意向：理财经理\n☎ 13900001111", today=TODAY).name == "林书豪"


def test_a_numbered_entry_keeps_its_number_out_of_the_fields():
    text = "\n".join(["【教育经历】", "1、2010年9月-2014年6月，南开大学，金融工程，本科",
                      "【工作经历】", "1、2014年7月-2019年2月，兴业银行股份有限公司，信用卡中心，风险分析师",
                      "2. 2019.03 - 至今 中信银行股份有限公司 理财经理"])
    parsed = parse_resume(text, today=TODAY)
    assert [(e.school, e.major, e.degree) for e in parsed.education] == [("南开大学", "金融工程", "本科")]
    assert [(w.employer, w.title, w.start) for w in parsed.work] == [
        ("兴业银行股份有限公司", "风险分析师", "2014-07"), ("中信银行股份有限公司", "理财经理", "2019-03")]


def test_the_close_of_a_mail_is_no_part_of_the_last_section():
    text = "\n".join(["【技能及证书】", "技能：SQL，Python", "此致", "敬礼！", "周文静", "手机：13600001111", "--",
                      "Sent from my iPhone"])
    parsed = parse_resume(text, today=TODAY)
    assert parsed.skills == ["SQL", "Python"]
    assert parsed.phone == "13600001111"


def test_a_multi_word_skill_split_at_single_spaces_stays_whole():
    assert parse_resume("技能：Tableau Power Pivot VBA 信贷审批", today=TODAY).skills == \
        ["Tableau", "Power Pivot", "VBA", "信贷审批"]
