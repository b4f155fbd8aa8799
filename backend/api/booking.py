"""Interview scheduling: HR's slots and policy per job; the candidate's options, booking and busy times."""
from __future__ import annotations


import marshmallow as ma
from flask import Response
from flask.views import MethodView
from marshmallow.utils import get_value
from sqlmodel import func, select

from ..db import get_session, read_connection
from ..errors import NotFound
from ..models import Application, Job, Organization, utcnow
from ..models.scheduling import ScheduleMode, SlotFormat
from ..services import booking as booking_service
from ..services import jobs as job_service
from ..services.analytics import CHINA_TZ
from ..services.applications import Actor
from ..services.calendar import booking_ics
from ..services.idempotency import IDEMPOTENCY_KEY_PARAMETER, idempotent, record_probe
from .blueprint import Blueprint
from .security import BEARER, current_candidate, current_hr

blp = Blueprint("booking", __name__, url_prefix="/api", description="Interview slots and booking")
EDITORS = ("admin", "recruiter")

DISPLAY_TZ = CHINA_TZ


class ShanghaiTime(ma.fields.String):
    """An aware datetime shown in Asia/Shanghai as ISO 8601 (e.g. 2026-05-01T14:00:00+08:00); dump only."""

    def __init__(self, attribute: str):
        super().__init__(attribute=attribute, dump_only=True, allow_none=True,
                         metadata={"format": "date-time", "description": f"{attribute} in Asia/Shanghai, for display"})

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else value.astimezone(DISPLAY_TZ).isoformat()


def _seats_left(slot) -> int:
    return get_value(slot, "capacity") - get_value(slot, "booked")


class IntervalSchema(ma.Schema):
    """starts_at/ends_at given with a UTC offset (naive times are 422), the end after the start."""

    starts_at = ma.fields.AwareDateTime(required=True, metadata={"description": "ISO 8601 with an offset; stored in UTC"})
    ends_at = ma.fields.AwareDateTime(required=True)
    starts_at_display = ShanghaiTime("starts_at")
    ends_at_display = ShanghaiTime("ends_at")

    @ma.validates_schema
    def _in_order(self, data, **_):
        if "starts_at" in data and "ends_at" in data and data["ends_at"] <= data["starts_at"]:
            raise ma.ValidationError("must be after starts_at", "ends_at")


def _hr_principal() -> str:
    return f"hr:{current_hr().user_id}"


def _candidate_principal() -> str:
    return f"candidate:{current_candidate().application_id}"


# -- schemas ----------------------------------------------------------------------------------------------------

class SlotSchema(IntervalSchema):
    id = ma.fields.UUID(dump_only=True)
    job_id = ma.fields.UUID(dump_only=True)
    capacity = ma.fields.Integer(load_default=1, validate=ma.validate.Range(min=1, max=1000))
    booked = ma.fields.Integer(dump_only=True)
    seats_left = ma.fields.Function(_seats_left, dump_only=True, metadata={"type": "integer"})
    format = ma.fields.String(load_default=SlotFormat.online.value, validate=ma.validate.OneOf([f.value for f in SlotFormat]))
    location = ma.fields.String(load_default=None, allow_none=True, validate=ma.validate.Length(max=500))
    created_at = ma.fields.AwareDateTime(dump_only=True)
    updated_at = ma.fields.AwareDateTime(dump_only=True)


class SlotUpdateSchema(SlotSchema):
    capacity = ma.fields.Integer(validate=ma.validate.Range(min=1, max=1000))
    format = ma.fields.String(validate=ma.validate.OneOf([f.value for f in SlotFormat]))
    location = ma.fields.String(allow_none=True, validate=ma.validate.Length(max=500))


class SlotQuerySchema(ma.Schema):
    starts_after = ma.fields.AwareDateTime()
    starts_before = ma.fields.AwareDateTime()


class SlotBookingSchema(ma.Schema):
    id = ma.fields.UUID()
    application_id = ma.fields.UUID()
    candidate_name = ma.fields.String()
    created_at = ma.fields.AwareDateTime()
    reschedule_count = ma.fields.Integer()


class SlotDetailSchema(SlotSchema):
    bookings = ma.fields.List(ma.fields.Nested(SlotBookingSchema), dump_only=True)


