"""Erasure of one candidate's personal data in an organization (PIPL art. 47), legal holds, and the deletion
requests' due dates.

Two phases, so that a crash anywhere loses nothing and leaves nothing: (1) one transaction deletes or empties the
personal rows and lists the stored objects' keys on the tombstone (`ErasureRecord.pending_keys`); (2) after it
commits, the objects are deleted and the tombstone marked done. A re-run of (1) finds nothing more to erase; the
maintenance sweep finishes (2) for a tombstone left pending.

What stays, and why: the append-only AI-score audit rows (hashes, versions, numeric scores and features, no quote;
PIPL art. 55-56 keeps them at least 3 years) and therefore the rows they point at, as pseudonymous stubs (the
application with its state, the answers with their numeric scores); the event log's rows without their free text
(who decided what, when: the human decision behind every rejection stays provable); consent records (notice
version and hash, no content: the lawful basis of what was processed); the requests without their texts; an
onboarding case of a hired candidate (employment, PIPL art. 13(1)2, a separate basis) and the tombstone itself.
"""
from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta

from sqlalchemy import delete, or_, update
from sqlmodel import Session, select

from ..db import after_commit, allow_redaction, session_scope
from ..errors import Conflict, Invalid, NotFound
from ..models import ApplicationState as S
from ..models import Answer, AnswerSegment, AnswerStatus, Application, AuthToken, Candidate, Event, Invitation, utcnow
from ..models.documents import ApplicationDocument
from ..models.erasure import ErasureRecord, ErasureStatus
from ..models.idempotency import IdempotencyRecord
from ..models.notifications import CandidateContact, InAppMessage, NotificationOutbox, SubscribeCredit
from ..models.onboarding import OnboardingCase
from ..models.requests import Accommodation, CandidateRequest, RequestKind
from ..models.results import InterviewResult
from ..models.scheduling import Booking, BookingStatus, BusyTime, InterviewSlot
from ..models.scores import HumanScore
from ..wechat.subscribe import CHINA_TZ
from .applications import ALLOWED_TRANSITIONS, Actor, record_event, refuse_if_erased, transition_application
from .auth import principals_changed
from .invitations import invitation_qr_key

ERASED_NAME = "已删除"
DELETION_DUE_WORKING_DAYS = 15
LEGAL_BASIS = {"candidate": "PIPL art. 47: the candidate's deletion request", "hr": "PIPL art. 47: erased by the organization"}
KEPT = [
    "ai_score_audit: append-only AI-score log (hashes, versions, numeric scores), PIPL art. 55-56, at least 3 years",
    "application and answers as pseudonymous stubs (state, numeric scores) the audit rows point at",
    "event log rows without their free text (who decided what, when)",
    "consent records (notice version and hash, no content)",
    "requests without their texts; this tombstone",
]
KEPT_ONBOARDING = "onboarding case and employee record of a hired candidate (employment contract, PIPL art. 13(1)2)"
# Event data that names no one (ids, versions, counts): kept when an erasure empties the rest.
EVENT_DATA_KEPT = {"answer_id", "question_id", "attempt", "request_id", "request_kind", "status", "scorer_version",
                   "config_hash", "segments", "erasure_id"}
ERASED_RESPONSE = "您的个人数据已删除（视频、音频、转写、简历、联系方式）。依法保留的仅为不含个人信息的评分审计记录。"


def deletion_due_at(filed_at: datetime, *, working_days: int = DELETION_DUE_WORKING_DAYS) -> datetime:
    """The end (China time) of the `working_days`-th weekday after the filing day.

    Counts Monday to Friday only: Chinese public holidays and the weekend make-up working days (调休) are ignored,
    so around the holidays the date is usually a few days early, and a 调休 Saturday inside the window without its
    holiday can make it a day late; the State Council's yearly holiday calendar would make it exact.
    """
    day: date = filed_at.astimezone(CHINA_TZ).date()
    left = working_days
    while left:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return datetime.combine(day, time(23, 59, 59), tzinfo=CHINA_TZ).astimezone(tz=utcnow().tzinfo)


def deadline_fields(*, kind: str, created_at: datetime, status: str, now: datetime | None = None) -> dict:
    """A deletion request's due date and whether it is overdue (None / False for the other kinds)."""
    due = deletion_due_at(created_at) if kind == RequestKind.deletion else None
    return {"due_at": due, "overdue": bool(due and status == "open" and (now or utcnow()) > due)}


