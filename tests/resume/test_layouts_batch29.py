"""The twenty-ninth batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code
before but the guards marked as such."""
from datetime import date

import pytest

from ml.resume import parse_resume

TODAY = date(2026, 12, 1)

_FORM = """求职申请表
姓名：{u}崔景然{u}　手机：{u}15708068511{u}
邮箱：{u}jingran.cui14@gmail.com{u}
一、工作经历
时间：{u}2019.07{u}至{u}至今{u}　单位：{u}九江银行股份有限公司{u}　职务：{u}对公客户经理{u}
时间：{u}2015.07{u}至{u}2019.06{u}　单位：{u}苏州银行股份有限公司{u}　职务：{u}合规专员{u}
二、教育经历
时间：{u}2011.09{u}至{u}2015.06{u}　学校：{u}山东财经大学{u}　专业：{u}金融学{u}　学历：{u}本科{u}
三、技能及证书
技能：{u}Python、SQL、贷后管理{u}
证书：{u}银行从业资格{u}　外语：{u}CET-6{u}"""


def test_values_filled_in_on_a_forms_underscore_blanks():
    """A printed form filled in on its blanks ("单位：____X____", several label/blank pairs on a line): the underscores
    are no part of the values (the name and e-mail were lost, every employer, title, school, major and the first and
    last skills kept them)."""
    result = parse_resume(_FORM.format(u="____"), today=TODAY).to_dict()
    assert (result["name"], result["phone"], result["email"]) == ("崔景然", "15708068511", "jingran.cui14@gmail.com")
    assert [(w["employer"], w["title"], w["start"], w["end"]) for w in result["work"]] == [
        ("九江银行股份有限公司", "对公客户经理", "2019-07", "至今"), ("苏州银行股份有限公司", "合规专员", "2015-07", "2019-06")]
    assert [(e["school"], e["major"], e["degree"]) for e in result["education"]] == [("山东财经大学", "金融学", "本科")]
    assert result["skills"] == ["Python", "SQL", "贷后管理"]


@pytest.mark.parametrize("blank", ["＿＿", "__", "______"])
def test_blanks_of_any_length_and_width(blank):
    """Guard for the full-width and two-underscore blanks (they passed before, read as Markdown's __strong__); the
    long ASCII blank is the class above."""
    result = parse_resume(_FORM.format(u=blank), today=TODAY).to_dict()
    assert (result["name"], result["email"]) == ("崔景然", "jingran.cui14@gmail.com")
    assert [w["employer"] for w in result["work"]] == ["九江银行股份有限公司", "苏州银行股份有限公司"]


def test_underscores_inside_an_address_are_its_own():
    """Guard (passes before too): underscores with letters against both ends are part of an address, no blank."""
    result = parse_resume("李明\n手机：13912345678\n邮箱：li__ming@163.com\n", today=TODAY).to_dict()
    assert result["email"] == "li__ming@163.com"


@pytest.mark.parametrize("leader", ["…" * 14, "." * 40, ". " * 20])
def test_a_tab_stops_dot_leader_between_employer_and_dates(leader):
    """Word's tab stop with a dot leader ("青岛银行股份有限公司 ………… 2019.07—至今", the title and department on the line
    below): the leader is only the room between the employer and the dates (it had been taken as the title, the real
    title under it lost)."""
    text = (f"贾铭泽\n15708068511　|　a.b12@qq.com\n工作经历\n青岛银行股份有限公司 {leader} 2019.07—至今\n交易员　金融市场部\n"
            f"苏州银行股份有限公司 {leader} 2015.07—2019.06\n合规专员　内控合规部\n教育背景\n山东大学 {leader} 2011.09—2015.06\n"
            "金融学 · 本科\n")
    result = parse_resume(text, today=TODAY).to_dict()
    assert [(w["employer"], w["title"], w["start"], w["end"]) for w in result["work"]] == [
        ("青岛银行股份有限公司", "交易员", "2019-07", "至今"), ("苏州银行股份有限公司", "合规专员", "2015-07", "2019-06")]
    assert [(e["school"], e["major"], e["start"]) for e in result["education"]] == [("山东大学", "金融学", "2011-09")]
