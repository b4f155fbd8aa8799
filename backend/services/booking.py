"""Interview slots, bookings and busy times: seats are taken by one conditional UPDATE, never read-then-write.

Concurrency rules, on PostgreSQL and SQLite alike:
* a seat is taken only by `UPDATE interview_slot SET booked = booked + 1 WHERE id = :id AND booked < capacity`
  (rowcount 1 or the slot is full), in the request's transaction; a CHECK constraint backs it up. It is the
  transaction's last statement (`db.last_statement`: after the request's other writes, its idempotency record
  included), so the slot's row lock, which every booker of that slot queues on, is held only until the commit;
  reads before it (slot full? busy?) only refuse early, they never decide a seat;
* every change to one application's booking first locks that application (a row lock on PostgreSQL,
  the database write lock, i.e. BEGIN IMMEDIATE, on SQLite), so its state and booking are read fresh;
* a partial unique index allows one active booking per application;
* a reschedule touches its two slots in id order, so crossing reschedules cannot deadlock.
"""
from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import psycopg
import sqlalchemy as sa
from sqlalchemy import delete, exists, func, insert, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import make_transient_to_detached
from sqlmodel import Session, select

from ..db import last_statement
from ..errors import Conflict, Invalid, NotFound
from ..models import Application, ApplicationState as S, Candidate, Event, Job, Organization, utcnow
from ..models.notifications import CandidateContact
from ..models.scheduling import (
    Booking, BookingKind, BookingStatus, BusyTime, InterviewSlot, ScheduleMode, SchedulePolicy, SlotFormat,
)
from .analytics import day_start
from .applications import Actor, record_event, transition_application
from .notifications import Recipient, cancel_reminder, notify, plan_reminder

MAX_SLOT_HOURS = 24
MAX_BUSY_TIMES = 200
MAX_BUSY_DAYS = 31
POLICY_FIELDS = ("mode", "window_hours", "reschedule_cutoff_hours", "max_reschedules")
SLOT_FIELDS = ("starts_at", "ends_at", "capacity", "format", "location")


@dataclass(frozen=True)
class RescheduleAllowance:
    """What a booking may still do under its job's policy: reschedules left, and until when (the cut-off)."""

    left: int
    until: datetime | None


def reschedule_allowance(booking: Booking, policy: SchedulePolicy) -> RescheduleAllowance:
    """The one reschedule rule: an active slot booking, within `max_reschedules`, before `reschedule_cutoff_hours`
    ahead of its start. `reschedule` enforces it and the candidate's booking view shows it."""
    if booking.kind != BookingKind.slot or booking.status != BookingStatus.active:
        return RescheduleAllowance(left=0, until=None)
    return RescheduleAllowance(left=max(policy.max_reschedules - booking.reschedule_count, 0),
                               until=booking.starts_at - timedelta(hours=policy.reschedule_cutoff_hours))


@dataclass(frozen=True)
class BookingDetails:
    """A booking with what a caller shows beside it: its slot (none for an open window) and the job's policy."""

    booking: Booking
    slot: InterviewSlot | None
    policy: SchedulePolicy

    @property
    def reschedule(self) -> RescheduleAllowance:
        return reschedule_allowance(self.booking, self.policy)


@dataclass(frozen=True)
class Offer:
    """What a candidate may book: slots, or an open window."""

    mode: str
    policy: SchedulePolicy
    slots: list[InterviewSlot]
    window_opens_at: datetime | None = None
    window_closes_at: datetime | None = None


# -- policy -------------------------------------------------------------------------------------------------

def get_policy(session: Session, *, job: Job) -> SchedulePolicy:
    """The job's scheduling policy; an unsaved default when HR never set one."""
    return _default_policy(session, job.id, job.organization_id, only_if_known=True) \
        or session.get(SchedulePolicy, job.id) or _default_policy(session, job.id, job.organization_id)


def _default_policy(session: Session, job_id: uuid.UUID, organization_id: uuid.UUID, *,
                    only_if_known: bool = False) -> SchedulePolicy | None:
    # Remembered for the session, so that a job without a policy row is looked up once per request.
    defaults = session.info.setdefault("default_schedule_policies", {})
    if job_id not in defaults and not only_if_known:
        defaults[job_id] = SchedulePolicy(job_id=job_id, organization_id=organization_id)
    return defaults.get(job_id)


def set_policy(session: Session, *, job: Job, actor: Actor, data: dict) -> SchedulePolicy:
    policy = get_policy(session, job=job)
    for name in POLICY_FIELDS:
        if name in data:
            setattr(policy, name, data[name])
    _one_of(ScheduleMode, policy.mode, field="mode")
    if policy.window_hours < 1 or policy.reschedule_cutoff_hours < 0 or policy.max_reschedules < 0:
        raise Invalid("window_hours must be ≥ 1; cut-off and reschedules ≥ 0", reason="bad_policy")
    policy.updated_by, policy.updated_at = actor.id, utcnow()
    session.add(policy)
    try:
        session.flush()
    except IntegrityError:  # two first-time PUTs on one job at once
        raise Conflict("the policy was changed concurrently; retry", reason="concurrent_change") from None
    _log(session, organization_id=job.organization_id, kind="schedule_policy_set", actor=actor,
         data={"job_id": str(job.id), **{name: getattr(policy, name) for name in POLICY_FIELDS}})
    return policy


