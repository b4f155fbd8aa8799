"""The twenty-eighth batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code
before but the guard marked as such."""
from datetime import date

from ml.layout import Block, page_lines
from ml.resume import parse_resume

TODAY = date(2026, 12, 1)


def _block(text: str, x: float, y: float, size: float = 8.4) -> Block:
    return Block(text, x, y, x + size * len(text) * 0.95, y + size, 1)


def _row(y: float, *cells: tuple[float, str]) -> list[Block]:
    return [_block(text, x, y) for x, text in cells]


def test_narrow_table_cells_wrapped_onto_a_second_line_at_a_line_and_a_half():
    """A Word table whose narrow cells wrap (the dates "2015.01-" / "至今", "郑州银行股份有" / "限公司", a title
    "信用卡催收专" / "员"), set at one and a half lines: the second line is half a line below the first, not a
    quarter; its pieces are joined back to their cells."""
    blocks = (_row(130, (48, "时间"), (136, "单位"), (216, "部门"), (287, "职务"))
              + _row(151.6, (48, "2015.01-"), (136, "郑州银行股份有"), (216, "金融市场部"), (287, "对公客户经理"))
              + _row(164.4, (48, "至今"), (136, "限公司"))
              + _row(185.2, (48, "2013.07-"), (136, "重庆农村商业银"), (216, "金融市场部"), (287, "信用卡催收专"))
              + _row(198.0, (48, "2014.12"), (136, "行股份有限公司"), (287, "员"))
              + [_block("教育经历", 48, 223.4, 11)]
              + _row(248.8, (48, "时间"), (136, "学校"), (216, "专业"), (287, "学历"))
              + _row(270.0, (48, "2011.09-"), (136, "西南财经大学"), (216, "审计学"), (287, "硕士"))
              + _row(282.8, (48, "2013.06")))
    lines = page_lines([_block("工作经历", 48, 100, 11)] + blocks)
    assert "2015.01-至今 | 郑州银行股份有限公司 | 金融市场部 | 对公客户经理" in lines
    assert "2013.07-2014.12 | 重庆农村商业银行股份有限公司 | 金融市场部 | 信用卡催收专员" in lines
    assert "2011.09-2013.06 | 西南财经大学 | 审计学 | 硕士" in lines
    parsed = parse_resume("王小明\n" + "\n".join(lines), today=TODAY)
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [
        ("郑州银行股份有限公司", "对公客户经理", "2015-01", "至今"),
        ("重庆农村商业银行股份有限公司", "信用卡催收专员", "2013-07", "2014-12")]
    assert [(e.school, e.major, e.start, e.end) for e in parsed.education] == [("西南财经大学", "审计学", "2011-09", "2013-06")]


def test_a_title_half_a_line_under_a_job_row_stays_a_line():
    """Guard (passes before too): a title set half a line under a "dates | employer | dept" row whose cells are
    complete (no open date range, no cut name) is no wrapped piece of the employer's cell."""
    blocks = (_row(151.6, (48, "2019.07-至今"), (136, "宁波银行股份有限公司"), (300, "金融市场部"))
              + _row(164.4, (136, "票据交易员")))
    lines = page_lines([_block("工作经历", 48, 100, 11)] + blocks)
    assert "票据交易员" in lines


def test_a_forms_signed_declaration_is_no_skill():
    parsed = parse_resume("王小明\n技能与证书\n专业技能：信贷审查、Wind、Python\n资格证书：中级经济师、CPA\n"
                          "外语水平：IELTS 7.0\n本人承诺以上信息真实有效。 签名：＿＿＿＿", today=TODAY)
    assert parsed.skills == ["信贷审查", "Wind", "Python"]
    assert parsed.certificates == ["中级经济师", "CPA"]
