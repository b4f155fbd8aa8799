"""The twentieth batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code
before but the guards marked as such."""
from datetime import date

import numpy as np
import pytest

from ml.ocr import clear_light_layer
from ml.resume import match_credentials, parse_resume

TODAY = date(2025, 6, 1)


def test_a_rarer_surname_of_the_classical_list():
    """宓, 郦, 钭, 贲 are surnames of the 百家姓 the list did not hold: a bare name with one on the top line is the name."""
    for name in ("宓佳宁", "郦文博", "钭雨桐", "贲立"):
        text = f"前程无忧 51job.com  简历编号：123456789\n{name}\n女 | 30岁 | 现居住 上海\n手机：13912345678"
        assert parse_resume(text, today=TODAY).name == name


def test_a_surname_list_keeps_common_words_out():
    """Guard (passes before too): a heading or a word opening with a character that is also a rarer surname elsewhere
    is no name ("东方" aside, "暨南" is a school's word, "贝叶斯" a method)."""
    text = "个人简历\n手机：13912345678\n暨南\n专业技能\n贝叶斯"
    assert parse_resume(text, today=TODAY).name == ""


def test_a_training_section_is_no_education_and_no_job():
    """A 51job résumé's 培训经历 (dated courses at an institute) is neither an education entry nor a job."""
    text = ("宓佳宁\n手机：13912345678\n工作经验\n2019/07-至今：恒丰银行股份有限公司 [ 5年11个月 ]\n"
            "同业金融部        同业业务经理\n工作描述：负责同业存单的报价\n教育经历\n"
            "2015/09-2019/06：厦门大学    法学    本科\n培训经历\n2021/09-2021/10：上海国家会计学院\n"
            "培训课程：管理会计实务    获得证书：结业证书\n2022/06-2022/07：中国银行业协会\n"
            "培训课程：商业银行合规管理    获得证书：结业证书")
    parsed = parse_resume(text, today=TODAY)
    assert [e.school for e in parsed.education] == ["厦门大学"]
    assert [w.employer for w in parsed.work] == ["恒丰银行股份有限公司"]


def test_it_skills_heading_and_a_rated_language_beside_its_test():
    """"IT技能" heads the skills (each with a proficiency word); "英语（熟练）  CET-6" is the test, the bracketed
    proficiency beside it no language of its own, nor the lines under the next heading."""
    text = ("宓佳宁\n手机：13912345678\n语言能力\n英语（熟练）  CET-6\nIT技能\nPower BI    熟练\n合同审查    精通")
    parsed = parse_resume(text, today=TODAY)
    assert parsed.languages == ["CET-6"]
    assert parsed.skills == ["Power BI", "合同审查"]


def test_a_decorated_heading():
    """"◆ 自我评价 ◆", "◆ 教育背景 ◆": a Word user's marks around a heading; the heading is still one, not a job."""
    text = ("冷一凡    电话：15198380473\n◆ 工作经历 ◆\n渤海银行股份有限公司\t２０１３．０９－至今\n财务核算岗 / 公司金融部\n"
            "◆ 自我评价 ◆\n工作认真细致，沟通能力强，具有良好的团队合作精神\n◆ 教育背景 ◆\n厦门大学\t２００９．０９－２０１１．０６\n"
            "金融工程（硕士）")
    parsed = parse_resume(text, today=TODAY)
    assert [(w.employer, w.title) for w in parsed.work] == [("渤海银行股份有限公司", "财务核算岗")]
    assert [(e.school, e.degree) for e in parsed.education] == [("厦门大学", "硕士")]


def test_a_duty_opening_with_its_verb():
    """"· 办理银行承兑汇票的贴现与转贴现业务", "· 开发数据仓库的批量作业…": a duty opening with the verb of what was
    done is no employer ("办理银行") and no title of the next job."""
    text = ("冷一凡\n电话：15198380473\n工作经历\n渤海银行股份有限公司\t2013.09－至今\n财务核算岗 / 公司金融部\n"
            "· 办理银行承兑汇票的贴现与转贴现业务\n· 开发数据仓库的批量作业与实时指标计算\n"
            "汇丰银行（中国）有限公司\t2011.07－2013.08\n对公客户经理 / 财务会计部\n· 办理银行承兑汇票的贴现与转贴现业务")
    parsed = parse_resume(text, today=TODAY)
    assert [(w.employer, w.title) for w in parsed.work] == [
        ("渤海银行股份有限公司", "财务核算岗"), ("汇丰银行(中国)有限公司", "对公客户经理")]


def test_cpa_kept_as_the_resume_writes_it():
    """注册会计师 and CPA name one qualification: a parse keeps the name the résumé writes (as for 雅思/IELTS);
    matching compares the canonical name."""
    text = "宓佳宁\n手机：13912345678\n证书\n注册会计师、法律职业资格\n"
    assert parse_resume(text, today=TODAY).certificates == ["注册会计师", "法律职业资格"]
    assert parse_resume("宓佳宁\n证书\nCPA", today=TODAY).certificates == ["CPA"]
    assert match_credentials("注册会计师", "certificates") == ["CPA"]


def _page(watermark: bool) -> np.ndarray:
    """A white page with dark text strokes, optionally under a light grey diagonal watermark (as scanned: paper 241)."""
    pytest.importorskip("cv2")
    import cv2

    page = np.full((400, 300, 3), 241, np.uint8)
    for y in range(40, 360, 80):
        cv2.putText(page, "Resume line", (20, y), cv2.FONT_HERSHEY_SIMPLEX, 0.5, (30, 30, 30), 1)
    if watermark:
        layer = np.zeros((400, 300), np.uint8)
        for y in range(-200, 600, 30):
            cv2.putText(layer, "ONLY FOR BANK", (0, y), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 255, 1)
        turn = cv2.getRotationMatrix2D((150, 200), 30, 1.0)
        layer = cv2.warpAffine(layer, turn, (300, 400))
        marked = (layer > 127) & (page.min(axis=2) > 200)
        page[marked] = 178
    return page


def test_a_light_watermark_is_whitened_before_ocr():
    """A light grey watermark repeated over a clean page is whitened before detection; the ink stays."""
    page = _page(watermark=True)
    cleared = clear_light_layer(page)
    assert (page == 178).any() and not (cleared == 178).any()
    ink = page.min(axis=2) < 100
    assert (cleared[ink] == page[ink]).all()


def test_a_clean_page_is_left_alone():
    """Guard (fails before only as the function is new): a page without a light layer goes to OCR unchanged."""
    page = _page(watermark=False)
    assert clear_light_layer(page) is page


def test_grey_panels_are_no_watermark():
    """A screenshot's light grey squares (an app's logo tiles, panels) are solid areas, not a watermark's strokes:
    left alone (the 智联 rail's logos had been whitened by a first cut, and their characters read as titles)."""
    page = _page(watermark=False)
    for y in range(20, 380, 60):
        page[y:y + 36, 240:276] = 200
    assert clear_light_layer(page) is page
