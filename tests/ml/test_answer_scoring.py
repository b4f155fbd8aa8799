"""Scoring answers end to end on the synthesized corpus, plus the gate, matcher and scores on fixed transcripts."""
from __future__ import annotations

import ast
import json
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from ml.asr import AsrSegment, Transcript
from ml.audio import decode_audio
from ml.scoring import (
    INSUFFICIENT_EVIDENCE,
    REASON_MESSAGES,
    SCORED,
    SCORED_FEATURES,
    SCORER_VERSION,
    QuestionSpec,
    RubricPoint,
    ScorerConfig,
    config_hash,
    score_answer,
    score_recording,
)

FEATURE_KEYS = {"rubric_coverage", "specificity", "star_structure", "connectives", "relevance"}
NO_CORRECTION = ScorerConfig(homophone_correction=False)
FIGURE_KEYS = {"duration_s", "speech_s", "speech_rate_cpm", "pause_count_over_2s", "longest_pause_s", "silent_share"}

PRE_ASR = {"special_silence.wav", "special_noise.wav", "special_too_short.wav"}
EXPECTED_REFUSALS = {
    "special_silence.wav": "too_little_speech",  # no sound at all
    "special_noise.wav": "noise",  # sound throughout, no speech in it
    "special_too_short.wav": "too_short",  # 1.2 s of speech: refused before the recogniser
    "special_fillers.wav": "fillers_only",
    "special_english.wav": "not_chinese",
}


def _found(result) -> int:
    return sum(hit.found for hit in result.rubric)


@pytest.mark.parametrize("qid", ["q1", "q2", "q3"])
def test_rubric_points_found_rank_strong_above_average_above_weak(corpus_results, qid):
    found = {quality: _found(corpus_results[f"{qid}_{quality}.wav"][0]) for quality in ("strong", "average", "weak")}
    assert found["strong"] > found["average"] > found["weak"], found


@pytest.mark.parametrize("qid", ["q1", "q2", "q3"])
def test_scores_never_rank_a_weaker_answer_higher(corpus_results, qid):
    scores = {q: corpus_results[f"{qid}_{q}.wav"][0] for q in ("strong", "average", "weak")}
    for result in scores.values():
        assert result.status == SCORED and result.reason is None
        assert 0.0 <= result.content_score <= 100.0
    assert scores["strong"].content_score > scores["average"].content_score > scores["weak"].content_score
    assert _found(scores["strong"]) >= 3


@pytest.mark.parametrize("qid", ["q1", "q2", "q3"])
def test_every_competency_ranks_strong_above_average_above_weak(corpus_results, question_specs, qid):
    # Every competency of the demo questions has tagged rubric points the strong answer covers and the
    # weak one misses; where the average answer misses them too (q2's 沟通能力: nobody but the strong
    # answer explains the risk), it still keeps to the question where the weak answer does not.
    scores = {q: corpus_results[f"{qid}_{q}.wav"][0].competency_scores for q in ("strong", "average", "weak")}
    for name in question_specs[qid].competencies:
        assert scores["strong"][name] > scores["average"][name] > scores["weak"][name], (name, scores)


@pytest.mark.parametrize("qid", ["q1", "q3"])
def test_star_parts_found_on_strong_stories_and_fewer_on_weak(corpus_results, question_specs, qid):
    assert question_specs[qid].is_behavioural
    parts = {q: corpus_results[f"{qid}_{q}.wav"][0].structure.star for q in ("strong", "average", "weak")}
    strong = parts["strong"]
    assert [p.part for p in strong] == ["situation", "task", "action", "result"]
    assert all(p.found and p.quote and p.start is not None and p.end >= p.start for p in strong)
    assert all(p.matched_text in p.quote for p in strong)
    assert next(p for p in strong if p.part == "result").numbers, "the strong result quotes a figure"
    found = {q: sum(p.found for p in ps) for q, ps in parts.items()}
    assert found["strong"] > found["weak"] and found["strong"] >= found["average"], found
    features = {q: corpus_results[f"{qid}_{q}.wav"][0].features for q in parts}
    star = {q: f["star_structure"] for q, f in features.items()}
    assert star["strong"] > star["average"] > star["weak"], star