# -- HR: slots ----------------------------------------------------------------------------------------------

def _utc_times(data: dict) -> dict:
    """The same fields with starts_at/ends_at in UTC; naive times are refused (422)."""
    data = dict(data)
    for name in ("starts_at", "ends_at"):
        if name in data:
            if data[name].tzinfo is None:
                raise Invalid("times need a UTC offset (ISO 8601, e.g. 2026-05-01T14:00:00+08:00)", reason="naive_datetime",
                              errors={name: ["needs an offset"]})
            data[name] = data[name].astimezone(timezone.utc)
    return data


def _check_interval(starts_at: datetime, ends_at: datetime, *, max_length: timedelta, what: str) -> None:
    if ends_at <= starts_at:
        raise Invalid(f"a {what} must end after it starts", reason="ends_before_start", errors={"ends_at": ["not after starts_at"]})
    if ends_at - starts_at > max_length:
        raise Invalid(f"a {what} may last at most {max_length}", reason="too_long", errors={"ends_at": ["too long"]})


def _one_of(choices, value: str, *, field: str) -> None:
    if value not in {choice.value for choice in choices}:
        raise Invalid(f"{field} must be one of: {', '.join(c.value for c in choices)}", errors={field: ["unknown value"]})


def create_slot(session: Session, *, job: Job, actor: Actor, data: dict, now: datetime | None = None) -> InterviewSlot:
    now = now or utcnow()
    fields = _utc_times({name: data[name] for name in SLOT_FIELDS if name in data})
    _check_interval(fields["starts_at"], fields["ends_at"], max_length=timedelta(hours=MAX_SLOT_HOURS), what="slot")
    if fields["starts_at"] <= now:
        raise Invalid("a slot must start in the future", reason="slot_in_past", errors={"starts_at": ["in the past"]})
    if fields.get("capacity", 1) < 1:
        raise Invalid("capacity must be at least 1", reason="bad_capacity", errors={"capacity": ["< 1"]})
    _one_of(SlotFormat, fields.get("format", SlotFormat.online), field="format")
    slot = InterviewSlot(organization_id=job.organization_id, job_id=job.id, created_by=actor.id, **fields)
    session.add(slot)
    session.flush()
    _log(session, organization_id=job.organization_id, kind="slot_created", actor=actor, data=_slot_data(slot))
    return slot


def list_slots(session: Session, *, job: Job, starts_after: datetime | None = None, starts_before: datetime | None = None):
    """The query for a job's slots in time order (the caller paginates)."""
    query = select(InterviewSlot).where(InterviewSlot.job_id == job.id)
    if starts_after is not None:
        query = query.where(InterviewSlot.starts_at >= starts_after)
    if starts_before is not None:
        query = query.where(InterviewSlot.starts_at < starts_before)
    return query.order_by(InterviewSlot.starts_at, InterviewSlot.id)


def get_slot(session: Session, *, job: Job, slot_id: uuid.UUID) -> InterviewSlot:
    slot = session.get(InterviewSlot, slot_id, populate_existing=True)
    if slot is None or slot.job_id != job.id:
        raise NotFound("slot not found")
    return slot


def slot_bookings(session: Session, *, slot: InterviewSlot) -> list[tuple[Booking, Candidate]]:
    """The slot's active bookings with their candidates, first booked first."""
    return _active_bookings(session, [slot.id])


def _active_bookings(session: Session, slot_ids: list[uuid.UUID]) -> list[tuple[Booking, Candidate]]:
    return list(session.exec(
        select(Booking, Candidate).join(Application, Application.id == Booking.application_id)
        .join(Candidate, Candidate.id == Application.candidate_id)
        .where(Booking.slot_id.in_(slot_ids), Booking.status == BookingStatus.active).order_by(Booking.created_at)
    ).all())


def slots_with_bookings(session: Session, *, job: Job, starts_after: datetime, starts_before: datetime
                        ) -> list[tuple[InterviewSlot, list[tuple[Booking, Candidate]]]]:
    """The job's slots starting in [starts_after, starts_before) with their active bookings, in two queries."""
    slots = list(session.exec(list_slots(session, job=job, starts_after=starts_after, starts_before=starts_before)))
    booked: dict = {slot.id: [] for slot in slots}
    for booking, candidate in _active_bookings(session, list(booked)) if slots else []:
        booked[booking.slot_id].append((booking, candidate))
    return [(slot, booked[slot.id]) for slot in slots]


def slots_on_day(session: Session, *, job: Job, day: date) -> list[tuple[InterviewSlot, list[tuple[Booking, Candidate]]]]:
    """The slots starting on one China day (00:00 to 24:00 Asia/Shanghai), each with its active bookings."""
    return slots_with_bookings(session, job=job, starts_after=day_start(day), starts_before=day_start(day + timedelta(days=1)))


