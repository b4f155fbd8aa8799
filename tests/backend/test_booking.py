"""Slots, booking, rescheduling, cancelling, busy times and Idempotency-Key, on SQLite and PostgreSQL."""
from __future__ import annotations

import http.client
import json
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from sqlmodel import select

from backend.db import session_scope
from backend.migrate import downgrade, upgrade
from backend.models import Event
from backend.models.scheduling import Booking, InterviewSlot

from .helpers import create_job, invite_candidate

SHANGHAI = timezone(timedelta(hours=8))


def at(hours: float, tz=timezone.utc) -> str:
    """An ISO 8601 time `hours` from now, with an offset."""
    return (datetime.now(timezone.utc) + timedelta(hours=hours)).astimezone(tz).replace(microsecond=0).isoformat()


def make_slot(client, headers, job_id, *, in_hours: float = 48, length: float = 1, capacity: int = 1, **extra) -> dict:
    body = {"starts_at": at(in_hours), "ends_at": at(in_hours + length), "capacity": capacity, **extra}
    response = client.post(f"/api/jobs/{job_id}/slots", json=body, headers=headers)
    assert response.status_code == 201, response.json
    return response.json


def set_policy(client, headers, job_id, **policy) -> dict:
    response = client.put(f"/api/jobs/{job_id}/schedule-policy", json=policy, headers=headers)
    assert response.status_code == 200, response.json
    return response.json


def book(client, me, slot_id=None, **headers):
    return client.post("/api/candidate/booking", json={"slot_id": slot_id} if slot_id else {}, headers={**me, **headers})


def state(client, me) -> str:
    return client.get("/api/candidate/interview", headers=me).json["state"]


def events(app, kind: str) -> list[Event]:
    with app.app_context(), session_scope() as session:
        return list(session.exec(select(Event).where(Event.kind == kind)))


@pytest.fixture()
def hr(make_hr):
    return make_hr("recruiter")


@pytest.fixture()
def job(client, hr):
    return create_job(client, hr)


def test_hr_manages_slots_stored_in_utc_and_shown_in_shanghai(client, hr, job, app):
    starts = (datetime.now(timezone.utc) + timedelta(days=3)).astimezone(SHANGHAI).replace(hour=14, minute=0, second=0, microsecond=0)
    body = {"starts_at": starts.isoformat(), "ends_at": (starts + timedelta(minutes=45)).isoformat(),
            "capacity": 3, "format": "onsite", "location": "上海市浦东新区 1 号楼"}
    created = client.post(f"/api/jobs/{job['id']}/slots", json=body, headers=hr)
    assert created.status_code == 201, created.json
    slot = created.json
    assert uuid.UUID(slot["id"]).version == 4
    assert datetime.fromisoformat(slot["starts_at"]).utcoffset() == timedelta(0)
    assert datetime.fromisoformat(slot["starts_at"]) == starts
    assert slot["starts_at_display"] == starts.isoformat() and slot["starts_at_display"].endswith("T14:00:00+08:00")
    assert (slot["capacity"], slot["booked"], slot["seats_left"], slot["format"]) == (3, 0, 3, "onsite")

    later = make_slot(client, hr, job["id"], in_hours=24 * 5)
    listed = client.get(f"/api/jobs/{job['id']}/slots", headers=hr)
    assert [s["id"] for s in listed.json] == [slot["id"], later["id"]]
    assert '"total": 2' in listed.headers["X-Pagination"]

    patched = client.patch(f"/api/jobs/{job['id']}/slots/{slot['id']}", json={"capacity": 5, "format": "online"}, headers=hr)
    assert patched.status_code == 200 and (patched.json["capacity"], patched.json["format"]) == (5, "online")
    moved = client.patch(f"/api/jobs/{job['id']}/slots/{later['id']}", json={"starts_at": at(24 * 6), "ends_at": at(24 * 6 + 1)}, headers=hr)
    assert moved.status_code == 200
    assert client.delete(f"/api/jobs/{job['id']}/slots/{later['id']}", headers=hr).status_code == 204
    assert client.get(f"/api/jobs/{job['id']}/slots/{later['id']}", headers=hr).status_code == 404
    assert len(events(app, "slot_created")) == 2 and len(events(app, "slot_updated")) == 2 and len(events(app, "slot_deleted")) == 1


@pytest.mark.parametrize("body, field", [
    ({"starts_at": at(50), "ends_at": at(49)}, "ends_at"),  # end before start
    ({"starts_at": at(50), "ends_at": at(50)}, "ends_at"),  # empty
    ({"starts_at": at(50), "ends_at": at(51), "capacity": 0}, "capacity"),
    ({"starts_at": "2030-05-01T14:00:00", "ends_at": "2030-05-01T15:00:00"}, "starts_at"),  # naive
    ({"starts_at": at(50), "ends_at": at(51), "format": "phone"}, "format"),
    ({"starts_at": "tomorrow", "ends_at": at(51)}, "starts_at"),
])
def test_slot_validation_is_422(client, hr, job, body, field):
    response = client.post(f"/api/jobs/{job['id']}/slots", json=body, headers=hr)
    assert response.status_code == 422, response.json
    assert field in str(response.json["errors"])


