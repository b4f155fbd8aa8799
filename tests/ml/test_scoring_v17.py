"""content-v17, studied on heldout25-27 (first-looked in session 11) before the blind batches heldout28-30 were scored:
- a short plain answer that says many of the rubric's own words in sentences (heldout27's nc1_average, and
  heldout25's na3 average told with 嗯/那个/就是) was capped at 15 as a keyword string by the dense bound, which,
  unlike the framed bound, asked for no density: a keyword string says a rubric phrase every few characters;
- 年轻人 was a cue of talk about society at large, and so "旁边一个年轻人在回答" (a person in the story) made a
  story digress; only young people as a group (现在的年轻人…, 年轻人都…) is that talk. Likewise 宿舍 was a cue of
  school life, and "晚上去宿舍区" (the workers' dormitories a candidate visits) made the story digress;
- a weak answer does no more than it must in other words: "没必要在上面花太多心思", "多的我也不揽".
Each test but the guards fails on content-v16."""
from __future__ import annotations

from ml.nonanswer import KEYWORD_STRING, find_non_answers
from ml.ranking import text_transcript
from ml.scoring import DEFAULT_CONFIG, SCORER_VERSION
from ml.structure import digression_clauses, transcript_clauses

from tests.ml.test_ranking import CORPUS, _score_held_out
from tests.ml.test_scoring_v16 import flagged

SENTENCES = ("我会先核实他是不是本人，看身份证和银行卡对不对得上。然后问一下这笔钱是做什么用的，钱付给谁。"
             "如果确认是本人、用途也说得清楚，就按流程给他办，办完提醒他注意资金安全。有疑问就报告主管，不会为了快就放过去。")


def keyword_string(text: str, framed: tuple[float, int, float]) -> bool:
    clauses = transcript_clauses(text_transcript(text))
    every = set(range(len(clauses)))
    found = find_non_answers(clauses, echo=set(), matched=every, on_topic=every, config=DEFAULT_CONFIG, framed=framed)
    return any(n.kind == KEYWORD_STRING for n in found)


def test_a_dense_bound_asks_for_a_rubric_phrase_every_few_characters():
    # Twelve distinct phrases, 88 % of its own words, in some ninety characters of sentences: no keyword string.
    assert not keyword_string(SENTENCES, (0.88, 12, 0.375))
    # The same figures in a list a third as long are one (a phrase every four or five characters).
    assert keyword_string("核实本人，资金用途，付款对象，风险提示，报告主管，按流程办理，资金安全。", (0.88, 12, 0.375))


def test_short_plain_answers_of_the_studied_batches_are_not_keyword_strings():
    for name, ids in (("heldout27.json", ("nc1_average",)), ("heldout25.json", ("na3_fillers",))):
        _corpus, _answers, scores, _ = _score_held_out(CORPUS.parent / name)
        for answer_id in ids:
            assert scores[answer_id] > DEFAULT_CONFIG.non_answer_cap, (answer_id, scores[answer_id])


def test_young_people_as_a_group_digress_a_young_man_in_the_story_does_not():
    def digressing(text: str) -> set[str]:
        clauses = transcript_clauses(text_transcript(text))
        return {clauses[i].text for i in digression_clauses(clauses, set())[0]}

    assert digressing("法人对业务一问三不知，都是旁边一个年轻人在回答。") == set()
    assert digressing("两个周末开了二百多张卡，去不了的，我们约了晚上去宿舍区。") == set()
    assert digressing("其实现在的年轻人都不太愿意存钱。") == {"其实现在的年轻人都不太愿意存钱。"}
    assert digressing("上大学的时候我们宿舍四个人经常一起出去。") != set()


def test_doing_no_more_than_one_must_is_poor_judgment():
    assert flagged("多的我也不揽，因为这不是我的长处，没必要在上面花太多心思。") == ["多的我也不揽", "没必要在上面花太多心思"]
    assert flagged("我没花太多时间纠结，第二天就去报到了。") == []


def test_the_studied_answers_keep_their_order_and_the_version_is_bumped():
    _corpus, _answers, scores, _ = _score_held_out(CORPUS.parent / "heldout26.json")
    assert scores["nb2_weak"] < scores["nb2_average"] < scores["nb2_strong"], scores
    _corpus, _answers, scores, _ = _score_held_out(CORPUS.parent / "heldout25.json")
    assert scores["na4_strong"] > scores["na4_average"], scores
    assert SCORER_VERSION >= "content-v17"
