"""The scorer on the public corpus of issue 11 (tests/fixtures/interview): ranking, non-answers, determinism."""
from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from ml.demo_job import demo_question_specs, load_demo_job
from ml.ranking import corpus_answers, kendall_tau_b, load_corpus, question_dict, ranking_report, text_transcript
from ml.scoring import SCORED, QuestionSpec, score_transcript
from ml.suggestions import suggest_key_phrases
from tests.ml.conftest import once_per_run

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "interview" / "corpus.json"
NON_ANSWER_KINDS = {"echo": "restates_question", "stuffing": "keyword_string"}


@pytest.fixture(scope="module")
def corpus() -> dict:
    return load_corpus(CORPUS)


@pytest.fixture(scope="module")
def specs(corpus) -> dict[str, QuestionSpec]:
    return {qid: QuestionSpec.from_dict(question_dict(corpus, qid)) for qid in corpus["questions"]}


@pytest.fixture(scope="module")
def results(corpus, specs) -> dict:
    return {a.id: score_transcript(text_transcript(a.text), specs[a.question]) for a in corpus_answers(corpus)}


def test_the_corpus_is_the_size_the_issue_asks_for(corpus):
    answers = corpus_answers(corpus)
    assert len(corpus["questions"]) >= 10 and {q["job"] for q in corpus["questions"].values()} == {"demo", "teller"}
    kinds = {(a.question, a.kind) for a in answers}
    for qid in corpus["questions"]:
        for kind in ("strong", "average", "weak", "paraphrase", "fillers", "echo", "stuffing", "offtopic", "rambling"):
            assert (qid, kind) in kinds
    for answer in answers:
        if answer.kind == "paraphrase":  # said without any of HR's key phrases
            phrases = [k for p in corpus["questions"][answer.question]["rubric"] for k in p["key_phrases"]]
            assert not [k for k in phrases if k in answer.text], answer.id
        assert (CORPUS.parent / answer.audio).is_file(), answer.id


def test_text_level_ranking(corpus, specs, results):
    scores = {key: r.content_score for key, r in results.items()}
    report = ranking_report(corpus_answers(corpus), scores, specs)
    correct, total = report.pairs["strong>weak"]
    assert correct == total == 20, report.pairs
    correct, total = report.all_pairs
    # Measured 95 % (76/80) with content-v4 and content-v5 (bench/ranking.py prints it; weights chosen on d1-d5,
    # t1-t5 held out).
    assert correct / total >= 0.95, report.pairs
    assert min(report.tau.values()) > 0.4 and sum(report.tau.values()) / len(report.tau) > 0.8, report.tau
    assert not report.refused


def test_no_adversarial_answer_reaches_the_average_answer(corpus, results):
    # content-v6: echo, stuffing, off-topic and rambling answers alike (content-v5 left t5_rambling above its average).
    for answer in corpus_answers(corpus):
        if answer.kind in ("echo", "stuffing", "offtopic", "rambling"):
            average = results[f"{answer.question}_average"].content_score
            assert results[answer.id].content_score < average, answer.id


def test_suggested_key_phrases_alone_rank_the_public_corpus_as_well_as_hr_phrases(corpus, specs, results):
    """Issue 11: HR picks suggested phrases instead of typing them; the ranking must not suffer for it."""
    suggested = {}
    for qid, question in corpus["questions"].items():
        description = corpus["jobs"][question["job"]]["description"]
        data = question_dict(corpus, qid, key_phrases=lambda point, q, description=description: [
            s.phrase for s in suggest_key_phrases(point["text"], q["text"], description)])
        suggested[qid] = QuestionSpec.from_dict(dict(data, job_description=description))
    answers = corpus_answers(corpus)
    scores = {a.id: score_transcript(text_transcript(a.text), suggested[a.question]).content_score for a in answers}
    report = ranking_report(answers, scores, suggested)
    hand = ranking_report(answers, {k: r.content_score for k, r in results.items()}, specs)
    assert report.pairs["strong>weak"] == (20, 20), report.pairs
    # Measured: content-v9 98.8 % (79/80) suggested, 96.2 % (77/80) with HR's phrases; content-v10 98.8 % (79/80)
    # suggested, 100 % (80/80) with HR's: at the issue's 95 % either way, and at most one pair apart.
    assert report.all_pairs[0] / report.all_pairs[1] >= 0.95, report.all_pairs
    assert report.all_pairs[0] >= hand.all_pairs[0] - 1, (report.all_pairs, hand.all_pairs)
    # content-v6: no adversarial answer at or above its average with the suggested phrases either (content-v5: 3).
    assert not report.adversarial_violations, report.adversarial_violations


