"""Periodic upkeep through a real worker: lost scoring jobs queued again, expired uploads removed, next run planned."""
from __future__ import annotations

import uuid
from datetime import timedelta

from rq.job import Job

from backend.db import session_scope
from backend.jobs.maintenance import schedule_maintenance, sweep_maintenance
from backend.models import Answer, utcnow

from .helpers import answer_question, create_job, invite_candidate, silent_wav
from .test_resumable import _create


def test_a_lost_scoring_job_is_queued_again_and_scored(client, make_hr, app, run_jobs):
    hr = make_hr()
    job = create_job(client, hr)
    _, me = invite_candidate(client, hr, job["id"])
    answer_id = answer_question(client, me, job["questions"][0]["id"], silent_wav()).json["id"]
    connection = app.extensions["qingpin.redis"]
    Job.fetch(f"score_answer-{answer_id}", connection=connection).delete()  # Redis lost it
    with app.app_context(), session_scope() as session:
        answer = session.get(Answer, uuid.UUID(answer_id))
        answer.submitted_at = utcnow() - timedelta(minutes=11)
        session.add(answer)
    summary = sweep_maintenance()
    assert summary["answers_requeued"] == 1
    assert sweep_maintenance()["answers_requeued"] == 0  # already queued again: not twice
    run_jobs()
    assert client.get(f"/api/candidate/answers/{answer_id}", headers=me).json["status"] == "insufficient_evidence"
    planned = [j for j in connection.zrange("rq:scheduled:default", 0, -1)]
    assert any(j.decode().startswith("maintenance-") for j in planned)
    assert schedule_maintenance(connection).id == schedule_maintenance(connection).id


def test_expired_uploads_are_removed(client, make_hr, app, live_url):
    hr = make_hr()
    job = create_job(client, hr)
    _, me = invite_candidate(client, hr, job["id"])
    answer_id = client.post(f"/api/candidate/questions/{job['questions'][0]['id']}/start", headers=me).json["answer_id"]
    created = _create(live_url, me, answer_id, b"x" * 1000)
    assert created.status_code == 201
    staged = list((app.config["QINGPIN_SETTINGS"].instance_dir / "uploads").iterdir())
    assert len(staged) == 1
    from backend.api.uploads import make_staging
    from backend.uploads import cleanup_expired

    with app.app_context():
        removed = cleanup_expired(make_staging(), utcnow() + timedelta(hours=25))
    assert len(removed) == 1 and not (app.config["QINGPIN_SETTINGS"].instance_dir / "uploads" / staged[0].name).exists()
