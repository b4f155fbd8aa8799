"""content-v15, studied on the blind batches heldout16-19 after their first look (70.3 % of pairs for content-v14):
- a strong story told in one's own words was scaled to a fifth of its score by one clause naming a digression cue
  (周末, 实习…): talk about the job's work and the candidate's own actions now answers too, and the talk around a cued
  digression counts as not answering only when the digression is at least ``digression_answering_min`` of the answer
  or less than ``digression_answering_floor`` of it answers;
- a short plain answer that says the rubric's words among its reasons was capped as a keyword string in a sentence
  frame: the frame rule now also asks for a distinct rubric phrase per ``1 / keyword_frame_density`` characters;
- five more kinds of poor judgment (keeping a problem from the supervisor, covering a shortfall from one's own pocket,
  signing or keying in for the customer, skipping a check, quarrelling with the customer) and keeping a gift;
- words that introduce an example (比如, 例如) are no rubric content.
Each test fails on content-v14."""
from __future__ import annotations

from ml.judgment import red_flag_clauses
from ml.nonanswer import KEYWORD_STRING, POOR_JUDGMENT
from ml.ranking import text_transcript
from ml.scoring import DEFAULT_CONFIG, QuestionSpec, score_transcript
from ml.semantic import point_concepts
from ml.structure import transcript_clauses

from tests.ml.test_ranking import CORPUS, _score_held_out


def kinds(result) -> set[str]:
    return {n.kind for n in result.non_answers}


def test_one_cued_clause_does_not_scale_a_strong_story_told_in_its_own_words():
    corpus, answers, scores, _ = _score_held_out(CORPUS.parent / "heldout19.json")
    # e4_strong: "前年我带一个刚毕业的研究生…" names a digression cue once (6.8 % of it); content-v14 scaled it by 0.28
    # (18.9) for the rest of the story, told without the rubric's words, and it fell below the weak answer.
    for qid in ("e2", "e4"):
        assert scores[f"{qid}_strong"] > 40, scores
    assert scores["e4_strong"] > scores["e4_average"] and scores["e4_strong"] > scores["e4_weak"], scores
    assert DEFAULT_CONFIG.digression_answering_min == 0.15 and DEFAULT_CONFIG.digression_answering_floor == 0.5


def test_a_long_digression_still_scales_the_answer():
    """The rambling answers (one relevant sentence among a long digression) keep their scaling."""
    corpus, answers, scores, report = _score_held_out(CORPUS.parent / "heldout11.json")
    assert all(scores[f"{q}_rambling"] < scores[f"{q}_average"] for q in ("y1", "y2", "y3", "y4")), scores


SIGNATURE = QuestionSpec.from_dict({
    "text": "一位七十多岁的老人的儿子拿着老人的身份证来柜台，要替老人买一份保险，说老人腿脚不便，想把单子带回家让老人签，你会怎么处理？",
    "competencies": {"合规意识": 0.6, "服务意识": 0.4},
    "rubric": [
        {"id": "p1", "text": "说明保险必须投保人本人签字、本人确认，不能代签", "key_phrases": ["本人签字", "不能代签"]},
        {"id": "p2", "text": "按规定全程双录，不省略录音录像", "key_phrases": ["双录", "录音录像"]},
        {"id": "p3", "text": "老人来不了可以申请上门服务，当面确认老人的意愿", "key_phrases": ["上门服务", "当面确认"]},
        {"id": "p4", "text": "耐心解释规定，照顾家属的感受", "key_phrases": ["耐心解释", "家属感受"]},
    ],
})
SHORT_PLAIN = ("这个不能让他带回去签，也不能不双录，老人的钱得老人自己做主。我会跟他解释这是规定，保险必须老人本人签字、本人确认。"
               "老人来不了的话，可以申请上门服务，我们去家里办，跟老人当面确认。")
STUFFING = "本人签字，不能代签，双录，录音录像，上门服务，当面确认，耐心解释，家属感受，本人签字，双录，当面确认，耐心解释。"