def update_slot(session: Session, *, job: Job, slot_id: uuid.UUID, actor: Actor, data: dict, now: datetime | None = None) -> InterviewSlot:
    """Change a slot; a booked slot keeps its times, and capacity never drops below the seats taken."""
    now = now or utcnow()
    slot = get_slot(session, job=job, slot_id=slot_id)
    changes = _utc_times({name: data[name] for name in SLOT_FIELDS if name in data})
    starts_at, ends_at = changes.get("starts_at", slot.starts_at), changes.get("ends_at", slot.ends_at)
    _check_interval(starts_at, ends_at, max_length=timedelta(hours=MAX_SLOT_HOURS), what="slot")
    moved = starts_at != slot.starts_at or ends_at != slot.ends_at
    if moved and starts_at <= now:
        raise Invalid("a slot must start in the future", reason="slot_in_past", errors={"starts_at": ["in the past"]})
    if "capacity" in changes and changes["capacity"] < 1:
        raise Invalid("capacity must be at least 1", reason="bad_capacity", errors={"capacity": ["< 1"]})
    if "format" in changes:
        _one_of(SlotFormat, changes["format"], field="format")
    if not changes:
        return slot
    # Conditional, like booking: the seats taken are checked by the UPDATE itself.
    conditions = [InterviewSlot.id == slot.id]
    if "capacity" in changes:
        conditions.append(InterviewSlot.booked <= changes["capacity"])
    if moved:
        conditions.append(InterviewSlot.booked == 0)
    result = session.exec(update(InterviewSlot).where(*conditions).values(**changes, updated_at=now)
                          .execution_options(synchronize_session=False))
    fresh = session.get(InterviewSlot, slot.id, populate_existing=True)
    if result.rowcount != 1:
        if fresh is None:
            raise NotFound("slot not found")
        if moved and fresh.booked > 0:
            raise Conflict("a booked slot cannot be moved; create a new slot instead", reason="slot_has_bookings")
        raise Conflict(f"{fresh.booked} seats are booked; capacity cannot go below that", reason="capacity_below_bookings")
    _log(session, organization_id=job.organization_id, kind="slot_updated", actor=actor,
         data={**_slot_data(fresh), "changed": sorted(changes)})
    return fresh


