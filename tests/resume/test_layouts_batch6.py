"""The sixth batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code before."""
from datetime import date

from ml.resume import find_date_range, match_credentials, parse_resume

TODAY = date(2025, 6, 1)


def test_a_spreadsheet_on_screen_loses_its_row_numbers_and_column_letters():
    text = "\n".join([
        "A | B | C | D", "1 姓名：韩梦洁", "手机：15004306913", "2 邮箱：mengjie.han90@gmail.com", "3", "4 教育经历",
        "5 开始 | 结束 | 学校 | 专业 | 学历", "6 7 2005/9/1 2009/6/1 | 西安交通大学 | 应用统计 | 本科", "8 工作经历",
        "9 开始 | 结束 | 单位 | 岗位 | 部门", "10 2013/9/1 至今 | 花旗银行（中国）有限公司 | 小微客户经理 | 资金运营中心",
        "11 2012/4/1 2013/8/1 | 中国民生银行股份有限公司广州分行 | 投资经理 | 授信管理部",
        "14 技能：Wind、Axure、C++、SQL", "15 证书：CFA、CPA"])
    parsed = parse_resume(text, today=TODAY)
    assert [(e.school, e.major, e.degree, e.start, e.end) for e in parsed.education] == \
        [("西安交通大学", "应用统计", "本科", "2005-09", "2009-06")]
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [
        ("花旗银行(中国)有限公司", "小微客户经理", "2013-09", "至今"),
        ("中国民生银行股份有限公司广州分行", "投资经理", "2012-04", "2013-08")]
    assert parsed.skills == ["Wind", "Axure", "C++", "SQL"]


def test_row_numbers_stay_where_no_column_letters_show_a_spreadsheet():
    from ml.resume import _strip_sheet_margins

    lines = ["工作经历", "2019.07-2021.03 招商银行 客户经理", "3 年内管理客户120户"]
    assert _strip_sheet_margins(lines) == lines
    assert _strip_sheet_margins(["A | B | C", "1 姓名：张三", "12 3"]) == ["姓名：张三"]


def test_start_and_end_columns_give_one_range():
    text = "工作经历\n开始 | 结束 | 单位 | 岗位\n2019/7/1 | 2022/6/1 | 重庆农村商业银行股份有限公司 | 授信审批经理"
    assert [(w.employer, w.title, w.start, w.end) for w in parse_resume(text, today=TODAY).work] == \
        [("重庆农村商业银行股份有限公司", "授信审批经理", "2019-07", "2022-06")]


def test_excel_dates_with_a_day_and_two_date_cells_side_by_side():
    span, start, end = find_date_range("2005/9/1 2009/6/1 | 西安交通大学")
    assert (start.label(), end.label()) == ("2005-09", "2009-06")
    assert find_date_range("2019.7-2020.6")[1].label() == "2019-07"  # no day taken from the next date
    assert find_date_range("2016/06    CFA") is None  # one date and a certificate: no range


def test_ocr_letters_in_a_labelled_mail_address():
    assert parse_resume("邮箱：mengjie.han90@gmąil.com", today=TODAY).email == "mengjie.han90@gmail.com"
    assert parse_resume("邮箱：lixin.tang14@163.cqm", today=TODAY).email == "lixin.tang14@163.com"
    assert parse_resume("电子邮箱：he34@gmai1.com", today=TODAY).email == "he34@gmail.com"
    parsed = parse_resume("张三\n邮箱：he34@gmai1.com", today=TODAY)
    assert "email" in parsed.check  # rebuilt, not read: HR checks it
    assert parse_resume("jobs@gmai1.com", today=TODAY).email == "jobs@gmai1.com"  # unlabelled: left as written


def test_employer_then_city_then_dates_and_an_english_title_department_line():
    text = "\n".join([
        "PROFESSIONAL EXPERIENCE",
        "Du Xiaoman Financial | Chongqing | Feb 2018 – Present",
        "Quantitative Researcher, Treasury Operations Center",
        "• Built risk dashboards in SQL and Python for the retail lending portfolio.",
        "China Guangfa Bank | Beijing | Jul 2016 – Jan 2018",
        "Investment Manager, Small Business Finance Department",
        "Citibank (China) | Guangzhou | Jul 2014 – Jun 2016",
        "Financial Analyst, Investment Banking Division"])
    parsed = parse_resume(text, today=TODAY)
    assert [(w.employer, w.title) for w in parsed.work] == [
        ("Du Xiaoman Financial", "Quantitative Researcher"), ("China Guangfa Bank", "Investment Manager"),
        ("Citibank (China)", "Financial Analyst")]


def test_a_title_beside_its_city_stays_the_title():
    parsed = parse_resume("工作经历\n2019.07-2021.03 招商银行\n客户经理 上海", today=TODAY)
    assert [(w.employer, w.title) for w in parsed.work] == [("招商银行", "客户经理")]


def test_a_long_degree_line_is_the_programme_not_a_description():
    text = "EDUCATION\nShandong University | Sep 2010 – Jun 2014\nB.Sc. in Management Science and Engineering"
    education = parse_resume(text, today=TODAY).education
    assert [(e.school, e.degree, e.major) for e in education] == \
        [("Shandong University", "本科", "Management Science and Engineering")]


def test_english_and_cma_and_所获证书_labels():
    parsed = parse_resume("ADDITIONAL INFORMATION\nCertifications: CPA; CMA\nEnglish: TOEFL 102", today=TODAY)
    assert parsed.languages == ["TOEFL 102"]
    assert parsed.certificates == ["CPA", "CMA"]
    parsed = parse_resume("个人简历\n特长及技能 Python，SQL\n所获证书：CMA，CFA，CET-6", today=TODAY)
    assert parsed.certificates == ["CMA", "CFA"] and "所获证书 CMA" not in parsed.skills
    assert match_credentials("美国注册管理会计师", "certificates") == ["CMA"]


def test_a_chinese_title_before_a_city_stays_the_title():
    text = "工作经历\n深圳前海微众银行股份有限公司（2019.07 - 2021.03）\n授信审查岗 | 授信审批部 | 上海"
    assert [(w.employer, w.title) for w in parse_resume(text, today=TODAY).work] == [("深圳前海微众银行股份有限公司", "授信审查岗")]


def test_handwriting_ocr_a_year_split_by_a_space_and_a_space_after_a_dot_of_the_address():
    text = "电子邮箱：xinran. he34@gmai1.com\n工作经历\n起止年月 | 工作单位 | 职务\n" \
           "2 014.7 ~20 16.7 天职国际会计师事务所（特殊普通合伙） | 财务分析师"
    parsed = parse_resume(text, today=TODAY)
    assert parsed.email == "xinran.he34@gmail.com"
    assert [(w.title, w.start, w.end) for w in parsed.work] == [("财务分析师", "2014-07", "2016-07")]
    assert parse_resume("手机：15744141 800", today=TODAY).phone == "15744141800"  # not a year: left alone
