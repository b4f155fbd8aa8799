"""Recorded answers: accept an upload, keep its media, and write the scorer's results back."""
from __future__ import annotations

import hashlib
import math
import tempfile
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from ml.scoring import REASON_MESSAGES, SCORER_VERSION

from ..db import after_commit
from ..errors import Conflict, Gone, Invalid, NotFound, PayloadTooLarge
from ..models import Answer, AnswerSegment, AnswerStatus, Application, ApplicationState as S, Question, utcnow
from ..models.results import InterviewResult
from ..models.scores import AiScoreAudit
from .applications import Actor, record_event, refuse_if_erased, transition_application
from .accommodations import accommodation_for
from .booking import active_booking
from .consent import ai_consent_outdated, ai_evaluation_allowed, require_media_consent
from .media import check_media_file, probe_seconds
from .transcripts import forget_segments

ANSWERABLE = {S.invited, S.booked, S.in_progress}
# Mini-program cameras fail beyond ~120 s on some devices, so answers are recorded in segments of at most 120 s.
SEGMENT_MAX_SECONDS = 120
SEGMENT_TOLERANCE_SECONDS = 5
ANSWER_TOLERANCE_SECONDS = 5
# Between the question's release and the start of each segment's upload: device start-up and a slow network.
RECORD_TOLERANCE_SECONDS = 30
EARLY_START = timedelta(minutes=15)  # a booked candidate may start this long before the slot
# Statuses after which the scorer has nothing more to do with an answer.
FINAL = {AnswerStatus.scored, AnswerStatus.insufficient_evidence, AnswerStatus.unreadable, AnswerStatus.failed, AnswerStatus.human_review,
         AnswerStatus.practice}
# An unreadable recording is not the candidate's fault: it does not use up a retake.
COUNTS_AS_ATTEMPT = lambda answer: answer.status != AnswerStatus.unreadable  # noqa: E731
CHUNK = 1024 * 1024


def answers_for(session: Session, *, application_id: uuid.UUID, include_practice: bool = False) -> list[Answer]:
    """An application's answers; practice answers only when asked (they belong to no score, total or HR view)."""
    query = select(Answer).where(Answer.application_id == application_id)
    if not include_practice:
        query = query.where(Answer.practice == False)  # noqa: E712
    return list(session.exec(query.order_by(Answer.question_id, Answer.attempt)))


def latest_answers(answers: list[Answer]) -> dict[uuid.UUID, Answer]:
    """The answer that counts per question: its newest attempt."""
    latest: dict[uuid.UUID, Answer] = {}
    for answer in answers:
        if answer.question_id not in latest or answer.attempt > latest[answer.question_id].attempt:
            latest[answer.question_id] = answer
    return latest


