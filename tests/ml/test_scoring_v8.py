"""content-v8: a rubric point said in other words counts by word vectors (ml.wordvectors, ml.semantic.meaning_match),
graded and quoted. Invented answers (none of the corpus's or the held-out batches'), each test failing on content-v7."""
from __future__ import annotations

import pickle

import pytest

from ml import wordvectors
from ml.ranking import text_transcript
from ml.scoring import QuestionSpec, score_transcript
from ml.semantic import MEANING_FLOOR, MEANING_FULL, meaning_answer_words, meaning_match, meaning_point_words

SLOW_LOAN = QuestionSpec.from_dict({
    "text": "一位企业客户抱怨我行的贷款审批太慢，说要转去别的银行，你会怎么做？",
    "competencies": {"客户导向": 1.0},
    "rubric": [
        {"id": "p1", "text": "了解客户的具体诉求和着急的原因", "key_phrases": ["诉求", "原因"]},
        {"id": "p2", "text": "跟进审批进度并如实告知客户", "key_phrases": ["跟进", "进度", "告知"]},
        {"id": "p3", "text": "协调相关部门加快处理", "key_phrases": ["协调", "相关部门"]},
    ],
})
# The three points said without any of their words: why he is in a hurry, where the approval is stuck and the truth
# told back, the other departments chased.
IN_OTHER_WORDS = ("我先约老板坐下来聊聊，弄明白他为什么这么急，是不是月底要给工人发工资。然后我去问审查那边卡在哪一步了，"
                  "回来把实话跟他讲，差什么材料我帮他补。风控和运营那边我一个个打电话催，争取这周批下来。")


def test_the_vectors_load_from_the_installed_wheel_and_relate_words_by_meaning():
    assert wordvectors.known("负责") and wordvectors.known("贷款") and not wordvectors.known("不是一个词吧")
    table = wordvectors.similarities(["核实", "道歉"], ["核查", "认错", "天气"])
    assert table.shape == (2, 3)
    assert table[0, 0] > 0.8 and table[1, 1] > 0.8  # 核实 ~ 核查, 道歉 ~ 认错
    assert table[0, 2] < 0.5 and table[1, 2] < 0.5  # nothing like 天气


def test_a_vector_file_may_name_nothing_but_arrays_and_the_tree_it_held(tmp_path):
    """The file is a pickle: a class outside numpy, joblib and builtins (os.system here) is refused, never called."""
    import os

    class Evil:
        def __reduce__(self):
            return (os.system, ("echo pwned",))

    path = tmp_path / "words_tree_mini.m"
    path.write_bytes(pickle.dumps({"words": ["词"], "model": Evil()}))
    with pytest.raises(pickle.UnpicklingError):
        wordvectors.load_vectors(path)


def test_a_point_said_in_other_words_counts_in_part_with_the_word_pairs_that_show_it():
    result = score_transcript(text_transcript(IN_OTHER_WORDS), SLOW_LOAN)
    by_meaning = [h for h in result.rubric if h.match == "meaning"]
    assert by_meaning, [(h.point_id, h.match) for h in result.rubric]
    for hit in by_meaning:
        assert hit.source == "word_vectors" and 0 < hit.credit <= 1
        meaning = hit.meaning
        assert MEANING_FLOOR < meaning["similarity"] and meaning["credit"] == round(
            min(1.0, (meaning["similarity"] - MEANING_FLOOR) / (MEANING_FULL - MEANING_FLOOR)), 3)
        assert meaning["pairs"] and len(meaning["pairs"]) <= 3
        for pair in meaning["pairs"]:
            # each answer word is quoted in the clause it was said in, with that clause's time
            assert pair["answer_word"] in pair["quote"] and pair["quote"] in IN_OTHER_WORDS
            assert pair["start"] is not None and pair["end"] >= pair["start"]
        assert hit.quote == meaning["pairs"][0]["quote"] and hit.matched_text == meaning["pairs"][0]["answer_word"]
    # more of the rubric than a vague answer of the same question
    vague = score_transcript(text_transcript("我会尽量帮他解决问题，让他满意，跟他说我们会抓紧的。"), SLOW_LOAN)
    assert result.features["rubric_coverage"] > vague.features["rubric_coverage"]


def test_meaning_never_lifts_a_keyword_string_or_the_question_said_back():
    stuffed = score_transcript(text_transcript("我会了解客户的诉求和原因，跟进审批进度，告知客户，协调相关部门。"), SLOW_LOAN)
    assert any(n.kind == "keyword_string" for n in stuffed.non_answers)
    assert stuffed.features["rubric_coverage"] == 0.0
    # the question's own words are no words of an answer, nor of a point
    assert "审批" not in meaning_answer_words(["客户抱怨贷款审批太慢"], SLOW_LOAN.text, set())
    assert "审批" not in meaning_point_words(["审批"], "跟进审批进度", SLOW_LOAN.text)
    # a clause that restates the question gives no words
    assert meaning_answer_words(["我会打电话催风控"], SLOW_LOAN.text, {0}) == {}


def test_words_that_are_another_points_evidence_are_not_this_ones():
    """One thing said is evidence of one point: a word found for one point (by its own words) is not another point's
    closest word in meaning."""
    clause = "我核对了账本，把数字改正了"
    words = meaning_answer_words([clause], "请讲一次你发现差错的经历", set(), ((0, 1, 3),))  # 核对: another point's
    assert "核对" not in words and {"账本", "数字", "改正"} <= set(words)
    assert "核对" in meaning_answer_words([clause], "请讲一次你发现差错的经历", set())


def test_meaning_match_is_none_without_words_and_grades_between_its_floor_and_full():
    assert meaning_match([], {"管": 0}) is None and meaning_match(["负责"], {}) is None
    same = meaning_match(["负责"], {"负责": 0})
    assert same.similarity == pytest.approx(1.0, abs=1e-3) and same.credit == 1.0
    far = meaning_match(["负责"], {"天气": 0})
    assert far.credit == 0.0 and far.pairs[0][:2] == ("负责", "天气")


def test_scores_stay_deterministic():
    first = score_transcript(text_transcript(IN_OTHER_WORDS), SLOW_LOAN)
    second = score_transcript(text_transcript(IN_OTHER_WORDS), SLOW_LOAN)
    assert first.to_dict() == second.to_dict()


def test_suggestions_leave_out_synonyms_of_another_sense():
    """HR picks from the suggestions: 维护 (of a client relationship) is not 掩护 or 护卫, 成果 is not 果实 or 战果."""
    from ml.suggestions import suggest_key_phrases

    phrases = {s.phrase for s in suggest_key_phrases("维护关系取得的成果", "请举例说明你是如何维护一位重要的企业客户的。",
                                                      "负责对公客户的开发与维护")}
    assert "成果" in phrases
    assert not phrases & {"掩护", "卫护", "护卫", "果实", "胜利果实", "战果"}, phrases


def test_talk_of_ones_family_is_a_digression():
    from ml.structure import Clause, digression_clauses

    clauses = [Clause(t, i, i + 1) for i, t in enumerate(["我觉得做客户经理很适合我，", "而且我的家人也都在银行系统工作，"])]
    assert digression_clauses(clauses, {0})[0] == {1}
