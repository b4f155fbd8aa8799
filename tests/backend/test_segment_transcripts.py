"""Result latency (issue #10): each recorded segment is recognised as soon as it lands, and the scoring of its answer
recognises only what is still missing. Real PostgreSQL, real Redis, a real RQ worker and the real recogniser."""
from __future__ import annotations

import hashlib
import io
import uuid
from datetime import timedelta

import pytest
from rq import Queue
from rq.job import Job as RqJob
from sqlmodel import select

from backend.db import session_scope
from backend.demo import split_wav
from backend.jobs.queues import ASR
from backend.models import Answer, AnswerSegment, SegmentTranscript, utcnow
from ml.asr import FasterWhisperEngine
from ml.audio import SAMPLE_RATE

from .helpers import create_job, invite_candidate, start_question

SEGMENT_SECONDS = 13


@pytest.fixture()
def settings(settings):
    return settings.model_copy(update={"segment_seconds": SEGMENT_SECONDS})


@pytest.fixture()
def recognised(monkeypatch):
    """Every call of the real recogniser, as the length in seconds of the audio it was given."""
    calls: list[float] = []
    original = FasterWhisperEngine.transcribe

    def spy(self, samples, **kwargs):
        calls.append(round(samples.size / SAMPLE_RATE, 1))
        return original(self, samples, **kwargs)

    monkeypatch.setattr(FasterWhisperEngine, "transcribe", spy)
    return calls


def _pieces(shared_dir) -> list[bytes]:
    """q1_strong.wav (35.6 s) cut into standalone WAVs of SEGMENT_SECONDS - 1 s, as a recorder hands them over."""
    pieces = split_wav((shared_dir / "fixtures" / "interview" / "q1_strong.wav").read_bytes(), SEGMENT_SECONDS - 1)
    assert len(pieces) == 3
    return pieces


def _segment(client, me, answer_id, content: bytes, *, index: int, count: int | None):
    data = {"index": index, "sha256": hashlib.sha256(content).hexdigest(), "file": (io.BytesIO(content), "segment.wav")}
    if count is not None:
        data["count"] = count
    return client.post(f"/api/candidate/answers/{answer_id}/segments", headers=me, content_type="multipart/form-data", data=data)


def _started(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)
    _, me = invite_candidate(client, hr, job["id"])
    return hr, job, me, start_question(client, me, job["questions"][0]["id"])


def _segment_ids(app, answer_id) -> list[uuid.UUID]:
    with app.app_context(), session_scope() as session:
        return list(session.exec(select(AnswerSegment.id).where(AnswerSegment.answer_id == uuid.UUID(answer_id))
                                 .order_by(AnswerSegment.index)))


def _lead_ins(app) -> list[float]:
    with app.app_context(), session_scope() as session:
        rows = session.exec(select(SegmentTranscript.lead_in_seconds, AnswerSegment.index)
                            .join(AnswerSegment, AnswerSegment.id == SegmentTranscript.segment_id).order_by(AnswerSegment.index))
        return [lead for lead, _ in rows]


def _transcripts(app) -> list[SegmentTranscript]:
    with app.app_context(), session_scope() as session:
        return list(session.exec(select(SegmentTranscript)))


def test_a_segment_that_lands_is_queued_and_recognised_before_its_answer_ends(client, make_hr, app, run_jobs, shared_dir,
                                                                             recognised):
    _, _, me, started = _started(client, make_hr)
    first = _pieces(shared_dir)[0]
    assert _segment(client, me, started["answer_id"], first, index=0, count=None).status_code == 201
    [segment_id] = _segment_ids(app, started["answer_id"])
    queued = RqJob.fetch(f"transcribe_segment-{segment_id}", connection=app.extensions["qingpin.redis"])
    assert queued.origin == ASR and queued.get_status() == "queued"

    run_jobs()
    assert recognised == [12.0]
    [stored] = _transcripts(app)
    assert stored.segment_id == segment_id and stored.engine_version.startswith("faster-whisper:")
    assert "客户" in "".join(s["text"] for s in stored.transcript["segments"])
    answer = client.get(f"/api/candidate/answers/{started['answer_id']}", headers=me).json
    assert answer["status"] == "recording"  # still being answered: nothing is scored yet
    run_jobs()
    assert recognised == [12.0]  # recognised once