def test_slots_in_the_past_or_too_long_and_bad_policies_are_422(client, hr, job):
    url = f"/api/jobs/{job['id']}/slots"
    assert client.post(url, json={"starts_at": at(-2), "ends_at": at(-1)}, headers=hr).json["reason"] == "slot_in_past"
    assert client.post(url, json={"starts_at": at(2), "ends_at": at(40)}, headers=hr).status_code == 422
    slot = make_slot(client, hr, job["id"])
    bad = client.patch(f"{url}/{slot['id']}", json={"ends_at": at(47)}, headers=hr)
    assert bad.status_code == 422 and bad.json["reason"] == "ends_before_start"
    policy = f"/api/jobs/{job['id']}/schedule-policy"
    assert client.put(policy, json={"mode": "whenever"}, headers=hr).status_code == 422
    assert client.put(policy, json={"max_reschedules": -1}, headers=hr).status_code == 422
    assert client.get(policy, headers=hr).json["mode"] == "slots"


@pytest.mark.both_databases
def test_booking_moves_the_application_to_booked_and_writes_an_event(client, hr, job, app):
    slot = make_slot(client, hr, job["id"], capacity=2, location="https://meeting.example.com/abc")
    application, me = invite_candidate(client, hr, job["id"])
    options = client.get("/api/candidate/slots", headers=me).json
    assert options["mode"] == "slots" and options["window"] is None
    assert [(s["id"], s["seats_left"]) for s in options["slots"]] == [(slot["id"], 2)]
    assert options["slots"][0]["starts_at_display"].endswith("+08:00")

    booked = book(client, me, slot["id"])
    assert booked.status_code == 201, booked.json
    assert booked.json["slot_id"] == slot["id"] and booked.json["status"] == "active" and booked.json["kind"] == "slot"
    assert booked.json["location"] == "https://meeting.example.com/abc" and booked.json["reschedules_left"] == 2
    assert state(client, me) == "booked"
    assert client.get("/api/candidate/booking", headers=me).json["id"] == booked.json["id"]
    assert client.get("/api/candidate/slots", headers=me).json["slots"] == []  # my own slot is not offered again
    assert book(client, me, slot["id"]).json["reason"] == "already_booked"

    detail = client.get(f"/api/jobs/{job['id']}/slots/{slot['id']}", headers=hr).json
    assert detail["booked"] == 1 and [b["application_id"] for b in detail["bookings"]] == [application["id"]]
    assert detail["bookings"][0]["candidate_name"] == "李候选"
    timeline = client.get(f"/api/applications/{application['id']}", headers=hr).json["events"]
    change = [e for e in timeline if e["kind"] == "state_changed" and e["to_state"] == "booked"]
    assert change and change[0]["from_state"] == "invited" and change[0]["actor_type"] == "candidate"
    assert change[0]["data"]["booking_id"] == booked.json["id"] and change[0]["data"]["slot_id"] == slot["id"]


def test_busy_times_exclude_conflicting_slots(client, hr, job):
    clash = make_slot(client, hr, job["id"], in_hours=48)
    free = make_slot(client, hr, job["id"], in_hours=52)
    _, me = invite_candidate(client, hr, job["id"])
    busy = {"busy_times": [{"starts_at": at(47.5, SHANGHAI), "ends_at": at(48.5, SHANGHAI), "label": "期末考试"}]}
    saved = client.put("/api/candidate/busy-times", json=busy, headers=me)
    assert saved.status_code == 200 and saved.json["busy_times"][0]["label"] == "期末考试"
    assert saved.json["busy_times"][0]["starts_at_display"].endswith("+08:00")
    assert [s["id"] for s in client.get("/api/candidate/slots", headers=me).json["slots"]] == [free["id"]]
    refused = book(client, me, clash["id"])
    assert refused.status_code == 409 and refused.json["reason"] == "busy_time_conflict"
    # A busy time that only touches the slot's end is no conflict; replacing the list frees the slot.
    touching = {"busy_times": [{"starts_at": at(49), "ends_at": at(50)}]}
    assert client.put("/api/candidate/busy-times", json=touching, headers=me).status_code == 200
    assert len(client.get("/api/candidate/busy-times", headers=me).json["busy_times"]) == 1
    assert {s["id"] for s in client.get("/api/candidate/slots", headers=me).json["slots"]} == {clash["id"], free["id"]}
    for bad in ([{"starts_at": at(5), "ends_at": at(4)}], [{"starts_at": "2030-01-01T08:00:00", "ends_at": at(4)}]):
        assert client.put("/api/candidate/busy-times", json={"busy_times": bad}, headers=me).status_code == 422


