"""STAR parts, connectives and relevance on fixed transcripts (no audio, no recogniser)."""
from __future__ import annotations

import pytest

from ml.asr import AsrSegment, Transcript
from ml.demo_job import DEMO_JOB, POINT_COMPETENCIES, demo_question_specs
from ml.scoring import QuestionSpec, RubricPoint, ScorerConfig, competency_points, weighted_score
from ml.structure import (
    analyse_structure,
    find_connectives,
    find_star,
    is_behavioural,
    measure_relevance,
    numbers_in,
    star_score,
    digression_clauses,
    topic_words,
    transcript_clauses,
)

Q1 = "请描述一次你处理客户投诉的经历。"
Q2 = "如果客户要求你绕过规定快速办理贷款，你会怎么做？"
Q3 = "请举例说明你如何与同事合作完成一项困难的任务。"
Q1_RUBRIC = ["倾听客户诉求并表达理解", "了解问题原因", "提出并执行解决方案", "跟进反馈结果"]


def clauses_of(*pieces: tuple[float, float, str]):
    """Clauses of a transcript made of (start, end, text) segments."""
    segments = [AsrSegment(start, end, text, 0.9) for start, end, text in pieces]
    return transcript_clauses(Transcript("".join(s.text for s in segments), segments, "zh", "scripted", 60.0))


STRONG_STORY = clauses_of(
    (0.0, 2.4, "去年我在网点做客户经理的时候，"),
    (2.7, 6.5, "有一位企业客户因为贷款放款晚了一周，非常不满。"),
    (6.9, 10.7, "我先耐心倾听他的诉求，然后我查明了原因，"),
    (11.0, 14.0, "接着我协调风控部门申请了加急审批，"),
    (14.2, 18.0, "最后三天后贷款顺利放款，客户很满意。"),
)


def test_behavioural_questions_are_recognised_from_their_text():
    assert is_behavioural(Q1) and is_behavioural(Q3)
    assert not is_behavioural(Q2)


def test_a_question_spec_can_say_it_is_behavioural():
    spec = QuestionSpec.from_dict(
        {"text": Q2, "rubric": [{"id": "a", "text": "合规", "key_phrases": ["合规"]}], "competencies": {"风险意识": 1.0}}
    )
    assert spec.behavioural is None and not spec.is_behavioural
    told = QuestionSpec.from_dict(
        {"text": Q2, "behavioural": True, "competencies": {"风险意识": 1.0},
         "rubric": [{"id": "a", "text": "合规", "key_phrases": ["合规"], "competencies": ["风险意识"]}]}
    )
    assert told.is_behavioural and told.rubric[0].competencies == ["风险意识"]


def test_star_parts_of_a_complete_story_carry_their_quotes():
    parts = {p.part: p for p in find_star(STRONG_STORY)}
    assert [p.label for p in parts.values()] == ["情境", "任务", "行动", "结果"]
    assert (parts["situation"].cue, parts["situation"].quote, parts["situation"].start) == (
        "去年", "去年我在网点做客户经理的时候，", 0.0
    )
    assert parts["task"].found and parts["task"].start == 2.7
    assert parts["action"].match == "grammar" and parts["action"].cue in ("查明", "协调")
    assert parts["action"].matched_text in parts["action"].quote
    result = parts["result"]
    assert result.quote == "最后三天后贷款顺利放款，" and result.numbers == ["三天"] and result.start == 14.2
    assert star_score(list(parts.values())) == 1.0


def test_opinions_and_hypotheticals_are_no_star_parts():
    parts = find_star(clauses_of((0, 3, "客户投诉的话，"), (3, 6, "我觉得要态度好一点，"), (6, 9, "我会尽量做好。")))
    assert not any(p.found for p in parts)
    assert all(p.quote is None and p.start is None for p in parts)
    assert star_score(parts) == 0.0


def test_a_result_without_a_figure_scores_below_one_with_it():
    vague = find_star(
        clauses_of((0, 3, "有一次客户投诉放款太慢，"), (3, 6, "我跟他解释了审批流程，"), (6, 9, "后来贷款放下来了。"))
    )
    assert all(p.found for p in vague)
    assert star_score(vague) == 0.8


def test_figures_are_numbers_with_a_unit_not_articles():
    assert numbers_in("活动上线一个月新增存款3000万元") == ["一个月", "3000万元"]
    assert numbers_in("提前两天交付了一个方案，增长15%") == ["两天", "15%"]
    assert numbers_in("有一位客户，我解释了一下") == []


