"""The eighteenth batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code
before but the guards marked as such."""
from datetime import date

from ml.resume import header_kinds, normalize, parse_resume

TODAY = date(2025, 6, 1)


def test_a_resume_written_as_prose_with_dates_in_words():
    """A mail body: a job per paragraph ("2016年秋至2017年夏，我在X银行股份有限公司Y部担任Z"), soft-wrapped at a fixed width
    wherever that falls (inside 有限责任公司 too); a season or 年底 gives the year; study and skills as sentences."""
    text = ("发件人：阮思彤 <sitong.ruan86@qq.com>\n您好！\n"
            "我叫阮思彤，山东潍坊人，现应聘贵行贸易金融经理一职，以下是我\n的简单介绍。\n"
            "2012年秋，我考入吉林大学法学专业，2016年夏本科毕业。\n"
            "毕业后，2016年秋至2017年夏，我在渤海银行股份有限公司贸易金融部担\n任债券交易员，主要办理进口信用证业务。\n"
            "之后，2017年春至2020年中，我在中银理财有限责任公司数据管理部担任\n私人银行家，主要监测零售贷款逾期迁徙。\n"
            "随后，2020年初至今，我在浙江网商银行股份有限公司金融市场部担任贸易金\n融经理，主要梳理数据标准与元数据。\n"
            "工作中我常用债券估值、贸易融资、VBA、数据治理，持有CISA和银行从业\n资格证书，英语方面通过了TEM-8。\n"
            "此致\n敬礼\n阮思彤\n手机：13786392456")
    parsed = parse_resume(text, today=TODAY)
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [
        ("渤海银行股份有限公司", "债券交易员", "2016", "2017"), ("中银理财有限责任公司", "私人银行家", "2017", "2020"),
        ("浙江网商银行股份有限公司", "贸易金融经理", "2020", "至今")]
    assert [(e.school, e.major, e.degree, e.start, e.end) for e in parsed.education] == [
        ("吉林大学", "法学", "本科", "2012", "2016")]
    assert parsed.skills == ["债券估值", "贸易融资", "VBA", "数据治理"]
    assert set(parsed.certificates) == {"CISA", "银行从业资格"} and parsed.languages == ["TEM-8"]


def test_letter_spaced_english_heads_open_their_sections():
    """A Canva-like template: "E X P E R I E N C E" with the dates over the title and "employer · dept" below; a duty
    opening with 为 is a duty, and 私人银行家 is a banker, no bank."""
    text = ("Cindy 俞子墨\n☎ 19752509593 | ✉ zimo.yu52@gmail.com\nE X P E R I E N C E\n2016.07 - Now\n私人银行家\n"
            "中银理财有限责任公司 · 金融市场部\n– 为私人银行客户配置家族信托与固收产品\nE D U C A T I O N\n2012.09 - 2014.06\n"
            "西安交通大学\n法学 · 硕士\nS K I L L S\nWind\nStata\nC E R T I F I C A T E S\n税务师\nL A N G U A G E\nIELTS 7.0")
    assert header_kinds("E X P E R I E N C E") == frozenset({"work"})
    assert header_kinds("W O R K   E X P E R I E N C E") == frozenset({"work"})
    assert header_kinds("W O R K E X P E R I E N C E") == frozenset({"work"})
    parsed = parse_resume(text, today=TODAY)
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [
        ("中银理财有限责任公司", "私人银行家", "2016-07", "至今")]
    assert [(e.school, e.major, e.degree) for e in parsed.education] == [("西安交通大学", "法学", "硕士")]
    assert parsed.skills == ["Wind", "Stata"] and parsed.certificates == ["税务师"] and parsed.languages == ["IELTS 7.0"]


def test_spaced_capitals_in_a_sentence_stay_text():
    """Guard (passes before too): a line of capitals that are words ("I T AUDIT") or a short run is no heading."""
    assert header_kinds("A B C") == frozenset()
    assert header_kinds("I T A U D I T") == frozenset()


def test_the_century_of_a_two_digit_year_follows_the_parsers_today():
    """"27.03-至今" is 2027 up to next year's two digits from the date the parser is given, not the machine's clock."""
    assert normalize("27.03-至今", today=date(2026, 6, 1)) == "2027.03-至今"
    assert normalize("27.03-至今", today=date(2025, 6, 1)) == "1927.03-至今"
    assert parse_resume("王小明\n工作经历\n27.03-至今 | 南京银行股份有限公司 | 合规经理",
                        today=date(2025, 6, 1)).work[0].start == "1927-03"


def test_two_label_pairs_run_together_by_ocr_are_split():
    """A photocopy's "职务：X    部门：Y" read with the gap lost ("职务:债券交易员部门:金融市场部"), a speck read as ☑ at the
    title's end: the department is no part of the title; a longer label ("主要职责") stays one."""
    parsed = parse_resume("王凯\n工作经历\n招商证券股份有限公司 2019年07月-至今\n职务:债券交易员部门:金融市场部\n"
                          "苏州银行股份有限公司 2016年07月-2019年06月\n职务:私人银行家☑部门:数据管理部", today=TODAY)
    assert [(w.employer, w.title) for w in parsed.work] == [("招商证券股份有限公司", "债券交易员"),
                                                            ("苏州银行股份有限公司", "私人银行家")]
    from ml.resume import _split_labels

    assert _split_labels("主要职责:负责公司授信") == ["主要职责:负责公司授信"]
