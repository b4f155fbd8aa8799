"""The ninth batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code before."""
import io
from datetime import date

from ml.documents import extract_text
from ml.resume import match_credentials, parse_resume
from tests.resume.make_corpus import _textbox_xml

TODAY = date(2025, 6, 1)


def test_floating_text_boxes_are_read_where_they_stand_not_in_the_order_they_were_drawn():
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph()
    emu = 12700
    boxes = [(["工作经历", "华泰证券股份有限公司", "投资经理  |  2018.3 ~ 至今"], 200, 150),
             (["技能", "Python", "SQL"], 30, 150),
             (["韩雪松", "应聘岗位：投资经理"], 30, 30)]  # drawn last, stands at the top
    for number, (lines, x, y) in enumerate(boxes, start=1):
        paragraph._p.append(parse_xml(_textbox_xml(lines, x * emu, y * emu, 300 * emu, 200 * emu, number)))
    buffer = io.BytesIO()
    document.save(buffer)
    text = extract_text(buffer.getvalue(), filename="x.docx", ocr=None).text
    assert text.split("\n")[:4] == ["韩雪松", "应聘岗位：投资经理", "技能", "Python"]
    assert text.count("华泰证券股份有限公司") == 1  # the VML fallback is not read a second time
    parsed = parse_resume(text, today=TODAY)
    assert parsed.name == "韩雪松" and parsed.languages == []


def test_skill_chips_boxed_together_are_one_skill_each():
    parsed = parse_resume("技能标签\n用户分析 Excel | R Power BI\n", today=TODAY)
    assert parsed.skills == ["用户分析", "Excel", "R", "Power BI"]
    assert parse_resume("技能：Bloomberg Terminal", today=TODAY).skills == ["Bloomberg Terminal"]


def test_a_row_of_skill_chips_under_a_job_is_no_job():
    text = "\n".join(["工作经历", "平安银行股份有限公司 | 2019.03-至今", "风控经理·授信审批部", "内容：负责授信审查。",
                      "SQL | Python", "招商银行股份有限公司 | 2016.07-2019.02", "客户经理·零售部"])
    assert [(w.employer, w.title) for w in parse_resume(text, today=TODAY).work] == [
        ("平安银行股份有限公司", "风控经理"), ("招商银行股份有限公司", "客户经理")]


def test_a_north_american_actuary_is_not_a_chinese_one():
    assert match_credentials("北美精算师（ASA）、FRM", "certificates") == ["北美精算师（ASA）", "FRM"]
    assert match_credentials("中国精算师", "certificates") == ["精算师"]
    assert match_credentials("FSA", "certificates") == ["北美精算师（FSA）"]
