"""The sixteenth batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code
before but the guards marked as such."""
from datetime import date

from ml.layout import Block, docx_blocks, page_lines, reading_text
from ml.resume import normalize, parse_resume

TODAY = date(2025, 6, 1)


def test_dates_in_chinese_numerals_are_read():
    assert normalize("二〇一九年七月至今") == "2019年7月至今"
    assert normalize("二○一五年九月～二○一七年六月") == "2015年9月-2017年6月"  # the zero typed as a circle
    assert normalize("一九九八年十二月 二零一一年十月") == "1998年12月 2011年10月"
    assert normalize("二〇一三年") == "2013年"
    assert normalize("一二三四年 十二月") == "一二三四年 十二月"  # no 19xx/20xx year: left alone
    parsed = parse_resume("王小明\n工作经历\n二〇一八年十月至今 上海农村商业银行股份有限公司 合规经理\n"
                          "二〇一七年七月—二〇一八年九月 中国信达资产管理股份有限公司 票据交易员", today=TODAY)
    assert [(w.employer, w.start, w.end) for w in parsed.work] == [
        ("上海农村商业银行股份有限公司", "2018-10", "至今"), ("中国信达资产管理股份有限公司", "2017-07", "2018-09")]


def _cells(rows: list[list[str]]) -> list[Block]:
    return docx_blocks([("cell", 0, r, c, text) for r, row in enumerate(rows) for c, text in enumerate(row)])


def test_a_section_label_merged_down_beside_its_column_heads():
    """A 履历表's 工作经历 cell merged down over its rows, its first row the column heads: the heads stay one row, so
    the 证明人 column is dropped and "工作单位及部门" is the employer's column."""
    rows = [["工作经历", "起止时间", "起止时间", "工作单位及部门", "工作单位及部门", "职务", "证明人"],
            ["", "二〇一八年十月至今", "二〇一八年十月至今", "上海农村商业银行股份有限公司\n合规部",
             "上海农村商业银行股份有限公司\n合规部", "合规经理", "孙丽萍"],
            ["", "二〇一七年七月至二〇一八年九月", "二〇一七年七月至二〇一八年九月", "中国信达资产管理股份有限公司\n金融市场部",
             "中国信达资产管理股份有限公司\n金融市场部", "票据交易员", "刘振华"],
            ["奖惩情况", "无", "无", "无", "无", "无", "无"]]
    text = reading_text(_cells(rows))
    assert text.split("\n")[:2] == ["工作经历", "起止时间 | 工作单位及部门 | 职务 | 证明人"]
    parsed = parse_resume("姓名：王小明\n" + text, today=TODAY)
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [
        ("上海农村商业银行股份有限公司", "合规经理", "2018-10", "至今"),
        ("中国信达资产管理股份有限公司", "票据交易员", "2017-07", "2018-09")]  # no referee, no 奖惩情况 entry


def _block(text: str, x: float, y: float, size: float = 12.0) -> Block:
    return Block(text, x, y, x + size * len(text) * 0.9, y + size, 1)


def test_a_heading_set_over_two_lines_in_a_gutter():
    blocks = [_block("工作", 40, 100), _block("经历", 40, 116),
              _block("2019.07 → 至今", 110, 100), _block("宁波银行股份有限公司", 230, 100), _block("票据交易员", 460, 100),
              _block("金融市场部", 230, 116, 10),
              _block("专业", 40, 200), _block("技能", 40, 216), _block("● Wind", 110, 200), _block("● Stata", 260, 200),
              _block("● 财务建模", 110, 218)]
    lines = page_lines(blocks)
    assert lines[0] == "工作经历" and "专业技能" in lines
    assert not any(line.startswith(("经历", "专业：", "技能：")) for line in lines)
    parsed = parse_resume("王小明\n" + "\n".join(lines), today=TODAY)
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [("宁波银行股份有限公司", "票据交易员", "2019-07", "至今")]
    assert parsed.skills == ["Wind", "Stata", "财务建模"]  # each item's bullet dropped


def test_two_headings_one_under_the_other_stay_two():
    """Guard (passes before too): "技能" over "证书", each a heading of its own, are not joined."""
    blocks = [_block("技能", 40, 100), _block("Python", 110, 100), _block("证书", 40, 116), _block("CFA", 110, 116)]
    assert "技能证书" not in page_lines(blocks)


def test_an_arrow_between_two_dates_is_a_range():
    parsed = parse_resume("王小明\n工作经历\n2019.07 → 至今 | 招银理财有限责任公司 | 理财经理\n"
                          "2016.07 → 2019.06 | 宁波银行股份有限公司 | 票据交易员", today=TODAY)
    assert [(w.start, w.end) for w in parsed.work] == [("2019-07", "至今"), ("2016-07", "2019-06")]


def test_a_job_sites_watermark_lines_are_dropped():
    text = """蓝若曦
工作经历
华夏基金管理有限公司 | 2014.10-至今
信用卡风控专员 · 信用卡中心
BOSS直聘 仅供兴业银行招聘使用
招银理财有限责任公司 | 2011.07-2014.09
普惠金融客户经理 · 普惠金融事业部
教育经历
BOSS直聘  仅供兴业银行招聘使用
西南财经大学 | 2007.09-2011.06
保险学 · 本科
专业技能
BOSS直聘
Stata 财务建模
"""
    parsed = parse_resume(text, today=TODAY)
    assert [w.employer for w in parsed.work] == ["华夏基金管理有限公司", "招银理财有限责任公司"]
    assert [(e.school, e.major) for e in parsed.education] == [("西南财经大学", "保险学")]
    assert parsed.skills == ["Stata", "财务建模"]


def test_a_photo_placeholder_is_no_item():
    parsed = parse_resume("王小明\n证书\n法律职业资格\n税务师\n英语水平：TOEFL 105\n照片", today=TODAY)
    assert parsed.certificates == ["法律职业资格", "税务师"]


def test_a_gutter_heading_beside_a_line_labelled_the_same():
    """"证书" in the gutter beside "证书 ｜ FRM，CPA": a heading, not a label glued to its own repetition."""
    blocks = [_block("证书", 40, 100), _block("证书 ｜ FRM，基金从业资格", 110, 100),
              _block("语言", 40, 116), _block("语言 ｜ CET-6", 110, 116)]
    lines = page_lines(blocks)
    assert not any(line.startswith(("证书：", "语言：")) for line in lines)
    parsed = parse_resume("王小明\n" + "\n".join(lines), today=TODAY)
    assert (parsed.certificates, parsed.languages) == (["FRM", "基金从业资格"], ["CET-6"])
