"""Human scores of answers and interviews (revisions are new rows), and the AI-score audit trail HR may read."""
from __future__ import annotations

import math
import uuid
from collections.abc import Iterable, Mapping

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from ..errors import Conflict, Invalid, NotFound
from ..models import Answer, AnswerStatus, Application, ApplicationState as S, Job, Question
from ..models.scores import AiScoreAudit, HumanScore, HumanScoreScope
from .applications import Actor, record_event

# Who may score: interviewers are the raters; admins and recruiters may score too.
SCORER_ROLES = ("admin", "recruiter", "interviewer")
# An interview is scored as a whole once the candidate has finished it.
INTERVIEW_SCORABLE = {S.completed, S.scored, S.advanced, S.rejected, S.hired}
MAX_COMMENT = 2000


def get_answer(session: Session, *, organization_id: uuid.UUID, answer_id: uuid.UUID) -> tuple[Answer, Application]:
    """An answer of the caller's organization, not a practice one (404 otherwise), with its application."""
    answer = session.get(Answer, answer_id)
    application = answer and session.get(Application, answer.application_id)
    if application is None or application.organization_id != organization_id or answer.practice:
        raise NotFound("answer not found")  # a practice answer is the candidate's own: never scored by anyone
    return answer, application


def check_competency_scores(scores: dict | None, *, allowed: Iterable[str], what: str) -> dict[str, float]:
    """Competencies of ``what`` with 0–100 scores; a 422 names each one that is not."""
    allowed = set(allowed)
    cleaned, errors = {}, {}
    for name, value in (scores or {}).items():
        if name not in allowed:
            errors[name] = [f"not a competency of {what} (it measures: {', '.join(sorted(allowed)) or 'none'})"]
        elif not _is_score(value):
            errors[name] = ["must be a number from 0 to 100"]
        else:
            cleaned[name] = float(value)
    if errors:
        raise Invalid(f"competency scores do not fit {what}: {', '.join(sorted(errors))}", reason="bad_competency_score",
                      errors={"competency_scores": errors})
    return cleaned


