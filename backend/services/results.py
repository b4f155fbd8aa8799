"""The interview result: roll the scored answers up (ml.rollup), propose (never reject), release to the candidate."""
from __future__ import annotations

from sqlmodel import Session, select

from ml.rollup import AUTO_ADVANCE, AnswerResult, feedback_report, propose, roll_up_interview

from ..errors import Conflict, NotFound
from ..models import AnswerStatus, Application, ApplicationState as S, Job, Question, utcnow
from ..models.results import InterviewResult
from ..models.scores import CalibrationVersion
from .job_policy import job_policy
from .answers import COUNTS_AS_ATTEMPT, FINAL, answers_for, latest_answers
from .calibration import adopted_calibration, calibrated_score, effective_competency_scores, latest_audits
from .applications import Actor, record_event, transition_application
from .notifications import notify

DECIDED = {S.advanced, S.rejected, S.hired}


def compute_result(session: Session, *, application: Application) -> InterviewResult:
    """Roll up the newest answer of each question; a proposal to advance is recorded as an event for HR."""
    job = session.get(Job, application.job_id)
    questions = {q.id: q for q in session.exec(select(Question).where(Question.job_id == job.id))}
    latest = latest_answers(answers_for(session, application_id=application.id))
    calibration = adopted_calibration(session, job_id=job.id)
    audits = latest_audits(session, answer_ids=[a.id for a in latest.values()]) if calibration else {}
    inputs = [AnswerResult(question_id=str(qid), status=a.status, reason=a.status_reason,
                           competency_scores=effective_competency_scores(a, audits.get(a.id), calibration) or None)
              for qid, a in latest.items()]
    score = roll_up_interview(inputs, {str(q.id): {"competencies": q.competencies} for q in questions.values()},
                              job.competencies)
    texts, missing_star = _feedback_evidence(latest, questions)
    policy = job_policy(job)
    # Shadow mode: the scores are computed and shown to HR, but the AI proposes nothing until agreement is shown.
    shadow = policy.shadow_mode
    proposal = propose(score, policy.rollup_thresholds(), shadow=shadow, auto_advance_opt_in=policy.auto_advance)
    result = session.get(InterviewResult, application.id) or InterviewResult(
        application_id=application.id, status=score.status, rollup_version=score.rollup_version, config_hash=score.config_hash)
    result.overall, result.status = score.overall, score.status
    result.score = dict(score.to_dict(), shadow_mode=shadow, calibration=_calibration_note(calibration, latest, audits))
    result.proposal = proposal.to_dict() if proposal else {}
    result.feedback = feedback_report(score, texts, missing_star_parts=missing_star)
    result.rollup_version, result.config_hash, result.computed_at = score.rollup_version, score.config_hash, utcnow()
    session.add(result)
    session.flush()
    record_event(session, application=application, kind="interview_scored", actor=Actor.system(), reason=score.reason,
                 data={"overall": score.overall, "status": score.status, "rollup_version": score.rollup_version,
                       "shadow_mode": shadow, "calibration_version": calibration.version if calibration else None})
    if proposal and proposal.action == AUTO_ADVANCE and application.state == S.scored:
        # The job's explicit, logged opt-in; a rejection is never automatic.
        transition_application(session, application=application, to_state=S.advanced, actor=Actor.system(),
                               reason=proposal.reason, data={"automatic": True, "opt_in": "job.thresholds.auto_advance",
                                                             **proposal.to_dict()})
        if policy.auto_release:
            release_result(session, application=application, actor=Actor.system())
    elif proposal:
        record_event(session, application=application, kind="advance_proposed", actor=Actor.system(), reason=proposal.reason,
                     data=proposal.to_dict())
    return result


def _feedback_evidence(latest: dict, questions: dict) -> tuple[dict[str, dict[str, list[str]]], list[str]]:
    """Rubric points found and missed per competency (a tagged point counts only for its competencies), and the STAR
    parts that some scored behavioural answer left out."""
    texts: dict[str, dict[str, list[str]]] = {}
    missing_star: set[str] = set()
    for qid, answer in latest.items():
        question = questions[qid]
        tags = {point.get("id"): point.get("competencies") or [] for point in question.rubric or []}
        for point in answer.evidence or []:
            for competency in tags.get(point.get("point_id")) or question.competencies:
                entry = texts.setdefault(competency, {"found": [], "missed": []})
                entry["found" if point.get("found") else "missed"].append(point["point_text"])
        structure = (answer.analysis or {}).get("structure") or {}
        if answer.status == "scored" and structure.get("behavioural"):
            missing_star.update(part["part"] for part in structure.get("star", []) if not part.get("found"))
    return texts, sorted(missing_star)


