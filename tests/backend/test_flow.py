"""The thin flow end to end with a real worker and the real recogniser, on SQLite and on PostgreSQL."""
from __future__ import annotations

import os
import subprocess
import sys
import uuid

from rq.job import Job

from backend.db import session_scope
from backend.models import Answer
from backend.models.results import InterviewResult
from backend.seed import demo_job_payload

from .helpers import answer_question, assert_shown_whole, create_job, invite_candidate, silent_wav, start_question, upload_segment


def _upload(client, headers, question_id, path=None, *, content: bytes | None = None, name="answer.wav"):
    """Start the question and upload its answer as one segment."""
    return answer_question(client, headers, question_id, content if content is not None else path.read_bytes(),
                           name=path.name if path else name)


def test_demo_flow_scores_an_answer_with_evidence(client, make_hr, run_jobs, app, shared_dir):
    interview = shared_dir / "fixtures" / "interview"
    hr = make_hr("recruiter")
    job = create_job(client, hr, demo_job_payload())
    application, me = invite_candidate(client, hr, job["id"])
    questions = client.get("/api/candidate/interview", headers=me).json["questions"]
    assert [q["position"] for q in questions] == [1, 2, 3]

    uploaded = _upload(client, me, questions[0]["id"], interview / "q1_strong.wav")
    assert uploaded.status_code == 201, uploaded.json
    answer_id = uploaded.json["id"]
    queued = Job.fetch(f"score_answer-{answer_id}", connection=app.extensions["qingpin.redis"])
    assert queued.origin == "asr"
    run_jobs()

    mine = client.get(f"/api/candidate/answers/{answer_id}", headers=me).json
    assert mine["status"] == "scored" and "content_score" not in mine  # candidates never see raw scores here
    detail = client.get(f"/api/applications/{application['id']}", headers=hr).json
    assert detail["state"] == "in_progress"
    answer = detail["answers"][0]
    assert answer["status"] == "scored"
    assert "客户" in answer["transcript"] and answer["segments"][0]["end"] > answer["segments"][0]["start"]
    found = [point for point in answer["evidence"] if point["found"]]
    assert len(found) >= 3
    for point in found:
        assert point["quote"] and point["end"] > point["start"] >= 0
        assert point["quote"] in answer["transcript"] or point["match"] == "pinyin"
    assert 0 < answer["content_score"] <= 100
    assert set(answer["competency_scores"]) == {"客户导向", "沟通能力"}
    assert answer["scorer_version"] and len(answer["config_hash"]) == 64
    assert answer["figures"]["speech_s"] > 20
    # Scorer v2's evidence is kept with the answer: STAR parts quoted and timed, relevance, the features behind the score.
    analysis = answer["analysis"]
    star = [part for part in analysis["structure"]["star"] if part["found"]]
    assert analysis["structure"]["behavioural"] and len(star) >= 3
    assert all(part["quote"] and part["end"] > part["start"] >= 0 for part in star)
    assert analysis["relevance"]["found"] and set(analysis["features"]) >= {"rubric_coverage", "relevance", "connectives"}
    assert set(analysis["score_breakdown"]["competencies"]) == {"客户导向", "沟通能力"}
    kinds = [event["kind"] for event in detail["events"]]
    assert kinds.count("answer_scored") == 1 and "answer_uploaded" in kinds

    # The other two answers complete the interview; once they are scored the application is "scored".
    for question, name in zip(questions[1:], ("q2_average.wav", "q3_average.wav")):
        assert _upload(client, me, question["id"], interview / name).status_code == 201
    assert client.get("/api/candidate/interview", headers=me).json["state"] == "in_progress"
    finished = client.post("/api/candidate/interview/finish", headers=me)
    assert finished.status_code == 200 and finished.json["state"] == "completed"
    run_jobs()
    detail = client.get(f"/api/applications/{application['id']}", headers=hr).json
    result = detail["result"]
    assert result["status"] == "scored" and 0 < result["overall"] <= 100
    assert set(result["score"]["competencies"]) == set(job["competencies"])
    assert result["proposal"] == {} or result["proposal"]["decision"] == "advance"
    with app.app_context(), session_scope() as session:  # the precise response schemas drop nothing stored
        stored = session.get(InterviewResult, uuid.UUID(application["id"]))
        for name in ("score", "proposal", "feedback"):
            assert_shown_whole(getattr(stored, name), result[name], name)
        for shown in detail["answers"]:
            row = session.get(Answer, uuid.UUID(shown["id"]))
            for name in ("figures", "evidence", "analysis", "competency_scores", "timings", "integrity", "segments"):
                assert_shown_whole(getattr(row, name), shown[name], name)
    assert client.get("/api/candidate/result", headers=me).status_code == 404  # not released
    assert client.post(f"/api/applications/{application['id']}/release-result", headers=hr).status_code == 409
    decided = client.post(f"/api/applications/{application['id']}/decisions", headers=hr,
                          json={"to_state": "advanced", "reason": "面试表现良好"})
    assert decided.status_code == 200
    assert client.post(f"/api/applications/{application['id']}/release-result", headers=hr).status_code == 200
    mine = client.get("/api/candidate/result", headers=me).json
    assert mine["label"] == "通过" and mine["feedback"]
    assert not any(ch.isdigit() for ch in str(mine["feedback"]))
    # A rubric point tagged with competencies is feedback for those competencies only (the demo job is tagged).
    from ml.demo_job import POINT_COMPETENCIES

    quoted = 0
    for item in mine["feedback"]["competencies"]:
        for line in item["gaps"] + item["strengths"]:
            for point, tags in POINT_COMPETENCIES.items():
                if f"“{point}”" in line:
                    quoted += 1
                    assert item["competency"] in tags, (item["competency"], point)
    assert quoted >= 3
    assert isinstance(mine["feedback"]["storytelling"], list)
    detail = client.get(f"/api/applications/{application['id']}", headers=hr).json
    assert detail["state"] == "advanced", [(a["status"], a["status_reason"], a["status_message"]) for a in detail["answers"]]
    assert {a["status"] for a in detail["answers"]} == {"scored"}
    media = client.get(f"/api/answers/{answer_id}/media", headers=hr)
    assert media.status_code == 200 and len(media.json["recordings"]) == 1
    assert client.get(media.json["recordings"][0]["url"]).data == (interview / "q1_strong.wav").read_bytes()