def test_reschedule_respects_the_maximum_and_the_cutoff(client, hr, job, app):
    set_policy(client, hr, job["id"], reschedule_cutoff_hours=24, max_reschedules=1)
    first, second, third = (make_slot(client, hr, job["id"], in_hours=h) for h in (48, 72, 96))
    soon = make_slot(client, hr, job["id"], in_hours=3)
    _, me = invite_candidate(client, hr, job["id"], name="甲")
    assert book(client, me, first["id"]).status_code == 201

    moved = client.post("/api/candidate/booking/reschedule", json={"slot_id": second["id"]}, headers=me)
    assert moved.status_code == 200, moved.json
    assert (moved.json["slot_id"], moved.json["reschedule_count"], moved.json["reschedules_left"]) == (second["id"], 1, 0)
    assert state(client, me) == "booked"
    seats = {s["id"]: s["booked"] for s in client.get(f"/api/jobs/{job['id']}/slots", headers=hr).json}
    assert (seats[first["id"]], seats[second["id"]]) == (0, 1)
    again = client.post("/api/candidate/booking/reschedule", json={"slot_id": third["id"]}, headers=me)
    assert again.status_code == 409 and again.json["reason"] == "reschedule_limit"
    assert len(events(app, "booking_rescheduled")) == 1

    _, other = invite_candidate(client, hr, job["id"], name="乙")
    assert book(client, other, soon["id"]).status_code == 201
    late = client.post("/api/candidate/booking/reschedule", json={"slot_id": third["id"]}, headers=other)
    assert late.status_code == 409 and late.json["reason"] == "reschedule_cutoff"
    _, third_candidate = invite_candidate(client, hr, job["id"], name="丙")
    assert book(client, third_candidate, third["id"]).status_code == 201
    same = client.post("/api/candidate/booking/reschedule", json={"slot_id": third["id"]}, headers=third_candidate)
    assert same.status_code == 422 and same.json["reason"] == "same_slot"
    # Cancelling and booking again keeps the count: the limit cannot be dodged.
    assert client.delete("/api/candidate/booking", headers=me).status_code == 204
    rebooked = book(client, me, first["id"])
    assert rebooked.status_code == 201 and rebooked.json["reschedule_count"] == 1 and rebooked.json["reschedules_left"] == 0


def test_cancel_frees_the_seat(client, hr, job, app):
    slot = make_slot(client, hr, job["id"], capacity=1)
    _, first = invite_candidate(client, hr, job["id"], name="甲")
    _, second = invite_candidate(client, hr, job["id"], name="乙")
    assert book(client, first, slot["id"]).status_code == 201
    assert client.get("/api/candidate/slots", headers=second).json["slots"] == []
    full = book(client, second, slot["id"])
    assert full.status_code == 409 and full.json["reason"] == "slot_full"

    assert client.delete("/api/candidate/booking", headers=first).status_code == 204
    assert state(client, first) == "invited"
    assert client.get("/api/candidate/booking", headers=first).status_code == 404
    assert client.delete("/api/candidate/booking", headers=first).json["reason"] == "not_booked"
    assert book(client, second, slot["id"]).status_code == 201
    assert client.get(f"/api/jobs/{job['id']}/slots/{slot['id']}", headers=hr).json["booked"] == 1
    cancelled = [e for e in events(app, "state_changed") if e.to_state == "invited" and e.from_state == "booked"]
    assert len(cancelled) == 1 and cancelled[0].data["action"] == "cancelled"


def test_a_reinvited_candidate_books_afresh_and_the_old_seat_is_freed(client, hr, job, app):
    old, new = make_slot(client, hr, job["id"], in_hours=48), make_slot(client, hr, job["id"], in_hours=50)
    application, me = invite_candidate(client, hr, job["id"])
    assert book(client, me, old["id"]).status_code == 201
    # HR sends a new invitation: the application is 待预约 again and the old booking no longer stands.
    token = client.post(f"/api/applications/{application['id']}/invitations", headers=hr).json["token"]
    me = {"Authorization": "Bearer " + client.post("/api/candidate/session", json={"invitation_token": token}).json["token"]}
    assert state(client, me) == "invited"
    assert book(client, me, new["id"]).status_code == 201
    seats = {s["id"]: s["booked"] for s in client.get(f"/api/jobs/{job['id']}/slots", headers=hr).json}
    assert seats == {old["id"]: 0, new["id"]: 1}
    assert len(events(app, "booking_released")) == 1


