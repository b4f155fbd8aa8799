"""Erasure of a candidate's data (deletion requests), legal holds, and the retention purge over time (real
PostgreSQL, real storage, real RQ worker)."""
from __future__ import annotations

import io
import uuid
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from sqlmodel import select

from backend.db import session_scope
from backend.errors import Gone
from backend.jobs import maintenance
from backend.jobs.scoring import score_answer
from backend.models import Answer, AnswerSegment, Application, SegmentTranscript, metadata, utcnow
from backend.models.erasure import ErasureRecord
from backend.models.scores import AiScoreAudit
from backend.services import answers as answer_service
from backend.services.applications import Actor
from backend.services.erasure import deletion_due_at, erase_candidate

from .helpers import JOB, create_job, give_consents, silent_wav, start_question, upload_segment

NAME, PHONE, EMAIL = "欧阳删除", "13912345678", "ouyang.erase@example.com"


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _candidate(client, hr, job, *, name=NAME, phone=PHONE, email=EMAIL):
    """An invited, consenting candidate with contact details; returns (application, candidate headers)."""
    created = client.post("/api/applications", headers=hr,
                          json={"job_id": job["id"], "candidate": {"name": name, "phone": phone, "email": email}})
    assert created.status_code == 201, created.json
    invitation = client.post(f"/api/applications/{created.json['id']}/invitations", headers=hr)
    session = client.post("/api/candidate/session", json={"invitation_token": invitation.json["token"]})
    me = {"Authorization": f"Bearer {session.json['token']}"}
    give_consents(client, me)
    return created.json, me


def _interviewed(client, hr, run_jobs, job):
    """A candidate with a scored answer (audit row), a résumé naming them, a retake still recording."""
    application, me = _candidate(client, hr, job)
    question_id = job["questions"][0]["id"]
    first = start_question(client, me, question_id)
    assert upload_segment(client, me, first["answer_id"], silent_wav()).status_code == 201
    resume = _docx(f"{NAME}\n电话 {PHONE}\n邮箱 {EMAIL}\n2019-2024 某银行 客户经理")
    posted = client.post("/api/candidate/documents", headers=me, content_type="multipart/form-data",
                         data={"kind": "resume", "file": (io.BytesIO(resume), "简历.docx")})
    assert posted.status_code == 202, posted.json
    run_jobs()
    retake = start_question(client, me, question_id)  # recording when the data is erased
    return application, me, first["answer_id"], retake["answer_id"]


def _texts_containing(app, needles) -> dict:
    """Every text or JSON column of every table, searched for each needle: {needle: ["table.column", ...]}."""
    found: dict[str, list[str]] = {}
    engine = app.extensions["qingpin.engine"]
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            for column in table.columns:
                if not isinstance(column.type, (sa.String, sa.Text, sa.JSON)) and "JSON" not in type(column.type).__name__:
                    continue
                for needle in needles:
                    hits = conn.execute(sa.select(sa.func.count()).select_from(table)
                                        .where(sa.cast(column, sa.Text).contains(needle))).scalar()
                    if hits:
                        found.setdefault(needle, []).append(f"{table.name}.{column.name}")
    return found