class PolicySchema(ma.Schema):
    job_id = ma.fields.UUID(dump_only=True)
    mode = ma.fields.String(load_default=ScheduleMode.slots.value, validate=ma.validate.OneOf([m.value for m in ScheduleMode]),
                            metadata={"description": "slots: book one of HR's slots; open_window: complete within window_hours"})
    window_hours = ma.fields.Integer(load_default=72, validate=ma.validate.Range(min=1, max=24 * 60))
    reschedule_cutoff_hours = ma.fields.Integer(load_default=24, validate=ma.validate.Range(min=0, max=24 * 30))
    max_reschedules = ma.fields.Integer(load_default=2, validate=ma.validate.Range(min=0, max=20))
    updated_at = ma.fields.AwareDateTime(dump_only=True, allow_none=True)


class CandidateSlotSchema(ma.Schema):
    id = ma.fields.UUID()
    starts_at = ma.fields.AwareDateTime()
    ends_at = ma.fields.AwareDateTime()
    starts_at_display = ShanghaiTime("starts_at")
    ends_at_display = ShanghaiTime("ends_at")
    format = ma.fields.String()
    location = ma.fields.String(allow_none=True)
    seats_left = ma.fields.Function(_seats_left, metadata={"type": "integer"})


class WindowSchema(ma.Schema):
    opens_at = ma.fields.AwareDateTime()
    closes_at = ma.fields.AwareDateTime()
    closes_at_display = ShanghaiTime("closes_at")


class CandidatePolicySchema(ma.Schema):
    window_hours = ma.fields.Integer()
    reschedule_cutoff_hours = ma.fields.Integer()
    max_reschedules = ma.fields.Integer()


class OptionsSchema(ma.Schema):
    mode = ma.fields.String()
    policy = ma.fields.Nested(CandidatePolicySchema)
    window = ma.fields.Nested(WindowSchema, allow_none=True)
    slots = ma.fields.List(ma.fields.Nested(CandidateSlotSchema))


class BookRequestSchema(ma.Schema):
    slot_id = ma.fields.UUID(load_default=None, allow_none=True,
                             metadata={"description": "required for slot jobs; omit it for an open window"})


class RescheduleRequestSchema(ma.Schema):
    slot_id = ma.fields.UUID(required=True)


class BookingSchema(ma.Schema):
    id = ma.fields.UUID()
    application_id = ma.fields.UUID()
    kind = ma.fields.String(metadata={"description": "slot | open_window"})
    status = ma.fields.String()
    slot_id = ma.fields.UUID(allow_none=True)
    starts_at = ma.fields.AwareDateTime()
    ends_at = ma.fields.AwareDateTime()
    deadline_at = ma.fields.AwareDateTime(allow_none=True, metadata={"description": "open window: complete by then"})
    starts_at_display = ShanghaiTime("starts_at")
    ends_at_display = ShanghaiTime("ends_at")
    deadline_at_display = ShanghaiTime("deadline_at")
    format = ma.fields.String(allow_none=True)
    location = ma.fields.String(allow_none=True)
    reschedule_count = ma.fields.Integer()
    reschedules_left = ma.fields.Integer()
    reschedulable_until = ma.fields.AwareDateTime(allow_none=True)
    reschedulable_until_display = ShanghaiTime("reschedulable_until")
    created_at = ma.fields.AwareDateTime()


class BusyTimeSchema(IntervalSchema):
    id = ma.fields.UUID(dump_only=True)
    label = ma.fields.String(load_default=None, allow_none=True, validate=ma.validate.Length(max=100),
                             metadata={"description": "e.g. 上课, 考试, 已有面试"})


class BusyTimesSchema(ma.Schema):
    busy_times = ma.fields.List(ma.fields.Nested(BusyTimeSchema), required=True,
                                validate=ma.validate.Length(max=booking_service.MAX_BUSY_TIMES))


# -- HR: slots and policy ------------------------------------------------------------------------------------

