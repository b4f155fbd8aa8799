"""content-v16, studied on heldout16-21 (first-looked in session 10) before the blind batches heldout22-24 were scored:
- weak answers say the rubric's words and then wave the step off with the least effort ("身份证看一眼就行了",
  "资金用途那些就别问了", "主管那边我觉得没必要报告"): ml/resources/red_flag_cues.txt has patterns for that (``#!pattern``);
- "看能不能特事特办" asks whether to bend the rule: an A-not-A question (能不能, 是不是) is no negation of the cue after it;
- asked what they would do, the candidate's plan is the action a rubric point requires ("我会先跟客户解释…"): content-v15
  took only clauses without 我会 as evidence of the action, so a short plain plan missed every point's action while a
  weak answer telling what it "did" ("我就把孩子交给她") met them;
- a clause said without a subject continues the speaker's sentence (我会先问他…，然后跟主管说一下): its verb is the
  candidate's action too, unless the sentence has passed to someone else (他说…，还要U盾).
Each test but the guards fails on content-v15."""
from __future__ import annotations

from ml.judgment import red_flag_clauses
from ml.nonanswer import POOR_JUDGMENT
from ml.ranking import text_transcript
from ml.scoring import SCORER_VERSION, QuestionSpec, score_transcript
from ml.structure import OTHER, implied_verb, speaker_verbs, transcript_clauses

from tests.ml.test_ranking import CORPUS, _score_held_out

CASH = QuestionSpec.from_dict({
    "text": "一位客户没有预约，要从活期账户取四十万现金，网点库存只能再拿出十万，他很着急，你会怎么处理？",
    "competencies": {"合规操作": 0.6, "服务意识": 0.4},
    "rubric": [
        {"id": "p1", "text": "耐心解释大额取现要提前预约、网点库存有限", "key_phrases": ["耐心解释", "提前预约"],
         "requires": ["action"]},
        {"id": "p2", "text": "核实身份，了解资金用途并登记，留意诈骗迹象", "key_phrases": ["核实身份", "资金用途"]},
        {"id": "p3", "text": "先取能拿出的部分，剩下的转账或者预约再取，必要时请示主管", "key_phrases": ["转账", "请示主管"]},
    ],
})


def flagged(text: str, question: QuestionSpec = CASH) -> list[str]:
    return list(red_flag_clauses(transcript_clauses(text_transcript(text)), question.text).values())


def test_waving_a_step_off_is_poor_judgment_in_the_candidates_voice():
    assert flagged("后面排着队，身份证看一眼就行了，资金用途那些就别问了。") == ["身份证看一眼就行了，", "就别问了"]
    assert flagged("主管那边我觉得没必要报告，改过来就好了。") == ["没必要报告", "改过来就好了。"]
    assert flagged("这事也别跟我们主任说了。") == ["也别跟我们主任说了"]


def test_a_wish_an_outcome_a_condition_or_the_customers_choice_is_no_cue():
    assert flagged("要是网点能多开几个窗口就好了。") == []
    assert flagged("后来客户就好了，也不生气了。") == []
    assert flagged("客户不喜欢就算了，我不会硬推。") == []
    assert flagged("他说别的银行两天就办好了。") == []
    assert flagged("我跟他说，您别着急，先把能取的十万取了。") == []


def test_an_a_not_a_question_does_not_negate_the_cue_after_it():
    assert flagged("我会请示一下主管，看能不能特事特办，先把钱取给她。") == ["特事特办"]
    assert flagged("我不会特事特办，按规定来。") == []


def test_a_plan_meets_the_action_a_rubric_point_requires():
    plan = score_transcript(text_transcript("我会先跟客户耐心解释，大额取现要提前预约。"), CASH)
    action = next(r for h in plan.rubric if h.point_id == "p1" for r in h.requirements)
    assert action["requirement"] == "action" and action["met"], plan.rubric
    assert action["quote"].startswith("我会先跟客户耐心解释")


def test_a_clause_without_a_subject_continues_the_speakers_sentence():
    clauses = transcript_clauses(text_transcript(
        "我会先问他开卡是干什么用的。他说兼职老板要的，还要U盾和最高限额。我会告诉他银行卡不能借给别人，然后跟主管说一下。"))
    verbs = {clauses[i].text: v for i, v in speaker_verbs(clauses, plan=True).items()}
    assert verbs.get("然后跟主管说一下。") == "说", verbs
    assert "还要U盾和最高限额。" not in verbs  # the sentence is the customer's
    assert implied_verb("他说兼职老板要的，") == OTHER
    assert implied_verb("先安抚一下孩子，") == "安抚"  # the tagger calls 安抚 a name
    assert implied_verb("实在找不到就报警，") == "找"
    # a story: only clauses that follow the candidate's own 我 in the sentence
    story = transcript_clauses(text_transcript("客户很着急，一直催。我先给他倒了杯水，然后跟主管申请调款。"))
    said = {story[i].text for i in speaker_verbs(story, plan=False)}
    assert said == {"我先给他倒了杯水，", "然后跟主管申请调款。"}, said


def test_the_weak_answers_of_the_studied_batches_fall_below_their_averages():
    for name, qids in (("heldout18.json", ("c1",)), ("heldout19.json", ("e2",)), ("heldout21.json", ("o1",))):
        corpus, answers, scores, _ = _score_held_out(CORPUS.parent / name)
        for qid in qids:
            assert scores[f"{qid}_weak"] < scores[f"{qid}_average"], (qid, scores)


def test_the_finding_quotes_the_cue_and_the_version_is_bumped():
    result = score_transcript(text_transcript(
        "我会先核实身份，后面排着队，资金用途那些就别问了，钱点好给他装袋子。"), CASH)
    finding = next(n for n in result.non_answers if n.kind == POOR_JUDGMENT)
    assert any("就别问了" in q.quote for q in finding.quotes)
    assert SCORER_VERSION.startswith("content-v") and SCORER_VERSION >= "content-v16"
