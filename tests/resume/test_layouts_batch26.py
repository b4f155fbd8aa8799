"""The twenty-sixth batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code
before but the guards marked as such."""
from datetime import date

from ml.resume import parse_resume

TODAY = date(2026, 12, 1)


def test_a_grade_in_brackets_after_a_title_is_no_part_of_it():
    """A bank's internal form writes every post with its grade ("会计主管（P6）", "职务（职级）" column): the grade is a
    rank on the bank's ladder, not the post's name (transfer_form_docx lost all eight titles to it)."""
    text = "\n".join([
        "工作经历",
        "起止时间：单位",  # the table's head row as the Word reader gives it
        "部门：职务（职级）",
        "2020.01-至今 | 西安银行股份有限公司 | 运营管理部 | 会计主管（P6）",
        "2017.10-2019.12 | 宁夏银行股份有限公司 | 审计部 | 审计专员(M3)",
        "2015.07-2017.09 | 廊坊银行股份有限公司 | 零售金融部 | 大堂经理（副科级）",
    ])
    parsed = parse_resume(text, today=TODAY)
    assert [(w.employer, w.title) for w in parsed.work] == [
        ("西安银行股份有限公司", "会计主管"), ("宁夏银行股份有限公司", "审计专员"), ("廊坊银行股份有限公司", "大堂经理")]


def test_a_bracketed_word_after_a_title_that_is_no_grade_stays():
    """Guard (passes before too): a bracket that names no grade ("客户经理（零售）") is not cut as one."""
    text = "工作经历\n2020.01-至今 | 西安银行股份有限公司 | 理财经理（私人银行）"
    parsed = parse_resume(text, today=TODAY)
    assert parsed.work[0].title.startswith("理财经理")


def test_zhuanye_techang_heads_the_skills():
    """"专业特长" (a form's row label, "专业特长 | A、B") heads the skills; it had been a skill itself."""
    text = "\n".join(["张三", "专业资格 | 银行从业资格、CPA", "外语水平 | CET-6", "专业特长 | Excel、SQL、反洗钱、现金管理",
                      "近三年考核结果 | 2023年度 称职；2024年度 优秀"])
    parsed = parse_resume(text, today=TODAY)
    assert "专业特长" not in parsed.skills
    assert {"Excel", "SQL", "反洗钱", "现金管理"} <= set(parsed.skills)
    assert parsed.certificates == ["银行从业资格", "CPA"]


def test_an_acronym_with_its_chinese_name_is_one_certificate_as_written():
    """"AFP金融理财师": the acronym and its Chinese name side by side are one qualification, kept as the résumé writes
    it (it had been cut to "AFP"); either alone is still named canonically."""
    parsed = parse_resume("证书\nAFP金融理财师、FRM", today=TODAY)
    assert parsed.certificates == ["AFP金融理财师", "FRM"]
    parsed = parse_resume("证书\nCFA（特许金融分析师）、银行从业资格", today=TODAY)
    assert parsed.certificates == ["CFA(特许金融分析师)", "银行从业资格"]  # brackets as the parse normalises them
    assert parse_resume("证书\n金融理财师、CPA", today=TODAY).certificates == ["AFP", "CPA"]


def test_a_scanner_apps_mark_is_no_line_of_the_resume():
    """A phone scanner app stamps its name in the corner of every page it makes ("扫描全能王 创建", CamScanner): no
    skill (it had been two on every camscanner_pdf file)."""
    text = "\n".join(["技能证书", "专业技能：SQL、反洗钱", "资格证书：基金从业资格", "外语水平：CET-6", "扫描全能王 创建"])
    parsed = parse_resume(text, today=TODAY)
    assert parsed.skills == ["SQL", "反洗钱"]
    assert not any("扫描" in s or "创建" in s for s in parsed.skills + parsed.certificates + parsed.languages)


def _page_with_lines(levels, background=255):
    """A page with one line of 'ink' per level (a box holding a dark stroke of that grey), and its boxes."""
    import numpy as np

    page = np.full((60 * len(levels) + 40, 600, 3), background, dtype=np.uint8)
    quads = []
    for i, level in enumerate(levels):
        top = 20 + 60 * i
        page[top + 10:top + 30, 40:400:6] = level  # strokes, paper between them
        page[top + 18:top + 22, 40:400] = level
        quads.append(np.array([[30, top], [410, top], [410, top + 40], [30, top + 40]], dtype=np.float32))
    return page, quads


def test_text_showing_through_from_the_back_of_the_sheet_is_no_line():
    """A scanner app's enhance filter leaves the back's mirrored text light grey (~220) under black ink: those boxes,
    read as strings of unrelated characters, had become skills, languages, a major and two titles (camscanner_pdf)."""
    from ml.ocr import without_faint_lines

    page, quads = _page_with_lines([20, 35, 220, 10, 30, 225, 40, 25])
    kept = without_faint_lines(page, quads)
    assert len(kept) == 6 and all(q is not quads[2] and q is not quads[5] for q in kept)


def test_a_pale_copy_and_a_grey_label_keep_their_lines():
    """Guard (passes before too): a photocopy at low contrast (all ink ~130) and grey labels (~150) beside black text
    are the page's own lines; a dark page's lines hold its dark background."""
    from ml.ocr import without_faint_lines

    page, quads = _page_with_lines([130, 135, 128, 140, 133, 131, 150])
    assert len(without_faint_lines(page, quads)) == 7
    page, quads = _page_with_lines([0, 10, 150, 20, 155, 5, 30])
    assert len(without_faint_lines(page, quads)) == 7
    page, quads = _page_with_lines([230, 235, 240, 228, 233, 236], background=30)
    assert len(without_faint_lines(page, quads)) == 6