def test_booked_slots_cannot_be_deleted_moved_or_shrunk(client, hr, job):
    slot = make_slot(client, hr, job["id"], capacity=3)
    for name in ("甲", "乙"):
        assert book(client, invite_candidate(client, hr, job["id"], name=name)[1], slot["id"]).status_code == 201
    url = f"/api/jobs/{job['id']}/slots/{slot['id']}"
    assert client.delete(url, headers=hr).json["reason"] == "slot_has_bookings"
    assert client.patch(url, json={"starts_at": at(60), "ends_at": at(61)}, headers=hr).json["reason"] == "slot_has_bookings"
    assert client.patch(url, json={"capacity": 1}, headers=hr).json["reason"] == "capacity_below_bookings"
    assert client.patch(url, json={"capacity": 2}, headers=hr).json["seats_left"] == 0


def test_deleting_a_slot_keeps_cancelled_bookings(client, hr, job, app):
    slot = make_slot(client, hr, job["id"])
    _, me = invite_candidate(client, hr, job["id"])
    assert book(client, me, slot["id"]).status_code == 201
    assert client.delete("/api/candidate/booking", headers=me).status_code == 204
    assert client.delete(f"/api/jobs/{job['id']}/slots/{slot['id']}", headers=hr).status_code == 204
    with app.app_context(), session_scope() as session:
        (booking,) = session.exec(select(Booking)).all()
        assert booking.status == "cancelled" and booking.slot_id is None and booking.starts_at is not None


@pytest.mark.both_databases
def test_idempotency_key_replays_and_refuses_a_different_body(client, hr, job, app):
    slot = make_slot(client, hr, job["id"], capacity=5)
    other = make_slot(client, hr, job["id"], in_hours=60, capacity=5)
    _, me = invite_candidate(client, hr, job["id"], name="甲")
    key = str(uuid.uuid4())
    first = book(client, me, slot["id"], **{"Idempotency-Key": key})
    assert first.status_code == 201 and "Idempotent-Replayed" not in first.headers
    replay = book(client, me, slot["id"], **{"Idempotency-Key": key})
    assert replay.status_code == 201 and replay.headers["Idempotent-Replayed"] == "true"
    assert replay.json == first.json and replay.headers["Content-Type"] == first.headers["Content-Type"]
    reused = book(client, me, other["id"], **{"Idempotency-Key": key})
    assert reused.status_code == 422 and reused.json["reason"] == "idempotency_key_reused"
    # Without a key the same request is a new attempt (and is refused: already booked).
    assert book(client, me, slot["id"]).json["reason"] == "already_booked"

    # Keys are per caller: another candidate's identical key is theirs alone.
    _, you = invite_candidate(client, hr, job["id"], name="乙")
    assert book(client, you, slot["id"], **{"Idempotency-Key": key}).headers.get("Idempotent-Replayed") is None
    # A refused request stores nothing: the same key may be retried once the cause is gone.
    _, third = invite_candidate(client, hr, job["id"], name="丙")
    client.put(f"/api/jobs/{job['id']}/schedule-policy", json={"mode": "open_window"}, headers=hr)
    refused = book(client, third, slot["id"], **{"Idempotency-Key": "retry-me"})
    assert refused.status_code == 422 and refused.json["reason"] == "open_window"
    client.put(f"/api/jobs/{job['id']}/schedule-policy", json={"mode": "slots"}, headers=hr)
    assert book(client, third, slot["id"], **{"Idempotency-Key": "retry-me"}).status_code == 201

    with app.app_context(), session_scope() as session:
        assert len(session.exec(select(Booking)).all()) == 3
    assert book(client, me, slot["id"], **{"Idempotency-Key": "bad key with spaces"}).status_code == 422
    # HR slot creation takes a key too.
    body = {"starts_at": at(80), "ends_at": at(81)}
    created = client.post(f"/api/jobs/{job['id']}/slots", json=body, headers={**hr, "Idempotency-Key": key})
    again = client.post(f"/api/jobs/{job['id']}/slots", json=body, headers={**hr, "Idempotency-Key": key})
    assert created.status_code == again.status_code == 201 and created.json["id"] == again.json["id"]
    assert again.headers["Idempotent-Replayed"] == "true"


