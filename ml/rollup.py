"""Roll answer scores up to competencies and the interview; advance proposals; the candidate's feedback.

Per competency: the weighted mean of the scored answers, weighted by the question→competency weights.
Overall: the job-weighted mean over the competencies that have a score, renormalised over them; no
number when less than half of the job's competency weight is covered. Every number lists the parts
it was formed from, so HR can see how it came about. A competency without scored evidence has no
number, only the reason. The AI only ever proposes to *advance*; it never proposes a rejection.
"""
from __future__ import annotations

import hashlib
import json
import math
from dataclasses import asdict, dataclass, field
from typing import Mapping, Sequence

# rollup-v2: a 待提升 competency puts no band line under the candidate's strengths (feedback_report).
ROLLUP_VERSION = "rollup-v2"

# The same strings as ``ml.scoring`` (not imported: that module pulls in the audio stack).
SCORED = "scored"
INSUFFICIENT_EVIDENCE = "insufficient_evidence"

# Why a competency has no number (``CompetencyScore.detail``).
NOT_MEASURED = "not_measured"  # no question of the interview measures it
NO_SCORED_ANSWER = "no_scored_answer"  # questions measure it, but none of their answers was scored
# Why the interview has no overall number (``InterviewScore.detail``).
LOW_COVERAGE = "low_coverage"

# Below this share of the job's competency weight with a score, there is no overall score.
MIN_COVERAGE = 0.5
_EPS = 1e-9

DEFAULT_AUTO_ADVANCE_SCORE = 80.0
ADVANCE = "advance"
# The only decision the AI may ever propose (PIPL art. 24, EU AI Act art. 14: no automated rejection).
ALLOWED_DECISIONS = frozenset({ADVANCE})
PROPOSE = "propose"  # HR confirms
AUTO_ADVANCE = "auto_advance"  # the job's explicit, logged opt-in

# Coarse bands: the only form in which a score reaches the candidate.
BAND_EXCELLENT = "优秀"
BAND_GOOD = "良好"
BAND_IMPROVE = "待提升"
BAND_FLOORS: tuple[tuple[float, str], ...] = ((80.0, BAND_EXCELLENT), (60.0, BAND_GOOD), (0.0, BAND_IMPROVE))
NO_EVIDENCE_TEXT = "录音证据不足，未作评价"


@dataclass(frozen=True)
class AnswerResult:
    """What the roll-up needs of one scored (or refused) answer."""

    question_id: str
    status: str  # "scored" | "insufficient_evidence" | anything else counts as not scored
    competency_scores: Mapping[str, float] | None = None
    reason: str | None = None  # why the answer was not scored, passed on to HR

    @classmethod
    def from_answer_score(cls, question_id: str, answer) -> "AnswerResult":
        """From an ``ml.scoring.AnswerScore`` (or anything with status, reason, competency_scores)."""
        return cls(question_id, answer.status, answer.competency_scores, answer.reason)


@dataclass
class Contribution:
    """One part of a weighted mean: ``points`` = ``share`` × ``score``; the points sum to the result."""

    source: str  # a question id (for a competency) or a competency name (for the overall score)
    score: float
    weight: float  # the weight as configured
    share: float  # weight / sum of the weights that were used
    points: float


@dataclass
class Excluded:
    """An answer that measures a competency but did not count, and why."""

    question_id: str
    weight: float
    reason: str | None


@dataclass
class CompetencyScore:
    name: str
    score: float | None
    status: str  # "scored" | "insufficient_evidence"
    reason: str | None  # "insufficient_evidence" when there is no number
    detail: str | None  # NOT_MEASURED | NO_SCORED_ANSWER
    job_weight: float
    contributions: list[Contribution] = field(default_factory=list)
    excluded: list[Excluded] = field(default_factory=list)


@dataclass
class InterviewScore:
    overall: float | None
    status: str  # "scored" | "insufficient_evidence"
    reason: str | None
    detail: str | None  # LOW_COVERAGE
    covered_weight_share: float  # share of the job's competency weight that has a score
    min_coverage: float
    competencies: dict[str, CompetencyScore]
    contributions: list[Contribution]  # competency → overall
    rollup_version: str
    config_hash: str

    def to_dict(self) -> dict:
        """JSON-serialisable form."""
        return asdict(self)