def request_view(request: CandidateRequest, *, now: datetime | None = None) -> dict:
    """A request as HR and the candidate see it: a deletion request carries its due date and whether it is overdue."""
    return dict(request.model_dump(), **deadline_fields(kind=request.kind, created_at=request.created_at,
                                                        status=request.status, now=now))


def open_deletion_requests(session: Session, *, organization_id: uuid.UUID, now: datetime | None = None) -> list[dict]:
    """The organization's deletion requests still to process, the most urgent first."""
    rows = session.exec(
        select(CandidateRequest, Application, Candidate)
        .join(Application, Application.id == CandidateRequest.application_id)
        .join(Candidate, Candidate.id == Application.candidate_id)
        .where(Application.organization_id == organization_id, CandidateRequest.kind == RequestKind.deletion,
               CandidateRequest.status == "open")
        .order_by(CandidateRequest.created_at)
    ).all()
    return [dict(request_view(request, now=now), application_id=application.id, candidate_name=candidate.name,
                 legal_hold_reason=application.legal_hold_reason) for request, application, candidate in rows]


# ---------------------------------------------------------------------------------------------------- legal hold

def set_legal_hold(session: Session, *, application: Application, reason: str, actor: Actor) -> Application:
    """Put the application under legal hold: no erasure, no retention purge, until cleared; the reason is shown."""
    reason = reason.strip()
    if len(reason) < 2:
        raise Invalid("give the reason for the hold (a case, a dispute, an authority's request)", reason="hold_reason_required",
                      errors={"reason": ["请填写保留原因"]})
    refuse_if_erased(application)
    application.legal_hold_reason, application.legal_hold_at, application.legal_hold_by = reason, utcnow(), actor.id
    session.add(application)
    record_event(session, application=application, kind="legal_hold_set", actor=actor, reason=reason)
    return application


def clear_legal_hold(session: Session, *, application: Application, actor: Actor) -> Application:
    if application.legal_hold_reason is None:
        raise Conflict("this application is not under legal hold", reason="no_legal_hold")
    application.legal_hold_reason = application.legal_hold_at = application.legal_hold_by = None
    session.add(application)
    record_event(session, application=application, kind="legal_hold_cleared", actor=actor)
    return application


def refuse_if_held(application: Application) -> None:
    if application.legal_hold_reason:
        raise Conflict(f"under legal hold ({application.legal_hold_reason}): nothing may be erased until the hold is cleared",
                       reason="legal_hold", errors={"legal_hold": [application.legal_hold_reason]})


# ------------------------------------------------------------------------------------------------------ erasure

