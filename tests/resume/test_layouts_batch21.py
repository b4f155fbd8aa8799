"""The twenty-first batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code
before but the guards marked as such."""
from datetime import date

from ml.resume import match_credentials, parse_resume

TODAY = date(2025, 6, 1)


def test_tem8_kept_as_the_resume_writes_it():
    """英语专业八级 and TEM-8 name one qualification (the Chinese name is the test's own): a parse keeps the name the
    résumé writes, as for 雅思/IELTS and 注册会计师/CPA; matching compares the canonical name."""
    text = "郦晨阳\n手机：13912345678\n外语水平：英语专业八级\n"
    assert parse_resume(text, today=TODAY).languages == ["英语专业八级"]
    assert parse_resume("郦晨阳\n语言能力\n专业四级", today=TODAY).languages == ["专业四级"]
    assert match_credentials("英语专业八级", "languages") == ["TEM-8"]


def test_tem8_in_latin_stays_canonical():
    """Guard (passes before too): "TEM8" written in Latin letters keeps the canonical form."""
    assert parse_resume("郦晨阳\n语言：TEM8", today=TODAY).languages == ["TEM-8"]


def test_a_label_whose_colon_ocr_read_as_a_semicolon():
    """OCR of a dim photo reads a label's colon as a semicolon ("所获证书；证券从业资格，中级经济师"): the label is no
    item of the list above it, and its items are certificates."""
    text = ("郦晨阳\n手机：13912345678\n【技能证书】\n专业技能：VBA，Tableau，Excel，信贷审批\n"
            "所获证书；证券从业资格，中级经济师\n外语水平：CET-4\n")
    parsed = parse_resume(text, today=TODAY)
    assert parsed.skills == ["VBA", "Tableau", "Excel", "信贷审批"]
    assert parsed.certificates == ["证券从业资格", "中级经济师"]


def test_a_semicolon_list_is_no_label():
    """Guard (passes before too): a list whose first item is no label keeps its semicolons as separators."""
    text = "郦晨阳\n手机：13912345678\n专业技能\nVBA；Tableau；Excel\n"
    assert parse_resume(text, today=TODAY).skills == ["VBA", "Tableau", "Excel"]