def test_rambling_answers_stay_below_the_average_answer_and_say_why(corpus, results):
    below = 0
    for answer in corpus_answers(corpus):
        if answer.kind != "rambling":
            continue
        result = results[answer.id]
        below += result.content_score < results[f"{answer.question}_average"].content_score
        finding = next((n for n in result.non_answers if n.kind == "digresses"), None)
        if finding is not None:
            assert finding.message and finding.quotes and all(q.quote in answer.text for q in finding.quotes)
            breakdown = result.score_breakdown["content"]
            assert breakdown["scaled_by"] == min(round(1 - finding.figure, 3), breakdown["answering_share"])
    # Measured: 10 of 10 with content-v6 (content-v5: 9; t5's relative's story said 报警, now part of the story).
    assert below == 10, below


def test_a_digressing_answer_is_scaled_by_the_share_that_answers():
    """Talk that names no digression cue but says nothing of the question (a colleague who counts fast) is no
    answer either: the answer is scaled by the share that says a rubric point or the question's words."""
    spec = QuestionSpec.from_dict({
        "text": "日终轧账时发现现金少了两百元，你会怎么处理？",
        "competencies": {"合规操作": 1.0},
        "rubric": [{"id": "p1", "text": "及时报告主管", "key_phrases": ["报告主管", "主管"], "competencies": ["合规操作"]}],
    })
    answer = ("我们网点有个同事干了二十多年，点钞特别快，我一直很佩服她。如果真少了钱，我会先跟主管说。"
              "说起来我大学的时候参加过学校的点钞比赛，拿了二等奖。")
    result = score_transcript(text_transcript(answer), spec)
    finding = next(n for n in result.non_answers if n.kind == "digresses")
    breakdown = result.score_breakdown["content"]
    assert breakdown["answering_share"] < round(1 - finding.figure, 3)
    assert breakdown["scaled_by"] == breakdown["answering_share"]
    plain = score_transcript(text_transcript("如果真少了钱，我会先跟主管说。"), spec)
    assert result.content_score < plain.content_score * (1 - finding.figure)


@pytest.mark.parametrize("kind", sorted(NON_ANSWER_KINDS))
def test_non_answers_are_named_with_quotes(corpus, results, kind):
    answers = [a for a in corpus_answers(corpus) if a.kind == kind]
    flagged = 0
    for answer in answers:
        result = results[answer.id]
        findings = {n.kind: n for n in result.non_answers}
        if NON_ANSWER_KINDS[kind] not in findings:
            continue
        flagged += 1
        finding = findings[NON_ANSWER_KINDS[kind]]
        assert finding.message and finding.quotes and all(q.quote in answer.text for q in finding.quotes)
        assert result.content_score <= 15.0 and max(result.competency_scores.values()) <= 15.0
        assert result.score_breakdown["content"]["capped_at"] == 15.0
    # Measured: every keyword string; 7 of 10 restatements (the others restate the question loosely, "时间紧就抓紧
    # 时间", and still score below the average answer).
    assert flagged >= 0.7 * len(answers), (kind, flagged)


def test_graded_answers_carry_no_non_answer_finding(corpus, results):
    flagged = [a.id for a in corpus_answers(corpus) if a.level in (2, 3) and results[a.id].non_answers]
    assert not flagged


