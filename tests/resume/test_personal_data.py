"""Personal data an employer may not collect never reaches a parsed field, whatever its form or place on the page
(../shared/docs/COMPLIANCE.md, data minimisation): unlabelled ("男 | 35岁 | 本科"), labelled without a colon
("年龄35"), inside a header line, in a skills or work section."""
import json
from datetime import date

import pytest

from ml.resume import parse_resume

TODAY = date(2025, 6, 1)

BODY = """工作经历
2019.07-至今 招商银行股份有限公司 客户经理
教育背景
2015.09-2019.06 湖南大学 金融学 本科
专业技能
SQL、Python、Excel
"""


def _parse(header: str, body: str = BODY):
    return parse_resume(f"{header}\n13912345678\nlilei@example.com\n{body}", today=TODAY)


def _dumped(parsed) -> str:
    return json.dumps(parsed.to_dict(), ensure_ascii=False).replace("13912345678", "")


@pytest.mark.parametrize("header, markers", [
    ("李雷\n男·35岁·本科·7年", ["男", "35"]),            # an app's name card
    ("李雷\n男 | 35岁 | 本科 | 工作7年", ["男", "35"]),
    ("李雷 35岁 本科 5年经验", ["35"]),                   # inside the name's line
    ("李雷（女，35周岁）", ["女", "35"]),
    ("李雷\n年龄35 性别男", ["35", "男"]),                # labels without a colon
    ("李雷\n年龄：35", ["35"]),
    ("李雷\n年龄 35岁", ["35"]),
    ("李雷\n1990年12月生 | 回族 | 已婚", ["1990", "回族", "已婚"]),
    ("李雷\n出生于1990.12，籍贯湖南长沙", ["1990", "湖南长沙"]),
    ("李雷\n女 / 1990.12出生 / 满族 / 中共预备党员", ["女", "1990", "满族", "党员"]),
    ("李雷\n身高168cm 体重52kg", ["168", "52"]),
    ("李雷\n身份证 430104199012051234", ["4301", "1990"]),
    ("李雷\n430104199012051234", ["4301", "1990"]),
    ("李雷\n政治面貌 共青团员  婚育 已婚已育", ["团员", "已婚"]),
    ("Lei Li\nMale, 35 years old, married", ["Male", "35", "married"]),
    ("李雷\n民族 汉 籍贯 湖南长沙", ["汉", "湖南长沙"]),
    ("李雷\n户籍：湖南长沙 身体健康", ["湖南长沙", "健康"]),
])
def test_personal_data_in_the_header_never_reaches_a_field(header, markers):
    parsed = _parse(header)
    dumped = _dumped(parsed)
    for marker in markers:
        assert marker not in dumped, (marker, parsed.to_dict())
    assert parsed.phone == "13912345678" and parsed.work and parsed.work[0].employer == "招商银行股份有限公司"
    assert parsed.name in {"李雷", "Lei Li"}


@pytest.mark.parametrize("line, marker", [
    ("男·35岁·本科·17年", "35"),
    ("35岁 | 已婚 | 湖南长沙人", "35"),
    ("35岁 | 已婚 | 湖南长沙人", "湖南长沙"),
    ("年龄：35岁", "35"),
    ("女", "女"),
    ("回族", "回族"),
    ("1990.12出生", "1990"),
])
def test_personal_data_in_a_list_section_is_no_item(line, marker):
    body = BODY.replace("SQL、Python、Excel", f"SQL、Python、Excel\n{line}")
    parsed = _parse("李雷", body)
    assert marker not in _dumped(parsed), parsed.to_dict()
    assert {"SQL", "Python", "Excel"} <= set(parsed.skills)


def test_an_age_inside_a_work_entry_is_dropped():
    body = BODY.replace("客户经理\n", "客户经理\n男 | 35岁 | 本科\n负责对公客户营销\n")
    parsed = _parse("李雷", body)
    assert "35" not in _dumped(parsed) and "男" not in _dumped(parsed)
    assert parsed.work[0].title == "客户经理"


@pytest.mark.parametrize("line", [
    "2019.07-至今 招商银行股份有限公司 客户经理",  # dates are no birth dates
    "2018.03-2019.06 中国人寿保险股份有限公司 健康险核保员",
    "2017.07-2018.02 国家开发银行 男装事业部 分析师",
    "2016.07-2017.06 招商银行 母亲节营销项目组 客户经理",
])
def test_job_relevant_words_near_the_forms_stay(line):
    parsed = parse_resume(f"李雷\n13912345678\n工作经历\n{line}\n", today=TODAY)
    assert parsed.work and parsed.work[0].start and parsed.work[0].title


@pytest.mark.parametrize("lines, markers", [
    ("家庭成员\n父亲 周国平 退休", ["周国平"]),                       # a form's row under its heading
    ("家\n庭\n成\n员\n母亲  刘秀英  退休", ["刘秀英"]),              # the heading written one character a line
    ("父亲 | 周国平 | 退休", ["周国平"]),
    ("父亲周国平退休", ["周国平"]),                                    # the row's cells read as one run
    ("家庭主要成员\n称谓 | 姓名 | 工作单位 | 职务\n配偶 | 王丽 | 中国银行股份有限公司 | 柜员", ["王丽", "柜员"]),
    ("主要社会关系：妻子 王丽 中国银行", ["王丽"]),
])
def test_a_relatives_name_never_reaches_a_field(lines, markers):
    body = BODY.replace("SQL、Python、Excel\n", f"SQL、Python、Excel\n{lines}\n")
    parsed = _parse("李雷", body)
    for marker in markers:
        assert marker not in _dumped(parsed), (marker, parsed.to_dict())
    assert {"SQL", "Python", "Excel"} <= set(parsed.skills)
    assert [w.employer for w in parsed.work] == ["招商银行股份有限公司"]
