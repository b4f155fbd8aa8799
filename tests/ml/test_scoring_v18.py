"""content-v18, studied on heldout28-30 (first-looked this session) before the blind batches heldout31-33 were scored:
weak answers there do the wrong thing in plain words, and some of those wrongs have a general shape: a record made to
say what did not happen (资金用途写成支付原材料款, 日期按犹豫期里面的写), a complaint kept from going further (请他把投诉撤了,
尽量别让她打), an error kept from the supervisor (不值得专门去打扰她, 层层往上报的话…), money taken back from customers'
cards by oneself, the fault laid on the equipment. Each pattern is said by weak answers only, across the thirty-one
sets (one of them, the record made to say otherwise, also in heldout22's weak answer), and not when negated. The tests
but the guards fail on content-v17."""
from __future__ import annotations

from ml.scoring import SCORER_VERSION

from tests.ml.test_ranking import CORPUS, _score_held_out
from tests.ml.test_scoring_v16 import flagged


def test_a_record_made_to_say_what_did_not_happen_is_poor_judgment():
    assert flagged("贷后检查报告里资金用途写成支付原材料款，流程上是完整的。") == ["用途写成"]
    assert flagged("我再把这次电话记到台账上，日期按犹豫期里面的写。") == ["日期按犹豫期里面的写"]
    # negated, or someone else's act: no cue
    assert flagged("录像缺了就是缺了，我也不会让客户把日期写成以前。") == []


def test_a_complaint_or_an_error_kept_from_going_further_is_poor_judgment():
    assert flagged("又送了他一套茶具，请他把电话里的投诉撤了。") == ["把电话里的投诉撤"]
    assert flagged("那天主管一直在开会，我想这点事不值得专门去打扰她。") == ["不值得专门去打扰"]
    assert flagged("那几个人多拿的钱，我让运营直接从他们卡上扣回来。") == ["从他们卡上扣回"]
    assert flagged("说实话这事主要卡在设备上，系统认了。") == ["主要卡在设备"]
    assert flagged("我当天就跟主管报告了，也跟客户说明了情况。") == []


def test_the_weak_answers_of_the_studied_batch_fall_below_their_averages():
    for name, qids in (("heldout28.json", ("nd2", "nd4")), ("heldout30.json", ("nf3", "nf4"))):
        _corpus, _answers, scores, _ = _score_held_out(CORPUS.parent / name)
        for qid in qids:
            assert scores[f"{qid}_weak"] < scores[f"{qid}_average"], (qid, scores)
    assert SCORER_VERSION == "content-v18"