def test_a_paraphrased_point_is_credited_with_its_quote(corpus, results):
    # "晚上加了几天班" says 加班 apart; structural requirements credit an action said in other words.
    hit = next(h for h in results["d2_strong"].rubric if h.point_text == "采取的具体行动")
    assert hit.found and hit.match == "split" and hit.matched_text == "加了几天班" and hit.quote
    assert hit.start is not None and hit.end > hit.start
    action = next(r for r in hit.requirements if r["requirement"] == "action")
    assert action["met"] and action["quote"] and action["start"] is not None
    paraphrase = results["d2_paraphrase"]
    assert paraphrase.content_score > results["d2_average"].content_score


def test_scoring_is_deterministic(corpus, specs):
    answer = corpus_answers(corpus)[0]
    first = score_transcript(text_transcript(answer.text), specs[answer.question]).to_dict()
    second = score_transcript(text_transcript(answer.text), specs[answer.question]).to_dict()
    assert json.dumps(first, sort_keys=True, ensure_ascii=False) == json.dumps(second, sort_keys=True, ensure_ascii=False)


def test_kendall_tau_b():
    assert kendall_tau_b([3, 2, 1], [30, 20, 10]) == pytest.approx(1.0)
    assert kendall_tau_b([3, 2, 1], [10, 20, 30]) == pytest.approx(-1.0)
    assert kendall_tau_b([3, 3, 1], [30, 20, 10]) == pytest.approx(2 / (6 ** 0.5), abs=1e-6)


@pytest.mark.slow
def test_recordings_rank_like_their_texts(score_public_recording):
    """A few synthesized recordings end to end through the recogniser (the full run is bench/ranking.py --audio)."""
    scored = {}
    for answer_id in ("t1_strong", "t1_weak", "t1_stuffing"):
        result = score_public_recording(answer_id)
        assert result.status == SCORED, (answer_id, result.reason)
        scored[answer_id] = result
    assert scored["t1_strong"].content_score > scored["t1_weak"].content_score
    assert scored["t1_stuffing"].content_score <= 15.0
    assert any(n.kind == "keyword_string" for n in scored["t1_stuffing"].non_answers)


@pytest.mark.parametrize("suggested", [False, True], ids=["hr_phrases", "suggested_only"])
def test_the_demo_job_ranks_its_corpus_with_suggested_key_phrases_alone(interview_dir, suggested):
    job = load_demo_job(interview_dir / "corpus.json")
    if suggested:
        for question in job["questions"]:
            for point in question["rubric"]:
                point["key_phrases"] = [s.phrase for s in suggest_key_phrases(point["text"], question["text"],
                                                                              job["description"])]
                assert point["key_phrases"]
    specs = demo_question_specs(job)
    items = json.loads((interview_dir / "corpus.json").read_text(encoding="utf-8"))["items"]
    for qid in ("q1", "q2", "q3"):
        text = {i["quality"]: i["transcript"] for i in items if i.get("question") == qid and i["file"] == f"{qid}_{i['quality']}.wav"}
        scores = [score_transcript(text_transcript(text[q]), specs[qid]).content_score for q in ("strong", "average", "weak")]
        assert scores[0] > scores[1] > scores[2], (qid, scores)


HELD_OUT = CORPUS.parent / "heldout.json"


def test_the_held_out_batch_ranks_strong_above_weak():
    """tests/fixtures/interview/heldout.json: 3 questions written before content-v5's changes and not tuned on
    (first look with content-v4: 91.7 %, 2 rambling answers at or above average; content-v5 before the answering
    share: 91.7 %, 1; with it: 91.7 %, 0)."""
    corpus = load_corpus(HELD_OUT)
    assert {q["job"] for q in corpus["questions"].values()} == {"demo", "teller", "wealth"}
    specs = {qid: QuestionSpec.from_dict(dict(question_dict(corpus, qid),
                                              job_description=corpus["jobs"][q["job"]]["description"]))
             for qid, q in corpus["questions"].items()}
    answers = corpus_answers(corpus)
    assert len(answers) == 27
    scores = {a.id: score_transcript(text_transcript(a.text), specs[a.question]).content_score for a in answers}
    report = ranking_report(answers, scores, specs)
    assert report.pairs["strong>weak"] == (6, 6), report.pairs
    correct, total = report.all_pairs
    assert correct / total >= 0.9, report.pairs
    for answer in answers:
        if answer.kind in ("echo", "stuffing", "offtopic", "rambling"):
            assert scores[answer.id] < scores[f"{answer.question}_average"], answer.id


