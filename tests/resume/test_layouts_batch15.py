"""The fifteenth batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code
before but the guards marked as such."""
from datetime import date

from ml.resume import parse_resume

TODAY = date(2025, 6, 1)

TEXT_TABLE = """姓名: 褚安琪 电话: 19696932994
邮箱: anqi.chu39@outlook.com
[ 工作经历 ]
+------------+----------------------+----------------+
| 时间       | 单位                 | 职位           |
+------------+----------------------+----------------+
| 2019.05 ~  | 厦门国际银行股份有限 | 运营主管       |
| 至今       | 公司                 |                |
|            | (养老金业务部)       |                |
+------------+----------------------+----------------+
| 2017.04 ~  | 中国人寿养老保险股份 | 同业业务经理   |
| 2019.04    | 有限公司             |                |
|            | (数字金融部)         |                |
+------------+----------------------+----------------+
  * 厦门国际: 搭建零售信贷风险监控报表
[ 教育背景 ]
+------------+--------------------+--------------+------+
| 时间       | 学校               | 专业         | 学历 |
+------------+--------------------+--------------+------+
| 2010.09 ~  | 澳门大学           | 财务管理     | 本科 |
| 2014.06    |                    |              |      |
+------------+--------------------+--------------+------+
[ 其他 ]
技能: Tableau, Spark
"""


def test_a_text_tables_wrapped_cells_are_one_row():
    parsed = parse_resume(TEXT_TABLE, today=TODAY)
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [
        ("厦门国际银行股份有限公司", "运营主管", "2019-05", "至今"),
        ("中国人寿养老保险股份有限公司", "同业业务经理", "2017-04", "2019-04")]
    assert [(e.school, e.major, e.degree, e.start, e.end) for e in parsed.education] == [
        ("澳门大学", "财务管理", "本科", "2010-09", "2014-06")]
    assert parsed.years_experience == 8.2


def test_a_text_tables_rows_without_rules_between_them_stay_apart():
    """Guard (passes before too): rows of one block between two rules, each with its own range, are not joined."""
    text = """工作经历
+-------------------+------------------------------+----------+
| 2019.05 - 至今    | 厦门国际银行股份有限公司     | 运营主管 |
| 2017.04 - 2019.04 | 中国人寿养老保险股份有限公司 | 内审专员 |
+-------------------+------------------------------+----------+
"""
    parsed = parse_resume(text, today=TODAY)
    assert [(w.employer, w.title, w.start) for w in parsed.work] == [
        ("厦门国际银行股份有限公司", "运营主管", "2019-05"), ("中国人寿养老保险股份有限公司", "内审专员", "2017-04")]


def test_a_heading_with_its_english_translation_is_no_row_of_tabs():
    text = """詹雅琴
电话：15518353074    邮箱：yaqin.zhan55@gmail.com
工作经历 WORK
2017.11
至今
易方达基金管理有限公司
ALM分析师 · 数字金融部
教育经历 EDUCATION
2014.09
2016.06
江西财经大学
数据科学与大数据技术 · 硕士
技能特长：Python、Spark
"""
    parsed = parse_resume(text, today=TODAY)
    assert [(e.school, e.major, e.degree, e.start) for e in parsed.education] == [
        ("江西财经大学", "数据科学与大数据技术", "硕士", "2014-09")]
    assert [w.employer for w in parsed.work] == ["易方达基金管理有限公司"]


def test_a_row_of_section_tabs_is_still_no_heading():
    """Guard (passes before too): two different sections named on one line are an app's tabs."""
    text = """汪晓棠
工作经历 | 教育经历 | 技能证书
13812345678 | xiaotang.wang@163.com
工作经历
兴银理财有限责任公司 | 运营主管
2019.07 - 至今
"""
    parsed = parse_resume(text, today=TODAY)
    assert parsed.skills == []
    assert [w.employer for w in parsed.work] == ["兴银理财有限责任公司"]


MOMENTS = """momo_
求职中～17年金融从业，坐标上海
柯梦洁 个人简历
13541140783 |mengjie.ke17@126.com
【工作经历】
汇丰银行（中国）有限公司|养老金顾问
2009.11·至今
维护高净值客户120户
【技能证书】
技能：Excel、Python、SPSS、R
证书：精算师、ACCA
语言：TEM-8
长按识别二维码 加我微信
2小时前
陈静，赵敏，刘洋
王磊：已转给我们HR了
陈静：加油！
momo_回复王磊：谢谢谢谢
"""


def test_a_middle_dot_read_for_a_dash_between_a_month_and_the_present_is_a_range():
    work = parse_resume(MOMENTS, today=TODAY).work
    assert [(w.employer, w.title, w.start, w.end) for w in work] == [("汇丰银行(中国)有限公司", "养老金顾问", "2009-11", "至今")]


def test_a_social_posts_foot_is_no_item():
    parsed = parse_resume(MOMENTS, today=TODAY)
    assert parsed.skills == ["Excel", "Python", "SPSS", "R"]
    assert parsed.certificates == ["精算师", "ACCA"]
    assert parsed.languages == ["TEM-8"]


def test_a_title_holding_chu_zhi_is_not_cut_after_a_department_suffix():
    text = """工作经历
2013年8月至今中国信达资产管理股份有限公司不良资产处置经理
2010年7月至2013年7月中国银行股份有限公司信贷管理处副科长
"""
    work = parse_resume(text, today=TODAY).work
    assert [(w.employer, w.title) for w in work] == [("中国信达资产管理股份有限公司", "不良资产处置经理"),
                                                     ("中国银行股份有限公司", "副科长")]