def spool(fileobj: BinaryIO, *, max_bytes: int, directory: Path) -> tuple[Path, int, str]:
    """Copy an upload stream to a temp file, enforcing the size limit; returns (path, size, sha256)."""
    directory.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    tmp = tempfile.NamedTemporaryFile(dir=directory, prefix="answer-", delete=False)
    try:
        with tmp:
            while chunk := fileobj.read(CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise PayloadTooLarge(f"a recording may be at most {max_bytes // (1024 * 1024)} MiB", reason="segment_too_large")
                digest.update(chunk)
                tmp.write(chunk)
        return Path(tmp.name), size, digest.hexdigest()
    except BaseException:
        Path(tmp.name).unlink(missing_ok=True)
        raise


def max_segments(session: Session, *, application_id: uuid.UUID, question: Question,
                 segment_seconds: int = SEGMENT_MAX_SECONDS) -> int:
    """How many segments this candidate's answer to `question` may have: its limit, their extra time, the tolerance."""
    extra_seconds = accommodation_for(session, application_id=application_id).extra_answer_seconds
    return math.ceil((question.answer_seconds + extra_seconds + ANSWER_TOLERANCE_SECONDS) / segment_seconds)


def attempts_allowed(question: Question, extra) -> int:
    """How many times a candidate may start `question`: once, plus its retakes and their accommodation's extra ones."""
    return 1 + question.retakes + extra.extra_retakes


def attempts_used(answers: list[Answer], question_id: uuid.UUID) -> int:
    """Attempts at a question that count against its retakes (an unreadable recording does not)."""
    return sum(1 for a in answers if a.question_id == question_id and COUNTS_AS_ATTEMPT(a))


def candidate_question(session: Session, *, application: Application, question: Question,
                       answers: list[Answer] | None = None, extra=None) -> dict:
    """A question as its candidate sees it: times and retakes with their accommodation, its text only once started.

    The one place that decides what a candidate may read of a question; the interview page, the start of a
    question and any other caller show this, never the question row.
    """
    if answers is None:
        answers = answers_for(session, application_id=application.id, include_practice=True)
    if extra is None:
        extra = accommodation_for(session, application_id=application.id)
    started = any(a.question_id == question.id for a in answers)
    retakes = question.retakes + extra.extra_retakes
    attempts_left = max(attempts_allowed(question, extra) - attempts_used(answers, question.id), 0)
    return {
        "id": question.id, "position": question.position, "practice": question.practice,
        "think_seconds": question.think_seconds + extra.extra_think_seconds,
        "answer_seconds": question.answer_seconds + extra.extra_answer_seconds,
        "retakes": retakes, "attempts_left": attempts_left, "retakes_left": min(attempts_left, retakes),
        "text": question.text if started else None, "started": started,
    }


def candidate_questions(session: Session, *, application: Application, questions: list[Question],
                        answers: list[Answer]) -> list[dict]:
    """`candidate_question` for each of `questions` (`answers`: all the application's, practice included), reading
    the accommodation once."""
    extra = accommodation_for(session, application_id=application.id)
    return [candidate_question(session, application=application, question=q, answers=answers, extra=extra) for q in questions]


def start_question(session: Session, *, application: Application, question_id: uuid.UUID, actor: Actor,
                   now: datetime | None = None, storage=None, segment_seconds: int | None = None) -> tuple[Answer, Question]:
    """Release a question to the candidate: a new attempt whose recording window the server enforces.

    An earlier attempt still recording (never submitted) is given up: its stored segments are removed (the rows now,
    the recordings from `storage` once this commits), so they neither linger nor count against the candidate's quota,
    and it takes no more segments (409 answer_superseded)."""
    now = now or utcnow()
    refuse_if_erased(application)
    if application.state not in ANSWERABLE:
        raise Conflict(f"answers are not accepted while the application is {application.state}", reason="state_not_allowed")
    require_media_consent(session, application=application)
    question = session.get(Question, question_id)
    if question is None or question.job_id != application.job_id:
        raise NotFound("question not found")
    extra = accommodation_for(session, application_id=application.id)
    _check_booked_time(session, application=application, now=now, extra_window_hours=extra.extra_window_hours)
    previous = [a for a in answers_for(session, application_id=application.id, include_practice=True) if a.question_id == question.id]
    if attempts_used(previous, question.id) >= attempts_allowed(question, extra):
        raise Conflict("no retakes left for this question", reason="no_retakes_left")
    _give_up(session, [a for a in previous if a.status == AnswerStatus.recording], storage=storage)
    window = (question.think_seconds + extra.extra_think_seconds + question.answer_seconds + extra.extra_answer_seconds
              + RECORD_TOLERANCE_SECONDS)
    answer = Answer(
        application_id=application.id, question_id=question.id, attempt=max((a.attempt for a in previous), default=0) + 1,
        practice=question.practice, started_at=now, record_by=now + timedelta(seconds=window), segment_seconds=segment_seconds,
    )
    session.add(answer)
    session.flush()
    record_event(session, application=application, kind="question_started", actor=actor,
                 data={"answer_id": str(answer.id), "question_id": str(question.id), "attempt": answer.attempt})
    if application.state != S.in_progress:
        transition_application(session, application=application, to_state=S.in_progress, actor=actor, reason="first question started")
    return answer, question


def _give_up(session: Session, attempts: list[Answer], *, storage) -> None:
    """Remove what never-submitted attempts stored: segment rows now, their recordings after commit."""
    if not attempts:
        return
    segments = list(session.exec(select(AnswerSegment).where(AnswerSegment.answer_id.in_([a.id for a in attempts]))))
    keys = [segment.media_key for segment in segments]
    forget_segments(session, segment_ids=[segment.id for segment in segments])
    for segment in segments:
        session.delete(segment)
    session.flush()
    if storage is not None and keys:
        after_commit(session, lambda: [storage.delete(key) for key in keys])


def _check_booked_time(session: Session, *, application: Application, now: datetime, extra_window_hours: int) -> None:
    """With a booking, questions open only in its time: the slot (from shortly before) or the open window's deadline."""
    booking = active_booking(session, application_id=application.id)
    if booking is None:
        return
    if booking.deadline_at is not None:
        if now > booking.deadline_at + timedelta(hours=extra_window_hours):
            raise Conflict("the window for this interview has closed", reason="window_closed")
        return
    if now < booking.starts_at - EARLY_START:
        raise Conflict("your interview slot has not started yet", reason="slot_not_started")
    if now > booking.ends_at + timedelta(hours=extra_window_hours):
        raise Conflict("your interview slot is over; please reschedule", reason="slot_over")


def recording_answer(session: Session, *, application: Application, answer_id: uuid.UUID, segment_index: int,
                     segment_count: int | None, now: datetime | None = None, lock: bool = False,
                     segment_seconds: int = SEGMENT_MAX_SECONDS) -> tuple[Answer, Question]:
    """The caller's answer that may still take segment `segment_index` of `segment_count` (404/409/422 otherwise).

    A recorder that uploads each segment while it still records does not know the count yet: it leaves it out
    (None) until the last segment, which announces it.
    """
    now = now or utcnow()
    # populate_existing: a row this request read before waiting for the lock is read again (an erasure may have
    # committed meanwhile)
    answer = session.get(Answer, answer_id, with_for_update=lock, populate_existing=lock)
    if answer is None or answer.application_id != application.id:
        raise NotFound("answer not found")
    if answer.status == AnswerStatus.erased:  # a segment arriving after the erasure stores nothing
        raise Gone("this interview's data was erased at the candidate's request", reason="data_erased")
    if application.state not in ANSWERABLE:
        raise Conflict(f"answers are not accepted while the application is {application.state}", reason="state_not_allowed")
    if answer.status != AnswerStatus.recording:
        raise Conflict("this answer is already submitted", reason="answer_submitted")
    if session.exec(select(Answer.id).where(Answer.application_id == application.id, Answer.question_id == answer.question_id,
                                            Answer.attempt > answer.attempt)).first():
        raise Conflict("this attempt was replaced by a retake", reason="answer_superseded")
    require_media_consent(session, application=application)
    question = session.get(Question, answer.question_id)
    segment_seconds = answer.segment_seconds or segment_seconds  # the length this attempt's recorder was told
    most = max_segments(session, application_id=application.id, question=question, segment_seconds=segment_seconds)
    count = segment_count if segment_count is not None else answer.segment_count or most
    if not 1 <= count <= most or not 0 <= segment_index < count:
        raise Invalid(f"segment {segment_index} of {count} is out of range (at most {most} segments)", reason="bad_segment")
    if segment_count is not None and answer.segment_count is not None and answer.segment_count != segment_count:
        raise Invalid(f"this answer was announced with {answer.segment_count} segments", reason="bad_segment")
    if segment_count is not None and answer.segment_count is None and session.exec(select(AnswerSegment.id).where(
            AnswerSegment.answer_id == answer.id, AnswerSegment.index >= segment_count)).first():
        raise Invalid(f"a segment beyond {segment_count} segments is already uploaded", reason="bad_segment")
    if session.exec(select(AnswerSegment.id).where(AnswerSegment.answer_id == answer.id, AnswerSegment.index == segment_index)).first():
        raise Conflict(f"segment {segment_index} is already uploaded", reason="segment_exists")
    return answer, question


def check_candidate_quota(session: Session, *, application_id: uuid.UUID, adding_bytes: int, quota_bytes: int) -> None:
    """All recordings of one candidate stay within `quota_bytes` (413 otherwise), whichever way they are uploaded."""
    stored = session.exec(
        select(func.coalesce(func.sum(AnswerSegment.bytes), 0)).join(Answer, Answer.id == AnswerSegment.answer_id)
        .where(Answer.application_id == application_id)
    ).one()
    if stored + adding_bytes > quota_bytes:
        raise PayloadTooLarge("this interview's recordings exceed the storage allowed per candidate", reason="candidate_quota")


def check_upload_window(answer: Answer, *, now: datetime | None = None) -> None:
    """A recording must have been finished (its upload begun) within think time + answer limit + tolerance."""
    if (now or utcnow()) > answer.record_by:
        raise Conflict("the time for this answer is over; start a retake if one is left", reason="answer_time_over")


def attach_segment(
    session: Session, *, application: Application, answer_id: uuid.UUID, segment_index: int, segment_count: int | None,
    path: Path, sha256: str, storage, actor: Actor, enqueue_scoring: Callable[[uuid.UUID], None], quota_bytes: int,
    segment_seconds: int = SEGMENT_MAX_SECONDS, enqueue_transcription: Callable[[uuid.UUID], None] | None = None,
) -> AnswerSegment:
    """Verify and store one recorded segment; when the answer has all its segments, submit it for scoring once.

    A segment that does not complete its answer is queued for recognition at once (`enqueue_transcription`, when
    given), so that when the answer ends only its last segment is left to recognise; the one that completes it is
    recognised by the scoring itself."""
    answer, question = recording_answer(session, application=application, answer_id=answer_id, segment_index=segment_index,
                                        segment_count=segment_count, lock=True, segment_seconds=segment_seconds)
    segment_seconds = answer.segment_seconds or segment_seconds
    check_candidate_quota(session, application_id=application.id, adding_bytes=path.stat().st_size, quota_bytes=quota_bytes)
    media_type = check_media_file(path)
    seconds = probe_seconds(path)
    if seconds is not None and seconds > segment_seconds + SEGMENT_TOLERANCE_SECONDS:
        raise Invalid(f"a segment may last at most {segment_seconds} s (this one lasts {seconds:.0f} s)", reason="segment_too_long")
    segments = list(session.exec(select(AnswerSegment).where(AnswerSegment.answer_id == answer.id)))
    total = sum(s.duration_seconds or 0 for s in segments) + (seconds or 0)
    limit = question.answer_seconds + accommodation_for(session, application_id=application.id).extra_answer_seconds
    if total > limit + ANSWER_TOLERANCE_SECONDS:
        raise Invalid(f"the answer lasts {total:.0f} s, over the {limit} s limit", reason="answer_too_long")
    with path.open("rb") as fh:
        stored = storage.save(fh, content_type=media_type)
    if stored.sha256 != sha256.lower():
        storage.delete(stored.key)
        raise Invalid("the stored file's SHA-256 does not match the announced checksum", reason="checksum_mismatch")
    segment = AnswerSegment(answer_id=answer.id, index=segment_index, media_key=stored.key, sha256=stored.sha256,
                            bytes=stored.size, media_type=media_type, duration_seconds=seconds)
    session.add(segment)
    if segment_count is not None:
        answer.segment_count = segment_count
    session.add(answer)
    try:
        session.flush()
    except IntegrityError:
        # Another upload of this segment won the race (SQLite takes no row lock): refuse, and keep no orphan object.
        storage.delete(stored.key)
        raise Conflict(f"segment {segment_index} is already uploaded", reason="segment_exists") from None
    if answer.segment_count is not None and len(segments) + 1 == answer.segment_count:
        _submit(session, application=application, answer=answer, total_seconds=total, actor=actor, enqueue_scoring=enqueue_scoring)
    elif enqueue_transcription is not None and not answer.practice and ai_evaluation_allowed(session, application=application):
        segment_id = segment.id
        after_commit(session, lambda: enqueue_transcription(segment_id))
    return segment


def _submit(session: Session, *, application: Application, answer: Answer, total_seconds: float, actor: Actor,
            enqueue_scoring: Callable[[uuid.UUID], None]) -> None:
    answer.status, answer.submitted_at, answer.duration_seconds = AnswerStatus.uploaded, utcnow(), round(total_seconds, 2)
    record_event(session, application=application, kind="answer_uploaded", actor=actor,
                 data={"answer_id": str(answer.id), "question_id": str(answer.question_id), "attempt": answer.attempt,
                       "segments": answer.segment_count})
    if answer.practice:
        answer.status = AnswerStatus.practice  # never scored: no job is queued, no score, no total
        session.add(answer)
        return
    if not ai_evaluation_allowed(session, application=application):
        # The candidate declined automated evaluation: a human reviews this answer, no scoring job is ever queued.
        answer.status, answer.status_reason = AnswerStatus.human_review, "ai_evaluation_declined"
        session.add(answer)
        return
    session.add(answer)
    answer_id = answer.id
    after_commit(session, lambda: enqueue_scoring(answer_id))


def segments_of(session: Session, *, answer_id: uuid.UUID) -> list[AnswerSegment]:
    return list(session.exec(select(AnswerSegment).where(AnswerSegment.answer_id == answer_id).order_by(AnswerSegment.index)))


def start_processing(session: Session, *, answer_id: uuid.UUID) -> Answer | None:
    """Claim an answer for scoring; None when it is gone, still recording or already final (the job is idempotent)."""
    answer = session.get(Answer, answer_id, with_for_update=True)
    if answer is None or answer.status in FINAL or answer.status in (AnswerStatus.recording, AnswerStatus.erased):
        return None
    answer.status = AnswerStatus.processing
    answer.attempts_processed += 1
    session.add(answer)
    session.flush()
    return answer


def _unless_erased(session: Session, answer_id: uuid.UUID) -> Answer | None:
    """The answer a scoring job writes back to, locked; None when it is gone or was erased while the job ran."""
    answer = session.get(Answer, answer_id, with_for_update=True, populate_existing=True)
    return None if answer is None or answer.status == AnswerStatus.erased else answer


def record_unreadable(session: Session, *, answer_id: uuid.UUID, reason: str, message: str) -> None:
    answer = _unless_erased(session, answer_id)
    if answer is None:
        return
    answer.status, answer.status_reason, answer.status_message = AnswerStatus.unreadable, reason, message
    answer.scored_at = utcnow()
    session.add(answer)
    application = session.get(Application, answer.application_id)
    record_event(session, application=application, kind="answer_unreadable", actor=Actor.system(), reason=reason,
                 data={"answer_id": str(answer.id), "message": message})
    if application.state == S.completed:
        transition_application(session, application=application, to_state=S.in_progress, actor=Actor.system(),
                               reason="an answer could not be read; a retake is offered")


def record_failure(session: Session, *, answer_id: uuid.UUID, reason: str, message: str) -> None:
    answer = _unless_erased(session, answer_id)
    if answer is None:
        return
    answer.status, answer.status_reason, answer.status_message = AnswerStatus.failed, reason, message[:2000]
    session.add(answer)
    application = session.get(Application, answer.application_id)
    record_event(session, application=application, kind="answer_failed", actor=Actor.system(), reason=reason,
                 data={"answer_id": str(answer.id)})


# Evidence beyond the rubric: STAR parts and connectives, relevance, feature values, score breakdown (scorer v2);
# concreteness, non-answer findings and the homophones corrected in the transcript (v3).
ANALYSIS_KEYS = ("structure", "relevance", "features", "score_breakdown", "specificity", "non_answers",
                 "transcript_corrections")


def record_score(session: Session, *, answer_id: uuid.UUID, result: dict, duration_seconds: float | None,
                 integrity: dict | None = None) -> Answer | None:
    """Write the scorer's result (a dict from ml.scoring.AnswerScore.to_dict) and its evidence onto the answer;
    None (nothing written) when the answer was erased while it was being scored."""
    answer = _unless_erased(session, answer_id)
    if answer is None:
        return None
    transcript = result.get("transcript") or {}
    answer.status = AnswerStatus.scored if result["status"] == "scored" else AnswerStatus.insufficient_evidence
    answer.status_reason = result.get("reason")
    # What the candidate reads about a refused answer (what to do on the retake); nothing for a scored one.
    answer.status_message = REASON_MESSAGES.get(answer.status_reason) if answer.status_reason else None
    answer.duration_seconds = duration_seconds
    answer.transcript = transcript.get("text")
    answer.segments = transcript.get("segments", [])
    answer.asr_engine = transcript.get("engine")
    answer.figures = result.get("figures", {})
    answer.evidence = result.get("rubric", [])
    answer.analysis = {key: result.get(key) for key in ANALYSIS_KEYS if result.get(key) is not None}
    if transcript.get("raw_text"):  # what the recogniser wrote before the homophone correction, for audit
        answer.analysis["raw_transcript"] = transcript["raw_text"]
    answer.content_score = result.get("content_score")
    answer.competency_scores = result.get("competency_scores") or {}
    answer.scorer_version = result.get("scorer_version")
    answer.config_hash = result.get("config_hash")
    answer.timings = result.get("timings", {})
    answer.integrity = integrity or {}
    answer.scored_at = utcnow()
    session.add(answer)
    application = session.get(Application, answer.application_id)
    _audit_score(session, answer=answer, application=application, features=result.get("features") or {})
    record_event(session, application=application, kind="answer_scored", actor=Actor.system(), reason=answer.status_reason,
                 data={"answer_id": str(answer.id), "status": answer.status, "scorer_version": answer.scorer_version,
                       "config_hash": answer.config_hash})
    return answer


def _audit_score(session: Session, *, answer: Answer, application: Application, features: dict) -> AiScoreAudit:
    """Append the audit record of one AI score: its input, scorer and config version, and output."""
    inputs = hashlib.sha256("".join(s.sha256 for s in segments_of(session, answer_id=answer.id)).encode()).hexdigest()
    transcript = hashlib.sha256(answer.transcript.encode()).hexdigest() if answer.transcript is not None else None
    record = AiScoreAudit(
        organization_id=application.organization_id, application_id=application.id, answer_id=answer.id,
        input_sha256=inputs, transcript_sha256=transcript, scorer_version=answer.scorer_version,
        config_hash=answer.config_hash, asr_engine=answer.asr_engine, status=answer.status, reason=answer.status_reason,
        content_score=answer.content_score, competency_scores=dict(answer.competency_scores), features=dict(features),
    )
    session.add(record)
    return record


# An answer HR may have rescored: one the scorer has finished with (a refusal or a failure included), while the
# application is still undecided; its current score stays in the AI-score audit trail with its scorer version.
RESCORABLE = {AnswerStatus.scored, AnswerStatus.insufficient_evidence, AnswerStatus.failed}
RESCORE_STATES = {S.in_progress, S.completed, S.scored}
MAX_RESCORE_REASON = 500


def request_rescore(session: Session, *, answer: Answer, application: Application, actor: Actor,
                    enqueue_scoring: Callable[[uuid.UUID], None], reason: str | None = None) -> Answer:
    """Queue the answer for scoring again by the current scorer; the audit log records who asked, why, and the
    score (with its scorer and config version) that the new one will follow. 409 when the answer or the
    application cannot be rescored."""
    if answer.status in (AnswerStatus.recording, AnswerStatus.uploaded, AnswerStatus.processing):
        raise Conflict("this answer is still being recorded or scored", reason="scoring_in_progress")
    if answer.status == AnswerStatus.human_review:
        raise Conflict("the candidate declined automated evaluation: a human reviews this answer",
                       reason="ai_evaluation_declined")
    if answer.status not in RESCORABLE:
        raise Conflict(f"an answer that is {answer.status} cannot be rescored", reason="not_rescorable")
    if application.state not in RESCORE_STATES:
        raise Conflict(f"the application is {application.state}: its scores are no longer changed",
                       reason="state_not_allowed")
    result = session.get(InterviewResult, application.id)
    if result is not None and result.released_at is not None:
        raise Conflict("the result was released to the candidate: its scores are no longer changed",
                       reason="result_released")
    if not ai_evaluation_allowed(session, application=application):
        # A new AI notice (a new scorer version lists its features anew) needs the candidate's consent again.
        if ai_consent_outdated(session, application=application):
            raise Conflict("the candidate consented to an earlier AI notice: a rescore needs their consent to the "
                           "current one", reason="ai_consent_outdated")
        raise Conflict("the candidate has withdrawn consent to automated evaluation", reason="ai_evaluation_declined")
    reason = (reason or "").strip() or None
    if reason is not None and len(reason) > MAX_RESCORE_REASON:
        raise Invalid(f"the reason may be at most {MAX_RESCORE_REASON} characters", reason="bad_reason")
    record_event(session, application=application, kind="answer_rescore_requested", actor=actor, reason=reason,
                 data={"answer_id": str(answer.id), "question_id": str(answer.question_id),
                       "previous": {"status": answer.status, "scorer_version": answer.scorer_version,
                                    "config_hash": answer.config_hash, "content_score": answer.content_score,
                                    "scored_at": answer.scored_at.isoformat() if answer.scored_at else None},
                       "scorer_version": SCORER_VERSION})
    answer.status, answer.status_reason, answer.status_message = AnswerStatus.uploaded, None, None
    session.add(answer)
    answer_id = answer.id
    after_commit(session, lambda: enqueue_scoring(answer_id))
    return answer
