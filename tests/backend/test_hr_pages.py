"""Endpoints the H5 pages need beyond the basics, on SQLite and PostgreSQL: the slots day view with who booked, and
reordering a job's questions; bad input is a 4xx and another organization gets a 404."""
from __future__ import annotations

import uuid
from datetime import datetime

from backend.wechat.subscribe import CHINA_TZ

from .helpers import JOB, create_job, invite_candidate
from .test_booking import book, make_slot

QUESTION = JOB["questions"][0]


def test_the_day_view_lists_a_china_day_of_slots_with_who_booked(client, make_hr):
    hr = make_hr("recruiter")
    job = create_job(client, hr)
    first = make_slot(client, hr, job["id"], in_hours=48, capacity=2)
    make_slot(client, hr, job["id"], in_hours=48 + 24 * 3)
    _, me = invite_candidate(client, hr, job["id"], name="周预约")
    assert book(client, me, first["id"]).status_code == 201
    day = datetime.fromisoformat(first["starts_at"]).astimezone(CHINA_TZ).date().isoformat()
    response = client.get(f"/api/jobs/{job['id']}/slots/day", headers=hr, query_string={"date": day})
    assert response.status_code == 200, response.json
    assert [slot["id"] for slot in response.json] == [first["id"]]
    slot = response.json[0]
    assert slot["seats_left"] == 1 and [b["candidate_name"] for b in slot["bookings"]] == ["周预约"]

    for query in ({}, {"date": "2026-02-30"}, {"date": "tomorrow"}):
        assert client.get(f"/api/jobs/{job['id']}/slots/day", headers=hr, query_string=query).status_code == 422
    other = make_hr("recruiter", organization="other-bank")
    assert client.get(f"/api/jobs/{job['id']}/slots/day", headers=other, query_string={"date": day}).status_code == 404


def test_questions_are_reordered_in_one_call(client, make_hr):
    hr = make_hr("recruiter")
    job = create_job(client, hr, dict(JOB, questions=[dict(QUESTION, text=f"第{n}题") for n in (1, 2, 3)]))
    ids = [q["id"] for q in job["questions"]]
    url = f"/api/jobs/{job['id']}/questions/order"
    response = client.put(url, headers=hr, json={"question_ids": [ids[2], ids[0], ids[1]]})
    assert response.status_code == 200, response.json
    assert [(q["text"], q["position"]) for q in response.json] == [("第3题", 1), ("第1题", 2), ("第2题", 3)]
    listed = client.get(f"/api/jobs/{job['id']}/questions", headers=hr).json
    assert [q["text"] for q in listed] == ["第3题", "第1题", "第2题"]

    for body in ({"question_ids": ids[:2]}, {"question_ids": [ids[0], ids[0], ids[1]]},
                 {"question_ids": [ids[0], ids[1], str(uuid.uuid4())]}, {"question_ids": []}, {"question_ids": "x"}, {}):
        refused = client.put(url, headers=hr, json=body)
        assert refused.status_code == 422, (body, refused.json)
    assert [q["text"] for q in client.get(f"/api/jobs/{job['id']}/questions", headers=hr).json] == ["第3题", "第1题", "第2题"]
    assert client.put(url, headers=make_hr("interviewer"), json={"question_ids": ids}).status_code == 403
    other = make_hr("admin", organization="other-bank")
    assert client.put(url, headers=other, json={"question_ids": ids}).status_code == 404


def test_applications_are_searched_by_name_phone_or_email_in_the_body(client, make_hr):
    hr = make_hr("recruiter")
    job = create_job(client, hr)
    for candidate in ({"name": "欧阳娜娜", "phone": "13900001111"}, {"name": "欧阳修", "email": "Ouyang@Example.com"},
                      {"name": "王50%_", "phone": "13700002222"}):
        assert client.post("/api/applications", headers=hr, json={"job_id": job["id"], "candidate": candidate}).status_code == 201

    def names(**body):
        response = client.post("/api/applications/search", headers=hr, json=body)
        assert response.status_code == 200, response.json
        return sorted(item["candidate"]["name"] for item in response.json)

    assert names(q="欧阳") == ["欧阳修", "欧阳娜娜"]
    assert names(q="0001111") == ["欧阳娜娜"]
    assert names(q="ouyang@example") == ["欧阳修"]
    assert names(q="%") == ["王50%_"] and names(q="_") == ["王50%_"]  # wildcards are literal
    assert names(q="欧阳", state="applied", job_id=job["id"]) == ["欧阳修", "欧阳娜娜"]
    assert names(q="欧阳", state="invited") == []
    paged = client.post("/api/applications/search", headers=hr, json={"q": "欧阳"}, query_string={"page_size": 1})
    assert len(paged.json) == 1 and '"total": 2' in paged.headers["X-Pagination"]
    for body in ({"q": ""}, {"q": "x" * 101}, {"state": "lost"}, {"job_id": "nope"}, {"name": "欧阳"}):
        assert client.post("/api/applications/search", headers=hr, json=body).status_code == 422, body
    other = make_hr("recruiter", organization="other-bank")
    assert client.post("/api/applications/search", headers=other, json={"q": "欧阳"}).json == []