def test_an_answer_restating_the_question_is_not_made_relevant_by_its_words(results):
    """content-v5: the question's own words said back earn no relevance (t4_echo named them all: 11.1 before)."""
    echo = results["t4_echo"]
    assert [n.kind for n in echo.non_answers] == ["restates_question"]
    assert echo.features["relevance"] == 0.0 and echo.content_score < results["t4_average"].content_score


@functools.lru_cache(maxsize=None)
def _score_held_out(path: Path):
    """A held-out batch scored as HR would see it (each question with its job's description): its answers, their
    content scores and the ranking report; its paraphrased answers are checked to say none of HR's phrases. Scored
    once per test process (several tests read the same batch); callers must not change what it returns."""
    corpus = load_corpus(path)
    answers = corpus_answers(corpus)
    for answer in answers:
        if answer.kind == "paraphrase":
            phrases = [k for p in corpus["questions"][answer.question]["rubric"] for k in p["key_phrases"]]
            assert not [k for k in phrases if k in answer.text], answer.id
    specs = {qid: QuestionSpec.from_dict(dict(question_dict(corpus, qid),
                                              job_description=corpus["jobs"][q["job"]]["description"]))
             for qid, q in corpus["questions"].items()}
    # Each batch's scoring (2-3 s) once per run, not once per xdist worker: test_ranking and test_scoring_v10-v16 read
    # the same batches from tests that go to either worker (measured: 11 of 31 batches scored on both, 28 of 113 s).
    scores = once_per_run(f"held-out-scores-{path.name}", lambda: {
        a.id: score_transcript(text_transcript(a.text), specs[a.question]).content_score for a in answers})
    return corpus, answers, scores, ranking_report(answers, scores, specs)


HELD_OUT_2 = CORPUS.parent / "heldout2.json"


def test_the_second_held_out_batch_is_complete_and_ranks_strong_above_weak():
    """tests/fixtures/interview/heldout2.json (session 6): written before content-v6 and scored once after it was final
    (83.3 %, 6/6, 3 adversarial at or above g2's average, whose answer says none of HR's phrases; README). Not tuned
    on: only what held at that first look is checked, so a later change that breaks it is seen."""
    corpus, answers, _scores, report = _score_held_out(HELD_OUT_2)
    assert len(corpus["questions"]) >= 3 and len(answers) == 9 * len(corpus["questions"])
    assert report.pairs["strong>weak"] == (6, 6), report.pairs
    assert report.all_pairs[0] >= 20, report.pairs


HELD_OUT_3 = CORPUS.parent / "heldout3.json"


def test_the_third_held_out_batch_keeps_what_held_at_its_first_look():
    """tests/fixtures/interview/heldout3.json (session 6, second round): written and committed before content-v7 and
    scored once after it was final (91.7 %, 6/6, no adversarial answer at or above its average, with HR's phrases
    and with suggested ones; README). Not tuned on: only what held at that first look is checked."""
    _assert_first_look_holds(HELD_OUT_3, questions=3, strong_weak=6, pairs=22)


def _assert_first_look_holds(path: Path, *, questions: int, strong_weak: int, pairs: int) -> None:
    """A held-out batch still ranks as at its first look: every strong answer above the weak one, at least ``pairs``
    graded pairs right, and no adversarial answer at or above its question's average."""
    corpus, answers, scores, report = _score_held_out(path)
    assert len(corpus["questions"]) == questions and len(answers) == 9 * questions
    assert report.pairs["strong>weak"] == (strong_weak, strong_weak), report.pairs
    assert report.all_pairs[0] >= pairs, report.pairs
    for answer in answers:
        if answer.kind in ("echo", "stuffing", "offtopic", "rambling"):
            assert scores[answer.id] < scores[f"{answer.question}_average"], answer.id


