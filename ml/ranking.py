"""How well the scorer ranks a graded answer corpus: pairwise accuracy, Kendall τ, adversarial answers vs average."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Callable

from ml.asr import AsrSegment, Transcript
from ml.scoring import QuestionSpec
from ml.text import cjk_count, split_clauses

# Level names of the graded answers (higher is better); adversarial answers have no level.
LEVEL_NAMES = {3: "strong", 2: "average", 1: "weak"}
# Characters per second of unhurried spoken Mandarin (about 240 a minute), to time a written answer.
SPOKEN_CHARS_PER_SECOND = 4.0


@dataclass(frozen=True)
class CorpusAnswer:
    id: str
    question: str
    kind: str  # strong | average | weak | paraphrase | fillers | echo | stuffing | offtopic | rambling
    text: str
    level: int | None  # 3 strong, 2 average, 1 weak; None for an adversarial answer
    audio: str | None = None


@dataclass
class RankingReport:
    """Pairwise accuracy (overall, per pair kind, per question, per competency), τ, adversarial check."""

    answers: int
    questions: int
    pairs: dict[str, tuple[int, int]]  # "strong>weak" -> (correct, total)
    per_question: dict[str, tuple[int, int]]
    per_competency: dict[str, tuple[int, int]]
    tau: dict[str, float]
    adversarial_violations: list[str] = field(default_factory=list)  # "d1_echo 41.0 > d1_average 38.0"
    refused: list[str] = field(default_factory=list)

    @property
    def all_pairs(self) -> tuple[int, int]:
        return (sum(c for c, _ in self.pairs.values()), sum(t for _, t in self.pairs.values()))


def load_corpus(path: Path) -> dict:
    """The corpus JSON (jobs, questions with rubric, answers)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def corpus_answers(corpus: dict) -> list[CorpusAnswer]:
    """Every answer of the corpus, in file order."""
    return [
        CorpusAnswer(a["id"], a["question"], a["kind"], a["text"], a.get("level"), a.get("audio"))
        for a in corpus["answers"]
    ]


def question_dict(corpus: dict, qid: str, *, key_phrases: Callable[[dict, dict], list[str]] | None = None) -> dict:
    """A corpus question in the job/API dict form; ``key_phrases(point, question)`` may replace HR's phrases."""
    q = corpus["questions"][qid]
    rubric = []
    for i, point in enumerate(q["rubric"], 1):
        phrases = key_phrases(point, q) if key_phrases else list(point["key_phrases"])
        rubric.append({
            "id": f"{qid}.p{i}", "text": point["text"], "key_phrases": phrases, "weight": point.get("weight", 1.0),
            "competencies": list(point.get("competencies", [])), "requires": list(point.get("requires", [])),
        })
    return {"id": qid, "text": q["text"], "competencies": dict(q["competencies"]), "rubric": rubric,
            "behavioural": q.get("behavioural"), "min_speech_seconds": 3.0}


def text_transcript(text: str, *, chars_per_second: float = SPOKEN_CHARS_PER_SECOND) -> Transcript:
    """A written answer as the recogniser would return it: one segment per clause, timed by its length."""
    segments, clock = [], 0.0
    for clause in split_clauses(text):
        seconds = max(cjk_count(clause), 1) / chars_per_second
        segments.append(AsrSegment(round(clock, 2), round(clock + seconds, 2), clause, 0.9))
        clock += seconds
    return Transcript(text=text, segments=segments, language="zh", engine="text", duration=round(clock, 2))


def kendall_tau_b(x: list[float], y: list[float]) -> float:
    """Kendall's τ-b between two orderings (ties allowed in both)."""
    concordant = discordant = ties_x = ties_y = 0
    for i, j in combinations(range(len(x)), 2):
        dx, dy = x[i] - x[j], y[i] - y[j]
        if dx == 0 and dy == 0:
            continue
        if dx == 0:
            ties_x += 1
        elif dy == 0:
            ties_y += 1
        elif (dx > 0) == (dy > 0):
            concordant += 1
        else:
            discordant += 1
    denominator = ((concordant + discordant + ties_x) * (concordant + discordant + ties_y)) ** 0.5
    return (concordant - discordant) / denominator if denominator else 0.0


def ranking_report(
    answers: list[CorpusAnswer], scores: dict[str, float | None], specs: dict[str, QuestionSpec]
) -> RankingReport:
    """Compare ``scores`` (answer id -> content score, None when refused) with the intended levels."""
    pairs: dict[str, list[int]] = {}
    per_question: dict[str, list[int]] = {}
    per_competency: dict[str, list[int]] = {}
    tau, violations = {}, []
    refused = [a.id for a in answers if scores.get(a.id) is None]
    by_question: dict[str, list[CorpusAnswer]] = {}
    for answer in answers:
        by_question.setdefault(answer.question, []).append(answer)
    for qid, group in by_question.items():
        graded = [a for a in group if a.level is not None and scores.get(a.id) is not None]
        for a, b in combinations(graded, 2):
            if a.level == b.level:
                continue
            hi, lo = (a, b) if a.level > b.level else (b, a)
            correct = int(scores[hi.id] > scores[lo.id])
            for bucket, key in ((pairs, f"{LEVEL_NAMES[hi.level]}>{LEVEL_NAMES[lo.level]}"), (per_question, qid),
                                *((per_competency, c) for c in specs[qid].competencies)):
                counts = bucket.setdefault(key, [0, 0])
                counts[0] += correct
                counts[1] += 1
        if len(graded) > 1:
            tau[qid] = round(kendall_tau_b([a.level for a in graded], [scores[a.id] for a in graded]), 3)
        averages = [a for a in group if a.kind == "average" and scores.get(a.id) is not None]
        for adversarial in (a for a in group if a.level is None):
            score = scores.get(adversarial.id)
            for average in averages:
                if score is not None and score >= scores[average.id]:
                    violations.append(f"{adversarial.id} {score:.1f} ≥ {average.id} {scores[average.id]:.1f}")
    as_tuples = lambda d: {k: (v[0], v[1]) for k, v in sorted(d.items())}  # noqa: E731
    return RankingReport(
        answers=len(answers), questions=len(by_question), pairs=as_tuples(pairs), per_question=as_tuples(per_question),
        per_competency=as_tuples(per_competency), tau=tau, adversarial_violations=violations, refused=refused,
    )
