"""The thirty-first batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code
before but the guards marked as such."""
import io
from datetime import date

import pytest

from ml.documents import extract_text
from ml.resume import parse_resume
from tests.resume.make_corpus import _control, _repeating_rows

TODAY = date(2026, 12, 1)


def _sdt(text: str, *, placeholder: bool = False):
    """An inline plain-text content control (the corpus generator's); placeholder: empty, showing its grey prompt."""
    return _control("字段", text, placeholder=placeholder)


def _form_docx(rows, *, repeating_from: int | None = None, boxes=()) -> bytes:
    """A table of rows (each a list of cells: a string, or a content control from `_sdt`); rows from
    `repeating_from` on wrapped as items of a repeating-section content control (each w:tr inside a w:sdt's
    w:sdtContent, as Word writes w15:repeatingSection); then paragraphs (label, control) under the table."""
    import docx

    document = docx.Document()
    document.add_paragraph("应聘人员信息登记表")
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for row, cells in zip(table.rows, rows):
        for cell, value in zip(row.cells, cells):
            if isinstance(value, str):
                cell.paragraphs[0].add_run(value)
            else:
                cell.paragraphs[0]._p.append(value)
    if repeating_from is not None:
        _repeating_rows(table, repeating_from)
    for label, control in boxes:
        paragraph = document.add_paragraph(label)
        paragraph._p.append(control)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _parse(data: bytes, filename: str) -> dict:
    return parse_resume(extract_text(data, filename=filename, ocr=None).text, today=TODAY).to_dict()


def test_rows_of_a_repeating_section_are_read():
    """Word's repeating section puts each job row inside a content control (w:sdt > w:sdtContent > w:tr), not
    directly in the table: those rows are the table's rows all the same."""
    data = _form_docx([["姓名", _sdt("叶知秋"), "手机号码", _sdt("15960044082")],
                       ["起止时间", "工作单位", "部门", "职务"],
                       [_sdt("2019年7月—至今"), _sdt("盛京银行股份有限公司"), _sdt("公司金融部"), _sdt("理财经理")],
                       [_sdt("2016年7月—2019年6月"), _sdt("龙江银行股份有限公司"), _sdt("零售信贷部"),
                        _sdt("个贷审查员")]], repeating_from=2)
    text = extract_text(data, filename="form.docx", ocr=None).text
    assert "盛京银行股份有限公司" in text and "龙江银行股份有限公司" in text
    work = _parse(data, "form.docx")["work"]
    assert [(w["employer"], w["title"], w["start"], w["end"]) for w in work] == [
        ("盛京银行股份有限公司", "理财经理", "2019-07", "至今"), ("龙江银行股份有限公司", "个贷审查员", "2016-07", "2019-06")]


def test_a_content_control_showing_its_placeholder_has_no_value():
    """An optional box left empty shows the control's grey prompt ("单击或点击此处输入文字。"): that is no text of
    the candidate's."""
    data = _form_docx([["姓名", _sdt("叶知秋"), "手机号码", _sdt("15960044082")]],
                      boxes=[("获奖情况：", _sdt("单击或点击此处输入文字。", placeholder=True)),
                             ("自我评价：", _sdt("工作认真负责"))])
    text = extract_text(data, filename="form.docx", ocr=None).text
    assert "单击或点击此处输入文字" not in text
    assert "工作认真负责" in text  # guard (passes before too): a filled control is read


@pytest.mark.parametrize("written, meant", [
    ("yunshu.he35#gmail.com（#换成@）", "yunshu.he35@gmail.com"),
    ("xiaolan.zhuang41★outlook.com（★改成@）", "xiaolan.zhuang41@outlook.com"),
    ("nanqiao.ye88 [at] qq [dot] com", "nanqiao.ye88@qq.com"),
    ("ruoxi.yan17（at）126.com", "ruoxi.yan17@126.com"),
])
def test_an_address_written_against_crawlers_is_read_as_meant(written, meant):
    text = f"姓名：叶南乔\n电话：187 6545 2090（微信同号）\n邮箱：{written}\n工作经历\n2018.11 - 至今 盛京银行股份有限公司 理财经理"
    assert parse_resume(text, today=TODAY).email == meant


def test_a_forum_reply_is_not_the_candidates():
    """A 求职 post printed with its thread: the replies after "2楼 … 发表于 …" are other people's, a recruiter's
    address (written the same way) and the post's chatter; the résumé ends before them, its sign-off too."""
    text = "\n".join([
        "楼主 小鱼想进城商行 发表于 2026-11-26 21:14 | 只看该作者 | 回复 25",
        "姓名：叶南乔", "电话：187 6545 2090（微信同号）", "【工作经历】",
        "◆ 2018.11 – 至今 盛京银行股份有限公司 对公客户经理（金融市场部）",
        "【技能证书】", "技能：SQL / Wind / Python", "证书：证券从业资格", "语言：CET-4",
        "附件简历已上传，欢迎私信交流，谢谢大家！",
        "2楼 吉林银行招聘小助手 发表于 2026-11-27 09:02",
        "楼主可以投递我行社招，简历发 campus.hr★126.com（★改成@），注明来自论坛。咨询电话 027-72703077",
        "3楼 路过的打工人 发表于 2026-11-27 12:40", "顶一下，楼主条件不错"])
    result = parse_resume(text, today=TODAY)
    assert result.email == ""  # the recruiter's address is not the candidate's
    assert result.skills == ["SQL", "Wind", "Python"]
    assert result.phone == "18765452090"