def test_a_question_asking_for_no_experience_gets_no_star(corpus_results, question_specs):
    assert not question_specs["q2"].is_behavioural
    result = corpus_results["q2_strong.wav"][0]
    assert result.structure.star == [] and result.structure.star_score is None
    assert result.features["star_structure"] is None
    assert "star_structure" not in result.score_breakdown["content"]["weights"]
    assert {c.word for c in result.structure.connectives} >= {"首先", "然后"}


@pytest.mark.parametrize("qid", ["q1", "q2", "q3"])
def test_relevance_ranks_strong_answers_highest(corpus_results, qid):
    relevance = {q: corpus_results[f"{qid}_{q}.wav"][0].relevance for q in ("strong", "average", "weak")}
    assert relevance["strong"].score > relevance["weak"].score
    assert relevance["strong"].score >= relevance["average"].score
    for quoted in relevance["strong"].found:
        assert quoted.word in relevance["strong"].topic_words and quoted.matched_text in quoted.quote
    assert set(relevance["strong"].missed) == set(relevance["strong"].topic_words) - {
        q.word for q in relevance["strong"].found
    }


@pytest.mark.parametrize("container", ["q1_strong.mp4", "q1_strong.webm", "q2_average.mp4", "q2_average.webm"])
def test_video_containers_score_as_the_wav(corpus_results, container):
    wav = corpus_results[container.rsplit(".", 1)[0] + ".wav"][0]
    other = corpus_results[container][0]
    assert other.status == wav.status == SCORED
    assert abs(other.content_score - wav.content_score) <= 2.0
    for name, score in wav.competency_scores.items():
        assert abs(other.competency_scores[name] - score) <= 2.0, name
    assert [h.found for h in other.rubric] == [h.found for h in wav.rubric]


def test_scored_answer_carries_its_evidence(corpus_results, question_specs):
    result = corpus_results["q1_strong.wav"][0]
    question = question_specs["q1"]
    assert [hit.point_id for hit in result.rubric] == [p.id for p in question.rubric]
    for hit in result.rubric:
        assert hit.found and hit.match in ("exact", "pinyin")
        assert hit.quote and hit.matched_text in hit.quote
        assert 0.0 <= hit.start < hit.end <= result.transcript.duration + 0.5
        assert hit.phrase in next(p.key_phrases for p in question.rubric if p.id == hit.point_id)
    assert set(result.competency_scores) == set(question.competencies)
    assert result.scorer_version == SCORER_VERSION == "content-v18"
    assert result.config_hash == config_hash(question)
    assert set(result.features) == FEATURE_KEYS
    assert all(0.0 <= value <= 1.0 for value in result.features.values())
    _assert_scores_follow_from_features(result)
    assert FIGURE_KEYS <= set(result.figures)
    assert set(result.timings) == {"decode_s", "vad_s", "asr_s", "content_s"}
    assert 150 < result.figures["speech_rate_cpm"] < 400
    json.dumps(result.to_dict(), ensure_ascii=False)


def _assert_scores_follow_from_features(result) -> None:
    """Every score is the weighted mean of the features its breakdown lists, weights summing to 1 (content-v14: times
    the share a finding of poor judgment kept)."""
    parts = {"content": (result.content_score, result.score_breakdown["content"])}
    parts.update({n: (s, result.score_breakdown["competencies"][n]) for n, s in result.competency_scores.items()})
    for name, (score, detail) in parts.items():
        assert sum(detail["weights"].values()) == pytest.approx(1.0, abs=1e-3), name
        expected = 100 * sum(w * detail["features"][k] for k, w in detail["weights"].items())
        expected *= detail.get("judgment_kept", 1.0)
        assert score == pytest.approx(expected, abs=0.1), name
        assert detail["rubric_points"], name