def test_connectives_are_counted_once_each_with_their_first_quote():
    clauses = clauses_of((0, 2, "首先我会说明规定，"), (2, 4, "然后帮他准备材料，"), (4, 6, "然后再跟进，"), (6, 8, "所以很快办好了。"))
    found = find_connectives(clauses)
    assert [c.word for c in found] == ["首先", "然后", "所以"]
    assert found[1].quote == "然后帮他准备材料，" and found[1].start == 2
    structure = analyse_structure(clauses, behavioural=False, connectives_full=3)
    assert structure.connectives_score == 1.0 and structure.star == [] and structure.star_score is None
    two = analyse_structure(clauses[:2], behavioural=False, connectives_full=3)
    assert two.connectives_score == pytest.approx(0.667)


def test_a_homophone_slip_still_counts():
    clauses = clauses_of((0, 3, "去念我在网点做客户经理，"), (3, 6, "手先我耐心倾听了诉求，"), (6, 9, "客户投诉戴款放款太慢。"))
    situation = find_star(clauses)[0]
    assert (situation.found, situation.cue, situation.match, situation.matched_text) == (True, "去年", "pinyin", "去念")
    first = find_connectives(clauses)[0]
    assert (first.word, first.match, first.matched_text, first.start) == ("首先", "pinyin", "手先", 3)
    relevance = measure_relevance(clauses, topic_words(Q2, []), full_words=6)
    loan = next(q for q in relevance.found if q.word == "贷款")
    assert (loan.match, loan.matched_text) == ("pinyin", "戴款")


def test_topic_words_split_compounds_and_leave_out_question_frames():
    words = topic_words(Q2, ["坚持合规不违反规定", "必要时向上级报告"])
    assert {"客户", "绕过", "规定", "贷款", "合规", "违反", "上级", "报告"} <= set(words)
    assert not {"如果", "怎么做", "违反规定", "时向"} & set(words)
    assert len(words) == len(set(words))
    assert not {"描述", "一次", "经历", "举例"} & set(topic_words(Q1, []) + topic_words(Q3, []))


def test_an_on_topic_answer_is_relevant_and_an_off_topic_one_is_not():
    topic = topic_words(Q1, Q1_RUBRIC)
    relevant = measure_relevance(STRONG_STORY, topic, full_words=6)
    assert {q.word for q in relevant.found} == {"客户", "倾听", "诉求", "原因"}
    assert relevant.score == pytest.approx(4 / 6, abs=1e-3)  # four of the six topic words that count as full
    assert set(relevant.missed) == set(topic) - {q.word for q in relevant.found}
    off_topic = measure_relevance(clauses_of((0, 4, "我平时喜欢打篮球和旅游，周末经常去爬山。")), topic, full_words=6)
    assert off_topic.score == 0.0 and off_topic.found == [] and off_topic.missed == topic
    one_word = measure_relevance(clauses_of((0, 4, "客户的事情我都会做好。")), topic, full_words=6)
    assert one_word.score == pytest.approx(1 / 6, abs=1e-3)


def test_weights_are_scaled_over_the_features_that_apply():
    weights = ScorerConfig().weights_for(None)
    features = {"rubric_coverage": 1.0, "specificity": 0.5, "star_structure": None, "connectives": 0.0, "relevance": 1.0}
    score, detail = weighted_score(features, weights)
    assert set(detail["weights"]) == {"rubric_coverage", "specificity", "connectives", "relevance"}
    assert sum(detail["weights"].values()) == pytest.approx(1.0, abs=1e-3)
    assert score == pytest.approx(100 * (0.4 + 0.3 * 0.5 + 0.1) / 0.9, abs=0.1)


@pytest.mark.parametrize(
    "weights",
    [
        (("rubric_coverage", 0.0), ("relevance", 1.0)),
        (("rubric_coverage", 1.0), ("emotion", 0.1)),
        (("rubric_coverage", 1.0), ("relevance", -0.1)),
    ],
)
def test_weights_only_for_allowed_features_with_content_first(weights):
    with pytest.raises(ValueError):
        ScorerConfig(feature_weights=weights)


def test_communication_weighs_structure_more_than_other_competencies():
    config = ScorerConfig()
    communication, other = config.weights_for("沟通能力"), config.weights_for("风险意识")
    assert other == config.weights_for(None)
    assert communication["connectives"] > other["connectives"]
    assert communication["star_structure"] > other["star_structure"]
    assert communication["rubric_coverage"] == other["rubric_coverage"]