@pytest.mark.both_databases  # row locks and LIKE over JSON differ: the embedded SQLite default must erase as well
def test_a_deletion_request_erases_the_candidate_everywhere_and_keeps_the_audit_log(client, make_hr, app, run_jobs):
    admin, recruiter = make_hr(), make_hr("recruiter")
    job = create_job(client, admin)
    application, me, answer_id, retake_id = _interviewed(client, admin, run_jobs, job)
    storage = app.extensions["qingpin.storage"]
    urls = [r["url"] for r in client.get(f"/api/answers/{answer_id}/media", headers=admin).json["recordings"]]
    assert urls and all(client.get(url).status_code == 200 for url in urls)
    with app.app_context(), session_scope() as session:
        segments = list(session.exec(select(AnswerSegment).where(AnswerSegment.answer_id == uuid.UUID(answer_id))))
        keys = [s.media_key for s in segments]
        heard = select(SegmentTranscript).where(SegmentTranscript.segment_id.in_([s.id for s in segments]))
        # what the recogniser heard in a segment as it landed (jobs/transcripts.py) is the candidate's words too
        session.add(SegmentTranscript(segment_id=segments[0].id, asr_key="k" * 64, engine_version="test",
                                      transcript={"text": "我在网点做过三年客户经理", "segments": []}))
        keys += [d.media_key for d in session.exec(sa.text("SELECT media_key FROM application_document")).all()]
        audits = session.exec(select(AiScoreAudit).where(AiScoreAudit.application_id == uuid.UUID(application["id"]))).all()
        audit_rows = [(a.id, a.input_sha256, a.content_score, a.status) for a in audits]
    assert len(keys) == 2 and all(storage.exists(k) for k in keys) and audit_rows
    assert _texts_containing(app, [NAME, PHONE, EMAIL])  # the search finds them before

    filed = client.post("/api/candidate/requests", headers=me, json={"kind": "deletion", "message": f"请删除我的数据 {PHONE}"})
    assert filed.status_code == 201 and filed.json["due_at"] and filed.json["overdue"] is False
    url = f"/api/applications/{application['id']}/requests/{filed.json['id']}/erase"
    assert client.post(url, headers=recruiter).status_code == 403
    assert client.post(url, headers=make_hr(organization="elsewhere")).status_code == 404
    answered = client.post(f"/api/applications/{application['id']}/requests/{filed.json['id']}/answer", headers=admin,
                           json={"response": "这不是书面回答的请求，而是删除"})
    assert answered.status_code == 422 and answered.json["reason"] == "request_not_answerable"

    erased = client.post(url, headers=admin)
    assert erased.status_code == 200, erased.json
    assert erased.json["request"]["status"] == "done"
    tombstone = erased.json["erasure"]
    assert tombstone["erased"]["answer_segments"] == 1 and tombstone["erased"]["documents"] == 1
    assert tombstone["erased"]["candidate_fields"] == 1 and tombstone["requested_by"] == "candidate"
    assert any(k.startswith("ai_score_audit") for k in tombstone["kept"])

    # every stored object is gone, and every link handed out before now 404s
    assert not any(storage.exists(k) for k in keys)
    assert all(client.get(u).status_code == 404 for u in urls)
    assert client.get(f"/api/answers/{answer_id}/media", headers=admin).json["recordings"] == []
    # no trace of the name, phone or e-mail in any text or JSON column of any table
    assert _texts_containing(app, [NAME, PHONE, EMAIL]) == {}
    # the candidate's session ended with their data; HR sees the request done and the tombstone done
    assert client.get("/api/candidate/status", headers=me).status_code == 401
    (request,) = [r for r in client.get(f"/api/applications/{application['id']}/requests", headers=admin).json
                  if r["kind"] == "deletion"]
    assert request["status"] == "done" and request["message"] == ""
    with app.app_context(), session_scope() as session:
        record = session.get(ErasureRecord, uuid.UUID(tombstone["id"]))
        assert record.status == "done" and record.pending_keys == [] and record.objects_deleted >= 2
        assert session.exec(heard).all() == []  # and it went with the recordings
        kept = session.exec(select(AiScoreAudit).where(AiScoreAudit.application_id == uuid.UUID(application["id"]))).all()
        assert [(a.id, a.input_sha256, a.content_score, a.status) for a in kept] == audit_rows
        # a segment arriving late, and a scoring job of an erased answer, bring nothing back
        stub = session.get(Application, uuid.UUID(application["id"]))
        # the application left the pipeline: no list, funnel stage or nudge keeps waiting on a candidate who is gone
        assert stub.state == "withdrawn"
        for late in (retake_id, answer_id):
            try:
                answer_service.recording_answer(session, application=stub, answer_id=uuid.UUID(late), segment_index=0,
                                                segment_count=1)
                raise AssertionError("a segment was accepted after the erasure")
            except Gone as refused:
                assert refused.status_code == 410 and refused.reason == "data_erased"
    assert score_answer(answer_id) == "skipped"
    # nothing personal can be added to the stub again: no new invitation, no résumé
    assert client.post(f"/api/applications/{application['id']}/invitations", headers=admin).json["reason"] == "data_erased"
    document = client.post(f"/api/applications/{application['id']}/documents", headers=admin, content_type="multipart/form-data",
                           data={"kind": "resume", "file": (io.BytesIO(_docx("x")), "cv.docx")})
    assert document.status_code == 410
    with app.app_context(), session_scope() as session:
        assert session.get(Answer, uuid.UUID(answer_id)).transcript is None

    # a re-run (a retry, a second click) changes nothing and returns the same tombstone
    again = client.post(url, headers=admin)
    assert again.status_code == 200 and again.json["erasure"]["id"] == tombstone["id"]
    assert again.json["erasure"]["erased"] == tombstone["erased"]


