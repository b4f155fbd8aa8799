"""content-v7: half a point for the head of HR's phrase said alone, keyword strings said in a sentence frame, Cilin's
other synonyms as half a point and as the question's subject, more digression cues. Invented answers (none of the
corpus's or the held-out batches'), each test failing on content-v6."""
from __future__ import annotations

from ml.ranking import text_transcript
from ml.scoring import QuestionSpec, score_transcript
from ml.structure import digression_clauses, transcript_clauses

SLOW = QuestionSpec.from_dict({
    "text": "一位客户的跨行转账两天还没到账，他在大厅里发火，你会怎么办？",
    "competencies": {"服务意识": 1.0},
    "rubric": [
        {"id": "p1", "text": "先让客户平静下来", "key_phrases": ["安抚情绪"]},
        {"id": "p2", "text": "查询转账状态并说明", "key_phrases": ["查询", "流水"]},
    ],
})

CARD = QuestionSpec.from_dict({
    "text": "客户要求你帮他把一张长期不用的银行卡注销，但他只带了卡没带证件，你会怎么做？",
    "competencies": {"合规操作": 1.0},
    "rubric": [
        {"id": "p1", "text": "按实名制要求核对证件", "key_phrases": ["实名制", "核对"]},
        {"id": "p2", "text": "告诉客户需要补齐的材料", "key_phrases": ["材料", "告知"]},
        {"id": "p3", "text": "情况特殊时请主管处理", "key_phrases": ["主管"]},
        {"id": "p4", "text": "做好登记并提醒风险", "key_phrases": ["登记", "提醒"]},
    ],
})


def test_the_head_of_a_two_word_phrase_is_its_verb_or_else_its_last_word():
    from ml.semantic import phrase_head

    assert phrase_head("安抚情绪") == ("安抚", "情绪")
    assert phrase_head("当面收缴") == ("收缴", "当面")
    assert phrase_head("风险测评") == ("测评", "风险")
    assert phrase_head("倾听") is None


def test_the_head_of_hr_phrase_said_alone_is_half_the_point_with_its_quote():
    hit = score_transcript(text_transcript("我会先安抚一下他，请他坐下来，再帮他查一下钱到了哪一步。"), SLOW).rubric[0]
    assert hit.credit == 0.5 and hit.match == "part" and hit.source == "head"
    assert hit.phrase == "安抚" and hit.synonym_of == "安抚情绪" and "安抚" in hit.quote
    # said with the rest of the phrase close by, the phrase is said apart: the whole point
    whole = score_transcript(text_transcript("我会先把他的情绪安抚下来，请他坐下，再帮他查一下钱到了哪一步。"), SLOW).rubric[0]
    assert whole.credit == 1.0 and whole.match == "split"


def test_a_keyword_string_in_a_sentence_frame_is_a_keyword_string():
    framed = "这种情况我会坚持实名制，认真核查证件，告诉客户要补齐哪些材料，情况特殊就请示主管，做好登记工作，并且提醒他注意风险。"
    result = score_transcript(text_transcript(framed), CARD)
    assert any(n.kind == "keyword_string" for n in result.non_answers)
    assert result.features["rubric_coverage"] == 0.0
    # a real answer saying the same points with its own words, people and figures is not
    real = ("没带身份证的话我不能给他销户，这是实名制的规定。我会先核对一下卡是不是他本人的，跟他讲清楚下次要带身份证原件，"
            "如果卡里还有两千多块钱，可以先帮他挂失。要是他年纪大了跑一趟不方便，我会请主管看看能不能上门办，最后把这次来访登记下来。")
    assert not score_transcript(text_transcript(real), CARD).non_answers


def test_another_cilin_synonym_of_a_point_word_is_half_the_point_but_not_a_manner_word():
    hit = score_transcript(text_transcript("他要是坚持今天就办，我就去请我们网点的负责人过来，看看怎么处理。"), CARD).rubric[2]
    assert hit.credit == 0.5 and hit.source == "related" and hit.phrase == "负责人" and hit.synonym_of == "主管"
    timely = QuestionSpec.from_dict({
        "text": "发现同事的操作可能违规，你会怎么做？", "competencies": {"合规操作": 1.0},
        "rubric": [{"id": "p1", "text": "及时提醒", "key_phrases": ["及时"]}]})
    # 马上 is Cilin's synonym of 及时, but says when, not what: no evidence
    assert not score_transcript(text_transcript("我会马上去找他聊一聊，问问到底是怎么回事。"), timely).rubric[0].found


def test_a_sentence_naming_a_synonym_of_the_question_words_is_on_the_subject():
    cash = QuestionSpec.from_dict({
        "text": "客户来存现金时你发现其中有一张假币，你会怎么处理？", "competencies": {"合规操作": 1.0},
        "rubric": [{"id": "p1", "text": "收缴假币并盖章", "key_phrases": ["收缴", "盖章"]},
                   {"id": "p2", "text": "向客户说明规定", "key_phrases": ["解释", "规定"]}]})
    answer = "那张钱我不能再还给他。我会当着他的面把那张现钞收下来，打上戳。再写一张单子给他。告诉他有疑问可以去央行那边验。"
    result = score_transcript(text_transcript(answer), cash)
    assert not any(n.kind == "off_topic" for n in result.non_answers)


def test_talk_of_a_cousin_or_of_ones_university_is_a_digression():
    clauses = transcript_clauses(text_transcript("我表哥前年买了一套房子，每个月还贷压力挺大的。我大学学的是会计，平时喜欢研究记账软件。"))
    digression, _ = digression_clauses(clauses, set())
    assert digression == set(range(len(clauses)))
