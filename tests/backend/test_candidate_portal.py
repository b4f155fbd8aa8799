"""What the candidate H5 portal needs from the API: the booking as .ics, practice questions kept out of every score,
the invitation link opening the portal, a configurable segment length, segments uploaded before their count is known."""
from __future__ import annotations

import copy
import hashlib
import io
import math
from datetime import datetime, timedelta, timezone

import pytest

from backend.demo import split_wav
from backend.seed import demo_job_payload

from .helpers import JOB, create_job, invite_candidate, silent_wav, start_question

SEGMENT_SECONDS = 10


@pytest.fixture()
def settings(settings):
    """A short segment length, as the browser test configures it (the default is 120 s)."""
    return settings.model_copy(update={"segment_seconds": SEGMENT_SECONDS})


def _job_with_practice(client, hr) -> dict:
    payload = copy.deepcopy(JOB)
    practice = dict(copy.deepcopy(JOB["questions"][0]), text="练习题：请简单介绍一下你自己。", practice=True, retakes=2)
    payload["questions"] = [practice, *payload["questions"]]
    return create_job(client, hr, payload)


def _segment(client, me, answer_id, content: bytes, *, index: int, count: int | None):
    data = {"index": index, "sha256": hashlib.sha256(content).hexdigest(), "file": (io.BytesIO(content), "segment.wav")}
    if count is not None:
        data["count"] = count
    return client.post(f"/api/candidate/answers/{answer_id}/segments", headers=me, content_type="multipart/form-data", data=data)


def _book_slot(client, hr, me, job_id, *, location="线上") -> dict:
    starts = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=2)
    slot = client.post(f"/api/jobs/{job_id}/slots", headers=hr, json={
        "starts_at": starts.isoformat(), "ends_at": (starts + timedelta(minutes=30)).isoformat(), "location": location})
    assert slot.status_code == 201, slot.json
    booking = client.post("/api/candidate/booking", headers=me, json={"slot_id": slot.json["id"]})
    assert booking.status_code == 201, booking.json
    return booking.json


def test_the_booking_downloads_as_an_ics_event(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)
    _, me = invite_candidate(client, hr, job["id"])
    assert client.get("/api/candidate/booking.ics", headers=me).status_code == 404
    booking = _book_slot(client, hr, me, job["id"], location="北京市西城区金融街 1 号, 3 层; 会议室")
    response = client.get("/api/candidate/booking.ics", headers=me)
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.data.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    unfolded = text.replace("\r\n ", "")
    starts = datetime.fromisoformat(booking["starts_at"]).astimezone(timezone.utc)
    assert f"DTSTART:{starts:%Y%m%dT%H%M%SZ}" in unfolded
    assert f"UID:{booking['id']}@qingpin" in unfolded
    assert "SUMMARY:视频面试：对公客户经理" in unfolded
    assert "LOCATION:北京市西城区金融街 1 号\\, 3 层\\; 会议室" in unfolded
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert client.get("/api/candidate/booking.ics").status_code == 401
    # Cancelled: no event to add any more.
    assert client.delete("/api/candidate/booking", headers=me).status_code == 204
    assert client.get("/api/candidate/booking.ics", headers=me).status_code == 404


def test_an_open_window_downloads_its_deadline(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)
    client.put(f"/api/jobs/{job['id']}/schedule-policy", headers=hr, json={"mode": "open_window", "window_hours": 48})
    _, me = invite_candidate(client, hr, job["id"])
    booking = client.post("/api/candidate/booking", headers=me, json={}).json
    text = client.get("/api/candidate/booking.ics", headers=me).data.decode().replace("\r\n ", "")
    deadline = datetime.fromisoformat(booking["deadline_at"]).astimezone(timezone.utc)
    assert f"DTEND:{deadline:%Y%m%dT%H%M%SZ}" in text and "视频面试截止" in text


def test_the_invitation_link_opens_the_candidate_portal(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)
    application = client.post("/api/applications", headers=hr, json={"job_id": job["id"], "candidate": {"name": "王候选"}}).json
    invitation = client.post(f"/api/applications/{application['id']}/invitations", headers=hr).json
    assert invitation["url"] == f"/h5/c/i/{invitation['token']}"
    session = client.post("/api/candidate/session", json={"invitation_token": invitation["token"]}).json
    expires = datetime.fromisoformat(session["expires_at"])
    assert timedelta(hours=71) < expires - datetime.now(timezone.utc) <= timedelta(hours=72)
    me = {"Authorization": f"Bearer {session['token']}"}
    interview = client.get("/api/candidate/interview", headers=me).json
    assert interview["organization_name"] and interview["job_title"] == "对公客户经理"
    assert datetime.fromisoformat(interview["invitation_expires_at"]) == datetime.fromisoformat(invitation["expires_at"])
    assert interview["segment_max_seconds"] == SEGMENT_SECONDS
    assert interview["accommodation"] == {"extra_think_seconds": 0, "extra_answer_seconds": 0, "extra_retakes": 0,
                                          "extra_window_hours": 0}


