"""The thirtieth batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code
before but the guards marked as such."""
import io
from datetime import date

import pytest

from ml.documents import extract_text
from ml.resume import parse_resume

TODAY = date(2026, 12, 1)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _tracked_docx(paragraphs) -> bytes:
    """A DOCX whose paragraphs are lists of (kind, text) runs: kind "" plain, "moveFrom" / "moveTo" a moved
    paragraph's old and new place (Track Changes; the text in w:t in both, as in the standard's example)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    for number, parts in enumerate(paragraphs):
        paragraph = document.add_paragraph()
        for kind, text in parts:
            run = OxmlElement("w:r")
            piece = OxmlElement("w:t")
            piece.text = text
            run.append(piece)
            if kind:
                wrapper = OxmlElement(f"w:{kind}")
                wrapper.set(qn("w:id"), str(number))
                wrapper.set(qn("w:author"), "刘思彤")
                wrapper.append(run)
                run = wrapper
            paragraph._p.append(run)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_moved_paragraphs_old_place_is_not_read():
    """Track Changes unaccepted, the latest job moved from the bottom of the list to the top: the text stands at the
    new place (w:moveTo) and, as w:t, also at the old one (w:moveFrom); read once, where it was moved to (the job was
    a spurious second entry on every file of the batch)."""
    job = "2021.02-至今　广东华兴银行股份有限公司　合规专员"
    data = _tracked_docx([[("", "段一苇")], [("", "手机：13201195158　邮箱：yiwei.duan81@outlook.com")],
                          [("", "工作经历")], [("moveTo", job)],
                          [("", "2016.07-2021.01　江西银行股份有限公司　交易员")], [("moveFrom", job)],
                          [("", "教育经历")], [("", "2012.09-2016.06　汕头大学　财务管理　本科")]])
    text = extract_text(data, filename="r.docx", ocr=None).text
    assert text.count("广东华兴银行") == 1 and text.index("广东华兴银行") < text.index("江西银行")
    work = parse_resume(text, today=TODAY).to_dict()["work"]
    assert [(w["employer"], w["title"]) for w in work] == [("广东华兴银行股份有限公司", "合规专员"),
                                                          ("江西银行股份有限公司", "交易员")]


def test_english_names_with_their_chinese_ones_in_brackets_keep_the_chinese():
    """An English-first résumé with each Chinese name in brackets after the English one, several on a line or beside
    the dates: every "English (中文)" field is its Chinese name (the English employer was taken as the title, the
    English school as the school and the Chinese school as the major)."""
    text = """CHANG Qifan (常启帆)
Mobile: +86 18548145226 | Email: qifan.chang48@gmail.com
PROFESSIONAL EXPERIENCE
Bank of Quanzhou Co., Ltd. (泉州银行股份有限公司) | Jun 2020 – Present
Collections Officer (信用卡催收专员), Financial Markets (金融市场部)
- Managed a portfolio of corporate clients and credit proposals
Zhuhai China Resources Bank Co., Ltd. （珠海华润银行股份有限公司） | Jul 2017 – May 2020
Wealth Manager （理财经理）， Internal Control （内控合规部）
EDUCATION
Shantou University (汕头大学) | Sep 2015 – Jun 2017
Master (硕士), Financial Management (财务管理)
Yunnan University (云南大学) | Sep 2011 – Jun 2015
Bachelor (本科), International Trade (国际经济与贸易)
SKILLS & QUALIFICATIONS
Skills: 债券交易, 合规审查, Python"""
    result = parse_resume(text, today=TODAY).to_dict()
    assert [(w["employer"], w["title"], w["start"], w["end"]) for w in result["work"]] == [
        ("泉州银行股份有限公司", "信用卡催收专员", "2020-06", "至今"),
        ("珠海华润银行股份有限公司", "理财经理", "2017-07", "2020-05")]
    assert [(e["school"], e["major"], e["degree"]) for e in result["education"]] == [
        ("汕头大学", "财务管理", "硕士"), ("云南大学", "国际经济与贸易", "本科")]


def test_a_proficiency_in_brackets_is_no_name():
    """Guard (passes before too): "Python (熟练), SQL (精通)" keeps the skills, the brackets are their level."""
    text = """王小明
手机：13800138000
专业技能
Skills: Python (熟练), SQL (精通), Excel (熟悉)"""
    assert parse_resume(text, today=TODAY).to_dict()["skills"][:3] == ["Python", "SQL", "Excel"]


@pytest.mark.parametrize("line, title", [("个贷审查员金融市场部", "个贷审查员"), ("交易员公司金融部", "交易员")])
def test_a_title_glued_to_its_department_by_ocr(line, title):
    """OCR lost the bar of "title | dept": a title ending in 审查员, or one that is a whole word by itself (交易员, with
    nothing before it), is parted from the department after it (the title came out empty)."""
    text = f"""严可风
手机：19026630233 邮箱：kefeng.yan38@163.com
工作经历
温州银行股份有限公司 | 2012.06 - 至今
{line}
审查个人住房与消费贷款申请"""
    work = parse_resume(text, today=TODAY).to_dict()["work"]
    assert [(w["employer"], w["title"]) for w in work] == [("温州银行股份有限公司", title)]
