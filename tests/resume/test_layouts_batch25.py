"""The twenty-fifth batch's error classes (tests/resume/README.md), each a general rule; every test fails on the code
before but the guards marked as such."""
from datetime import date

from ml.layout import Block, page_lines
from ml.resume import parse_resume

TODAY = date(2025, 6, 1)


def _b(text, x0, y0, x1, y1):
    return Block(text, x0, y0, x1, y1)


# A printed two-column résumé photographed on a desk (desk_photo_jpg_2), its OCR boxes deskewed: the sidebar's short
# lines (contact, one skill a line) line up with the main column's rows by chance, and the right-aligned dates make
# the widest gap of the page the one left of them.
DESK_PHOTO = [
    _b("庞雅琴", 18, 296, 174, 368), _b("求职意向：信贷业务岗", 478, 297, 748, 343),
    _b("工作经历", 482, 377, 613, 426), _b("联系方式", 22, 398, 147, 447),
    _b("东莞银行股份有限公司", 482, 439, 736, 484), _b("2023.04 -至今", 1067, 476, 1222, 515),
    _b("18074528449", 25, 456, 184, 494), _b("信贷业务岗|风险管理部", 486, 477, 734, 517),
    _b("yaqin.pang57@126.com", 26, 496, 273, 533), _b("办理进口信用证开证与押汇业务", 487, 514, 797, 551),
    _b("中国农业发展银行", 484, 567, 690, 611), _b("2021.01 - 2023.03", 1065, 606, 1259, 642),
    _b("技能", 28, 556, 105, 608), _b("运营主管|乡村振兴金融部", 485, 606, 757, 644),
    _b("信贷档案管理", 33, 612, 177, 651), _b("编制月度财务报表并核对总账", 492, 640, 778, 678),
    _b("押品管理", 37, 650, 137, 689), _b("长沙银行股份有限公司", 488, 694, 738, 739),
    _b("2018.07 - 2020.12", 1063, 730, 1257, 769), _b("Excel", 39, 689, 103, 722),
    _b("财务会计岗|信贷管理部", 490, 732, 734, 769), _b("用友U8", 40, 722, 126, 760),
    _b("办理粮棉油收购贷款的调查与发放", 494, 764, 818, 803), _b("证书", 43, 783, 114, 833),
    _b("教育背景", 492, 818, 617, 866), _b("基金从业资格", 48, 837, 187, 874),
    _b("西南财经大学", 492, 876, 649, 919), _b("银行从业资格", 49, 871, 189, 911),
    _b("审计学·硕士·2016.09-2018.06", 493, 912, 814, 950), _b("语言", 48, 930, 121, 982),
    _b("雅思6.5", 55, 983, 144, 1022), _b("东北财经大学", 497, 966, 647, 1005),
    _b("经济学·本科·2012.09-2016.06", 495, 1000, 817, 1037),
]


def test_a_sidebar_headed_like_the_main_column_is_read_apart_from_it():
    """Both sides hold section headings (联系方式, 技能, 证书, 语言 | 工作经历, 教育背景): two columns, not a table's
    label and value sides, however their lines happen to line up (the work had been read into 语言)."""
    lines = page_lines(DESK_PHOTO)
    assert "18074528449" in lines and "东莞银行股份有限公司" in lines
    assert lines.index("雅思6.5") < lines.index("工作经历")
    parsed = parse_resume("\n".join(lines), today=TODAY)
    assert [(w.employer, w.title, w.start, w.end) for w in parsed.work] == [
        ("东莞银行股份有限公司", "信贷业务岗", "2023-04", "至今"),
        ("中国农业发展银行", "运营主管", "2021-01", "2023-03"),
        ("长沙银行股份有限公司", "财务会计岗", "2018-07", "2020-12")]
    assert parsed.languages == ["雅思6.5"]


def test_a_row_of_tabs_named_like_sections_is_no_pair_of_columns():
    """Guard (passes before too; the rule's first form, two headings a side wherever they stand, failed it and cost
    zhilian_tabs_dark_png ten points in the bench): an app's tabs "基本信息  工作经历  教育经历  技能证书" in one row
    are no sections stacked in two columns, so "技能证书" does not head the name and e-mail under it."""
    blocks = [_b("在线简历", 52, 125, 164, 166), _b("附件简历", 291, 125, 403, 166), _b("简历预览", 532, 125, 643, 166),
              _b("基本信息", 22, 218, 116, 254), _b("工作经历", 201, 218, 298, 254), _b("教育经历", 382, 218, 477, 254),
              _b("技能证书", 562, 218, 658, 254), _b("邓浩然", 32, 281, 161, 335),
              _b("男·35岁·本科·17年", 35, 340, 239, 369), _b("现居住地：苏州 | 手机 15023124165", 35, 376, 392, 404),
              _b("邮箱 haoran.deng28@qq.com", 33, 411, 305, 442)]
    parsed = parse_resume("\n".join(page_lines(blocks)), today=TODAY)
    assert parsed.name == "邓浩然" and parsed.email == "haoran.deng28@qq.com"
    assert parsed.skills == []


