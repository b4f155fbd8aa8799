"""The seventeenth batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code
before but the guards marked as such."""
from datetime import date

from ml.layout import Block, page_lines
from ml.resume import _split_items, normalize, parse_resume

TODAY = date(2025, 6, 1)


def _block(text: str, x: float, y: float, size: float = 12.0) -> Block:
    return Block(text, x, y, x + size * len(text) * 0.9, y + size, 1)


def test_ranges_with_two_digit_years_are_read():
    assert normalize("18.03~至今") == "2018.03-至今"
    assert normalize("16.02-18.02") == "2016.02-2018.02"
    assert normalize("98.09–02.07") == "1998.09-2002.07"  # the century from the year
    parsed = parse_resume("王小明\n工作经历\n19.04~至今 | 南京银行股份有限公司 | 合规经理\n"
                          "15.07-19.03 | 江苏银行股份有限公司 | 票据交易员", today=TODAY)
    assert [(w.employer, w.start, w.end) for w in parsed.work] == [
        ("南京银行股份有限公司", "2019-04", "至今"), ("江苏银行股份有限公司", "2015-07", "2019-03")]


def test_two_digit_years_leave_other_numbers_alone():
    """Guard (passes before too): a GPA, a salary range, a phone number, a score, a backwards pair stay as written."""
    for text in ("GPA 3.5/4.0", "期望月薪 15.5-20.5万", "10.00-15.00K", "年薪 20.05-30.06万", "电话 021-6203 1234",
                 "成绩 3.85-3.90", "18.09-16.03", "增长 12.05-15.06%", "13812345678", "Python 3.10-3.12"):
        assert normalize(text) == text.replace("–", "-"), text


def test_a_gutter_of_dates_and_heads_is_no_column_of_its_own():
    """A timeline's grey left column holds the heads ("工作经历" over "WORK") and each entry's dates level with its
    employer: each range starts the line beside it, and the heads span the page."""
    blocks = [_block("工作经历", 30, 100, 14), _block("WORK", 30, 118, 9),
              _block("19.04~至今", 55, 150), _block("南京银行股份有限公司", 200, 150), _block("公司金融部 ｜ 合规经理", 200, 166),
              _block("15.07~19.03", 55, 200), _block("江苏银行股份有限公司", 200, 200), _block("运营管理部 ｜ 票据交易员", 200, 216),
              _block("教育背景", 30, 260, 14), _block("EDUCATION", 30, 278, 9),
              _block("11.09~15.06", 55, 300), _block("南京大学", 200, 300), _block("金融学 · 本科", 200, 316)]
    lines = page_lines(blocks)
    assert lines[:3] == ["工作经历 WORK", "19.04~至今 | 南京银行股份有限公司", "公司金融部 ｜ 合规经理"]
    parsed = parse_resume("王小明\n" + "\n".join(lines), today=TODAY)
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [
        ("南京银行股份有限公司", "合规经理", "2019-04", "至今"), ("江苏银行股份有限公司", "票据交易员", "2015-07", "2019-03")]
    assert [(e.school, e.major, e.start) for e in parsed.education] == [("南京大学", "金融学", "2011-09")]


def test_a_left_column_of_other_text_stays_a_column():
    """Guard (passes before too): a sidebar holding contact lines beside dated entries is still read as a column."""
    blocks = [_block("联系方式", 30, 100, 14), _block("13812345678", 30, 130), _block("19.04~至今", 30, 150),
              _block("南京银行股份有限公司", 200, 150), _block("15.07~19.03", 30, 200), _block("江苏银行股份有限公司", 200, 200)]
    assert page_lines(blocks)[:2] == ["联系方式", "13812345678"]


def test_a_duty_before_the_next_entry_is_no_title_of_it():
    """A duty line with no title's word ("核对托管资产估值与清算指令") above "dates | employer" is the last job's duty, not
    the next job's title written first."""
    parsed = parse_resume("王小明\n工作经历\n2019.04-至今 | 南京银行股份有限公司\n公司金融部 | 合规经理\n核对托管资产估值与清算指令\n"
                          "2015.07-2019.03 | 江苏银行股份有限公司\n运营管理部 | 票据交易员\n复核大额支付指令与清算对账", today=TODAY)
    assert [(w.employer, w.title) for w in parsed.work] == [("南京银行股份有限公司", "合规经理"),
                                                            ("江苏银行股份有限公司", "票据交易员")]


def test_a_resume_in_traditional_characters():
    """Read through the simplified form (headings, degrees, surnames, title words), given back as written."""
    text = """WONG Ka Lok 黃家樂
Mobile 手提電話：(+86) 13812345678    Email 電郵：kalok.wong@gmail.com
WORK EXPERIENCE 工作經驗
The Bank of East Asia, Limited 東亞銀行有限公司 | Aug 2016 – Present
Risk Manager 風險經理 | Global Markets
• Monitored market risk limits.
Bank of China (Hong Kong) Limited 中國銀行（香港）有限公司 | Jul 2013 – Jul 2016
Credit Analyst 信貸分析員 | Compliance
EDUCATION 教育背景
The University of Hong Kong 香港大學 | Sep 2009 – Jun 2013
Bachelor of Economics and Finance 經濟及金融學士
SKILLS 技能
Bloomberg, 信貸分析, SQL
PROFESSIONAL QUALIFICATIONS 專業資格
FRM, ECF-AML/CFT
LANGUAGES 語言
English 英語 (IELTS 7.5), Cantonese 粵語 (Native 母語)
References available upon request 如有需要，可提供推薦人資料"""
    parsed = parse_resume(text, today=TODAY)
    assert parsed.name == "黃家樂"
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [
        ("東亞銀行有限公司", "風險經理", "2016-08", "至今"), ("中國銀行(香港)有限公司", "信貸分析員", "2013-07", "2016-07")]
    assert [(e.school, e.degree, e.major) for e in parsed.education] == [("香港大學", "本科", "經濟及金融")]
    assert parsed.skills == ["Bloomberg", "信貸分析", "SQL"]
    assert set(parsed.certificates) == {"FRM", "ECF-AML/CFT"}
    assert parsed.languages == ["IELTS 7.5"]


def test_a_slash_between_acronyms_is_one_item():
    assert _split_items("FRM / ECF-AML/CFT / CAMS") == ["FRM", "ECF-AML/CFT", "CAMS"]
    assert _split_items("SQL/Python/Wind") == ["SQL", "Python", "Wind"]  # guard: other slashes still split


def test_a_stitched_screenshots_bars_and_overlap_are_read_once():
    text = """9:41 | 5G 86%
< | 简历预览 | 分享
王小明
手机：13812345678
工作经验
南京银行股份有限公司
合规经理|公司金融部
2019/04-至今
江苏银行股份有限公司
刷新简历 | 编辑简历
9:41 | 5G 86%
< | 简历预览 | 分享
江苏银行股份有限公司
票据交易员运营管理部
2015/07-2019/03
专业技能
SQL 精通
刷新简历 | 编辑简历
9:41 | 5G 86%
< | 简历预览 | 分享
SQL 精通
Wind 熟练"""
    parsed = parse_resume(text, today=TODAY)
    assert parsed.name == "王小明"
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [
        ("南京银行股份有限公司", "合规经理", "2019-04", "至今"), ("江苏银行股份有限公司", "票据交易员", "2015-07", "2019-03")]
    assert parsed.skills == ["SQL", "Wind"]