def delete_slot(session: Session, *, job: Job, slot_id: uuid.UUID, actor: Actor) -> None:
    """Delete a slot nobody has booked (409 otherwise); cancelled bookings keep their copy of its times."""
    slot = get_slot(session, job=job, slot_id=slot_id)
    data = _slot_data(slot)
    result = session.exec(delete(InterviewSlot).where(InterviewSlot.id == slot.id, InterviewSlot.booked == 0)
                          .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        if session.get(InterviewSlot, slot.id, populate_existing=True) is None:
            raise NotFound("slot not found")
        raise Conflict("the slot has bookings; they must be cancelled first", reason="slot_has_bookings")
    session.expunge(slot)
    _log(session, organization_id=job.organization_id, kind="slot_deleted", actor=actor, data=data)


# -- candidate: options, booking, reschedule, cancel ---------------------------------------------------------

def offer(session: Session, *, application: Application, now: datetime | None = None, limit: int = 200) -> Offer:
    """The options that fit: future slots with a free seat that overlap none of the candidate's busy times."""
    now = now or utcnow()
    job = session.get(Job, application.job_id)
    policy = get_policy(session, job=job)
    if job.status != "open":
        return Offer(mode=policy.mode, policy=policy, slots=[])
    if policy.mode == ScheduleMode.open_window:
        return Offer(mode=policy.mode, policy=policy, slots=[], window_opens_at=now,
                     window_closes_at=now + timedelta(hours=policy.window_hours))
    conflict = exists().where(
        BusyTime.candidate_id == application.candidate_id,
        BusyTime.starts_at < InterviewSlot.ends_at, BusyTime.ends_at > InterviewSlot.starts_at,
    )
    mine = select(Booking.slot_id).where(Booking.application_id == application.id, Booking.status == BookingStatus.active,
                                         Booking.slot_id.is_not(None))
    slots = session.exec(
        select(InterviewSlot).where(
            InterviewSlot.job_id == job.id, InterviewSlot.starts_at > now, InterviewSlot.booked < InterviewSlot.capacity,
            ~conflict, InterviewSlot.id.not_in(mine),
        ).order_by(InterviewSlot.starts_at, InterviewSlot.id).limit(limit)
    ).all()
    return Offer(mode=policy.mode, policy=policy, slots=list(slots))


def active_booking(session: Session, *, application_id: uuid.UUID) -> Booking | None:
    return session.exec(select(Booking).where(Booking.application_id == application_id,
                                              Booking.status == BookingStatus.active)).first()


def booking_details(session: Session, *, booking: Booking) -> BookingDetails:
    slot = session.get(InterviewSlot, booking.slot_id) if booking.slot_id else None
    return BookingDetails(booking, slot, get_policy(session, job=session.get(Job, booking.job_id)))


def book(session: Session, *, application_id: uuid.UUID, slot_id: uuid.UUID | None, actor: Actor,
         now: datetime | None = None) -> BookingDetails:
    """Book a slot (or, for an open-window job, the window) and move the application 待预约 → 待面试.

    A successful slot booking is five statements on PostgreSQL (one more on SQLite): one read that locks the
    application and brings everything the booking needs (job, policy, slot, busy times, earlier bookings, the
    candidate and what the notification needs), the application's state, its event, the notification, and last
    (deferred with `db.last_statement` until just before COMMIT) the statement that takes the seat and records the
    booking together. A request that loses the race for the seat is refused there and its writes roll back."""
    now = now or utcnow()
    context = _booking_context(session, application_id=application_id, slot_id=slot_id)
    application, slot = context.application, context.slot
    if slot_id is not None:
        _check_bookable(slot, busy=context.slot_busy, now=now)
    if context.job_status != "open":
        raise Conflict("the job is closed", reason="job_closed")
    # After the fast refusals: most requests of a race end there.
    policy = context.policy or _default_policy(session, application.job_id, application.organization_id)
    current = session.get(Booking, context.active_booking_id) if context.active_booking_id else None
    if current is not None and application.state == S.invited:
        # HR re-invited a booked candidate: that booking no longer stands.
        _release(session, booking=current, application=application, actor=Actor.system(), now=now, reason="re-invited")
        current = None
    if application.state != S.invited:
        # The application row is read after its lock is granted, the subqueries from before the wait (PostgreSQL's
        # READ COMMITTED): a booking committed meanwhile shows in the state, maybe not yet in `active_booking_id`.
        if current is not None or application.state == S.booked:
            raise Conflict("you already have a booking; reschedule or cancel it", reason="already_booked")
        raise Conflict(f"nothing to book while the application is {application.state}", reason="state_not_allowed")
    # Cancelling and booking again does not reset the reschedule count. (Read with the lock, as above: only a
    # reschedule *and* a cancellation of this same application, both committed while this request waited for its
    # lock, could leave it one short.)
    carried = context.carried_reschedules

    if policy.mode == ScheduleMode.open_window:
        if slot_id is not None:
            raise Invalid("this job has an open window: book without a slot", reason="open_window",
                          errors={"slot_id": ["not used in open-window mode"]})
        deadline = now + timedelta(hours=policy.window_hours)
        booking = Booking(organization_id=application.organization_id, job_id=application.job_id, application_id=application.id,
                          kind=BookingKind.open_window, starts_at=now, ends_at=deadline, deadline_at=deadline,
                          reschedule_count=carried, created_at=now, updated_at=now)
        session.add(booking)
        _flush_booking(session)
        transition_application(session, application=application, to_state=S.booked, actor=actor, reason="booked",
                               data={"action": "booked", **_booking_data(booking)})
        return BookingDetails(booking, None, policy)
    if slot is None:
        raise Invalid("slot_id is required", reason="slot_required", errors={"slot_id": ["required"]})
    booking = Booking(organization_id=application.organization_id, job_id=application.job_id, application_id=application.id,
                      slot_id=slot.id, kind=BookingKind.slot, starts_at=slot.starts_at, ends_at=slot.ends_at,
                      reschedule_count=carried, created_at=now, updated_at=now)
    transition_application(session, application=application, to_state=S.booked, actor=actor, reason="booked",
                           data={"action": "booked", **_booking_data(booking)})
    plan_reminder(session, booking_id=booking.id, starts_at=booking.starts_at, new_booking=True)
    notify(session, application=application, template="booking_confirmed", actor=actor, values={"starts_at": booking.starts_at},
           dedupe_key=f"booking_confirmed:{booking.id}", new_key=True, recipient=context.recipient)
    # Last, just before COMMIT (after the view's idempotency record too): every booker of this slot queues for its
    # row, so the lock is held for this statement and the commit only. A request that read a free seat but lost it
    # meanwhile is refused here and its writes are rolled back (in a 200-client race for 20 seats, the 20 winners
    # otherwise held the lock over five more round trips each, one after the other).
    last_statement(session, lambda: _take_seat_and_book(session, slot=slot, booking=booking, now=now),
                   with_commit=lambda send: _take_seat_and_book(session, slot=slot, booking=booking, now=now, send=send))
    return BookingDetails(booking, slot, policy)


# In a race for a slot's last seats most requests are refused "slot_full". Once this process refused one, the next
# bookings of that slot (for FULL_HINT_SECONDS) first read the slot alone, outside any transaction and without
# locking the application (`refuse_if_full`): still full, they are refused as `book` refuses them, in one statement
# instead of a transaction around the locking read; a seat free after all (one was cancelled), they book as usual,
# with that read more. The hint only chooses the path: the answer always comes from the database.
FULL_HINT_SECONDS = 5.0
_seen_full: dict[uuid.UUID, float] = {}


def _refuse_full(slot_id: uuid.UUID) -> Conflict:
    _seen_full[slot_id] = time.monotonic()
    return Conflict("the slot is full", reason="slot_full")


_SLOT_SEATS = (
    sa.select(InterviewSlot.__table__.c.starts_at, InterviewSlot.__table__.c.booked, InterviewSlot.__table__.c.capacity)
    .join(Application.__table__, Application.__table__.c.job_id == InterviewSlot.__table__.c.job_id)
    .where(InterviewSlot.__table__.c.id == sa.bindparam("slot_id", type_=InterviewSlot.__table__.c.id.type),
           Application.__table__.c.id == sa.bindparam("application_id", type_=Application.__table__.c.id.type))
)


_SLOT_SEATS_AND: dict[int, sa.Select] = {}


def refuse_if_full(read_connection: Callable[[], AbstractContextManager], *, application_id: uuid.UUID,
                   slot_id: uuid.UUID | None, now: datetime | None = None, probe=None) -> None:
    """Refuse (409 slot_full) a booking of a slot this process lately found full if it still is: a slot of the
    application's job, not started, no seat free (`_check_bookable`'s refusals up to that one, in its order); any other
    case is left to `book`. Read with one statement on a `read_connection()`, only for a slot seen full.

    `probe` (`idempotency.record_probe()`): the request's Idempotency-Key record looked up in the same statement, so
    that the refusal's replay check needs no statement of its own."""
    seen = _seen_full.get(slot_id) if slot_id is not None else None
    if seen is None:
        return
    if time.monotonic() - seen > FULL_HINT_SECONDS:
        _seen_full.pop(slot_id, None)
        return
    statement, params = _SLOT_SEATS, {"slot_id": slot_id, "application_id": application_id}
    if probe is not None:
        statement = _SLOT_SEATS_AND.get(id(probe.column))
        if statement is None:  # built once per probe column (a module constant), so its compiled form is cached
            statement = _SLOT_SEATS_AND.setdefault(id(probe.column), _SLOT_SEATS.add_columns(probe.column))
        params = {**params, **probe.params}
    with read_connection() as connection:
        row = connection.execute(statement, params).first()
    if row is None or row.starts_at <= (now or utcnow()):
        return
    if row.booked >= row.capacity:
        if probe is not None:
            probe.seen(row.idempotency_record)
        raise _refuse_full(slot_id)
    _seen_full.pop(slot_id, None)


def reschedule(session: Session, *, application_id: uuid.UUID, slot_id: uuid.UUID, actor: Actor,
               now: datetime | None = None) -> BookingDetails:
    """Move the booking to another slot, before the cut-off and within the maximum number of reschedules."""
    now = now or utcnow()
    application, _job, policy = _lock_application(session, application_id)
    booking = active_booking(session, application_id=application.id)
    if booking is None or application.state != S.booked:
        raise Conflict("there is no booking to reschedule", reason="not_booked")
    if booking.kind == BookingKind.open_window:
        raise Conflict("an open-window booking has no time to move", reason="open_window")
    allowance = reschedule_allowance(booking, policy)
    if allowance.left <= 0:
        raise Conflict(f"at most {policy.max_reschedules} reschedules are allowed", reason="reschedule_limit")
    if now >= allowance.until:
        raise Conflict(f"rescheduling closes {policy.reschedule_cutoff_hours} h before the interview", reason="reschedule_cutoff")
    if slot_id == booking.slot_id:
        raise Invalid("that is already your slot", reason="same_slot", errors={"slot_id": ["already booked"]})
    new_slot = _bookable_slot(session, application_id=application.id, slot_id=slot_id, now=now)
    old_slot_id = booking.slot_id
    previous = _booking_data(booking)
    booking.slot_id, booking.starts_at, booking.ends_at = new_slot.id, new_slot.starts_at, new_slot.ends_at
    booking.reschedule_count += 1
    booking.updated_at = now
    session.add(booking)
    record_event(session, application=application, kind="booking_rescheduled", actor=actor, reason="rescheduled",
                 data={"from": previous, "to": _booking_data(booking), "reschedule_count": booking.reschedule_count})
    plan_reminder(session, booking_id=booking.id, starts_at=booking.starts_at)
    # The two seats last, in id order, so that crossing reschedules cannot deadlock.
    for touched in sorted((old_slot_id, new_slot.id), key=str):
        if touched == new_slot.id:
            _take_seat(session, slot=new_slot, now=now)
        else:
            _release_seat(session, slot_id=old_slot_id, now=now)
    return BookingDetails(booking, new_slot, policy)


def cancel(session: Session, *, application_id: uuid.UUID, actor: Actor, reason: str | None = None,
           now: datetime | None = None) -> Booking:
    """Cancel the booking: the seat is freed and the application goes back to 待预约."""
    now = now or utcnow()
    application, _job, _policy = _lock_application(session, application_id)
    booking = active_booking(session, application_id=application.id)
    if booking is None or application.state != S.booked:
        raise Conflict("there is no booking to cancel", reason="not_booked")
    _cancel_booking(session, booking=booking, now=now)
    transition_application(session, application=application, to_state=S.invited, actor=actor,
                           reason=reason or "booking cancelled", data={"action": "cancelled", **_booking_data(booking)})
    return booking


def _release(session: Session, *, booking: Booking, application: Application, actor: Actor, now: datetime, reason: str) -> None:
    _cancel_booking(session, booking=booking, now=now)
    record_event(session, application=application, kind="booking_released", actor=actor, reason=reason,
                 data=_booking_data(booking))


def _cancel_booking(session: Session, *, booking: Booking, now: datetime) -> None:
    if booking.slot_id is not None:
        _release_seat(session, slot_id=booking.slot_id, now=now)
        cancel_reminder(session, booking_id=booking.id)
    booking.status, booking.cancelled_at, booking.updated_at = BookingStatus.cancelled, now, now
    session.add(booking)
    session.flush()


def _bookable_slot(session: Session, *, application_id: uuid.UUID, slot_id: uuid.UUID, now: datetime) -> InterviewSlot:
    """The slot if the application may book it now (one query: the slot of its job, and whether it is busy then)."""
    busy = exists().where(BusyTime.candidate_id == Application.candidate_id,
                          BusyTime.starts_at < InterviewSlot.ends_at, BusyTime.ends_at > InterviewSlot.starts_at)
    row = session.exec(
        select(InterviewSlot, busy.label("busy")).join(Application, Application.job_id == InterviewSlot.job_id)
        .where(InterviewSlot.id == slot_id, Application.id == application_id).execution_options(populate_existing=True)
    ).first()
    slot, is_busy = row or (None, False)
    _check_bookable(slot, busy=is_busy, now=now)
    return slot


def _check_bookable(slot: InterviewSlot | None, *, busy: bool, now: datetime) -> None:
    if slot is None:
        raise NotFound("slot not found")
    if slot.starts_at <= now:
        raise Conflict("the slot has already started", reason="slot_past")
    if slot.booked >= slot.capacity:  # a fast refusal only; the conditional UPDATE has the last word
        raise _refuse_full(slot.id)
    if busy:
        raise Conflict("the slot overlaps a time you marked busy", reason="busy_time_conflict")


def _seat_condition(slot: InterviewSlot):
    """A free seat in the slot as it was read (the UPDATE also fails if HR moved the slot since)."""
    return (InterviewSlot.id == slot.id, InterviewSlot.booked < InterviewSlot.capacity,
            InterviewSlot.starts_at == slot.starts_at, InterviewSlot.ends_at == slot.ends_at)


def _take_seat(session: Session, *, slot: InterviewSlot, now: datetime) -> None:
    """The one conditional UPDATE that takes a seat; it also fails if HR moved the slot since it was read."""
    result = session.exec(
        update(InterviewSlot).where(*_seat_condition(slot))
        .values(booked=InterviewSlot.booked + 1, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        _seat_refused(session, slot)


def _take_seat_and_book(session: Session, *, slot: InterviewSlot, booking: Booking, now: datetime,
                        send: Callable | None = None) -> None:
    """Take a seat and insert the booking: on PostgreSQL in one statement (the INSERT selects from the conditional
    UPDATE, so it inserts nothing when no seat was free), elsewhere the UPDATE and then the INSERT.

    With `send` (`db.commit_with`: the statement and the COMMIT in one round trip) the statement fails instead of
    inserting nothing (division by zero: one seat taken or none), so that a booking without a seat never commits;
    the slot's row lock is then held from the statement to its COMMIT without a round trip back to this process."""
    if session.connection().dialect.name != "postgresql":
        _take_seat(session, slot=slot, now=now)
        session.add(booking)
        _flush_booking(session)
        return
    session.flush()  # whatever is pending goes first, so the booking's row is this statement's only effect
    params = {"seat_slot_id": slot.id, "seat_starts_at": slot.starts_at, "seat_ends_at": slot.ends_at, "seat_now": now,
              **{f"booking_{column.key}": getattr(booking, column.key) for column in Booking.__table__.columns}}
    if send is None:
        try:
            inserted = session.connection().execute(_SEAT_AND_BOOKING, params).first()
        except IntegrityError as exc:
            raise _booking_conflict(exc) from None
        if inserted is None:
            _seat_refused(session, slot)
    else:
        slot_id, starts_at, ends_at = slot.id, slot.starts_at, slot.ends_at
        try:
            send(_SEAT_AND_BOOKING_OR_FAIL, params)
        except (DBAPIError, psycopg.Error) as exc:  # raised by psycopg at the COMMIT, or wrapped by SQLAlchemy
            error = getattr(exc, "orig", exc)
            if not isinstance(error, (psycopg.errors.DivisionByZero, psycopg.errors.IntegrityError)):
                raise
            session.rollback()  # the transaction is aborted; PostgreSQL skipped its COMMIT
            if isinstance(error, psycopg.errors.IntegrityError):
                raise _booking_conflict(error) from None
            _seat_refused(session, slot_id=slot_id, starts_at=starts_at, ends_at=ends_at)  # no seat was free
    make_transient_to_detached(booking)
    session.add(booking)  # persistent now: the row exists, nothing is pending


def _seat_and_booking_statements():
    """The PostgreSQL statement of `_take_seat_and_book`, built once and bound per call (`seat_*` for the slot as it
    was read and the time, `booking_<column>` for the booking's row): constructing it, and its cache key, cost more
    CPU than the rest of a successful booking's Python. Returns (the INSERT ... RETURNING id that inserts nothing
    without a free seat, the INSERT that divides by zero instead, for `commit_with`)."""
    slot = InterviewSlot.__table__.c
    seat = (update(InterviewSlot)
            .where(InterviewSlot.id == sa.bindparam("seat_slot_id", type_=slot.id.type),
                   InterviewSlot.booked < InterviewSlot.capacity,
                   InterviewSlot.starts_at == sa.bindparam("seat_starts_at", type_=slot.starts_at.type),
                   InterviewSlot.ends_at == sa.bindparam("seat_ends_at", type_=slot.ends_at.type))
            .values(booked=InterviewSlot.booked + 1, updated_at=sa.bindparam("seat_now", type_=slot.updated_at.type))
            .returning(InterviewSlot.id).cte("seat"))
    columns = list(Booking.__table__.columns)
    keys = [column.key for column in columns]
    values = [sa.bindparam(f"booking_{column.key}", type_=column.type).label(column.key) for column in columns]
    returning = (insert(Booking).from_select(keys, select(*values).select_from(seat))
                 .add_cte(seat).returning(Booking.__table__.c.id))
    taken = select(func.count().label("taken")).select_from(seat).subquery("taken")
    or_fail = insert(Booking).from_select(keys, select(*values).where(1 / taken.c.taken == 1)).add_cte(seat)
    return returning, or_fail


_SEAT_AND_BOOKING, _SEAT_AND_BOOKING_OR_FAIL = _seat_and_booking_statements()


def _seat_refused(session: Session, slot: InterviewSlot | None = None, *, slot_id: uuid.UUID | None = None,
                  starts_at: datetime | None = None, ends_at: datetime | None = None):
    if slot is not None:
        slot_id, starts_at, ends_at = slot.id, slot.starts_at, slot.ends_at
    fresh = session.get(InterviewSlot, slot_id, populate_existing=True)
    if fresh is None:
        raise NotFound("slot not found")
    if (fresh.starts_at, fresh.ends_at) != (starts_at, ends_at):
        raise Conflict("the slot was moved meanwhile; look at the options again", reason="slot_changed")
    raise _refuse_full(slot_id)


def _release_seat(session: Session, *, slot_id: uuid.UUID, now: datetime) -> None:
    session.exec(
        update(InterviewSlot)
        .where(InterviewSlot.id == slot_id, InterviewSlot.booked > 0)
        .values(booked=InterviewSlot.booked - 1, updated_at=now)
        .execution_options(synchronize_session=False)
    )


def _lock_application(session: Session, application_id: uuid.UUID) -> tuple[Application, Job, SchedulePolicy]:
    """Serialize booking changes of one application (its row lock on PostgreSQL, the write lock on SQLite);
    returns it fresh with its job and the job's policy."""
    _begin_write_on_sqlite(session)
    row = session.exec(
        select(Application, Job, SchedulePolicy).join(Job, Job.id == Application.job_id)
        .outerjoin(SchedulePolicy, SchedulePolicy.job_id == Job.id).where(Application.id == application_id)
        .with_for_update(of=Application).execution_options(populate_existing=True)
    ).first()
    if row is None:
        raise NotFound("application not found")
    application, job, policy = row
    return application, job, policy or _default_policy(session, job.id, job.organization_id)


@dataclass(frozen=True)
class _BookingContext:
    application: Application
    job_status: str
    policy: SchedulePolicy | None  # None: HR never set one (the default applies)
    slot: InterviewSlot | None
    slot_busy: bool
    active_booking_id: uuid.UUID | None
    carried_reschedules: int
    recipient: Recipient  # what the confirmation is written from


def _booking_context_query():
    """Built once (a statement this size costs more to construct than to run): bound per call by id.

    The application (locked) with two joined rows, the slot and the policy; everything else is a plain value of a
    scalar subquery. Joined tables under FOR UPDATE and wide rows cost the database most of this statement's time
    (the seven-table join of all their columns it replaces took about 1.7 ms of PostgreSQL CPU, this about 0.5 ms),
    and most requests of a race need only the slot's seats, so only the columns a booking reads are fetched."""
    slot_id = sa.bindparam("slot_id", type_=InterviewSlot.__table__.c.id.type)
    busy = exists().where(BusyTime.candidate_id == Application.candidate_id,
                          BusyTime.starts_at < InterviewSlot.ends_at, BusyTime.ends_at > InterviewSlot.starts_at)
    active = (select(Booking.id).where(Booking.application_id == Application.id, Booking.status == BookingStatus.active)
              .limit(1).scalar_subquery())
    carried = select(func.coalesce(func.max(Booking.reschedule_count), 0)).where(
        Booking.application_id == Application.id).scalar_subquery()

    def value(column, *where):
        return select(column).where(*where).scalar_subquery()

    of_job, of_candidate = Job.id == Application.job_id, Candidate.id == Application.candidate_id
    return (
        select(Application, InterviewSlot, SchedulePolicy, busy.label("busy"), active.label("active"),
               carried.label("carried"), value(Job.status, of_job), value(Job.title, of_job),
               value(Candidate.name, of_candidate), value(Candidate.email, of_candidate),
               value(Organization.name, Organization.id == Application.organization_id),
               value(CandidateContact.wechat_openid, CandidateContact.candidate_id == Application.candidate_id))
        .select_from(Application)
        .outerjoin(InterviewSlot, sa.and_(InterviewSlot.id == slot_id, InterviewSlot.job_id == Application.job_id))
        .outerjoin(SchedulePolicy, SchedulePolicy.job_id == Application.job_id)
        .where(Application.id == sa.bindparam("application_id", type_=Application.__table__.c.id.type))
        .with_for_update(of=Application).execution_options(populate_existing=True)
    )


_BOOKING_CONTEXT = _booking_context_query()


def _booking_context(session: Session, *, application_id: uuid.UUID, slot_id: uuid.UUID | None) -> _BookingContext:
    """Lock the application (as `_lock_application`) and read, in the same statement, all a booking needs: its job's
    status and policy, the slot (of that job) and whether it overlaps a busy time, the active booking and the
    reschedules used so far, and the names and contacts the confirmation is written from."""
    _begin_write_on_sqlite(session)
    row = session.exec(_BOOKING_CONTEXT, params={"application_id": application_id, "slot_id": slot_id}).first()
    if row is None:
        raise NotFound("application not found")
    (application, slot, policy, is_busy, active_id, carried_count, job_status, job_title, name, email, company,
     openid) = row
    recipient = Recipient(candidate_id=application.candidate_id, candidate_name=name, email=email, wechat_openid=openid,
                          company=company, job_title=job_title)
    return _BookingContext(application, job_status, policy, slot, bool(is_busy), active_id, carried_count or 0,
                           recipient)


def _begin_write_on_sqlite(session: Session) -> None:
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        # pysqlite opens its transaction lazily, at the first write; take the write lock now instead
        # (BEGIN IMMEDIATE waits up to busy_timeout), so everything read from here on stays true.
        raw = connection.connection.driver_connection
        if not raw.in_transaction:
            raw.execute("BEGIN IMMEDIATE")


def _flush_booking(session: Session) -> None:
    try:
        session.flush()
    except IntegrityError as exc:
        raise _booking_conflict(exc) from None


def _booking_conflict(exc: Exception) -> Exception:
    # The application lock makes a second active booking impossible for well-behaved writers;
    # the likely cause is HR deleting the (then unbooked) slot meanwhile (its foreign key).
    error = str(getattr(exc, "orig", exc))
    if "uq_booking_active_application" in error or "booking.application_id" in error:
        return Conflict("you already have a booking; reschedule or cancel it", reason="already_booked")
    return NotFound("slot not found")


# -- busy times -----------------------------------------------------------------------------------------------

def list_busy_times(session: Session, *, candidate_id: uuid.UUID) -> list[BusyTime]:
    return list(session.exec(select(BusyTime).where(BusyTime.candidate_id == candidate_id)
                             .order_by(BusyTime.starts_at, BusyTime.id)))


def replace_busy_times(session: Session, *, application: Application, actor: Actor, items: list[dict]) -> list[BusyTime]:
    """Replace the candidate's declared busy times (attendance, calendar) with `items`."""
    if len(items) > MAX_BUSY_TIMES:
        raise Invalid(f"at most {MAX_BUSY_TIMES} busy times", reason="too_many", errors={"busy_times": ["too many"]})
    items = [_utc_times(item) for item in items]
    for item in items:
        _check_interval(item["starts_at"], item["ends_at"], max_length=timedelta(days=MAX_BUSY_DAYS), what="busy time")
    _lock_application(session, application.id)  # one PUT at a time per candidate's application
    session.exec(delete(BusyTime).where(BusyTime.candidate_id == application.candidate_id)
                 .execution_options(synchronize_session=False))
    rows = [BusyTime(organization_id=application.organization_id, candidate_id=application.candidate_id,
                     starts_at=item["starts_at"], ends_at=item["ends_at"], label=item.get("label")) for item in items]
    session.add_all(rows)
    session.flush()
    record_event(session, application=application, kind="busy_times_declared", actor=actor, data={"count": len(rows)})
    return sorted(rows, key=lambda row: (row.starts_at, str(row.id)))


# -- events ---------------------------------------------------------------------------------------------------

def _log(session: Session, *, organization_id: uuid.UUID, kind: str, actor: Actor, data: dict) -> None:
    """An event that concerns no single application (slots, policy)."""
    session.add(Event(organization_id=organization_id, kind=kind, actor_type=actor.type, actor_id=actor.id, data=data))
    session.flush()


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _slot_data(slot: InterviewSlot) -> dict:
    return {"slot_id": str(slot.id), "job_id": str(slot.job_id), "starts_at": _iso(slot.starts_at),
            "ends_at": _iso(slot.ends_at), "capacity": slot.capacity, "format": slot.format}


def _booking_data(booking: Booking) -> dict:
    return {"booking_id": str(booking.id), "kind": booking.kind, "slot_id": str(booking.slot_id) if booking.slot_id else None,
            "starts_at": _iso(booking.starts_at), "ends_at": _iso(booking.ends_at), "deadline_at": _iso(booking.deadline_at)}