@blp.route("/jobs/<uuid:job_id>/slots")
class Slots(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(SlotQuerySchema, location="query")
    @blp.response(200, SlotSchema(many=True))
    @blp.paginate()
    def get(self, query, job_id, pagination_parameters):
        """The job's interview slots in time order, with seats booked"""
        session = get_session()
        job = job_service.get_job(session, organization_id=current_hr().organization_id, job_id=job_id)
        statement = booking_service.list_slots(session, job=job, **query)
        pagination_parameters.item_count = session.exec(select(func.count()).select_from(statement.subquery())).one()
        return session.exec(statement.offset(pagination_parameters.first_item).limit(pagination_parameters.page_size)).all()

    @idempotent(_hr_principal)
    @blp.doc(security=[BEARER], parameters=[IDEMPOTENCY_KEY_PARAMETER])
    @blp.arguments(SlotSchema)
    @blp.response(201, SlotSchema)
    def post(self, body, job_id):
        """Offer a slot: start, end (ISO 8601 with offset), capacity, online or onsite"""
        principal = current_hr(*EDITORS)
        session = get_session()
        job = job_service.get_job(session, organization_id=principal.organization_id, job_id=job_id)
        return booking_service.create_slot(session, job=job, actor=Actor("hr", principal.user_id), data=body)


def _slot_detail(slot, bookings) -> dict:
    return {**slot.model_dump(), "bookings": [{**booking.model_dump(), "candidate_name": candidate.name}
                                              for booking, candidate in bookings]}


class SlotDayQuerySchema(ma.Schema):
    date = ma.fields.Date(required=True, metadata={"description": "a China day, YYYY-MM-DD"})


@blp.route("/jobs/<uuid:job_id>/slots/day")
class SlotDay(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(SlotDayQuerySchema, location="query")
    @blp.response(200, SlotDetailSchema(many=True))
    def get(self, query, job_id):
        """One China day of the job's slots, each with who booked it (the day view)"""
        session = get_session()
        job = job_service.get_job(session, organization_id=current_hr().organization_id, job_id=job_id)
        return [_slot_detail(slot, bookings) for slot, bookings in
                booking_service.slots_on_day(session, job=job, day=query["date"])]


@blp.route("/jobs/<uuid:job_id>/slots/<uuid:slot_id>")
class SlotById(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, SlotDetailSchema)
    def get(self, job_id, slot_id):
        """A slot with its active bookings"""
        session = get_session()
        job = job_service.get_job(session, organization_id=current_hr().organization_id, job_id=job_id)
        slot = booking_service.get_slot(session, job=job, slot_id=slot_id)
        return _slot_detail(slot, booking_service.slot_bookings(session, slot=slot))

    @blp.doc(security=[BEARER])
    @blp.arguments(SlotUpdateSchema(partial=True))
    @blp.response(200, SlotSchema)
    @blp.alt_response(409, description="Capacity below the seats booked, or moving a booked slot")
    def patch(self, body, job_id, slot_id):
        """Change a slot (a booked slot keeps its times; capacity never drops below the seats booked)"""
        principal = current_hr(*EDITORS)
        session = get_session()
        job = job_service.get_job(session, organization_id=principal.organization_id, job_id=job_id)
        return booking_service.update_slot(session, job=job, slot_id=slot_id, actor=Actor("hr", principal.user_id), data=body)

    @blp.doc(security=[BEARER])
    @blp.response(204)
    @blp.alt_response(409, description="The slot has bookings")
    def delete(self, job_id, slot_id):
        """Delete a slot nobody has booked"""
        principal = current_hr(*EDITORS)
        session = get_session()
        job = job_service.get_job(session, organization_id=principal.organization_id, job_id=job_id)
        booking_service.delete_slot(session, job=job, slot_id=slot_id, actor=Actor("hr", principal.user_id))


@blp.route("/jobs/<uuid:job_id>/schedule-policy")
class Policy(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, PolicySchema)
    def get(self, job_id):
        """How the job's candidates schedule (the defaults until set)"""
        session = get_session()
        job = job_service.get_job(session, organization_id=current_hr().organization_id, job_id=job_id)
        return booking_service.get_policy(session, job=job)

    @blp.doc(security=[BEARER])
    @blp.arguments(PolicySchema)
    @blp.response(200, PolicySchema)
    def put(self, body, job_id):
        """Set the scheduling policy: slots or an open window, reschedule cut-off and maximum"""
        principal = current_hr(*EDITORS)
        session = get_session()
        job = job_service.get_job(session, organization_id=principal.organization_id, job_id=job_id)
        return booking_service.set_policy(session, job=job, actor=Actor("hr", principal.user_id), data=body)


# -- candidate: options, booking, busy times -----------------------------------------------------------------

@blp.route("/candidate/slots")
class MyOptions(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, OptionsSchema)
    def get(self):
        """What I can book: future slots with a free seat that fit my busy times, or the open window"""
        principal = current_candidate()
        session = get_session()
        offer = booking_service.offer(session, application=_my_application(session, principal))
        window = None
        if offer.window_closes_at is not None:
            window = {"opens_at": offer.window_opens_at, "closes_at": offer.window_closes_at}
        return {"mode": offer.mode, "policy": offer.policy, "window": window, "slots": offer.slots}


@blp.route("/candidate/booking")
class MyBooking(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, BookingSchema)
    @blp.alt_response(404, description="No active booking")
    def get(self):
        """My active booking"""
        session = get_session()
        return _booking_view(booking_service.booking_details(session, booking=_my_active_booking(session)))

    @idempotent(_candidate_principal)
    @blp.doc(security=[BEARER], parameters=[IDEMPOTENCY_KEY_PARAMETER])
    @blp.arguments(BookRequestSchema)
    @blp.response(201, BookingSchema)
    @blp.alt_response(409, description="Slot full, already booked, overlaps a busy time, or not bookable now")
    def post(self, body):
        """Book a slot (or the open window): 待预约 → 待面试"""
        principal = current_candidate()
        booking_service.refuse_if_full(read_connection, application_id=principal.application_id, slot_id=body["slot_id"],
                                       probe=record_probe())
        session = get_session()
        return _booking_view(booking_service.book(session, application_id=principal.application_id, slot_id=body["slot_id"],
                                                  actor=Actor("candidate", principal.candidate_id)))

    @blp.doc(security=[BEARER])
    @blp.response(204)
    @blp.alt_response(409, description="No booking to cancel")
    def delete(self):
        """Cancel my booking (the seat is freed; back to 待预约)"""
        principal = current_candidate()
        booking_service.cancel(get_session(), application_id=principal.application_id,
                               actor=Actor("candidate", principal.candidate_id))


@blp.route("/candidate/booking.ics")
class MyBookingCalendar(MethodView):
    @blp.doc(security=[BEARER], responses={"200": {"description": "The booking as an iCalendar event (text/calendar)",
                                                   "content": {"text/calendar": {"schema": {"type": "string"}}}}})
    @blp.alt_response(404, description="No active booking")
    def get(self):
        """My booking as a calendar file (.ics): the slot, or the open window's deadline, with a reminder"""
        session = get_session()
        booking = _my_active_booking(session)
        job = session.get(Job, booking.job_id)
        body = booking_ics(booking_service.booking_details(session, booking=booking), job_title=job.title,
                           organization_name=session.get(Organization, job.organization_id).name, now=utcnow())
        return Response(body, mimetype="text/calendar", headers={
            "Content-Disposition": 'attachment; filename="interview.ics"', "Cache-Control": "no-store"})


@blp.route("/candidate/booking/reschedule")
class MyReschedule(MethodView):
    @idempotent(_candidate_principal)
    @blp.doc(security=[BEARER], parameters=[IDEMPOTENCY_KEY_PARAMETER])
    @blp.arguments(RescheduleRequestSchema)
    @blp.response(200, BookingSchema)
    @blp.alt_response(409, description="Past the cut-off, no reschedules left, or the new slot is full")
    def post(self, body):
        """Move my booking to another slot"""
        principal = current_candidate()
        session = get_session()
        return _booking_view(booking_service.reschedule(session, application_id=principal.application_id,
                                                        slot_id=body["slot_id"], actor=Actor("candidate", principal.candidate_id)))


@blp.route("/candidate/busy-times")
class MyBusyTimes(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, BusyTimesSchema)
    def get(self):
        """The times I declared busy"""
        principal = current_candidate()
        return {"busy_times": booking_service.list_busy_times(get_session(), candidate_id=principal.candidate_id)}

    @blp.doc(security=[BEARER])
    @blp.arguments(BusyTimesSchema)
    @blp.response(200, BusyTimesSchema)
    def put(self, body):
        """Replace the times I am busy (attendance, calendar); slots overlapping them are not offered"""
        principal = current_candidate()
        session = get_session()
        rows = booking_service.replace_busy_times(session, application=_my_application(session, principal),
                                                  actor=Actor("candidate", principal.candidate_id), items=body["busy_times"])
        return {"busy_times": rows}


def _my_active_booking(session):
    booking = booking_service.active_booking(session, application_id=current_candidate().application_id)
    if booking is None:
        raise NotFound("no active booking", reason="not_booked")
    return booking


def _my_application(session, principal) -> Application:
    application = session.get(Application, principal.application_id)
    if application is None:
        raise NotFound("application not found")
    return application


def _booking_view(details: booking_service.BookingDetails) -> dict:
    booking, slot, allowance = details.booking, details.slot, details.reschedule
    return {
        **booking.model_dump(),
        "format": slot.format if slot else None,
        "location": slot.location if slot else None,
        "reschedules_left": allowance.left,
        "reschedulable_until": allowance.until,
    }