def test_scoring_is_enqueued_once_and_rerunning_is_harmless(client, make_hr, run_jobs, app):
    hr = make_hr()
    job = create_job(client, hr)
    _, me = invite_candidate(client, hr, job["id"])
    response = _upload(client, me, job["questions"][0]["id"], content=silent_wav())
    assert response.status_code == 201
    connection = app.extensions["qingpin.redis"]
    from backend.jobs.queues import enqueue_score_answer

    first = enqueue_score_answer(connection, response.json["id"])
    assert first.id == f"score_answer-{response.json['id']}"
    run_jobs()
    answer = client.get(f"/api/candidate/answers/{response.json['id']}", headers=me).json
    assert answer["status"] == "insufficient_evidence" and answer["status_reason"] == "too_little_speech"
    assert "麦克风" in answer["status_message"]  # the candidate is told what to do on the retake
    # Running the job again leaves a final answer alone.
    enqueue_score_answer(connection, response.json["id"])
    run_jobs()
    detail = client.get(f"/api/applications/{job['id']}", headers=hr)
    assert detail.status_code == 404  # a job id is no application id


def test_retakes_are_counted_server_side(client, make_hr, run_jobs):
    hr = make_hr()
    job = create_job(client, hr)  # one question, one retake
    _, me = invite_candidate(client, hr, job["id"])
    question_id = job["questions"][0]["id"]
    assert _upload(client, me, question_id, content=silent_wav()).status_code == 201
    assert _upload(client, me, question_id, content=silent_wav()).json["attempt"] == 2
    third = client.post(f"/api/candidate/questions/{question_id}/start", headers=me)
    assert third.status_code == 409 and third.json["reason"] == "no_retakes_left"
    run_jobs()
    finished = client.post("/api/candidate/interview/finish", headers=me)
    assert finished.status_code == 200 and finished.json["state"] == "scored"  # every answer was already processed
    late = client.post(f"/api/candidate/questions/{question_id}/start", headers=me)
    assert late.status_code == 409 and late.json["reason"] == "state_not_allowed"