HELD_OUT_4 = CORPUS.parent / "heldout4.json"


def test_the_fourth_held_out_batch_keeps_what_held_at_its_first_look():
    """tests/fixtures/interview/heldout4.json (session 7): written blind (by someone who had not read the scorer) and
    committed before content-v8; scored once after content-v8 was first committed: 87.5 % (28/32), 8/8, no adversarial
    answer at or above its average with HR's phrases, as content-v7 (README). Studied since: only what held then is
    checked."""
    _assert_first_look_holds(HELD_OUT_4, questions=4, strong_weak=8, pairs=28)


def test_answers_said_in_other_words_rank_above_the_average_answer_more_often_than_by_keywords():
    """content-v8 (word vectors): over the public corpus and the four held-out batches (23 questions), the strong answer
    retold without any of HR's phrases scores above the question's average answer in 18 (content-v7: 15); content-v10
    (concreteness weighed more, steps jieba mislabels found): 21."""
    above = total = 0
    for path in (CORPUS, CORPUS.parent / "heldout.json", HELD_OUT_2, HELD_OUT_3, HELD_OUT_4):
        corpus, _answers, scores, _report = _score_held_out(path)
        for qid in corpus["questions"]:
            total += 1
            above += scores[f"{qid}_paraphrase"] > scores[f"{qid}_average"]
    assert total == 23 and above >= 21, (above, total)


HELD_OUT_5 = CORPUS.parent / "heldout5.json"


def test_the_fifth_held_out_batch_keeps_what_held_at_its_first_look():
    """tests/fixtures/interview/heldout5.json (session 7): written blind after content-v8 and scored once (78.1 %, 25/32,
    strong > weak 7/8, 4 adversarial answers at or above their average; README). Only what held then is checked."""
    corpus, answers, _scores, report = _score_held_out(HELD_OUT_5)
    assert len(corpus["questions"]) == 4 and len(answers) == 36
    assert report.pairs["strong>weak"][0] >= 7, report.pairs
    assert report.all_pairs[0] >= 25, report.pairs


def test_the_sixth_held_out_batch_keeps_what_held_at_its_first_look():
    """tests/fixtures/interview/heldout6.json (session 7): written blind after content-v9 and scored once (75.0 %, 24/32,
    strong > weak 8/8, 4 adversarial answers at or above their average; README)."""
    corpus, answers, _scores, report = _score_held_out(CORPUS.parent / "heldout6.json")
    assert len(corpus["questions"]) == 4 and len(answers) == 36
    assert report.pairs["strong>weak"] == (8, 8), report.pairs
    assert report.all_pairs[0] >= 24, report.pairs



