"""Result latency: from the upload of an interview's last segment to its result readable through the HR API.

    python bench/result_latency.py [--runs 3] [--answer-seconds 60] [--fast] [--modes segment whole]
    python bench/result_latency.py --base URL --hr-email E --hr-password P [--modes segment]   # a running stack

Starts the real stack once per mode, each on a throw-away PostgreSQL database and a Redis database of its own
(claimed as the test sessions claim theirs): gunicorn serving the app and one `qingpin worker` (the real RQ worker
with the real recogniser). Modes:

- ``segment``: today's configuration: segments of the default length the server announces (20 s), each recognised by
  the worker as soon as it lands (ASR_PER_SEGMENT on).
- ``whole``: the configuration before issue #10: 120 s segments (a 60 s answer is one segment) and the whole answer
  recognised once it is in (SEGMENT_SECONDS=120, ASR_PER_SEGMENT off).

Each run is a new candidate of the demo job (3 questions) answering every question with ``--answer-seconds`` of
corpus speech (../shared/fixtures/interview: the question's strong, average and weak recordings one after another,
repeated and cut to length). The candidate records in real time: each segment of the length the server announced
(`segment_max_seconds`, as the H5 and mini-program recorders do) is uploaded when it has been recorded, the last one
announcing the count; then the candidate finishes the interview. The figure is the time from the last upload's
response to the moment HR's `GET /api/applications/<id>` shows the interview's result (polled every 50 ms).

``--fast``: only the last answer is recorded in real time; the earlier ones are uploaded at once and the bench waits
until they are scored before starting the last. That is the state a real candidate's last answer meets whenever the
worker scores an answer faster than the candidate records the next one (the full mode shows it does), and it saves
two minutes per run. Runs of the modes alternate, so both see the same machine load; load averages are printed.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
import wave
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import redis
import requests
import sqlalchemy as sa

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from backend.db import make_engine, session_scope  # noqa: E402
from backend.migrate import upgrade  # noqa: E402
from backend.seed import demo_job_payload  # noqa: E402
from backend.services.auth import create_hr_user  # noqa: E402
from backend.services.organizations import create_organization  # noqa: E402
from ml.audio import SAMPLE_RATE, decode_audio  # noqa: E402

ADMIN_URL = os.environ.get("BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
REDIS_BASE = os.environ.get("BENCH_REDIS_BASE", "redis://127.0.0.1:6379")
CORPUS = REPO.parent / "shared" / "fixtures" / "interview"
# The key test sessions use to claim a Redis database (tests/conftest.py): a claimed database is left alone.
CLAIM_KEY = "qingpin:test-session-claim"
MODES = {
    "segment": {"ASR_PER_SEGMENT": "true"},  # the default segment length (20 s)
    "whole": {"ASR_PER_SEGMENT": "false", "SEGMENT_SECONDS": "120"},
}
FINAL = {"scored", "insufficient_evidence", "unreadable", "failed", "human_review"}


@dataclass
class Stack:
    mode: str
    base: str
    hr: dict
    database_url: str | None = None
    processes: list = field(default_factory=list)
    cleanup: list = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def claim_redis() -> tuple[str, redis.Redis, str]:
    token = f"bench-{os.getpid()}-{uuid.uuid4().hex}"
    for db in range(1, 16):
        conn = redis.Redis.from_url(f"{REDIS_BASE}/{db}", socket_connect_timeout=1)
        if conn.dbsize() == 0 and conn.set(CLAIM_KEY, token, nx=True, ex=3 * 3600):
            return f"{REDIS_BASE}/{db}", conn, token
    raise RuntimeError("no free Redis database")


def start_stack(mode: str, instance_root: Path) -> Stack:
    name = f"qingpin_latency_{mode}_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    stack = Stack(mode=mode, base="", hr={}, database_url=url)

    def drop_database():
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    stack.cleanup.append(drop_database)
    redis_url, claimed, token = claim_redis()

    def release_redis():
        claimed.flushdb()
        claimed.close()

    stack.cleanup.append(release_redis)
    upgrade(url)
    email, password = f"bench-{secrets.token_hex(4)}@example.com", secrets.token_urlsafe(16)
    engine = make_engine(url)
    with session_scope(engine) as session:
        org = create_organization(session, name="延迟测试银行", slug=f"latency-{secrets.token_hex(4)}")
        create_hr_user(session, organization_id=org.id, email=email, name="测试", role="admin", password=password)
    engine.dispose()

    instance = instance_root / mode
    instance.mkdir()
    env = {**os.environ, "DATABASE_URL": url, "REDIS_URL": redis_url, "QINGPIN_ENV": "development",
           "SECRET_KEY": secrets.token_urlsafe(48), "QINGPIN_INSTANCE_DIR": str(instance), **MODES[mode]}
    port = free_port()
    bin_dir = Path(sys.executable).parent
    stack.processes.append(subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "2", "--threads", "4", "-b", f"127.0.0.1:{port}", "--log-level", "warning",
         "-c", "python:backend.gunicorn_conf", "backend:create_app()"], cwd=REPO, env=env))
    log = (instance_root / f"worker-{mode}.log").open("w")
    stack.processes.append(subprocess.Popen([str(bin_dir / "qingpin"), "worker"], cwd=REPO, env=env, stdout=log,
                                            stderr=subprocess.STDOUT))
    stack.base = f"http://127.0.0.1:{port}"
    for _ in range(600):  # the worker loads Whisper, Silero and OCR before it registers
        try:
            up = requests.get(f"{stack.base}/api/health", timeout=2).status_code == 200
        except requests.RequestException:
            up = False
        if up and claimed.scard("rq:workers") > 0:
            break
        time.sleep(0.5)
    else:
        raise RuntimeError(f"the {mode} stack did not come up (see {log.name})")
    stack.hr = login(stack.base, email, password)
    return stack


def stop_stack(stack: Stack) -> None:
    for process in stack.processes:
        process.send_signal(signal.SIGTERM)
    for process in stack.processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    for step in reversed(stack.cleanup):
        try:
            step()
        except Exception as exc:  # cleanup must go on
            print(f"cleanup: {exc!r}", file=sys.stderr)


def login(base: str, email: str, password: str) -> dict:
    response = requests.post(f"{base}/api/auth/login", json={"email": email, "password": password}, timeout=30)
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['token']}"}


def check(response: requests.Response, expected: int) -> dict:
    if response.status_code != expected:
        raise RuntimeError(f"{response.request.method} {response.url}: {response.status_code} {response.text[:300]}")
    return response.json()


def answer_audio(question: str, seconds: float) -> np.ndarray:
    """`seconds` of the corpus's speech for a question: its strong, average and weak recordings, repeated, cut."""
    corpus = json.loads((CORPUS / "corpus.json").read_text(encoding="utf-8"))
    files = [i["file"] for quality in ("strong", "average", "weak") for i in corpus["items"]
             if i.get("question") == question and i.get("quality") == quality and i["file"].endswith(".wav")
             and "long_pauses" not in i["file"]]
    pieces, total = [], 0
    while total < seconds * SAMPLE_RATE:
        for name in files:
            samples = decode_audio(CORPUS / name)
            pieces.append(samples)
            total += samples.size
    return np.concatenate(pieces)[: int(seconds * SAMPLE_RATE)]


