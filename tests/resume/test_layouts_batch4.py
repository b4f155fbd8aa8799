"""The classes the fourth corpus batch showed (bank 网申 forms, 智联 online exports, headhunter reports, bilingual
tables, viewer screenshots), each on a small hand-written input: written to fail on the parser before the fix."""
from __future__ import annotations

import pytest

from ml.layout import Block, page_lines
from ml.matching import JobRequirements, match_resume
from ml.resume import match_credentials, parse_resume
from tests.resume.make_resumes import TODAY


def _block(text, x0, y0, x1, y1):
    return Block(text, x0, y0, x1, y1)


def test_a_form_row_with_a_wrapped_cell_stays_one_row_and_is_no_second_column():
    heads = [_block(t, x, 100, x + 8 * len(t), 108) for t, x in
             [("起止时间", 42), ("工作单位", 148), ("部门", 292), ("职务", 369), ("证明人", 436), ("证明人电话", 479)]]
    first = [_block("2021年7月-至今", 43, 129, 96, 136), _block("长沙银行股份有限公司", 148, 129, 223, 136),
             _block("风险管理处", 292, 129, 330, 136), _block("信审专员", 369, 129, 399, 136),
             _block("傅立伟", 436, 129, 458, 136), _block("13897353728", 480, 129, 516, 134)]
    # The employer cell wraps: its first line above the row's other cells, the rest below.
    second = [_block("中国平安财产保险股份有限公", 148, 156, 247, 164), _block("2020年1月-2021年6月", 43, 163, 113, 171),
              _block("营业部", 292, 163, 314, 171), _block("资深数据分析师", 369, 163, 422, 171),
              _block("徐晴", 436, 163, 451, 171), _block("18820847005", 480, 164, 516, 169),
              _block("司", 148, 170, 154, 177)]
    headings = [_block("三、工作经历（按时间倒序填写）", 39, 80, 218, 93), _block("四、资格证书", 40, 190, 112, 202)]
    lines = page_lines(heads + first + second + headings)
    assert lines == ["三、工作经历（按时间倒序填写）", "起止时间 | 工作单位 | 部门 | 职务 | 证明人 | 证明人电话",
                     "2021年7月-至今 | 长沙银行股份有限公司 | 风险管理处 | 信审专员 | 傅立伟 | 13897353728",
                     "2020年1月-2021年6月 | 中国平安财产保险股份有限公司 | 营业部 | 资深数据分析师 | 徐晴 | 18820847005",
                     "四、资格证书"]


def test_a_column_of_lines_at_one_left_edge_is_no_wrapped_cell():
    sidebar = [_block(t, 30, 100 + 17 * i, 150, 110 + 17 * i) for i, t in enumerate(["技能", "Python", "SQL"])]
    main = [_block(t, 210, 104 + 34 * i, 480, 114 + 34 * i) for i, t in enumerate(["工作经历", "2019.07 - 至今 某某银行"])]
    assert page_lines(main + sidebar) == ["技能", "Python", "SQL", "工作经历", "2019.07 - 至今 某某银行"]


def test_tables_with_column_heads_are_read_by_their_heads():
    text = ("张三\n13800000000\n一、基本信息\n姓名：张三\n二、教育背景（从高中后填起）\n起止时间 | 毕业院校 | 所学专业 | 学历 | 学位\n"
            "2015年9月-2017年6月 | 重庆工商大学 | 税收学 | 硕士 | 硕士\n三、工作经历（按时间倒序填写）\n"
            "起止时间 | 工作单位 | 部门 | 职务 | 证明人 | 证明人电话\n"
            "2021年7月-至今 | 长沙银行股份有限公司 | 营业部 | 信审专员 | 傅立伟 | 13897353728\n"
            "四、资格证书\n证书名称 | 取得时间\n初级会计职称 | 2014年10月\n五、外语及专业技能\n语种：日语\n等级：日语N2\n"
            "专业技能：SQL，Hive")
    result = parse_resume(text, today=TODAY)
    assert [(e.school, e.major, e.degree) for e in result.education] == [("重庆工商大学", "税收学", "硕士")]
    assert [(w.employer, w.title, w.start, w.end) for w in result.work] == [("长沙银行股份有限公司", "信审专员", "2021-07", "至今")]
    assert result.certificates == ["初级会计职称"]
    assert result.languages == ["日语N2"]
    assert result.skills == ["SQL", "Hive"]
    assert result.phone == "13800000000"


