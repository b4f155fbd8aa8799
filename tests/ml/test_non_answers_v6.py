"""content-v6: non-answers earn nothing for the words they list or borrow, and digressions are measured by what does
not answer. Invented answers (none of the corpus's), each test failing on content-v5."""
from __future__ import annotations

from ml.asr import AsrSegment, Transcript
from ml.ranking import text_transcript
from ml.scoring import QuestionSpec, score_transcript
from ml.semantic import point_concepts
from ml.structure import digression_clauses

QUEUE = QuestionSpec.from_dict({
    "text": "客户在柜台大声抱怨排队太久，你会怎么处理？",
    "competencies": {"服务意识": 1.0},
    "rubric": [
        {"id": "p1", "text": "安抚客户情绪", "key_phrases": ["安抚", "道歉"]},
        {"id": "p2", "text": "说明等候原因", "key_phrases": ["解释", "原因"]},
        {"id": "p3", "text": "引导客户分流", "key_phrases": ["分流", "自助"]},
        {"id": "p4", "text": "自己保持冷静", "key_phrases": ["冷静", "心态"]},
    ],
})

FRAUD = QuestionSpec.from_dict({
    "text": "如果你发现客户可能正在被电信诈骗，要给陌生账户转一大笔钱，你会怎么做？",
    "competencies": {"合规操作": 1.0},
    "rubric": [
        {"id": "p1", "text": "识别诈骗迹象", "key_phrases": ["诈骗", "迹象", "可疑"]},
        {"id": "p2", "text": "及时报警", "key_phrases": ["报警", "民警"]},
    ],
})


def test_a_keyword_string_gets_no_credit_for_the_phrases_it_lists():
    result = score_transcript(text_transcript("安抚，道歉，解释，原因，分流，自助，冷静，心态。"), QUEUE)
    finding = next(n for n in result.non_answers if n.kind == "keyword_string")
    assert "关键词" in finding.message and "不计分" in finding.message
    assert result.features["rubric_coverage"] == 0.0 and result.features["relevance"] == 0.0
    assert all(h.credit == 0.0 and not h.found for h in result.rubric)
    # what was listed stays quoted for HR
    assert any(h.quote for h in result.rubric)
    plain = score_transcript(text_transcript("人多的时候我会先跟他道个歉，请他稍等，再看看能不能让他去机器上办。"), QUEUE)
    assert result.content_score < plain.content_score


def test_an_hr_phrase_the_question_already_says_is_no_evidence_of_the_point():
    phrases = [c.phrase for c in point_concepts(["诈骗", "迹象", "可疑"], "识别诈骗迹象", FRAUD.text)]
    assert "诈骗" not in phrases and {"迹象", "可疑"} <= set(phrases)
    # a point whose every phrase the question says keeps them (it would have no words otherwise)
    assert "诈骗" in [c.phrase for c in point_concepts(["诈骗"], "诈骗", FRAUD.text)]
    said_back = score_transcript(text_transcript("现在诈骗真的很多，我会多留意一下，尽量帮客户把钱保住。"), FRAUD)
    assert not said_back.rubric[0].found


def test_a_rubric_word_said_of_someone_else_in_a_digression_is_part_of_the_story():
    segments = [AsrSegment(0.0, 2.0, "我姐前年被人骗了两万块，", 0.9), AsrSegment(2.0, 3.5, "报警了也没追回来。", 0.9),
                AsrSegment(4.0, 6.0, "遇到这种事我会先问清楚钱是转给谁的。", 0.9)]
    transcript = Transcript("".join(s.text for s in segments), segments, "zh", "test", 6.0)
    from ml.structure import transcript_clauses

    clauses = transcript_clauses(transcript)
    said = {i for i, c in enumerate(clauses) if "报警" in c.text}
    digressing, cues = digression_clauses(clauses, evidence=said)
    assert said <= digressing and cues[next(iter(said))] == "我姐"
    # said of oneself, after the same story, it stays evidence
    own = [AsrSegment(0.0, 2.0, "我姐前年被人骗了两万块，", 0.9), AsrSegment(2.0, 3.5, "所以我一定会帮客户报警。", 0.9)]
    own_clauses = transcript_clauses(Transcript("".join(s.text for s in own), own, "zh", "test", 3.5))
    mine = {i for i, c in enumerate(own_clauses) if "报警" in c.text}
    assert not digression_clauses(own_clauses, evidence=mine)[0] & mine
    # and the scorer does not count the story's 报警 for the point
    result = score_transcript(transcript, FRAUD)
    assert not next(h for h in result.rubric if h.point_id == "p2").found


def test_a_short_digression_in_an_answer_that_mostly_does_not_answer_scales_it():
    """The cued digression (股票) is under a quarter of the answer, but the talk around it (风险到处都有) says nothing of
    the question either: the answer is scaled by the share that answers and HR is told why."""
    spec = QuestionSpec.from_dict({
        "text": "请讲一次你在业务中发现风险隐患并及时处理的经历。",
        "competencies": {"风险意识": 1.0},
        "rubric": [{"id": "p1", "text": "发现异常迹象", "key_phrases": ["异常", "对不上"]},
                   {"id": "p2", "text": "按制度上报", "key_phrases": ["上报", "主管"]}],
    })
    answer = ("这个东西吧，其实生活中到处都有，比如开车、吃饭、出门都要小心。我自己也买过股票，亏了一点。"
              "工作中有一次我看到客户的签名跟预留的对不上，就跟主管说了。然后我觉得做人还是要稳一点，踏踏实实过日子。")
    result = score_transcript(text_transcript(answer), spec)
    finding = next(n for n in result.non_answers if n.kind == "digresses")
    assert finding.figure < 0.25 and "无关" in finding.message
    breakdown = result.score_breakdown["content"]
    assert breakdown["scaled_by"] == breakdown["answering_share"] < 0.75