def test_missed_points_are_listed(corpus_results):
    result = corpus_results["q2_weak.wav"][0]
    assert len(result.rubric) == 4
    assert not any(hit.found for hit in result.rubric)
    # content-v8: a missed point has no quote, unless part of it came close in meaning (word vectors): then the quote
    # shows where, and the small credit how little ("看情况吧" comes near 方案 by 0.51 of similarity: 6 % of it).
    for hit in result.rubric:
        if hit.quote is not None:
            assert hit.match == "meaning" and 0 < hit.credit < 0.2 and hit.meaning["pairs"], hit
    assert result.features["rubric_coverage"] <= 0.05
    assert result.content_score < 10.0  # only its bit of relevance and one connective (如果) count
    _assert_scores_follow_from_features(result)


def test_long_pauses_keep_the_content_and_show_in_the_figures(corpus_results):
    steady = corpus_results["q1_strong.wav"][0]
    paused = corpus_results["q1_strong_long_pauses.wav"][0]
    assert [h.found for h in paused.rubric] == [h.found for h in steady.rubric]
    assert [h.point_id for h in paused.rubric if h.found] == [h.point_id for h in steady.rubric]
    assert [p.found for p in paused.structure.star] == [p.found for p in steady.structure.star]
    assert paused.features["rubric_coverage"] == steady.features["rubric_coverage"] == 1.0
    assert abs(paused.content_score - steady.content_score) <= 2.0
    assert steady.figures["pause_count_over_2s"] == 0
    assert paused.figures["pause_count_over_2s"] >= 3
    assert paused.figures["longest_pause_s"] >= 3.5
    assert paused.figures["silent_share"] > steady.figures["silent_share"] + 0.2


@pytest.mark.parametrize("name, reason", sorted(EXPECTED_REFUSALS.items()))
def test_special_cases_are_refused_with_their_reason(corpus_results, corpus_items, name, reason):
    result, calls, _ = corpus_results[name]
    assert corpus_items[name]["expect"] == INSUFFICIENT_EVIDENCE
    assert result.status == INSUFFICIENT_EVIDENCE and result.reason == reason
    assert result.content_score is None and result.competency_scores is None and result.rubric == []
    assert FIGURE_KEYS <= set(result.figures)
    json.dumps(result.to_dict(), ensure_ascii=False)
    assert REASON_MESSAGES[reason] and not any(ch.isdigit() for ch in REASON_MESSAGES[reason])
    if name in PRE_ASR:
        assert calls == 0, "silence, noise and near-empty answers must not reach the recogniser"
        assert result.transcript is None
    else:
        assert calls == 1


@pytest.mark.parametrize("name", ["special_silence.wav", "special_noise.wav"])
def test_silence_and_noise_are_refused_fast_without_asr(interview_dir, question_specs, counting_engine, name):
    class Unusable:
        name = "must-not-be-called"

        def transcribe(self, samples, **options):
            raise AssertionError("the recogniser was called")

    engine = counting_engine(Unusable())
    samples = decode_audio(interview_dir / name)
    started = time.perf_counter()
    result = score_answer(samples, question_specs["q1"], engine)
    assert time.perf_counter() - started < 0.5
    assert result.reason == EXPECTED_REFUSALS[name] and engine.calls == 0
    assert result.figures["speech_s"] < 1.0


def test_every_expected_outcome_of_the_corpus_holds(corpus_results, corpus_items):
    for name, (result, _, _) in corpus_results.items():
        assert result.status == corpus_items[name]["expect"], (name, result.reason)


# --- the gate and the matcher on fixed transcripts ---------------------------------------------


class ScriptedEngine:
    """Returns a fixed transcript, to test the scorer apart from the recogniser."""

    name = "scripted"

    def __init__(self, pieces: list[tuple[float, float, str]], confidence: float = 0.85):
        self.pieces, self.confidence = pieces, confidence

    def transcribe(self, samples: np.ndarray, **options) -> Transcript:
        segments = [AsrSegment(a, b, text, self.confidence) for a, b, text in self.pieces]
        return Transcript("".join(s.text for s in segments), segments, "zh", self.name, samples.size / 16000)


@pytest.fixture(scope="module")
def speech_samples(interview_dir):
    """Real speech (so the voice-activity gate passes) for scripted transcripts."""
    return decode_audio(interview_dir / "q1_strong.wav")


