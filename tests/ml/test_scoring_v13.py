"""content-v13: selling oneself as an applicant is no answer. Off-topic answers fluent in the job's words ("我在学校做过两年
学生会干部…很认同咱们行的理念，如果有机会加入…") matched rubric points by those words and passed the short plain average
answers of their questions (heldout10's x1 and x3, heldout9's w1). Talk of wanting to join, of one's character and
strengths is now a digression cue, as talk of one's family or school days is. Fails on content-v12."""
from __future__ import annotations

from ml.ranking import text_transcript
from ml.scoring import QuestionSpec, score_transcript
from ml.structure import digression_cues

from tests.ml.test_ranking import CORPUS, _score_held_out

FAINT = QuestionSpec.from_dict({
    "text": "一位老先生在大厅排队时突然头晕站不稳，身边没有家人，你是大堂经理，你会怎么处理？",
    "competencies": {"应变能力": 1.0},
    "rubric": [
        {"id": "p1", "text": "先扶老人坐下，询问情况", "key_phrases": ["扶他坐下", "询问情况"]},
        {"id": "p2", "text": "情况严重马上拨打120", "key_phrases": ["拨打120"]},
        {"id": "p3", "text": "维持大厅秩序，安抚其他客户", "key_phrases": ["维持秩序", "安抚客户"]},
    ],
})
PLAIN = "我会先过去扶他坐下，问问他哪里不舒服，要是情况不好就马上打120，再让保安帮忙把周围的人疏散开。"
SELLING = ("我觉得大堂经理就是网点的门面，要维持好大厅秩序，安抚客户。我性格比较外向，在学校做过两年学生会干部，组织过好几场"
           "晚会，现场应变能力比较强。我很认同咱们行以客户为中心的理念，如果有机会加入，我会尽快熟悉流程。")


def test_selling_oneself_is_a_digression_cue():
    cues = digression_cues()
    assert {"有机会加入", "我性格", "学生会"} <= set(cues)


def test_an_applicants_pitch_scores_below_a_plain_answer():
    plain = score_transcript(text_transcript(PLAIN), FAINT)
    selling = score_transcript(text_transcript(SELLING), FAINT)
    assert selling.content_score < plain.content_score, (selling.content_score, plain.content_score)
    assert selling.non_answers and selling.non_answers[0].quotes


def test_the_pitches_of_the_held_out_batches_stay_below_their_averages():
    for name, qid in (("heldout10.json", "x1"), ("heldout10.json", "x3"), ("heldout9.json", "w1")):
        _corpus, _answers, scores, _report = _score_held_out(CORPUS.parent / name)
        assert scores[f"{qid}_offtopic"] < scores[f"{qid}_average"], (qid, scores[f"{qid}_offtopic"])
