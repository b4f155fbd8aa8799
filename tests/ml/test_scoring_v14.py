"""content-v14: what the candidate says they did or would do can be poor judgment that keyword overlap cannot see. Weak
answers of the blind batches said the rubric's words while bending a rule, brushing a risk aside, passing the problem
on or promising returns ("我会先安抚客户……反正最后一对账就清楚了"), and passed short plain average answers. Cues of those
four kinds (ml/resources/red_flag_cues.txt) said in the candidate's own voice scale the scores down, and each clause is
quoted to HR. Fails on content-v13 (no such finding)."""
from __future__ import annotations

from ml.judgment import red_flag_clauses
from ml.nonanswer import POOR_JUDGMENT
from ml.ranking import text_transcript
from ml.scoring import DEFAULT_CONFIG, QuestionSpec, score_transcript
from ml.structure import transcript_clauses

from tests.ml.test_ranking import CORPUS, _score_held_out

ATM = QuestionSpec.from_dict({
    "text": "客户在自助机取款没出钞，手机却收到了扣款短信，他很着急，你是大堂经理，你会怎么处理？",
    "competencies": {"服务意识": 0.5, "风险意识": 0.5},
    "rubric": [
        {"id": "p1", "text": "先安抚客户情绪，告诉他钱不会丢", "key_phrases": ["安抚情绪", "钱不会丢"]},
        {"id": "p2", "text": "记录卡号、时间、金额和机器编号", "key_phrases": ["机器编号", "交易时间"]},
        {"id": "p3", "text": "按差错流程登记上报，等清机对账", "key_phrases": ["差错登记", "清机对账"]},
    ],
})
PLAIN = "我先让他别急，跟他说钱不会丢。然后记下他的卡号、交易时间和机器编号，报给主管按流程登记，等清机的时候对账。"
BENDING = ("我会先安抚情绪，跟他说钱不会丢，记一下交易时间和机器编号。他急着用钱，我就叫同事把机器打开帮他把钱找出来，"
           "差错登记后面再补，反正最后清机对账就清楚了。")


def flagged(text: str, question: QuestionSpec = ATM) -> list[str]:
    found = red_flag_clauses(transcript_clauses(text_transcript(text)), question.text)
    return list(found.values())


def test_a_rule_bent_in_the_rubrics_words_scores_below_a_plain_answer_and_is_quoted():
    plain = score_transcript(text_transcript(PLAIN), ATM)
    bending = score_transcript(text_transcript(BENDING), ATM)
    assert not any(n.kind == POOR_JUDGMENT for n in plain.non_answers)
    finding = next(n for n in bending.non_answers if n.kind == POOR_JUDGMENT)
    assert any("后面再补" in q.quote for q in finding.quotes) and any("反正" in q.quote for q in finding.quotes)
    assert finding.figure == max(DEFAULT_CONFIG.red_flag_floor, 1 - 2 * DEFAULT_CONFIG.red_flag_step)
    assert bending.score_breakdown["content"]["judgment_cues"]
    assert bending.content_score < plain.content_score, (bending.content_score, plain.content_score)


def test_a_cue_counts_only_in_the_candidates_own_voice():
    assert flagged("我跟他说反正钱在机器里，最后对账就清楚了。") == ["反正"]
    # negated, quoted, another person's words, or the question's own words: no finding
    assert flagged("我不会跟客户说稳赚，也不会先办后补。") == []
    assert flagged("客户说“反正是我自己的钱”，我还是把风险讲清楚了。") == []
    assert flagged("他老板觉得问题不大，我还是按流程报给了主管。") == []
    echoing = QuestionSpec.from_dict({"text": "客户坚持说反正是他自己的钱，要你马上给他办，你怎么办？",
                                      "competencies": {"风险意识": 1.0},
                                      "rubric": [{"id": "p1", "text": "讲清风险", "key_phrases": ["讲清风险"]}]})
    assert flagged("反正是他自己的钱，我也要先把风险讲清楚。", echoing) == []


def test_a_promise_is_a_red_flag_only_of_an_investment():
    assert flagged("我会跟他说放一百个心，这个产品本金一分都不会少。") == ["放一百个心", "一分都不会少"]
    # of a failed withdrawal, the money coming back in full is the truth
    assert flagged("我跟他说放一百个心，钱一分不少会退回卡上。") == []


def test_a_past_mistake_the_candidate_learned_from_is_no_finding():
    story = "刚工作那年我觉得少盖一个章问题不大，结果被稽核查出来了。后来我意识到每一步都有它的道理，从那以后都按要求做。"
    assert flagged(story) == []
    assert flagged("我觉得少盖一个章问题不大，客户着急，先给他办完。") == ["问题不大"]


def test_the_weak_answers_that_promise_or_pass_the_problem_on_stay_below_their_averages():
    for name, qid in (("heldout12.json", "z4"), ("heldout13.json", "v4"), ("heldout13.json", "v3")):
        _corpus, _answers, scores, _report = _score_held_out(CORPUS.parent / name)
        assert scores[f"{qid}_weak"] < scores[f"{qid}_average"], (qid, scores[f"{qid}_weak"], scores[f"{qid}_average"])