def test_the_candidate_sees_times_and_retakes_with_their_accommodation(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)
    application, me = invite_candidate(client, hr, job["id"])
    assert client.put(f"/api/applications/{application['id']}/accommodation", headers=hr, json={
        "extra_think_seconds": 30, "extra_answer_seconds": 60, "extra_retakes": 1, "reason": "视力障碍，需要更多时间"}).status_code == 200
    question = client.get("/api/candidate/interview", headers=me).json["questions"][0]
    assert (question["think_seconds"], question["answer_seconds"], question["retakes"]) == (60, 240, 2)
    assert (question["attempts_left"], question["retakes_left"]) == (3, 2)
    started = start_question(client, me, question["id"])
    assert started["question"]["answer_seconds"] == 240 and started["question"]["attempts_left"] == 2
    assert started["segment_max_seconds"] == SEGMENT_SECONDS
    assert started["max_segments"] == math.ceil((240 + 5) / SEGMENT_SECONDS)


def test_segments_uploaded_while_recording_announce_their_count_last(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)
    application, me = invite_candidate(client, hr, job["id"])
    question_id = job["questions"][0]["id"]
    answer_id = start_question(client, me, question_id)["answer_id"]
    first, second, third = silent_wav(4), silent_wav(3), silent_wav(2)
    assert _segment(client, me, answer_id, first, index=0, count=None).status_code == 201
    # The last segment arrives before the middle one (a slow network): the answer waits for the missing one.
    last = _segment(client, me, answer_id, third, index=2, count=3)
    assert last.status_code == 201 and last.json["status"] == "recording" and last.json["segment_count"] == 3
    beyond = _segment(client, me, answer_id, second, index=3, count=None)
    assert beyond.status_code == 422 and beyond.json["reason"] == "bad_segment"
    assert _segment(client, me, answer_id, first, index=0, count=None).json["reason"] == "segment_exists"
    done = _segment(client, me, answer_id, second, index=1, count=None)
    assert done.status_code == 201 and done.json["status"] == "uploaded"
    answer = client.get(f"/api/applications/{application['id']}", headers=hr).json["answers"][0]
    assert [r["index"] for r in answer["recordings"]] == [0, 1, 2] and answer["duration_seconds"] == pytest.approx(9, abs=0.1)


def test_a_count_announced_late_cannot_orphan_an_uploaded_segment(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)
    _, me = invite_candidate(client, hr, job["id"])
    answer_id = start_question(client, me, job["questions"][0]["id"])["answer_id"]
    assert _segment(client, me, answer_id, silent_wav(2), index=2, count=None).status_code == 201
    refused = _segment(client, me, answer_id, silent_wav(2), index=0, count=2)
    assert refused.status_code == 422 and refused.json["reason"] == "bad_segment"


def test_a_segment_longer_than_the_configured_length_is_refused(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)
    _, me = invite_candidate(client, hr, job["id"])
    answer_id = start_question(client, me, job["questions"][0]["id"])["answer_id"]
    refused = _segment(client, me, answer_id, silent_wav(SEGMENT_SECONDS + 6), index=0, count=None)
    assert refused.status_code == 422 and refused.json["reason"] == "segment_too_long"
    assert _segment(client, me, answer_id, silent_wav(SEGMENT_SECONDS), index=0, count=1).status_code == 201


