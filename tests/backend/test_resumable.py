"""Answers uploaded with the tus protocol through the real app over HTTP: resume, method override, ownership, once-only scoring."""
from __future__ import annotations

import hashlib

import requests
from rq.job import Job
from tusclient import client as tus_client

from backend.seed import demo_job_payload
from tests.uploads.conftest import RawPatch, metadata_header, wait_for

from .helpers import create_job, invite_candidate, start_question

TUS = {"Tus-Resumable": "1.0.0"}


def _metadata(answer_id: str, data: bytes, index=0, count=1) -> dict:
    return {"answer_id": answer_id, "segment_index": str(index), "segment_count": str(count),
            "sha256": hashlib.sha256(data).hexdigest(), "filename": "answer.wav"}


def _create(live_url, me, answer_id, data, **kw) -> requests.Response:
    return requests.post(f"{live_url}/api/uploads/", headers={
        **TUS, **me, "Upload-Length": str(len(data)), "Upload-Metadata": metadata_header(**_metadata(answer_id, data, **kw))})


def test_a_real_tus_client_uploads_an_answer_that_is_scored_once(client, make_hr, run_jobs, app, live_url, shared_dir):
    hr = make_hr()
    job = create_job(client, hr, demo_job_payload())
    application, me = invite_candidate(client, hr, job["id"])
    answer_id = start_question(client, me, job["questions"][0]["id"])["answer_id"]
    data = (shared_dir / "fixtures" / "interview" / "q1_strong.mp4").read_bytes()

    uploader = tus_client.TusClient(f"{live_url}/api/uploads/", headers=me).uploader(
        file_stream=__import__("io").BytesIO(data), chunk_size=256 * 1024, metadata=_metadata(answer_id, data))
    uploader.upload()
    assert uploader.offset == len(data)
    connection = app.extensions["qingpin.redis"]
    assert Job.fetch(f"score_answer-{answer_id}", connection=connection).origin == "asr"
    # Completing the upload again (a client retry) neither duplicates the segment nor re-queues scoring.
    assert requests.head(uploader.url, headers={**TUS, **me}).headers["Upload-Offset"] == str(len(data))
    run_jobs()
    answer = client.get(f"/api/applications/{application['id']}", headers=hr).json["answers"][0]
    assert answer["status"] == "scored" and len(answer["recordings"]) == 1
    assert answer["recordings"][0]["sha256"] == hashlib.sha256(data).hexdigest()
    assert answer["recordings"][0]["media_type"] == "video/mp4"
    # The test-pattern video has no face: flagged for a human, while the score stands on the answer's content alone.
    assert answer["integrity"]["flagged"] and answer["integrity"]["segments"][0]["flags"][0]["kind"] == "no_face"
    assert answer["content_score"] > 0


def test_a_dropped_connection_resumes_with_method_override(client, make_hr, live_url, shared_dir):
    hr = make_hr()
    job = create_job(client, hr)
    _, me = invite_candidate(client, hr, job["id"])
    answer_id = start_question(client, me, job["questions"][0]["id"])["answer_id"]
    data = (shared_dir / "fixtures" / "interview" / "q1_weak.wav").read_bytes()
    created = _create(live_url, me, answer_id, data)
    assert created.status_code == 201
    location = created.headers["Location"]

    patch = RawPatch(location, 0, len(data), {**me})
    patch.send(data[:50_000])
    patch.drop()  # the train enters a tunnel
    wait_for(lambda: requests.head(location, headers={**TUS, **me}).headers.get("Upload-Offset") == "50000")

    wrong = requests.post(location, data=data[10:20], headers={
        **TUS, **me, "X-HTTP-Method-Override": "PATCH", "Upload-Offset": "10", "Content-Type": "application/offset+octet-stream"})
    assert wrong.status_code == 409
    # WeChat's wx.request has no PATCH: POST with X-HTTP-Method-Override.
    rest = requests.post(location, data=data[50_000:], headers={
        **TUS, **me, "X-HTTP-Method-Override": "PATCH", "Upload-Offset": "50000",
        "Content-Type": "application/offset+octet-stream"})
    assert rest.status_code == 204 and rest.headers["Upload-Offset"] == str(len(data))
    status = client.get(f"/api/candidate/answers/{answer_id}", headers=me).json
    assert status["status"] == "uploaded" and status["segment_count"] == 1


def test_uploads_are_refused_for_other_candidates_and_bad_media(client, make_hr, live_url):
    hr = make_hr()
    job = create_job(client, hr)
    _, me = invite_candidate(client, hr, job["id"], name="甲")
    _, other = invite_candidate(client, hr, job["id"], name="乙")
    answer_id = start_question(client, me, job["questions"][0]["id"])["answer_id"]
    text = "这不是录音。".encode() * 100

    assert _create(live_url, other, answer_id, text).status_code == 404  # not their answer
    no_sum = requests.post(f"{live_url}/api/uploads/", headers={**TUS, **me, "Upload-Length": "10",
                                                                "Upload-Metadata": metadata_header(answer_id=answer_id)})
    assert no_sum.status_code == 422
    too_many = _create(live_url, me, answer_id, text, index=0, count=50)
    assert too_many.status_code == 422 and too_many.json()["reason"] == "bad_segment"

    created = _create(live_url, me, answer_id, text)
    location = created.headers["Location"]
    assert requests.head(location, headers={**TUS, **other}).status_code == 404
    done = requests.patch(location, data=text, headers={
        **TUS, **me, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"})
    assert done.status_code == 415 and done.json()["reason"] == "unsupported_media"
    status = client.get(f"/api/candidate/answers/{answer_id}", headers=me).json
    assert status["status"] == "recording" and status["segment_count"] is None