def wav_bytes(samples: np.ndarray) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1), wav.setsampwidth(2), wav.setframerate(SAMPLE_RATE)
        wav.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return out.getvalue()


def create_job(stack: Stack, answer_seconds: int) -> dict:
    payload = demo_job_payload()
    payload["questions"] = [dict(q, answer_seconds=max(q["answer_seconds"], answer_seconds), think_seconds=5)
                            for q in payload["questions"] if not q.get("practice")]
    return check(requests.post(f"{stack.base}/api/jobs", json=payload, headers=stack.hr, timeout=30), 201)


def new_candidate(stack: Stack, job: dict, run: int) -> tuple[str, dict]:
    api, http = f"{stack.base}/api", requests.Session()
    application = check(http.post(f"{api}/applications", headers=stack.hr, timeout=30, json={
        "job_id": job["id"], "candidate": {"name": f"延迟测试{run}"}}), 201)
    invitation = check(http.post(f"{api}/applications/{application['id']}/invitations", headers=stack.hr, timeout=30), 201)
    session = check(http.post(f"{api}/candidate/session", json={"invitation_token": invitation["token"]}, timeout=30), 201)
    me = {"Authorization": f"Bearer {session['token']}"}
    for notice in check(http.get(f"{api}/candidate/consents", headers=me, timeout=30), 200)["notices"]:
        check(http.post(f"{api}/candidate/consents", headers=me, timeout=30, json={
            "kind": notice["kind"], "granted": True, "notice_version": notice["version"],
            "text_sha256": notice["text_sha256"], "channel": "h5"}), 201)
    return application["id"], me


