"""Text helpers: normalisation and CER, fillers, and key-phrase matching that survives homophones."""
from __future__ import annotations

import pytest

from ml.text import (
    cer,
    cjk_share,
    edit_distance,
    filler_count,
    find_phrase,
    normalise,
    split_clauses,
    substantive_chars,
    to_simplified,
)


def test_normalise_strips_punctuation_space_and_traditional_forms():
    assert to_simplified("貸款審批環節") == "贷款审批环节"
    assert normalise("欢迎 大家，來體驗！ Hello, World.") == "欢迎大家来体验helloworld"
    assert normalise("３０００万元") == "3000万元"


def test_cer():
    assert cer("欢迎大家来体验", "歡迎大家，來體驗。") == 0.0
    assert cer("砸自己的脚", "扎自己的脚") == pytest.approx(0.2)
    assert cer("abc", "") == 1.0
    assert edit_distance("kitten", "sitting") == 3


@pytest.mark.parametrize(
    "phrase, heard, matched",
    [
        ("倾听", "我先耐心清听他的诉求", "清听"),
        ("贷款", "三天后带款顺利放款", "带款"),
        ("加急", "并且申请了家级审批", "家级"),
        ("回访", "我又主动回房，客户很满意", "回房"),
        ("风控", "接着我协调了封控部门", "封控"),
        ("齐全", "提前准备其全材料", "其全"),
    ],
)
def test_homophones_match_in_pinyin(phrase, heard, matched):
    found = find_phrase(phrase, heard)
    assert found is not None and found.kind == "pinyin"
    assert found.matched == matched
    assert heard[found.start : found.end] == matched


def test_verbatim_match_wins_and_reports_position():
    found = find_phrase("诉求", "我先耐心倾听他的诉求。")
    assert found.kind == "exact" and found.matched == "诉求" and (found.start, found.end) == (8, 10)
    assert find_phrase("快速通道", "有没有合规的 快速通道？").kind == "exact"


@pytest.mark.parametrize(
    "phrase, heard",
    [
        ("倾听", "我很清楚这个流程"),  # qing chu, not qing ting
        ("合规", "我们和贵公司合作"),  # he | gui spans two words
        ("回访", "客户很满意"),
        ("诉求", ""),
    ],
)
def test_no_match_without_the_phrase_or_its_sound(phrase, heard):
    assert find_phrase(phrase, heard) is None


def test_cjk_share_tells_english_from_chinese():
    assert cjk_share("I handled a customer complaint last year") == 0.0
    assert cjk_share("我处理过客户投诉") == 1.0
    assert 0.3 < cjk_share("他说 OK 我们就走了") < 0.9


def test_fillers_and_substance():
    fillers = "嗯，那个，就是，嗯，我觉得吧，那个，就是，嗯，客户的话，就是，那个，嗯。"
    assert filler_count(fillers) == 10  # 嗯 ×4, 那个 ×3, 就是 ×3
    assert substantive_chars(fillers) < 15
    assert substantive_chars("我跟同事关系都挺好的，合作没什么问题。") >= 15
    # Repeating a clause verbatim adds no substance.
    assert substantive_chars("客户的话，客户的话，客户的话") == substantive_chars("客户的话")


def test_split_clauses_keeps_punctuation():
    assert split_clauses("我先倾听,然后查明原因。最后回访！") == ["我先倾听,", "然后查明原因。", "最后回访！"]