@dataclass(frozen=True)
class Proposal:
    """A proposal to advance the candidate; a rejection cannot be constructed."""

    decision: str  # always "advance"
    action: str  # "propose" (HR confirms) | "auto_advance" (per-job opt-in; the caller logs it)
    overall: float
    threshold: float
    requires_confirmation: bool
    reason: str
    rollup_version: str = ROLLUP_VERSION

    def __post_init__(self):
        if self.decision not in ALLOWED_DECISIONS:
            raise ValueError(f"the AI may only propose {sorted(ALLOWED_DECISIONS)}, not {self.decision!r}")
        if self.action not in (PROPOSE, AUTO_ADVANCE):
            raise ValueError(f"unknown action {self.action!r}")

    def to_dict(self) -> dict:
        """JSON-serialisable form."""
        return asdict(self)


def rollup_config_hash(
    questions: Mapping[str, Mapping], job_competencies: Mapping[str, float], min_coverage: float = MIN_COVERAGE
) -> str:
    """sha256 of the canonical JSON of the roll-up version and every weight it uses."""
    canonical = {
        "rollup_version": ROLLUP_VERSION,
        "min_coverage": min_coverage,
        "job_competencies": {k: float(v) for k, v in job_competencies.items()},
        "questions": {
            str(qid): {k: float(v) for k, v in q["competencies"].items()} for qid, q in questions.items()
        },
    }
    blob = json.dumps(canonical, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def roll_up_interview(
    answers: Sequence[AnswerResult],
    questions: Mapping[str, Mapping],
    job_competencies: Mapping[str, float],
    *,
    min_coverage: float = MIN_COVERAGE,
) -> InterviewScore:
    """Competency scores and the overall score of one interview, each with its contributions.

    ``questions`` maps question id → ``{"competencies": {name: weight}, ...}``; ``answers`` holds at
    most one result per question (the attempt that counts); ``job_competencies`` maps name → weight.
    """
    job = {name: _weight(w, f"job weight of {name!r}") for name, w in job_competencies.items()}
    if sum(job.values()) <= 0:
        raise ValueError("the job's competency weights sum to zero")
    if not 0.0 <= min_coverage <= 1.0:
        raise ValueError("min_coverage must lie in [0, 1]")
    q_weights: dict[str, dict[str, float]] = {}
    for qid, q in questions.items():
        q_weights[str(qid)] = {
            name: _weight(w, f"weight of {name!r} in question {qid!r}") for name, w in q["competencies"].items()
        }
    seen: set[str] = set()
    for a in answers:
        if a.question_id not in q_weights:
            raise ValueError(f"answer to unknown question {a.question_id!r}")
        if a.question_id in seen:
            raise ValueError(f"more than one result for question {a.question_id!r}; pass the attempt that counts")
        seen.add(a.question_id)

    names = list(job) + sorted({n for w in q_weights.values() for n in w} - set(job))
    competencies = {name: _roll_up_competency(name, job.get(name, 0.0), answers, q_weights) for name in names}

    total = sum(job.values())
    covered = [c for c in competencies.values() if c.score is not None and c.job_weight > 0]
    covered_weight = sum(c.job_weight for c in covered)
    coverage = covered_weight / total
    digest = rollup_config_hash(questions, job, min_coverage)
    if covered_weight <= 0 or coverage < min_coverage - _EPS:
        return InterviewScore(
            overall=None,
            status=INSUFFICIENT_EVIDENCE,
            reason=INSUFFICIENT_EVIDENCE,
            detail=LOW_COVERAGE,
            covered_weight_share=round(coverage, 4),
            min_coverage=min_coverage,
            competencies=competencies,
            contributions=[],
            rollup_version=ROLLUP_VERSION,
            config_hash=digest,
        )
    # Renormalised over the covered competencies; the exact (unrounded) competency means are used.
    exact = {c.name: sum(p.points for p in c.contributions) for c in covered}
    contributions = _weighted([(c.name, exact[c.name], c.job_weight) for c in covered])
    overall = sum(p.points for p in contributions)
    for p in contributions:
        p.score = round(p.score, 2)
    return InterviewScore(
        overall=round(overall, 1),
        status=SCORED,
        reason=None,
        detail=None,
        covered_weight_share=round(coverage, 4),
        min_coverage=min_coverage,
        competencies=competencies,
        contributions=contributions,
        rollup_version=ROLLUP_VERSION,
        config_hash=digest,
    )


def _roll_up_competency(
    name: str, job_weight: float, answers: Sequence[AnswerResult], q_weights: Mapping[str, Mapping[str, float]]
) -> CompetencyScore:
    parts: list[tuple[str, float, float]] = []
    excluded: list[Excluded] = []
    for a in answers:
        w = q_weights[a.question_id].get(name, 0.0)
        if w <= 0:
            continue
        scores = a.competency_scores or {}
        if a.status != SCORED:
            excluded.append(Excluded(a.question_id, w, a.reason or a.status))
        elif name not in scores or scores[name] is None:
            excluded.append(Excluded(a.question_id, w, "no_score_for_competency"))
        else:
            parts.append((a.question_id, _score(scores[name], f"{a.question_id}/{name}"), w))
    if not parts:
        measured = any(w.get(name, 0.0) > 0 for w in q_weights.values())
        return CompetencyScore(
            name=name,
            score=None,
            status=INSUFFICIENT_EVIDENCE,
            reason=INSUFFICIENT_EVIDENCE,
            detail=NO_SCORED_ANSWER if measured else NOT_MEASURED,
            job_weight=job_weight,
            contributions=[],
            excluded=excluded,
        )
    contributions = _weighted(parts)
    return CompetencyScore(
        name=name,
        score=round(sum(p.points for p in contributions), 1),
        status=SCORED,
        reason=None,
        detail=None,
        job_weight=job_weight,
        contributions=contributions,
        excluded=excluded,
    )


def _weighted(parts: list[tuple[str, float, float]]) -> list[Contribution]:
    """(source, score, weight) → contributions whose unrounded points sum to the weighted mean."""
    total = sum(w for _, _, w in parts)
    return [Contribution(src, s, w, w / total, s * w / total) for src, s, w in parts]


def _weight(value, what: str) -> float:
    w = float(value)
    if not math.isfinite(w) or w < 0:
        raise ValueError(f"{what} must be a finite non-negative number, got {value!r}")
    return w


def _score(value, what: str) -> float:
    s = float(value)
    if not math.isfinite(s) or not 0.0 <= s <= 100.0:
        raise ValueError(f"score {what} must lie in [0, 100], got {value!r}")
    return s


def propose(
    score: InterviewScore,
    thresholds: Mapping[str, float] | None = None,
    *,
    shadow: bool = False,
    auto_advance_opt_in: bool = False,
) -> Proposal | None:
    """A proposal to advance when the overall score reaches the threshold, else None.

    Never a rejection of any kind: a low score yields no proposal, and HR decides. No proposal in
    shadow mode or without an overall score. With the job's explicit opt-in the action is
    "auto_advance", which the caller must log; otherwise HR confirms the proposal.
    """
    threshold = float((thresholds or {}).get("auto_advance_score", DEFAULT_AUTO_ADVANCE_SCORE))
    if not math.isfinite(threshold) or not 0.0 <= threshold <= 100.0:
        raise ValueError(f"auto_advance_score must lie in [0, 100], got {threshold!r}")
    if shadow or score.status != SCORED or score.overall is None:
        return None
    if score.overall < threshold:
        return None
    auto = bool(auto_advance_opt_in)
    return Proposal(
        decision=ADVANCE,
        action=AUTO_ADVANCE if auto else PROPOSE,
        overall=score.overall,
        threshold=threshold,
        requires_confirmation=not auto,
        reason=f"综合得分 {score.overall:g} ≥ 推进阈值 {threshold:g}",
        rollup_version=score.rollup_version,
    )


# ---------------------------------------------------------------------------------------------------
# Candidate feedback

# Concrete suggestions per competency (plain Chinese, about what to say, never about who one is).
SUGGESTIONS: dict[str, tuple[str, ...]] = {
    "沟通能力": (
        "回答时先说结论，再用“首先/其次/最后”展开。",
        "讲清楚你说了什么、对方如何回应，让听的人能跟上过程。",
    ),
    "问题解决": (
        "按“问题是什么—原因是什么—你采取了哪些步骤—结果如何”的顺序讲述。",
        "说明你考虑过的方案以及为什么选择了最终方案。",
    ),
    "客户导向": (
        "先讲你如何了解客户的真实需求，再讲你为客户做了什么。",
        "补充事后如何跟进，以及客户的反馈。",
    ),
    "风险意识": (
        "说明你识别出了哪些风险、依据的是哪条规定或流程。",
        "讲清楚你如何在守住规定的前提下，为对方提供可行的替代办法。",
    ),
    "团队协作": (
        "讲清楚团队如何分工、你承担了哪一部分。",
        "举例说明你如何与同事沟通协调、一起克服困难。",
    ),
    "学习能力": (
        "举一个你在短时间内掌握新知识或新技能的具体例子。",
        "说明你用了什么方法学习，以及学完后如何用在工作中。",
    ),
    "专业知识": (
        "结合具体业务场景讲解相关知识点，而不只是列举名词。",
        "说明这些知识在你过去的工作或学习中是如何用上的。",
    ),
    "领导力": (
        "讲清楚你如何设定目标、分配任务并推动团队完成。",
        "说明你如何帮助团队成员解决困难。",
    ),
}
GENERIC_SUGGESTIONS: tuple[str, ...] = (
    "用“情境—任务—行动—结果”的结构讲述一个具体经历，重点讲你本人做了什么。",
    "在结果部分尽量给出具体、可核实的成果，例如完成了什么、改进了什么。",
)

# How a behavioural story could be told better, per STAR part the scorer did not find in it (in STAR order).
STAR_TIPS: dict[str, str] = {
    "situation": "讲述经历时，先用一两句话交代当时的背景。",
    "task": "说明你当时要完成的任务或要解决的问题。",
    "action": "多讲你本人具体做了什么、怎么做的，而不只是团队或别人做了什么。",
    "result": "最后讲清结果，最好给出具体、可核实的成果（例如用了多长时间、解决了什么问题）。",
}

# The line a band puts first under "what went well". A 待提升 band has none: "有可取之处，但还有较多要点没有谈到" stood
# there before, a gap shown as a strength, naming nothing the candidate did well; what is missing is said under the
# gaps, and what was said well is listed point by point (谈到了“…”), so a competency with nothing found shows no
# strengths at all.
_STRENGTH_BY_BAND = {
    BAND_EXCELLENT: "{name}：回答内容充分，覆盖了题目关注的主要方面。",
    BAND_GOOD: "{name}：回答覆盖了较多要点。",
}


def band(score: float | None) -> str | None:
    """The coarse band (优秀/良好/待提升) of a 0–100 score; None without a score."""
    if score is None:
        return None
    for floor, name in BAND_FLOORS:
        if score >= floor:
            return name
    return BAND_IMPROVE


def feedback_report(
    score: InterviewScore,
    competency_texts: Mapping[str, Sequence[str] | Mapping[str, Sequence[str]]] | None = None,
    *,
    suggestions: Mapping[str, Sequence[str]] | None = None,
    missing_star_parts: Sequence[str] = (),
) -> dict:
    """The candidate's feedback: strengths, gaps and suggestions per competency, in plain Chinese.

    ``competency_texts`` maps a competency to the rubric point texts the candidate missed (a list),
    or to ``{"found": [...], "missed": [...]}``. ``suggestions`` overrides the default suggestions
    per competency (HR-authored). ``missing_star_parts`` names the STAR parts ("situation", "task",
    "action", "result") the candidate's behavioural answers left out; each becomes one storytelling tip.
    The report holds only coarse bands: no numbers, no model internals, no comparison with anyone else.
    Competencies without scored evidence get no judgement.
    """
    texts = competency_texts or {}
    custom = suggestions or {}
    items = []
    for comp in score.competencies.values():
        found, missed = _found_missed(texts.get(comp.name))
        if comp.score is None:
            items.append(
                {
                    "competency": comp.name,
                    "evaluated": False,
                    "band": None,
                    "note": NO_EVIDENCE_TEXT,
                    "strengths": [],
                    "gaps": [],
                    "suggestions": [],
                }
            )
            continue
        level = band(comp.score)
        strengths = [line.format(name=comp.name) for line in (_STRENGTH_BY_BAND.get(level),) if line]
        strengths += [f"谈到了“{t}”。" for t in found]
        gaps = [f"可以补充“{t}”方面的内容。" for t in missed]
        if level != BAND_EXCELLENT and not missed:
            gaps.append(f"{comp.name}方面的回答还可以更具体、更完整。")
        tips = list(custom.get(comp.name) or SUGGESTIONS.get(comp.name) or GENERIC_SUGGESTIONS)
        items.append(
            {
                "competency": comp.name,
                "evaluated": True,
                "band": level,
                "note": None,
                "strengths": strengths,
                "gaps": gaps,
                "suggestions": tips if (gaps or level != BAND_EXCELLENT) else tips[:1],
            }
        )
    overall = (
        {"evaluated": True, "band": band(score.overall), "note": None}
        if score.overall is not None
        else {"evaluated": False, "band": None, "note": "录音证据不足，未作整体评价"}
    )
    return {
        "overall": overall,
        "competencies": items,
        "storytelling": [tip for part, tip in STAR_TIPS.items() if part in set(missing_star_parts)],
        "about": "本反馈只依据你本次面试回答的内容，供你参考；最终结果由招聘人员审核决定。",
    }


def _found_missed(value) -> tuple[list[str], list[str]]:
    if value is None:
        return [], []
    if isinstance(value, Mapping):
        return [str(t) for t in value.get("found", ())], [str(t) for t in value.get("missed", ())]
    if isinstance(value, str):
        return [], [value]
    return [], [str(t) for t in value]
