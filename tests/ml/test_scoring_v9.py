"""content-v9: "我会…" has its speaker. jieba's dictionary holds 我会 as one noun ("our association"), so a plan said as
"我会先核实…" named no step of the candidate's: every "what would you do" answer lost its first steps, and a short real
answer in the rubric's words could pass for a keyword string (heldout5's n1_average, README). Invented answers, each
test failing on content-v8."""
from __future__ import annotations

from ml.ranking import text_transcript
from ml.scoring import QuestionSpec, score_transcript
from ml.structure import action_verb

DEPOSIT = QuestionSpec.from_dict({
    "text": "一位客户说他昨天存的钱今天查不到了，情绪很激动，你会怎么处理？",
    "competencies": {"服务意识": 1.0},
    "rubric": [
        {"id": "p1", "text": "先安抚客户情绪", "key_phrases": ["安抚", "道歉"]},
        {"id": "p2", "text": "查询交易记录找出原因", "key_phrases": ["查询", "流水", "原因"]},
        {"id": "p3", "text": "请主管协助并跟进结果", "key_phrases": ["主管", "跟进"]},
    ],
})


def test_i_will_names_the_speaker_and_the_step():
    assert action_verb("我会先核实他的身份，") == "核实"
    assert action_verb("我会先跟阿姨道歉，") == "道歉"
    assert action_verb("然后呢我会先，嗯，找企业财务问清楚原因，") == "找"
    assert action_verb("我们会再联系他。") == "联系"
    assert action_verb("我国的规定是这样。") is None  # 我国 stays a word: no speaker


def test_a_plan_said_with_i_will_counts_its_steps_and_is_no_keyword_string():
    answer = "我会先请客户坐下，给他倒杯水，跟他道歉。我会马上查一下他昨天那笔存款的流水，看看是不是还在处理中。查不清楚的话我会请主管一起看。"
    result = score_transcript(text_transcript(answer), DEPOSIT)
    assert {"请", "查"} <= {s.word for s in result.specificity.steps} or len(result.specificity.steps) >= 2, \
        result.specificity.steps
    assert not result.non_answers, result.non_answers