def test_a_wrapped_cell_continues_on_the_next_line_at_its_edge_only():
    """On a tilted photo the boxes are taller than the lines are apart: "employer" / "title | dept" / "· duty" at one
    left edge, the dates beside the middle line. The duty is no continuation of the employer's cell two lines up
    (the three had been glued into one title, "信贷业务岗 风险管理部编制月度财务报表…")."""
    blocks = [_b("工作经历", 665, 258, 794, 303),
              _b("上海农村商业银行股份有限公司", 666, 319, 1015, 362), _b("信贷业务岗|风险管理部", 664, 357, 915, 396),
              _b("编制月度财务报表并核对总账", 670, 393, 956, 430), _b("2021.03-至今", 1247, 354, 1398, 391),
              _b("中国农业发展银行", 662, 448, 873, 491), _b("运营主管|贸易金融部", 666, 484, 891, 522),
              _b("办理进口信用证开证与押汇业务", 669, 520, 973, 557), _b("2018.05 - 2021.02", 1244, 481, 1435, 518)]
    lines = page_lines(blocks)
    assert "上海农村商业银行股份有限公司" in lines
    parsed = parse_resume("\n".join(lines), today=TODAY)
    assert [(w.employer, w.title, w.start) for w in parsed.work] == [
        ("上海农村商业银行股份有限公司", "信贷业务岗", "2021-03"), ("中国农业发展银行", "运营主管", "2018-05")]


def test_a_wrapped_form_cell_still_joins():
    """Guard (passes before too): a form's employer cell wrapped onto a second line right under it is one cell."""
    blocks = [_b("2016.07-2019.06", 60, 100, 260, 124), _b("中国平安财产保险股份有限公", 320, 100, 620, 124),
              _b("司", 320, 128, 345, 152), _b("理赔专员", 700, 100, 800, 124)]
    assert page_lines(blocks) == ["2016.07-2019.06 | 中国平安财产保险股份有限公司 | 理赔专员"]


LIEPIN = """伍嘉怡
手机：13444848503 邮箱：jiayi.wu75@gmail.com
工作经历
成都银行股份有限公司 | 2022.08 - 至今（2年11个月）
贸易融资专员 | 营业部 | 年薪 19万
汇报对象：部门总经理 下属人数：5人
中国进出口银行 | 2017.07 - 2022.07（5年1个月）
信贷业务岗 | 信贷管理部 | 年薪 32万
"""


def test_a_business_department_alone_is_no_employer():
    """"营业部" alone is a bank's business department beside the title ("贸易融资专员 | 营业部"), not an employer
    (it had opened a spurious job and left the real one without its title); "XX证券营业部" still names one."""
    parsed = parse_resume(LIEPIN, today=TODAY)
    assert [(w.employer, w.title) for w in parsed.work] == [("成都银行股份有限公司", "贸易融资专员"),
                                                            ("中国进出口银行", "信贷业务岗")]


def test_a_securities_branch_is_still_an_employer():
    """Guard (passes before too): "华泰证券南京中山路营业部" is an employer."""
    parsed = parse_resume("工作经历\n2018.07-2021.06　华泰证券南京中山路营业部　客户经理\n", today=TODAY)
    assert [(w.employer, w.title) for w in parsed.work] == [("华泰证券南京中山路营业部", "客户经理")]


def test_a_department_glued_before_a_post_is_dropped():
    """OCR lost the space in "营业部  信贷业务岗": a post named "…岗" after a department is the title."""
    parsed = parse_resume("工作经历\n2016.06—2017.11 东莞银行股份有限公司 营业部信贷业务岗\n"
                          "2014.07—2016.05 长沙银行股份有限公司 计划财务部财务会计岗\n", today=TODAY)
    assert [w.title for w in parsed.work] == ["信贷业务岗", "财务会计岗"]


def test_other_skills_label_a_form_row():
    """A form's row "其他技能 | A、B" labels the skills (the label had been a skill)."""
    parsed = parse_resume("工作经历\n2014.07—2016.05 长沙银行股份有限公司 运营主管\n其他技能 | 财务分析、Excel、押品管理\n",
                          today=TODAY)
    assert parsed.skills == ["财务分析", "Excel", "押品管理"]