def test_open_window_needs_no_slot_and_records_the_deadline(client, hr, job):
    set_policy(client, hr, job["id"], mode="open_window", window_hours=72)
    slot = make_slot(client, hr, job["id"])
    _, me = invite_candidate(client, hr, job["id"])
    options = client.get("/api/candidate/slots", headers=me).json
    assert options["mode"] == "open_window" and options["slots"] == []
    closes = datetime.fromisoformat(options["window"]["closes_at"])
    assert abs(closes - (datetime.now(timezone.utc) + timedelta(hours=72))) < timedelta(minutes=1)
    assert options["window"]["closes_at_display"].endswith("+08:00")
    assert book(client, me, slot["id"]).status_code == 422

    booked = book(client, me)
    assert booked.status_code == 201, booked.json
    assert booked.json["kind"] == "open_window" and booked.json["slot_id"] is None
    deadline = datetime.fromisoformat(booked.json["deadline_at"])
    assert abs(deadline - (datetime.now(timezone.utc) + timedelta(hours=72))) < timedelta(minutes=1)
    assert state(client, me) == "booked"
    moved = client.post("/api/candidate/booking/reschedule", json={"slot_id": slot["id"]}, headers=me)
    assert moved.status_code == 409 and moved.json["reason"] == "open_window"
    assert client.delete("/api/candidate/booking", headers=me).status_code == 204
    assert state(client, me) == "invited"


def test_whatever_the_caller_may_not_see_is_404(client, make_hr, hr, job):
    theirs = make_hr(organization="other-bank")
    slot = make_slot(client, hr, job["id"])
    other_job = create_job(client, hr)
    other_slot = make_slot(client, hr, other_job["id"])
    url = f"/api/jobs/{job['id']}/slots/{slot['id']}"
    assert client.get(f"/api/jobs/{job['id']}/slots", headers=theirs).status_code == 404
    assert client.post(f"/api/jobs/{job['id']}/slots", json={"starts_at": at(5), "ends_at": at(6)}, headers=theirs).status_code == 404
    assert client.get(url, headers=theirs).status_code == 404
    assert client.patch(url, json={"capacity": 4}, headers=theirs).status_code == 404
    assert client.delete(url, headers=theirs).status_code == 404
    assert client.put(f"/api/jobs/{job['id']}/schedule-policy", json={}, headers=theirs).status_code == 404
    assert client.get(f"/api/jobs/{other_job['id']}/slots/{slot['id']}", headers=hr).status_code == 404
    assert client.delete(f"/api/jobs/{job['id']}/slots/{uuid.uuid4()}", headers=hr).status_code == 404

    _, me = invite_candidate(client, hr, job["id"])
    assert book(client, me, other_slot["id"]).status_code == 404  # a slot of another job
    assert book(client, me, str(uuid.uuid4())).status_code == 404
    their_job = create_job(client, theirs)
    their_slot = make_slot(client, theirs, their_job["id"])
    assert book(client, me, their_slot["id"]).status_code == 404
    assert client.get(f"/api/jobs/{job['id']}/slots", headers=me).status_code == 401  # a candidate is no HR
    assert client.get("/api/candidate/slots", headers=hr).status_code == 401
    assert client.get("/api/candidate/slots").status_code == 401


def test_interviewers_read_slots_but_cannot_change_them(client, make_hr, hr, job):
    interviewer = make_hr("interviewer")
    slot = make_slot(client, hr, job["id"])
    assert client.get(f"/api/jobs/{job['id']}/slots", headers=interviewer).status_code == 200
    assert client.post(f"/api/jobs/{job['id']}/slots", json={"starts_at": at(5), "ends_at": at(6)}, headers=interviewer).status_code == 403
    assert client.delete(f"/api/jobs/{job['id']}/slots/{slot['id']}", headers=interviewer).status_code == 403


def _candidates(client, hr, job_id, count):
    return [invite_candidate(client, hr, job_id, name=f"候选{i}")[1] for i in range(count)]


def _race(live_url, requests_to_send):
    """Send (method, path, headers, body) requests at once, each on its own connection and thread.

    Every request is sent but for the last byte of its body; all threads then wait at a barrier and send
    that byte together, so the server handles them all at the same moment rather than as they connect.
    """
    host, port = live_url.removeprefix("http://").split(":")
    barrier = threading.Barrier(len(requests_to_send))

    def fire(request):
        method, path, headers, body = request
        payload = json.dumps(body).encode()
        connection = http.client.HTTPConnection(host, int(port), timeout=60)
        try:
            connection.putrequest(method, path)
            for name, value in {**headers, "Content-Type": "application/json", "Content-Length": str(len(payload))}.items():
                connection.putheader(name, value)
            connection.endheaders(payload[:-1])
            barrier.wait()
            connection.send(payload[-1:])
            response = connection.getresponse()
            content = response.read()
            return response.status, json.loads(content) if content else None, dict(response.getheaders())
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(requests_to_send)) as pool:
        return list(pool.map(fire, requests_to_send))