def upload(stack: Stack, me: dict, answer_id: str, data: bytes, *, index: int, count: int | None) -> dict:
    form = {"index": index, "sha256": hashlib.sha256(data).hexdigest()}
    if count is not None:
        form["count"] = count
    return check(requests.post(f"{stack.base}/api/candidate/answers/{answer_id}/segments", headers=me, timeout=60,
                               data=form, files={"file": ("segment.wav", data, "audio/wav")}), 201)


def record_and_upload(stack: Stack, me: dict, question_id: str, audio: np.ndarray, *, real_time: bool) -> tuple[str, float]:
    """Start the question, record its answer in segments of the announced length, upload each once recorded.
    Returns the answer id and the perf_counter time at which the last upload's response arrived."""
    started = check(requests.post(f"{stack.base}/api/candidate/questions/{question_id}/start", headers=me, timeout=30), 201)
    step = int(started["segment_max_seconds"] * SAMPLE_RATE)
    pieces = [audio[i:i + step] for i in range(0, audio.size, step)]
    began = time.perf_counter()
    recorded = 0.0
    for index, piece in enumerate(pieces):
        recorded += piece.size / SAMPLE_RATE
        if real_time:
            time.sleep(max(0.0, began + recorded - time.perf_counter()))  # the segment is being recorded
        last = index == len(pieces) - 1
        upload(stack, me, started["answer_id"], wav_bytes(piece), index=index, count=len(pieces) if last else None)
    return started["answer_id"], time.perf_counter()