def erase_candidate(session: Session, *, application: Application, actor: Actor, request: CandidateRequest | None = None,
                    now: datetime | None = None) -> ErasureRecord:
    """Phase 1: erase the candidate of `application` across all their applications in its organization.

    Idempotent: a re-run erases what is left (nothing, normally) and returns the same tombstone. 409 `legal_hold`
    (with the hold's reason) when any of the applications is held.
    """
    now = now or utcnow()
    org, candidate_id = application.organization_id, application.candidate_id
    # FOR NO KEY UPDATE: events and segments being inserted meanwhile (they take KEY SHARE) wait for no one.
    applications = list(session.exec(
        select(Application).where(Application.organization_id == org, Application.candidate_id == candidate_id)
        .order_by(Application.created_at).with_for_update(key_share=True).execution_options(populate_existing=True)))
    for each in applications:
        refuse_if_held(each)
    ids = [a.id for a in applications]
    # The answers are locked too: an upload holding one finishes first (and its segment is erased below), or waits
    # and then finds the answer erased (410).
    answers = list(session.exec(select(Answer).where(Answer.application_id.in_(ids))
                                .with_for_update(key_share=True).execution_options(populate_existing=True)))
    counts: dict[str, int] = {}
    keys: list[str] = []

    def count(kind: str, n: int) -> None:
        if n:
            counts[kind] = counts.get(kind, 0) + n

    segments = list(session.exec(select(AnswerSegment).where(AnswerSegment.answer_id.in_([a.id for a in answers]))))
    keys += [s.media_key for s in segments]
    count("answer_segments", len(segments))
    for segment in segments:
        session.delete(segment)
    documents = list(session.exec(select(ApplicationDocument).where(ApplicationDocument.application_id.in_(ids))))
    keys += [d.media_key for d in documents]
    count("documents", len(documents))
    for document in documents:
        session.delete(document)
    invitations = list(session.exec(select(Invitation).where(Invitation.application_id.in_(ids))))
    keys += [invitation_qr_key(i) for i in invitations]  # deleting an absent QR code is a no-op
    count("invitations", len(invitations))
    for invitation in invitations:
        session.delete(invitation)
    session.flush()

    for answer in answers:
        if answer.status == AnswerStatus.erased:
            continue
        count("answers_emptied", 1)
        answer.status, answer.status_reason, answer.status_message = AnswerStatus.erased, None, None
        answer.transcript, answer.segments, answer.figures, answer.evidence = None, [], {}, []
        answer.analysis, answer.timings, answer.integrity = {}, {}, {}
        session.add(answer)
    for result in session.exec(select(InterviewResult).where(InterviewResult.application_id.in_(ids))):
        if result.score or result.proposal or result.feedback:
            count("result_texts", 1)
            result.score, result.proposal, result.feedback = {}, {}, {}
            session.add(result)
    for request_row in session.exec(select(CandidateRequest).where(CandidateRequest.application_id.in_(ids))):
        if request_row.message or (request_row.response and request_row.response != ERASED_RESPONSE):
            count("request_texts", 1)
            request_row.message, request_row.response = "", ERASED_RESPONSE if request_row.status == "done" else ""
            session.add(request_row)

    allow_redaction(session)
    try:
        for event in session.exec(select(Event).where(Event.application_id.in_(ids))):
            kept = {k: v for k, v in (event.data or {}).items() if k in EVENT_DATA_KEPT}
            if event.reason is not None or kept != (event.data or {}):
                count("event_texts", 1)
                event.reason, event.data = None, kept
                session.add(event)
        for score in session.exec(select(HumanScore).where(HumanScore.application_id.in_(ids), HumanScore.comment.is_not(None))):
            count("human_score_comments", 1)
            score.comment = None
            session.add(score)
        session.flush()
    finally:
        session.info.pop("redaction", None)

    count("in_app_messages", _delete(session, delete(InAppMessage).where(
        or_(InAppMessage.application_id.in_(ids), InAppMessage.candidate_id == candidate_id))))
    count("notifications", _delete(session, delete(NotificationOutbox).where(
        or_(NotificationOutbox.application_id.in_(ids), NotificationOutbox.candidate_id == candidate_id))))
    count("sessions", _delete(session, delete(AuthToken).where(AuthToken.application_id.in_(ids))))
    principals_changed(session)  # cached candidate tokens stop working in every process
    count("wechat_contacts", _delete(session, delete(CandidateContact).where(CandidateContact.candidate_id == candidate_id)))
    count("subscribe_credits", _delete(session, delete(SubscribeCredit).where(SubscribeCredit.candidate_id == candidate_id)))
    count("busy_times", _delete(session, delete(BusyTime).where(BusyTime.candidate_id == candidate_id)))
    count("accommodations", _delete(session, delete(Accommodation).where(Accommodation.application_id.in_(ids))))
    for booking in session.exec(select(Booking).where(Booking.application_id.in_(ids), Booking.status == BookingStatus.active,
                                                      Booking.slot_id.is_not(None))):
        session.exec(update(InterviewSlot).where(InterviewSlot.id == booking.slot_id, InterviewSlot.booked > 0)
                     .values(booked=InterviewSlot.booked - 1))  # the seat is free again
    count("bookings", _delete(session, delete(Booking).where(Booking.application_id.in_(ids))))
    principals = [f"candidate:{i}" for i in ids]
    # Stored responses replay what a POST returned: the candidate's own, and HR's that named this candidate.
    mentions = [IdempotencyRecord.response_body.contains(str(i)) for i in [*ids, candidate_id]]
    count("idempotency_records", _delete(session, delete(IdempotencyRecord).where(
        or_(IdempotencyRecord.principal.in_(principals), *mentions))))

    candidate = session.get(Candidate, candidate_id, with_for_update=True)
    if (candidate.name, candidate.phone, candidate.email) != (ERASED_NAME, None, None):
        count("candidate_fields", 1)
        candidate.name, candidate.phone, candidate.email = ERASED_NAME, None, None
        session.add(candidate)

    hired = session.exec(select(OnboardingCase.id).where(OnboardingCase.application_id.in_(ids))).first() is not None
    record = session.exec(select(ErasureRecord).where(ErasureRecord.candidate_id == candidate_id).with_for_update()).first()
    if record is None:
        record = ErasureRecord(
            organization_id=org, candidate_id=candidate_id, request_id=request.id if request else None,
            requested_by="candidate" if request else "hr", requested_at=request.created_at if request else now,
            processed_by=actor.id if actor.type == "hr" else None, started_at=now,
            legal_basis=LEGAL_BASIS["candidate" if request else "hr"],
        )
    erased = dict(record.erased)
    for kind, n in counts.items():
        erased[kind] = erased.get(kind, 0) + n
    record.erased = erased
    record.application_ids = sorted({*record.application_ids, *(str(i) for i in ids)})
    record.kept = KEPT + ([KEPT_ONBOARDING] if hired else [])
    record.pending_keys = sorted({*record.pending_keys, *keys})
    if record.pending_keys or record.status != ErasureStatus.done:
        record.status, record.completed_at = ErasureStatus.objects_pending, None
    session.add(record)
    session.flush()
    for each in applications:
        if each.erased_at is None:
            each.erased_at = now
            session.add(each)
            record_event(session, application=each, kind="candidate_erased", actor=actor, data={"erasure_id": str(record.id)})
            # An erased candidate can no longer be reached, book or answer: the application leaves the pipeline
            # (HR's lists, funnel and nudges) as withdrawn; decisions already made (rejected, hired) stay as they are.
            if S.withdrawn in ALLOWED_TRANSITIONS[S(each.state)]:
                # No free-text reason (a re-run would redact it): the erasure id says why.
                transition_application(session, application=each, to_state=S.withdrawn, actor=actor,
                                       data={"erasure_id": str(record.id)})
    session.flush()
    return record