@pytest.mark.both_databases
def test_fifty_candidates_race_for_one_seat(client, hr, job, live_url, app):
    slot = make_slot(client, hr, job["id"], capacity=1)
    candidates = _candidates(client, hr, job["id"], 50)
    results = _race(live_url, [("POST", "/api/candidate/booking", me, {"slot_id": slot["id"]}) for me in candidates])
    statuses = sorted(status for status, _, _ in results)
    assert statuses == [201] + [409] * 49, statuses
    assert {body["reason"] for status, body, _ in results if status == 409} == {"slot_full"}
    with app.app_context(), session_scope() as session:
        assert session.get(InterviewSlot, uuid.UUID(slot["id"])).booked == 1
        assert len(session.exec(select(Booking).where(Booking.status == "active")).all()) == 1


@pytest.mark.both_databases
def test_concurrent_bookings_of_one_candidate_yield_one_booking(client, hr, job, live_url, app):
    slots = [make_slot(client, hr, job["id"], in_hours=48 + i, capacity=2) for i in range(10)]
    (me,) = _candidates(client, hr, job["id"], 1)
    results = _race(live_url, [("POST", "/api/candidate/booking", me, {"slot_id": s["id"]}) for s in slots])
    statuses = sorted(status for status, _, _ in results)
    assert statuses == [201] + [409] * 9, statuses
    assert {body["reason"] for status, body, _ in results if status == 409} == {"already_booked"}
    seats = client.get(f"/api/jobs/{job['id']}/slots", headers=hr).json
    assert sum(s["booked"] for s in seats) == 1


@pytest.mark.both_databases
def test_concurrent_duplicates_with_one_key_book_once(client, hr, job, live_url, app):
    slot = make_slot(client, hr, job["id"], capacity=5)
    (me,) = _candidates(client, hr, job["id"], 1)
    headers = {**me, "Idempotency-Key": str(uuid.uuid4())}
    results = _race(live_url, [("POST", "/api/candidate/booking", headers, {"slot_id": slot["id"]})] * 12)
    assert all(status in (201, 409) for status, _, _ in results), results
    created = [(body, h) for status, body, h in results if status == 201]
    assert created and len({body["id"] for body, _ in created}) == 1
    assert sum(1 for _, h in created if "Idempotent-Replayed" not in h) == 1
    with app.app_context(), session_scope() as session:
        assert session.get(InterviewSlot, uuid.UUID(slot["id"])).booked == 1


@pytest.mark.both_databases
def test_crossing_reschedules_do_not_deadlock(client, hr, job, live_url):
    first, second = (make_slot(client, hr, job["id"], in_hours=h, capacity=10) for h in (48, 50))
    candidates = _candidates(client, hr, job["id"], 10)
    for index, me in enumerate(candidates):
        assert book(client, me, (first if index % 2 else second)["id"]).status_code == 201
    moves = [("POST", "/api/candidate/booking/reschedule", me, {"slot_id": (second if index % 2 else first)["id"]})
             for index, me in enumerate(candidates)]
    assert [status for status, _, _ in _race(live_url, moves)] == [200] * 10
    seats = {s["id"]: s["booked"] for s in client.get(f"/api/jobs/{job['id']}/slots", headers=hr).json}
    assert seats == {first["id"]: 5, second["id"]: 5}


@pytest.mark.both_databases
def test_migration_upgrades_and_downgrades(database_url, tmp_path):
    """0002_scheduling applies and reverts cleanly on a scratch database of the same kind."""
    if database_url.startswith("sqlite"):
        url, drop = f"sqlite:///{tmp_path / 'scratch.db'}", None
    else:
        admin = sa.create_engine(database_url, isolation_level="AUTOCOMMIT")
        name = f"qingpin_mig_{uuid.uuid4().hex[:10]}"
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        url = admin.url.set(database=name).render_as_string(hide_password=False)
        drop = (admin, name)
    try:
        upgrade(url, "0002_scheduling")
        tables = {"interview_slot", "booking", "busy_time", "schedule_policy", "idempotency_record"}
        engine = sa.create_engine(url)
        assert tables <= set(sa.inspect(engine).get_table_names())
        downgrade(url, "0001")
        assert not tables & set(sa.inspect(engine).get_table_names())
        upgrade(url, "0002_scheduling")
        assert tables <= set(sa.inspect(engine).get_table_names())
        engine.dispose()
    finally:
        if drop:
            admin, name = drop
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


