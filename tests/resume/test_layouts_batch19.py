"""The nineteenth batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code
before but the guards marked as such."""
from datetime import date

from ml.resume import match_credentials, parse_resume

TODAY = date(2025, 6, 1)


def test_title_at_employer_on_one_line():
    """"title@employer" (no spaces, the dates at the right) is a title and an employer, in that order; the duties
    under it stay duties. An e-mail address is no such pair."""
    text = ("龚晓岚\n13912345678｜xiaolan.gong@163.com\n【工作经历】\n"
            "授信审批经理@南京银行股份有限公司 | 2018/03 – 至今\n所在部门｜公司银行部\n"
            "• 审查对公授信方案并出具审批意见\n• 跟踪存量客户的风险预警信号\n"
            "柜员@中国农业银行股份有限公司苏州分行 | 2015/07 – 2018/02\n所在部门｜营业部\n"
            "• 办理个人存取款与转账业务\n【教育经历】\n苏州大学@本科 · 金融学 | 2011/09 – 2015/06")
    parsed = parse_resume(text, today=TODAY)
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [
        ("南京银行股份有限公司", "授信审批经理", "2018-03", "至今"),
        ("中国农业银行股份有限公司苏州分行", "柜员", "2015-07", "2018-02")]
    assert parsed.email == "xiaolan.gong@163.com"


def test_a_list_label_set_off_by_a_bar():
    """"技能｜A，B" / "证书｜…" / "语言｜…": a list's label set off by a vertical bar as by a colon, no item itself."""
    text = ("龚晓岚\n13912345678\n【技能证书】\n技能｜SQL，信贷审批，Python\n证书｜CFA，银行从业资格\n语言｜CET-6")
    parsed = parse_resume(text, today=TODAY)
    assert parsed.skills == ["SQL", "信贷审批", "Python"]
    assert parsed.certificates == ["CFA", "银行从业资格"] and parsed.languages == ["CET-6"]


def test_a_logo_left_of_the_name_it_abbreviates():
    """A job site draws each company's and school's logo as two characters of its name in a square left of it; OCR
    reads them before the name, on a line of their own, or glued to the next line, and the ring of a timeline rail
    as a stray character before them. None of it is a title or a major."""
    text = ("诸葛明\n13612345678\n工作经历\nd | 宁波银行股份有限公司\n宁波\n风险经理·授信审批部\n"
            "2020.03 - 至今·5年3个月\n负责授信审查\n山 民生 中国民生银行股份有限公司合规专员·内控合规部\n"
            "2017.07-2020.02·2年8个月\n教育经历\n山 厦门 厦门大学硕士·金融工程\n2015.09 - 2017.06\n"
            "武汉 武汉大学\n本科·保险学\n2011.09 - 2015.06")
    parsed = parse_resume(text, today=TODAY)
    assert [(w.employer, w.title, w.start) for w in parsed.work] == [
        ("宁波银行股份有限公司", "风险经理", "2020-03"), ("中国民生银行股份有限公司", "合规专员", "2017-07")]
    assert [(e.school, e.degree, e.major) for e in parsed.education] == [
        ("厦门大学", "硕士", "金融工程"), ("武汉大学", "本科", "保险学")]


def test_two_chips_read_as_one_box():
    """Skill chips close together read by OCR as one box ("反洗钱 MATLAB", "反洗钱 R语言"): split where the script
    changes at a space when one side is a known skill and the other a skill or a tool's capitals."""
    text = "龚晓岚\n13912345678\n专业技能\nTableau\n外汇交易 | 反洗钱 MATLAB | 财富管理 R语言"
    assert parse_resume(text, today=TODAY).skills == ["Tableau", "外汇交易", "反洗钱", "MATLAB", "财富管理", "R语言"]


def test_a_skill_name_with_a_space_stays_whole():
    """Guard (passes before too): a name of two Latin words ("Power BI", "SQL Server") stays one item."""
    text = "龚晓岚\n13912345678\n专业技能\nPower BI | SQL Server | 财务报表分析"
    assert parse_resume(text, today=TODAY).skills == ["Power BI", "SQL Server", "财务报表分析"]


def test_a_test_written_by_its_chinese_name_stays_so():
    """雅思, 托福 and 托业 are the names in use for IELTS, TOEFL and TOEIC: a parse keeps the name the résumé writes
    ("英语雅思7.5" → "雅思7.5"), the Latin name keeps its usual form; matching still compares the canonical names."""
    assert parse_resume("龚晓岚\n13912345678\n语言：英语雅思7.5", today=TODAY).languages == ["雅思7.5"]
    assert parse_resume("龚晓岚\n13912345678\n语言：托福 105", today=TODAY).languages == ["托福105"]
    assert parse_resume("龚晓岚\n13912345678\n语言：IELTS7.0", today=TODAY).languages == ["IELTS 7.0"]
    assert match_credentials("雅思7.5", "languages") == ["IELTS 7.5"]
