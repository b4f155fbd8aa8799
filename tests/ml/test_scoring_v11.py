"""content-v11: concreteness counted further, and the team's own roles are named parties.

- Specificity was full at 4 steps, 2 figures and 1 named party: a short plan with two figures got as much for them as a
  story with its numbers. Full now at 5 steps and 3 figures; the keyword-string-in-a-frame rule keeps its own counts
  (4, 2, 1), against which its bounds were chosen.
- 带我的姐姐, 组长, 团队长, 柜长 were no named party: a story of asking the colleague who trains you named nobody.
The first two fail on content-v10; the third guards the frame rule's own counts."""
from __future__ import annotations

import pytest

from ml.ranking import text_transcript
from ml.scoring import DEFAULT_CONFIG, QuestionSpec, frame_specificity, score_transcript
from ml.structure import Specificity, measure_specificity

from tests.ml.test_structure import clauses_of

LEARNING = QuestionSpec.from_dict({
    "text": "请讲一次你必须在很短时间里学会一个新系统，并且马上要用它服务客户的经历。",
    "competencies": {"学习能力": 1.0},
    "rubric": [
        {"id": "p1", "text": "说明背景和时间有多紧", "key_phrases": ["时间紧"]},
        {"id": "p2", "text": "有具体的学习方法", "key_phrases": ["常用流程", "请教同事"]},
    ],
})


@pytest.mark.parametrize("party", ["带我的姐姐", "组长", "团队长", "柜长"])
def test_the_teams_own_roles_are_named_parties(party):
    specificity = measure_specificity(clauses_of((0, 4, f"我先问了{party}最常用的是哪几步。")), behavioural=True,
                                      steps_full=5, figures_full=3, stakeholders_full=1)
    assert [q.word for q in specificity.stakeholders], party


def test_a_story_with_its_numbers_is_more_concrete_than_a_plan_with_two():
    plan = "我先看了操作手册，录了两单，问了三遍同事。"
    story = ("上线前一天我才拿到账号，我拿测试账号把这几步走了二十来遍，每卡住一次我就写张便签，"
             "第一位客户录到一半我发现漏念了一句，我当场道歉重录，那周一共录了十一单，多花了十分钟。")
    short = score_transcript(text_transcript(plan), LEARNING).specificity.score
    long = score_transcript(text_transcript(story), LEARNING).specificity.score
    assert DEFAULT_CONFIG.specificity_steps == 5 and DEFAULT_CONFIG.specificity_figures == 3
    assert long > short
    assert short < 1.0  # content-v10: two figures were already the full figures share


def test_the_frame_rule_keeps_the_counts_its_bounds_were_chosen_on():
    steps = [object()] * 2  # two steps, no figure, no party: 0.25 with 4 steps in full, 0.2 with 5
    specificity = Specificity(steps, [], [], 0.0)
    question = LEARNING
    assert frame_specificity(specificity, question, DEFAULT_CONFIG) == pytest.approx(0.25)