def test_checksum_mismatch_is_refused(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)
    _, me = invite_candidate(client, hr, job["id"])
    answer_id = start_question(client, me, job["questions"][0]["id"])["answer_id"]
    response = upload_segment(client, me, answer_id, silent_wav(), sha256="0" * 64)
    assert response.status_code == 422 and response.json["reason"] == "checksum_mismatch"
    assert upload_segment(client, me, answer_id, silent_wav()).status_code == 201


def test_an_answer_in_segments_is_scored_once_when_complete(client, make_hr, run_jobs, app, shared_dir):
    hr = make_hr()
    job = create_job(client, hr, demo_job_payload())
    application, me = invite_candidate(client, hr, job["id"])
    interview = shared_dir / "fixtures" / "interview"
    answer_id = start_question(client, me, job["questions"][1]["id"])["answer_id"]
    first = upload_segment(client, me, answer_id, (interview / "q2_strong.wav").read_bytes(), index=0, count=2)
    assert first.status_code == 201 and first.json["status"] == "recording"
    connection = app.extensions["qingpin.redis"]
    assert Job.exists(f"score_answer-{answer_id}", connection=connection) is False
    again = upload_segment(client, me, answer_id, (interview / "q2_strong.wav").read_bytes(), index=0, count=2)
    assert again.status_code == 409 and again.json["reason"] == "segment_exists"
    second = upload_segment(client, me, answer_id, (interview / "q1_average.wav").read_bytes(), index=1, count=2)
    assert second.status_code == 201 and second.json["status"] == "uploaded"
    run_jobs()
    answer = client.get(f"/api/applications/{application['id']}", headers=hr).json["answers"][0]
    assert answer["status"] == "scored" and [r["index"] for r in answer["recordings"]] == [0, 1]
    assert answer["duration_seconds"] > 28.36 + 12.61 - 1
    assert "合规" in answer["transcript"] and "审批" in answer["transcript"]  # both segments were transcribed, in order
    assert answer["transcript"].index("合规") < answer["transcript"].rindex("审批部门")


def test_the_recording_window_is_enforced_by_the_server(client, make_hr, app):
    hr = make_hr()
    job = create_job(client, hr)
    _, me = invite_candidate(client, hr, job["id"])
    answer_id = start_question(client, me, job["questions"][0]["id"])["answer_id"]
    from backend.db import session_scope
    from backend.models import Answer, utcnow
    from datetime import timedelta

    with app.app_context(), session_scope() as session:
        answer = session.get(Answer, __import__("uuid").UUID(answer_id))
        answer.record_by = utcnow() - timedelta(seconds=1)
        session.add(answer)
    late = upload_segment(client, me, answer_id, silent_wav())
    assert late.status_code == 409 and late.json["reason"] == "answer_time_over"
    # The attempt used up the first try; one retake is left.
    assert start_question(client, me, job["questions"][0]["id"])["attempt"] == 2