@pytest.mark.both_databases
def test_the_seat_is_the_last_statement_before_commit_after_the_idempotency_record(client, hr, job, app):
    """Every booker of a slot queues for its row: the seat is taken by the transaction's last statement, after the
    state, its event, the confirmation and the idempotency record, so the lock is held only until the COMMIT."""
    slot = make_slot(client, hr, job["id"], capacity=2)
    _, me = invite_candidate(client, hr, job["id"])
    engine = app.extensions["qingpin.engine"]
    seen: list[str] = []

    def statement(_conn, _cursor, text, *_):
        seen.append(" ".join(text.split()[:3]))

    sa.event.listen(engine, "before_cursor_execute", statement)
    sa.event.listen(engine, "commit", lambda _conn: seen.append("COMMIT"))
    try:
        booked = book(client, me, slot["id"], **{"Idempotency-Key": str(uuid.uuid4())})
    finally:
        sa.event.remove(engine, "before_cursor_execute", statement)
    assert booked.status_code == 201, booked.json
    seen = seen[:seen.index("COMMIT") + 1]
    record = max(i for i, s in enumerate(seen) if s.startswith("INSERT INTO idempotency_record"))
    if engine.dialect.name == "postgresql":
        assert seen[-2:] == ["WITH seat AS", "COMMIT"], seen  # the seat and the booking in one statement
    else:
        assert seen[-3:] == ["UPDATE interview_slot SET", "INSERT INTO booking", "COMMIT"], seen
    assert record < len(seen) - 3 + (engine.dialect.name == "postgresql"), seen
    assert [s for s in client.get(f"/api/jobs/{job['id']}/slots", headers=hr).json if s["id"] == slot["id"]][0]["booked"] == 1


def test_a_booking_that_loses_the_last_seat_to_a_concurrent_one_commits_nothing(client, hr, job, app):
    """A request that read a free seat but lost it meanwhile waits for the slot's row only at its last statement,
    and is then refused: its state, event and confirmation roll back with it (nothing is queued either)."""
    if app.extensions["qingpin.engine"].dialect.name != "postgresql":
        pytest.skip("SQLite's write lock serialises bookings from their first read")
    from sqlmodel import Session

    from backend.db import run_last_statements
    from backend.models import Application
    from backend.models.notifications import NotificationOutbox
    from backend.services import booking as booking_service
    from backend.services.applications import Actor

    slot_id = uuid.UUID(make_slot(client, hr, job["id"], capacity=1)["id"])
    first, _ = invite_candidate(client, hr, job["id"], name="甲")
    second, _ = invite_candidate(client, hr, job["id"], name="乙")
    engine = app.extensions["qingpin.engine"]
    outcome: dict = {}

    def lose():
        with app.app_context(), Session(engine, expire_on_commit=False) as session:
            booking_service.book(session, application_id=uuid.UUID(second["id"]), slot_id=slot_id,
                                 actor=Actor("candidate", None))  # a free seat was read: its writes are done
            outcome["after_commit"] = list(session.info.get("after_commit", []))
            try:
                session.commit()  # a caller outside a request: the deferred seat runs at commit
            except Exception as exc:  # noqa: BLE001 (checked below)
                outcome["refused"] = exc
                session.rollback()

    with app.app_context(), Session(engine, expire_on_commit=False) as holder:
        booking_service.book(holder, application_id=uuid.UUID(first["id"]), slot_id=slot_id,
                             actor=Actor("candidate", None))
        run_last_statements(holder)  # the seat is taken: the slot's row is locked until the commit
        thread = threading.Thread(target=lose)
        thread.start()
        thread.join(timeout=2)  # it wrote its state, event and confirmation, and now waits for the slot's row
        assert thread.is_alive()
        holder.commit()
    thread.join(timeout=30)
    assert getattr(outcome.get("refused"), "reason", None) == "slot_full", outcome
    assert outcome["after_commit"]  # it had queued the confirmation and the reminder for after its commit...
    with app.app_context(), session_scope() as session:  # ...and none of it stands
        assert session.get(Application, uuid.UUID(second["id"])).state == "invited"
        assert session.get(Application, uuid.UUID(first["id"])).state == "booked"
        assert session.get(InterviewSlot, slot_id).booked == 1
        assert len(session.exec(select(Booking)).all()) == 1
        notified = session.exec(select(NotificationOutbox.application_id)
                                .where(NotificationOutbox.template == "booking_confirmed")).all()
        assert notified == [uuid.UUID(first["id"])]
        assert not session.exec(select(Event).where(Event.application_id == uuid.UUID(second["id"]),
                                                    Event.to_state == "booked")).all()