def test_scoring_recognises_only_the_segments_not_recognised_yet_and_times_evidence_in_the_answer(
        client, make_hr, app, run_jobs, shared_dir, recognised):
    hr, _, me, started = _started(client, make_hr)
    pieces = _pieces(shared_dir)
    for index, piece in enumerate(pieces[:2]):
        assert _segment(client, me, started["answer_id"], piece, index=index, count=None).status_code == 201
    run_jobs()
    # The second segment is recognised led in by the first one's last clause, so no word is cut at the recorder's cut.
    lead = _lead_ins(app)
    assert lead[0] == 0.0 and 0.0 < lead[1] <= 10.0
    assert recognised == [12.0, pytest.approx(12.0 + lead[1], abs=0.06)]

    assert _segment(client, me, started["answer_id"], pieces[2], index=2, count=3).status_code == 201
    connection = app.extensions["qingpin.redis"]
    assert Queue(ASR, connection=connection).job_ids == [f"score_answer-{started['answer_id']}"]  # the last: no own job
    run_jobs()
    lead = _lead_ins(app)
    assert recognised[2:] == [pytest.approx(11.58 + lead[2], abs=0.06)]  # the scoring recognised the last segment only

    with app.app_context(), session_scope() as session:
        answer = session.get(Answer, uuid.UUID(started["answer_id"]))
        assert answer.status == "scored", (answer.status, answer.status_reason)
        assert answer.timings["segments_recognised_before"] == 2
        assert len(_transcripts(app)) == 3  # the last one kept too, for a rescore
        # Clauses of the later segments are timed from the start of the answer, not of their segment.
        assert answer.segments[-1]["end"] > 24.0
        assert [s["start"] for s in answer.segments] == sorted(s["start"] for s in answer.segments)
        solution = {hit["point_text"]: hit for hit in answer.evidence}["提出并执行解决方案"]
        assert solution["found"] and solution["start"] > 12.0, solution  # said in the second segment
        scored = (answer.transcript, answer.content_score)

    # Recognising every segment at scoring time (nothing cached) gives the same transcript and score.
    from ml.scoring import score_segments

    from backend.jobs.engines import asr_engine
    from backend.jobs.scoring import question_spec
    from backend.models import Job, Question

    with app.app_context(), session_scope() as session:
        question = session.get(Question, session.get(Answer, uuid.UUID(started["answer_id"])).question_id)
        spec = question_spec(question, session.get(Job, question.job_id).description or "")
    result, fresh = score_segments(pieces, spec, asr_engine(app.config["QINGPIN_SETTINGS"]))
    assert all(t is not None for t in fresh)
    assert (result.transcript.text, result.content_score) == scored