def test_truncated_or_corrupted_media_is_recorded_unreadable(client, make_hr, run_jobs, app, shared_dir):
    hr = make_hr()
    job = create_job(client, hr)
    application, me = invite_candidate(client, hr, job["id"])
    question_id = job["questions"][0]["id"]
    mp4 = (shared_dir / "fixtures" / "interview" / "q1_strong.mp4").read_bytes()
    truncated = _upload(client, me, question_id, content=mp4[: len(mp4) // 2], name="answer.mp4")
    if truncated.status_code == 201:  # the container opened; the worker must find the missing data
        run_jobs()
        status = client.get(f"/api/candidate/answers/{truncated.json['id']}", headers=me).json
        assert status["status"] == "unreadable" and status["status_reason"]
    else:
        assert truncated.status_code == 422 and truncated.json["reason"] == "unreadable_media"
    # The application stays usable: an unreadable recording does not use up a retake.
    retry = _upload(client, me, question_id, shared_dir / "fixtures" / "interview" / "q1_weak.wav")
    assert retry.status_code == 201
    run_jobs()
    answers = client.get(f"/api/applications/{application['id']}", headers=hr).json["answers"]
    assert answers[-1]["status"] == "scored"


def test_a_real_rq_worker_process_scores_an_answer(client, make_hr, app, settings, shared_dir):
    hr = make_hr()
    job = create_job(client, hr, demo_job_payload())
    _, me = invite_candidate(client, hr, job["id"])
    response = _upload(client, me, job["questions"][0]["id"], shared_dir / "fixtures" / "interview" / "q1_average.wav")
    assert response.status_code == 201
    env = dict(
        os.environ, QINGPIN_ENV="test", SECRET_KEY=settings.secret_key, DATABASE_URL=settings.database_url,
        REDIS_URL=settings.redis_url, QINGPIN_INSTANCE_DIR=str(settings.instance_dir), MODEL_CACHE_DIR=str(settings.models_dir),
    )
    done = subprocess.run([sys.executable, "-m", "rq.cli", "worker", "asr", "--burst", "--url", settings.redis_url],
                          env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    answer = client.get(f"/api/candidate/answers/{response.json['id']}", headers=me).json
    assert answer["status"] == "scored", done.stderr[-2000:]


def test_a_job_that_opts_in_advances_and_releases_automatically_and_never_rejects(client, make_hr, run_jobs, shared_dir):
    """auto_advance is the job's explicit, logged opt-in: at the score the system advances; below it nothing happens."""
    from .helpers import JOB

    interview = shared_dir / "fixtures" / "interview"
    hr = make_hr()
    assert client.post("/api/jobs", headers=hr, json=dict(JOB, thresholds={"auto_advance": "yes"})).status_code == 422
    job = create_job(client, hr, dict(JOB, thresholds={"auto_advance": True, "auto_advance_score": 40, "auto_release": True}))
    outcomes = {}
    for name in ("q1_strong.wav", "q1_weak.wav"):
        application, me = invite_candidate(client, hr, job["id"], name=name)
        assert _upload(client, me, job["questions"][0]["id"], interview / name).status_code == 201
        assert client.post("/api/candidate/interview/finish", headers=me).status_code == 200
        outcomes[name] = (application, me)
    run_jobs()

    strong, me = outcomes["q1_strong.wav"]
    detail = client.get(f"/api/applications/{strong['id']}", headers=hr).json
    assert detail["state"] == "advanced" and detail["result"]["overall"] >= 40
    [advance] = [e for e in detail["events"] if e["to_state"] == "advanced"]
    assert advance["actor_type"] == "system" and advance["data"]["automatic"] is True and "≥" in advance["reason"]
    assert client.get("/api/candidate/result", headers=me).json["label"] == "通过"  # released: the job allows it
    run_jobs()
    outbox = client.get(f"/api/applications/{strong['id']}/notifications", headers=hr).json
    assert [o["template"] for o in outbox].count("result_available") == 1

    weak, me_weak = outcomes["q1_weak.wav"]
    detail = client.get(f"/api/applications/{weak['id']}", headers=hr).json
    assert detail["result"]["overall"] < 40 and detail["state"] == "scored"  # waits for a human: never rejected
    assert client.get("/api/candidate/result", headers=me_weak).status_code == 404
