"""Matching: part scores with Chinese reasons, weights, synonyms, inferred skills with quotes, pool proposals."""
from __future__ import annotations

import pytest

from ml.matching import JobRequirements, MatchResult, MatchWeights, PartScore, SynonymTable, match_resume, rank
from ml.resume import Education, ParsedResume, WorkEntry, parse_resume
from tests.resume.make_resumes import TODAY


def _candidate(**overrides) -> ParsedResume:
    fields = dict(
        name="张三", skills=["Python", "Excel"], years_experience=4.5, certificates=["银行从业资格"], languages=["CET-6"],
        education=[Education(school="复旦大学", degree="本科", major="金融学", start="2012-09", end="2016-06")],
        work=[WorkEntry(employer="招商银行股份有限公司", title="数据分析师", start="2021-01", end="至今",
                        description="负责零售客户数据分析，搭建营销响应模型。")])
    fields.update(overrides)
    return ParsedResume(**fields)


def test_reasons_read_like_the_spec():
    req = JobRequirements(skills=["Python", "风险控制"], min_years=3, education="本科")
    result = match_resume(_candidate(), req)
    assert result.parts["skills"].reasons[0] == "要求 Python、风险控制: 命中 Python; 缺 风险控制"
    assert result.parts["experience"].reasons == ["经验 4.5 年 ≥ 要求 3 年"]
    assert result.parts["education"].reasons == ["学历 本科 = 要求 本科"]
    assert result.parts["skills"].score == 50.0
    assert result.parts["experience"].score == 100.0
    assert result.parts["other"].reasons == ["无证书或关键词要求"]
    assert result.score == pytest.approx(0.4 * 50 + 0.3 * 100 + 0.2 * 100 + 0.1 * 100)


def test_short_experience_and_lower_degree_score_in_proportion():
    req = JobRequirements(min_years=6, education="硕士")
    result = match_resume(_candidate(years_experience=1.5), req)
    assert result.parts["experience"].score == 25.0
    assert result.parts["experience"].reasons == ["经验 1.5 年 < 要求 6 年"]
    assert result.parts["education"].score == 50.0
    assert result.parts["education"].reasons == ["学历 本科 < 要求 硕士"]
    no_degree = match_resume(_candidate(education=[]), req)
    assert no_degree.parts["education"].score == 0.0 and "未识别到学历" in no_degree.parts["education"].reasons[0]


def test_weights_must_sum_to_one_and_drive_the_total():
    with pytest.raises(ValueError):
        MatchWeights(skills=0.5, experience=0.3, education=0.2, other=0.1)
    with pytest.raises(ValueError):
        MatchWeights(skills=1.2, experience=-0.2, education=0.0, other=0.0)
    req = JobRequirements(skills=["Python", "风险控制"], min_years=10)
    only_skills = match_resume(_candidate(), req, MatchWeights(skills=1.0, experience=0.0, education=0.0, other=0.0))
    only_years = match_resume(_candidate(), req, MatchWeights(skills=0.0, experience=1.0, education=0.0, other=0.0))
    assert only_skills.score == 50.0
    assert only_years.score == 45.0
    assert only_skills.weights.skills == 1.0 and only_skills.config_hash != only_years.config_hash


def test_invalid_requirements_are_refused():
    with pytest.raises(ValueError):
        JobRequirements(education="高中")
    with pytest.raises(ValueError):
        JobRequirements(min_years=-1)


def test_synonyms_match_and_hr_can_extend_them():
    candidate = _candidate(skills=[], work=[WorkEntry(employer="平安银行", title="风控专员", start="2020-01", end="至今",
                                                      description="负责信用卡风险把控与MySQL取数。")])
    req = JobRequirements(skills=["风险控制", "SQL", "贷前调查"])
    result = match_resume(candidate, req)
    assert result.parts["skills"].reasons[0] == "要求 风险控制、SQL、贷前调查: 命中 风险控制、SQL; 缺 贷前调查"
    sources = {e.requirement: e for e in result.parts["skills"].evidence}
    assert sources["风险控制"].source == "experience" and "风控专员" in sources["风险控制"].quote
    assert sources["SQL"].quote == "负责信用卡风险把控与MySQL取数"
    extended = match_resume(candidate, req, synonyms={"贷前调查": ["风险把控"]})
    assert extended.parts["skills"].score == 100.0
    table = SynonymTable.builtin().extended({"风险把控": ["风险控制"]})
    assert table.canonical("风险把控") == "风险控制" and "风控" in table.terms("风险把控")
    assert "风险把控" not in SynonymTable.builtin().terms("风险控制")  # the shared table is untouched