def test_homophone_slips_still_find_rubric_points(speech_samples, question_specs):
    engine = ScriptedEngine(
        [
            (8.8, 10.7, "我先认真清听他的想法,"),
            (19.1, 20.9, "申请了家级审批,"),
            (29.4, 31.7, "之后我又主动回房。"),
        ]
    )
    question = question_specs["q1"]
    # Without the correction against the job's vocabulary, pinyin matching still finds the points.
    result = score_answer(speech_samples, question, engine, config=NO_CORRECTION)
    hits = {hit.point_text: hit for hit in result.rubric}
    listened = hits["倾听客户诉求并表达理解"]
    assert (listened.found, listened.match, listened.matched_text) == (True, "pinyin", "清听")
    assert (listened.quote, listened.start, listened.end) == ("我先认真清听他的想法,", 8.8, 10.7)
    assert hits["提出并执行解决方案"].matched_text == "家级"
    assert hits["跟进反馈结果"].matched_text == "回房" and hits["跟进反馈结果"].start == 29.4
    assert not hits["了解问题原因"].found
    assert result.features["rubric_coverage"] == 0.75

    corrected = score_answer(speech_samples, question, engine)
    assert corrected.transcript.text == "我先认真倾听他的想法,申请了加急审批,之后我又主动回访。"
    assert corrected.transcript.raw_text == "我先认真清听他的想法,申请了家级审批,之后我又主动回房。"
    assert [(c["heard"], c["corrected"], c["start"]) for c in corrected.transcript_corrections] == [
        ("清听", "倾听", 8.8), ("家级", "加急", 19.1), ("回房", "回访", 29.4)]
    hits = {hit.point_text: hit for hit in corrected.rubric}
    assert (hits["倾听客户诉求并表达理解"].match, hits["倾听客户诉求并表达理解"].quote) == ("exact", "我先认真倾听他的想法,")
    assert corrected.features["rubric_coverage"] == 0.75


@pytest.mark.parametrize(
    "pieces, confidence, reason",
    [
        ([(0, 5, "I listened to the client and solved the problem quickly.")], 0.8, "not_chinese"),
        ([(0, 5, "我先耐心倾听他的诉求，然后查明了原因，最后主动回访了客户。")], 0.2, "low_confidence"),
        ([(0, 5, "我不知道该怎么说。")], 0.8, "too_short"),
        ([(0, 5, "嗯，那个，就是，嗯，那个，客户，嗯，就是，那个。")], 0.8, "fillers_only"),
        ([], 0.8, "no_transcript"),
    ],
)
def test_transcript_gate(speech_samples, question_specs, pieces, confidence, reason):
    result = score_answer(speech_samples, question_specs["q1"], ScriptedEngine(pieces, confidence))
    assert (result.status, result.reason) == (INSUFFICIENT_EVIDENCE, reason)
    assert result.content_score is None


def test_rubric_weights_and_competencies(speech_samples):
    question = QuestionSpec(
        text="请描述一次你处理客户投诉的经历。",
        rubric=[
            RubricPoint("a", "倾听", ["倾听"], weight=3.0, competencies=["沟通能力"]),
            RubricPoint("b", "回访", ["回访"], weight=1.0, competencies=["客户导向"]),
        ],
        competencies={"客户导向": 0.5, "沟通能力": 0.5},
    )
    engine = ScriptedEngine([(0, 5, "我先耐心倾听他的诉求，然后查明了原因并且很快解决了问题。")])
    result = score_answer(speech_samples, question, engine)
    assert result.features["rubric_coverage"] == 0.75
    breakdown = result.score_breakdown["competencies"]
    assert breakdown["沟通能力"]["features"]["rubric_coverage"] == 1.0 and breakdown["沟通能力"]["rubric_points"] == ["a"]
    assert breakdown["客户导向"]["features"]["rubric_coverage"] == 0.0 and breakdown["客户导向"]["rubric_points"] == ["b"]
    assert result.competency_scores["沟通能力"] > result.content_score > result.competency_scores["客户导向"]
    # 沟通能力 is communication-like: structure and connectives weigh more in it.
    assert breakdown["沟通能力"]["weights"]["connectives"] > breakdown["客户导向"]["weights"]["connectives"]
    _assert_scores_follow_from_features(result)