def test_a_crash_before_the_objects_are_deleted_is_finished_by_the_sweep(client, make_hr, app):
    hr = make_hr()
    job = create_job(client, hr)
    application, me = _candidate(client, hr, job)
    started = start_question(client, me, job["questions"][0]["id"])
    assert upload_segment(client, me, started["answer_id"], silent_wav()).status_code == 201
    storage = app.extensions["qingpin.storage"]
    with app.app_context(), session_scope() as session:
        # phase 1 commits; the process dies before phase 2 (no after-commit step registered)
        record = erase_candidate(session, application=session.get(Application, uuid.UUID(application["id"])),
                                 actor=Actor.system())
        erasure_id, keys = record.id, list(record.pending_keys)
    assert sum(storage.exists(k) for k in keys) == 1  # the recording (no QR code was made without WeChat)
    assert maintenance.sweep_maintenance()["erasures_finished"] == 1
    assert not any(storage.exists(k) for k in keys)
    with app.app_context(), session_scope() as session:
        assert session.get(ErasureRecord, erasure_id).status == "done"
    assert maintenance.sweep_maintenance()["erasures_finished"] == 0


def test_a_legal_hold_blocks_erasure_and_the_purge_with_its_reason(client, make_hr, app, monkeypatch):
    admin, recruiter = make_hr(), make_hr("recruiter")
    job = create_job(client, admin)
    application, me = _candidate(client, admin, job)
    started = start_question(client, me, job["questions"][0]["id"])
    assert upload_segment(client, me, started["answer_id"], silent_wav()).status_code == 201
    request_id = client.post("/api/candidate/requests", headers=me, json={"kind": "deletion"}).json["id"]
    hold = f"/api/applications/{application['id']}/legal-hold"
    reason = "劳动仲裁 (2026) 京劳仲字第 123 号"
    assert client.put(hold, headers=recruiter, json={"reason": reason}).status_code == 403
    assert client.put(hold, headers=make_hr(organization="elsewhere"), json={"reason": reason}).status_code == 404
    assert client.put(hold, headers=admin, json={"reason": " "}).status_code == 422
    assert client.put(hold, headers=admin, json={"reason": reason}).json["legal_hold_reason"] == reason
    assert client.get(f"/api/applications/{application['id']}", headers=admin).json["legal_hold_reason"] == reason
    (listed,) = client.get("/api/deletion-requests", headers=recruiter).json
    assert listed["legal_hold_reason"] == reason

    refused = client.post(f"/api/applications/{application['id']}/requests/{request_id}/erase", headers=admin)
    assert refused.status_code == 409 and refused.json["reason"] == "legal_hold" and reason in refused.json["message"]
    monkeypatch.setattr(maintenance, "utcnow", lambda: utcnow() + timedelta(days=400))
    summary = maintenance.sweep_maintenance()
    assert summary["media_purged"] == 0 and summary["held_skipped"] >= 1
    assert client.get("/api/candidate/status", headers=me).status_code == 200  # nothing erased

    assert client.delete(hold, headers=recruiter).status_code == 403
    assert client.delete(hold, headers=admin).status_code == 200
    assert client.delete(hold, headers=admin).status_code == 409
    assert client.post(f"/api/applications/{application['id']}/requests/{request_id}/erase", headers=admin).status_code == 200
    assert client.put(hold, headers=admin, json={"reason": reason}).status_code == 410


def test_retention_purges_recordings_then_transcripts_as_time_passes(client, make_hr, app, run_jobs, monkeypatch):
    hr = make_hr()
    job = create_job(client, hr)
    application, me = _candidate(client, hr, job)
    started = start_question(client, me, job["questions"][0]["id"])
    assert upload_segment(client, me, started["answer_id"], silent_wav()).status_code == 201
    run_jobs()
    storage = app.extensions["qingpin.storage"]
    answer_uuid = uuid.UUID(started["answer_id"])
    with app.app_context(), session_scope() as session:
        answer = session.get(Answer, answer_uuid)
        answer.transcript = "我先倾听客户诉求，再协调解决方案。"  # as a scorer with speech would have written it
        session.add(answer)
        keys = [s.media_key for s in session.exec(select(AnswerSegment).where(AnswerSegment.answer_id == answer_uuid))]
        last_activity = session.get(Application, uuid.UUID(application["id"])).updated_at
    settings = app.config["QINGPIN_SETTINGS"]
    assert (settings.retention_media_days, settings.retention_transcript_days) == (180, 365)

    def sweep_at(days: float) -> dict:
        monkeypatch.setattr(maintenance, "utcnow", lambda: last_activity + timedelta(days=days))
        return maintenance.sweep_maintenance()

    assert sweep_at(179)["media_purged"] == 0 and all(storage.exists(k) for k in keys)
    purged = sweep_at(181)
    assert purged["media_purged"] == 1 and purged["segments_deleted"] == 1 and purged["transcripts_purged"] == 0
    assert not any(storage.exists(k) for k in keys)
    detail = client.get(f"/api/applications/{application['id']}", headers=hr).json
    assert detail["media_purged_at"] and not detail["transcripts_purged_at"]
    assert detail["answers"][0]["recordings"] == [] and detail["answers"][0]["transcript"]
    assert sweep_at(200)["media_purged"] == 0  # once
    assert sweep_at(366)["transcripts_purged"] == 1
    detail = client.get(f"/api/applications/{application['id']}", headers=hr).json
    answer = detail["answers"][0]
    assert answer["transcript"] is None and answer["evidence"] == [] and detail["transcripts_purged_at"]
    assert answer["status"] == "insufficient_evidence"  # the outcome and scores stay with the audit log
    with app.app_context(), session_scope() as session:
        assert session.exec(select(AiScoreAudit).where(AiScoreAudit.answer_id == answer_uuid)).all()