def test_a_short_plain_answer_saying_the_rubrics_words_among_its_reasons_is_not_a_keyword_string():
    plain = score_transcript(text_transcript(SHORT_PLAIN), SIGNATURE)
    stuffing = score_transcript(text_transcript(STUFFING), SIGNATURE)
    assert KEYWORD_STRING not in kinds(plain) and plain.content_score > 40, (plain.content_score, plain.non_answers)
    assert KEYWORD_STRING in kinds(stuffing) and stuffing.content_score <= DEFAULT_CONFIG.non_answer_cap
    assert plain.content_score > stuffing.content_score


def test_the_capped_average_answers_of_the_blind_batches_are_scored():
    for name, qid in (("heldout16.json", "f3"), ("heldout17.json", "b3")):
        corpus, answers, scores, _ = _score_held_out(CORPUS.parent / name)
        assert scores[f"{qid}_average"] > DEFAULT_CONFIG.non_answer_cap, (qid, scores[f"{qid}_average"])
        assert scores[f"{qid}_stuffing"] <= DEFAULT_CONFIG.non_answer_cap, (qid, scores[f"{qid}_stuffing"])


SHORTFALL = QuestionSpec.from_dict({
    "text": "日终轧账时你发现自己的尾箱少了两百元，你会怎么处理？",
    "competencies": {"合规操作": 0.6, "细致严谨": 0.4},
    "rubric": [
        {"id": "p1", "text": "先自己复点现金、核对当天凭证和流水", "key_phrases": ["复点", "核对凭证"]},
        {"id": "p2", "text": "及时报告主管，按短款流程登记，不私自处理", "key_phrases": ["报告主管", "短款登记"]},
    ],
})
GIFT = QuestionSpec.from_dict({
    "text": "春节前一位老客户往你手里塞了一张两千元的购物卡，说是一点心意，你会怎么处理？",
    "competencies": {"合规操作": 1.0},
    "rubric": [{"id": "p1", "text": "婉拒并退还，说明行里规定员工不能收礼", "key_phrases": ["婉拒", "退还"]}],
})
DOCUMENTS = QuestionSpec.from_dict({
    "text": "客户来办理贷款，但是带的材料不全，你会怎么处理？",
    "competencies": {"服务意识": 1.0},
    "rubric": [{"id": "p1", "text": "告诉客户缺哪些材料", "key_phrases": ["缺少材料"]}],
})


def flagged(text: str, question: QuestionSpec) -> list[str]:
    return list(red_flag_clauses(transcript_clauses(text_transcript(text)), question.text).values())


def test_new_kinds_of_poor_judgment_are_found_in_the_candidates_own_voice():
    assert flagged("我先复点了一遍，还是少两百，这点小事就别麻烦主管了，我自己垫上就行。", SHORTFALL) == ["就别麻烦主管", "自己垫上"]
    assert flagged("客户腿脚不方便，我就帮他签了个字。", SIGNATURE) == ["帮他签"]
    assert flagged("他是老客户了，不用核实了，直接给他办。", SHORTFALL) == ["不用核实"]
    assert flagged("客户一直骂，我就跟他吵了几句。", SHORTFALL) == ["跟他吵"]
    # negated, or the lesson learned after it: no finding
    assert flagged("我不会自己垫上，也不会瞒着主管，马上报告主管登记。", SHORTFALL) == []
    assert flagged("我绝不会替他签字，必须本人签。", SIGNATURE) == []
    result = score_transcript(text_transcript("复点以后还是少两百，我想着别声张，自己把钱补上就算了。"), SHORTFALL)
    finding = next(n for n in result.non_answers if n.kind == POOR_JUDGMENT)
    assert finding.quotes and result.score_breakdown["content"]["judgment_kept"] < 1.0


def test_keeping_a_gift_counts_only_of_a_gift():
    assert flagged("阿姨是老客户了，我会先收下，再买点水果回送给她。", GIFT) == ["先收下"]
    assert flagged("我会先收下他带来的材料，告诉他还缺什么。", DOCUMENTS) == []


def test_a_word_introducing_an_example_is_no_rubric_content():
    concepts = {c.phrase for c in point_concepts(["感谢"], "先感谢她的信任，比如一张手写贺卡", "客户送礼你会怎么办？")}
    assert "比如" not in concepts and "贺卡" in concepts