def test_untagged_points_count_for_every_competency(speech_samples):
    question = QuestionSpec(
        text="如果客户要求你绕过规定快速办理贷款，你会怎么做？",
        rubric=[RubricPoint("a", "合规", ["合规"]), RubricPoint("b", "报告", ["报告"])],
        competencies={"风险意识": 0.7, "沟通能力": 0.3},
    )
    engine = ScriptedEngine([(0, 5, "我会坚持合规，不会绕过规定，给客户办理贷款前先把材料准备齐全。")])
    result = score_answer(speech_samples, question, engine)
    breakdown = result.score_breakdown["competencies"]
    assert breakdown["风险意识"]["rubric_points"] == breakdown["沟通能力"]["rubric_points"] == ["a", "b"]
    assert breakdown["风险意识"]["weights"] == result.score_breakdown["content"]["weights"]
    assert result.competency_scores["风险意识"] == result.content_score


def test_an_off_topic_answer_scores_low(speech_samples, question_specs):
    engine = ScriptedEngine(
        [(0, 4, "我平时喜欢打篮球和旅游，"), (4, 8, "周末经常和朋友去爬山，"), (8, 12, "最近还在学做饭。")]
    )
    result = score_answer(speech_samples, question_specs["q1"], engine)
    assert result.status == SCORED
    assert result.relevance.score == 0.0 and result.relevance.found == []
    assert result.features["rubric_coverage"] == 0.0
    assert result.content_score < 10.0
    assert all(score < 10.0 for score in result.competency_scores.values())


def test_homophone_slips_still_count_for_structure_and_relevance(speech_samples, question_specs):
    engine = ScriptedEngine(
        [
            (0.0, 2.4, "去念我在网点做客户经理的时候，"),  # 去年
            (2.7, 6.5, "一位客户投诉放款太慢，"),  # not 有位: content-v16 takes it for a situation cue said exactly
            (6.9, 9.0, "手先我耐心清听他的诉求，"),  # 首先, 倾听
            (9.2, 12.0, "然后我协调审批部门加急处理，"),
            (12.1, 15.0, "罪后三天就放款了，客户很满意。"),  # 最后
        ]
    )
    result = score_answer(speech_samples, question_specs["q1"], engine, config=NO_CORRECTION)
    star = {p.part: p for p in result.structure.star}
    situation = star["situation"]
    assert (situation.cue, situation.match, situation.matched_text) == ("去年", "pinyin", "去念")
    assert (situation.quote, situation.start, situation.end) == ("去念我在网点做客户经理的时候，", 0.0, 2.4)
    assert star["result"].found and star["result"].numbers == ["三天"]
    connectives = {c.word: c for c in result.structure.connectives}
    assert connectives["首先"].matched_text == "手先" and connectives["首先"].match == "pinyin"
    assert connectives["最后"].matched_text == "罪后"
    assert all(p.found for p in star.values())
    listened = next(q for q in result.relevance.found if q.word == "倾听")
    assert (listened.match, listened.matched_text, listened.start) == ("pinyin", "清听", 6.9)


def test_scored_features_are_the_allow_list():
    keys = [feature.key for feature in SCORED_FEATURES]
    assert len(keys) == len(set(keys))
    assert set(keys) == {
        "rubric_coverage", "star_structure", "specificity", "connectives", "relevance",
        "speech_seconds", "transcript_language", "recognition_confidence",
        "speech_rate", "pauses", "fillers", "loudness_stability", "time_used",
    }
    assert [f.key for f in SCORED_FEATURES if f.in_score] == [
        "rubric_coverage", "star_structure", "specificity", "connectives", "relevance"
    ]
    assert {f.key for f in SCORED_FEATURES if f.in_score} == FEATURE_KEYS
    assert {key for key, _ in ScorerConfig().feature_weights} == FEATURE_KEYS
    banned = ("emotion", "情绪", "性格", "personality", "facial", "表情", "微表情", "accent", "口音", "appearance", "外貌")
    for feature in SCORED_FEATURES:
        assert feature.description
        text = f"{feature.key} {feature.description}".lower()
        assert not any(word in text for word in banned), feature.key


