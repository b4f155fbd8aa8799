"""The twenty-second batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code
before but the guards marked as such."""
from datetime import date

from ml.resume import parse_resume

TODAY = date(2025, 6, 1)

MARKDOWN = """# 胥可欣
> 求职意向：财富规划师 · 天津
- 电话：15363303179
- 邮箱：[kexin.xu48@outlook.com](mailto:kexin.xu48@outlook.com)
## 工作经历
### 中邮消费金融有限公司 | 财富规划师
*2017.02 - 至今* · 交易银行部
- 为高净值客户做家庭资产规划，组织财富沙龙
### 光大理财有限责任公司 | 交易银行经理
*2014.07 - 2017.01* · 财富管理中心
- 开发零售信贷评分卡，监控模型稳定性
## 教育背景
### 上海财经大学 · 法学 · 本科
`2010.09 - 2014.06`
## 技能与证书
**技能**：`评分卡建模` `Python` `Power BI` `Bloomberg`
**证书**：
- CFA
- 证券从业资格
**语言**：CET-6
---
*本简历用 Markdown 编写，最后更新于 2026-11*
"""


def test_markdown_headings_are_no_part_of_a_title():
    """A résumé sent as its Markdown source: "### employer | title" gives the title without the heading's hashes, and
    "*2017.02 - 至今* · dept" its dates."""
    parsed = parse_resume(MARKDOWN, today=TODAY)
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [
        ("中邮消费金融有限公司", "财富规划师", "2017-02", "至今"), ("光大理财有限责任公司", "交易银行经理", "2014-07", "2017-01")]
    assert parsed.name == "胥可欣" and parsed.email == "kexin.xu48@outlook.com"


def test_markdown_code_spans_are_items():
    """"**技能**：`A` `B C` `D`": the strong label is a label, each code span one item (a span with a space inside
    stays one)."""
    parsed = parse_resume(MARKDOWN, today=TODAY)
    assert parsed.skills == ["评分卡建模", "Python", "Power BI", "Bloomberg"]
    assert parsed.certificates == ["CFA", "证券从业资格"] and parsed.languages == ["CET-6"]
    assert [(e.school, e.degree, e.start, e.end) for e in parsed.education] == [("上海财经大学", "本科", "2010-09", "2014-06")]


def test_asterisks_that_are_no_markup_stay():
    """Guard (passes before too): a lone asterisk or a footnote mark is no emphasis, and C# keeps its hash."""
    text = "喻文轩\n手机：13912345678\n专业技能\nC#、SQL、Python*\n"
    assert parse_resume(text, today=TODAY).skills[:2] == ["C#", "SQL"]
