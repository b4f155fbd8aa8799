"""The twenty-seventh batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code
before (six of six)."""
from datetime import date

from ml.resume import normalize, parse_resume

TODAY = date(2026, 12, 1)

TW = "\n".join([
    "履 歷 表",
    "基本資料",
    "姓　　名：余詩涵　　性　　別：女",
    "出生日期：民國78年7月　　兵役狀況：役畢",
    "行動電話：+86 138-3181-1572　　電子郵件：shihan.yu96@qq.com",
    "學　　歷",
    "東吳大學　國際企業學系　碩士",
    "民國107年9月 – 民國109年6月",
    "工作經歷",
    "112/09～迄今　第一商業銀行股份有限公司",
    "職稱：風險控管專員　部門：風險管理部",
    "工作內容：辦理中小企業授信案件之徵信與撰寫授信報告。",
    "109/07～112/08　玉山商業銀行股份有限公司",
    "職稱：理財專員　部門：風險管理部",
    "專長與證照",
    "專　　長：財務分析、SQL、Python",
    "證　　照：人身保險業務員、證券商高級業務員",
    "日文：JLPT N2",
    "自　　傳",
    "本人個性積極負責，具備銀行第一線服務與授信實務經驗。",
])


def test_roc_years_are_read_as_gregorian():
    """A Taiwanese résumé dates in Republic-of-China years (民國107年9月 = 2018-09; "112/09～迄今" = 2023-09 to now in a
    document that names 民國 or writes 迄今): tw_roc_pdf lost every date and the years of experience to them."""
    parsed = parse_resume(TW, today=TODAY)
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [
        ("第一商業銀行股份有限公司", "風險控管專員", "2023-09", "至今"),
        ("玉山商業銀行股份有限公司", "理財專員", "2020-07", "2023-08")]
    assert [(e.school, e.start, e.end) for e in parsed.education] == [("東吳大學", "2018-09", "2020-06")]


def test_roc_dates_only_where_the_document_says_so():
    """Without 民國 or 迄今, "108/07" is no date to convert (a guard, passes before); with them it is 2019/07 (fails)."""
    assert "108/07" in normalize("项目编号 108/07", today=TODAY)
    assert "2019/07" in normalize("108/07～迄今 某银行", today=TODAY)


def test_taiwanese_heads_name_skills_certificates_and_the_autobiography():
    """專長 (skills), 證照 (certificates), 自傳 (an autobiography, no job) as Taiwanese forms head them."""
    parsed = parse_resume(TW, today=TODAY)
    assert {"財務分析", "SQL", "Python"} <= set(parsed.skills)
    assert set(parsed.certificates) >= {"人身保險業務員", "證券商高級業務員"}
    assert "JLPT N2" in parsed.languages
    assert all(w.employer != "自" for w in parsed.work)
    assert "民國78年7月" not in str(parsed) and "1989" not in str(parsed)


MAIL = "\n".join([
    "主题：转发：应聘柜面主管-段雨菲",
    "发件人：司徒文杰 <situwenjie@hr-bank.cn>",
    "各位领导：",
    "　　转发候选人段雨菲的简历，请评估是否安排面试。",
    "司徒文杰　人力资源部　吉林银行",
    "电话：0431-87790618　手机：13047363879",
    "------------------ 原始邮件 ------------------",
    '发件人: "段雨菲"<yufei.duan62@qq.com>;',
    "主题: 应聘柜面主管-段雨菲",
    "> 一、基本情况",
    "> 姓名：段雨菲　性别：女",
    "> 手机：18637662755　邮箱：yufei.duan62@qq.com",
    ">",
    "> 二、工作经历",
    "> 2014.01-至今  吉林银行股份有限公司  网络金融部  普惠客户经理",
    ">",
    "> 四、技能与证书",
    "> 技能：供应链金融 / Python / 反欺诈 / SAS",
    ">",
    "> 盼复，谢谢！",
    "> 段雨菲",
])


def test_a_forwarders_contact_above_the_original_mail_is_not_the_candidates():
    """A résumé forwarded by HR: the forwarder's address and mobile stand above "原始邮件" / "Original Message"; the
    candidate's are below it (forwarded_mail_pdf lost 3 phones and 2 e-mails to the HR sender's signature)."""
    parsed = parse_resume(MAIL, today=TODAY)
    assert parsed.phone == "18637662755"
    assert parsed.email == "yufei.duan62@qq.com"
    assert parsed.name == "段雨菲"


def test_a_closing_plea_and_the_signature_are_no_skills():
    """"盼复，谢谢！" closes the mail: it and the name signed under it are no skills."""
    parsed = parse_resume(MAIL, today=TODAY)
    assert set(parsed.skills) == {"供应链金融", "Python", "反欺诈", "SAS"}


def test_a_seal_label_is_no_certificate():
    """A certificate card photographed as an appendix ends with its issuer's seal label "发证机构（盖章）": no
    certificate (cert_appendix_scan, one spurious certificate per file)."""
    text = "\n".join(["张三", "手机：13800138000", "证书：银行从业资格、CPA（证书复印件附后）", "资格证书", "证书名称：银行从业资格",
                      "证书编号：B1234567890", "发证机构（盖章）"])
    parsed = parse_resume(text, today=TODAY)
    assert not any("盖章" in c or "发证" in c for c in parsed.certificates)


def test_a_trust_qualification_is_no_toeic():
    """信托业业务人员 (信託業, the trust business) holds 托业 (TOEIC's Chinese name): it is a certificate, not a test."""
    parsed = parse_resume("张三\n证书：信託業業務人員、理財規劃人員\n英文：TOEIC 860", today=TODAY)
    assert "信託業業務人員" in parsed.certificates
    assert parsed.languages == ["TOEIC 860"]


def test_a_language_labelled_by_its_name_is_a_language():
    """Guard (passes before too; failed on 专长 as a heading until 日文/英文 labelled languages): "日文：JLPT N2" under
    專長與證照 is a language, no skill "N2"."""
    parsed = parse_resume("张三\n专长与证照\n专长：Excel、SQL\n日文：JLPT N2", today=TODAY)
    assert parsed.languages == ["JLPT N2"]
    assert "N2" not in parsed.skills