def _calibration_note(calibration: CalibrationVersion | None, latest: dict, audits: dict) -> dict | None:
    """Which adopted weights changed which answer's score (the scorer's own score beside the calibrated one)."""
    if calibration is None:
        return None
    answers = {str(qid): {"ai": a.content_score, "calibrated": calibrated_score(a, audits.get(a.id), calibration)}
               for qid, a in latest.items() if a.status == "scored"}
    return {"version": calibration.version, "id": str(calibration.id), "feature_names": calibration.feature_names,
            "weights": calibration.weights, "answers": answers}


def release_result(session: Session, *, application: Application, actor: Actor, send_message: bool = True) -> InterviewResult:
    """Let the candidate see the decision (通过 / 未通过) and the feedback report, and tell them (unless a decision
    message already does)."""
    if application.state not in DECIDED:
        raise Conflict("a result is released after a human decision (advance, reject or hire)", reason="no_decision")
    result = session.get(InterviewResult, application.id)
    if result is None:
        result = InterviewResult(application_id=application.id, status="human_review", rollup_version="-", config_hash="-")
    result.released_at = utcnow()
    session.add(result)
    session.flush()
    record_event(session, application=application, kind="result_released", actor=actor)
    if send_message:
        notify(session, application=application, template="result_available", actor=actor, dedupe_key=f"result:{application.id}")
    return result


def released_result(session: Session, *, application: Application) -> dict:
    result = session.get(InterviewResult, application.id)
    if result is None or result.released_at is None:
        raise NotFound("no result has been released yet", reason="result_not_released")
    passed = application.state in (S.advanced, S.hired)
    return {"outcome": "passed" if passed else "not_passed", "label": "通过" if passed else "未通过",
            "released_at": result.released_at, "feedback": result.feedback}


def finish_interview(session: Session, *, application: Application, actor: Actor) -> Application:
    """The candidate declares the interview done; every question needs a usable answer first."""
    if application.state != S.in_progress:
        raise Conflict(f"an interview cannot be finished while the application is {application.state}", reason="state_not_allowed")
    questions = set(session.exec(select(Question.id).where(Question.job_id == application.job_id, Question.practice == False)))  # noqa: E712
    latest = latest_answers(answers_for(session, application_id=application.id))
    # a newest attempt still recording (started, never submitted) would keep the interview from ever being scored
    unsent = {q for q, a in latest.items() if q in questions and a.status == AnswerStatus.recording}
    if unsent:
        raise Conflict(f"{len(unsent)} answer(s) are still being recorded or uploaded: submit or retake them first",
                       reason="answer_not_submitted", errors={"question_ids": sorted(str(q) for q in unsent)})
    answered = {q for q, a in latest.items() if COUNTS_AS_ATTEMPT(a)}
    missing = questions - answered
    if missing:
        raise Conflict(f"{len(missing)} question(s) still need an answer", reason="unanswered_questions",
                       errors={"question_ids": sorted(str(q) for q in missing)})
    transition_application(session, application=application, to_state=S.completed, actor=actor, reason="candidate finished")
    notify(session, application=application, template="answers_received", actor=actor, values={"submitted_at": utcnow()},
           dedupe_key=f"answers_received:{application.id}")
    complete_if_processed(session, application=application)
    return application


def refresh_if_rescored(session: Session, *, application: Application) -> InterviewResult | None:
    """After HR had an answer rescored: roll the result up again once every newest answer is final (only while the
    application is 已评分 and the result not yet released; the earlier roll-up stays in the event log)."""
    if application.state != S.scored:
        return None
    result = session.get(InterviewResult, application.id)
    if result is not None and result.released_at is not None:
        return None
    latest = latest_answers(answers_for(session, application_id=application.id))
    if not (latest and all(a.status in FINAL for a in latest.values())):
        return None
    return compute_result(session, application=application)


def complete_if_processed(session: Session, *, application: Application) -> InterviewResult | None:
    """Once the candidate finished and every newest answer is processed: 已评分, and the result rolled up (once).

    Called when the candidate finishes, and by the scoring job after it records each answer's outcome."""
    if application.state != S.completed:
        return None
    latest = latest_answers(answers_for(session, application_id=application.id))
    ai_processed = any(a.status != AnswerStatus.human_review for a in latest.values())
    if not (latest and ai_processed and all(a.status in FINAL for a in latest.values())):
        return None
    transition_application(session, application=application, to_state=S.scored, actor=Actor.system(), reason="every answer processed")
    return compute_result(session, application=application)