def test_the_seat_goes_to_postgresql_with_the_commit_and_a_refusal_there_commits_nothing(client, hr, job, app):
    """A request whose response is final sends its seat statement and the COMMIT together (one round trip: the slot's
    row lock is held for no round trip back to the web process). When no seat is left by then the statement fails,
    PostgreSQL skips the COMMIT, and the request is refused with nothing of it standing; when one is, the booking is
    committed before the request ends, and its after-commit work runs."""
    if app.extensions["qingpin.engine"].dialect.name != "postgresql":
        pytest.skip("PostgreSQL's pipeline mode; SQLite takes the seat at the request's commit")
    from sqlmodel import Session

    from backend.db import run_last_statements
    from backend.models import Application
    from backend.models.notifications import NotificationOutbox
    from backend.services import booking as booking_service
    from backend.services.applications import Actor

    slot_id = uuid.UUID(make_slot(client, hr, job["id"], capacity=2)["id"])
    first, _ = invite_candidate(client, hr, job["id"], name="甲")
    second, _ = invite_candidate(client, hr, job["id"], name="乙")
    third, _ = invite_candidate(client, hr, job["id"], name="丙")
    engine = app.extensions["qingpin.engine"]
    pipelined: list[bool] = []

    def statement(conn, _cursor, text, *_):
        if text.lstrip().startswith("WITH seat AS"):
            pipelined.append(conn.connection.dbapi_connection._pipeline is not None)

    sa.event.listen(engine, "before_cursor_execute", statement)
    try:
        with app.app_context(), Session(engine, expire_on_commit=False) as session:
            booking_service.book(session, application_id=uuid.UUID(first["id"]), slot_id=slot_id,
                                 actor=Actor("candidate", None))
            ran: list[str] = []
            session.info.setdefault("after_commit", []).append(lambda: ran.append("after commit"))
            run_last_statements(session, commit=True)
            assert ran == ["after commit"] and not session.in_transaction()
            with session_scope(engine) as other:  # committed already, before the request's end
                assert other.get(InterviewSlot, slot_id).booked == 1
                assert other.get(Application, uuid.UUID(first["id"])).state == "booked"
        assert pipelined == [True]

        outcome: dict = {}

        def lose():
            with app.app_context(), Session(engine, expire_on_commit=False) as session:
                booking_service.book(session, application_id=uuid.UUID(third["id"]), slot_id=slot_id,
                                     actor=Actor("candidate", None))  # a free seat was read: its writes are done
                session.info.setdefault("after_commit", []).append(lambda: outcome.setdefault("after_commit", True))
                try:
                    run_last_statements(session, commit=True)
                except Exception as exc:  # noqa: BLE001 (checked below)
                    outcome["refused"] = exc
                outcome["in_transaction"] = session.in_transaction()
                session.rollback()

        with app.app_context(), Session(engine, expire_on_commit=False) as holder:
            booking_service.book(holder, application_id=uuid.UUID(second["id"]), slot_id=slot_id,
                                 actor=Actor("candidate", None))
            run_last_statements(holder)  # the last seat is taken: the slot's row is locked until this commit
            thread = threading.Thread(target=lose)
            thread.start()
            thread.join(timeout=2)  # its seat statement and COMMIT are sent; PostgreSQL waits for the slot's row
            assert thread.is_alive()
            holder.commit()
        thread.join(timeout=30)
    finally:
        sa.event.remove(engine, "before_cursor_execute", statement)
    assert pipelined == [True, False, True]  # the holder took its seat on its own (no commit with it)
    assert getattr(outcome.get("refused"), "reason", None) == "slot_full", outcome
    assert "after_commit" not in outcome  # its after-commit work never ran
    with app.app_context(), session_scope() as session:  # and nothing of it stands
        assert session.get(Application, uuid.UUID(third["id"])).state == "invited"
        assert session.get(InterviewSlot, slot_id).booked == 2
        assert {b.application_id for b in session.exec(select(Booking)).all()} == {uuid.UUID(first["id"]), uuid.UUID(second["id"])}
        notified = session.exec(select(NotificationOutbox.application_id)
                                .where(NotificationOutbox.template == "booking_confirmed")).all()
        assert uuid.UUID(third["id"]) not in notified
        assert not session.exec(select(Event).where(Event.application_id == uuid.UUID(third["id"]),
                                                    Event.to_state == "booked")).all()


def test_a_connection_the_server_dropped_during_the_seat_and_commit_is_invalidated(app):
    """`db.commit_with` sends its statement and the COMMIT through psycopg itself, past SQLAlchemy: when the server
    has dropped the connection meanwhile, psycopg's error must still tell the pool that connection is gone, so the
    rollback and the next request get a fresh one instead of the dead one."""
    engine = app.extensions["qingpin.engine"]
    if engine.dialect.name != "postgresql":
        pytest.skip("the seat goes with the COMMIT (psycopg's pipeline) on PostgreSQL only")
    from sqlmodel import Session

    from backend.db import commit_with

    with app.app_context(), Session(engine) as session:
        pid = session.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()
        with engine.connect() as other:
            other.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        connection = session.connection()
        with pytest.raises(Exception) as raised:
            commit_with(session, sa.text("SELECT 1"))
        assert "terminat" in str(raised.value).lower() or "closed" in str(raised.value).lower(), raised.value
        assert connection.invalidated
        session.rollback()
        assert session.execute(sa.text("SELECT pg_backend_pid()")).scalar_one() != pid