def test_a_segment_whose_recognition_failed_is_recognised_by_the_scoring(client, make_hr, app, run_jobs, shared_dir,
                                                                          recognised, monkeypatch):
    _, _, me, started = _started(client, make_hr)
    pieces = _pieces(shared_dir)
    original = FasterWhisperEngine.transcribe
    failures = []

    def fails_once(self, samples, **kwargs):
        if not failures:
            failures.append(1)
            raise RuntimeError("the recogniser crashed")
        return original(self, samples, **kwargs)

    monkeypatch.setattr(FasterWhisperEngine, "transcribe", fails_once)
    for index, piece in enumerate(pieces[:2]):
        assert _segment(client, me, started["answer_id"], piece, index=index, count=None).status_code == 201
    run_jobs()
    first, second = _segment_ids(app, started["answer_id"])
    assert [t.segment_id for t in _transcripts(app)] == [second]  # the first one failed: nothing stored, no retry

    monkeypatch.setattr(FasterWhisperEngine, "transcribe", original)
    spied = []
    monkeypatch.setattr(FasterWhisperEngine, "transcribe",
                        lambda self, samples, **kw: spied.append(round(samples.size / SAMPLE_RATE, 1)) or original(self, samples, **kw))
    assert _segment(client, me, started["answer_id"], pieces[2], index=2, count=3).status_code == 201
    run_jobs()
    lead = _lead_ins(app)
    assert lead[1] == 0.0  # the first segment had no transcript when the second was recognised: recognised alone
    assert spied == [12.0, pytest.approx(11.58 + lead[2], abs=0.06)]  # the failed first segment and the last one; the second was reused
    answer = client.get(f"/api/candidate/answers/{started['answer_id']}", headers=me).json
    assert answer["status"] == "scored"
    assert {t.segment_id for t in _transcripts(app)} >= {first, second}


def test_a_retake_removes_the_given_up_attempts_transcripts_and_a_late_job_stores_nothing(client, make_hr, app, run_jobs,
                                                                                        shared_dir, recognised):
    _, job, me, started = _started(client, make_hr)
    pieces = _pieces(shared_dir)
    assert _segment(client, me, started["answer_id"], pieces[0], index=0, count=None).status_code == 201
    # The same segment uploaded again: refused, and no second recognition queued or stored.
    assert _segment(client, me, started["answer_id"], pieces[0], index=0, count=None).status_code == 409
    assert len(Queue(ASR, connection=app.extensions["qingpin.redis"]).job_ids) == 1
    run_jobs()
    assert len(_transcripts(app)) == 1 and recognised == [12.0]

    # Segment 1 lands, then the candidate starts a retake before its recognition ran.
    assert _segment(client, me, started["answer_id"], pieces[1], index=1, count=None).status_code == 201
    retake = start_question(client, me, job["questions"][0]["id"])
    assert retake["attempt"] == 2
    assert _transcripts(app) == [] and _segment_ids(app, started["answer_id"]) == []
    run_jobs()  # segment 1's job finds its segment gone
    assert _transcripts(app) == [] and recognised == [12.0]


def test_the_sweep_queues_the_recognition_of_a_segment_that_landed_while_redis_was_down(client, make_hr, app, run_jobs,
                                                                                       shared_dir, monkeypatch):
    import backend.jobs.queues as queues
    from backend.jobs.maintenance import requeue_lost_work

    _, _, me, started = _started(client, make_hr)

    def redis_down(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(queues, "enqueue_transcribe_segment", redis_down)
    assert _segment(client, me, started["answer_id"], _pieces(shared_dir)[0], index=0, count=None).status_code == 201
    monkeypatch.undo()
    connection = app.extensions["qingpin.redis"]
    assert Queue(ASR, connection=connection).job_ids == []

    later = utcnow() + timedelta(minutes=3)
    with app.app_context():
        assert requeue_lost_work(connection, now=utcnow())["segments_requeued"] == 0  # just landed: still settling
        assert requeue_lost_work(connection, now=later)["segments_requeued"] == 1
        assert requeue_lost_work(connection, now=later)["segments_requeued"] == 0  # queued now: not twice
    run_jobs()
    assert len(_transcripts(app)) == 1
    with app.app_context():
        assert requeue_lost_work(connection, now=later)["segments_requeued"] == 0


def test_whole_answer_mode_queues_no_segment_recognition(client, make_hr, app, shared_dir):
    app.config["QINGPIN_SETTINGS"] = app.config["QINGPIN_SETTINGS"].model_copy(update={"asr_per_segment": False})
    _, _, me, started = _started(client, make_hr)
    assert _segment(client, me, started["answer_id"], _pieces(shared_dir)[0], index=0, count=None).status_code == 201
    assert Queue(ASR, connection=app.extensions["qingpin.redis"]).job_ids == []
