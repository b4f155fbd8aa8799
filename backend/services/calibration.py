"""How well a job's AI scores agree with its human raters, and calibrating the scorer's weights to them (ml.calibration)."""
from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from ml.agreement import AGREEMENT_VERSION, MIN_PAIRS, agreement_by_competency, agreement_report
from ml.calibration import DEFAULT_ALPHA, Sample, apply_weights, fit_calibration

from ..errors import Conflict
from ..models import Answer, AnswerStatus, Application, Job, Question
from ..models.results import InterviewResult
from ..models.scores import AiScoreAudit, CalibrationVersion, HumanScore
from .job_policy import job_policy
from .human_scores import human_answer_scores, human_interview_scores



def adopted_calibration(session: Session, *, job_id: uuid.UUID) -> CalibrationVersion | None:
    """The newest adopted weights of the job, or None (the scorer's own scores count)."""
    return session.exec(select(CalibrationVersion).where(CalibrationVersion.job_id == job_id, CalibrationVersion.adopted)
                        .order_by(CalibrationVersion.version.desc())).first()


def latest_audits(session: Session, *, answer_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, AiScoreAudit]:
    """The newest audit record (the score in force, with its features) per answer."""
    ids = list(answer_ids)
    latest: dict[uuid.UUID, AiScoreAudit] = {}
    if not ids:
        return latest
    for row in session.exec(select(AiScoreAudit).where(AiScoreAudit.answer_id.in_(ids)).order_by(AiScoreAudit.created_at)):
        latest[row.answer_id] = row
    return latest


def calibrated_score(answer: Answer, audit: AiScoreAudit | None, calibration: CalibrationVersion | None) -> float | None:
    """The adopted weights applied to the answer's stored features; None without a calibration or a feature it needs."""
    if calibration is None or answer.status != AnswerStatus.scored:
        return None
    return apply_weights(audit.features if audit else {}, answer.content_score, calibration.feature_names, calibration.weights)


def effective_competency_scores(answer: Answer, audit: AiScoreAudit | None, calibration: CalibrationVersion | None) -> dict:
    """The answer's per-competency AI scores in force: calibrated when the job has adopted weights the answer can use."""
    calibrated = calibrated_score(answer, audit, calibration)
    if calibrated is None:
        return dict(answer.competency_scores or {})
    return {name: calibrated for name in (answer.competency_scores or {})}


def effective_score(answer: Answer, audit: AiScoreAudit | None, calibration: CalibrationVersion | None) -> float | None:
    """The answer's overall AI score in force (None when the AI gave no number)."""
    if answer.status != AnswerStatus.scored or answer.content_score is None:
        return None
    calibrated = calibrated_score(answer, audit, calibration)
    return answer.content_score if calibrated is None else calibrated


def _job_answers(session: Session, *, job: Job) -> tuple[list[Answer], dict[uuid.UUID, Question], list[HumanScore]]:
    questions = {q.id: q for q in session.exec(select(Question).where(Question.job_id == job.id))}
    application_ids = select(Application.id).where(Application.job_id == job.id)
    answers = list(session.exec(select(Answer).where(Answer.application_id.in_(application_ids), Answer.practice == False)))  # noqa: E712
    human = list(session.exec(select(HumanScore).where(HumanScore.application_id.in_(application_ids))))
    return answers, questions, human