def test_competency_points_use_tags_and_fall_back_to_all_points():
    rubric = [RubricPoint("a", "合规", ["合规"], competencies=["风险意识"]), RubricPoint("b", "解释", ["解释"])]
    assert [p.id for p in competency_points(rubric, "风险意识")] == ["a", "b"]  # untagged b counts for all
    assert [p.id for p in competency_points(rubric, "沟通能力")] == ["a", "b"]  # nothing tagged: all points
    tagged = [
        RubricPoint("a", "合规", ["合规"], competencies=["风险意识"]),
        RubricPoint("b", "解释", ["解释"], competencies=["沟通能力"]),
    ]
    assert [p.id for p in competency_points(tagged, "沟通能力")] == ["b"]


def test_demo_rubric_tags_name_their_questions_competencies():
    specs = demo_question_specs(DEMO_JOB)
    for spec in specs.values():
        for point in spec.rubric:
            assert point.competencies and set(point.competencies) <= set(spec.competencies), point.text
        for name in spec.competencies:
            assert any(name in p.competencies for p in spec.rubric), name
    assert set(POINT_COMPETENCIES) == {p.text for spec in specs.values() for p in spec.rubric}
    assert all("competencies" not in p for q in DEMO_JOB["questions"] for p in q["rubric"])  # the API's shape


def test_a_pause_with_a_hesitation_word_does_not_cut_a_clause_apart():
    hesitant = clauses_of((0.0, 1.0, "嗯，有一位老人，"), (1.2, 2.0, "那个，不会用自助机，"), (2.2, 3.0, "嗯，我就过去，"),
                          (3.2, 5.0, "就是帮他操作了一下，"), (5.2, 7.0, "那个，把业务办完了。"))
    assert [c.text for c in hesitant] == ["嗯，有一位老人，那个，不会用自助机，", "嗯，我就过去，就是帮他操作了一下，",
                                          "那个，把业务办完了。"]
    assert hesitant[1].start == 2.2 and hesitant[1].end == 5.0
    # A whole clause before the hesitation, or a sentence's end, is a boundary as before.
    fluent = clauses_of((0.0, 2.0, "我先核对了客户的身份信息，"), (2.2, 3.0, "嗯，然后办理了挂失。"))
    assert [c.text for c in fluent] == ["我先核对了客户的身份信息，", "嗯，然后办理了挂失。"]


def test_sentences_about_family_school_or_hobbies_that_say_no_point_digress():
    clauses = clauses_of((0.0, 3.0, "我表姐在保险公司上班，她说我们家里人都适合做这行。"),
                         (3.2, 6.0, "上次有客户来办挂失，我先核对了他的身份。"),
                         (6.2, 9.0, "说起来我平时最喜欢看书，周末一般都在图书馆。"))
    digressing, cues = digression_clauses(clauses, evidence=set())
    assert {clauses[i].text for i in digressing} >= {"说起来我平时最喜欢看书，", "周末一般都在图书馆。"}
    assert not any("挂失" in clauses[i].text for i in digressing)
    assert set(cues.values()) <= {"我们家", "说起来", "看书"}
    # A clause that says a rubric point is evidence, whatever else it mentions.
    said = {i for i, c in enumerate(clauses) if "看书" in c.text}
    assert not {i for i in digression_clauses(clauses, evidence=said)[0] if clauses[i].text.startswith("说起来")}


def test_a_comma_spliced_sentence_does_not_shield_the_digression_around_its_relevant_clause():
    """content-v5: the recogniser wrote the answer as one sentence; the talk about one's father before the relevant
    clause and the remark after it still digress, and a cue heard as a slip (临里 for 邻里) still counts."""
    clauses = clauses_of((0.0, 4.0, "说到企业客户，我们那里企业挺多的，我爸以前也开过一个小场，后来关门，"),
                         (4.2, 6.0, "有一家我们每个月都去拜访一次，"),
                         (6.2, 9.0, "我觉得老城区的氛围很好，临里关系都很近。"))
    relevant = {i for i, c in enumerate(clauses) if "拜访" in c.text}
    digressing, cues = digression_clauses(clauses, evidence=relevant)
    from ml.structure import sentences

    assert len(sentences(clauses)) == 1  # one sentence, as the recogniser punctuated it
    assert not digressing & relevant
    assert {clauses[i].text for i in digressing} >= {"我爸以前也开过一个小场，", "临里关系都很近。"}
    assert {cues[i] for i in digressing} >= {"邻里"}