def _delete(session: Session, statement) -> int:
    return session.exec(statement).rowcount or 0


def delete_erased_objects(session: Session, *, erasure_id: uuid.UUID, storage, now: datetime | None = None) -> ErasureRecord | None:
    """Phase 2: delete the tombstone's pending objects (an absent one counts as deleted) and mark it done."""
    record = session.get(ErasureRecord, erasure_id, with_for_update=True, populate_existing=True)
    if record is None or record.status == ErasureStatus.done:
        return record
    for key in record.pending_keys:
        storage.delete(key)  # raises StorageError on a backend failure: the tombstone stays pending for the sweep
    record.objects_deleted += len(record.pending_keys)
    record.pending_keys, record.status, record.completed_at = [], ErasureStatus.done, now or utcnow()
    session.add(record)
    session.flush()
    return record


def delete_objects_after_commit(session: Session, *, erasure_id: uuid.UUID, storage) -> None:
    """Run phase 2 once phase 1 has committed (a failure leaves the tombstone pending for the maintenance sweep)."""
    def _finish() -> None:
        with session_scope() as own:
            delete_erased_objects(own, erasure_id=erasure_id, storage=storage)

    after_commit(session, _finish)


def pending_erasures(session: Session) -> list[uuid.UUID]:
    return list(session.exec(select(ErasureRecord.id).where(ErasureRecord.status == ErasureStatus.objects_pending)))


# ------------------------------------------------------------------------------------------- deletion requests

def process_deletion_request(session: Session, *, application: Application, request_id: uuid.UUID, actor: Actor,
                             now: datetime | None = None) -> tuple[CandidateRequest, ErasureRecord]:
    """Carry out a candidate's deletion request by erasing their data now (no decision needed); the request and
    the candidate's other open deletion requests are marked done. Re-running it is harmless."""
    request = session.get(CandidateRequest, request_id, with_for_update=True)
    if request is None or request.application_id != application.id:
        raise NotFound("no such request for this application", reason="request_not_found")
    if request.kind != RequestKind.deletion:
        raise Invalid("only a deletion request is carried out by erasing the data", reason="not_a_deletion_request")
    record = erase_candidate(session, application=application, actor=actor, request=request, now=now)
    ids = [uuid.UUID(i) for i in record.application_ids]
    for open_request in session.exec(select(CandidateRequest).where(
            CandidateRequest.application_id.in_(ids), CandidateRequest.kind == RequestKind.deletion,
            CandidateRequest.status == "open")):
        open_request.status, open_request.answered_at, open_request.answered_by = "done", now or utcnow(), actor.id
        open_request.response = ERASED_RESPONSE
        session.add(open_request)
    session.flush()
    session.refresh(request)
    return request, record