@pytest.mark.parametrize("text, written", [("中级银行从业资格", "中级银行从业资格"), ("CFA一级", "CFA一级"),
                                           ("CFA Level II", "CFA Level II"), ("初级会计职称", "初级会计职称"), ("CFA", "CFA")])
def test_a_certificate_keeps_its_level(text, written):
    assert parse_resume(f"张三\n证书：{text}", today=TODAY).certificates == [written]
    assert match_credentials(text, "certificates") == [match_credentials(written, "certificates")[0]]


def test_a_level_still_matches_the_requirement_without_it():
    parsed = parse_resume("张三\n证书：中级银行从业资格", today=TODAY)
    match = match_resume(parsed, JobRequirements(certificates=["银行从业资格"]))
    assert match.parts["other"].reasons == ["要求证书 银行从业资格: 命中 银行从业资格"]
    assert match.parts["other"].score == 100.0


@pytest.mark.parametrize("line", ["资格：无", "资格证书：暂无", "证书：N/A", "Certificates: none", "证书：-"])
def test_an_empty_value_marker_is_no_entry(line):
    result = parse_resume(f"张三\n技能：SQL\n{line}\n语言：无", today=TODAY)
    assert result.certificates == [] and result.languages == [] and result.skills == ["SQL"]


def test_a_skill_with_its_proficiency_and_years_is_the_skill():
    text = "张三\n专业技能\nSQL 精通 | 7年\nC++ 良好 | 6年\n信贷风险管理 熟练 | 3年"
    assert parse_resume(text, today=TODAY).skills == ["SQL", "C++", "信贷风险管理"]


def test_a_partnership_keeps_its_legal_form_and_a_salary_is_no_title():
    text = ("张三\n工作经历\n天健会计师事务所（特殊普通合伙） | 2018.06 - 至今\n资深数据分析师 | 普惠金融部 | 月薪：10001-15000元/月\n"
            "工作描述：维护高净值客户120户。")
    result = parse_resume(text, today=TODAY)
    assert [(w.employer, w.title) for w in result.work] == [("天健会计师事务所(特殊普通合伙)", "资深数据分析师")]


def test_the_consultants_contact_is_not_the_candidates():
    text = ("候选人推荐报告\n推荐顾问：王先生 电话：13912345678 邮箱：consultant23@talentsearch.cn\n"
            "一、候选人基本情况\n姓名：程志远\n联系电话：13800001111\n电子邮箱：zhiyuan.cheng63@outlook.com")
    result = parse_resume(text, today=TODAY)
    assert (result.name, result.phone, result.email) == ("程志远", "13800001111", "zhiyuan.cheng63@outlook.com")


@pytest.mark.parametrize("line, employer, title", [
    ("中国平安财产保险股份有限公司一客户经理助理 | 2014年7月-至今", "中国平安财产保险股份有限公司", "客户经理助理"),
    ("长沙银行股份有限公司 一 稽核员 | 2012年7月一2014年6月", "长沙银行股份有限公司", "稽核员"),
])
def test_ocr_reads_a_dash_as_one(line, employer, title):
    result = parse_resume(f"张三\n工作经历\n{line}\n教育背景\n山东大学 一 应用统计一本科 | 2008年9月-2012年6月", today=TODAY)
    assert [(w.employer, w.title) for w in result.work] == [(employer, title)]
    assert [(e.school, e.major, e.degree) for e in result.education] == [("山东大学", "应用统计", "本科")]


def test_bilingual_cells_in_a_long_row_keep_the_chinese():
    text = ("张三\nWork Experience 工作经历\nPeriod 时间 | Company 公司 | Position 职位\n"
            "Jul 2020 – Oct 2022 | 长沙银行股份有限公司 Bank of Changsha | 客户经理助理 Assistant Relationship Manager\n"
            "Education 教育背景\nPeriod 时间 | School 学校 | Major 专业 | Degree 学历\n"
            "Sep 2014 – Jun 2018 | 北京工商大学 Beijing Technology and Business University | 税收学 Taxation | 本科 Bachelor")
    result = parse_resume(text, today=TODAY)
    assert [(w.employer, w.title, w.start, w.end) for w in result.work] == [("长沙银行股份有限公司", "客户经理助理", "2020-07", "2022-10")]
    assert [(e.school, e.major, e.degree) for e in result.education] == [("北京工商大学", "税收学", "本科")]