def test_inferred_skill_carries_its_quote():
    led = _candidate(work=[WorkEntry(employer="兴业银行", title="信贷主管", start="2018-01", end="至今",
                                     description="主管小微信贷审批，带领5人团队完成年度审批30亿元。")])
    req = JobRequirements(skills=["团队管理"])
    result = match_resume(led, req)
    evidence = result.parts["skills"].evidence
    assert [(e.source, e.requirement) for e in evidence] == [("inferred", "团队管理")]
    assert "带领5人团队" in evidence[0].quote
    assert any(r.startswith("团队管理 由经历推断: “") and "带领5人团队" in r for r in result.parts["skills"].reasons)
    alone = match_resume(_candidate(), req)
    assert alone.parts["skills"].score == 0.0 and alone.parts["skills"].evidence == []


def test_certificates_and_keywords_form_the_other_part():
    req = JobRequirements(certificates=["银行从业资格证", "CFA"], keywords=["零售", "英语六级"])
    result = match_resume(_candidate(), req)
    other = result.parts["other"]
    assert other.reasons == ["要求证书 银行从业资格证、CFA: 命中 银行从业资格证; 缺 CFA",
                             "关键词 零售、英语六级: 命中 零售、英语六级"]
    assert other.score == 75.0


def _result(score: float) -> MatchResult:
    return MatchResult(score=score, parts={p: PartScore(score, []) for p in ("skills", "experience", "education", "other")},
                       weights=MatchWeights())


def test_rank_proposes_the_top_share_including_ties():
    results = {f"c{i:02d}": _result(s) for i, s in enumerate([90, 80, 80, 70, 60, 50, 40, 30, 20, 10])}
    proposals = rank(results)  # 30 % of 10 = 3, the tie at 80 is inside
    assert [p.candidate_id for p in proposals] == ["c00", "c01", "c02"]
    assert [p.rank for p in proposals] == [1, 2, 3]
    assert proposals[0].basis == "前 30% (第 1 名, 共 10 人)"
    results["c03"] = _result(80)
    assert [p.candidate_id for p in rank(results)] == ["c00", "c01", "c02", "c03"]
    assert [p.candidate_id for p in rank(results, top_percent=10)] == ["c00"]


def test_rank_by_threshold():
    results = [("a", _result(72.5)), ("b", _result(59.9)), ("c", _result(60.0))]
    proposals = rank(results, threshold=60)
    assert [(p.candidate_id, p.rank) for p in proposals] == [("a", 1), ("c", 2)]
    assert proposals[1].basis == "得分 60 ≥ 阈值 60"
    assert rank([], top_percent=30) == []
    with pytest.raises(ValueError):
        rank(results, top_percent=0)


def test_screening_the_synthetic_set_end_to_end(resumes, extracted):
    req = JobRequirements(skills=["风险控制", "信贷审批", "SQL"], min_years=5, education="本科",
                          certificates=["银行从业资格"], keywords=["授信"])
    results = {cid: match_resume(parse_resume(extracted[cid].text, today=TODAY), req) for cid in resumes}
    proposals = rank(results, top_percent=30)
    assert len(proposals) >= 4
    # The credit-risk profiles lead; the insurance and IT profiles do not make the cut.
    assert {"r06_zhao_lei", "r11_huang_jie"} <= {p.candidate_id for p in proposals}
    assert not {"r08_zhou_min", "r10_zheng_xin"} & {p.candidate_id for p in proposals}
    for result in results.values():
        assert 0 <= result.score <= 100
        assert set(result.parts) == {"skills", "experience", "education", "other"}
        assert all(part.reasons for part in result.parts.values())