# The batches written blind in session 8 and scored once each (README): what held at the first look is kept. Per batch:
# the scorer it was first scored with and its figures then (all pairs, strong > weak, adversarial at or above average).
FIRST_LOOKS_SESSION_8 = {
    "heldout7.json": dict(strong_weak=8, pairs=24, adversarial_free=False),  # content-v10: 24/32, 8/8, 1
    "heldout8.json": dict(strong_weak=6, pairs=22, adversarial_free=True),  # content-v11: 22/32, 6/8, 0
    "heldout9.json": dict(strong_weak=8, pairs=31, adversarial_free=True),  # content-v11: 32/32, 8/8, 0
    "heldout10.json": dict(strong_weak=7, pairs=26, adversarial_free=False),  # content-v11: 26/32, 7/8, 7
    "heldout11.json": dict(strong_weak=7, pairs=23, adversarial_free=False),  # content-v12: 23/32, 7/8, 2
    "heldout12.json": dict(strong_weak=8, pairs=29, adversarial_free=False),  # content-v13: 29/32, 8/8, 2
    # session 9
    "heldout13.json": dict(strong_weak=7, pairs=23, adversarial_free=False),  # content-v14 (and v13): 23/32, 7/8, 4
    "heldout14.json": dict(strong_weak=8, pairs=32, adversarial_free=False),  # content-v14: 32/32, 8/8, 2 (v13: 29/32)
    "heldout15.json": dict(strong_weak=8, pairs=30, adversarial_free=False),  # content-v14: 30/32, 8/8, 3
    # session 10: heldout16-19 first scored with content-v14 and the draft of v15 (its judgment cues) alike, then
    # studied; heldout20-21 written after that and first scored with content-v15
    "heldout16.json": dict(strong_weak=6, pairs=22, adversarial_free=False),  # content-v14: 22/32, 6/8, 6
    "heldout17.json": dict(strong_weak=7, pairs=25, adversarial_free=False),  # content-v14: 25/32, 7/8, 3
    "heldout18.json": dict(strong_weak=7, pairs=23, adversarial_free=False),  # content-v14: 23/32, 7/8, 3
    "heldout19.json": dict(strong_weak=4, pairs=20, adversarial_free=False),  # content-v14: 20/32, 4/8, 1
    "heldout20.json": dict(strong_weak=8, pairs=27, adversarial_free=False),  # content-v15: 27/32, 8/8, 3 (v14: 5)
    "heldout21.json": dict(strong_weak=8, pairs=28, adversarial_free=False),  # content-v15: 28/32, 8/8, 3 (v14: 3)
    # session 11: written blind, first scored with content-v15 and content-v16 in one sitting (v16's figures kept)
    "heldout22.json": dict(strong_weak=6, pairs=24, adversarial_free=False),  # content-v16: 24/32, 6/8, 3 (v15: the same)
    "heldout23.json": dict(strong_weak=8, pairs=30, adversarial_free=False),  # content-v16: 30/32, 8/8, 4 (v15: 28/32)
    "heldout24.json": dict(strong_weak=8, pairs=25, adversarial_free=False),  # content-v16: 25/32, 8/8, 1 (v15: 2 adv.)
    # written blind after heldout22-24 were studied, first scored with content-v15 and content-v16 as shipped
    "heldout25.json": dict(strong_weak=6, pairs=23, adversarial_free=False),  # content-v16: 23/32, 6/8, 1 (v15: 22/32)
    "heldout26.json": dict(strong_weak=6, pairs=24, adversarial_free=False),  # content-v16: 24/32, 6/8, 1 (v15: the same)
    "heldout27.json": dict(strong_weak=8, pairs=30, adversarial_free=False),  # content-v16: 30/32, 8/8, 5 (v15: 28/32, 4)
    # session 12: written blind before heldout25-27 were studied; first scored with content-v16
    # and content-v17 in one sitting (the same figures with both)
    "heldout28.json": dict(strong_weak=7, pairs=23, adversarial_free=False),  # content-v17: 23/32, 7/8, 3
    "heldout29.json": dict(strong_weak=8, pairs=27, adversarial_free=False),  # content-v17: 27/32, 8/8, 6
    "heldout30.json": dict(strong_weak=7, pairs=27, adversarial_free=False),  # content-v17: 27/32, 7/8, 2
    # written blind after content-v17 was committed, before heldout28-30 were studied; first scored with content-v17 and
    # content-v18 in one sitting (the same figures with both)
    "heldout31.json": dict(strong_weak=8, pairs=26, adversarial_free=False),  # content-v18: 26/32, 8/8, 2
    "heldout32.json": dict(strong_weak=7, pairs=27, adversarial_free=False),  # content-v18: 27/32, 7/8, 2
    "heldout33.json": dict(strong_weak=7, pairs=25, adversarial_free=False),  # content-v18: 25/32, 7/8, 1
}


@pytest.mark.parametrize("name", sorted(FIRST_LOOKS_SESSION_8))
def test_the_held_out_batches_of_session_8_keep_what_held_at_their_first_look(name):
    first = FIRST_LOOKS_SESSION_8[name]
    corpus, answers, _scores, report = _score_held_out(CORPUS.parent / name)
    assert len(corpus["questions"]) == 4 and len(answers) == 36
    assert report.pairs["strong>weak"][0] >= first["strong_weak"], report.pairs
    assert report.all_pairs[0] >= first["pairs"], report.pairs
    if first["adversarial_free"]:
        assert not report.adversarial_violations, report.adversarial_violations
