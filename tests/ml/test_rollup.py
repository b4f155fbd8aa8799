"""Rolling answer scores up to competencies and the interview; proposals; the candidate's feedback."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from ml import rollup
from ml.rollup import (
    ADVANCE,
    AUTO_ADVANCE,
    INSUFFICIENT_EVIDENCE,
    NO_EVIDENCE_TEXT,
    PROPOSE,
    ROLLUP_VERSION,
    SCORED,
    AnswerResult,
    InterviewScore,
    Proposal,
    band,
    feedback_report,
    propose,
    roll_up_interview,
)

# The demo job's competency model (ml/demo_job.py).
JOB = {"沟通能力": 0.3, "问题解决": 0.25, "客户导向": 0.2, "风险意识": 0.15, "团队协作": 0.1}
QUESTIONS = {
    "q1": {"competencies": {"客户导向": 0.5, "沟通能力": 0.5}},
    "q2": {"competencies": {"风险意识": 0.7, "沟通能力": 0.3}},
    "q3": {"competencies": {"团队协作": 0.6, "问题解决": 0.4}},
}
Q1 = AnswerResult("q1", SCORED, {"客户导向": 80, "沟通能力": 80})
Q2 = AnswerResult("q2", SCORED, {"风险意识": 50, "沟通能力": 60})
Q3 = AnswerResult("q3", SCORED, {"团队协作": 90, "问题解决": 70})


def refused(qid: str, reason: str = "too_little_speech") -> AnswerResult:
    return AnswerResult(qid, INSUFFICIENT_EVIDENCE, None, reason)


def job_score(overall: float) -> InterviewScore:
    """An interview whose one competency (and so the overall score) is ``overall``."""
    return roll_up_interview([AnswerResult("q", SCORED, {"c": overall})], {"q": {"competencies": {"c": 1}}}, {"c": 1})


# --- roll-up arithmetic ---------------------------------------------------------------------------


def test_competency_scores_are_weighted_means_over_the_questions():
    score = roll_up_interview([Q1, Q2, Q3], QUESTIONS, JOB)
    comps = score.competencies
    # 沟通能力 is measured by q1 (weight 0.5, score 80) and q2 (weight 0.3, score 60).
    assert comps["沟通能力"].score == pytest.approx((0.5 * 80 + 0.3 * 60) / 0.8)  # 72.5
    assert {c.source: round(c.share, 4) for c in comps["沟通能力"].contributions} == {"q1": 0.625, "q2": 0.375}
    assert [c.weight for c in comps["沟通能力"].contributions] == [0.5, 0.3]
    assert comps["客户导向"].score == 80
    assert comps["风险意识"].score == 50
    assert comps["团队协作"].score == 90
    assert comps["问题解决"].score == 70
    for comp in comps.values():
        assert sum(c.points for c in comp.contributions) == pytest.approx(comp.score, abs=0.05)
        assert sum(c.share for c in comp.contributions) == pytest.approx(1.0)


def test_overall_is_the_job_weighted_mean_with_its_contributions():
    score = roll_up_interview([Q1, Q2, Q3], QUESTIONS, JOB)
    expected = 0.3 * 72.5 + 0.25 * 70 + 0.2 * 80 + 0.15 * 50 + 0.1 * 90  # 71.75
    assert score.status == SCORED and score.reason is None
    assert score.overall == pytest.approx(expected, abs=0.051)
    assert sum(c.points for c in score.contributions) == pytest.approx(expected)
    assert {c.source: c.weight for c in score.contributions} == JOB
    assert score.covered_weight_share == pytest.approx(1.0)
    assert score.rollup_version == ROLLUP_VERSION
    assert re.fullmatch(r"[0-9a-f]{64}", score.config_hash)


def test_to_dict_is_json_serialisable_and_keeps_the_evidence():
    data = json.loads(json.dumps(roll_up_interview([Q1, Q2, refused("q3")], QUESTIONS, JOB).to_dict()))
    assert data["rollup_version"] == ROLLUP_VERSION
    assert data["competencies"]["沟通能力"]["contributions"][0]["source"] == "q1"
    assert data["competencies"]["团队协作"]["score"] is None
    assert data["competencies"]["团队协作"]["excluded"] == [
        {"question_id": "q3", "weight": 0.6, "reason": "too_little_speech"}
    ]


def test_config_hash_changes_with_the_weights():
    a = roll_up_interview([Q1, Q2, Q3], QUESTIONS, JOB).config_hash
    b = roll_up_interview([Q1, Q2, Q3], QUESTIONS, {**JOB, "团队协作": 0.2}).config_hash
    assert a != b
    assert a == roll_up_interview([Q3, Q1], QUESTIONS, dict(JOB)).config_hash


# --- insufficient evidence --------------------------------------------------------------------------


def test_a_competency_without_scored_answers_has_no_number():
    score = roll_up_interview([Q1, Q2, refused("q3")], QUESTIONS, JOB)
    for name in ("团队协作", "问题解决"):
        comp = score.competencies[name]
        assert comp.score is None
        assert comp.status == INSUFFICIENT_EVIDENCE and comp.reason == INSUFFICIENT_EVIDENCE
        assert comp.detail == rollup.NO_SCORED_ANSWER
        assert comp.contributions == []
    # Renormalised over the covered 0.65 of the job's weight.
    assert score.covered_weight_share == pytest.approx(0.65)
    assert score.overall == pytest.approx((0.3 * 72.5 + 0.2 * 80 + 0.15 * 50) / 0.65, abs=0.051)
    assert {c.source for c in score.contributions} == {"沟通能力", "客户导向", "风险意识"}
    assert sum(c.share for c in score.contributions) == pytest.approx(1.0)


def test_a_refused_answer_does_not_count_but_the_other_answer_does():
    score = roll_up_interview([refused("q1", "not_chinese"), Q2, Q3], QUESTIONS, JOB)
    comm = score.competencies["沟通能力"]
    assert comm.score == 60  # only q2
    assert [c.source for c in comm.contributions] == ["q2"]
    assert [(e.question_id, e.reason) for e in comm.excluded] == [("q1", "not_chinese")]
    assert score.competencies["客户导向"].score is None


def test_overall_is_insufficient_below_half_of_the_job_weight():
    # Only 沟通能力 (0.3) and 风险意识 (0.15) have scores: 0.45 < 0.5.
    score = roll_up_interview([refused("q1"), Q2, refused("q3")], QUESTIONS, JOB)
    assert score.overall is None
    assert score.status == INSUFFICIENT_EVIDENCE and score.reason == INSUFFICIENT_EVIDENCE
    assert score.detail == rollup.LOW_COVERAGE
    assert score.covered_weight_share == pytest.approx(0.45)
    assert score.contributions == []
    assert score.competencies["沟通能力"].score == 60  # the competency numbers remain


def test_exactly_half_of_the_job_weight_is_enough():
    questions = {"a": {"competencies": {"A": 1}}, "b": {"competencies": {"B": 1}}}
    score = roll_up_interview([AnswerResult("a", SCORED, {"A": 40}), refused("b")], questions, {"A": 1, "B": 1})
    assert score.overall == 40 and score.covered_weight_share == pytest.approx(0.5)


def test_no_answers_and_unmeasured_competencies():
    score = roll_up_interview([], QUESTIONS, {**JOB, "学习能力": 0.1})
    assert score.overall is None
    assert all(c.score is None for c in score.competencies.values())
    assert score.competencies["学习能力"].detail == rollup.NOT_MEASURED
    assert score.competencies["沟通能力"].detail == rollup.NO_SCORED_ANSWER


def test_other_statuses_and_missing_competency_scores_do_not_count():
    answers = [AnswerResult("q1", "unreadable", None, "corrupt_media"), AnswerResult("q2", SCORED, {"风险意识": 50})]
    score = roll_up_interview(answers, QUESTIONS, JOB)
    assert score.competencies["客户导向"].excluded[0].reason == "corrupt_media"
    assert score.competencies["沟通能力"].score is None
    assert {e.question_id: e.reason for e in score.competencies["沟通能力"].excluded} == {
        "q1": "corrupt_media",
        "q2": "no_score_for_competency",
    }


def test_from_answer_score_and_the_status_strings_match_the_scorer():
    from ml import scoring

    assert (rollup.SCORED, rollup.INSUFFICIENT_EVIDENCE) == (scoring.SCORED, scoring.INSUFFICIENT_EVIDENCE)
    answer = SimpleNamespace(status=scoring.SCORED, reason=None, competency_scores={"客户导向": 75.0})
    assert AnswerResult.from_answer_score("q1", answer) == AnswerResult("q1", SCORED, {"客户导向": 75.0})


@pytest.mark.parametrize(
    "answers, questions, job",
    [
        ([AnswerResult("q9", SCORED, {"沟通能力": 50})], QUESTIONS, JOB),  # unknown question
        ([Q1, Q1], QUESTIONS, JOB),  # two results for one question
        ([AnswerResult("q1", SCORED, {"客户导向": 120, "沟通能力": 50})], QUESTIONS, JOB),  # out of range
        ([Q1], QUESTIONS, {"沟通能力": -1}),  # negative weight
        ([Q1], QUESTIONS, {"沟通能力": 0}),  # no job weight at all
    ],
)
def test_bad_input_is_refused(answers, questions, job):
    with pytest.raises(ValueError):
        roll_up_interview(answers, questions, job)


# --- proposals ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("overall", [0, 5, 20, 39.9, 50, 59.9, 79.9])
@pytest.mark.parametrize("opt_in", [False, True])
@pytest.mark.parametrize("shadow", [False, True])
def test_a_low_score_never_yields_a_rejection(overall, opt_in, shadow):
    proposal = propose(job_score(overall), {"auto_advance_score": 80}, shadow=shadow, auto_advance_opt_in=opt_in)
    assert proposal is None or proposal.decision == ADVANCE
    assert proposal is None  # below the threshold: HR decides, the AI proposes nothing


@pytest.mark.parametrize("overall", [0, 30, 80, 100])
@pytest.mark.parametrize("threshold", [0, 50, 80, 100])
def test_every_proposal_is_an_advance(overall, threshold):
    proposal = propose(job_score(overall), {"auto_advance_score": threshold})
    assert proposal is None or proposal.decision == ADVANCE
    assert (proposal is not None) == (overall >= threshold)


@pytest.mark.parametrize("decision", ["reject", "rejection", "decline", "hold", "淘汰", ""])
def test_a_rejection_proposal_cannot_be_constructed(decision):
    with pytest.raises(ValueError):
        Proposal(decision=decision, action=PROPOSE, overall=10, threshold=80, requires_confirmation=True, reason="")


def test_advance_at_the_threshold_is_a_proposal_hr_confirms():
    proposal = propose(job_score(80), {"auto_advance_score": 80})
    assert proposal.decision == ADVANCE and proposal.action == PROPOSE
    assert proposal.requires_confirmation is True
    assert proposal.overall == 80 and proposal.threshold == 80
    assert json.loads(json.dumps(proposal.to_dict()))["decision"] == ADVANCE


def test_auto_advance_only_with_the_explicit_opt_in():
    proposal = propose(job_score(92), {"auto_advance_score": 80}, auto_advance_opt_in=True)
    assert proposal.action == AUTO_ADVANCE and proposal.requires_confirmation is False
    assert proposal.decision == ADVANCE


def test_shadow_mode_makes_no_proposal():
    assert propose(job_score(95), {"auto_advance_score": 80}, shadow=True) is None
    assert propose(job_score(95), {"auto_advance_score": 80}, shadow=True, auto_advance_opt_in=True) is None


def test_no_proposal_without_an_overall_score():
    score = roll_up_interview([refused("q1"), Q2, refused("q3")], QUESTIONS, JOB)
    assert score.overall is None
    assert propose(score, {"auto_advance_score": 0}) is None
    assert propose(score, {"auto_advance_score": 0}, auto_advance_opt_in=True) is None


def test_threshold_defaults_and_validation():
    assert propose(job_score(80), {}).threshold == 80
    with pytest.raises(ValueError):
        propose(job_score(80), {"auto_advance_score": 180})


# --- candidate feedback ------------------------------------------------------------------------------

BANNED = ("情绪", "性格", "表情", "其他候选人", "候选人中", "排名", "名次", "百分位", "超过了", "平均水平", "击败", "模型", "权重")


def _text(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False)


@pytest.mark.parametrize(
    "answers",
    [
        [Q1, Q2, Q3],
        [Q1, Q2, refused("q3")],
        [refused("q1"), Q2, refused("q3")],
        [AnswerResult("q1", SCORED, {"客户导向": 12.5, "沟通能力": 99.9}), Q2, Q3],
    ],
)
def test_feedback_has_no_numbers_no_comparisons_and_no_banned_words(answers):
    score = roll_up_interview(answers, QUESTIONS, JOB)
    missed = {"沟通能力": ["先说结论再展开"], "客户导向": {"found": ["倾听客户诉求并表达理解"], "missed": ["跟进反馈结果"]}}
    text = _text(feedback_report(score, missed))
    assert not re.search(r"[0-9０-９]", text), text
    for word in BANNED:
        assert word not in text
    assert ROLLUP_VERSION not in text and score.config_hash not in text


def test_feedback_bands_strengths_gaps_and_suggestions():
    score = roll_up_interview([Q1, Q2, refused("q3")], QUESTIONS, JOB)
    report = feedback_report(
        score, {"客户导向": {"found": ["倾听客户诉求并表达理解"], "missed": ["跟进反馈结果"]}, "风险意识": ["提供合规的替代方案"]}
    )
    items = {item["competency"]: item for item in report["competencies"]}
    assert report["overall"] == {"evaluated": True, "band": "良好", "note": None}  # 69.6
    assert items["客户导向"]["band"] == "优秀"  # 80
    assert items["沟通能力"]["band"] == "良好"  # 72.5
    assert items["风险意识"]["band"] == "待提升"  # 50
    assert any("倾听客户诉求并表达理解" in s for s in items["客户导向"]["strengths"])
    assert any("跟进反馈结果" in g for g in items["客户导向"]["gaps"])
    assert any("提供合规的替代方案" in g for g in items["风险意识"]["gaps"])
    assert any("先说结论" in s and "首先/其次/最后" in s for s in items["沟通能力"]["suggestions"])
    for item in items.values():
        if item["evaluated"]:
            assert item["band"] in ("优秀", "良好", "待提升")
            assert item["suggestions"]
            assert item["strengths"] or item["band"] == "待提升"


def test_a_competency_to_improve_shows_only_what_was_said_well_under_strengths():
    """Under "做得好的地方" a 待提升 competency used to read "回答中有可取之处，但还有较多要点没有谈到": a gap shown as a
    strength. It now lists only the points the candidate made, and nothing when none was found."""
    score = roll_up_interview([Q1, Q2, refused("q3")], QUESTIONS, JOB)
    report = feedback_report(score, {"风险意识": {"found": [], "missed": ["提供合规的替代方案"]}})
    risk = next(item for item in report["competencies"] if item["competency"] == "风险意识")
    assert risk["band"] == "待提升" and risk["strengths"] == []
    assert risk["gaps"] == ["可以补充“提供合规的替代方案”方面的内容。"] and risk["suggestions"]
    report = feedback_report(score, {"风险意识": {"found": ["坚持合规不违反规定"], "missed": []}})
    risk = next(item for item in report["competencies"] if item["competency"] == "风险意识")
    assert risk["strengths"] == ["谈到了“坚持合规不违反规定”。"]
    for item in report["competencies"]:
        for line in item["strengths"]:
            assert "没有" not in line and "还有" not in line and "仍有" not in line, line


def test_insufficient_competencies_get_no_judgement():
    score = roll_up_interview([Q1, Q2, refused("q3")], QUESTIONS, JOB)
    report = feedback_report(score, {"团队协作": ["明确分工"]})
    items = {item["competency"]: item for item in report["competencies"]}
    for name in ("团队协作", "问题解决"):
        assert items[name]["evaluated"] is False and items[name]["band"] is None
        assert items[name]["note"] == NO_EVIDENCE_TEXT
        assert items[name]["strengths"] == items[name]["gaps"] == items[name]["suggestions"] == []
    low = roll_up_interview([refused("q1"), Q2, refused("q3")], QUESTIONS, JOB)
    overall = feedback_report(low)["overall"]
    assert overall["evaluated"] is False and overall["band"] is None and "证据不足" in overall["note"]


def test_unknown_competencies_get_generic_suggestions_and_hr_can_override():
    questions = {"q": {"competencies": {"数据分析": 1}}}
    score = roll_up_interview([AnswerResult("q", SCORED, {"数据分析": 40})], questions, {"数据分析": 1})
    item = feedback_report(score)["competencies"][0]
    assert item["suggestions"] == list(rollup.GENERIC_SUGGESTIONS)
    custom = feedback_report(score, suggestions={"数据分析": ["说明你用了哪些数据、得出了什么结论。"]})
    assert custom["competencies"][0]["suggestions"] == ["说明你用了哪些数据、得出了什么结论。"]


def test_bands():
    assert [band(s) for s in (None, 0, 59.9, 60, 79.9, 80, 100)] == [None, "待提升", "待提升", "良好", "良好", "优秀", "优秀"]


def test_ml_modules_import_nothing_from_backend():
    root = Path(rollup.__file__).parent
    for name in ("rollup.py", "agreement.py"):
        tree = ast.parse((root / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert not any(a.name.split(".")[0] == "backend" for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                assert (node.module or "").split(".")[0] != "backend"


def test_feedback_turns_missing_star_parts_into_storytelling_tips_in_star_order():
    score = roll_up_interview([Q1, Q2, refused("q3")], QUESTIONS, JOB)
    assert feedback_report(score)["storytelling"] == []
    tips = feedback_report(score, missing_star_parts=["result", "situation"])["storytelling"]
    assert len(tips) == 2 and "背景" in tips[0] and "结果" in tips[1]
    assert not re.search(r"[0-9０-９]", "".join(tips))