def test_no_banned_trait_anywhere_in_a_scored_result(corpus_results):
    banned = ("emotion", "情绪", "性格", "personality", "facial", "表情", "accent", "口音", "appearance", "外貌")
    result = corpus_results["q1_strong.wav"][0].to_dict()
    keys = _all_keys(result)
    assert not any(word in key.lower() for key in keys for word in banned), keys
    config_keys = set(ScorerConfig().to_dict())
    assert not any(word in key.lower() for key in config_keys for word in banned)


def _all_keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(map(str, value)) | {k for v in value.values() for k in _all_keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _all_keys(v)}
    return set()


def test_config_hash_follows_the_rubric_and_the_weights(question_specs):
    question = question_specs["q1"]
    assert config_hash(question) == config_hash(replace(question))
    changed = replace(question, rubric=[replace(question.rubric[0], key_phrases=["倾听"])] + question.rubric[1:])
    assert config_hash(changed) != config_hash(question)
    retagged = replace(question, rubric=[replace(question.rubric[0], competencies=[])] + question.rubric[1:])
    assert config_hash(retagged) != config_hash(question)
    assert config_hash(replace(question, behavioural=False)) != config_hash(question)
    reweighted = ScorerConfig(feature_weights=(("rubric_coverage", 1.0),))
    assert config_hash(question, reweighted) != config_hash(question)
    assert len(config_hash(question)) == 64


def test_score_recording_decodes_segments(interview_dir, question_specs, counting_engine):
    engine = counting_engine(ScriptedEngine([(0, 8, "我不会违反规定，会跟客户说明风险，必要时向主管报告。")]))
    result = score_recording(
        [interview_dir / "q2_average.mp4", interview_dir / "q2_average.webm"], question_specs["q2"], engine
    )
    assert result.status == SCORED and engine.calls == 1
    assert result.figures["duration_s"] == pytest.approx(16.6, abs=0.1)
    assert result.timings["decode_s"] > 0


def test_ml_imports_nothing_from_backend():
    for path in (Path(__file__).resolve().parents[2] / "ml").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n == "backend" or n.startswith("backend.") for n in names), path


def test_the_pre_recogniser_reason_tells_silence_noise_and_a_short_answer_apart():
    from ml.scoring import pre_asr_reason

    rng = np.random.default_rng(7)
    silence = np.zeros(16000 * 8, dtype=np.float32)
    hiss = (0.1 * rng.standard_normal(16000 * 8)).astype(np.float32)  # about -20 dBFS throughout
    assert pre_asr_reason(silence, 0.0) == "too_little_speech"
    assert pre_asr_reason(hiss, 0.0) == "noise"
    assert pre_asr_reason(hiss, 1.5) == "too_short"
    assert pre_asr_reason(np.zeros(0, dtype=np.float32), 0.0) == "too_little_speech"


def test_one_thing_said_is_evidence_of_one_rubric_point():
    """content-v5: "不适合他" said once is not both the suitability point and the advice point."""
    from ml.structure import transcript_clauses
    from ml.scoring import match_rubric

    spec = QuestionSpec.from_dict({
        "text": "客户坚持要买一款高风险产品，你会怎么处理？",
        "competencies": {"合规操作": 1.0},
        "rubric": [{"id": "p1", "text": "不销售超出承受能力的产品", "key_phrases": ["适合"]},
                   {"id": "p2", "text": "给出合适的配置建议", "key_phrases": ["适合", "配置"]}],
    })
    once = Transcript("我会跟他说这个产品不适合他。", [AsrSegment(0.0, 3.0, "我会跟他说这个产品不适合他。", 0.8)],
                      "zh", "test", 3.0)
    hits, _ = match_rubric(transcript_clauses(once), spec, [])
    assert [h.found for h in hits] == [True, False] and hits[0].matched_text == "适合"
    text = "我会跟他说这个产品不适合他，再帮他配置一些稳健的产品。"
    both = Transcript(text, [AsrSegment(0.0, 5.0, text, 0.8)], "zh", "test", 5.0)
    hits, _ = match_rubric(transcript_clauses(both), spec, [])
    assert [(h.found, h.matched_text) for h in hits] == [(True, "适合"), (True, "配置")]