def test_a_camera_that_restarts_at_each_cut_is_told_the_longest_segment_and_may_record_it(client, make_hr):
    """The mini-program camera stops and restarts at every cut (a moment of speech is lost there), so it asks with
    recorder=camera and cuts at 120 s; a browser's overlapping recorder keeps the short configured length. Each
    attempt is checked against the length its recorder was told."""
    hr = make_hr()
    job = create_job(client, hr, demo_job_payload())
    _, me = invite_candidate(client, hr, job["id"])
    question_id = job["questions"][0]["id"]
    camera = client.post(f"/api/candidate/questions/{question_id}/start?recorder=camera", headers=me)
    assert camera.status_code == 201 and camera.json["segment_max_seconds"] == 120
    long_segment = silent_wav(SEGMENT_SECONDS + 20)
    assert _segment(client, me, camera.json["answer_id"], long_segment, index=0, count=1).status_code == 201
    # the browser's attempt keeps the configured 10 s
    overlapping = start_question(client, me, job["questions"][1]["id"])
    assert overlapping["segment_max_seconds"] == SEGMENT_SECONDS
    assert camera.json["max_segments"] < overlapping["max_segments"]
    refused = _segment(client, me, overlapping["answer_id"], long_segment, index=0, count=1)
    assert refused.status_code == 422 and refused.json["reason"] == "segment_too_long"
    unknown = client.post(f"/api/candidate/questions/{question_id}/start?recorder=tape", headers=me)
    assert unknown.status_code == 422


def test_a_practice_answer_is_never_scored_nor_shown_to_hr(client, make_hr, run_jobs, shared_dir):
    hr = make_hr()
    job = _job_with_practice(client, hr)
    practice, real = job["questions"]
    assert practice["practice"] is True and real["practice"] is False
    application, me = invite_candidate(client, hr, job["id"])
    mine = client.get("/api/candidate/interview", headers=me).json["questions"]
    assert [q["practice"] for q in mine] == [True, False]

    strong = (shared_dir / "fixtures" / "interview" / "q1_strong.wav").read_bytes()
    tried = start_question(client, me, practice["id"])
    assert tried["question"]["text"].startswith("练习题")
    uploaded = _segment(client, me, tried["answer_id"], strong[: 16000 * 2 * 8 + 44], index=0, count=1)
    assert uploaded.status_code == 201 and uploaded.json["status"] == "practice"
    # The candidate may try it again (retakes as configured), and again it is never scored.
    again = start_question(client, me, practice["id"])
    assert _segment(client, me, again["answer_id"], strong[: 16000 * 2 * 8 + 44], index=0, count=1).json["status"] == "practice"
    # Finishing needs every real question, not the practice one.
    unfinished = client.post("/api/candidate/interview/finish", headers=me)
    assert unfinished.status_code == 409 and unfinished.json["errors"]["question_ids"] == [real["id"]]
    real_answer = start_question(client, me, real["id"])
    pieces = split_wav(strong, SEGMENT_SECONDS - 1)
    for index, piece in enumerate(pieces):
        last = index == len(pieces) - 1
        if last:
            # started and partly uploaded, not submitted: finishing now would leave the interview never scored
            pending = client.post("/api/candidate/interview/finish", headers=me)
            assert pending.status_code == 409 and pending.json["reason"] == "answer_not_submitted"
            assert pending.json["errors"]["question_ids"] == [real["id"]]
        assert _segment(client, me, real_answer["answer_id"], piece, index=index, count=len(pieces) if last else None).status_code == 201
    assert client.post("/api/candidate/interview/finish", headers=me).status_code == 200
    run_jobs()

    detail = client.get(f"/api/applications/{application['id']}", headers=hr).json
    assert [a["id"] for a in detail["answers"]] == [real_answer["answer_id"]]
    assert detail["answers"][0]["status"] == "scored" and detail["state"] == "scored"
    assert practice["id"] not in str(detail["result"])
    for answer_id in (tried["answer_id"], again["answer_id"]):
        assert client.get(f"/api/answers/{answer_id}/human-scores", headers=hr).status_code == 404
        assert client.post(f"/api/answers/{answer_id}/human-scores", headers=hr,
                           json={"overall": 4, "competency_scores": {"沟通能力": 4}}).status_code == 404
        assert client.get(f"/api/answers/{answer_id}/ai-score-audit", headers=hr).status_code == 404
        assert client.get(f"/api/answers/{answer_id}/media", headers=hr).status_code == 404
    agreement = client.get(f"/api/jobs/{job['id']}/agreement", headers=hr)
    assert agreement.status_code == 200 and tried["answer_id"] not in str(agreement.json)
    # The candidate's own view keeps both practice attempts.
    answers = client.get("/api/candidate/interview", headers=me).json["answers"]
    assert sorted(a["status"] for a in answers if a["question_id"] == practice["id"]) == ["practice", "practice"]
    # A question with answers cannot change sides.
    changed = client.patch(f"/api/jobs/{job['id']}/questions/{practice['id']}", headers=hr, json={"practice": False})
    assert changed.status_code == 409 and changed.json["reason"] == "has_answers"