def wait_scored(stack: Stack, me: dict, answer_id: str, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while check(requests.get(f"{stack.base}/api/candidate/answers/{answer_id}", headers=me, timeout=30), 200)["status"] not in FINAL:
        if time.monotonic() > deadline:
            raise RuntimeError(f"answer {answer_id} not processed within {timeout:.0f} s")
        time.sleep(0.2)


def one_run(stack: Stack, job: dict, audios: list[np.ndarray], *, run: int, fast: bool) -> dict:
    application_id, me = new_candidate(stack, job, run)
    questions = job["questions"]
    for position, (question, audio) in enumerate(zip(questions, audios)):
        last_question = position == len(questions) - 1
        answer_id, uploaded_at = record_and_upload(stack, me, question["id"], audio, real_time=last_question or not fast)
        if fast and not last_question:
            wait_scored(stack, me, answer_id)
    check(requests.post(f"{stack.base}/api/candidate/interview/finish", headers=me, timeout=30), 200)
    session = requests.Session()
    while True:
        detail = check(session.get(f"{stack.base}/api/applications/{application_id}", headers=stack.hr, timeout=30), 200)
        if detail.get("result"):
            readable_at = time.perf_counter()
            # Read again: the answers in the same response may have been read just before the result was committed.
            detail = check(session.get(f"{stack.base}/api/applications/{application_id}", headers=stack.hr, timeout=30), 200)
            break
        if time.perf_counter() - uploaded_at > 600:
            raise RuntimeError("no result within 10 minutes")
        time.sleep(0.05)
    last = next(a for a in detail["answers"] if a["id"] == answer_id)
    position_of = {q["id"]: q["position"] for q in questions}
    timings = worker_timings(stack, answer_id, application_id, uploaded_at, readable_at)
    return {**timings,
        "latency": readable_at - uploaded_at, "load": os.getloadavg()[0], "overall": detail["result"]["overall"],
        "scores": [a["content_score"] if a["status"] == "scored" else f"{a['status']}:{a.get('status_reason')}"
                   for a in sorted(detail["answers"], key=lambda a: position_of[a["question_id"]])],
        "segments": len(last.get("recordings") or []),
    }


def worker_timings(stack: Stack, answer_id: str, application_id: str, uploaded_at: float, readable_at: float) -> dict:
    """Where the time went, from the database when the bench started the stack: the last answer's scoring stages and
    when its score and the interview's result were written (relative to the last upload's response)."""
    if stack.database_url is None:
        return {}
    from backend.models import Answer
    from backend.models.results import InterviewResult

    now_wall, now_perf = time.time(), time.perf_counter()
    engine = make_engine(stack.database_url)
    try:
        with session_scope(engine) as session:
            answer = session.get(Answer, uuid.UUID(answer_id))
            result = session.get(InterviewResult, uuid.UUID(application_id))
            upload_wall = now_wall - (now_perf - uploaded_at)
            return {"timings": answer.timings, "scored_after": answer.scored_at.timestamp() - upload_wall,
                    "result_after": result.computed_at.timestamp() - upload_wall,
                    "readable_after": readable_at - uploaded_at}
    finally:
        engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per mode")
    parser.add_argument("--answer-seconds", type=float, default=60.0)
    parser.add_argument("--fast", action="store_true", help="only the last answer in real time (see the module doc)")
    parser.add_argument("--modes", nargs="+", default=["segment", "whole"], choices=sorted(MODES))
    parser.add_argument("--base", help="use this running stack (one mode: whatever it is configured as)")
    parser.add_argument("--hr-email", default=os.environ.get("BENCH_HR_EMAIL"))
    parser.add_argument("--hr-password", default=os.environ.get("BENCH_HR_PASSWORD"))
    args = parser.parse_args()

    job_questions = ("q1", "q2", "q3")
    audios = [answer_audio(q, args.answer_seconds) for q in job_questions]
    stacks: list[Stack] = []
    root = tempfile.TemporaryDirectory(prefix="qingpin-latency-")
    try:
        if args.base:
            stacks.append(Stack(mode=args.modes[0], base=args.base.rstrip("/"), hr=login(args.base.rstrip("/"), args.hr_email, args.hr_password)))
        else:
            for mode in args.modes:
                started = time.perf_counter()
                stacks.append(start_stack(mode, Path(root.name)))
                print(f"{mode}: gunicorn and one qingpin worker up in {time.perf_counter() - started:.0f} s", flush=True)
        jobs = {stack.mode: create_job(stack, int(args.answer_seconds)) for stack in stacks}
        results: dict[str, list[dict]] = {stack.mode: [] for stack in stacks}
        print(f"{len(job_questions)} answers of {args.answer_seconds:g} s each per run, "
              f"{'only the last' if args.fast else 'every answer'} recorded in real time; {os.cpu_count()} cores", flush=True)
        for run in range(args.runs):
            for stack in stacks:  # modes alternate: both see the same machine
                row = one_run(stack, jobs[stack.mode], audios, run=run, fast=args.fast)
                results[stack.mode].append(row)
                print(f"run {run + 1} {stack.mode:7}: last upload complete -> result readable {row['latency']:.2f} s; "
                      f"last answer in {row['segments']} segment(s); overall {row['overall']}, answer scores "
                      f"{row['scores']}; load average {row['load']:.1f}", flush=True)
                if "timings" in row:
                    t = row["timings"]
                    print(f"    last answer: {t.get('segments_recognised_before', 0)} segment(s) recognised before it "
                          f"ended; at scoring decode {t.get('decode_s')} s, VAD {t.get('vad_s')} s, recogniser "
                          f"{t.get('asr_s')} s, content {t.get('content_s')} s; score written {row['scored_after']:.2f} s "
                          f"and result {row['result_after']:.2f} s after the last upload", flush=True)
        for mode, rows in results.items():
            latencies = [r["latency"] for r in rows]
            print(f"RESULT {mode:7}: median {statistics.median(latencies):.2f} s (min {min(latencies):.2f}, max "
                  f"{max(latencies):.2f}, {len(rows)} runs) from the last upload of {args.answer_seconds:g} s answers to "
                  f"the result readable; load average {statistics.median(r['load'] for r in rows):.1f} (median over runs)",
                  flush=True)
        if {"segment", "whole"} <= results.keys():
            ratio = statistics.median(r["latency"] for r in results["segment"]) / statistics.median(
                r["latency"] for r in results["whole"])
            print(f"RESULT segment / whole (same run, alternating): {ratio:.2f}; target: segment <= 10 s", flush=True)
        return 0
    finally:
        for stack in stacks:
            stop_stack(stack)
        root.cleanup()


if __name__ == "__main__":
    sys.exit(main())