def test_deletion_requests_are_due_in_fifteen_working_days_and_overdue_ones_show(client, make_hr, app):
    china = timezone(timedelta(hours=8))
    friday = datetime(2026, 12, 4, 10, 0, tzinfo=china)
    assert deletion_due_at(friday) == datetime(2026, 12, 25, 23, 59, 59, tzinfo=china)  # 3 weeks of weekdays
    saturday = datetime(2026, 12, 5, 22, 0, tzinfo=china)
    assert deletion_due_at(saturday) == datetime(2026, 12, 25, 23, 59, 59, tzinfo=china)
    hr = make_hr()
    job = create_job(client, hr, JOB)
    application, me = _candidate(client, hr, job)
    request_id = client.post("/api/candidate/requests", headers=me, json={"kind": "deletion"}).json["id"]
    (listed,) = client.get("/api/deletion-requests", headers=hr).json
    assert listed["overdue"] is False and listed["candidate_name"] == NAME
    with app.app_context(), session_scope() as session:
        session.execute(sa.text("UPDATE candidate_request SET created_at = :t WHERE id = :i"),
                        {"t": utcnow() - timedelta(days=30), "i": uuid.UUID(request_id)})
    (listed,) = client.get("/api/deletion-requests", headers=hr).json
    assert listed["overdue"] is True
    assert client.get("/api/deletion-requests", headers=make_hr(organization="elsewhere")).json == []


def test_an_upload_racing_the_erasure_leaves_no_recording_behind(client, make_hr, app, live_url):
    """Real concurrent requests: whichever wins the answer's row lock, nothing of the candidate is stored afterwards."""
    import hashlib
    from concurrent.futures import ThreadPoolExecutor

    import requests

    admin = make_hr()
    job = create_job(client, admin)
    wav = silent_wav()
    outcomes = set()
    for _ in range(3):
        application, me = _candidate(client, admin, job, name=f"竞{uuid.uuid4().hex[:4]}")
        answer_id = start_question(client, me, job["questions"][0]["id"])["answer_id"]
        request_id = client.post("/api/candidate/requests", headers=me, json={"kind": "deletion"}).json["id"]

        def upload(answer_id=answer_id, me=me):
            return requests.post(f"{live_url}/api/candidate/answers/{answer_id}/segments", headers=me, timeout=60,
                                 data={"index": 0, "count": 1, "sha256": hashlib.sha256(wav).hexdigest()},
                                 files={"file": ("answer.wav", wav)}).status_code

        def erase(application=application, request_id=request_id):
            return requests.post(f"{live_url}/api/applications/{application['id']}/requests/{request_id}/erase",
                                 headers=admin, timeout=60).status_code

        with ThreadPoolExecutor(2) as pool:
            uploaded, erased = pool.submit(upload), pool.submit(erase)
            outcomes.add(uploaded.result())
            assert erased.result() == 200
        assert uploaded.result() in (201, 401, 410)
        with app.app_context(), session_scope() as session:
            assert session.get(Answer, uuid.UUID(answer_id)).status == "erased"
            assert not session.exec(select(AnswerSegment).where(AnswerSegment.answer_id == uuid.UUID(answer_id))).all()
            record = session.exec(select(ErasureRecord).where(ErasureRecord.candidate_id == uuid.UUID(application["candidate_id"]))).one()
            assert record.status == "done"
        root = app.config["QINGPIN_SETTINGS"].storage_root
        stored = [p for p in root.rglob("*") if p.is_file() and not p.relative_to(root).parts[0] == "invitations"]
        assert not stored, stored
    print("upload outcomes while erasing:", sorted(outcomes))
