"""With a booking, questions open only in the booked time: a slot (from 15 min before) or the open window."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

from backend.db import session_scope
from backend.models.scheduling import Booking

from .helpers import create_job, invite_candidate


def _shift(app, booking_id: str, **times) -> None:
    with app.app_context(), session_scope() as session:
        booking = session.get(Booking, uuid.UUID(booking_id))
        for name, value in times.items():
            setattr(booking, name, value)
        session.add(booking)


def test_a_slot_opens_the_questions_only_at_its_time(client, make_hr, app):
    hr = make_hr()
    job = create_job(client, hr)
    _, me = invite_candidate(client, hr, job["id"])
    starts = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(hours=2)
    slot = client.post(f"/api/jobs/{job['id']}/slots", headers=hr, json={
        "starts_at": starts.isoformat(), "ends_at": (starts + timedelta(minutes=30)).isoformat()}).json
    booking = client.post("/api/candidate/booking", headers=me, json={"slot_id": slot["id"]})
    assert booking.status_code == 201
    url = f"/api/candidate/questions/{job['questions'][0]['id']}/start"
    early = client.post(url, headers=me)
    assert early.status_code == 409 and early.json["reason"] == "slot_not_started"
    now = datetime.now(timezone.utc)
    _shift(app, booking.json["id"], starts_at=now - timedelta(hours=2), ends_at=now - timedelta(hours=1))
    late = client.post(url, headers=me)
    assert late.status_code == 409 and late.json["reason"] == "slot_over"
    _shift(app, booking.json["id"], starts_at=now - timedelta(minutes=1), ends_at=now + timedelta(minutes=29))
    assert client.post(url, headers=me).status_code == 201


def test_an_open_window_closes_at_its_deadline(client, make_hr, app):
    hr = make_hr()
    job = create_job(client, hr)
    assert client.put(f"/api/jobs/{job['id']}/schedule-policy", headers=hr,
                      json={"mode": "open_window", "window_hours": 72}).status_code == 200
    application, me = invite_candidate(client, hr, job["id"])
    booking = client.post("/api/candidate/booking", headers=me, json={})
    assert booking.status_code == 201, booking.json
    _shift(app, booking.json["id"], deadline_at=datetime.now(timezone.utc) - timedelta(minutes=1))
    url = f"/api/candidate/questions/{job['questions'][0]['id']}/start"
    closed = client.post(url, headers=me)
    assert closed.status_code == 409 and closed.json["reason"] == "window_closed"
    # A longer window granted as an accommodation reopens it.
    assert client.put(f"/api/applications/{application['id']}/accommodation", headers=hr,
                      json={"extra_window_hours": 24, "reason": "考生因病申请延期"}).status_code == 200
    assert client.post(url, headers=me).status_code == 201