def agreement_for_job(session: Session, *, job: Job) -> dict:
    """Per competency, AI vs human on answers and on whole interviews: n, Spearman ρ, ICC(2,1), weighted κ, mean bias."""
    answers, questions, human = _job_answers(session, job=job)
    competencies_of = {a.id: list(questions[a.question_id].competencies) for a in answers}
    by_answer = human_answer_scores(human, competencies_of)
    calibration = adopted_calibration(session, job_id=job.id)
    audits = latest_audits(session, answer_ids=by_answer)
    answer_pairs: dict[str, list] = {name: [] for name in job.competencies}
    overall_pairs = []
    for answer in answers:
        rated = by_answer.get(answer.id)
        if rated is None:
            continue
        ai = effective_competency_scores(answer, audits.get(answer.id), calibration) \
            if answer.status == AnswerStatus.scored else {}
        for name, value in rated["competencies"].items():
            answer_pairs.setdefault(name, []).append((ai.get(name), value))
        overall_pairs.append((effective_score(answer, audits.get(answer.id), calibration), rated["overall"]))
    interview_pairs: dict[str, list] = {name: [] for name in job.competencies}
    for application_id, rated in human_interview_scores(human).items():
        result = session.get(InterviewResult, application_id)
        ai = {name: c.get("score") for name, c in ((result.score or {}).get("competencies") or {}).items()} if result else {}
        for name, value in rated.items():
            interview_pairs.setdefault(name, []).append((ai.get(name), value))
    return {
        "job_id": job.id,
        "version": AGREEMENT_VERSION,
        "min_pairs": MIN_PAIRS,
        "calibration_version": calibration.version if calibration else None,
        "answers": {"overall": _explained(agreement_report(overall_pairs)),
                    "competencies": {n: _explained(r) for n, r in agreement_by_competency(answer_pairs).items()}},
        "interviews": {"competencies": {n: _explained(r) for n, r in agreement_by_competency(interview_pairs).items()}},
    }


def _explained(report: dict) -> dict:
    if not report["enough_data"]:
        report["message"] = f"not enough data: {report['n']} AI–human pair(s), at least {MIN_PAIRS} needed"
    else:
        report["message"] = None
    return report


def min_interviews(job: Job) -> int:
    return job_policy(job).min_interviews


def calibration_samples(session: Session, *, job: Job) -> list[Sample]:
    """Every AI-scored answer of the job that humans scored: stored features, the score in force, the mean human score."""
    answers, questions, human = _job_answers(session, job=job)
    by_answer = human_answer_scores(human, {a.id: list(questions[a.question_id].competencies) for a in answers})
    scored = [a for a in answers if a.id in by_answer and a.status == AnswerStatus.scored and a.content_score is not None]
    calibration = adopted_calibration(session, job_id=job.id)
    audits = latest_audits(session, answer_ids=[a.id for a in scored])
    return [Sample(group=str(a.application_id), features=(audits[a.id].features if a.id in audits else {}) or {},
                   content_score=a.content_score, current_score=effective_score(a, audits.get(a.id), calibration),
                   human_score=by_answer[a.id]["overall"])
            for a in scored]


def run_calibration(session: Session, *, job: Job, created_by: uuid.UUID | None,
                    alpha: float = DEFAULT_ALPHA) -> CalibrationVersion:
    """Fit new weights on part of the human-scored interviews, test them on the rest; keep the version, adopted or not."""
    samples = calibration_samples(session, job=job)
    interviews, needed = len({s.group for s in samples}), min_interviews(job)
    if interviews < needed:
        raise Conflict(f"calibration needs {needed} interviews scored by both the AI and a human; this job has {interviews}",
                       reason="not_enough_human_scores", errors={"interviews": [interviews], "required": [needed]})
    fit = fit_calibration(samples, salt=str(job.id), alpha=alpha)
    last = session.exec(select(func.max(CalibrationVersion.version)).where(CalibrationVersion.job_id == job.id)).one()
    version = CalibrationVersion(
        job_id=job.id, version=(last or 0) + 1, feature_names=fit.feature_names, weights=fit.weights, alpha=fit.alpha,
        adopted=fit.adopt, reason=fit.reason, train_metrics=fit.train_metrics, test_metrics=fit.test_metrics,
        split=fit.split, created_by=created_by,
    )
    try:
        with session.begin_nested():
            session.add(version)
            session.flush()
    except IntegrityError:
        raise Conflict("another calibration of this job ran at the same moment; list the versions and retry",
                       reason="concurrent_calibration") from None
    return version


def list_calibrations(session: Session, *, job_id: uuid.UUID) -> list[CalibrationVersion]:
    return list(session.exec(select(CalibrationVersion).where(CalibrationVersion.job_id == job_id)
                             .order_by(CalibrationVersion.version.desc())))
