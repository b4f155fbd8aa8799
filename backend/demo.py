"""`qingpin demo`: walks the whole thin flow over HTTP against a running QingPin, printing what each side sees."""
from __future__ import annotations

import hashlib
import io
import time
import wave
from pathlib import Path

import requests

from .seed import DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD, demo_job_payload

DEFAULT_AUDIO = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "interview" / "q1_strong.wav"
FINAL = {"scored", "insufficient_evidence", "unreadable", "failed"}


class DemoFailed(RuntimeError):
    pass


def _check(response: requests.Response, expected: int) -> dict:
    if response.status_code != expected:
        raise DemoFailed(f"{response.request.method} {response.url} -> {response.status_code}: {response.text[:500]}")
    return response.json() if response.content else {}


def split_wav(data: bytes, seconds: float) -> list[bytes]:
    """A WAV recording cut into standalone WAVs of at most `seconds` each, as a segment recorder hands them over
    (wave.Error when `data` is no WAV)."""
    with wave.open(io.BytesIO(data)) as source:
        params, frames = source.getparams(), source.readframes(source.getnframes())
    step = int(params.framerate * seconds) * params.sampwidth * params.nchannels
    pieces = []
    for start in range(0, len(frames), step):
        out = io.BytesIO()
        with wave.open(out, "wb") as piece:
            piece.setparams(params)
            piece.writeframes(frames[start:start + step])
        pieces.append(out.getvalue())
    return pieces


def _segments(data: bytes, seconds: int) -> list[bytes]:
    """The recording in segments of the server's length; another format than WAV goes up whole."""
    try:
        return split_wav(data, seconds)
    except (wave.Error, EOFError):
        return [data]


def run_demo(base_url: str, *, audio: Path = DEFAULT_AUDIO, email: str = DEMO_ADMIN_EMAIL,
             password: str = DEMO_ADMIN_PASSWORD, timeout: float = 300, echo=print) -> dict:
    """HR logs in, creates a job, invites a candidate; the candidate uploads an answer; HR reads transcript and score."""
    if not audio.is_file():
        raise DemoFailed(f"answer recording not found: {audio} (pass --audio, e.g. ../shared/fixtures/interview/q1_strong.wav)")
    http = requests.Session()
    api = base_url.rstrip("/") + "/api"

    login = _check(http.post(f"{api}/auth/login", json={"email": email, "password": password}), 200)
    hr = {"Authorization": f"Bearer {login['token']}"}
    echo(f"[HR] logged in as {login['user']['email']} ({login['user']['role']})")

    job = _check(http.post(f"{api}/jobs", json=demo_job_payload(), headers=hr), 201)
    echo(f"[HR] created job 「{job['title']}」 with {len(job['questions'])} questions")

    application = _check(http.post(f"{api}/applications", headers=hr, json={
        "job_id": job["id"], "candidate": {"name": "张演示", "phone": "13800000000", "email": "demo.candidate@example.com"}}), 201)
    invitation = _check(http.post(f"{api}/applications/{application['id']}/invitations", headers=hr), 201)
    echo(f"[HR] invited the candidate: link {invitation['url'][:12]}… valid until {invitation['expires_at']}")

    session = _check(http.post(f"{api}/candidate/session", json={"invitation_token": invitation["token"]}), 201)
    me = {"Authorization": f"Bearer {session['token']}"}
    for notice in _check(http.get(f"{api}/candidate/consents", headers=me), 200)["notices"]:
        _check(http.post(f"{api}/candidate/consents", headers=me, json={
            "kind": notice["kind"], "granted": True, "notice_version": notice["version"],
            "text_sha256": notice["text_sha256"], "channel": "h5"}), 201)
        echo(f"[candidate] agreed to 「{notice['title']}」 (v{notice['version']})")
    interview = _check(http.get(f"{api}/candidate/interview", headers=me), 200)
    started = _check(http.post(f"{api}/candidate/questions/{interview['questions'][0]['id']}/start", headers=me), 201)
    echo(f"[candidate] question 1: {started['question']['text']} (record by {started['record_by']})")

    data = audio.read_bytes()
    pieces = _segments(data, started["segment_max_seconds"])
    for index, piece in enumerate(pieces):  # as the browser's recorder hands them over, each as it is recorded
        answer = _check(http.post(f"{api}/candidate/answers/{started['answer_id']}/segments", headers=me,
                                  files={"file": (f"{audio.stem}-{index}{audio.suffix}", piece)},
                                  data={"index": index, "count": len(pieces), "sha256": hashlib.sha256(piece).hexdigest()}), 201)
    echo(f"[candidate] uploaded {audio.name} ({len(data) / 1024:.0f} KiB) in {len(pieces)} segment(s) of at most "
         f"{started['segment_max_seconds']} s; status {answer['status']}")

    waiting_since = time.monotonic()
    while answer["status"] not in FINAL:
        if time.monotonic() - waiting_since > timeout:
            raise DemoFailed(f"the answer was not processed within {timeout:.0f} s: is the worker running?")
        time.sleep(1)
        answer = _check(http.get(f"{api}/candidate/answers/{answer['id']}", headers=me), 200)
    echo(f"[worker] answer processed in {time.monotonic() - waiting_since:.1f} s: {answer['status']}")

    detail = _check(http.get(f"{api}/applications/{application['id']}", headers=hr), 200)
    scored = next(a for a in detail["answers"] if a["id"] == answer["id"])
    echo(f"[HR] transcript: {scored['transcript']}")
    echo(f"[HR] content score: {scored['content_score']}  competencies: {scored['competency_scores']}  "
         f"({scored['scorer_version']}, config {str(scored['config_hash'])[:12]})")
    for point in scored["evidence"]:
        where = f" @ {point['start']:.1f}–{point['end']:.1f} s" if point.get("start") is not None else ""
        mark = "✓" if point["found"] else "✗"
        echo(f"[HR]   {mark} {point['point_text']}" + (f": 「{point['quote']}」{where}" if point["found"] else ""))
    return {"application": detail, "answer": scored}