def _is_score(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and 0 <= value <= 100


def record_answer_score(session: Session, *, answer: Answer, application: Application, scorer_id: uuid.UUID,
                        overall: float | None = None, competency_scores: dict | None = None,
                        comment: str | None = None) -> HumanScore:
    """A rater's score of one answer (overall and/or per competency of its question); a second call is a revision."""
    if answer.status == AnswerStatus.recording:
        raise Conflict("this answer is still being recorded; there is nothing to score yet", reason="answer_not_submitted")
    question = session.get(Question, answer.question_id)
    scores = check_competency_scores(competency_scores, allowed=question.competencies, what="this question")
    if overall is not None and not _is_score(overall):
        raise Invalid("overall must be a number from 0 to 100", reason="bad_score", errors={"overall": ["0 to 100"]})
    if overall is None and not scores:
        raise Invalid("give an overall score, competency scores, or both", reason="empty_score",
                      errors={"overall": ["missing"], "competency_scores": ["missing"]})
    return _append(session, application=application, scorer_id=scorer_id, scope=HumanScoreScope.answer, subject_id=answer.id,
                   answer_id=answer.id, overall=None if overall is None else float(overall), competency_scores=scores,
                   comment=comment)


def record_interview_score(session: Session, *, application: Application, scorer_id: uuid.UUID, competency_scores: dict,
                           comment: str | None = None) -> HumanScore:
    """A rater's score of the whole interview per competency of the job; a second call is a revision."""
    if application.state not in INTERVIEW_SCORABLE:
        raise Conflict(f"an interview is scored once it is completed (the application is {application.state})",
                       reason="state_not_allowed")
    job = session.get(Job, application.job_id)
    scores = check_competency_scores(competency_scores, allowed=job.competencies, what="this job")
    if not scores:
        raise Invalid("give a score for at least one competency", reason="empty_score", errors={"competency_scores": ["missing"]})
    return _append(session, application=application, scorer_id=scorer_id, scope=HumanScoreScope.interview,
                   subject_id=application.id, answer_id=None, overall=None, competency_scores=scores, comment=comment)


def _append(session: Session, *, application: Application, scorer_id: uuid.UUID, scope: str, subject_id: uuid.UUID,
            answer_id: uuid.UUID | None, overall: float | None, competency_scores: dict, comment: str | None) -> HumanScore:
    comment = (comment or "").strip() or None
    if comment and len(comment) > MAX_COMMENT:
        raise Invalid(f"a comment may have at most {MAX_COMMENT} characters", reason="comment_too_long")
    last = session.exec(select(func.max(HumanScore.revision)).where(
        HumanScore.scorer_id == scorer_id, HumanScore.subject_id == subject_id)).one()
    row = HumanScore(organization_id=application.organization_id, application_id=application.id, answer_id=answer_id,
                     scope=scope, subject_id=subject_id, scorer_id=scorer_id, revision=(last or 0) + 1, overall=overall,
                     competency_scores=competency_scores, comment=comment)
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        raise Conflict("this score was revised at the same moment; reload and try again", reason="concurrent_revision") from None
    record_event(session, application=application, kind="human_scored", actor=Actor("hr", scorer_id),
                 data={"scope": scope, "answer_id": str(answer_id) if answer_id else None, "revision": row.revision,
                       "human_score_id": str(row.id)})
    return row


def scores_for(session: Session, *, application_id: uuid.UUID, answer_id: uuid.UUID | None = None) -> list[HumanScore]:
    """Every revision, oldest first: of one answer, or of the whole application (answers and interview)."""
    query = select(HumanScore).where(HumanScore.application_id == application_id)
    if answer_id is not None:
        query = query.where(HumanScore.answer_id == answer_id)
    return list(session.exec(query.order_by(HumanScore.created_at, HumanScore.revision)))


def current_only(rows: Iterable[HumanScore]) -> list[HumanScore]:
    """The newest revision per (rater, subject): the scores that count."""
    newest: dict[tuple[uuid.UUID, uuid.UUID], HumanScore] = {}
    for row in rows:
        key = (row.scorer_id, row.subject_id)
        if key not in newest or row.revision > newest[key].revision:
            newest[key] = row
    return list(newest.values())


def with_current_flag(rows: list[HumanScore]) -> list[dict]:
    current = {row.id for row in current_only(rows)}
    return [dict(row.model_dump(), current=row.id in current) for row in rows]


def audit_trail(session: Session, *, answer_id: uuid.UUID) -> list[AiScoreAudit]:
    """Every AI score the answer ever received, oldest first."""
    return list(session.exec(select(AiScoreAudit).where(AiScoreAudit.answer_id == answer_id)
                             .order_by(AiScoreAudit.created_at)))


def human_answer_scores(rows: Iterable[HumanScore], competencies_of: Mapping[uuid.UUID, Iterable[str]]) -> dict[uuid.UUID, dict]:
    """Per answer, the raters' current scores averaged: {"overall": mean, "competencies": {name: mean}}.

    A rater's overall is the mean of their competency scores when they gave none; a rater who gave only an
    overall score stands for each competency the question measures (``competencies_of[answer_id]``) with
    it, as the scorer, too, judges an answer's content once for all of them.
    """
    overall: dict[uuid.UUID, list[float]] = {}
    per_competency: dict[uuid.UUID, dict[str, list[float]]] = {}
    for row in current_only(r for r in rows if r.scope == HumanScoreScope.answer):
        values = row.competency_scores or {}
        rater_overall = row.overall if row.overall is not None else _mean(list(values.values()))
        overall.setdefault(row.answer_id, []).append(rater_overall)
        by_name = per_competency.setdefault(row.answer_id, {})
        for name in competencies_of.get(row.answer_id, values):
            value = values.get(name, row.overall)
            if value is not None:
                by_name.setdefault(name, []).append(value)
    return {answer_id: {"overall": _mean(values), "competencies": {n: _mean(v) for n, v in per_competency[answer_id].items()}}
            for answer_id, values in overall.items()}


def human_interview_scores(rows: Iterable[HumanScore]) -> dict[uuid.UUID, dict[str, float]]:
    """Per application, the raters' current interview scores averaged per competency."""
    lists: dict[uuid.UUID, dict[str, list[float]]] = {}
    for row in current_only(r for r in rows if r.scope == HumanScoreScope.interview):
        for name, value in (row.competency_scores or {}).items():
            lists.setdefault(row.application_id, {}).setdefault(name, []).append(value)
    return {app_id: {n: _mean(v) for n, v in by_name.items()} for app_id, by_name in lists.items()}


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None

